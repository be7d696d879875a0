"""The engine's lock-wait reports: each retry, then how the wait ended (so a process can stop saying
that it waits: core/faults/holders.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from branchguard.db.engine import LOCK_WAIT_GAVE_UP, LOCK_WAIT_OVER, LockRetry, make_engine, sqlite_url

QUICK = LockRetry(wait_ms=10, pauses=(0.01, 0.01, 0.01))


def _table(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE t (x INTEGER)")


def test_a_wait_that_gives_up_says_so_after_its_retries(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite"
    _table(db)
    said: list[int] = []
    engine = make_engine(sqlite_url(db), on_lock_wait=said.append, lock_retry=QUICK)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(OperationalError), engine.begin() as conn:
            conn.execute(text("INSERT INTO t VALUES (1)"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert said == [1, 2, 3, LOCK_WAIT_GAVE_UP]
    said.clear()
    with engine.begin() as conn:  # no wait: nothing is said
        conn.execute(text("INSERT INTO t VALUES (2)"))
    assert said == []
    engine.dispose()


def test_a_wait_that_goes_through_says_it_is_over(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite"
    _table(db)
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    said: list[int] = []

    def wait(attempt: int) -> None:
        said.append(attempt)
        if attempt == 2:  # the other writer finishes while this one waits
            holder.execute("COMMIT")

    engine = make_engine(sqlite_url(db), on_lock_wait=wait, lock_retry=QUICK)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO t VALUES (1)"))
    finally:
        holder.close()
        engine.dispose()
    assert said == [1, 2, LOCK_WAIT_OVER]
