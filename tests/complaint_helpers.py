"""Test-only: a complaint received at 00:30 on 1 January of last year in Beijing (16:30 UTC the
day before, so a PC set to UTC reads the year before), taken through to its archive with one
corrective action.

Last year, not a fixed one: the register refuses a receipt before 1 January of last year
(complaints/rules.earliest_receipt), so a fixed 2026 would be refused from 2028 on."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from branchguard.core.complaints.types import ComplaintInput, StepInput
from branchguard.core.incidents.types import FollowUpInput
from branchguard.core.kernel.china_time import china_year, china_year_span
from branchguard.core.kernel.types import Actor

YEAR = china_year(datetime.now(UTC)) - 1  # last year in China: its receipts are still taken
NEW_YEAR_IN_BEIJING = china_year_span(YEAR)[0].astimezone(UTC) + timedelta(minutes=30)


def in_beijing(month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A time of YEAR in Beijing, as UTC."""
    return china_year_span(YEAR)[0].replace(month=month, day=day, hour=hour, minute=minute).astimezone(UTC)


def archived_at_new_year(ctx: Any, lead: Actor, action: str, owner: str, due: date) -> tuple[int, str]:
    """The complaint's id and register number (TS-{YEAR}-…), its archive holding the action."""
    complaints = ctx.services.complaints
    data = ComplaintInput(channel="counter", received_at=NEW_YEAR_IN_BEIJING, customer_name="张三",
                          category="fees", request="年费误扣")  # fmt: skip
    cid = complaints.register(lead, data).info.id
    for step in (StepInput("investigate", "查账"), StepInput("decide", "退费", basis="收费目录"),
                 StepInput("reply", "电话答复")):  # fmt: skip
        complaints.step(lead, cid, step)
    archive = StepInput("archive", "归档", cause="loss", actions=(FollowUpInput(action, owner, due),))
    return cid, complaints.step(lead, cid, archive).info.number
