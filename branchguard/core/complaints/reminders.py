"""A complaint's reminders: one one-off COMPLAINT schedule per running clock, owned by the handler
(or, before one is assigned, the first-responsible person) named as a person, added and ended in the
complaint's own transaction (the engine's `add_in` / `set_active_in`), as core/hazards/reminders.py
does for hazards.

The engine gives each occurrence one reminder ahead of the due instant and one when it passes,
each announced once (the reminder rows keep when they were announced, so a restart does not
repeat them). An extension or a new handler ends the schedule and adds a fresh one for the new
date; the reply or a withdrawal ends it, and its written occurrences are marked done.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchguard.core.accounts.names import person_of
from branchguard.core.complaints.store import number_of
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor
from branchguard.core.schedules import links as schedule_links
from branchguard.core.schedules.service import ScheduleService
from branchguard.core.schedules.types import ScheduleInput, ScheduleKind
from branchguard.db.models.complaints import ComplaintRow
from branchguard.db.models.schedules import ScheduleRow

# The due instant is 23:59:59 local: 87 h ahead is 09:00 three days before the due date.
LEAD_MINUTES = 87 * 60 - 1


def start(schedules: ScheduleService, s: Session, actor: Actor, row: ComplaintRow, zone: str) -> None:
    """The schedule for the complaint's due date (nothing when it runs no clock)."""
    if row.due_at is None:
        row.schedule_id = None
        return
    title = t("complaint.schedule_title", number=number_of(row), request=row.request)
    sched = schedules.add_in(
        s,
        actor,
        ScheduleInput(
            title=title[:200],
            start=row.due_at,  # aware: no wall-clock ambiguity on a DST change
            kind=ScheduleKind.COMPLAINT,
            owner=owner_of(s, row)[:100],
            lead_minutes=LEAD_MINUTES,
            timezone=zone,
            subject_id=row.id,
        ),
    )
    row.schedule_id = sched.id


def owner_of(s: Session, row: ComplaintRow) -> str:
    """Who answers for the complaint now, as the complaint record names them: the handler, else the
    first-responsible person. Either may hold a login (the first-responsible person defaults to the
    registering account, "staff"), which a reminder or a hazard would show as is: it is named by
    its account's display name (李晓梅); a name that is no login stays as typed."""
    return person_of(s, row.handler or row.first_responsible)


def end(schedules: ScheduleService, s: Session, actor: Actor, row: ComplaintRow, note: str) -> None:
    """End the complaint's active schedules and mark their written occurrences done."""
    stmt = select(ScheduleRow).where(
        ScheduleRow.kind == ScheduleKind.COMPLAINT.value,
        ScheduleRow.subject_id == row.id,
        ScheduleRow.active.is_(True),
    )
    for sched in list(s.scalars(stmt)):
        schedules.set_active_in(s, actor, sched.id, False)
        schedule_links.finish_open(s, actor, schedule_id=sched.id, note=note)
