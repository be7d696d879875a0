"""The incident log: durable hash-chained appends, reading back, chain verification, full-text search.

This module is the only writer of `incident_log`, and it only inserts. Each append is its own
transaction (committed with synchronous FULL on SQLite before the caller gets the entry back), so
what a screen shows is on disk. The chain: `hash = SHA-256(prev_hash + "\\n" + canonical(entry))`,
the first entry's `prev_hash` being 64 zeros; the incident row's `last_seq` and `chain_head` seal
the end, so a removed tail is detected too. Each append also appends the entry's hash to the ledger
(core/ledger) in the same transaction, which is what catches a tail cut with the seal rewritten.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from functools import cache
from typing import Any, NoReturn

from sqlalchemy import (
    ColumnElement,
    Connection,
    Dialect,
    Select,
    Table,
    and_,
    bindparam,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session

from branchguard.core.accounts import standing
from branchguard.core.incidents.types import ChainProblem, EntryKind, IncidentStatus, LogEntry, VerifyReport
from branchguard.core.kernel import validation
from branchguard.core.kernel.errors import NotFound, ValidationError
from branchguard.core.kernel.i18n import Message, t
from branchguard.core.ledger import chain as ledger
from branchguard.core.ledger import recording
from branchguard.core.ledger import rules as ledger_rules
from branchguard.core.ledger.rules import INCIDENT as LEDGER_INCIDENT
from branchguard.core.ledger.types import LedgerAction
from branchguard.db.base import utcnow
from branchguard.db.models.incidents import (
    CORRECTIONS_WHERE,
    FTS_STATE_TABLE,
    FTS_TABLE,
    GENESIS_HASH,
    STEP_MARKS_WHERE,
    IncidentRow,
    LogEntryRow,
)

MAX_ENTRY_TEXT = 4000
_LOG: Table = LogEntryRow.__table__  # type: ignore[assignment]
_INCIDENTS: Table = IncidentRow.__table__  # type: ignore[assignment]


# -- the chain ---------------------------------------------------------------------------------
def _stamp(at: datetime | str) -> str:
    # the ledger's stamp: UTC to the microsecond; `verify` gives it made already (ledger/store.py)
    return at if isinstance(at, str) else ledger_rules.stamp(at)


def canonical(
    incident_id: int,
    seq: int,
    at: datetime | str,
    actor: str,
    kind: str,
    body: str,
    step: int | None,
    corrects: int | None,
    data: Mapping[str, Any],
) -> str:
    """The entry's content as hashed: sorted-key compact JSON, times in UTC to the microsecond."""
    return ledger_rules.canonical(
        {
            "incident": incident_id,
            "seq": seq,
            "at": _stamp(at),
            "actor": actor,
            "kind": kind,
            "text": body,
            "step": step,
            "corrects": corrects,
            "data": dict(data),
        }
    )


def chain_hash(prev_hash: str, content: str) -> str:
    return hashlib.sha256(f"{prev_hash}\n{content}".encode()).hexdigest()


# -- search terms ------------------------------------------------------------------------------
def _is_cjk(ch: str) -> bool:
    return unicodedata.category(ch) == "Lo" and ord(ch) >= 0x2E80


