"""Changes made outside BranchGuard, caught when the app next changes the record.

`verify` compares each record with its latest ledger entry. Someone with the database file who
rewrote a record (a hazard's severity, a drill's score) and then let anyone change that record in
the app would have the rewrite laundered: the app ledgers the record as it now stands, and the
rewritten values pass every later check. So, as a transaction that changes or deletes ledgered
records commits, each one is read as it was committed before it (on a connection of its own,
outside the transaction) and compared with its latest entry. One that differs, or that the ledger
never took in, gets an entry of its own first, `altered`, holding the state it was found in;
`verify` names it for good, with the fields that differ from the entry before.

A record made in the transaction, or one gone already, has nothing committed to compare; a record
whose latest entry is a deletion is `verify`'s to name (resurrected). An incident's latest state is
its latest entry but its log's appends. A reference the database empties itself when what it names
is deleted (ON DELETE SET NULL) is taken in by the change that deletes it
(recording.deleting), so it is no alteration here; emptied by hand, it is one. The
record's row is written by the transaction, so no other can commit a change to it between the two
reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.orm import Session

from branchguard.core.ledger import chain, rules, store
from branchguard.core.ledger.types import LedgerAction

_E = chain.ENTRIES
_CHECKED = (LedgerAction.CHANGE, LedgerAction.DELETE)


def altered(session: Session, pending: Mapping[tuple[str, str], LedgerAction]) -> list[chain.Item]:
    """An `altered` item for each record of `pending` changed or deleted whose committed state is
    not the one its latest entry keeps."""
    wanted: dict[str, list[str]] = {}
    for (entity, entity_id), action in pending.items():
        if action in _CHECKED:
            wanted.setdefault(entity, []).append(entity_id)
    bind = session.get_bind()
    if not wanted or not isinstance(bind, Engine) or bind.url.database in (None, "", ":memory:"):
        return []
    if not _reads_beside_writes(session.connection()):
        return []
    with bind.connect() as committed:  # reads only: sees what was committed, not this transaction
        if not chain.adopted(committed):  # records from before the ledger are taken in at the start
            return []
        return [item for entity, ids in wanted.items() for item in _found(committed, entity, ids)]


def _reads_beside_writes(conn: Connection) -> bool:
    """Whether a read can go on while this transaction writes: always on PostgreSQL; on SQLite in
    WAL mode only (in a rollback journal a reader may wait for the very write it would check).
    Asked of the transaction's own connection: a new one in a rollback journal would first try to
    switch the file to WAL (db/engine.py), which waits for this very transaction."""
    if conn.dialect.name != "sqlite":
        return True
    return str(conn.exec_driver_sql("PRAGMA journal_mode").scalar()).lower() == "wal"


def _found(conn: Connection, entity: str, ids: list[str]) -> Iterable[chain.Item]:
    evidence = store.evidence_of(entity)
    latest = _latest(conn, entity, ids)
    for entity_id, state in store.states(conn, evidence, ids):
        said = latest.get(entity_id)
        if said is not None and (
            said[0] == LedgerAction.DELETE or rules.as_ledgered(said[1], state, evidence.table.name)
        ):
            continue
        yield chain.item(entity, entity_id, LedgerAction.ALTERED, state)


def _latest(conn: Connection, entity: str, ids: list[str]) -> dict[str, tuple[str, str]]:
    """Each record's latest entry that keeps its state (an incident's log appends do not): its
    action and digest."""
    found: dict[str, tuple[str, str]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        last = (
            select(_E.c.entity_id, func.max(_E.c.seq).label("seq"))
            .where(
                _E.c.entity == entity,
                _E.c.entity_id.in_(chunk),
                _E.c.action != LedgerAction.APPEND.value,
            )
            .group_by(_E.c.entity_id)
            .subquery()
        )
        rows = conn.execute(
            select(_E.c.entity_id, _E.c.action, _E.c.digest).join(last, _E.c.seq == last.c.seq)
        )
        found.update({entity_id: (action, digest) for entity_id, action, digest in rows})
    return found
