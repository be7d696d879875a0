"""When an account is locked: after too many wrong passwords, until the moment stored."""

from __future__ import annotations

from datetime import datetime


def lock_end(locked_until: datetime | None, now: datetime) -> datetime | None:
    """When the lock on an account ends, if it is locked at `now`; None when it is not."""
    return locked_until if locked_until is not None and locked_until > now else None
