"""Each exported event's revision, and the events that went, read off the audit trail: no column
keeps either, and no migration was needed for them.

A calendar program that imports a file again keeps the event it holds unless the new copy's
SEQUENCE is higher (RFC 5545 §3.8.7.4, RFC 5546 §2.1.4): without one, a drill moved to another day
stayed on its old day. SEQUENCE counts the changes, each audited where it is made:

- the schedule's: its title, owner, notes, reminder, rule or date changed (`schedule.update`, also
  a drill's new date and a plan's new name), paused, resumed or ended (`schedule.active`), removed;
- the occurrence's own: each move (`schedule.reschedule`), and being done or skipped (its done_at).

    SEQUENCE = STRIDE × the schedule's changes + the occurrence's own changes

A schedule's change weighs STRIDE because it can delete occurrences (a rule changed, a pause): the
audit of their moves names the occurrence alone, gone with it, and their cancellation must still
outrank every copy exported before. The count only grows, so SEQUENCE does too; a promised item
written by catch-up keeps it. LAST-MODIFIED is the latest of those changes, or the schedule's
creation.

The events that went (`Withdrawn`): the slots each earlier form of a schedule promised (its rule
or date before a change; all of it, before a pause or a removal) that no occurrence holds now. An
export of the days they fell on carries them cancelled, under their old UIDs: a drill moved to
another day is a new UID (a one-off's is its date), and the old one stayed in the calendar. A
rule's slots are withdrawn for HORIZON after it went, one-offs' whenever asked for.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.kernel.working_days import MAX_SHIFT_DAYS
from branchguard.core.schedules.rules import RuleSpec, Slot, slots_between
from branchguard.core.schedules.store import occurrence_info
from branchguard.core.schedules.titles import Names, made_title
from branchguard.core.schedules.types import (
    OccurrenceInfo,
    OccurrenceStatus,
    Revision,
    ScheduleKind,
    Withdrawn,
    WorkingDayPolicy,
)
from branchguard.db.models.foundation import AuditEventRow
from branchguard.db.models.schedules import OccurrenceRow, ScheduleRow

STRIDE = 1000  # an occurrence's own changes beyond STRIDE - 1 count as STRIDE - 1
HORIZON = timedelta(days=366)  # a rule that went: its slots this long after are withdrawn
_ACTIONS = ("schedule.add", "schedule.update", "schedule.active", "schedule.remove")
_TIMING = ("rrule", "start_at", "timezone", "working_days")
_NEAR = timedelta(days=MAX_SHIFT_DAYS + 1)  # a slot is due this close to its rule's instant
_CHUNK = 500

Key = tuple[int, datetime]  # (schedule id, the rule's instant): an event's UID


@dataclass(frozen=True)
class _Event:
    action: str
    at: datetime
    before: Mapping[str, Any]
    after: Mapping[str, Any]


@dataclass(frozen=True)
class _Form:
    """A form the schedule had, in force from `since` (its catch-up start) until `until`."""

    spec: RuleSpec
    since: datetime
    until: datetime


@dataclass
class _History:
    created_at: datetime
    changes: list[datetime] = field(default_factory=list)  # the schedule's changes
    went: list[_Form] = field(default_factory=list)  # its forms no longer in force

    def revision(self, own: int = 0, own_at: datetime | None = None) -> Revision:
        latest = max([self.created_at, *self.changes, *([own_at] if own_at else [])])
        sequence = STRIDE * len(self.changes) + min(own, STRIDE - 1)
        return Revision(sequence, latest.astimezone(UTC).replace(microsecond=0))


def moved_away(
    s: Session, start: datetime, end: datetime, now: datetime, names: Names | None = None
) -> list[OccurrenceInfo]:
    """Written occurrences whose rule's instant is in [start, end) but that were moved out of it:
    the calendar of those days shows them no more, and an export of them left them on the old day."""
    stmt = (
        select(OccurrenceRow, ScheduleRow)
        .join(ScheduleRow, OccurrenceRow.schedule_id == ScheduleRow.id)
        .where(OccurrenceRow.rule_at >= start, OccurrenceRow.rule_at < end)
        .where((OccurrenceRow.due_at < start) | (OccurrenceRow.due_at >= end))
    )
    return [occurrence_info(o, sc, now, names) for o, sc in s.execute(stmt).tuples()]


def revise(
    s: Session, items: Sequence[OccurrenceInfo], start: datetime, end: datetime, names: Names | None = None
) -> tuple[dict[Key, Revision], list[Withdrawn]]:
    """The revision of each item to export, by (schedule id, rule instant), and the events that
    went due in [start, end), each with its revision, earliest first."""
    events = _schedule_events(s)
    ids = {item.schedule_id for item in items} | set(events)
    rows = {r.id: r for r in _chunked(s, select(ScheduleRow), ScheduleRow.id, ids)}
    histories = {sid: h for sid in ids if (h := _history(rows.get(sid), events.get(sid, []))) is not None}
    own = _own_changes(s, [item.id for item in items if item.id is not None])
    revisions: dict[Key, Revision] = {}
    for item in items:
        history = histories.get(item.schedule_id)
        if history is None:
            continue
        count, at = own.get(item.id, (0, None)) if item.id is not None else (0, None)
        if item.status is not OccurrenceStatus.OPEN:  # done or skipped: its own change too
            count, at = count + 1, max((d for d in (at, item.done_at) if d is not None), default=None)
        revisions[(item.schedule_id, item.rule_at)] = history.revision(count, at)
    keys = {(item.schedule_id, item.rule_at) for item in items}
    return revisions, _withdrawn(s, histories, rows, events, keys, start, end, names)


def _withdrawn(
    s: Session,
    histories: Mapping[int, _History],
    rows: Mapping[int, ScheduleRow],
    events: Mapping[int, list[_Event]],
    live: set[Key],
    start: datetime,
    end: datetime,
    names: Names | None,
) -> list[Withdrawn]:
    went: dict[Key, datetime] = {}  # where the slot was due (its latest form's)
    for sid, history in histories.items():
        for form in history.went:
            went.update({(sid, slot.rule_at): slot.due_at for slot in _slots(form, start, end)})
    if not went:
        return []
    written = _written(s, {sid for sid, _at in went}, start, end)
    found = []
    for (sid, rule_at), due in went.items():
        if (sid, rule_at) in live or (sid, rule_at) in written:
            continue
        title, kind, timezone = _labels(rows.get(sid), events.get(sid, []))
        revision = histories[sid].revision()
        found.append(Withdrawn(sid, kind, made_title(title, names), timezone, rule_at, due, revision))
    return sorted(found, key=lambda w: (w.due_at, w.schedule_id))


def _slots(form: _Form, start: datetime, end: datetime) -> list[Slot]:
    """The slots `form` promised due in [start, end): a one-off's one, a rule's from its catch-up
    start on and for HORIZON after it went."""
    spec = form.spec
    if not spec.rule:
        if not start - _NEAR <= spec.start_at < end + _NEAR:
            return []
    else:
        end = min(end, form.until + HORIZON)
        if end <= start:
            return []
    try:
        found = slots_between(spec, start, end)
    except (BranchGuardError, ValueError):  # a rule or zone this version no longer reads
        return []
    return [slot for slot in found if not spec.rule or slot.rule_at >= form.since]


def _written(s: Session, ids: Iterable[int], start: datetime, end: datetime) -> set[Key]:
    """The occurrences of schedules `ids` written with a rule instant near [start, end), wherever
    they are due: one moved out of the window went nowhere (`moved_away` exports it)."""
    stmt = select(OccurrenceRow.schedule_id, OccurrenceRow.rule_at).where(
        OccurrenceRow.rule_at >= start - _NEAR, OccurrenceRow.rule_at < end + _NEAR
    )
    return {(sid, at) for sid, at in _chunked(s, stmt, OccurrenceRow.schedule_id, ids, tuples=True)}


def _schedule_events(s: Session) -> dict[int, list[_Event]]:
    """Every schedule's audited changes, in the order they were made."""
    stmt = (
        select(AuditEventRow.entity_id, AuditEventRow.action, AuditEventRow.at)
        .add_columns(AuditEventRow.before, AuditEventRow.after)
        .where(AuditEventRow.entity == "schedule", AuditEventRow.action.in_(_ACTIONS))
        .order_by(AuditEventRow.id)
    )
    events: dict[int, list[_Event]] = defaultdict(list)
    for entity_id, action, at, before, after in s.execute(stmt).tuples():
        if entity_id.isdigit():
            events[int(entity_id)].append(_Event(action, at, before or {}, after or {}))
    return events