class _Spacing(dict[int, str]):
    """str.translate's table: a CJK character with a space on each side, anything else as it is;
    each character is looked at once (a per-character loop in Python cost 50 µs an entry)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        self[code] = spaced = f" {ch} " if _is_cjk(ch) else ch
        return spaced


_SPACING = _Spacing()


def search_terms(value: str) -> str:
    """Text as FTS5 tokens: each CJK character on its own, so a phrase of them matches any substring."""
    return value.translate(_SPACING)


def fts_query(query: str) -> str | None:
    """An FTS5 MATCH expression for what a person typed: every word must occur (AND).

    A run of Chinese characters becomes a phrase of single characters; other words match as
    prefixes. None when nothing searchable is left.
    """
    parts: list[str] = []
    for word in query.split():
        tokens = re.findall(r"\w+", search_terms(word))
        if not tokens:
            continue
        phrase = '"' + " ".join(tokens) + '"'
        parts.append(phrase if any(_is_cjk(tok[0]) for tok in tokens) else phrase + " *")
    return " AND ".join(parts) or None


# -- appending ---------------------------------------------------------------------------------
# Speed trick (docs/architecture.md, "Speed tricks"): on SQLite an append's statements go straight
# to the DB-API cursor under the caller's SQLAlchemy connection instead of through SQLAlchemy Core.
# Same SQL, same stored values. Through Core an append measured 1.72-1.86x a raw insert+commit in
# `make bench` (target 1.5x); this way 1.26-1.45x. About 0.2 ms an append, which no one feels: it
# is kept for the bench's target. PostgreSQL takes the Core statements below: the bench has no
# PostgreSQL figure that would justify a raw path there.
_BUMP_ANY = (
    update(_INCIDENTS)
    .where(_INCIDENTS.c.id == bindparam("incident"))
    .values(last_seq=_INCIDENTS.c.last_seq + 1)
    .returning(_INCIDENTS.c.last_seq, _INCIDENTS.c.chain_head)
)
_BUMP_OPEN = _BUMP_ANY.where(_INCIDENTS.c.status == IncidentStatus.OPEN.value)
_INSERT = insert(_LOG)
_SEAL = update(_INCIDENTS).where(_INCIDENTS.c.id == bindparam("incident")).values(chain_head=bindparam("h"))

# On SQLite the append takes the write lock before it reads (BEGIN IMMEDIATE, unless the caller's
# transaction has written already and so holds it), reads the incident's end, the search index's
# mark and the ledger's head in one statement, writes the row, the new end and the ledger entry,
# and indexes the new entry.
_SQLITE_END = (
    f"SELECT last_seq, chain_head, (SELECT indexed_upto FROM {FTS_STATE_TABLE}), {ledger.SQLITE_HEAD} "
    "FROM incidents WHERE id = ?{}"
)
_SQLITE_END_ANY = _SQLITE_END.format("")
_SQLITE_END_OPEN = _SQLITE_END.format(f" AND status = '{IncidentStatus.OPEN.value}'")
_SQLITE_INSERT = (
    "INSERT INTO incident_log (incident_id, seq, at, actor, kind, text, step, corrects, data, "
    "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_SQLITE_SEAL = "UPDATE incidents SET last_seq = ?, chain_head = ? WHERE id = ?"
_SQLITE_INDEX = f"INSERT INTO {FTS_TABLE}(rowid, terms) VALUES (?, ?)"

# The search index (SQLite FTS5) is written by each append, in its transaction, so a search finds
# every committed entry. `indexed_upto` says how far the index has read: each append indexes what
# lies past it, normally only its own entry (a database last written when appends indexed in
# batches of 64 may hold a short tail, which the next append indexes too).
_SQLITE_PENDING = "SELECT id, text FROM incident_log WHERE id > ? ORDER BY id"
_SQLITE_MARK_INDEXED = f"UPDATE {FTS_STATE_TABLE} SET indexed_upto = ?"


@cache
def _sqlite_binds(dialect: Dialect) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    """SQLAlchemy's own conversions of `at` and `data`, so the raw path stores what Core would."""
    at_type, data_type = (col.type.dialect_impl(dialect) for col in (_LOG.c.at, _LOG.c.data))
    return at_type.bind_processor(dialect), data_type.bind_processor(dialect)  # type: ignore[return-value]


