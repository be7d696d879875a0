"""The reminder half of the schedule service: the reminders showing now, the fresh ones announced
(a tray message), snoozing and dismissing them. A reminder shows while its occurrence is open and its
schedule active; the schedule service writes them (catch-up) and ends them with the occurrence.

A reminder is the item's, not a user's: dismissed, it is gone for everyone. So each account sees
and acts on its own part (`_owners`): the lead every reminder; staff those of the items they own or
handle (the schedule's owner names them, as a login or as their account's person) and those of
items nobody owns (the branch's shared work); the auditor reads every one and acts on none."""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.accounts.names import person_of
from branchguard.core.audit.service import record
from branchguard.core.kernel.errors import NotFound, PermissionDenied, ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.roles import may, require
from branchguard.core.kernel.types import Actor
from branchguard.core.schedules import store
from branchguard.core.schedules.links import hand_refusal
from branchguard.core.schedules.titles import Names, title_names
from branchguard.core.schedules.types import ReminderInfo
from branchguard.db.base import utcnow
from branchguard.db.models.schedules import OccurrenceRow, ReminderRow, ScheduleRow

Showing = tuple[ReminderRow, OccurrenceRow, ScheduleRow]


class ReminderDesk:
    """The reminder half of ScheduleService (its own module to keep each one readable)."""

    _sessions: sessionmaker[Session]
    _changed: Callable[[], None]  # the service's: its listeners hear of every committed change

    def reminders(self, actor: Actor, now: datetime | None = None) -> builtins.list[ReminderInfo]:
        """Reminders showing now (fired, not dismissed, not snoozed), one per occurrence, of the
        items the actor sees (`_owners`)."""
        require(actor, "schedule.read")
        now = now or utcnow()
        with self._sessions() as s:
            rows, names = _showing(s, now, _seen_owners(s, actor)), title_names(s)
            return [_listed(r, o, sc, names) for r, o, sc in rows]

    def announce(self, actor: Actor, now: datetime | None = None) -> builtins.list[ReminderInfo]:
        """Reminders showing now that were not announced yet (for a tray message); marks them.
        Only those the actor may act on: a reminder announced to someone who may not act on it
        (the auditor) would not be announced again to someone who may."""
        require(actor, "schedule.read")
        now = now or utcnow()
        if not may(actor, "schedule.remind"):
            return []
        with self._sessions.begin() as s:
            pending = _showing(s, now, _acting_owners(s, actor))
            fresh = [t3 for t3 in pending if t3[0].notified_at is None and _claim(s, t3[0], now)]
            names = title_names(s)
            return [_listed(r, o, sc, names) for r, o, sc in fresh]

    def seen_of(self, actor: Actor, reminders: Iterable[ReminderInfo]) -> builtins.list[ReminderInfo]:
        """Of `reminders`, those the actor's bell lists (`reminders`): the window's tray message
        and notice say only these (its engine announces to its user, scheduling/engine.py)."""
        require(actor, "schedule.read")
        with self._sessions() as s:
            owners = _seen_owners(s, actor)
        return [r for r in reminders if owners is None or r.owner in owners]

    def snooze(
        self, actor: Actor, reminder_id: int, until: datetime, now: datetime | None = None
    ) -> ReminderInfo:
        return self.snooze_many(actor, [reminder_id], until, now)[0]

    def snooze_many(
        self, actor: Actor, reminder_ids: Sequence[int], until: datetime, now: datetime | None = None
    ) -> builtins.list[ReminderInfo]:
        """Snooze the reminders (a row of the bell folds a schedule's missed ones) in one go: all
        of them, or none when one is not the actor's to snooze."""
        require(actor, "schedule.remind")
        now = now or utcnow()
        if until.tzinfo is None or until <= now:
            raise ValidationError("field.snooze_until", Message("schedule.snooze_past"))
        with self._sessions.begin() as s:
            found = _acted_on(s, actor, reminder_ids)
            for rem, _occ, sched in found:
                rem.snooze_until, rem.notified_at = until, None
                after = {"schedule": sched.title, "until": until}
                record(s, actor, "schedule.snooze", "schedule_reminder", rem.id, after=after)
            s.flush()
            infos = [store.reminder_info(*t3) for t3 in found]
        self._changed()
        return infos

    def dismiss(self, actor: Actor, reminder_id: int, now: datetime | None = None) -> ReminderInfo:
        return self.dismiss_many(actor, [reminder_id], now)[0]

    def dismiss_many(
        self, actor: Actor, reminder_ids: Sequence[int], now: datetime | None = None
    ) -> builtins.list[ReminderInfo]:
        """Dismiss the reminders in one go (all, or none when one is not the actor's). The
        occurrences stay open, on the overdue lists: dismissing a reminder completes nothing."""
        require(actor, "schedule.remind")
        now = now or utcnow()
        with self._sessions.begin() as s:
            found = _acted_on(s, actor, reminder_ids)
            for rem, _occ, sched in found:
                if rem.dismissed_at is None:
                    rem.dismissed_at, rem.dismissed_by = now, actor.username
                    after = {"schedule": sched.title}
                    record(s, actor, "schedule.dismiss", "schedule_reminder", rem.id, after=after)
            s.flush()
            infos = [store.reminder_info(*t3) for t3 in found]
        self._changed()
        return infos


