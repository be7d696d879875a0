"""Revision 0013: the indexes ten years of data need, and one-off schedules left active after their
only occurrence ended; recurring ones, unwritten ones and ones still owed stay active. Revisions
0021 and 0022: one index each, added and dropped."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Connection, inspect, text

from branchguard.db.engine import make_engine, sqlite_url
from branchguard.db.migrate import alembic_config

SCHEDULE = text(
    "INSERT INTO schedules (id, kind, title, owner, rrule, start_at, timezone, lead_minutes, working_days, "
    "active, notes, catch_up_from, created_by, created_at, updated_at) "
    "VALUES (:id, 'drill', 'x', '', :rrule, '2026-01-01 00:00:00', 'Asia/Shanghai', 60, 'none', 1, '', "
    "'2026-01-01 00:00:00', 'lead', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
)
OCCURRENCE = text(
    "INSERT INTO schedule_occurrences (schedule_id, rule_at, due_at, status, note, created_at) "
    "VALUES (:sid, :at, :at, :status, '', '2026-01-01 00:00:00')"
)


def test_upgrade_ends_spent_one_offs_and_adds_the_indexes(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "m.sqlite"))
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0011")
        cases = {1: ("", ["done"]), 2: ("", ["skipped"]), 3: ("", ["open"]), 4: ("", []),
                 5: ("FREQ=DAILY", ["done"]), 6: ("", ["done", "open"])}  # fmt: skip
        for sid, (rule, statuses) in cases.items():
            conn.execute(SCHEDULE, {"id": sid, "rrule": rule})
            for n, status in enumerate(statuses):
                conn.execute(OCCURRENCE, {"sid": sid, "at": f"2026-01-0{n + 2} 00:00:00", "status": status})
        command.upgrade(cfg, "0013")
        active = dict(conn.execute(text("SELECT id, active FROM schedules")).tuples().all())
        assert active == {1: 0, 2: 0, 3: 1, 4: 1, 5: 1, 6: 1}
        names = {i["name"] for t in ("audit_events", "schedules", "schedule_occurrences")
                 for i in inspect(conn).get_indexes(t)}  # fmt: skip
        assert {
            "ix_audit_events_actor_at",
            "ix_schedules_kind_subject_id",
            "ix_schedule_occurrences_rule_at",
        } <= names
        command.downgrade(cfg, "0011")
        names = {i["name"] for i in inspect(conn).get_indexes("audit_events")}
        assert "ix_audit_events_actor_at" not in names
    engine.dispose()


@pytest.mark.parametrize(
    ("revision", "table", "index", "columns"),
    [
        ("0021", "hazards", "ix_hazards_status_due_date", ["status", "due_date"]),  # the overdue hazards
        ("0022", "schedule_occurrences", "ix_schedule_occurrences_status_due_at", ["status", "due_at"]),
    ],
)
def test_a_later_index_revision_adds_and_drops_its_index(
    tmp_path: Path, revision: str, table: str, index: str, columns: list[str]
) -> None:
    engine = make_engine(sqlite_url(tmp_path / "m.sqlite"))
    cfg = alembic_config()
    before = f"{int(revision) - 1:04d}"
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, before)
            assert index not in _indexes(conn, table)
            command.upgrade(cfg, revision)
            assert _indexes(conn, table)[index] == columns
            command.downgrade(cfg, before)
            assert index not in _indexes(conn, table)
    finally:
        engine.dispose()


def _indexes(conn: Connection, table: str) -> dict[str, list[str | None]]:
    return {str(i["name"]): i["column_names"] for i in inspect(conn).get_indexes(table)}