def _own_changes(s: Session, ids: Sequence[int]) -> dict[int, tuple[int, datetime]]:
    """How often each written occurrence was moved, and when last."""
    stmt = (
        select(AuditEventRow.entity_id, func.count(), func.max(AuditEventRow.at))
        .where(AuditEventRow.entity == "schedule_occurrence", AuditEventRow.action == "schedule.reschedule")
        .group_by(AuditEventRow.entity_id)
    )
    found = _chunked(s, stmt, AuditEventRow.entity_id, [str(i) for i in ids], tuples=True)
    return {int(oid): (count, at) for oid, count, at in found}


def _chunked(s: Session, stmt: Any, column: Any, values: Iterable[Any], *, tuples: bool = False) -> list[Any]:
    values = sorted(set(values))
    found: list[Any] = []
    for i in range(0, len(values), _CHUNK):
        chunk = stmt.where(column.in_(values[i : i + _CHUNK]))
        found += s.execute(chunk).tuples().all() if tuples else s.scalars(chunk).all()
    return found


def _history(row: ScheduleRow | None, events: list[_Event]) -> _History | None:
    """A schedule's changes and the forms it had, from its row (None: removed) and its audit. The
    first form is the row's with every change of timing undone, or, for a removed schedule, the
    one it was added with; None when neither is known."""
    added = next((e for e in events if e.action == "schedule.add"), None)
    if row is not None:
        timing: dict[str, Any] = {k: getattr(row, k) for k in _TIMING}
        for event in reversed(events):
            if event.action == "schedule.update":
                timing = _apply(timing, event.after, event.before)
        created = row.created_at
    elif added is not None and {"start_at", "timezone"} <= set(added.after):
        timing = _apply({"rrule": "", "working_days": WorkingDayPolicy.NONE.value}, {}, added.after)
        created = added.at
    else:
        return None
    history, active, since = _History(created), True, created
    for event in events:
        if event.action == "schedule.update":
            if event.before == event.after:
                continue  # saved unchanged
            history.changes.append(event.at)
            new = _apply(timing, event.before, event.after)
            if new != timing and active:
                history.went.append(_Form(_spec(timing), since, event.at))
                since = event.at
            timing = new
        elif event.action in ("schedule.active", "schedule.remove"):
            history.changes.append(event.at)
            resumed = bool(event.after.get("active"))
            if active and not resumed:
                history.went.append(_Form(_spec(timing), since, event.at))
            elif resumed and not active:
                since = event.at
            active = resumed
    if row is not None and active and not row.active:  # ended with no audit (the demo's history)
        history.changes.append(row.updated_at)
        history.went.append(_Form(_spec(timing), since, row.updated_at))
    return history


