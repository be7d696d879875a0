"""What a package carries of the hazard register: the hazards open at some time in its period, a
hazard open until it is verified or closed (as the periodic report counts it). One verified and
never closed is not carried by every later period's package."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from branchguard.core.exchange import store
from branchguard.core.hazards.types import HazardInput, RemediationKind
from branchguard.db.base import utcnow


def _carried(ctx: Any, from_now: timedelta) -> set[int]:
    """The ids of the hazards a package of the day starting `from_now` would carry."""
    start = utcnow() + from_now
    with ctx.engine.connect() as conn:
        return {r["id"] for batch in store.hazards(conn, start, start + timedelta(days=1)) for r in batch}


def test_a_verified_hazard_is_not_carried_after_its_verification(ctx, lead, staff) -> None:
    hazards = ctx.services.hazards
    still_open = hazards.create(staff, HazardInput(description="灭火器压力不足", owner="李安全")).info
    verified = hazards.create(staff, HazardInput(description="安全出口指示灯不亮", owner="李安全")).info
    hazards.add_step(staff, verified.id, RemediationKind.ACTION, "更换灯管")
    hazards.remediate(staff, verified.id)
    hazards.verify(lead, verified.id, "复查合格")

    assert {still_open.id, verified.id} <= _carried(ctx, timedelta(hours=-1))  # both were open today
    later = _carried(ctx, timedelta(days=30))
    assert still_open.id in later and verified.id not in later
