"""UTCDateTime's reading of SQLite's text (db/base.py): the one-call parse of naive UTC text must
give what the usual way gives (the dialect's parse, then marked UTC), for every text, and leave any
other text to the usual way."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, insert, select, text
from sqlalchemy.dialects import sqlite
from sqlalchemy.types import TypeDecorator

from branchguard.db.base import UTCDateTime

DIALECT = sqlite.dialect()
OURS = UTCDateTime().dialect_impl(DIALECT).result_processor(DIALECT, None)
USUAL = TypeDecorator.result_processor(UTCDateTime().dialect_impl(DIALECT), DIALECT, None)


def _same(stored: str | None) -> None:
    try:
        expected: object = USUAL(stored)
    except ValueError as exc:  # text no parse reads: ours must refuse it the same way
        expected = type(exc)
    try:
        got: object = OURS(stored)
    except ValueError as exc:
        got = type(exc)
    assert got == expected, stored
    if isinstance(got, datetime):
        assert isinstance(expected, datetime)
        assert got.tzinfo is UTC and expected.tzinfo is UTC and got.isoformat() == expected.isoformat()


def test_the_texts_sqlite_holds_read_as_before() -> None:
    for stored in (
        "2026-12-05 10:52:00.000000",  # what SQLAlchemy writes
        "2026-12-05 10:52:00.123456",
        "2026-12-05 10:52:00",
        "2026-12-05 10:52:00.123",
        "2026-12-05 10:52",
        "2026-12-05T10:52:00",
        "2026-12-05",
        "2026-12-05 10:52:00+08:00",  # text with its own offset: converted, as before
        "2026-12-05 10:52:00.5-05:30",
        "2026-12-05T10:52:00Z",
        "not a time",
        "",
        None,
    ):
        _same(stored)


@given(
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 12, 31)),
    st.sampled_from(
        ["%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H",
         "%Y-%m-%d", "%Y%m%d", "%Y%m%dT%H%M%S"]
    ),
    st.one_of(st.just(""), st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))),
)
def test_any_stored_time_reads_as_before(moment: datetime, shape: str, zone: object) -> None:
    stored = moment.strftime(shape)
    _same(stored)
    if isinstance(zone, timezone):
        _same(moment.replace(tzinfo=zone).isoformat(" "))


def test_a_written_instant_reads_back_aware_in_utc() -> None:
    table = Table("t", MetaData(), Column("id", Integer, primary_key=True), Column("at", UTCDateTime()))
    engine = create_engine("sqlite://")
    table.metadata.create_all(engine)
    written = datetime(2026, 3, 8, 2, 30, 15, 250000, tzinfo=timezone(timedelta(hours=8)))
    with engine.begin() as conn:
        conn.execute(insert(table).values(id=1, at=written))
        conn.execute(text("INSERT INTO t (id, at) VALUES (2, '2026-03-08 02:30:15+08:00')"))
        rows = dict(conn.execute(select(table.c.id, table.c.at)).all())
    assert rows[1] == written and rows[1].tzinfo is UTC and rows[1].hour == 18
    assert rows[2] == datetime(2026, 3, 7, 18, 30, 15, tzinfo=UTC) and rows[2].tzinfo is UTC
