"""Bulk writes of generated history (`branchguard demo --years N`): one function per table.

Every row the history generator makes goes through one of these functions, on the caller's
connection and inside its transaction, as one executemany per table (tens of thousands of rows a
statement instead of a service call each: ten years of a busy branch take minutes, not the half
hour the services need). Rows carry their own ids (the generator allocates them after the
largest id in use), so rows pointing at each other are written without reading ids back.

The incident log is the one table with a rule of its own: `incident_log` computes each entry's
link in the hash chain with the log's own `canonical` and `chain_hash`, seals each incident's end
(`last_seq`, `chain_head`) and, on SQLite, writes each entry's search terms, so `verify` and search
see exactly what appends through `core.incidents.log.append` would have written.

Anything that must follow every evidence write (a ledger over the records) is added here, next to
the table's executemany.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, bindparam, func, insert, select, text, update

from branchguard.core.incidents.log import canonical, chain_hash, search_terms
from branchguard.db.models.drills import DrillEvaluationRow, DrillPlanRow
from branchguard.db.models.foundation import AuditEventRow, PersonRow
from branchguard.db.models.hazards import HazardEventRow, HazardRow, HazardStepRow
from branchguard.db.models.incidents import (
    FTS_STATE_TABLE,
    FTS_TABLE,
    GENESIS_HASH,
    IncidentActionRow,
    IncidentRow,
    LogEntryRow,
)
from branchguard.db.models.inspections import AmendmentRow, AnswerRow, InspectionRow
from branchguard.db.models.playbooks import PlaybookVersionRow, StepRow
from branchguard.db.models.schedules import OccurrenceRow, ScheduleRow

Rows = Sequence[Mapping[str, Any]]


def _table(row_class: type) -> Table:
    return row_class.__table__  # type: ignore[attr-defined]


# Every table the generator writes, in an order that satisfies the foreign keys.
TABLES: tuple[Table, ...] = tuple(
    _table(c)
    for c in (
        PersonRow,
        PlaybookVersionRow,
        StepRow,
        ScheduleRow,
        OccurrenceRow,
        IncidentRow,
        LogEntryRow,
        IncidentActionRow,
        DrillPlanRow,
        DrillEvaluationRow,
        InspectionRow,
        AnswerRow,
        HazardRow,
        AmendmentRow,
        HazardStepRow,
        HazardEventRow,
        AuditEventRow,
    )
)


def next_ids(conn: Connection) -> dict[str, int]:
    """The first free id of each table the generator writes."""
    return {t.name: (conn.execute(select(func.max(t.c.id))).scalar() or 0) + 1 for t in TABLES}


def _insert(conn: Connection, row_class: type, rows: Rows) -> int:
    if rows:
        conn.execute(insert(_table(row_class)), list(rows))
    return len(rows)


def people(conn: Connection, rows: Rows) -> int:
    return _insert(conn, PersonRow, rows)


def playbook_versions(conn: Connection, rows: Rows, retired: Mapping[int, datetime]) -> int:
    """New versions; `retired` maps each version they replace (older or new) to when it was retired."""
    count = _insert(conn, PlaybookVersionRow, rows)
    if retired:
        table = _table(PlaybookVersionRow)
        conn.execute(
            update(table)
            .where(table.c.id == bindparam("vid"))
            .values(status="retired", retired_at=bindparam("at")),
            [{"vid": vid, "at": at} for vid, at in retired.items()],
        )
    return count


def playbook_steps(conn: Connection, rows: Rows) -> int:
    return _insert(conn, StepRow, rows)


def schedules(conn: Connection, rows: Rows) -> int:
    return _insert(conn, ScheduleRow, rows)


def schedule_occurrences(conn: Connection, rows: Rows) -> int:
    return _insert(conn, OccurrenceRow, rows)


def incidents(conn: Connection, rows: Rows) -> int:
    """Incidents with an empty log (`last_seq` 0): `incident_log` seals them."""
    return _insert(conn, IncidentRow, [{**r, "last_seq": 0, "chain_head": GENESIS_HASH} for r in rows])


def incident_log(conn: Connection, entries: Rows) -> int:
    """Entries of new incidents, each incident's in order (id, incident_id, at, actor, kind, text,
    step, corrects, data): chained, sealed and indexed as appends would have done it."""
    heads: dict[int, tuple[int, str]] = {}
    rows: list[dict[str, Any]] = []
    for e in entries:
        incident = e["incident_id"]
        last_seq, prev = heads.get(incident, (0, GENESIS_HASH))
        seq = last_seq + 1
        data = dict(e.get("data") or {})
        step, corrects = e.get("step"), e.get("corrects")
        content = canonical(incident, seq, e["at"], e["actor"], e["kind"], e["text"], step, corrects, data)
        digest = chain_hash(prev, content)
        rows.append(
            {
                **e,
                "seq": seq,
                "step": step,
                "corrects": corrects,
                "data": data,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        heads[incident] = (seq, digest)
    _insert(conn, LogEntryRow, rows)
    table = _table(IncidentRow)
    if heads:
        conn.execute(
            update(table)
            .where(table.c.id == bindparam("iid"))
            .values(last_seq=bindparam("seq"), chain_head=bindparam("head")),
            [{"iid": i, "seq": seq, "head": head} for i, (seq, head) in heads.items()],
        )
    if conn.dialect.name == "sqlite" and rows:
        # What `log._index_after` does for one append, for all of them: index what lies past the mark.
        (upto,) = conn.execute(text(f"SELECT indexed_upto FROM {FTS_STATE_TABLE}")).one()
        pending = conn.execute(
            text("SELECT id, text FROM incident_log WHERE id > :upto ORDER BY id"), {"upto": upto}
        ).all()
        driver = conn.connection.driver_connection
        assert driver is not None
        driver.executemany(
            f"INSERT INTO {FTS_TABLE}(rowid, terms) VALUES (?, ?)",
            [(i, search_terms(body)) for i, body in pending if body],
        )
        if pending:
            conn.execute(text(f"UPDATE {FTS_STATE_TABLE} SET indexed_upto = :upto"), {"upto": pending[-1][0]})
    return len(rows)


def incident_actions(conn: Connection, rows: Rows) -> int:
    return _insert(conn, IncidentActionRow, rows)


def drill_plans(conn: Connection, rows: Rows) -> int:
    return _insert(conn, DrillPlanRow, rows)


def drill_evaluations(conn: Connection, rows: Rows) -> int:
    return _insert(conn, DrillEvaluationRow, rows)


def inspections(conn: Connection, rows: Rows) -> int:
    return _insert(conn, InspectionRow, rows)


def inspection_answers(conn: Connection, rows: Rows) -> int:
    return _insert(conn, AnswerRow, rows)


def inspection_amendments(conn: Connection, rows: Rows) -> int:
    return _insert(conn, AmendmentRow, rows)


def hazards(conn: Connection, rows: Rows) -> int:
    return _insert(conn, HazardRow, rows)


def hazard_steps(conn: Connection, rows: Rows) -> int:
    return _insert(conn, HazardStepRow, rows)


def hazard_events(conn: Connection, rows: Rows) -> int:
    return _insert(conn, HazardEventRow, rows)


def audit_events(conn: Connection, rows: Rows) -> int:
    return _insert(conn, AuditEventRow, rows)


def finish(conn: Connection) -> None:
    """After the rows: PostgreSQL's id sequences moved past the ids written (the caller then
    refreshes the planner's statistics: years of rows at once)."""
    if conn.dialect.name == "postgresql":
        for t in TABLES:
            conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{t.name}', 'id'), "
                    f"(SELECT coalesce(max(id), 1) FROM {t.name}))"
                )
            )
