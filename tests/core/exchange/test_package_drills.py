"""What a package carries of the drills: those run or planned in its period; a drill recorded
afterwards entered in it, whatever month it was held in (that month's package may be out already);
and such a drill voided in it: head office replaces its copy by id, so the score an earlier month's
package carried is taken back (core/drills/held.py). A drill recorded afterwards says so, with its
paper reference, its paper evaluator and its entry; a voided one when, by whom and why."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import update

from branchguard.core.drills.types import DrillPlanInput, EvaluationInput, HeldDrillInput
from branchguard.core.exchange import store
from branchguard.core.ledger.rules import stamp
from branchguard.db.base import utcnow
from branchguard.db.models.drills import DrillPlanRow
from tests.core.drills.test_drill_held import FIRE_SCORES

REFERENCE = "安全管理台账 2026 第 14 页"


def _carried(ctx: Any, start: datetime, end: datetime) -> dict[int, dict[str, Any]]:
    with ctx.engine.connect() as conn:
        return {r["id"]: r for batch in store.drills(conn, start, end) for r in batch}


def _today() -> tuple[datetime, datetime]:
    return utcnow() - timedelta(hours=1), utcnow() + timedelta(hours=1)


def _held(ctx: Any, lead: Any, days_ago: int = 60) -> Any:
    held = datetime.combine(date.today() - timedelta(days=days_ago), time(9, 30))
    entry = HeldDrillInput("FIRE", held, REFERENCE, EvaluationInput(FIRE_SCORES), evaluator="王安全")
    return ctx.services.drills.record_held(lead, entry)


def test_a_drill_recorded_afterwards_travels_marked_in_the_package_of_the_month_it_is_entered(
    ctx, lead, staff
) -> None:
    plan = _held(ctx, lead)
    planned = ctx.services.drills.plan(lead, DrillPlanInput("ROB", datetime.now()))
    ran = ctx.services.drills.run(staff, planned.id)
    carried = _carried(ctx, *_today())
    drill = carried[plan.id]  # held two months ago, entered today: today's package carries it
    assert drill["recorded_afterwards"] is True and drill["voided"] is None
    assert drill["paper"] == {  # head office has none of the branch's accounts: their names too
        "reference": REFERENCE,
        "evaluator": "王安全",
        "evaluator_name": "",  # a name typed from the paper form, not an account
        "entered_at": stamp(plan.created_at),
        "entered_by": "lead",
        "entered_by_name": "王建国",
    }
    run = carried[ran.id]  # run in BranchGuard: nothing of the kind
    assert (run["recorded_afterwards"], run["paper"], run["voided"]) == (False, None, None)
    held_month = plan.run_at - timedelta(hours=1), plan.run_at + timedelta(hours=1)
    assert _carried(ctx, *held_month)[plan.id]["recorded_afterwards"] is True


def test_a_drill_voided_in_a_later_period_is_carried_by_that_periods_package(ctx, lead) -> None:
    plan = _held(ctx, lead)
    with ctx.engine.begin() as conn:  # entered a month ago: that month's package carried it
        entered = utcnow() - timedelta(days=30)
        conn.execute(update(DrillPlanRow).where(DrillPlanRow.id == plan.id).values(created_at=entered))
    assert plan.id not in _carried(ctx, *_today())
    ctx.services.drills.void_held(lead, plan.id, "录错了预案")
    drill = _carried(ctx, *_today())[plan.id]
    assert drill["status"] == "cancelled" and drill["recorded_afterwards"] is True
    assert drill["paper"]["reference"] == REFERENCE
    voided = drill["voided"]
    assert (voided["by"], voided["by_name"], voided["reason"]) == ("lead", "王建国", "录错了预案")
    assert _today()[0] <= datetime.fromisoformat(voided["at"].replace("Z", "+00:00")) <= _today()[1]
