"""A drill's corrective actions and their reminders, inside the drill service's transaction: a
dated action gets a one-off ACTION schedule (its owner reminded ahead and when overdue, and it
shows on the calendar); marking it done completes that schedule's item with it."""

from __future__ import annotations

from datetime import datetime, time

from sqlalchemy.orm import Session

from branchguard.core.audit.service import record
from branchguard.core.drills import rules as drill_rules
from branchguard.core.drills.types import DrillAction
from branchguard.core.incidents.store import action_of
from branchguard.core.incidents.types import FollowUpAction
from branchguard.core.kernel.errors import NotFound
from branchguard.core.kernel.i18n import Message, t
from branchguard.core.kernel.types import Actor
from branchguard.core.schedules import links as schedule_links
from branchguard.core.schedules import rules
from branchguard.core.schedules.service import ScheduleService
from branchguard.core.schedules.types import ScheduleInput, ScheduleKind
from branchguard.db.locks import locked
from branchguard.db.models.drills import DrillPlanRow
from branchguard.db.models.incidents import IncidentActionRow

# Due at the end of its due day (local time), so the due day itself is not overdue; the owner is
# reminded days ahead.
DUE_TIME = time(17, 0)
LEAD_DAYS = 3
TITLE_LIMIT = 200


def remind(schedules: ScheduleService, s: Session, actor: Actor, action: IncidentActionRow) -> None:
    """The reminder schedule of a dated action (flushed, so it has its id)."""
    assert action.due is not None
    schedules.add_in(
        s,
        actor,
        ScheduleInput(
            title=t("schedule.action_title", text=action.text)[:TITLE_LIMIT],
            start=datetime.combine(action.due, DUE_TIME),
            kind=ScheduleKind.ACTION,
            owner=action.owner,
            lead_minutes=LEAD_DAYS * 24 * 60,
            timezone=rules.local_zone_name(),
            subject_id=action.id,
        ),
    )


def complete(
    schedules: ScheduleService, s: Session, actor: Actor, plan: DrillPlanRow, action_id: int, now: datetime
) -> FollowUpAction:
    """Mark `plan`'s action done (once, audited) and its reminder's item with it; the plan must be
    evaluated (its corrective actions come with the evaluation). The action is read locked
    (db/locks.py): of PCs marking it at once one marks it, the others find it done."""
    action = locked(s, IncidentActionRow, action_id)
    if action is None or plan.incident_id is None or action.incident_id != plan.incident_id:
        raise NotFound(Message("incident.no_action", id=action_id))
    drill_rules.expect(plan.id, plan.status, DrillAction.COMPLETE_ACTION)
    if action.done_at is None:
        action.done_at, action.done_by = now, actor.username
        record(
            s,
            actor,
            "drill.action_done",
            "incident_action",
            action_id,
            after={"plan": plan.id, "text": action.text, "done": True},
        )
        for schedule_id in s.scalars(schedule_links.action_reminders(action_id)):
            schedules.complete_next_in(s, actor, schedule_id, t("drill.action_done_note"), now)
    return action_of(action)
