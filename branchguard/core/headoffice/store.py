"""Head office's tables: the mode mark, branches, received ledger positions, records in bulk, and
the roll-up's aggregates. Takes a session or connection; never commits."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table, and_, case, delete, false, func, insert, not_, or_, select, tuple_
from sqlalchemy.orm import Session

from branchguard.core.hazards.types import HazardSeverity
from branchguard.core.headoffice.rules import (
    COMPLAINT_ANSWERED,
    COMPLAINT_DONE,
    HAZARD_DONE,
    hazard_open_at,
    waived_in,
)
from branchguard.core.ledger import rules as ledger_rules
from branchguard.db.models.exchange import (
    HeadOfficeRow,
    HoBranchRow,
    HoLedgerRow,
    HoPackageRow,
    HoRecordRow,
)

RECORDS: Table = HoRecordRow.__table__  # type: ignore[assignment]
LEDGER: Table = HoLedgerRow.__table__  # type: ignore[assignment]
_BULK = 1000


def head_office(s: Session) -> HeadOfficeRow | None:
    return s.get(HeadOfficeRow, 1)


def branch_by_code(s: Session, code: str) -> HoBranchRow | None:
    return s.scalars(select(HoBranchRow).where(HoBranchRow.code == code)).first()


def held_hashes(conn: Connection, branch_id: int, seqs: Sequence[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for i in range(0, len(seqs), _BULK):
        part = seqs[i : i + _BULK]
        stmt = select(LEDGER.c.seq, LEDGER.c.hash).where(
            LEDGER.c.branch_id == branch_id, LEDGER.c.seq.in_(part)
        )
        out.update({seq: h for seq, h in conn.execute(stmt)})
    return out


def add_ledger(conn: Connection, branch_id: int, entries: Sequence[dict[str, Any]]) -> None:
    rows = [{"branch_id": branch_id, "seq": e["seq"], "hash": e["hash"]} for e in entries]
    _insert(conn, LEDGER, rows)


def put_records(conn: Connection, branch_id: int, kind: str, rows: Sequence[dict[str, Any]]) -> None:
    """Replace the branch's copies of these records with the package's (bulk delete, bulk insert)."""
    if not rows:
        return
    if conn.dialect.name == "postgresql" or conn.dialect.paramstyle == "qmark":
        # one statement run for every key through the driver (each an index lookup), as the
        # insert below: not an IN list of a thousand values compiled by SQLAlchemy at each batch
        mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        where = f"branch_id = {mark} AND kind = {mark} AND source_id = {mark}"
        keys = [(branch_id, kind, r["source_id"]) for r in rows]
        conn.exec_driver_sql(f"DELETE FROM {RECORDS.name} WHERE {where}", keys)
        _insert(conn, RECORDS, rows)
        return
    for i in range(0, len(rows), _BULK):
        ids = [r["source_id"] for r in rows[i : i + _BULK]]
        conn.execute(
            delete(RECORDS).where(
                RECORDS.c.branch_id == branch_id, RECORDS.c.kind == kind, RECORDS.c.source_id.in_(ids)
            )
        )
    _insert(conn, RECORDS, rows)


def _insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Many rows into `table` in the connection's transaction: on PostgreSQL by COPY (one stream,
    not a statement a row), elsewhere by one DB-API executemany. Each value goes through its
    column's own bind processing (UTC times, JSON as text) first, as a Core insert would do it,
    without a Core insert's work per row."""
    if not rows:
        return
    postgres = conn.dialect.name == "postgresql"
    if not postgres and conn.dialect.paramstyle != "qmark":  # not SQLite's driver: a Core insert
        conn.execute(insert(table), list(rows))
        return
    names = list(rows[0])
    dialect = conn.dialect
    processors = [table.c[n].type.dialect_impl(dialect).bind_processor(dialect) for n in names]
    values = _values(rows, names, processors)
    columns = ", ".join(conn.dialect.identifier_preparer.quote(n) for n in names)
    if not postgres:
        marks = ", ".join("?" * len(names))
        sql = f"INSERT INTO {table.name} ({columns}) VALUES ({marks})"
        conn.exec_driver_sql(sql, values)
        return
    raw = conn.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cur, cur.copy(f"COPY {table.name} ({columns}) FROM STDIN") as copy:
        for value in values:
            copy.write_row(value)


