"""The queries ten years of data made slow are answered from their indexes (SQLite's EXPLAIN QUERY
PLAN names the index; a SCAN of the table would read every row), with statistics present."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.dialects import sqlite

from branchguard.core.hazards.store import OPEN_STATES
from branchguard.db.engine import make_engine, sqlite_url
from branchguard.db.models.foundation import AuditEventRow
from branchguard.db.models.hazards import HazardRow
from branchguard.db.models.schedules import OccurrenceRow, ScheduleRow
from tests.conftest import HistoryYear

pytestmark = pytest.mark.slow  # a year of history to plan against

AT = datetime(2026, 1, 1, tzinfo=UTC)
QUERIES = {
    "ix_audit_events_actor_at": select(AuditEventRow.id)
    .where(AuditEventRow.actor == "lead", AuditEventRow.at < AT)
    .order_by(AuditEventRow.at.desc())
    .limit(200),
    "ix_schedules_kind_subject_id": select(ScheduleRow.id).where(
        ScheduleRow.kind == "hazard", ScheduleRow.subject_id == 7
    ),
    "ix_schedule_occurrences_rule_at": select(OccurrenceRow.schedule_id, OccurrenceRow.rule_at).where(
        OccurrenceRow.rule_at >= AT, OccurrenceRow.rule_at < datetime(2026, 2, 1, tzinfo=UTC)
    ),
    # what is still owed, earliest first (schedules/service.py, `open_items`)
    "ix_schedule_occurrences_status_due_at": select(OccurrenceRow.id)
    .join(ScheduleRow, ScheduleRow.id == OccurrenceRow.schedule_id)
    .where(OccurrenceRow.status == "open", ScheduleRow.kind.in_(["inspection"]))
    .order_by(OccurrenceRow.due_at, OccurrenceRow.id),
    # the overdue hazards (hazards/store.py, `filtered`), counted by the dashboard three times
    "ix_hazards_status_due_date": select(HazardRow.id).where(
        HazardRow.status.in_(OPEN_STATES), HazardRow.due_date < date(2026, 6, 30)
    ),
}


@pytest.fixture(scope="module")
def year_of_history(history_year: HistoryYear, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A year of a busy branch, with the statistics the history's writing leaves behind (a copy)."""
    return Path(shutil.copytree(history_year.folder, tmp_path_factory.mktemp("scale") / "data"))


@pytest.mark.parametrize("index", list(QUERIES))
def test_the_query_uses_its_index(year_of_history: Path, index: str) -> None:
    engine = make_engine(sqlite_url(year_of_history / "branchguard.sqlite"))
    sql = str(QUERIES[index].compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM sqlite_stat1").scalar()
            plan = " ".join(row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
            assert index in plan, plan
    finally:
        engine.dispose()
