"""What the fault tests share: the driver's errors as SQLAlchemy raises them, a disk with only so
much room left, the words a worded fault must not show, and another program holding the lock."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple

import pytest
from sqlalchemy.exc import OperationalError

from branchguard.core.faults import machine

RAW = ("OperationalError", "sqlite3", "sqlalche.me", "Background on this error")


class Usage(NamedTuple):
    total: int
    used: int
    free: int


def wrapped(text: str) -> OperationalError:
    """The driver's error as SQLAlchemy raises it from a statement (the login's audit entry)."""
    return OperationalError("INSERT INTO audit_events ...", {}, sqlite3.OperationalError(text))


def disk_with(monkeypatch: pytest.MonkeyPatch, free: int, total: int = 3 << 20) -> None:
    """The data folder's disk, as the faults read it, holding `free` bytes of `total`."""
    monkeypatch.setattr(machine.shutil, "disk_usage", lambda _path: Usage(total, total - free, free))


# Another BranchGuard window, as far as the faults can tell: the write lock held, its PID in the
# window's lock file (argv: the database, the lock file).
HOLDER = """
import os, socket, sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").write(f"{os.getpid()}\\npython3\\n{socket.gethostname()}\\n")  # QLockFile's
print("held", flush=True)
sys.stdin.readline()
"""


@contextmanager
def lock_held_by(script: str, *args: str) -> Iterator[subprocess.Popen[str]]:
    """A program of its own running `script` with `args`: it prints "held" once it holds its lock,
    and lets go when told (a line on its stdin) or once the block ends."""
    proc = subprocess.Popen(
        [sys.executable, "-c", script, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        yield proc
    finally:
        if proc.returncode is None:
            proc.communicate("\n", timeout=30)
