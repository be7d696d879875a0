"""What the fault tests share: the driver's errors as SQLAlchemy raises them, a disk with only so
much room left, and the words a worded fault must not show."""

from __future__ import annotations

import sqlite3
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
