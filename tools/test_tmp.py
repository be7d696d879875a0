"""Where `make test` puts the tests' temporary folders: prints a folder on a RAM disk when this
machine has one with room that can run programs, and nothing otherwise (pytest then uses its
default under the system's temporary folder).

Why: nearly every test writes SQLite databases, whose commits and checkpoints sync the file to
disk. On the 2-core machine the project is built on, that syncing was an eighth of the run: the
whole suite took 397 s with its folders on disk and 348 s on /dev/shm (user CPU 618 s and 551 s);
three test folders alone (incidents, inspections and their pages), 42-44 s against 37 s, two runs
each, alternated. The app runs the same code either way; only the disk under the tests is faster.
A run writes about 3 GB there (the frozen build 300 MB, each test's database copies the rest);
`make test` removes the folder after a run that passed and keeps it, for a look, after one that
failed.

The folder is named after the checkout, so that two clones tested at once do not share one.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

RAM_DISK = Path("/dev/shm")
ROOM = 8 * 1024**3  # a run's ~3 GB, and as much again: never fill the memory it shares


def _mount_type(path: Path) -> str:
    """The file system type of the mount `path` is, from /proc/mounts ("" when unknown)."""
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return ""
    for line in mounts:
        fields = line.split()
        if len(fields) > 2 and fields[1] == str(path):
            return fields[2]
    return ""


def _runs_programs(folder: Path) -> bool:
    """Whether a program written in `folder` can be run (a `noexec` mount cannot: the frozen
    build's and the wheel's tests run what they build)."""
    probe = folder / "probe.sh"
    try:
        probe.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
        probe.chmod(0o700)
        return subprocess.run([str(probe)], check=False, timeout=10).returncode == 0
    except OSError:
        return False
    finally:
        probe.unlink(missing_ok=True)


def folder(root: Path) -> Path | None:
    """The tests' temporary folder for the checkout at `root`, or None for pytest's default."""
    if sys.platform != "linux" or _mount_type(RAM_DISK) != "tmpfs":
        return None
    try:
        if shutil.disk_usage(RAM_DISK).free < ROOM:
            return None
    except OSError:
        return None
    tag = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:12]
    chosen = RAM_DISK / f"branchguard-tests-{os.getuid()}-{tag}"
    try:
        chosen.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return None
    return chosen if _runs_programs(chosen) else None


if __name__ == "__main__":
    found = folder(Path(__file__).resolve().parents[1])
    if found is not None:
        print(found)