def append(
    target: Connection | Session,
    incident_id: int,
    actor: str,
    kind: EntryKind,
    body: str = "",
    *,
    step: int | None = None,
    corrects: int | None = None,
    data: Mapping[str, Any] | None = None,
    at: datetime | None = None,
    allow_closed: bool = False,
) -> LogEntry:
    """Add one entry inside the caller's transaction (the caller commits): `target` is a plain
    connection (the log box's append, its transaction's only write) or the service's session.

    Concurrent writers queue instead of racing: the incident's end is read under the write lock
    (SQLite) or by the statement that bumps it under the row lock (PostgreSQL). On PostgreSQL the
    ledger head's row lock is taken last in every transaction: inside a session the entry's ledger
    entry is appended at commit (core/ledger/recording.py), after every other row the session
    writes, so two transactions never each hold one of the head and a row while waiting for the
    other (SQLite's one write lock, taken at BEGIN IMMEDIATE, has no such order to keep).

    The entry's time (`at` unless given) is read once the append holds its place: read before, an
    entry that waited for another PC's append was numbered after it with an earlier time, and shown
    as "was the PC clock changed?".
    """
    session = target if isinstance(target, Session) else None
    conn = target.connection() if isinstance(target, Session) else target
    body, data = _checked(body, data)
    if conn.dialect.name == "sqlite":
        driver = conn.connection.driver_connection
        return _append_sqlite(
            driver, conn.dialect, incident_id, actor, kind, body, step, corrects, data, at, allow_closed
        )
    standing.check_log_writer(conn, actor)
    row = conn.execute(_BUMP_ANY if allow_closed else _BUMP_OPEN, {"incident": incident_id}).first()
    if row is None:
        status = conn.execute(select(_INCIDENTS.c.status).where(_INCIDENTS.c.id == incident_id)).scalar()
        _raise_not_open(status, incident_id)
    seq, prev = row
    at = at or utcnow()  # in its place: see above
    digest = chain_hash(prev, canonical(incident_id, seq, at, actor, kind.value, body, step, corrects, data))
    values = {
        "incident_id": incident_id,
        "seq": seq,
        "at": at,
        "actor": actor,
        "kind": kind.value,
        "text": body,
        "step": step,
        "corrects": corrects,
        "data": data,
        "prev_hash": prev,
        "hash": digest,
    }
    entry_id = conn.execute(_INSERT, values).inserted_primary_key[0]  # type: ignore[index]
    conn.execute(_SEAL, {"incident": incident_id, "h": digest})
    ledgered = ledger.Item(LEDGER_INCIDENT, str(incident_id), LedgerAction.APPEND, None, digest, at, actor)
    if session is not None:
        recording.at_commit(session, ledgered)
    else:
        ledger.append(conn, [ledgered], actor)
    return LogEntry(entry_id, incident_id, seq, at, actor, kind, body, step, corrects, data, prev, digest)


def _checked(body: str, data: Mapping[str, Any] | None) -> tuple[str, dict[str, Any]]:
    body = body.strip()
    if len(body) > MAX_ENTRY_TEXT:
        raise ValidationError("field.entry_text", Message("validation.too_long", limit=MAX_ENTRY_TEXT))
    return body, dict(data or {})


def _append_sqlite(
    driver: Any,
    dialect: Dialect,
    incident_id: int,
    actor: str,
    kind: EntryKind,
    body: str,
    step: int | None,
    corrects: int | None,
    data: dict[str, Any],
    at: datetime | None,
    allow_closed: bool = False,
) -> LogEntry:
    # The SQLite driver begins a transaction only before a write, so an open one holds the lock.
    cursor = driver.cursor()
    try:
        if not driver.in_transaction:
            cursor.execute("BEGIN IMMEDIATE")
        standing.refuse_log_writer(cursor.execute(standing.SQLITE_WRITER, (actor,)).fetchone(), actor)
        end = cursor.execute(_SQLITE_END_ANY if allow_closed else _SQLITE_END_OPEN, (incident_id,)).fetchone()
        if end is None:
            status = cursor.execute("SELECT status FROM incidents WHERE id = ?", (incident_id,)).fetchone()
            _raise_not_open(status[0] if status else None, incident_id)
        last_seq, prev, indexed_upto, ledger_seq, ledger_hash = end
        seq = last_seq + 1
        at = at or utcnow()  # under the write lock: see append
        content = canonical(incident_id, seq, at, actor, kind.value, body, step, corrects, data)
        digest = chain_hash(prev, content)
        stamp, encode = _sqlite_binds(dialect)
        stored = stamp(at)
        values = (incident_id, seq, stored, actor, kind.value, body, step, corrects, encode(data))
        entry_id = cursor.execute(_SQLITE_INSERT, (*values, prev, digest)).lastrowid
        cursor.execute(_SQLITE_SEAL, (seq, digest, incident_id))
        ledger.append_log_sqlite(
            cursor, dialect, ledger_seq, ledger_hash, incident_id, actor, at, digest, stored=stored
        )
        _index_after(cursor, indexed_upto, entry_id, body)
    finally:
        cursor.close()
    return LogEntry(entry_id, incident_id, seq, at, actor, kind, body, step, corrects, data, prev, digest)


def _index_after(cursor: Any, indexed_upto: int, entry_id: int = 0, body: str = "") -> int:
    """Index every entry past `indexed_upto`; when that is only the one just written (`entry_id`,
    `body`), without reading it back."""
    if entry_id and indexed_upto == entry_id - 1:
        if body:
            cursor.execute(_SQLITE_INDEX, (entry_id, search_terms(body)))
        cursor.execute(_SQLITE_MARK_INDEXED, (entry_id,))
        return 1
    pending = cursor.execute(_SQLITE_PENDING, (indexed_upto,)).fetchall()
    if pending:
        cursor.executemany(_SQLITE_INDEX, [(i, search_terms(body)) for i, body in pending if body])
        cursor.execute(_SQLITE_MARK_INDEXED, (pending[-1][0],))
    return len(pending)


