"""Drills recorded afterwards (补录) up to head office, on SQLite and PostgreSQL: head office's copy
says a drill was recorded afterwards, with its paper reference, paper evaluator and entry, and a
voided one when, by whom and why. Such a drill counts as held in the regional report (the branch's
compliance counts it) and by its score; once voided, it counts neither. The branch's latest score
is its last drill held, not the last entered. A package of an earlier version, without these
fields, still imports, and head office reads the marks from the drill's columns."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from branchguard.core.dashboard.rules import Period, PeriodKind
from branchguard.core.drills.types import DrillPlanInput, EvaluationInput, HeldDrillInput
from branchguard.core.exchange import store as package_store
from branchguard.core.headoffice.types import ImportOutcome
from branchguard.core.incidents.types import CloseInput
from branchguard.db.models.exchange import HoRecordRow
from tests.core.drills.test_drill_held import FIRE_SCORES, ROB
from tests.core.headoffice.ho_support import registered_head_office
from tests.core.headoffice.test_headoffice_exchange import (  # noqa: F401  (make_db is a fixture)
    _actor,
    _branch,
    _schema_holds,
    make_db,
)

CODE = "DEMO-0101"
MEDICAL = {"attended": 80, "call_120": 70, "first_aid": 60, "space": 90, "family": 100, "record": 50}


def _month(day: date) -> Period:
    return Period(PeriodKind.MONTH, day.year, day.month)


def _held(ctx: Any, lead: Any, code: str, day: date, scores: dict[str, int]) -> Any:
    entry = HeldDrillInput(code, datetime.combine(day, time(0, 0, 1)), f"纸质台账 {code} {day}",
                           EvaluationInput(scores), evaluator="王安全")  # fmt: skip
    return ctx.services.drills.record_held(lead, entry)



def _drills(hos: Any, admin: Any) -> dict[str, Any]:
    return {r.source_id: r for r in hos.records(admin, CODE, "drills")}


def _held_in(hos: Any, admin: Any, month: Period) -> int:
    _name, [row] = hos.period_rows(admin, month.code)
    return int(row.drills)


def test_drills_recorded_afterwards_reach_head_office_marked_and_counted(
    make_db: Callable[[str], Any],  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    branch, lead = _branch(make_db, "a", CODE, 0)
    drills = branch.services.drills
    # a drill run in BranchGuard today, evaluated; then two held on paper, entered after it
    run = drills.run(_actor(branch, "staff"), drills.plan(lead, DrillPlanInput("ROB", datetime.now())).id)
    branch.services.incidents.close(lead, run.incident_id, CloseInput("演练结束"))
    drills.evaluate(lead, run.id, EvaluationInput(ROB))
    earlier = _held(branch, lead, "FIRE", date.today() - timedelta(days=40), FIRE_SCORES)
    today = _held(branch, lead, "ILL", date.today(), MEDICAL)  # the demo ran a fire drill today
    this_month, held_month = _month(date.today()), _month(date.today() - timedelta(days=40))
    branch.services.exchange.export_key(lead, tmp_path / "a.pem")
    first = tmp_path / "first.zip"
    branch.services.exchange.export(lead, this_month.code, first)
    _schema_holds(first)
    hos, admin, _engine = registered_head_office(make_db, "ho", tmp_path / "a.pem", CODE)
    assert hos.import_package(admin, first).outcome == ImportOutcome.IMPORTED

    held = _drills(hos, admin)
    marks = held[str(earlier.id)].drill  # entered this month: this month's package carries it
    assert marks is not None and marks.recorded_afterwards and not marks.voided
    # by the names people know: head office has none of the branch's accounts ("lead" read as is)
    assert (marks.reference, marks.evaluator, marks.entered_by) == (earlier.notes, "王安全", "王建国")
    assert marks.entered_at == earlier.created_at
    assert held[str(run.id)].drill is not None and not held[str(run.id)].drill.recorded_afterwards
    # its end is not known (its report says "—"), not the day it was typed in; a run's is its evaluation
    assert held[str(earlier.id)].closed_at is None and held[str(run.id)].closed_at is not None
    # held: the branch's incident-log figure, and the drill recorded afterwards held in the month
    for month in (this_month, held_month):  # 40 days ago: always the month before, or the one before it
        logged = branch.services.dashboard.period_report(lead, month).figures.drills
        assert _held_in(hos, admin, month) == logged + 1, month.code
    rollup = hos.branches(admin)[0]
    assert rollup.drill_score_latest == held[str(run.id)].score == 90.0  # held last, though scored first
    assert held[str(today.id)].score not in (None, 90.0)
    evaluated = rollup.drills_evaluated

    drills.void_held(lead, today.id, "录错了日期")
    second = tmp_path / "second.zip"
    branch.services.exchange.export(lead, this_month.code, second)
    _schema_holds(second)
    assert hos.import_package(admin, second).outcome == ImportOutcome.IMPORTED
    voided = _drills(hos, admin)[str(today.id)]
    assert voided.status == "cancelled" and voided.score is None
    assert voided.drill is not None and voided.drill.recorded_afterwards and voided.drill.voided
    assert (voided.drill.void_reason, voided.drill.voided_by) == ("录错了日期", "王建国")
    assert voided.drill.voided_at is not None and voided.drill.reference == today.notes
    logged = branch.services.dashboard.period_report(lead, this_month).figures.drills
    assert _held_in(hos, admin, this_month) == logged  # no longer held
    assert hos.branches(admin)[0].drills_evaluated == evaluated - 1

    # the branch as an earlier version wrote its package: drills without the new fields
    monkeypatch.setattr(package_store, "held_marks", lambda _drill, _void, _names: {})
    old = tmp_path / "old.zip"
    branch.services.exchange.export(lead, this_month.code, old, after=0)  # its whole ledger
    monkeypatch.undo()
    _schema_holds(old)
    hos_old, admin_old, engine = registered_head_office(make_db, "ho-old", tmp_path / "a.pem", CODE)
    assert hos_old.import_package(admin_old, old).outcome == ImportOutcome.IMPORTED
    from_old = _drills(hos_old, admin_old)
    with engine.connect() as conn:  # as the package carried it
        stored = conn.scalar(select(HoRecordRow.data).where(HoRecordRow.source_id == str(today.id)))
    assert stored["id"] == today.id and "recorded_afterwards" not in stored
    marks = from_old[str(earlier.id)].drill  # read from the plan's columns
    assert marks is not None and marks.recorded_afterwards and not marks.voided
    assert (marks.reference, marks.evaluator) == (earlier.notes, "王安全")
    gone = from_old[str(today.id)]
    assert gone.drill is not None and gone.drill.voided and gone.drill.void_reason == ""
    assert not from_old[str(run.id)].drill.recorded_afterwards
    assert _held_in(hos_old, admin_old, this_month) == _held_in(hos, admin, this_month)

