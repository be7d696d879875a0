"""What a record that owns a schedule does to its occurrences inside its own transaction: an
inspection completes the occurrence it was started from when it is submitted; a hazard whose
due-date schedule ends (verified, closed, moved) marks its written occurrences done, so no stale
overdue item stays on the list; and none of these is marked done by hand (`refuse_by_hand`). The
schedules engine's `complete` runs in a transaction of its own; these run in the caller's, so the
record and its occurrences commit or fail together."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, and_, select
from sqlalchemy.orm import Session

from branchguard.core.audit.service import record
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.types import Actor
from branchguard.core.ledger import recording as ledger_recording
from branchguard.core.schedules.types import OccurrenceStatus, ScheduleKind
from branchguard.db.base import utcnow
from branchguard.db.models.schedules import OccurrenceRow, ScheduleRow


def finish_open(
    s: Session, actor: Actor, *, schedule_id: int | None = None, occurrence_id: int | None = None, note: str
) -> int:
    """Mark the open occurrences of a schedule (or the one occurrence) done; how many."""
    stmt = select(OccurrenceRow).where(OccurrenceRow.status == OccurrenceStatus.OPEN.value)
    if occurrence_id is not None:
        stmt = stmt.where(OccurrenceRow.id == occurrence_id)
    elif schedule_id is not None:
        stmt = stmt.where(OccurrenceRow.schedule_id == schedule_id)
    else:
        return 0
    now = utcnow()
    rows = list(s.scalars(stmt))
    for occ in rows:
        mark_done(s, actor, occ, note, now, schedule=occ.schedule_id)
    return len(rows)


def mark_done(
    s: Session, actor: Actor, occ: OccurrenceRow, note: str, now: datetime, *, schedule: str | int
) -> None:
    """One occurrence done by `actor`, with its audit record, in the caller's transaction."""
    occ.status, occ.done_at, occ.done_by, occ.note = OccurrenceStatus.DONE.value, now, actor.username, note
    record(
        s,
        actor,
        "schedule.done",
        "schedule_occurrence",
        occ.id,
        after={"schedule": schedule, "due_at": occ.due_at, "note": note},
    )
    end_if_spent(s, actor, occ.schedule_id, now)


def end_if_spent(s: Session, actor: Actor, schedule_id: int, now: datetime) -> bool:
    """A one-off schedule (a drill, an action, a hazard's due date) ends once its only occurrence
    is done or skipped: it owes nothing more, and an active leftover would be re-read by every
    list, calendar and scheduler rebuild for ever (1,152 of 1,302 active schedules after ten years
    were such leftovers). Recurring schedules run on. Whether it was ended."""
    s.flush()
    row = s.get(ScheduleRow, schedule_id)
    if row is None or row.rrule or not row.active:
        return False
    still_open = s.scalar(
        select(OccurrenceRow.id)
        .where(OccurrenceRow.schedule_id == schedule_id, OccurrenceRow.status == OccurrenceStatus.OPEN.value)
        .limit(1)
    )
    if still_open is not None:
        return False
    row.active, row.updated_at = False, now
    record(s, actor, "schedule.active", "schedule", row.id, before={"active": True}, after={"active": False})
    return True


def dated_by_owner(sched: ScheduleRow) -> bool:
    """A one-off drill schedule only carries its plan's date (`drill_plans.planned_at`, the one
    truth the Drills page, `drill list`, compliance and the report read): it moves with the plan."""
    return sched.kind == ScheduleKind.DRILL.value and sched.subject_id is not None and not sched.rrule


def refuse_owned_move(sched: ScheduleRow) -> None:
    """A move of a schedule dated by its owner, asked of the schedules themselves, is refused: it
    would move the calendar entry alone (`DrillService.move` moves both, in one transaction)."""
    if dated_by_owner(sched):
        raise ValidationError("field.occurrence", Message("schedule.moved_by_drill", id=sched.subject_id))


