"""Who else has this data folder open: the window's lock file (gui/shell/single_instance.py, PID on
its first line) and the files CLI commands write while they run (`run/cli-<PID>`), so a wait for
SQLite's write lock can name the BranchGuard that holds it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

WINDOW_LOCK = "branchguard.lock"  # the window's QLockFile: PID first
RUN_FOLDER = "run"
CLI_PREFIX = "cli-"


def process_runs(pid: int) -> bool:
    if sys.platform == "win32":  # os.kill(pid, 0) would send Ctrl+C there
        import ctypes

        kernel = ctypes.windll.kernel32
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to someone else
        return True
    return True


def window_pid(data_dir: Path) -> int | None:
    """The PID of a window open on this folder (its lock file names a process still running)."""
    try:
        first = (data_dir / WINDOW_LOCK).read_text(encoding="utf-8", errors="replace").split("\n", 1)[0]
        pid = int(first.strip())
    except (OSError, ValueError):
        return None
    return pid if pid > 0 and pid != os.getpid() and process_runs(pid) else None


def cli_pids(data_dir: Path) -> list[int]:
    """PIDs of other CLI commands running on this folder (files of ended ones are ignored)."""
    found = []
    try:
        names = [p.name for p in (data_dir / RUN_FOLDER).iterdir()]
    except OSError:
        return []
    for name in names:
        digits = name.removeprefix(CLI_PREFIX)
        if name.startswith(CLI_PREFIX) and digits.isdigit():
            pid = int(digits)
            if pid != os.getpid() and process_runs(pid):
                found.append(pid)
    return sorted(found)


def other_pids(data_dir: Path) -> list[int]:
    """Every other BranchGuard on this folder: the window first, then CLI commands."""
    window = window_pid(data_dir)
    return ([window] if window else []) + [p for p in cli_pids(data_dir) if p != window]


class Announcement:
    """`run/cli-<PID>` while a command runs, so another one waiting for the write lock can name it.
    Best effort: a folder that cannot take the file only makes the name unknown."""

    def __init__(self, data_dir: Path) -> None:
        path = data_dir / RUN_FOLDER / f"{CLI_PREFIX}{os.getpid()}"
        self.path: Path | None = path
        try:
            path.parent.mkdir(exist_ok=True)
            path.touch()
        except OSError:
            self.path = None

    def end(self) -> None:
        if self.path is not None:
            self.path.unlink(missing_ok=True)
            self.path = None
