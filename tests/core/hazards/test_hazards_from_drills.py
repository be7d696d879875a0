"""Hazards raised from a drill (`create(..., drill_id=)`): only from a drill held (run and evaluated,
or recorded afterwards) and not voided, linked to it, its source DRILL, the audit naming the drill,
the ledger still whole; a refusal names the drill and writes nothing."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from branchguard.core.drills.types import DrillPlanInput, EvaluationInput, HeldDrillInput
from branchguard.core.hazards.types import HazardFilter, HazardInput, HazardSource
from branchguard.core.incidents.types import CloseInput
from branchguard.core.kernel.errors import PermissionDenied, ValidationError
from branchguard.db.models.foundation import AuditEventRow
from tests.core.drills.test_drill_held import FIRE_SCORES

FOUND = HazardInput(description="金库人员撤离慢\n应急灯不亮", owner="李安全", location="金库")


def held_drill(ctx, lead, days_ago: int = 40) -> int:
    """A drill recorded afterwards from its paper record."""
    at = datetime.combine(date.today() - timedelta(days=days_ago), time(9, 30))
    scored = EvaluationInput(FIRE_SCORES, problems="金库人员撤离慢\n广播听不清")
    data = HeldDrillInput("fire", at, "安全管理台账 2026 第 14 页", scored)
    return ctx.services.drills.record_held(lead, data).id


def planned_drill(ctx, lead) -> int:
    when = (datetime.now() + timedelta(days=1)).replace(hour=10, minute=0, second=0, microsecond=0)
    return ctx.services.drills.plan(lead, DrillPlanInput("FIRE", when)).id


def test_a_hazard_raised_from_a_recorded_drill_is_linked_and_named_in_the_audit(ctx, lead, staff) -> None:
    drill = held_drill(ctx, lead)
    made = ctx.services.hazards.create(staff, FOUND, drill_id=drill)
    info = made.info
    assert info.source == HazardSource.DRILL and info.drill_id == drill and info.title == "金库人员撤离慢"
    assert made.drill_title == ctx.services.drills.get(lead, drill).title
    listed = ctx.services.hazards.list(lead, HazardFilter(drill_id=drill))
    assert [h.id for h in listed] == [info.id] and listed[0].drill_id == drill
    assert ctx.services.hazards.list(lead, HazardFilter(drill_id=drill + 1)) == []
    by_hand = ctx.services.hazards.create(staff, FOUND)
    assert by_hand.info.source == HazardSource.MANUAL and by_hand.info.drill_id is None
    with ctx.sessions() as s:
        opened = s.scalars(select(AuditEventRow).where(AuditEventRow.action == "hazard.open")).all()
    assert [e.after.get("drill") for e in opened] == [drill, None]
    assert ctx.services.ledger.verify(lead).ok


def test_a_hazard_raised_from_a_drill_run_and_evaluated_in_the_app(ctx, lead, staff) -> None:
    drills = ctx.services.drills
    plan = planned_drill(ctx, lead)
    run = drills.run(staff, plan)
    ctx.services.incidents.close(lead, run.incident_id, CloseInput(outcome="演练结束"))
    drills.evaluate(lead, plan, EvaluationInput(FIRE_SCORES, problems="广播听不清"))
    made = ctx.services.hazards.create(lead, FOUND, drill_id=plan)
    assert made.info.drill_id == plan and made.info.source == HazardSource.DRILL


def test_refused_for_a_drill_not_held_voided_or_unknown_and_nothing_is_written(
    ctx, lead, staff, auditor, snapshot
) -> None:
    drills, hazards = ctx.services.drills, ctx.services.hazards
    planned = planned_drill(ctx, lead)
    running = planned_drill(ctx, lead)
    drills.run(staff, running)
    voided = held_drill(ctx, lead, days_ago=50)
    drills.void_held(lead, voided, "日期填错")
    held = held_drill(ctx, lead, days_ago=60)
    before = snapshot()
    for drill, said in (
        (planned, "hazards are raised from a drill once it has been held"),
        (running, "hazards are raised from a drill once it has been held"),
        (voided, "was voided"),
        (9999, "There is no drill #9999"),
    ):
        with pytest.raises(ValidationError) as refused:
            hazards.create(lead, FOUND, drill_id=drill)
        assert refused.value.is_about("field.drill"), drill
        assert said in refused.value.text("en"), drill
    with pytest.raises(PermissionDenied):  # whoever may enter hazards may raise them from a drill
        hazards.create(auditor, FOUND, drill_id=held)
    assert snapshot() == before
