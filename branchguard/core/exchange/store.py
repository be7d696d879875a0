"""The branch's records of a period as a package carries them, read in batches on one connection
(Core, no ORM objects), each with its children nested (an incident's log, a hazard's history).
Read-only; never commits."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import ColumnElement, Connection, Integer, Table, cast, func, or_, select

from branchguard.core.dashboard import waivers
from branchguard.core.dashboard.types import Waiver
from branchguard.core.drills.types import VOID_AUDIT_ACTION
from branchguard.core.exchange.rules import BATCH, held_marks
from branchguard.core.ledger import rules as ledger_rules
from branchguard.core.ledger.chain import ENTRIES
from branchguard.db.tables import Base

_T = Base.metadata.tables
NEVER = datetime.max.replace(tzinfo=UTC)  # "as it stands": every event is before it


def _state(table: Table, row: Any) -> dict[str, Any]:
    return {c.name: ledger_rules.plain(v) for c, v in zip(table.columns, row, strict=True)}


def _children(
    conn: Connection, table: Table, parent: str, ids: Sequence[int], order: str = "id"
) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
    if not ids:
        return out
    stmt = select(table).where(table.c[parent].in_(ids)).order_by(table.c[parent], table.c[order])
    for row in conn.execute(stmt):
        state = _state(table, row)
        out[state[parent]].append(state)
    return out


def _batches(conn: Connection, table: Table, where: ColumnElement[bool]) -> Iterator[list[dict[str, Any]]]:
    """The rows of `table` matching `where`, in id order, BATCH at a time (keyset pagination: the
    memory held is one batch, whatever the period holds)."""
    last = 0
    while True:
        stmt = select(table).where(where, table.c.id > last).order_by(table.c.id).limit(BATCH)
        rows = [_state(table, r) for r in conn.execute(stmt)]
        if not rows:
            return
        yield rows
        last = rows[-1]["id"]


def _in(column: Any, start: datetime, end: datetime) -> ColumnElement[bool]:
    return (column >= start) & (column < end)


def _alive(opened: Any, closed: Any, start: datetime, end: datetime) -> ColumnElement[bool]:
    """Open at some time in the period: opened before its end and not closed before its start."""
    return (opened < end) & or_(closed.is_(None), closed >= start)


def incidents(conn: Connection, start: datetime, end: datetime) -> Iterator[list[dict[str, Any]]]:
    t = _T["incidents"]
    for batch in _batches(conn, t, _in(t.c.started_at, start, end)):
        logs = _children(conn, _T["incident_log"], "incident_id", [r["id"] for r in batch], "seq")
        for r in batch:
            r["log"] = logs[r["id"]]
        yield batch


def actions(conn: Connection, start: datetime, end: datetime) -> Iterator[list[dict[str, Any]]]:
    """Follow-up actions of the period's incidents, and every action still open or done in it."""
    t, i = _T["incident_actions"], _T["incidents"]
    of_period = select(i.c.id).where(_in(i.c.started_at, start, end))
    yield from _batches(
        conn, t, or_(t.c.incident_id.in_(of_period), t.c.done_at.is_(None), t.c.done_at >= start)
    )


def drills(conn: Connection, start: datetime, end: datetime) -> Iterator[list[dict[str, Any]]]:
    """Drills run (or planned) in the period; drills recorded afterwards entered in it, whatever
    month they were held in (that month's package may be out already); and such drills voided in
    it: head office replaces its copy of one by its id, so a void carried again takes back the
    score it counted from an earlier month's package (core/drills/held.py). Each with its
    evaluation and how it was recorded (rules.held_marks)."""
    t, audit = _T["drill_plans"], _T["audit_events"]
    when = func.coalesce(t.c.run_at, t.c.planned_at)
    recorded = t.c.run_at.is_not(None) & t.c.incident_id.is_(None)
    voided = select(cast(audit.c.entity_id, Integer)).where(
        audit.c.action == VOID_AUDIT_ACTION, _in(audit.c.at, start, end)
    )
    carried = _in(when, start, end) | (recorded & _in(t.c.created_at, start, end)) | t.c.id.in_(voided)
    for batch in _batches(conn, t, carried):
        evaluations = _children(conn, _T["drill_evaluations"], "plan_id", [r["id"] for r in batch])
        cancelled = [r["id"] for r in batch if r["status"] == "cancelled" and r["incident_id"] is None]
        voids = _voids(conn, cancelled)
        for r in batch:
            found = evaluations[r["id"]]
            r["evaluation"] = found[0] if found else None
        names = _display_names(conn, _accounts_named(batch, voids))
        for r in batch:
            r.update(held_marks(r, voids.get(r["id"]), names))
        yield batch


def _accounts_named(batch: list[dict[str, Any]], voids: dict[int, dict[str, Any]]) -> set[str]:
    """The accounts the drills' marks name: who entered and scored each, and who voided it."""
    named = {str(v["by"]) for v in voids.values()}
    for r in batch:
        named.add(str(r.get("created_by") or ""))
        named.add(str((r.get("evaluation") or {}).get("evaluator") or ""))
    return named - {""}


def _display_names(conn: Connection, usernames: set[str]) -> dict[str, str]:
    """Each account's name as people know it: head office has no accounts of the branch's."""
    if not usernames:
        return {}
    users = _T["users"]
    stmt = select(users.c.username, users.c.display_name).where(users.c.username.in_(sorted(usernames)))
    return {username: name for username, name in conn.execute(stmt) if name}


