"""The reminder half of the schedule service: the reminders showing now, the fresh ones announced
(a tray message), snoozing and dismissing one. A reminder shows while its occurrence is open and its
schedule active; the schedule service writes them (catch-up) and ends them with the occurrence.
Everyone reads them; lead and staff snooze and dismiss."""

from __future__ import annotations

import builtins
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.audit.service import record
from branchguard.core.kernel.errors import NotFound, ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.roles import require
from branchguard.core.kernel.types import Actor
from branchguard.core.schedules import store
from branchguard.core.schedules.titles import title_names
from branchguard.core.schedules.types import ReminderInfo
from branchguard.db.base import utcnow
from branchguard.db.models.schedules import OccurrenceRow, ReminderRow, ScheduleRow


class ReminderDesk:
    """The reminder half of ScheduleService (its own module to keep each one readable)."""

    _sessions: sessionmaker[Session]
    _changed: Callable[[], None]  # the service's: its listeners hear of every committed change

    def reminders(self, actor: Actor, now: datetime | None = None) -> builtins.list[ReminderInfo]:
        """Reminders showing now (fired, not dismissed, not snoozed), one per occurrence."""
        require(actor, "schedule.read")
        now = now or utcnow()
        with self._sessions() as s:
            rows, names = store.latest_per_occurrence(store.pending_reminders(s), now), title_names(s)
            return [store.reminder_info(r, o, sc, names) for r, o, sc in rows]

    def announce(self, actor: Actor, now: datetime | None = None) -> builtins.list[ReminderInfo]:
        """Reminders showing now that were not announced yet (for a tray message); marks them."""
        require(actor, "schedule.read")
        now = now or utcnow()
        with self._sessions.begin() as s:
            pending = store.latest_per_occurrence(store.pending_reminders(s), now)
            fresh, names = [t3 for t3 in pending if t3[0].notified_at is None], title_names(s)
            for rem, _occ, _sched in fresh:
                rem.notified_at = now
            s.flush()
            return [store.reminder_info(r, o, sc, names) for r, o, sc in fresh]

    def snooze(
        self, actor: Actor, reminder_id: int, until: datetime, now: datetime | None = None
    ) -> ReminderInfo:
        require(actor, "schedule.remind")
        now = now or utcnow()
        if until.tzinfo is None or until <= now:
            raise ValidationError("field.snooze_until", Message("schedule.snooze_past"))
        with self._sessions.begin() as s:
            rem, occ, sched = _reminder(s, reminder_id)
            rem.snooze_until, rem.notified_at = until, None
            record(
                s,
                actor,
                "schedule.snooze",
                "schedule_reminder",
                rem.id,
                after={"schedule": sched.title, "until": until},
            )
            s.flush()
            info = store.reminder_info(rem, occ, sched)
        self._changed()
        return info

    def dismiss(self, actor: Actor, reminder_id: int, now: datetime | None = None) -> ReminderInfo:
        require(actor, "schedule.remind")
        with self._sessions.begin() as s:
            rem, occ, sched = _reminder(s, reminder_id)
            if rem.dismissed_at is None:
                rem.dismissed_at, rem.dismissed_by = now or utcnow(), actor.username
                record(
                    s, actor, "schedule.dismiss", "schedule_reminder", rem.id, after={"schedule": sched.title}
                )
            s.flush()
            info = store.reminder_info(rem, occ, sched)
        self._changed()
        return info


def _reminder(s: Session, reminder_id: int) -> tuple[ReminderRow, OccurrenceRow, ScheduleRow]:
    """The reminder with its occurrence and schedule; one whose schedule went (deleted on another
    PC, its occurrences and reminders with it) is no reminder any more."""
    rem = s.get(ReminderRow, reminder_id)
    occ = s.get(OccurrenceRow, rem.occurrence_id) if rem is not None else None
    sched = s.get(ScheduleRow, occ.schedule_id) if occ is not None else None
    if rem is None or occ is None or sched is None:
        raise NotFound(Message("schedule.no_reminder", id=reminder_id))
    return rem, occ, sched
