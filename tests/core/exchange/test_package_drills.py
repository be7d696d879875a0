"""What a package carries of the drills: those run or planned in its period, and a drill recorded
afterwards voided in it, whatever month it was held in: head office replaces its copy by id, so the
score an earlier month's package carried is taken back (core/drills/held.py)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from branchguard.core.drills.types import EvaluationInput, HeldDrillInput
from branchguard.core.exchange import store
from branchguard.db.base import utcnow
from tests.core.drills.test_drill_held import FIRE_SCORES


def _carried(ctx: Any, start: datetime, end: datetime) -> dict[int, str]:
    with ctx.engine.connect() as conn:
        return {r["id"]: r["status"] for batch in store.drills(conn, start, end) for r in batch}


def test_a_drill_voided_in_a_later_period_is_carried_by_that_periods_package(ctx, lead) -> None:
    held = datetime.combine(date.today() - timedelta(days=60), time(9, 30))
    entry = HeldDrillInput("FIRE", held, "台账", EvaluationInput(FIRE_SCORES))
    plan = ctx.services.drills.record_held(lead, entry)
    today = utcnow() - timedelta(hours=1), utcnow() + timedelta(hours=1)
    assert plan.id not in _carried(ctx, *today)  # held two months ago: that month's package carried it
    ctx.services.drills.void_held(lead, plan.id, "录错了预案")
    assert _carried(ctx, *today)[plan.id] == "cancelled"
