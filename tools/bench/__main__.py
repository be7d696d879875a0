"""`python -m tools.bench`: run every benchmark and print its ratios; exit 1 if a target is missed."""

from __future__ import annotations

import sys

from tools.bench import cli_startup, hazards, headoffice, incidents, pages, scale, startup

BENCHMARKS = (startup, cli_startup, incidents, hazards, pages, scale, headoffice)


def main() -> int:
    results = [bench.run() for bench in BENCHMARKS]
    missed = results.count(False)
    print(f"\n{len(results) - missed} of {len(results)} benchmarks within target")
    return 0 if missed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
