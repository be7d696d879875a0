"""Test-only ways to make a hazard overdue without breaking the rule that a hazard is never due
before the day it was found: the hazard's opening is moved back in time through the database (as if it had
been entered days ago), then the lead moves its due date into that past through the service, so the
due reminder schedule follows as it would for a real late hazard."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from branchguard.core.hazards.types import HazardInput
from branchguard.core.kernel.types import Actor
from branchguard.db.models.hazards import HazardRow


def backdate_opening(ctx: Any, hazard_id: int, days: int) -> None:
    """Move the hazard's opened_at `days` back (tests only: the register has no other way)."""
    with ctx.sessions.begin() as s:  # through the ORM, so the ledger records the change
        row = s.get(HazardRow, hazard_id)
        assert row is not None
        row.opened_at = row.opened_at - timedelta(days=days)


def make_overdue(ctx: Any, lead: Actor, hazard_id: int, days_late: int = 1) -> date:
    """The hazard found `days_late + 7` days ago and due `days_late` days ago; returns the due date."""
    backdate_opening(ctx, hazard_id, days_late + 7)
    svc = ctx.services.hazards
    info = svc.get(lead, hazard_id).info
    due = info.opened_at.astimezone(svc.zone).date() + timedelta(days=7)
    data = HazardInput(
        description=info.description,
        severity=info.severity,
        location=info.location,
        owner=info.owner,
        due=due,
        title=info.title,
    )
    svc.update(lead, hazard_id, data)
    return due