def _listed(rem: ReminderRow, occ: OccurrenceRow, sched: ScheduleRow, names: Names) -> ReminderInfo:
    """A reminder as the bell lists it, with whether its item may be marked done or skipped there:
    the rule `complete` applies (links.hand_refusal), so the bell offers only what it will take
    (it offered Skip… on a planned drill's only date, and the service refused it in the dialog)."""
    info = store.reminder_info(rem, occ, sched, names)
    done = hand_refusal(sched, skipped=False, window=True)
    return replace(info, done_refusal=done, skip_refusal=hand_refusal(sched, skipped=True, window=True))


def _owners(s: Session, actor: Actor) -> frozenset[str]:
    """The schedule owners whose reminders are the actor's: the account's login and the person it
    is (its display name, as owners are written: core/accounts/names.person_of), and nobody ("")."""
    return frozenset({"", actor.username, person_of(s, actor.username)})


def _seen_owners(s: Session, actor: Actor) -> frozenset[str] | None:
    """The owners whose reminders the actor's bell lists; None: every owner's."""
    return None if may(actor, "schedule.reminders_all") else _owners(s, actor)


def _acting_owners(s: Session, actor: Actor) -> frozenset[str] | None:
    """The owners whose reminders the actor may snooze and dismiss; None: every owner's."""
    return None if may(actor, "schedule.remind_any") else _owners(s, actor)


def _showing(s: Session, now: datetime, owners: frozenset[str] | None) -> builtins.list[Showing]:
    showing = store.latest_per_occurrence(store.pending_reminders(s), now)
    return showing if owners is None else [t3 for t3 in showing if t3[2].owner in owners]


def _acted_on(s: Session, actor: Actor, reminder_ids: Sequence[int]) -> builtins.list[Showing]:
    """The reminders with their occurrences and schedules, each one the actor may act on; a
    reminder of someone else's item is refused (staff dismissing it hid it from the lead too)."""
    owners = _acting_owners(s, actor)
    found = [_reminder(s, reminder_id) for reminder_id in dict.fromkeys(reminder_ids)]
    for rem, occ, sched in found:
        if owners is not None and sched.owner not in owners:
            title = store.reminder_info(rem, occ, sched, title_names(s)).title
            refusal = Message("schedule.not_your_reminder", title=title, owner=sched.owner)
            raise PermissionDenied(refusal, "schedule.remind_any")
    return found


def _reminder(s: Session, reminder_id: int) -> tuple[ReminderRow, OccurrenceRow, ScheduleRow]:
    """The reminder with its occurrence and schedule; one whose schedule went (deleted on another
    PC, its occurrences and reminders with it) is no reminder any more."""
    rem = s.get(ReminderRow, reminder_id)
    occ = s.get(OccurrenceRow, rem.occurrence_id) if rem is not None else None
    sched = s.get(ScheduleRow, occ.schedule_id) if occ is not None else None
    if rem is None or occ is None or sched is None:
        raise NotFound(Message("schedule.no_reminder", id=reminder_id))
    return rem, occ, sched


def _claim(s: Session, rem: ReminderRow, now: datetime) -> bool:
    """Mark `rem` announced unless another PC has since: of two windows ticking at once (their
    timers set from the same rows), one announces it; both did, each from what it had read."""
    claimed = s.execute(
        update(ReminderRow)
        .where(ReminderRow.id == rem.id, ReminderRow.notified_at.is_(None))
        .values(notified_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(claimed, "rowcount", 0) == 1)
