"""Engine behaviour the data relies on: SQLite pragmas on every connection, UTC-aware times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from branchguard.context import AppContext, open_context
from branchguard.db.engine import LOCK_RETRY, SQLITE_BUSY_TIMEOUT_MS, make_engine, sqlite_url
from branchguard.db.models.foundation import AuditEventRow

BEIJING = timezone(timedelta(hours=8))


def test_sqlite_pragmas_hold_on_every_connection(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "p.sqlite"))
    try:
        # two connections open at once: the second is a new DBAPI connection, not a reused one
        with engine.connect() as first, engine.connect() as second:
            for conn in (first, second):
                pragmas = {
                    name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                    for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
                }
                assert pragmas == {
                    "journal_mode": "wal",
                    "foreign_keys": 1,
                    "synchronous": 2,  # FULL
                    "busy_timeout": SQLITE_BUSY_TIMEOUT_MS,
                }
        # SQLite's own wait before each retry; LockRetry's pauses between them make ~30 s in all
        assert SQLITE_BUSY_TIMEOUT_MS == 2_000
        assert LOCK_RETRY.wait_ms == SQLITE_BUSY_TIMEOUT_MS and sum(LOCK_RETRY.pauses) == 15.5
    finally:
        engine.dispose()


def test_aware_datetimes_round_trip_as_utc(ctx: AppContext) -> None:
    at = datetime(2026, 3, 1, 8, 30, 15, 123456, tzinfo=BEIJING)
    with Session(ctx.engine) as s, s.begin():
        s.add(AuditEventRow(at=at, actor="t", action="test.time", entity="test", summary="clock"))
    with Session(ctx.engine) as s:
        stored = s.scalar(select(AuditEventRow.at).where(AuditEventRow.action == "test.time"))
    assert stored == at
    assert stored is not None
    assert stored.utcoffset() == timedelta(0)
    assert stored.astimezone(UTC).hour == 0  # 08:30 in Beijing is 00:30 UTC


def test_naive_datetime_is_rejected(ctx: AppContext) -> None:
    with Session(ctx.engine) as s, pytest.raises(StatementError, match="naive datetime"), s.begin():
        s.add(AuditEventRow(at=datetime(2026, 3, 1, 8, 30), actor="t", action="test.naive", entity="test"))
    with Session(ctx.engine) as s:
        assert s.scalar(select(AuditEventRow.id).where(AuditEventRow.action == "test.naive")) is None


def test_data_dir_from_environment_isolated(tmp_path: Path) -> None:
    """The test set-up points the default data folder into tmp_path, never at the user's own."""
    ctx = open_context()
    try:
        assert ctx.data_dir == tmp_path / "data"
        assert (tmp_path / "data" / "branchguard.sqlite").exists()
    finally:
        ctx.close()
