"""db/locks.py: a row read for a change is locked before it is read, on both engines."""

from __future__ import annotations

from typing import Any

from sqlalchemy import update

from branchguard.db.locks import locked
from branchguard.db.models.foundation import UserRow
from tests.interleave_support import is_locked


def _first_user(ctx: Any) -> int:
    with ctx.sessions() as s:
        return s.query(UserRow.id).order_by(UserRow.id).limit(1).scalar()


def test_the_row_is_read_fresh_and_no_other_writer_comes_between(ctx, demo) -> None:
    """Another connection changes the row after this session read it: `locked` reads the change
    (not the session's stale copy), and until this transaction ends no other can take the row."""
    user_id = _first_user(ctx)
    with ctx.sessions() as s:
        stale = s.get(UserRow, user_id)
        assert stale is not None and stale.failed_attempts == 0
        with ctx.engine.begin() as other:  # another PC, before the lock
            other.execute(update(UserRow).where(UserRow.id == user_id).values(failed_attempts=3))
        assert not is_locked(ctx, "users", user_id)
        row = locked(s, UserRow, user_id)
        assert row is stale and row.failed_attempts == 3
        assert is_locked(ctx, "users", user_id)
        s.rollback()
    assert not is_locked(ctx, "users", user_id)


def test_a_missing_row_is_none(ctx) -> None:
    with ctx.sessions() as s:
        assert locked(s, UserRow, 10_000_000) is None