def _values(rows: Sequence[dict[str, Any]], names: list[str], processors: list[Any]) -> list[tuple[Any, ...]]:
    """Each row's values in `names` order, through the processors of the columns that have one
    (only those are visited value by value: the rest are taken as they are, at C speed)."""
    get = itemgetter(*names) if len(names) > 1 else lambda row: (row[names[0]],)
    processed = [(i, f) for i, f in enumerate(processors) if f is not None]
    if not processed:
        return list(map(get, rows))
    out = []
    for row in rows:
        value = list(get(row))
        for i, f in processed:
            value[i] = f(value[i])
        out.append(tuple(value))
    return out


def records_of(conn: Connection, branch_id: int, kind: str) -> Sequence[Any]:
    c = RECORDS.c
    stmt = (
        select(c.source_id, c.period, c.category, c.level, c.status, c.opened_at, c.due_at, c.closed_at,
               c.score, c.data)
        .where(c.branch_id == branch_id, c.kind == kind)
        .order_by(c.opened_at.desc(), c.id.desc())
    )  # fmt: skip
    return conn.execute(stmt).all()


def package_counts(conn: Connection) -> dict[int, int]:
    """Packages imported per branch, in one query."""
    c = HoPackageRow.__table__.c
    return {b: n for b, n in conn.execute(select(c.branch_id, func.count()).group_by(c.branch_id))}


def kind_counts(conn: Connection) -> dict[int, dict[str, int]]:
    c = RECORDS.c
    out: dict[int, dict[str, int]] = {}
    for b, kind, n in conn.execute(select(c.branch_id, c.kind, func.count()).group_by(c.branch_id, c.kind)):
        out.setdefault(b, {})[kind] = n
    return out


def incident_counts(conn: Connection) -> tuple[dict[int, dict[str, int]], dict[int, dict[str, int]]]:
    """Per branch, its real incidents (not drills) counted by category and by level (one grouped
    query for both)."""
    c = RECORDS.c
    stmt = (
        select(c.branch_id, c.category, c.level, func.count())
        .where(c.kind == "incidents", not_(_drill()))
        .group_by(c.branch_id, c.category, c.level)
    )
    by_category: dict[int, dict[str, int]] = {}
    by_level: dict[int, dict[str, int]] = {}
    for b, category, level, n in conn.execute(stmt):
        mine = by_category.setdefault(b, {})
        mine[category] = mine.get(category, 0) + n
        mine = by_level.setdefault(b, {})
        mine[level] = mine.get(level, 0) + n
    return by_category, by_level


def branch_list(conn: Connection) -> Sequence[Any]:
    """The registered branches in code order with what the roll-up shows of them, in one query:
    id, code, name, fingerprint, ledger_seq, packages (count), and when the last package was
    imported (None before any). Plain rows, no ORM objects."""
    b, p = HoBranchRow.__table__.c, HoPackageRow.__table__.c
    last = HoPackageRow.__table__.alias("last")
    counts = select(p.branch_id, func.count().label("n")).group_by(p.branch_id).subquery()
    stmt = (
        select(
            b.id,
            b.code,
            b.name,
            b.fingerprint,
            b.ledger_seq,
            func.coalesce(counts.c.n, 0).label("packages"),
            last.c.imported_at,
        )
        .outerjoin(last, last.c.id == b.last_package_id)
        .outerjoin(counts, counts.c.branch_id == b.id)
        .order_by(b.code)
    )
    return conn.execute(stmt).all()


def package_periods(conn: Connection) -> dict[int, list[str]]:
    """Per branch, the periods of the packages it holds (each once)."""
    p = HoPackageRow.__table__.c
    out: dict[int, list[str]] = {}
    for branch_id, period in conn.execute(select(p.branch_id, p.period).distinct()):
        out.setdefault(branch_id, []).append(period)
    return out