# Items that end with the record owning their schedule: the hazard verified or closed, the complaint
# replied to or withdrawn, the action done. Done or skipped by hand, the one-off schedule would end
# (`end_if_spent`) and its reminders with it, the work still undone.
ENDED_BY_RECORD: dict[ScheduleKind, str] = {
    ScheduleKind.HAZARD: "schedule.ends_with_hazard",
    ScheduleKind.COMPLAINT: "schedule.ends_with_complaint",
    ScheduleKind.ACTION: "schedule.ends_with_action",
}
# Items done by a record of the work: a drill run (`DrillService.run`), a submitted inspection
# (`InspectionService.submit`), a renewed certificate (`TeamService.add_training` ends the older
# one's reminder). Done by hand, a drill would show done on the calendar and a series would go on
# to its next date with none held; an inspection would count as done in the period report
# (`inspections_done`) with no inspection; a certificate would read as renewed. One that could not
# be held, or a certificate that will not be renewed (its holder left the branch: nothing deletes a
# training record), is skipped, with its reason: counted as not done.
DONE_BY_RECORD: dict[ScheduleKind, str] = {
    ScheduleKind.DRILL: "schedule.done_by_drill",
    ScheduleKind.INSPECTION: "schedule.done_by_inspection",
    ScheduleKind.TRAINING: "schedule.ends_with_training",
}
# The window's words for the same refusals: the command line's name an item's ID and commands
# (`schedule done ID --skip REASON`, `training add`) the window shows none of.
IN_THE_WINDOW: dict[str, str] = {
    "schedule.ends_with_complaint": "schedule.ends_with_complaint.window",
    "schedule.ends_with_action": "schedule.ends_with_action.window",
    "schedule.ends_with_drill": "schedule.ends_with_drill.window",
    "schedule.done_by_drill": "schedule.done_by_drill.window",
    "schedule.done_by_inspection": "schedule.done_by_inspection.window",
    "schedule.ends_with_training": "schedule.ends_with_training.window",
}


def by_hand_refusal(
    kind: ScheduleKind, subject_id: int | None, *, skipped: bool = False, window: bool = False
) -> Message | None:
    """Why an item of a schedule of `kind` may not be marked done (or `skipped`) by hand: where its
    work is done instead, in the `window`'s words or the command line's; None where it may (a
    schedule of the lead's own, owned by no record). The kind's part of `hand_refusal`, which a
    schedule's item is held to."""
    if subject_id is None:
        return None
    key = ENDED_BY_RECORD.get(kind) or (None if skipped else DONE_BY_RECORD.get(kind))
    return None if key is None else _worded(key, window)


def _worded(key: str, window: bool) -> Message:
    """A refusal in the window's words or the command line's."""
    return Message(IN_THE_WINDOW.get(key, key) if window else key)


def hand_refusal(sched: ScheduleRow, *, skipped: bool, window: bool = False) -> Message | None:
    """Why an item of `sched` may not be marked done (or `skipped`) by hand, None where it may: the
    one rule `complete` applies (`refuse_by_hand`) and the bell's rows carry, so the window offers
    only what the service takes. A planned drill's only date is neither (`dated_by_owner`): skipped,
    its plan would stay planned, unreminded; done, it would read as run. It is run, moved or
    cancelled with its plan."""
    if dated_by_owner(sched):
        return _worded("schedule.ends_with_drill", window)
    return by_hand_refusal(ScheduleKind(sched.kind), sched.subject_id, skipped=skipped, window=window)


def refuse_by_hand(sched: ScheduleRow, skipped: bool) -> None:
    """Refuse marking an item of `sched` done or skipped by hand where its record does it or its
    plan dates it (`hand_refusal`)."""
    refusal = hand_refusal(sched, skipped=skipped)
    if refusal is not None:
        raise ValidationError("field.occurrence", refusal)


def retime_one_off(s: Session, actor: Actor, sched: ScheduleRow, start_at: datetime, now: datetime) -> None:
    """The owner moved its date: the one-off schedule's single instant becomes `start_at`, its open
    occurrence (written once the reminder window opened) and reminders go, and the scheduler
    writes them afresh for the new time."""
    before = sched.start_at
    sched.start_at, sched.catch_up_from, sched.updated_at = start_at, now, now
    open_ones = and_(
        OccurrenceRow.schedule_id == sched.id, OccurrenceRow.status == OccurrenceStatus.OPEN.value
    )
    ledger_recording.delete_rows(s, "schedule_occurrences", open_ones)  # a Core DELETE, ledgered
    was, moved = {"start_at": before}, {"start_at": start_at}
    record(s, actor, "schedule.update", "schedule", sched.id, before=was, after=moved)


def action_reminders(action_id: int) -> Select[tuple[int]]:
    """The reminder schedules of a corrective action (an incident's, a drill's or a complaint's)."""
    return select(ScheduleRow.id).where(
        ScheduleRow.kind == ScheduleKind.ACTION.value, ScheduleRow.subject_id == action_id
    )
