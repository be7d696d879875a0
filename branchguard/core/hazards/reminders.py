"""A hazard's reminders: one-off HAZARD schedules owned by the hazard's owner, added and ended in
the hazard's own transaction (the engine's `add_in` / `set_active_in`).

Every open hazard has its fix-by schedule (`HazardRow.schedule_id`). A major hazard also has one
for each policy milestone still outstanding: interim control (counted in hours) and the remediation
plan; recording that kind of step ends its schedule. Verifying or closing a hazard ends them all;
a moved due date, a new owner or a reopen ends them and adds fresh ones, so reminders always speak
of the current dates and owner. Ended schedules' written occurrences are marked done, so no stale
item stays on the open list. A hazard's schedules are found by kind and subject_id; a milestone's
by its start, which is that milestone's due instant (to the second).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchguard.core.hazards.store import due_instant, number_of
from branchguard.core.hazards.types import HazardStatus, RemediationKind
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor
from branchguard.core.schedules import links as schedule_links
from branchguard.core.schedules import rules
from branchguard.core.schedules.service import ScheduleService
from branchguard.core.schedules.types import ScheduleInput, ScheduleKind
from branchguard.db.models.hazards import HazardRow
from branchguard.db.models.schedules import ScheduleRow

# Fix-by and plan deadlines end at 23:59:59 local: 39 h ahead is 09:00 the morning before.
DAY_LEAD_MINUTES = 39 * 60 - 1
# Interim control is due hours after opening: reminded four hours ahead.
INTERIM_LEAD_MINUTES = 4 * 60
MILESTONES = (
    (RemediationKind.INTERIM_CONTROL, "interim_due_at", "hazard.schedule_interim", INTERIM_LEAD_MINUTES),
    (RemediationKind.PLAN, "plan_due_at", "hazard.schedule_plan", DAY_LEAD_MINUTES),
)


def start(schedules: ScheduleService, s: Session, actor: Actor, row: HazardRow, zone: str) -> None:
    """Schedules for the due date and each milestone not yet met (the hazard is open)."""
    number = number_of(row)
    fix_by = due_instant(row.due_date, rules.zone(zone))
    title = t("hazard.schedule_title", number=number, title=row.title)
    fix = _add(schedules, s, actor, row, zone, fix_by, title)
    row.schedule_id = fix.id
    done = {step.kind for step in row.steps}
    for kind, column, title_key, lead in MILESTONES:
        due: datetime | None = getattr(row, column)
        if due is not None and kind.value not in done:
            _add(schedules, s, actor, row, zone, due, t(title_key, number=number, title=row.title), lead)


def end(
    schedules: ScheduleService,
    s: Session,
    actor: Actor,
    row: HazardRow,
    note: str,
    milestone: RemediationKind | None = None,
) -> None:
    """End the hazard's active schedules (only that milestone's, when one is given)."""
    stmt = select(ScheduleRow).where(
        ScheduleRow.kind == ScheduleKind.HAZARD.value,
        ScheduleRow.subject_id == row.id,
        ScheduleRow.active.is_(True),
    )
    if milestone is not None:
        column = next(col for kind, col, _key, _lead in MILESTONES if kind == milestone)
        due = getattr(row, column)
        if due is None or not HazardStatus(row.status).is_open:
            return
        stmt = stmt.where(
            ScheduleRow.start_at == due.replace(microsecond=0), ScheduleRow.id != row.schedule_id
        )
    for sched in list(s.scalars(stmt)):
        schedules.set_active_in(s, actor, sched.id, False)
        schedule_links.finish_open(s, actor, schedule_id=sched.id, note=note)


def _add(
    schedules: ScheduleService,
    s: Session,
    actor: Actor,
    row: HazardRow,
    zone: str,
    due: datetime,
    title: str,
    lead: int = DAY_LEAD_MINUTES,
) -> ScheduleRow:
    return schedules.add_in(
        s,
        actor,
        ScheduleInput(
            title=title[:200],
            start=due,  # aware: no wall-clock ambiguity on a DST change
            kind=ScheduleKind.HAZARD,
            owner=row.owner[:100],
            lead_minutes=lead,
            timezone=zone,
            subject_id=row.id,
        ),
    )
