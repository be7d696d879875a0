"""A branch in use with BranchGuard since a day long past: its record, accounts and drill plans
written then, so a drill rule never met has been due for its first interval and is overdue."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import update

from branchguard.db.models.drills import DrillPlanRow
from branchguard.db.models.foundation import BranchRow, UserRow


def in_use_since(ctx: Any, when: datetime) -> None:
    with ctx.sessions.begin() as s:
        for row in (BranchRow, UserRow, DrillPlanRow):
            s.execute(update(row).where(row.created_at > when).values(created_at=when))
