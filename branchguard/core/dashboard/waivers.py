"""Major hazards verified or closed with policy milestones outstanding, under a waiver (core/hazards:
a `waived` event in the hazard's history, its milestones and reason in the audit trail's
`hazard.waiver`), as a period's report and head office's figures count them. A waiver stands at
an instant when it was recorded before it and no reopening followed before it (a reopen asks
again at the next verification)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, Connection, select
from sqlalchemy.orm import Session

from branchguard.core.dashboard.types import Waiver
from branchguard.core.hazards.types import HazardEventKind, RemediationKind
from branchguard.db.models.foundation import AuditEventRow
from branchguard.db.models.hazards import HazardEventRow

WAIVED = HazardEventKind.WAIVED.value
REOPENED = HazardEventKind.REOPENED.value
AUDIT_ACTION = "hazard.waiver"  # written with the event by core/hazards/service._record_waiver


def standing_waiver(events: Iterable[tuple[str, datetime]], end: datetime) -> datetime | None:
    """When the waiver standing at `end` was recorded, from a hazard's events (kind, at) in any
    order: the last `waived` before `end` with no `reopened` after it and before `end`; else None."""
    last: tuple[datetime, bool] | None = None
    for kind, at in events:
        if kind in (WAIVED, REOPENED) and at < end and (last is None or at >= last[0]):
            last = (at, kind == WAIVED)
    return last[0] if last is not None and last[1] else None


def waived_per_period(s: Session, bounds: Sequence[datetime]) -> dict[int, int]:
    """Per period [bounds[i], bounds[i+1]): the hazards whose waiver was recorded in it and still
    stood at its end (verified or closed in it with milestones outstanding)."""
    first, last = bounds[0], bounds[-1]
    waived_in_span = select(HazardEventRow.hazard_id).where(
        HazardEventRow.kind == WAIVED, HazardEventRow.at >= first, HazardEventRow.at < last
    )
    counts: dict[int, int] = {}
    for events in _histories(s, HazardEventRow.hazard_id.in_(waived_in_span), last).values():
        for i in range(len(bounds) - 1):
            at = standing_waiver(events, bounds[i + 1])
            if at is not None and at >= bounds[i]:
                counts[i] = counts.get(i, 0) + 1
    return counts


def waivers_at(s: Session | Connection, ids: Collection[int], end: datetime) -> dict[int, Waiver]:
    """Each hazard of `ids` with a waiver standing at `end`: when, which milestones, and why (the
    audit event written with it; its history's note is worded in one language only)."""
    if not ids:
        return {}
    standing = {
        hazard_id: at
        for hazard_id, events in _histories(s, HazardEventRow.hazard_id.in_(ids), end).items()
        if (at := standing_waiver(events, end)) is not None
    }
    if not standing:
        return {}
    audits = (
        select(AuditEventRow.entity_id, AuditEventRow.at, AuditEventRow.after)
        .where(
            AuditEventRow.action == AUDIT_ACTION,
            AuditEventRow.entity == "hazard",
            AuditEventRow.entity_id.in_([str(i) for i in standing]),
            AuditEventRow.at < end,
        )
        .order_by(AuditEventRow.id)
    )
    details: dict[int, dict[str, object]] = {}
    for entity_id, _at, after in s.execute(audits).tuples():  # the last before `end` wins
        details[int(entity_id)] = dict(after or {})
    out = {}
    for hazard_id, at in standing.items():
        found = details.get(hazard_id, {})
        named = found.get("milestones")
        kinds = tuple(RemediationKind(k) for k in named) if isinstance(named, list) else ()
        out[hazard_id] = Waiver(at, kinds, str(found.get("reason") or ""))
    return out


def _histories(
    s: Session | Connection, which: ColumnElement[bool], end: datetime
) -> dict[int, list[tuple[str, datetime]]]:
    """The waivers and reopenings before `end` of the hazards `which` picks, per hazard."""
    stmt = (
        select(HazardEventRow.hazard_id, HazardEventRow.kind, HazardEventRow.at)
        .where(which, HazardEventRow.kind.in_((WAIVED, REOPENED)), HazardEventRow.at < end)
        .order_by(HazardEventRow.at, HazardEventRow.id)  # of two at one instant, the later written wins
    )
    out: dict[int, list[tuple[str, datetime]]] = {}
    for hazard_id, kind, at in s.execute(stmt).tuples():
        out.setdefault(hazard_id, []).append((kind, at))
    return out
