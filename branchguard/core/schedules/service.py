"""Schedule service: add, change, pause and remove schedules; catch up, list, complete and
reschedule occurrences; the calendar between two dates and its .ics export. Its reminders' use
cases (due, announce, snooze, dismiss) are in reminders.py.

The safety lead manages schedules, everyone reads them; lead and staff complete occurrences and
handle reminders. Listeners hear of every committed change, so the scheduler rebuilds its jobs.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, select
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.audit.service import record
from branchguard.core.kernel import validation
from branchguard.core.kernel.errors import NotFound, ValidationError, refuse_if_changed
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.roles import require
from branchguard.core.kernel.types import Actor
from branchguard.core.ledger import recording as ledger_recording
from branchguard.core.schedules import rules, store
from branchguard.core.schedules.links import end_if_spent, mark_done, refuse_by_hand, refuse_owned_move
from branchguard.core.schedules.reminders import ReminderDesk
from branchguard.core.schedules.titles import title_names
from branchguard.core.schedules.types import (
    CatchUpResult,
    DueFilter,
    OccurrenceInfo,
    OccurrenceStatus,
    ScheduleInfo,
    ScheduleInput,
    ScheduleKind,
    WorkingDayPolicy,
)
from branchguard.db.base import utcnow
from branchguard.db.locks import locked
from branchguard.db.models.foundation import BranchRow
from branchguard.db.models.schedules import OccurrenceRow, ScheduleRow

MAX_LEAD_MINUTES = 60 * 24 * 90
# How far a written occurrence's due date may sit from its rule instant (holiday shift, reschedule).
MAX_RESCHEDULE_DAYS = 366
ChangeListener = Callable[[], None]


class ScheduleService(ReminderDesk):
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self._listeners: list[ChangeListener] = []

    def add_listener(self, listener: ChangeListener) -> None:
        """Called after every committed change to a schedule (the scheduler rebuilds its jobs)."""
        self._listeners.append(listener)

    def remove_listener(self, listener: ChangeListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()

    # -- managing ------------------------------------------------------------------------------
    def _clean(self, data: ScheduleInput) -> dict[str, Any]:
        kind = validation.choice(data.kind, type(data.kind), "field.schedule_kind")
        policy = validation.choice(data.working_days, WorkingDayPolicy, "field.working_days")
        timezone = (data.timezone or "").strip() or rules.local_zone_name()
        rules.zone(timezone)
        rule = rules.normalise(data.rule, data.start, timezone, until=data.until, count=data.count)
        policy = rules.policy_for(rule, policy)
        if not rule and policy in (WorkingDayPolicy.SKIP, WorkingDayPolicy.BEFORE_HOLIDAY):
            raise ValidationError("field.working_days", Message("schedule.skip_needs_rule"))
        if policy is WorkingDayPolicy.SKIP:
            rules.check_skip(rule, data.start, timezone)
        return {
            "kind": kind.value,
            "subject_id": data.subject_id,
            "title": validation.text(data.title, "field.title", limit=200),
            "owner": validation.text(data.owner, "field.owner", required=False, limit=100),
            "rrule": rule,
            "start_at": rules.start_utc(data.start, timezone),
            "timezone": timezone,
            "lead_minutes": validation.int_range(
                data.lead_minutes, "field.lead_minutes", 0, MAX_LEAD_MINUTES
            ),
            "working_days": policy.value,
            "notes": validation.text(data.notes, "field.notes", required=False, limit=2000),
        }

    def add(self, actor: Actor, data: ScheduleInput) -> ScheduleInfo:
        require(actor, "schedule.manage")
        with self._sessions.begin() as s:
            row = self.add_in(s, actor, data)
            info = store.schedule_info(row, row.created_at)
        self._changed()
        return info

    def add_in(self, s: Session, actor: Actor, data: ScheduleInput) -> ScheduleRow:
        """Add a schedule inside the caller's transaction, for a service that owns one (a drill
        plan, an inspection plan, a hazard's due date): the record and its schedule commit or
        fail together. The caller has checked the actor's role and calls `notify()` after commit."""
        values = self._clean(data)
        now = utcnow()
        row = ScheduleRow(
            **values,
            active=True,
            catch_up_from=now,
            created_by=actor.username,
            created_at=now,
            updated_at=now,
        )
        s.add(row)
        s.flush()
        record(s, actor, "schedule.add", "schedule", row.id, after=_audit_view(values))
        return row

    def notify(self) -> None:
        """Tell the listeners (the scheduler, the calendar) that schedules changed; for owners
        that changed them through `add_in` / `set_active_in`, after their commit."""
        self._changed()

    def update(
        self, actor: Actor, schedule_id: int, data: ScheduleInput, opened: datetime | None = None
    ) -> ScheduleInfo:
        """Change a schedule. A changed rule, start, zone or policy owes nothing from before the
        change: open occurrences not yet due are dropped and follow the new rule.

        `opened`: the `updated_at` of the schedule the form was filled from (None from code that has
        no form). The form sends every field, so if another PC changed the schedule since (another
        assignee, say), saving would silently put the old one back: StaleRecord, nothing written."""
        require(actor, "schedule.manage")
        values = self._clean(data)
        now = utcnow()
        with self._sessions.begin() as s:
            row = locked(s, ScheduleRow, schedule_id) or self._row(s, schedule_id)
            record_name = Message("schedule.record", title=row.title)
            refuse_if_changed(opened, row.updated_at, record_name)
            before = {k: getattr(row, k) for k in values}
            timing = ("rrule", "start_at", "timezone", "working_days")
            if any(before[k] != values[k] for k in timing):
                refuse_owned_move(row)
                row.catch_up_from = now
                self._drop_upcoming(s, row.id, now)
            for key, value in values.items():
                setattr(row, key, value)
            row.updated_at = now
            record(
                s,
                actor,
                "schedule.update",
                "schedule",
                row.id,
                before=_audit_view(before),
                after=_audit_view(values),
            )
            s.flush()
            info = self._info(s, row, now)
        self._changed()
        return info

    def set_active(self, actor: Actor, schedule_id: int, active: bool) -> ScheduleInfo:
        """Pause or resume. A resumed schedule owes nothing for the time it was paused."""
        require(actor, "schedule.manage")
        now = utcnow()
        with self._sessions.begin() as s:
            row = self.set_active_in(s, actor, schedule_id, active)
            info = self._info(s, row, now)
        self._changed()
        return info

    def set_active_in(self, s: Session, actor: Actor, schedule_id: int, active: bool) -> ScheduleRow:
        """Pause or resume inside the caller's transaction (see `add_in`)."""
        now = utcnow()
        row = self._row(s, schedule_id)
        if row.active != active:
            row.active = active
            row.updated_at = now
            if active:
                row.catch_up_from = now
            else:
                self._drop_upcoming(s, row.id, now)
            record(
                s,
                actor,
                "schedule.active",
                "schedule",
                row.id,
                before={"active": not active},
                after={"active": active},
            )
        return row

    def remove(self, actor: Actor, schedule_id: int) -> None:
        """Delete a schedule that has no completed occurrence; one with a history is paused instead."""
        require(actor, "schedule.manage")
        with self._sessions.begin() as s:
            # locked: another PC's catch-up cannot write an item the cascade below would delete
            # unnoted (on PostgreSQL its insert waits for this commit, then finds no schedule)
            row = locked(s, ScheduleRow, schedule_id)
            if row is None:
                raise NotFound(Message("schedule.not_found", id=schedule_id))
            done = s.scalar(
                select(OccurrenceRow.id).where(
                    OccurrenceRow.schedule_id == row.id, OccurrenceRow.status != OccurrenceStatus.OPEN.value
                )
            )
            if done is not None:
                raise ValidationError("field.schedule", Message("schedule.has_history", title=row.title))
            record(
                s,
                actor,
                "schedule.remove",
                "schedule",
                row.id,
                before={"title": row.title, "rrule": row.rrule},
            )
            # its occurrences go by the database's cascade, unseen by the session
            ledger_recording.deleting(s, "schedules", ScheduleRow.id == row.id)
            s.delete(row)
        self._changed()

    @staticmethod
    def _drop_upcoming(s: Session, schedule_id: int, now: datetime) -> None:
        upcoming = and_(
            OccurrenceRow.schedule_id == schedule_id,
            OccurrenceRow.status == OccurrenceStatus.OPEN.value,
            OccurrenceRow.due_at > now,
        )
        ledger_recording.delete_rows(s, "schedule_occurrences", upcoming)  # a Core DELETE, ledgered

    # -- reading -------------------------------------------------------------------------------
    def get(self, actor: Actor, schedule_id: int, now: datetime | None = None) -> ScheduleInfo:
        require(actor, "schedule.read")
        with self._sessions() as s:
            return self._info(s, self._row(s, schedule_id), now or utcnow())

    def list(
        self,
        actor: Actor,
        now: datetime | None = None,
        *,
        include_inactive: bool = True,
        kind: ScheduleKind | None = None,
    ) -> builtins.list[ScheduleInfo]:
        """Schedules (of one `kind` when given, chosen in SQL), each with its next due date and
        how many occurrences are open and overdue."""
        require(actor, "schedule.read")
        now = now or utcnow()
        with self._sessions() as s:
            stmt = select(ScheduleRow).order_by(
                ScheduleRow.active.desc(), ScheduleRow.start_at, ScheduleRow.id
            )
            if not include_inactive:
                stmt = stmt.where(ScheduleRow.active.is_(True))
            dues: dict[int, builtins.list[datetime]] = {}
            open_rows = select(OccurrenceRow.schedule_id, OccurrenceRow.due_at).where(
                OccurrenceRow.status == OccurrenceStatus.OPEN.value
            )
            if kind is not None:
                # The Inspections page asks for its 7 schedules: the next date of every other
                # schedule (1,300 at ten years) cost it 0.6-1.2 s.
                stmt = stmt.where(ScheduleRow.kind == kind.value)
                open_rows = open_rows.join(ScheduleRow, OccurrenceRow.schedule_id == ScheduleRow.id).where(
                    ScheduleRow.kind == kind.value
                )
            for sid, due in s.execute(open_rows).tuples():
                dues.setdefault(sid, []).append(due)
            names = title_names(s)
            rows = s.execute(stmt.with_only_columns(*store.INFO_COLUMNS))  # plain rows
            return [store.schedule_info(r, now, dues.get(r.id, ()), names) for r in rows]

    def open_items(
        self,
        actor: Actor,
        now: datetime | None = None,
        kinds: Sequence[ScheduleKind] = (),
        *,
        named: bool = True,
    ) -> builtins.list[OccurrenceInfo]:
        """Open occurrences (overdue ones flagged), earliest due first; of `kinds` only, if given.
        Not `named`: a made title keeps the names inside it as stored (for counting)."""
        require(actor, "schedule.read")
        now = now or utcnow()
        with self._sessions() as s:
            stmt = store.open_occurrences(kinds)
            names = title_names(s) if named else None
            return [store.occurrence_info(o, sc, now, names) for o, sc in s.execute(stmt).tuples()]

    def due_items(
        self, actor: Actor, flt: DueFilter, now: datetime | None = None, zone: ZoneInfo | None = None
    ) -> builtins.list[OccurrenceInfo]:
        """Open items of `flt`'s kinds falling due in its window (rules.due_bounds, in `zone`, by
        default this PC's), earliest first: the overdue ones as written (catch-up writes them),
        the coming ones as the calendar shows them, promised ones included."""
        return self.due_lists(actor, [flt], now, zone)[0]

    def due_lists(
        self,
        actor: Actor,
        filters: Sequence[DueFilter],
        now: datetime | None = None,
        zone: ZoneInfo | None = None,
        *,
        named: bool = True,
    ) -> builtins.list[builtins.list[OccurrenceInfo]]:
        """`due_items` of each filter from one read of the open items and one of the calendar over
        the widest window (the dashboard's figures): a narrower window's items are the wider's due
        in it, as the calendar keeps slots by due time, a slot is due within MAX_SHIFT_DAYS of its
        rule's instant, and a written occurrence replaces its slot wherever it is due. Not `named`
        (the dashboard counts them): the same items, the names inside their made titles as stored,
        so neither the names' tables nor the training kinds' file are read."""
        require(actor, "schedule.read")
        now = now or utcnow()
        tz = zone or rules.zone(rules.local_zone_name())
        bounds = [rules.due_bounds(f.window, now, tz) for f in filters]
        open_now = self.open_items(actor, now, named=named) if any(a is None for a, _u in bounds) else []
        ahead = [(a, u) for a, u in bounds if a is not None]
        coming = []
        if ahead:
            end = max(u for _a, u in ahead) + timedelta(microseconds=1)
            coming = self.calendar(actor, min(a for a, _u in ahead), end, now, named=named)
        return rules.due_in_windows(filters, bounds, open_now, coming)

    def calendar(
        self, actor: Actor, start: datetime, end: datetime, now: datetime | None = None, *, named: bool = True
    ) -> builtins.list[OccurrenceInfo]:
        """Occurrences due in [start, end): those written already, and those the rules still
        promise (id None). Inactive schedules show only what was written. Not `named`: as
        `open_items`."""
        require(actor, "schedule.read")
        if end <= start:
            raise ValidationError("field.date_range", Message("schedule.bad_range"))
        # the last instant asked for, not `end` (the midnight after 2200-12-31 is past the range)
        last = end - timedelta(microseconds=1)
        validation.span(start, last, "field.date_range", validation.MAX_SPAN_DAYS + 1)
        now = now or utcnow()
        with self._sessions() as s:
            items: dict[tuple[int, datetime], OccurrenceInfo] = {}
            names = title_names(s) if named else None
            for sched in s.scalars(store.active_between(start, end)):
                slots = rules.slots_between(store.spec_of(sched), start, end)
                if sched.rrule:  # not those from before the rule was set: not owed, never written
                    slots = [slot for slot in slots if slot.rule_at >= sched.catch_up_from]
                for info in store.promised_infos(sched, slots, now, names):
                    items[(sched.id, info.rule_at)] = info
            written = (
                select(OccurrenceRow, ScheduleRow)
                .join(ScheduleRow, OccurrenceRow.schedule_id == ScheduleRow.id)
                .where(OccurrenceRow.due_at >= start, OccurrenceRow.due_at < end)
            )
            for occ, sched in s.execute(written).tuples():
                items[(sched.id, occ.rule_at)] = store.occurrence_info(occ, sched, now, names)
            # a promised slot that was written with another due date (rescheduled) shows once, as written
            margin = timedelta(days=MAX_RESCHEDULE_DAYS)
            keys = select(OccurrenceRow.schedule_id, OccurrenceRow.rule_at).where(
                OccurrenceRow.rule_at >= start - margin, OccurrenceRow.rule_at < end + margin
            )
            stored = set(s.execute(keys).tuples())
        return sorted(
            (o for k, o in items.items() if o.id is not None or k not in stored),
            key=lambda o: (o.due_at, o.schedule_id),
        )

    # -- occurrences ---------------------------------------------------------------------------
    def catch_up(self, actor: Actor, now: datetime | None = None) -> CatchUpResult:
        """Write what fell due (also while the app was closed) and its reminders; idempotent."""
        require(actor, "schedule.read")
        with self._sessions.begin() as s:
            return store.catch_up(s, now or utcnow())

    def complete(
        self,
        actor: Actor,
        occurrence_id: int,
        *,
        skipped: bool = False,
        note: str = "",
        now: datetime | None = None,
    ) -> OccurrenceInfo:
        """Mark an open occurrence done (or skipped, with a reason) by hand; its reminders stop.
        One whose record ends it (a hazard, a complaint, a certificate, an action) or does it (a
        drill run, a submitted inspection) is refused: see `links.refuse_by_hand`."""
        require(actor, "schedule.complete")
        note = validation.text(
            note, "field.skip_reason" if skipped else "field.notes", required=skipped, limit=1000
        )
        now = now or utcnow()
        with self._sessions.begin() as s:
            occ = locked(s, OccurrenceRow, occurrence_id)  # of PCs marking it at once, one does
            if occ is None:
                raise NotFound(Message("schedule.no_occurrence", id=occurrence_id))
            if occ.status != OccurrenceStatus.OPEN.value:
                raise ValidationError(
                    "field.occurrence",
                    Message("schedule.occurrence_closed", status=OccurrenceStatus(occ.status)),
                )
            sched = self._row(s, occ.schedule_id)
            refuse_by_hand(sched, skipped)
            status = OccurrenceStatus.SKIPPED if skipped else OccurrenceStatus.DONE
            occ.status, occ.done_at, occ.done_by, occ.note = status.value, now, actor.username, note
            record(
                s,
                actor,
                f"schedule.{status.value}",
                "schedule_occurrence",
                occ.id,
                after={"schedule": sched.title, "due_at": occ.due_at, "note": note},
            )
            end_if_spent(s, actor, sched.id, now)
            s.flush()
            info = store.occurrence_info(occ, sched, now)
        self._changed()
        return info

    def reschedule(
        self, actor: Actor, occurrence_id: int, new_due: datetime, now: datetime | None = None
    ) -> OccurrenceInfo:
        """Move an open occurrence to another time. The rule's instant (its identity) stays, so
        a catch-up never writes it again; its reminders follow the new time and fire afresh."""
        require(actor, "schedule.manage")
        if new_due.tzinfo is None:
            raise ValidationError("field.due_at", Message("schedule.bad_range"))
        now = now or utcnow()
        with self._sessions.begin() as s:
            occ = locked(s, OccurrenceRow, occurrence_id)  # moved or done meanwhile: seen so
            if occ is None:
                raise NotFound(Message("schedule.no_occurrence", id=occurrence_id))
            info = self._move(s, actor, occ, new_due, now)
        self._changed()
        return info

    def reschedule_promised(
        self,
        actor: Actor,
        schedule_id: int,
        rule_at: datetime,
        new_due: datetime,
        now: datetime | None = None,
    ) -> OccurrenceInfo:
        """Move an occurrence the rule promises but that is not written yet (the calendar's id None):
        it is written (with the earlier promised ones, so catch-up owes nothing twice) and moved,
        in one transaction."""
        require(actor, "schedule.manage")
        if new_due.tzinfo is None:
            raise ValidationError("field.due_at", Message("schedule.bad_range"))
        now = now or utcnow()
        with self._sessions.begin() as s:
            occ = store.materialise(s, self._movable(s, schedule_id), rule_at, now)
            if occ is None:
                raise ValidationError("field.occurrence", Message("schedule.not_an_occurrence"))
            info = self._move(s, actor, occ, new_due, now)
        self._changed()
        return info

    def complete_next(
        self, actor: Actor, schedule_id: int, note: str = "", now: datetime | None = None
    ) -> OccurrenceInfo | None:
        """Mark done the schedule's earliest open occurrence, written or still only promised (a
        drill run before its reminder window opened): it must not fall due afterwards. None when
        the schedule owes nothing more."""
        require(actor, "schedule.complete")
        now = now or utcnow()
        with self._sessions.begin() as s:
            occ = self.complete_next_in(s, actor, schedule_id, note, now)
            info = store.occurrence_info(occ, self._row(s, schedule_id), now) if occ is not None else None
        self._changed()
        return info

    def complete_next_in(
        self, s: Session, actor: Actor, schedule_id: int, note: str, now: datetime
    ) -> OccurrenceRow | None:
        """`complete_next` inside the caller's transaction (a corrective action marked done
        completes its reminder's item with it). The caller checked the role and calls `notify()`."""
        note = validation.text(note, "field.notes", required=False, limit=1000)
        sched = self._row(s, schedule_id)
        occ = s.scalar(
            select(OccurrenceRow)
            .where(
                OccurrenceRow.schedule_id == schedule_id, OccurrenceRow.status == OccurrenceStatus.OPEN.value
            )
            .order_by(OccurrenceRow.due_at, OccurrenceRow.id)
            .limit(1)
        )
        if occ is None:
            slot = store.next_owed(s, sched, now)
            occ = store.materialise(s, sched, slot.rule_at, now) if slot is not None else None
        if occ is None:
            return None
        mark_done(s, actor, occ, note, now, schedule=sched.title)
        s.flush()
        return occ

    def _move(
        self, s: Session, actor: Actor, occ: OccurrenceRow, new_due: datetime, now: datetime
    ) -> OccurrenceInfo:
        if occ.status != OccurrenceStatus.OPEN.value:
            raise ValidationError(
                "field.occurrence",
                Message("schedule.occurrence_closed", status=OccurrenceStatus(occ.status)),
            )
        if new_due.astimezone().date() < now.astimezone().date():  # overdue at once: mark it done instead
            raise ValidationError("field.due_at", Message("schedule.move_into_past"))
        if abs(new_due - occ.rule_at) > timedelta(days=MAX_RESCHEDULE_DAYS):
            raise ValidationError(
                "field.due_at", Message("schedule.reschedule_too_far", days=MAX_RESCHEDULE_DAYS)
            )
        sched = self._movable(s, occ.schedule_id)
        before, occ.due_at = occ.due_at, new_due
        store.retime_reminders(s, occ, sched.lead_minutes, now)
        record(
            s,
            actor,
            "schedule.reschedule",
            "schedule_occurrence",
            occ.id,
            before={"due_at": before},
            after={"schedule": sched.title, "due_at": new_due},
        )
        s.flush()
        return store.occurrence_info(occ, sched, now)

    # -- the scheduler ---------------------------------------------------------------------------
    def wake_times(self, now: datetime | None = None) -> dict[int, datetime]:
        """Per active schedule, when the scheduler should next run a catch-up (UTC)."""
        with self._sessions() as s:
            return store.wake_times(s, now or utcnow())

    # -- export --------------------------------------------------------------------------------
    def export_ics(self, actor: Actor, start: datetime, end: datetime, now: datetime | None = None) -> bytes:
        """The calendar between two instants as iCalendar (one VEVENT per occurrence), with the
        occurrences of those days moved out of them (at their new time) and, cancelled, those
        that went (core/schedules/revisions.py): a calendar that imports the file again follows
        both. None of either is refused: a calendar file must hold at least one event (RFC
        5545), and a program importing an empty one calls it damaged."""
        from branchguard.core.schedules import revisions
        from branchguard.core.schedules.ics import installation, to_ics

        now = now or utcnow()
        items = self.calendar(actor, start, end, now)
        with self._sessions() as s:
            names = title_names(s)
            items += revisions.moved_away(s, start, end, now, names)
            items.sort(key=lambda o: (o.due_at, o.schedule_id))
            revised, withdrawn = revisions.revise(s, items, start, end, names)
            stmt = select(ScheduleRow.id, ScheduleRow.lead_minutes, ScheduleRow.notes)
            rows = s.execute(stmt.where(ScheduleRow.id.in_({o.schedule_id for o in items}))).all()
            branch = s.execute(select(BranchRow.code, BranchRow.created_at)).first()
        if not items and not withdrawn:
            last = (end.astimezone() - timedelta(microseconds=1)).date()
            raise NotFound(Message("schedule.ics_empty", start=start.astimezone().date(), end=last))
        leads = {r.id: r.lead_minutes for r in rows}
        notes = {r.id: r.notes or "" for r in rows}
        host = installation(branch.code, branch.created_at) if branch else ""
        return to_ics(items, leads, now, notes, installation=host, revisions=revised, withdrawn=withdrawn)

    # -- helpers -------------------------------------------------------------------------------
    def _row(self, s: Session, schedule_id: int) -> ScheduleRow:
        row = s.get(ScheduleRow, schedule_id)
        if row is None:
            raise NotFound(Message("schedule.not_found", id=schedule_id))
        return row

    def _movable(self, s: Session, schedule_id: int) -> ScheduleRow:
        """The schedule of an item to move: there, not dated by its owner, and active. A paused
        schedule owes nothing: an item of it moved (from a calendar read before another PC paused
        it) would be written back open, reminding on the bell, the lists and the agenda."""
        sched = self._row(s, schedule_id)
        refuse_owned_move(sched)
        if not sched.active:
            raise ValidationError("field.occurrence", Message("schedule.paused_no_move", title=sched.title))
        return sched

    def _info(self, s: Session, row: ScheduleRow, now: datetime) -> ScheduleInfo:
        dues = s.scalars(
            select(OccurrenceRow.due_at).where(
                OccurrenceRow.schedule_id == row.id, OccurrenceRow.status == OccurrenceStatus.OPEN.value
            )
        ).all()
        return store.schedule_info(row, now, dues)


def _audit_view(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v not in (None, "")}
