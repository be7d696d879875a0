"""Which hazards were open at an instant, and when each stopped being open, read from the hazard's
history (hazard_events) instead of its columns. Reopening clears verified_at and closed_at, so
figures read from the columns changed after their month was reported: a hazard verified in
September and reopened in December left September's resolved count and the open count at the end
of September, October and November. The history keeps every verification, close and reopening,
so a period's figures stay what they were when its report was sent: which hazards were open in a
period (`open_during`) and where each stood at its end (`states_at`) too. An edit (severity, due
date, deadlines, title) changes the columns in place, and its event keeps what they held before,
so `fields_at` reads them as they stood at the end of a period: a hazard lowered to general, or
given a later due date, after the period stays as its report showed it."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from branchguard.core.hazards.types import HazardEventKind, HazardStatus
from branchguard.db.models.hazards import HazardEventRow, HazardRow

RESOLVING = (HazardEventKind.VERIFIED.value, HazardEventKind.CLOSED.value)
REOPENED = HazardEventKind.REOPENED.value
STATE_KINDS = (*RESOLVING, REOPENED)  # the events that change whether a hazard is open
REMEDIATED = HazardEventKind.REMEDIATED.value
STATUS_KINDS = (REMEDIATED, *STATE_KINDS)  # the events that change a hazard's status
EDITED = HazardEventKind.EDITED.value  # changes the fields in place: `changes` holds (before, after)


def open_at(s: Session, ends: Sequence[datetime]) -> list[set[int]]:
    """The ids of the hazards open at each instant of `ends`: opened before it, and not resolved
    by the last verification, close or reopening before it (none: open since opened)."""
    first, last = min(ends), max(ends)
    # Resolved now (the columns follow the last state event) and unchanged since the first end:
    # resolved at every end, so not read; the rest with their state events, in one statement.
    unresolved = and_(HazardRow.verified_at.is_(None), HazardRow.closed_at.is_(None))
    changed = select(HazardEventRow.hazard_id).where(
        HazardEventRow.kind.in_(STATE_KINDS), HazardEventRow.at >= first
    )
    events = and_(
        HazardEventRow.hazard_id == HazardRow.id,
        HazardEventRow.kind.in_(STATE_KINDS),
        HazardEventRow.at < last,
    )
    rows = s.execute(
        select(HazardRow.id, HazardRow.opened_at, HazardEventRow.at, HazardEventRow.kind)
        .outerjoin(HazardEventRow, events)
        .where(HazardRow.opened_at < last, or_(unresolved, HazardRow.id.in_(changed)))
        .order_by(HazardRow.id, HazardEventRow.at, HazardEventRow.id)
    ).tuples()
    timelines: dict[int, tuple[datetime, list[datetime], list[bool]]] = {}
    for hazard_id, opened, at, kind in rows:
        _opened, times, resolved = timelines.setdefault(hazard_id, (opened, [], []))
        if at is not None:
            times.append(at)
            resolved.append(kind in RESOLVING)
    result: list[set[int]] = [set() for _ in ends]
    for hazard_id, (opened, times, resolved) in timelines.items():
        for i, end in enumerate(ends):
            before = bisect_left(times, end)  # the state events before `end`
            if opened < end and not (before and resolved[before - 1]):
                result[i].add(hazard_id)
    return result


def resolutions(s: Session, start: datetime, end: datetime) -> list[datetime]:
    """When hazards stopped being open within [start, end): each verification or close that
    followed the opening or a reopening (a close after the verification resolves nothing new)."""
    in_span = and_(HazardEventRow.at >= start, HazardEventRow.at < end)
    resolved_in_span = select(HazardEventRow.hazard_id).where(HazardEventRow.kind.in_(RESOLVING), in_span)
    before = func.lag(HazardEventRow.kind).over(
        partition_by=HazardEventRow.hazard_id, order_by=(HazardEventRow.at, HazardEventRow.id)
    )
    history = (
        select(HazardEventRow.at.label("at"), HazardEventRow.kind.label("kind"), before.label("before"))
        .where(
            HazardEventRow.kind.in_(STATE_KINDS),
            HazardEventRow.at < end,
            HazardEventRow.hazard_id.in_(resolved_in_span),
        )
        .subquery()
    )
    stmt = select(history.c.at).where(
        history.c.kind.in_(RESOLVING),
        or_(history.c.before.is_(None), history.c.before == REOPENED),
        history.c.at >= start,
    )
    return list(s.scalars(stmt))


def open_during(s: Session, start: datetime, end: datetime) -> set[int]:
    """The ids of the hazards open at some time in [start, end): open at `start` (`open_at`), or
    opened or reopened within the span. Each stretch of being open that meets the span begins
    before it (then it is open at `start`) or in it, with the opening or a reopening."""
    opened = select(HazardRow.id).where(HazardRow.opened_at >= start, HazardRow.opened_at < end)
    reopened = select(HazardEventRow.hazard_id).where(
        HazardEventRow.kind == REOPENED, HazardEventRow.at >= start, HazardEventRow.at < end
    )
    return open_at(s, [start])[0] | set(s.scalars(opened.union(reopened)))


@dataclass(frozen=True)
class StateAt:
    """Where a hazard stood at an instant, by its history: what its status, remediated_at and
    verified_at/closed_at columns held then (a later reopening clears the columns, not this)."""

    status: HazardStatus = HazardStatus.OPEN
    remediated_at: datetime | None = None
    fixed_at: datetime | None = None  # the verification, or the close with none before it

    def after(self, kind: str, at: datetime) -> StateAt:
        """This state once an event of `kind` happened at `at` (the service's transitions)."""
        if kind == REOPENED:  # the marks are cleared, as the service clears the columns
            return StateAt()
        if kind == REMEDIATED:
            return StateAt(HazardStatus.REMEDIATED, at)
        status = HazardStatus.VERIFIED if kind == HazardEventKind.VERIFIED.value else HazardStatus.CLOSED
        return StateAt(status, self.remediated_at, self.fixed_at or at)


def states_at(s: Session, ids: Collection[int], at: datetime) -> dict[int, StateAt]:
    """Each hazard of `ids` opened before `at` as it stood at `at`: its status events before `at`
    applied in order (none: open). Resolved by the same events as `open_at`, so a hazard is
    verified or closed here exactly when `open_at` leaves it out."""
    stmt = (
        select(HazardRow.id, HazardEventRow.kind, HazardEventRow.at)
        .outerjoin(
            HazardEventRow,
            and_(
                HazardEventRow.hazard_id == HazardRow.id,
                HazardEventRow.kind.in_(STATUS_KINDS),
                HazardEventRow.at < at,
            ),
        )
        .where(HazardRow.id.in_(ids), HazardRow.opened_at < at)
        .order_by(HazardRow.id, HazardEventRow.at, HazardEventRow.id)
    )
    states: dict[int, StateAt] = {}
    for hazard_id, kind, when in s.execute(stmt).tuples():
        state = states.setdefault(hazard_id, StateAt())
        if kind is not None and when is not None:
            states[hazard_id] = state.after(kind, when)
    return states


def _instant(text: str) -> datetime | None:
    """An instant as an edit writes it (ISO in the branch's zone), or "None" when there was none."""
    return None if text == "None" else datetime.fromisoformat(text).astimezone(UTC)


# The fields `fields_at` reads back, by the key an edit's `changes` gives them (service.update
# writes str() of each value, an instant as ISO in the branch's zone): the column and its type.
# "due_at" is the due date as an instant, in the edits written before migration 0019 made it a
# date: the end of that day in the branch's zone, written with the zone's offset, so its date.
_EDITED_FIELDS: dict[str, tuple[str, Callable[[str], Any]]] = {
    "title": ("title", str),
    "severity": ("severity", str),
    "due_date": ("due_date", date.fromisoformat),
    "due_at": ("due_date", lambda text: datetime.fromisoformat(text).date()),
    "interim_due_at": ("interim_due_at", _instant),
    "plan_due_at": ("plan_due_at", _instant),
    "report_head_office": ("report_head_office", lambda text: text == "True"),
}


@dataclass(frozen=True)
class FieldsAt:
    """What a hazard's edited columns held at an instant, by its history (a later edit changes the
    columns, not this). `severity` as stored (HazardSeverity's value)."""

    title: str
    severity: str
    due_date: date
    interim_due_at: datetime | None
    plan_due_at: datetime | None
    report_head_office: bool


def edited_since(at: datetime) -> Select[tuple[int]]:
    """The ids of the hazards edited at or after `at`: the only ones whose columns differ from
    what they held at `at` (`fields_at`), so a caller may pick the others by their columns."""
    return select(HazardEventRow.hazard_id).where(_edits_since(at))


def _edits_since(at: datetime) -> ColumnElement[bool]:
    return and_(HazardEventRow.kind == EDITED, HazardEventRow.at >= at)


def fields_at(s: Session, rows: Sequence[HazardRow], at: datetime) -> dict[int, FieldsAt]:
    """Each hazard of `rows` (as loaded: the columns now) with the fields it had at `at`: the
    edits at or after `at` undone newest first, each putting back what it found (its "before").
    The same boundary as `states_at`: an event at `at` itself is after it."""
    names = {name for name, _parse in _EDITED_FIELDS.values()}
    fields = {r.id: {name: getattr(r, name) for name in names} for r in rows}
    if not fields:
        return {}
    edits = (
        select(HazardEventRow.hazard_id, HazardEventRow.changes)
        .where(_edits_since(at), HazardEventRow.hazard_id.in_(fields))
        .order_by(HazardEventRow.at.desc(), HazardEventRow.id.desc())
    )
    for hazard_id, changes in s.execute(edits).tuples():
        for key, (before, _after) in (changes or {}).items():
            if key in _EDITED_FIELDS:
                name, parse = _EDITED_FIELDS[key]
                fields[hazard_id][name] = parse(before)
    return {hazard_id: FieldsAt(**values) for hazard_id, values in fields.items()}