def held_heads(conn: Connection) -> list[tuple[Any, ...]]:
    """Per branch in code order: packages (count), code, name, key fingerprint, the ledger head held,
    and the last package's period and manifest digest (None before any)."""
    b, p = HoBranchRow.__table__.c, HoPackageRow.__table__.c
    counts = package_counts(conn)
    stmt = (
        select(b.id, b.code, b.name, b.fingerprint, b.ledger_seq, b.ledger_hash, p.period, p.manifest_sha256)
        .outerjoin(HoPackageRow.__table__, p.id == b.last_package_id)
        .order_by(b.code)
    )
    return [(counts.get(r[0], 0), *r[1:]) for r in conn.execute(stmt)]


def per_branch(conn: Connection, now: datetime) -> dict[int, dict[str, Any]]:
    """Every branch's aggregates in one pass over its records."""
    c = RECORDS.c
    hazard_open = and_(c.kind == "hazards", c.status.not_in(HAZARD_DONE))
    complaint_open = and_(c.kind == "complaints", c.status.not_in(COMPLAINT_DONE))
    complaint_late = and_(c.kind == "complaints", c.status.not_in(COMPLAINT_ANSWERED), c.due_at < now)
    stmt = select(
        c.branch_id,
        func.sum(case((hazard_open, 1), else_=0)),
        func.sum(case((and_(hazard_open, c.due_at < now), 1), else_=0)),
        func.min(case((hazard_open, c.opened_at), else_=None)),
        func.sum(case((and_(c.kind == "drills", c.score.is_not(None)), 1), else_=0)),
        func.avg(case((c.kind == "drills", c.score), else_=None)),
        func.sum(case((and_(c.kind == "actions", c.status == "open", c.due_at < now), 1), else_=0)),
        func.sum(case((complaint_open, 1), else_=0)),
        func.sum(case((complaint_late, 1), else_=0)),
    )
    # every figure counts one of these kinds: the other records (most of them) are not visited
    stmt = stmt.where(c.kind.in_(("hazards", "drills", "actions", "complaints"))).group_by(c.branch_id)
    out: dict[int, dict[str, Any]] = {}
    for b, h_open, h_overdue, oldest, evaluated, avg, overdue, c_open, c_late in conn.execute(stmt):
        out[b] = {
            "hazards_open": int(h_open or 0),
            "hazards_overdue": int(h_overdue or 0),
            "oldest_open": oldest,
            "drills_evaluated": int(evaluated or 0),
            "drill_score_average": float(avg) if avg is not None else None,
            "actions_overdue": int(overdue or 0),
            "complaints_open": int(c_open or 0),
            "complaints_overdue": int(c_late or 0),
        }
    return out


def latest_scores(conn: Connection) -> dict[int, float]:
    c = RECORDS.c
    # the drill held last, not the one scored last: a drill recorded afterwards is scored when it is
    # entered, maybe months after a later drill run in BranchGuard
    stmt = (
        select(c.branch_id, c.score)
        .where(c.kind == "drills", c.score.is_not(None))
        .order_by(c.branch_id, c.opened_at, c.closed_at)
    )
    return {b: float(score) for b, score in conn.execute(stmt)}  # the last per branch wins


def compliance(
    conn: Connection, periods: Sequence[str] | None = None, *, latest: Mapping[int, str] | None = None
) -> dict[int, dict[str, str]]:
    """Per branch, each drill rule's status (compliance_rows)."""
    out: dict[int, dict[str, str]] = {}
    for b, rule, status, _zh, _en in compliance_rows(conn, periods, latest=latest):
        out.setdefault(b, {})[rule] = status
    return out


