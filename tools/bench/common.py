"""Timing helpers shared by the benchmarks: run children, read markers, summarise, print ratios."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
LEAD = ("lead", "lead-demo-2026")  # the demo's safety lead: the benches log in as this account


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a measured child. It writes what an installed app writes at its first
    start and reads at every later one (its bytecode, and the dataclass methods kept beside it by
    branchguard/dataclass_code.py), even where the shell says PYTHONDONTWRITEBYTECODE: a bench
    times the app's usual start, not its first."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    env.update(extra)
    return env


def time_markers(
    args: Sequence[str], markers: Sequence[str], env: dict[str, str], timeout: float = 120
) -> dict[str, float]:
    """Seconds from spawning `args` until each marker line appears on its stdout."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    seen: dict[str, float] = {}
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            word = line.strip()
            if word in markers and word not in seen:
                seen[word] = time.perf_counter() - start
            if len(seen) == len(markers):
                break
            if time.perf_counter() - start > timeout:
                break
    finally:
        # Left to end as the child ends itself (the app quits once its data is shown): a killed
        # window leaves its lock file, and each next start then timed a crashed window's lock taken
        # over (read, judged and said: 4-7 ms before the first frame), not a usual start.
        try:
            _, err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate(timeout=30)
    missing = [m for m in markers if m not in seen]
    if missing:
        raise RuntimeError(f"{' '.join(args[:3])}… never printed {missing}; stderr:\n{err[-2000:]}")
    return seen


@dataclass(frozen=True)
class Figure:
    name: str
    samples: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)


def print_ratio(label: str, value: Figure, floor: Figure, target: float | None, unit: str = "ms") -> bool:
    """One line: value, floor, ratio, target and whether it is met. Returns True when met."""
    scale = 1000.0 if unit == "ms" else 1.0
    ratio = value.median / floor.median
    met = target is None or ratio <= target
    verdict = "" if target is None else (f"target ≤ {target:.2f}×  " + ("ok" if met else "OVER TARGET"))
    print(
        f"  {label:<44} {value.median * scale:8.1f} {unit}  floor {floor.name} "
        f"{floor.median * scale:8.1f} {unit}  ratio {ratio:5.2f}×  {verdict}"
    )
    return met


def python() -> str:
    return sys.executable


def run_child(module: str, *args: str) -> dict[str, Any] | str:
    """Run `python -m module args…` and return the dict it prints as `result {json}`, or how it
    failed (a crash is a finding, not a reason to stop the other benchmarks)."""
    proc = subprocess.run(
        [python(), "-m", module, *args],
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=900,
        check=False,
    )
    for line in proc.stdout.splitlines():
        if line.startswith("result "):
            result: dict[str, Any] = json.loads(line[len("result ") :])
            return result
    how = f"killed by signal {-proc.returncode}" if proc.returncode < 0 else f"exit status {proc.returncode}"
    errors = [x for x in proc.stderr.splitlines() if x.strip() and "propagateSizeHints" not in x]
    return f"{how}; {errors[-1] if errors else 'no error output'}"
