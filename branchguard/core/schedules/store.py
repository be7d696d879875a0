"""Schedule rows in and out: records from rows, catch-up (materialising what fell due), wake times.

Catch-up inserts with ON CONFLICT DO NOTHING on the unique keys, so it can run at every start, on
every timer and from several processes at once, and an occurrence is still written exactly once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from itertools import islice, takewhile
from typing import Any

from sqlalchemy import Row, Select, Table, func, or_, select
from sqlalchemy.orm import Session

from branchguard.core.kernel.working_days import MAX_SHIFT_DAYS
from branchguard.core.ledger import recording as ledger_recording
from branchguard.core.ledger.types import LedgerAction
from branchguard.core.schedules.rules import RuleSpec, Slot, next_slot, slots
from branchguard.core.schedules.titles import Names, made_title
from branchguard.core.schedules.types import (
    CatchUpResult,
    OccurrenceInfo,
    OccurrenceStatus,
    ReminderInfo,
    ReminderKind,
    ScheduleInfo,
    ScheduleKind,
    WorkingDayPolicy,
)
from branchguard.db.models.schedules import OccurrenceRow, ReminderRow, ScheduleRow

# A daily rule on a PC that was off for years still catches up, a bounded slice at a time.
MAX_PER_CATCH_UP = 1000
_CHUNK = 500
_JUST_BEFORE = timedelta(microseconds=1)
_FAR = timedelta(days=3660)  # beyond any rule's next instant, even a yearly one shifted


# A schedule as `schedule_info` reads it: an ORM row, or a plain row of the schedules table (the
# list reads those: 6,000 ORM objects were a fifth of `schedule list` at ten years).
ScheduleLike = ScheduleRow | Row[Any]
# The columns `schedule_info` reads (catch_up_from is catch-up's own).
INFO_COLUMNS = tuple(c for c in ScheduleRow.__table__.columns if c.name != "catch_up_from")
# A stored kind and policy to their enum by one dict look-up, not an Enum call each (12,000 calls
# for `schedule list` at ten years); a value not in them still goes to the Enum, to be refused.
_KINDS = {k.value: k for k in ScheduleKind}
_POLICIES = {p.value: p for p in WorkingDayPolicy}


def spec_of(row: ScheduleLike) -> RuleSpec:
    policy = _POLICIES.get(row.working_days) or WorkingDayPolicy(row.working_days)
    return RuleSpec(row.rrule, row.start_at, row.timezone, policy)


def schedule_info(
    row: ScheduleLike, now: datetime, open_dues: Sequence[datetime] = (), names: Names | None = None
) -> ScheduleInfo:
    nxt = next_slot(spec_of(row), now) if row.active else None
    return ScheduleInfo(
        id=row.id,
        kind=_KINDS.get(row.kind) or ScheduleKind(row.kind),
        subject_id=row.subject_id,
        title=made_title(row.title, names),
        owner=row.owner,
        rule=row.rrule,
        start_at=row.start_at,
        timezone=row.timezone,
        lead_minutes=row.lead_minutes,
        working_days=_POLICIES.get(row.working_days) or WorkingDayPolicy(row.working_days),
        active=row.active,
        notes=row.notes,
        created_by=row.created_by,
        created_at=row.created_at,
        updated_at=row.updated_at,
        next_due=nxt.due_at if nxt else None,
        open_count=len(open_dues),
        overdue_count=sum(1 for d in open_dues if d <= now),
    )


def promised_infos(
    sched: ScheduleRow, slots: Iterable[Slot], now: datetime, names: Names | None = None
) -> list[OccurrenceInfo]:
    """The slots the rule still promises and nobody has written yet (id None); the schedule's
    columns and title read once, not per slot (a month view: ~430 slots of 60 rules)."""
    schedule_id, kind, owner, timezone = sched.id, ScheduleKind(sched.kind), sched.owner, sched.timezone
    title, subject_id, recurring = made_title(sched.title, names), sched.subject_id, bool(sched.rrule)
    return [
        OccurrenceInfo(
            id=None,
            schedule_id=schedule_id,
            kind=kind,
            title=title,
            owner=owner,
            timezone=timezone,
            rule_at=slot.rule_at,
            due_at=slot.due_at,
            status=OccurrenceStatus.OPEN,
            overdue=slot.due_at <= now,
            subject_id=subject_id,
            recurring=recurring,
        )
        for slot in slots
    ]


def open_occurrences(kinds: Sequence[ScheduleKind] = ()) -> Select[tuple[OccurrenceRow, ScheduleRow]]:
    """The open occurrences with their schedules, earliest due first; of `kinds` only, if given,
    chosen in SQL (the Inspections page's due list built all 222 open items at ten years, for 9)."""
    stmt = (
        select(OccurrenceRow, ScheduleRow)
        .join(ScheduleRow, OccurrenceRow.schedule_id == ScheduleRow.id)
        .where(OccurrenceRow.status == OccurrenceStatus.OPEN.value)
        .order_by(OccurrenceRow.due_at, OccurrenceRow.id)
    )
    return stmt.where(ScheduleRow.kind.in_([kind.value for kind in kinds])) if kinds else stmt


def occurrence_info(
    occ: OccurrenceRow, sched: ScheduleRow, now: datetime, names: Names | None = None
) -> OccurrenceInfo:
    status = OccurrenceStatus(occ.status)
    return OccurrenceInfo(
        id=occ.id,
        schedule_id=sched.id,
        kind=ScheduleKind(sched.kind),
        title=made_title(sched.title, names),
        owner=sched.owner,
        timezone=sched.timezone,
        rule_at=occ.rule_at,
        due_at=occ.due_at,
        status=status,
        overdue=status is OccurrenceStatus.OPEN and occ.due_at <= now,
        done_at=occ.done_at,
        done_by=occ.done_by,
        note=made_title(occ.note, names),
        subject_id=sched.subject_id,
        recurring=bool(sched.rrule),
    )


def reminder_info(
    rem: ReminderRow, occ: OccurrenceRow, sched: ScheduleRow, names: Names | None = None
) -> ReminderInfo:
    return ReminderInfo(
        id=rem.id,
        occurrence_id=occ.id,
        schedule_id=sched.id,
        title=made_title(sched.title, names),
        owner=sched.owner,
        kind=ReminderKind(rem.kind),
        due_at=occ.due_at,
        fire_at=rem.fire_at,
        snooze_until=rem.snooze_until,
        notified_at=rem.notified_at,
        dismissed_at=rem.dismissed_at,
        schedule_kind=_KINDS.get(sched.kind) or ScheduleKind(sched.kind),
        subject_id=sched.subject_id,
    )


def _insert_ignoring_duplicates(
    s: Session, table: Table, rows: list[dict[str, Any]], keys: list[str]
) -> list[int]:
    """Insert the rows that do not exist yet; the ids of those actually inserted."""
    from sqlalchemy.dialects import postgresql, sqlite

    insert = postgresql.insert if s.get_bind().dialect.name == "postgresql" else sqlite.insert
    ids: list[int] = []
    for i in range(0, len(rows), _CHUNK):
        stmt = insert(table).values(rows[i : i + _CHUNK]).on_conflict_do_nothing(index_elements=keys)
        ids += s.scalars(stmt.returning(table.c.id)).all()
    return ids


def _last_rule_at(
    s: Session, schedule_id: int | None = None, *, active: bool = False
) -> dict[int, datetime]:
    """Per schedule (`schedule_id`'s alone, or the `active` ones), its latest written rule instant.
    The active ones only for the scheduler's wake times, which the window reads again after every
    change: every schedule ten years made (6,500, all but 54 inactive) was grouped and its time
    parsed each time, 30 -> 19 ms of it."""
    stmt = select(OccurrenceRow.schedule_id, func.max(OccurrenceRow.rule_at)).group_by(
        OccurrenceRow.schedule_id
    )
    if schedule_id is not None:
        stmt = stmt.where(OccurrenceRow.schedule_id == schedule_id)
    if active:
        live = select(ScheduleRow.id).where(ScheduleRow.active.is_(True))
        stmt = stmt.where(OccurrenceRow.schedule_id.in_(live))
    return {sid: at for sid, at in s.execute(stmt).tuples() if at is not None}


def _after(row: ScheduleLike, last: datetime | None) -> datetime | None:
    """Rule instants after this one are still to be written (None: from the rule's start)."""
    floor = row.catch_up_from - _JUST_BEFORE if row.rrule else None
    if last is None:
        return floor
    return max(last, floor) if floor is not None else last


def _owing(s: Session) -> list[Row[Any]]:
    """The active schedules that may still owe an occurrence, as plain rows with `last`, their
    latest written rule instant: one query, no ORM object. A one-off whose one instant is written
    owes nothing (at ten years 238 of 257 active schedules are such: a hazard's deadline, an
    action's, kept active while open) and is left out; the rule decides for the rest."""
    latest = (
        select(func.max(OccurrenceRow.rule_at))
        .where(OccurrenceRow.schedule_id == ScheduleRow.id)
        .scalar_subquery()
        .label("last")
    )
    columns = (ScheduleRow.id, ScheduleRow.rrule, ScheduleRow.start_at, ScheduleRow.timezone,
               ScheduleRow.working_days, ScheduleRow.lead_minutes, ScheduleRow.catch_up_from)  # fmt: skip
    rows = s.execute(select(*columns, latest).where(ScheduleRow.active.is_(True)).order_by(ScheduleRow.id))
    return [r for r in rows if r.rrule or r.last is None or r.start_at > r.last]


def active_between(start: datetime, end: datetime) -> Select[tuple[ScheduleRow]]:
    """The active schedules that may have a slot due in [start, end): every recurring one, and
    the one-offs starting near enough (a working-day shift moves a date at most MAX_SHIFT_DAYS);
    the calendar read all of them (257 at ten years, 238 of them one-offs from years ago)."""
    near = timedelta(days=MAX_SHIFT_DAYS + 1)
    return select(ScheduleRow).where(
        ScheduleRow.active.is_(True),
        or_(ScheduleRow.rrule != "", ScheduleRow.start_at.between(start - near, end + near)),
    )


def catch_up(s: Session, now: datetime) -> CatchUpResult:
    """Write every occurrence whose reminder window has opened (due - lead time <= now) and its
    reminders. An occurrence found already overdue gets only the overdue reminder. The schedules
    are read as plain rows (`_owing`); only those that owe something are loaded to be written."""
    values: list[dict[str, Any]] = []
    for row in _owing(s):
        horizon = now + timedelta(minutes=row.lead_minutes)
        found = slots(spec_of(row), until_due=horizon, after=_after(row, row.last))
        values += [_occurrence(row, slot, now) for slot in islice(found, MAX_PER_CATCH_UP)]
    if not values:
        return CatchUpResult((), 0)
    ids = {v["schedule_id"] for v in values}
    schedules = {r.id: r for r in s.scalars(select(ScheduleRow).where(ScheduleRow.id.in_(ids)))}
    return _write(s, schedules, values, now)


def materialise(s: Session, row: ScheduleRow, rule_at: datetime, now: datetime) -> OccurrenceRow | None:
    """The occurrence of `row` at the rule's instant `rule_at`, written now if it was only promised,
    with every earlier promised one: the written occurrences stay a prefix of the rule, which
    catch-up relies on (it writes from the last written one on). None: `rule_at` is no instant
    of the rule."""
    found = s.scalar(
        select(OccurrenceRow).where(OccurrenceRow.schedule_id == row.id, OccurrenceRow.rule_at == rule_at)
    )
    if found is not None:
        return found
    last = _last_rule_at(s, row.id).get(row.id)
    if last is not None and rule_at < last:
        return None  # before the written prefix: not an instant the rule still owes
    until = rule_at + timedelta(days=MAX_SHIFT_DAYS + 1)
    owed = takewhile(
        lambda slot: slot.rule_at <= rule_at, slots(spec_of(row), until_due=until, after=_after(row, last))
    )
    values = [_occurrence(row, slot, now) for slot in islice(owed, MAX_PER_CATCH_UP)]
    if not values or values[-1]["rule_at"] != rule_at:
        return None
    _write(s, {row.id: row}, values, now)
    return s.scalar(
        select(OccurrenceRow).where(OccurrenceRow.schedule_id == row.id, OccurrenceRow.rule_at == rule_at)
    )


def next_owed(s: Session, row: ScheduleRow, now: datetime) -> Slot | None:
    """The first occurrence of `row` not written yet (due now or later, or overdue unwritten)."""
    after = _after(row, _last_rule_at(s, row.id).get(row.id))
    return next(slots(spec_of(row), until_due=now + _FAR, after=after), None)


def next_dates(s: Session, rows: Sequence[ScheduleRow], now: datetime) -> dict[int, datetime]:
    """The next date each active schedule's calendar shows after `now`: its earliest open written
    occurrence (where a move put it), or the first instant the rule still owes, whichever comes
    first. A schedule with neither is left out."""
    ids = [r.id for r in rows if r.active]
    if not ids:
        return {}
    written = dict(
        s.execute(
            select(OccurrenceRow.schedule_id, func.min(OccurrenceRow.due_at))
            .where(
                OccurrenceRow.schedule_id.in_(ids),
                OccurrenceRow.status == OccurrenceStatus.OPEN.value,
                OccurrenceRow.due_at > now,
            )
            .group_by(OccurrenceRow.schedule_id)
        )
        .tuples()
        .all()
    )
    last = dict(
        s.execute(
            select(OccurrenceRow.schedule_id, func.max(OccurrenceRow.rule_at))
            .where(OccurrenceRow.schedule_id.in_(ids))
            .group_by(OccurrenceRow.schedule_id)
        )
        .tuples()
        .all()
    )
    found: dict[int, datetime] = {}
    for row in rows:
        if not row.active:
            continue
        owed = slots(spec_of(row), until_due=now + _FAR, after=_after(row, last.get(row.id)))
        promised = next((slot.due_at for slot in owed if slot.due_at > now), None)
        dates = [d for d in (written.get(row.id), promised) if d is not None]
        if dates:
            found[row.id] = min(dates)
    return found


def _occurrence(row: ScheduleLike, slot: Slot, now: datetime) -> dict[str, Any]:
    return {
        "schedule_id": row.id,
        "rule_at": slot.rule_at,
        "due_at": slot.due_at,
        "status": OccurrenceStatus.OPEN.value,
        "note": "",
        "created_at": now,
    }


def _write(
    s: Session, schedules: dict[int, ScheduleRow], values: list[dict[str, Any]], now: datetime
) -> CatchUpResult:
    """Insert the occurrences not written yet, and their reminders (ahead unless past due, overdue)."""
    if not values:
        return CatchUpResult((), 0)
    occ_table = OccurrenceRow.__table__
    assert isinstance(occ_table, Table)
    new_ids = _insert_ignoring_duplicates(s, occ_table, values, ["schedule_id", "rule_at"])
    # a Core INSERT: ledgered as the ids it wrote (none that another catch-up wrote first)
    ledger_recording.touch(s, "schedule_occurrence", new_ids, LedgerAction.CREATE)
    new_rows = s.scalars(select(OccurrenceRow).where(OccurrenceRow.id.in_(new_ids))).all() if new_ids else []
    reminders: list[dict[str, Any]] = []
    for occ in new_rows:
        lead = timedelta(minutes=schedules[occ.schedule_id].lead_minutes)
        if lead and occ.due_at > now:
            reminders.append(_reminder(occ.id, ReminderKind.AHEAD, occ.due_at - lead))
        reminders.append(_reminder(occ.id, ReminderKind.OVERDUE, occ.due_at))
    rem_table = ReminderRow.__table__
    assert isinstance(rem_table, Table)
    created = (
        _insert_ignoring_duplicates(s, rem_table, reminders, ["occurrence_id", "kind"]) if reminders else []
    )
    infos = sorted(
        (occurrence_info(o, schedules[o.schedule_id], now) for o in new_rows), key=lambda o: (o.due_at, o.id)
    )
    return CatchUpResult(tuple(infos), len(created))


def _reminder(occurrence_id: int, kind: ReminderKind, fire_at: datetime) -> dict[str, Any]:
    return {"occurrence_id": occurrence_id, "kind": kind.value, "fire_at": fire_at}


def pending_reminders(s: Session) -> list[tuple[ReminderRow, OccurrenceRow, ScheduleRow]]:
    """Reminders not dismissed, of open occurrences of active schedules, earliest first."""
    stmt = (
        select(ReminderRow, OccurrenceRow, ScheduleRow)
        .join(OccurrenceRow, ReminderRow.occurrence_id == OccurrenceRow.id)
        .join(ScheduleRow, OccurrenceRow.schedule_id == ScheduleRow.id)
        .where(
            ReminderRow.dismissed_at.is_(None),
            OccurrenceRow.status == OccurrenceStatus.OPEN.value,
            ScheduleRow.active.is_(True),
        )
        .order_by(ReminderRow.fire_at, ReminderRow.id)
    )
    return [(r, o, sc) for r, o, sc in s.execute(stmt).tuples()]


def fires_at(rem: ReminderRow) -> datetime:
    return rem.snooze_until or rem.fire_at


def latest_per_occurrence(
    rows: Iterable[tuple[ReminderRow, OccurrenceRow, ScheduleRow]], now: datetime
) -> list[tuple[ReminderRow, OccurrenceRow, ScheduleRow]]:
    """The reminders showing at `now`: one per occurrence, the overdue one once it has fired."""
    showing: dict[int, tuple[ReminderRow, OccurrenceRow, ScheduleRow]] = {}
    for rem, occ, sched in rows:
        if fires_at(rem) > now:
            continue
        held = showing.get(occ.id)
        if held is None or rem.kind == ReminderKind.OVERDUE.value:
            showing[occ.id] = (rem, occ, sched)
    return sorted(showing.values(), key=lambda t: (t[1].due_at, t[0].id))


def wake_times(s: Session, now: datetime) -> dict[int, datetime]:
    """Per active schedule, the next moment something happens: a reminder window opens, a
    reminder (or its snooze) fires."""
    schedules = s.scalars(select(ScheduleRow).where(ScheduleRow.active.is_(True))).all()
    last = _last_rule_at(s, active=True)
    wakes: dict[int, datetime] = {}

    def keep(schedule_id: int, at: datetime) -> None:
        if at > now and (schedule_id not in wakes or at < wakes[schedule_id]):
            wakes[schedule_id] = at

    for row in schedules:
        lead = timedelta(minutes=row.lead_minutes)
        upcoming = slots(
            spec_of(row), until_due=now + lead + timedelta(days=3660), after=_after(row, last.get(row.id))
        )
        slot = next(upcoming, None)
        if slot is not None:
            keep(row.id, max(slot.due_at - lead, now + _JUST_BEFORE))
    for rem, occ, _sched in pending_reminders(s):
        keep(occ.schedule_id, fires_at(rem))
    return wakes


def retime_reminders(s: Session, occ: OccurrenceRow, lead_minutes: int, now: datetime) -> None:
    """Reminders at the new times, not snoozed, dismissed or announced: the old ones were
    about a time that no longer holds. No ahead-reminder for a time already past."""
    have = {r.kind: r for r in s.scalars(select(ReminderRow).where(ReminderRow.occurrence_id == occ.id))}
    lead = timedelta(minutes=lead_minutes)
    wanted = {ReminderKind.OVERDUE.value: occ.due_at}
    if lead and occ.due_at > now:
        wanted[ReminderKind.AHEAD.value] = occ.due_at - lead
    for kind, rem in have.items():
        if kind not in wanted:
            s.delete(rem)
    for kind, fire_at in wanted.items():
        rem = have.get(kind) or ReminderRow(occurrence_id=occ.id, kind=kind)
        rem.fire_at, rem.snooze_until, rem.notified_at = fire_at, None, None
        rem.dismissed_at = rem.dismissed_by = None
        s.add(rem)
