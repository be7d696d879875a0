"""The generated history ends on its last day (`branchguard demo --years N --until D`): nothing it
writes happened after D. Only plans look further ahead: a drill's date, a due date, a reminder."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, Table, select

from branchguard.core.schedules import rules
from branchguard.db.engine import make_engine, sqlite_url
from branchguard.db.tables import Base
from tests.conftest import HISTORY_UNTIL, HistoryYear

pytestmark = pytest.mark.slow  # a year of history (written once per run)

# When something is due or planned: ahead of the last day is where plans are.
PLANS = {
    "drill_plans.planned_at",
    "schedules.start_at",
    "schedule_occurrences.rule_at",
    "schedule_occurrences.due_at",
    "schedule_reminders.fire_at",
    "hazards.due_date",
    "hazards.interim_due_at",
    "hazards.plan_due_at",
    "incident_actions.due",
    "complaints.due_at",
    "training_records.expires_on",
}
# Written when the history itself is: the ledger taking the bulk writes in, and the audit event
# that records the generating (as `demo.fill` records the demo's).
OF_THE_WRITING = {"ledger_entries.at"}


def _dated(table: Table) -> list[tuple[str, type]]:
    """The table's date and time columns, with their Python type."""
    found = []
    for column in table.columns:
        kind = getattr(column.type, "impl", column.type)  # UTCDateTime decorates DateTime
        try:
            python = kind.python_type
        except NotImplementedError:
            continue
        if python in (datetime, date):
            found.append((column.name, python))
    return found


def _keys(engine: Engine, table: Table) -> set[tuple[Any, ...]]:
    with engine.connect() as conn:
        return set(conn.execute(select(*table.primary_key.columns)).tuples())


def test_nothing_of_the_history_is_dated_after_its_last_day(
    history_year: HistoryYear, records_template: Callable[[], Path], tmp_path: Path
) -> None:
    """Against the demo branch it was written on (or another worker's, with the same ids; whose own
    records are today's): every row the history added, in every table, is dated no later than the
    end of HISTORY_UNTIL. Read in a copy: opened, even read-only, the shared year's file would have
    its write-ahead log come and go while another worker copies the folder."""
    zone = rules.zone(rules.local_zone_name())
    end = datetime.combine(HISTORY_UNTIL + timedelta(days=1), time(0), zone)
    demo = make_engine(sqlite_url(records_template() / "branchguard.sqlite"), read_only=True)
    copy = Path(shutil.copyfile(history_year.folder / "branchguard.sqlite", tmp_path / "history.sqlite"))
    history = make_engine(sqlite_url(copy), read_only=True)
    late: dict[str, list[object]] = {}
    checked: set[str] = set()
    try:
        for table in Base.metadata.sorted_tables:
            columns = [
                (name, python)
                for name, python in _dated(table)
                if f"{table.name}.{name}" not in PLANS | OF_THE_WRITING
            ]
            if not columns:
                continue
            own = _keys(demo, table)
            key = list(table.primary_key.columns)
            for name, python in columns:
                checked.add(f"{table.name}.{name}")
                column = table.c[name]
                limit = end if python is datetime else HISTORY_UNTIL
                stmt = select(*key, column).where(column > limit)
                if table.name == "audit_events":
                    stmt = stmt.where(table.c.action != "demo.history")
                with history.connect() as conn:
                    rows = [r for r in conn.execute(stmt).tuples() if tuple(r[:-1]) not in own]
                if rows:
                    late[f"{table.name}.{name}"] = sorted(r[-1] for r in rows)[-3:]
    finally:
        demo.dispose()
        history.dispose()
    # what the reviewer found past the end, among every column looked at
    assert {
        "hazard_events.at",
        "hazards.verified_at",
        "schedule_occurrences.done_at",
        "drill_plans.created_at",
        "audit_events.at",
    } <= checked
    assert late == {}