def _raise_not_open(status: str | None, incident_id: int) -> NoReturn:
    if status is None:
        raise NotFound(Message("incident.not_found", id=incident_id))
    raise ValidationError("field.incident", Message("incident.closed", id=incident_id))


# -- reading -----------------------------------------------------------------------------------
_KINDS = {k.value: k for k in EntryKind}
_SEQ = 2  # the position of `seq` in a row of select(_LOG)


def entry_of(row: Any, corrected_by: tuple[int, ...] = ()) -> LogEntry:
    """A row of `select(_LOG)`: its columns are LogEntry's first fields, in the same order
    (tests/core/incidents/test_incident_log_rows.py), unpacked by position: a page of a long log is read
    row by row, and a Row's attribute lookups cost more than the query."""
    id_, incident_id, seq, at, actor, kind, body, step, corrects, data, prev_hash, digest = row
    return LogEntry(
        id_,
        incident_id,
        seq,
        at,
        actor,
        _KINDS[kind],
        body,
        step,
        corrects,
        dict(data or {}),
        prev_hash,
        digest,
        corrected_by,
    )


def _with_corrections(conn: Connection, incident_id: int, rows: list[Any]) -> list[LogEntry]:
    if not rows:
        return []
    corrections: dict[int, list[int]] = {}
    wanted = {r[_SEQ] for r in rows}
    stmt = select(_LOG.c.seq, _LOG.c.corrects).where(
        _LOG.c.incident_id == incident_id,
        text(CORRECTIONS_WHERE),  # verbatim, so the partial index serves it
        # A range, not IN (…128 values…): one cached statement instead of one compiled per page.
        _LOG.c.corrects.between(min(wanted), max(wanted)),
    )
    # Sorted here: an ORDER BY would make SQLite walk the incident's whole log in seq order.
    for seq, target in sorted(conn.execute(stmt).tuples()):
        if target in wanted:
            corrections.setdefault(target, []).append(seq)
    return [entry_of(row, tuple(corrections.get(row[_SEQ], ()))) for row in rows]


def read_entries(conn: Connection, incident_id: int) -> list[LogEntry]:
    rows = conn.execute(select(_LOG).where(_LOG.c.incident_id == incident_id).order_by(_LOG.c.seq)).all()
    corrections: dict[int, list[int]] = {}
    for row in rows:
        if row.corrects is not None:
            corrections.setdefault(row.corrects, []).append(row.seq)
    return [entry_of(row, tuple(corrections.get(row.seq, ()))) for row in rows]


def read_page(conn: Connection, incident_id: int, after_seq: int = 0, limit: int = 500) -> list[LogEntry]:
    """Entries after `after_seq` in order, at most `limit` (views fetch long logs page by page)."""
    stmt = (
        select(_LOG)
        .where(_LOG.c.incident_id == incident_id, _LOG.c.seq > after_seq)
        .order_by(_LOG.c.seq)
        .limit(limit)
    )
    return _with_corrections(conn, incident_id, list(conn.execute(stmt).all()))


STEP_KINDS = (EntryKind.STEP_DONE.value, EntryKind.STEP_SKIPPED.value, EntryKind.CORRECTION.value)


def step_entries(conn: Connection, incident_id: int) -> list[LogEntry]:
    """Only the entries that decide the steps' state (marks and corrections), however long the log."""
    stmt = select(_LOG).where(_LOG.c.incident_id == incident_id, text(STEP_MARKS_WHERE))
    return [entry_of(row) for row in conn.execute(stmt.order_by(_LOG.c.seq))]


def attachment_entries(conn: Connection, incident_id: int) -> list[LogEntry]:
    """The incident's attachments in order, with their corrections, however long the log."""
    stmt = select(_LOG).where(_LOG.c.incident_id == incident_id, _LOG.c.kind == EntryKind.ATTACHMENT.value)
    return _with_corrections(conn, incident_id, list(conn.execute(stmt.order_by(_LOG.c.seq)).all()))


