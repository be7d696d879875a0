"""The command line in-process, each call a fresh start: `invoke` runs
`branchguard --data-dir DIR --lang LANG ARGS…` and returns (exit code, stdout, stderr)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from branchguard import cli

Run = Callable[..., tuple[int, str, str]]


def invoke(
    capsys: pytest.CaptureFixture[str], data_dir: Path, args: Sequence[str], lang: str
) -> tuple[int, str, str]:
    try:
        code = cli.main(["--data-dir", str(data_dir), "--lang", lang, *args])
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err