def _voids(conn: Connection, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The void of each of these drills recorded afterwards (its audit event: when, by whom, why)."""
    if not ids:
        return {}
    audit = _T["audit_events"]
    stmt = (
        select(audit.c.entity_id, audit.c.at, audit.c.actor, audit.c.after)
        .where(audit.c.action == VOID_AUDIT_ACTION, audit.c.entity_id.in_([str(i) for i in ids]))
        .order_by(audit.c.id)
    )
    out: dict[int, dict[str, Any]] = {}
    for entity_id, at, actor, after in conn.execute(stmt):  # the last void wins
        reason = (after or {}).get("reason") or ""
        out[int(entity_id)] = {"at": ledger_rules.stamp(at), "by": actor, "reason": str(reason)}
    return out


def inspections(conn: Connection, start: datetime, end: datetime) -> Iterator[list[dict[str, Any]]]:
    """Inspections started in the period, and those submitted in it (the periodic report counts
    them by their submission: one begun the evening before is the period's too)."""
    t = _T["inspections"]
    for batch in _batches(conn, t, _in(t.c.started_at, start, end) | _in(t.c.submitted_at, start, end)):
        ids = [r["id"] for r in batch]
        answers = _children(conn, _T["inspection_answers"], "inspection_id", ids)
        amendments = _children(conn, _T["inspection_amendments"], "inspection_id", ids)
        for r in batch:
            r["answers"], r["amendments"] = answers[r["id"]], amendments[r["id"]]
        yield batch


def hazards(conn: Connection, start: datetime, end: datetime) -> Iterator[list[dict[str, Any]]]:
    """Hazards open at some time in the period. A hazard is open until it is verified or closed,
    whichever comes first (as the periodic report counts it): one verified before the period and
    never closed is not carried again by every later package."""
    t = _T["hazards"]
    fixed = func.coalesce(t.c.verified_at, t.c.closed_at)
    for batch in _batches(conn, t, _alive(t.c.opened_at, fixed, start, end)):
        ids = [r["id"] for r in batch]
        steps = _children(conn, _T["hazard_steps"], "hazard_id", ids)
        events = _children(conn, _T["hazard_events"], "hazard_id", ids)
        waived = waivers.waivers_at(conn, ids, NEVER)
        for r in batch:
            r["steps"], r["events"] = steps[r["id"]], events[r["id"]]
            r["due_at"] = _day_end(r["due_date"])
            r.update(waiver_mark(waived.get(r["id"])))
        yield batch


def waiver_mark(w: Waiver | None) -> dict[str, Any]:
    """`milestones_waived`: a major hazard verified or closed with policy milestones outstanding, as
    it stands: when, which (RemediationKind values) and why; None for any other. Optional in the
    schema: a package of an earlier release lacks it, and head office counts such a hazard from
    its `waived` events all the same (headoffice/rules.waived_in)."""
    if w is None:
        return {"milestones_waived": None}
    named = [k.value for k in w.milestones]
    return {"milestones_waived": {"at": ledger_rules.stamp(w.at), "milestones": named, "reason": w.reason}}


def _day_end(day: str) -> str:
    """A hazard's due date (stored as a date since migration 0019) as package v1 carries it: the
    instant it is overdue from, the end of that day on the branch's clock."""
    return ledger_rules.stamp(datetime.combine(date.fromisoformat(day), time(23, 59, 59)).astimezone())


def complaints(conn: Connection, start: datetime, end: datetime) -> Iterator[list[dict[str, Any]]]:
    t = _T["complaints"]
    for batch in _batches(conn, t, _alive(t.c.received_at, t.c.clock_stopped_at, start, end)):
        ids = [r["id"] for r in batch]
        steps = _children(conn, _T["complaint_steps"], "complaint_id", ids)
        events = _children(conn, _T["complaint_events"], "complaint_id", ids)
        for r in batch:
            r["steps"], r["events"] = steps[r["id"]], events[r["id"]]
        yield batch


READERS = {
    "incidents": incidents,
    "actions": actions,
    "drills": drills,
    "inspections": inspections,
    "hazards": hazards,
    "complaints": complaints,
}


def ledger_entries(conn: Connection, after: int, upto: int) -> Iterator[list[dict[str, Any]]]:
    """Ledger entries after seq `after` up to `upto`, without their states (head office checks the
    chain from the digests; a state could hold what the package masks)."""
    e = ENTRIES
    cols = (
        e.c.seq,
        e.c.at,
        e.c.actor,
        e.c.entity,
        e.c.entity_id,
        e.c.action,
        e.c.digest,
        e.c.prev_hash,
        e.c.hash,
    )
    last = after
    while last < upto:
        stmt = select(*cols).where(e.c.seq > last, e.c.seq <= upto).order_by(e.c.seq).limit(BATCH * 4)
        rows = [
            {
                "seq": r[0],
                "at": ledger_rules.stamp(r[1]),
                "actor": r[2],
                "entity": r[3],
                "entity_id": r[4],
                "action": r[5],
                "digest": r[6],
                "prev_hash": r[7],
                "hash": r[8],
            }
            for r in conn.execute(stmt)
        ]
        if not rows:
            return
        yield rows
        last = rows[-1]["seq"]


def count(batches: Iterable[list[dict[str, Any]]]) -> int:
    return sum(len(b) for b in batches)
