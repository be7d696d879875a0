"""The frozen window's executable has no console on Windows (sys.stdout is None): given a command it
says where the command line is, rather than running with nowhere to print and nothing to read."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from branchguard.cli import main


def test_a_command_without_a_console_points_to_the_cli_and_runs_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    assert main(["--data-dir", str(tmp_path / "data"), "demo"]) == 2
    assert "branchguard-cli.exe" in capsys.readouterr().err
    assert not (tmp_path / "data").exists()
