"""The chain itself: appending entries inside the caller's transaction and reading the head.

Only the ledger's own tables are imported here: the incident log's append path and the session
hook use this module, and neither should load every model to do so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    Connection,
    Select,
    Table,
    bindparam,
    exists,
    func,
    insert,
    literal,
    select,
    table,
    update,
)

from branchguard.core.ledger import rules
from branchguard.core.ledger.types import LedgerAction, LedgerHead
from branchguard.db.base import utcnow
from branchguard.db.models.ledger import LedgerEntryRow, LedgerHeadRow

ENTRIES: Table = LedgerEntryRow.__table__  # type: ignore[assignment]
HEAD: Table = LedgerHeadRow.__table__  # type: ignore[assignment]


def head(conn: Connection) -> LedgerHead:
    row = conn.execute(select(HEAD.c.seq, HEAD.c.hash).where(HEAD.c.id == 1)).first()
    return LedgerHead(0, rules.GENESIS) if row is None else LedgerHead(row[0], row[1])


def adopted(conn: Connection) -> bool:
    return bool(conn.execute(select(HEAD.c.adopted).where(HEAD.c.id == 1)).scalar())


def hash_at(conn: Connection, seq: int) -> str | None:
    if seq == 0:
        return rules.GENESIS
    return conn.execute(select(ENTRIES.c.hash).where(ENTRIES.c.seq == seq)).scalar()


def record_head(conn: Connection, entity: str, entity_id: str) -> LedgerHead:
    """The position of the record's latest entry (0 and 64 zeros when it has none)."""
    latest = (
        select(func.max(ENTRIES.c.seq))
        .where(ENTRIES.c.entity == entity, ENTRIES.c.entity_id == str(entity_id))
        .scalar_subquery()
    )
    row = conn.execute(select(ENTRIES.c.seq, ENTRIES.c.hash).where(ENTRIES.c.seq == latest)).first()
    return LedgerHead(0, rules.GENESIS) if row is None else LedgerHead(row[0], row[1])


@dataclass(frozen=True)
class Item:
    """One entry to append: the record, what happened, its state (None for an append or a delete)
    and the digest (of the state, or the log entry's own chain hash)."""

    entity: str
    entity_id: str
    action: LedgerAction
    state: dict[str, Any] | None
    digest: str
    at: datetime | None = None
    actor: str | None = None


def item(entity: str, entity_id: object, action: LedgerAction, state: dict[str, Any] | None) -> Item:
    return Item(entity, str(entity_id), action, state, rules.digest_of(state))


def later_kinds_missing(conn: Connection) -> list[str]:
    """The kinds the ledger began to keep later (rules.LATER_KINDS) it holds no entry of while
    their table holds records: a ledger kept before those kinds were. Asked at every start, of the
    bare tables, in one statement: an indexed look a kind (however many entries it has), no model
    loaded. One round trip, not two a kind: 16 of them took 8 ms of every start on PostgreSQL."""
    found = conn.execute(_later_kinds_held()).one()
    return [kind for i, kind in enumerate(rules.LATER_KINDS) if found[2 * i + 1] and not found[2 * i]]


@cache
def _later_kinds_held() -> Select[Any]:
    """For each later kind in turn: whether the ledger holds an entry of it, whether its table
    holds a record."""
    tables = {entity: name for entity, name, _leave_out in rules.EVIDENCE}
    return select(
        *(
            held
            for kind in rules.LATER_KINDS
            for held in (
                exists().where(ENTRIES.c.entity == kind),
                exists(select(literal(1)).select_from(table(tables[kind]))),
            )
        )
    )


def lock_head(conn: Connection) -> None:
    """Take the head's row lock (PostgreSQL) or the write lock (SQLite) for the rest of the
    caller's transaction, as an append does first: what is read afterwards no other append changes."""
    conn.execute(update(HEAD).where(HEAD.c.id == 1).values(seq=HEAD.c.seq))


# Bumping the head first takes its row lock (PostgreSQL) or needs the write lock (SQLite) for the
# rest of the caller's transaction: appends queue one behind the other, so the chain never forks.
_BUMP = (
    update(HEAD)
    .where(HEAD.c.id == 1)
    .values(seq=HEAD.c.seq + bindparam("n"))
    .returning(HEAD.c.seq, HEAD.c.hash)
)
_SEAL = update(HEAD).where(HEAD.c.id == 1).values(hash=bindparam("h"))


def append(conn: Connection, items: Sequence[Item], actor: str, at: datetime | None = None) -> LedgerHead:
    """Append `items` in order inside the caller's transaction; the new head."""
    if not items:
        return head(conn)
    bumped = conn.execute(_BUMP, {"n": len(items)}).first()
    if bumped is None:
        raise RuntimeError("ledger_head has no row")
    last, prev = bumped
    now = at or utcnow()
    rows, seq = [], last - len(items)
    for it in items:
        seq += 1
        when, who = it.at or now, it.actor or actor
        digest = rules.entry_hash(
            prev, seq, rules.stamp(when), who, it.entity, it.entity_id, it.action.value, it.digest
        )
        rows.append(
            {
                "seq": seq,
                "at": when,
                "actor": who,
                "entity": it.entity,
                "entity_id": it.entity_id,
                "action": it.action.value,
                "state": it.state,
                "digest": it.digest,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    conn.execute(insert(ENTRIES), rows)
    conn.execute(_SEAL, {"h": prev})
    return LedgerHead(last, prev)


# On SQLite the incident log's raw append path (core/incidents/log.py) adds its entry on the same
# DB-API cursor: it holds the write lock already, and has read the head with the incident's end.
SQLITE_HEAD = "(SELECT seq FROM ledger_head WHERE id = 1), (SELECT hash FROM ledger_head WHERE id = 1)"
_SQLITE_INSERT = (
    "INSERT INTO ledger_entries (seq, at, actor, entity, entity_id, action, state, digest, prev_hash, hash) "
    "VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)"
)
_SQLITE_SEAL = "UPDATE ledger_head SET seq = ?, hash = ? WHERE id = 1"


@cache
def _sqlite_stamp(dialect: Any) -> Any:
    """SQLAlchemy's own conversion of `at`, so the raw path stores what Core would."""
    return ENTRIES.c.at.type.dialect_impl(dialect).bind_processor(dialect)


def append_log_sqlite(
    cursor: Any,
    dialect: Any,
    head_seq: int,
    head_hash: str,
    incident_id: int,
    actor: str,
    at: datetime,
    log_hash: str,
    stored: Any = None,
) -> None:
    """The ledger entry of one incident log entry, on the log append's own cursor (SQLite);
    `stored` is `at` as the log's row already bound it (the same column type)."""
    seq, entity_id, action = head_seq + 1, str(incident_id), LedgerAction.APPEND.value
    digest = rules.entry_hash(
        head_hash, seq, rules.stamp(at), actor, rules.INCIDENT, entity_id, action, log_hash
    )
    cursor.execute(
        _SQLITE_INSERT,
        (
            seq,
            stored if stored is not None else _sqlite_stamp(dialect)(at),
            actor,
            rules.INCIDENT,
            entity_id,
            action,
            log_hash,
            head_hash,
            digest,
        ),
    )
    cursor.execute(_SQLITE_SEAL, (seq, digest))
