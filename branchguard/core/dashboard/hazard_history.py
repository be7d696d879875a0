"""Which hazards were open at an instant, and when each stopped being open, read from the hazard's
history (hazard_events) instead of its columns. Reopening clears verified_at and closed_at, so
figures read from the columns changed after their month was reported: a hazard verified in
September and reopened in December left September's resolved count and the open count at the end
of September, October and November. The history keeps every verification, close and reopening,
so a period's figures stay what they were when its report was sent."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from branchguard.core.hazards.types import HazardEventKind
from branchguard.db.models.hazards import HazardEventRow, HazardRow

RESOLVING = (HazardEventKind.VERIFIED.value, HazardEventKind.CLOSED.value)
REOPENED = HazardEventKind.REOPENED.value
STATE_KINDS = (*RESOLVING, REOPENED)  # the events that change whether a hazard is open


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
