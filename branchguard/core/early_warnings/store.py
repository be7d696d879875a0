"""Early warnings: rows ↔ types, and the one statement the list and the dashboard's count share.
Takes a session, never commits."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Select, exists, select
from sqlalchemy.orm import Session

from branchguard.core.early_warnings.types import ENDING as ENDING_KINDS
from branchguard.core.early_warnings.types import (
    EarlyWarning,
    WarningEvent,
    WarningEventKind,
    WarningFilter,
    WarningKind,
    WarningLevel,
    WarningSource,
)
from branchguard.db.models.early_warnings import EarlyWarningEventRow, EarlyWarningRow

ENDING = tuple(k.value for k in ENDING_KINDS)  # as the column stores them
SEVERE = (WarningLevel.ORANGE.value, WarningLevel.RED.value)


def filtered(flt: WarningFilter) -> Select[tuple[EarlyWarningRow]]:
    """The warnings selected: in force only (no lifting or cancelling recorded), orange and red
    only. The list and the dashboard's count read this statement."""
    stmt = select(EarlyWarningRow)
    if flt.active_only:
        ended = exists().where(
            EarlyWarningEventRow.warning_id == EarlyWarningRow.id, EarlyWarningEventRow.kind.in_(ENDING)
        )
        stmt = stmt.where(~ended)
    if flt.severe_only:
        stmt = stmt.where(EarlyWarningRow.level.in_(SEVERE))
    return stmt


def event_of(row: EarlyWarningEventRow) -> WarningEvent:
    return WarningEvent(row.id, WarningEventKind(row.kind), row.at, row.actor, row.note, row.incident_id)


def warnings_of(s: Session, rows: Sequence[EarlyWarningRow]) -> list[EarlyWarning]:
    """The rows with their events (one read for all of them), in the rows' order."""
    ids = [r.id for r in rows]
    events: dict[int, list[WarningEvent]] = {i: [] for i in ids}
    if ids:
        stmt = (
            select(EarlyWarningEventRow)
            .where(EarlyWarningEventRow.warning_id.in_(ids))
            .order_by(EarlyWarningEventRow.id)
        )
        for e in s.scalars(stmt):
            events[e.warning_id].append(event_of(e))
    return [
        EarlyWarning(
            id=r.id,
            received_at=r.received_at,
            source=WarningSource(r.source),
            level=WarningLevel(r.level),
            kind=WarningKind(r.kind),
            text=r.text,
            recorded_by=r.recorded_by,
            recorded_at=r.recorded_at,
            events=tuple(events[r.id]),
        )
        for r in rows
    ]