def compliance_rows(
    conn: Connection, periods: Sequence[str] | None = None, *, latest: Mapping[int, str] | None = None
) -> list[tuple[int, str, str, str | None, str | None]]:
    """Per branch, each drill rule, its status and its name (Chinese, English) as the newest
    package imported of `periods`, or of the branch's own period in `latest` (its latest: a package
    carries the rules as of its period's end, so the one imported last may be an older period's),
    carried it. Rows are kept per period (rules.compliance_key); only the newest package's are
    read, so a rule that package no longer carried is not taken from an older one."""
    c = RECORDS.c
    held = c.kind == "compliance"
    if periods is not None:
        held = and_(held, c.period.in_(periods))
    if latest is not None:
        held = and_(held, tuple_(c.branch_id, c.period).in_(list(latest.items())))
    newest = select(c.branch_id, func.max(c.package_id).label("package_id")).where(held).group_by(c.branch_id)
    last = newest.subquery()
    name = c.data["name"]  # each language's, as the branch named the rule (an older package: none)
    stmt = select(
        c.branch_id, c.data["rule"].as_string(), c.status, name["zh"].as_string(), name["en"].as_string()
    ).join(last, and_(c.branch_id == last.c.branch_id, c.package_id == last.c.package_id))
    return [(b, rule, status, zh, en) for b, rule, status, zh, en in conn.execute(stmt.where(held))]


def hazards_open_at(conn: Connection, end: datetime) -> dict[int, int]:
    """Per branch, its hazards open at `end` by their history (rules.hazard_open_at), as the
    branch's periodic report counts them. Only the hazards whose columns do not show them resolved
    before `end` are read: one verified or closed before it and not reopened since (else both
    would be clear) was resolved at `end` too."""
    c = RECORDS.c
    verified = _stamp("verified_at")
    maybe_open = and_(
        c.kind == "hazards",
        c.opened_at < end,
        or_(
            and_(c.closed_at.is_(None), verified.is_(None)),
            c.closed_at >= end,
            verified >= ledger_rules.stamp(end),
        ),
    )
    out: dict[int, int] = {}
    stmt = select(c.branch_id, c.opened_at, c.data["events"]).where(maybe_open)
    for b, opened, events in conn.execute(stmt):
        if hazard_open_at(opened, events or [], end):
            out[b] = out.get(b, 0) + 1
    return out


def majors_waived(conn: Connection, start: datetime, end: datetime) -> dict[int, int]:
    """Per branch, its major hazards verified or closed in [start, end) with milestones outstanding
    under a waiver standing at `end` (rules.waived_in). Only major ones opened before `end` are read:
    a waiver is owed by a major hazard alone, and they are few."""
    c = RECORDS.c
    stmt = select(c.branch_id, c.data["events"]).where(
        c.kind == "hazards", c.level == HazardSeverity.MAJOR.value, c.opened_at < end
    )
    out: dict[int, int] = {}
    for b, events in conn.execute(stmt):
        if waived_in(events or [], start, end):
            out[b] = out.get(b, 0) + 1
    return out


def complaint_months(
    conn: Connection, start: datetime | None = None, end: datetime | None = None
) -> dict[int, list[dict[str, Any]]]:
    """Per branch, the complaint statistics of the months in [start, end) (every month held when
    not given; few rows: one a month)."""
    c = RECORDS.c
    stmt = select(c.branch_id, c.data).where(c.kind == "complaintstats").order_by(c.branch_id, c.opened_at)
    if start is not None and end is not None:
        stmt = stmt.where(c.opened_at >= start, c.opened_at < end)
    out: dict[int, list[dict[str, Any]]] = {}
    for b, data in conn.execute(stmt):
        out.setdefault(b, []).append(dict(data))
    return out


def _stamp(name: str) -> Any:
    """A time of the record as the package holds it in `data` (a UTC stamp of fixed form, see
    ledger/rules.stamp, so the text sorts as the instant does); NULL where the record has none."""
    return RECORDS.c.data[name].as_string()


def _recorded_afterwards() -> Any:
    """Whether a drill record is of a drill held without BranchGuard and entered afterwards (补录):
    as its package says, or (a package before it said so) run with no incident (rules.drill_marks)."""
    c = RECORDS.c
    by_columns = and_(_stamp("run_at").is_not(None), c.data["incident_id"].as_integer().is_(None))
    return func.coalesce(c.data["recorded_afterwards"].as_boolean(), by_columns)


