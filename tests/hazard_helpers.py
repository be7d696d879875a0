"""Test-only: make a hazard overdue the legitimate way (core/demo make_overdue: its opening dated
back, then the lead sets a due date after that day), never by entering a due date in the past."""

from __future__ import annotations

from datetime import date
from typing import Any

from branchguard.core.demo.inspections import make_overdue as backdate
from branchguard.core.kernel.types import Actor


def make_overdue(ctx: Any, lead: Actor, hazard_id: int, days_late: int = 1) -> date:
    """The hazard found `days_late + 7` days ago and due `days_late` days ago; its due date."""
    svc = ctx.services.hazards
    late = backdate(svc, ctx.sessions, lead, hazard_id, found_days_ago=days_late + 7, fix_days=7)
    return late.info.due_date
