"""The log file and crash capture: an uncaught error and a hard crash leave their traces in the data
folder's logs, and no password reaches the log."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from branchguard.core.faults.holders import pc_tag
from branchguard.diagnostics import CRASH_FILE, LOG_FILE, LOG_FOLDER, own_name

# A command whose handler raises an error nobody expects, run as the process's own entry point.
INJECTED = """
import sys
import branchguard.cli.info as info

def boom(ctx, args):
    raise RuntimeError("injected fault 7f3a")

info.run_info = boom
from branchguard import cli
sys.argv = ["branchguard", "--data-dir", sys.argv[1], "info"]
sys.exit(cli.main())
"""

CRASH = """
import faulthandler, sys
from branchguard import cli
sys.argv = ["branchguard", "--data-dir", sys.argv[1], "info"]
cli.main()
faulthandler._sigsegv()
"""


def _run(code: str, data: Path) -> subprocess.CompletedProcess[str]:
    """`code` run on `data`, a new branch's folder (`info` shows one; it makes none)."""
    from branchguard.context import open_context

    open_context(data).close()
    env = {**os.environ, "PYTHONFAULTHANDLER": ""}
    command = [sys.executable, "-c", code, str(data)]
    return subprocess.run(command, capture_output=True, text=True, check=False, env=env, timeout=120)


def test_an_uncaught_error_is_logged_with_its_traceback(tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = _run(INJECTED, data)
    assert done.returncode != 0 and "injected fault 7f3a" in done.stderr
    log = (data / LOG_FOLDER / LOG_FILE).read_text(encoding="utf-8")
    assert "BranchGuard" in log and "started: info" in log
    assert "CRITICAL" in log and "uncaught exception" in log
    assert "Traceback (most recent call last)" in log and "in boom" in log
    assert "RuntimeError: injected fault 7f3a" in log


@pytest.mark.skipif(sys.platform == "win32", reason="a segfault on purpose")
def test_a_hard_crash_leaves_its_stack_in_crash_log(tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = _run(CRASH, data)
    assert done.returncode != 0
    crash = (data / LOG_FOLDER / CRASH_FILE).read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in crash


def test_no_password_reaches_the_log(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()  # the shared folder, there already: `info` makes none
    url = "postgresql+psycopg://bg_user:s3cret-pw@127.0.0.1:1/branchguard?connect_timeout=1"
    done = subprocess.run(
        [sys.executable, "-m", "branchguard", "--data-dir", str(data), "--db", url, "info"],
        capture_output=True, text=True, check=False, timeout=120,
    )
    assert done.returncode == 1
    log = (data / LOG_FOLDER / own_name(LOG_FILE, pc_tag())).read_text(encoding="utf-8")
    assert "started: info" in log and "s3cret-pw" not in log


def test_each_pc_of_a_database_server_writes_its_own_log(tmp_path: Path) -> None:
    """The PCs of a shared deployment share the data folder: one rotating file written by all of
    them loses or interleaves lines (its rotation fails on a Windows share while another PC holds
    it). On a database server the log and crash files are this PC's; the embedded SQLite keeps one."""
    data = tmp_path / "data"
    data.mkdir()  # the shared folder, there already: `info` makes none
    url = "postgresql+psycopg://bg_user@127.0.0.1:1/branchguard?connect_timeout=1"
    subprocess.run(
        [sys.executable, "-m", "branchguard", "--data-dir", str(data), "--db", url, "info"],
        capture_output=True, text=True, check=False, timeout=120,
    )
    pc = pc_tag()
    assert pc and sorted(p.name for p in (data / LOG_FOLDER).iterdir()) == [
        f"branchguard-{pc}.log", f"crash-{pc}.log"
    ]
    assert "started: info" in (data / LOG_FOLDER / f"branchguard-{pc}.log").read_text(encoding="utf-8")
    sqlite_data = tmp_path / "sqlite"
    _run(INJECTED, sqlite_data)
    assert sorted(p.name for p in (sqlite_data / LOG_FOLDER).iterdir()) == sorted([CRASH_FILE, LOG_FILE])