def _apply(timing: Mapping[str, Any], was: Mapping[str, Any], now: Mapping[str, Any]) -> dict[str, Any]:
    """`timing` after a change from `was` to `now` (an audit's before and after, or after and
    before to undo it). Each holds what the change named, empty values left out: a rule named
    in `was` alone became none; a key neither names was not changed."""
    changed = dict(timing)
    for key in _TIMING:
        if key in now:
            changed[key] = _parsed(key, now[key])
        elif key in was:
            changed[key] = ""
    return changed


def _parsed(key: str, value: Any) -> Any:
    if key == "start_at" and isinstance(value, str):
        return datetime.fromisoformat(value).astimezone(UTC)
    return value


def _spec(timing: Mapping[str, Any]) -> RuleSpec:
    policy = timing["working_days"]
    policy = policy if policy in {p.value for p in WorkingDayPolicy} else WorkingDayPolicy.NONE.value
    return RuleSpec(timing["rrule"] or "", timing["start_at"], timing["timezone"], WorkingDayPolicy(policy))


def _labels(row: ScheduleRow | None, events: list[_Event]) -> tuple[str, ScheduleKind, str]:
    """The title, kind and zone of a schedule, from its row or, removed, from its audit."""
    if row is not None:
        return row.title, ScheduleKind(row.kind), row.timezone
    named: dict[str, Any] = {}
    for event in events:
        named.update({k: v for k, v in event.after.items() if k in ("title", "kind", "timezone")})
        if event.action == "schedule.remove" and "title" in event.before:
            named["title"] = event.before["title"]
    kind = named.get("kind", ScheduleKind.CUSTOM.value)
    kind = kind if kind in {k.value for k in ScheduleKind} else ScheduleKind.CUSTOM.value
    return str(named.get("title", "")), ScheduleKind(kind), str(named.get("timezone", ""))