def _drill() -> Any:
    """Whether an incident record is a drill's (a package of any version carries the incident's
    `drill` column; a record without it is counted as a real incident)."""
    return func.coalesce(RECORDS.c.data["drill"].as_boolean(), false())


def period_counts(
    conn: Connection, start: datetime, end: datetime, now: datetime, ending: Sequence[str]
) -> dict[int, dict[str, Any]]:
    """Per branch, what happened in the period and what stood at its end (or now, in a period not
    yet over), counted as the branch's periodic report counts it (core/dashboard), but for its
    drills: real incidents started in it; drills held in it (drill incidents started, and drills
    recorded afterwards held in it and not voided, which the branch's compliance counts and its
    report's incident-log figure does not) and the mean score of those run in it; inspections
    submitted in it; hazards opened in it and those open at its end (by their history:
    hazards_open_at); complaints (投诉: a record's level is its kind; grumbles and objections are
    none) received in it; actions not done by its end and due before that
    day; major hazards verified or closed in it with milestones outstanding (majors_waived); drill
    rules overdue as the newest package of the periods `ending` when it does carried them (each
    package carries them as of its period's end)."""
    c = RECORDS.c
    as_of = min(end, now)
    began = and_(c.opened_at >= start, c.opened_at < end)
    incident = and_(c.kind == "incidents", began)
    # a plan's opened_at is its run_at once it ran (its planned time before): run in the period
    drill_run = and_(c.kind == "drills", began, _stamp("run_at").is_not(None))
    # held without BranchGuard and entered afterwards: held, as its compliance counts it, though no
    # incident logged it; not once voided (entered by mistake, never held)
    recorded = and_(c.kind == "drills", began, _recorded_afterwards(), c.status != "cancelled")
    action_overdue = and_(
        c.kind == "actions", c.due_at <= as_of, or_(c.closed_at.is_(None), c.closed_at >= as_of)
    )
    stmt = select(
        c.branch_id,
        func.sum(case((and_(incident, not_(_drill())), 1), else_=0)),
        func.sum(case((and_(incident, _drill()), 1), else_=0)) + func.sum(case((recorded, 1), else_=0)),
        func.avg(case((drill_run, c.score), else_=None)),
        func.sum(case((and_(c.kind == "inspections", c.closed_at >= start, c.closed_at < end), 1), else_=0)),
        func.sum(case((and_(c.kind == "hazards", began), 1), else_=0)),
        func.sum(case((and_(c.kind == "complaints", c.level == "complaint", began), 1), else_=0)),
        func.sum(case((action_overdue, 1), else_=0)),
    ).group_by(c.branch_id)
    names = (
        "incidents",
        "drills",
        "drill_score_average",
        "inspections",
        "hazards_opened",
        "complaints",
        "actions_overdue",
    )
    out: dict[int, dict[str, Any]] = {}
    for row in conn.execute(stmt):
        values = dict(zip(names, row[1:], strict=True))
        avg = values.pop("drill_score_average")
        out[row[0]] = {k: int(v or 0) for k, v in values.items()}
        out[row[0]]["drill_score_average"] = float(avg) if avg is not None else None
    levels = (
        select(c.branch_id, c.level, func.count())
        .where(c.kind == "incidents", began, not_(_drill()))
        .group_by(c.branch_id, c.level)
    )
    for b, level, n in conn.execute(levels):
        out.setdefault(b, {}).setdefault("incidents_by_level", {})[level] = n
    for b, n in hazards_open_at(conn, end).items():
        out.setdefault(b, {})["hazards_open_at_end"] = n
    for b, n in majors_waived(conn, start, end).items():
        out.setdefault(b, {})["majors_waived"] = n
    for b, statuses in compliance(conn, ending).items():
        out.setdefault(b, {})["compliance_overdue"] = sum(1 for s in statuses.values() if s == "overdue")
    return out
