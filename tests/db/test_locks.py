"""db/locks.py: a row read for a change is locked before it is read, on both engines."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from sqlalchemy import update

from branchguard.db.locks import locked
from branchguard.db.models.foundation import UserRow


def _first_user(ctx: Any) -> int:
    with ctx.sessions() as s:
        return s.query(UserRow.id).order_by(UserRow.id).limit(1).scalar()


def test_the_row_is_read_fresh_and_no_other_writer_comes_between(ctx, demo) -> None:
    """Another connection changes the row after this session read it: `locked` reads the change
    (not the session's stale copy), and until this transaction ends the other cannot write."""
    user_id = _first_user(ctx)
    with ctx.sessions() as s:
        stale = s.get(UserRow, user_id)
        assert stale is not None and stale.failed_attempts == 0
        with ctx.engine.begin() as other:  # another PC, before the lock
            other.execute(update(UserRow).where(UserRow.id == user_id).values(failed_attempts=3))
        row = locked(s, UserRow, user_id)
        assert row is stale and row.failed_attempts == 3
        if ctx.engine.dialect.name == "sqlite":
            other = sqlite3.connect(ctx.engine.url.database, timeout=0)
            try:
                with pytest.raises(sqlite3.OperationalError, match="locked"):
                    other.execute("BEGIN IMMEDIATE")
            finally:
                other.close()
        else:
            import psycopg

            url = ctx.engine.url
            with psycopg.connect(
                host=url.query["host"],
                port=url.port or int(url.query.get("port", 5432)),
                user=url.username,
                dbname=url.database,
            ) as other, pytest.raises(psycopg.errors.LockNotAvailable):
                other.execute("SELECT id FROM users WHERE id = %s FOR UPDATE NOWAIT", (user_id,))
        s.rollback()


def test_a_missing_row_is_none(ctx) -> None:
    with ctx.sessions() as s:
        assert locked(s, UserRow, 10_000_000) is None
