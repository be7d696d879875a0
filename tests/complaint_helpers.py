"""Test-only: a complaint received at 00:30 on 1 January 2026 in Beijing (16:30 UTC the day
before, so a PC set to UTC reads 2025), taken through to its archive with one corrective action."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from branchguard.core.complaints.types import ComplaintInput, StepInput
from branchguard.core.incidents.types import FollowUpInput
from branchguard.core.kernel.types import Actor

NEW_YEAR_IN_BEIJING = datetime(2025, 12, 31, 16, 30, tzinfo=UTC)


def archived_at_new_year(ctx: Any, lead: Actor, action: str, owner: str, due: date) -> tuple[int, str]:
    """The complaint's id and register number (TS-2026-…), its archive holding the action."""
    complaints = ctx.services.complaints
    data = ComplaintInput(channel="counter", received_at=NEW_YEAR_IN_BEIJING, customer_name="张三",
                          category="fees", request="年费误扣")  # fmt: skip
    cid = complaints.register(lead, data).info.id
    for step in (StepInput("investigate", "查账"), StepInput("decide", "退费", basis="收费目录"),
                 StepInput("reply", "电话答复")):  # fmt: skip
        complaints.step(lead, cid, step)
    archive = StepInput("archive", "归档", cause="loss", actions=(FollowUpInput(action, owner, due),))
    return cid, complaints.step(lead, cid, archive).info.number