def _fts_rowids(match: str) -> Select[Any]:
    """The rowids (= entry ids) the FTS5 index finds for a MATCH expression."""
    found = text(f"{FTS_TABLE} MATCH :q").bindparams(q=match)
    return select(text("rowid")).select_from(text(FTS_TABLE)).where(found)


def matching(conn: Connection, query: str, newest: int | None = None) -> ColumnElement[bool] | None:
    """The condition on `incident_log` rows containing every word of `query` (FTS5 on SQLite,
    trigram ILIKE on PostgreSQL): every such entry, or on SQLite with `newest` only that many of
    the newest, which FTS5 hands over first. None when nothing is searchable. The one test of a
    match: the entries found and the incidents whose log matches both use it."""
    if conn.dialect.name == "sqlite":
        match = fts_query(query)
        if match is None:
            return None
        ids = _fts_rowids(match)
        if newest is not None:
            ids = ids.order_by(text("rowid DESC")).limit(newest)
        return _LOG.c.id.in_(ids.scalar_subquery())
    words = query.split()
    if not words:
        return None
    esc = validation.LIKE_ESCAPE
    return and_(*(_LOG.c.text.ilike(validation.containing(word), escape=esc) for word in words))


def matching_incidents(conn: Connection, query: str) -> Select[tuple[int]] | None:
    """The ids of the incidents with an entry matching `query`, as a subquery: no cap, so an
    incident whose only match is years old is found as well as one matched a minute ago."""
    found = matching(conn, query)
    return None if found is None else select(_LOG.c.incident_id).where(found)


def search(
    conn: Connection, query: str, limit: int = 200, incidents: Select[tuple[int]] | None = None
) -> list[LogEntry]:
    """Newest entries matching every word of `query`, at most `limit`; with `incidents` (a
    subquery of incident ids) only theirs, cut after that choice: the newest matches elsewhere
    do not crowd out older ones of those incidents."""
    found = matching(conn, query, newest=limit if incidents is None else None)
    if found is None:
        return []
    if incidents is not None:
        found = and_(found, _LOG.c.incident_id.in_(incidents))
    stmt = select(_LOG).where(found).order_by(_LOG.c.id.desc()).limit(limit)
    return [entry_of(row) for row in conn.execute(stmt)]


# -- verifying ---------------------------------------------------------------------------------
def _chains(conn: Connection) -> Iterator[Any]:
    stmt = select(_LOG).order_by(_LOG.c.incident_id, _LOG.c.seq).execution_options(yield_per=5000)
    yield from conn.execute(stmt)


def verify(conn: Connection) -> VerifyReport:
    """Recompute every chain; name the first broken entry of each incident."""
    seals = {r.id: (r.last_seq, r.chain_head) for r in conn.execute(select(_INCIDENTS))}
    problems: dict[int, ChainProblem] = {}
    state: dict[int, tuple[int, str]] = {}  # incident -> (last seq seen, last hash)
    entries = 0
    for row in _chains(conn):
        entries += 1
        incident = row.incident_id
        if incident in problems:
            continue
        last_seq, prev = state.get(incident, (0, GENESIS_HASH))
        content = canonical(
            incident, row.seq, row.at, row.actor, row.kind, row.text, row.step, row.corrects, row.data or {}
        )
        reason = None
        if row.seq != last_seq + 1:
            reason = t("verify.gap", expected=last_seq + 1, found=row.seq)
        elif row.prev_hash != prev:
            reason = t("verify.prev_mismatch")
        elif row.hash != chain_hash(prev, content):
            reason = t("verify.hash_mismatch")
        if reason:
            problems[incident] = ChainProblem(incident, row.seq, reason)
        state[incident] = (row.seq, row.hash)
    for incident, (last_seq, head) in seals.items():
        if incident in problems:
            continue
        seen_seq, seen_head = state.get(incident, (0, GENESIS_HASH))
        if seen_seq != last_seq:
            problems[incident] = ChainProblem(
                incident, seen_seq + 1, t("verify.missing", expected=last_seq, found=seen_seq)
            )
        elif seen_head != head:
            problems[incident] = ChainProblem(incident, None, t("verify.seal_mismatch"))
    for incident in state.keys() - seals.keys():
        problems[incident] = ChainProblem(incident, None, t("verify.orphan"))
    return VerifyReport(len(seals), entries, tuple(problems[k] for k in sorted(problems)))
