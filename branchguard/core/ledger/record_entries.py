"""The ledger's entries of one record and of its parts (rules.PARTS), read by the record index
(ix_ledger_entries_record) instead of the whole chain: what a record's own page checks as it opens
(verify.verify_record). At ten years the chain is 420,000 entries, 2-3 s of CPU to walk; a hazard's
entries and its parts' are a few dozen."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, cast, exists, select

from branchguard.core.ledger import chain, rules, store
from branchguard.core.ledger.types import LedgerAction

_E = chain.ENTRIES
_DELETE = LedgerAction.DELETE.value
_APPEND = LedgerAction.APPEND.value
_CHUNK = 500

# (seq, at as the chain stamps it, actor, entity, entity_id, action, digest, prev_hash, hash)
Entry = tuple[int, str, str, str, str, str, str, str, str]


def part_ids(conn: Connection, entity: str, entity_id: str) -> dict[str, list[str]]:
    """For each kind of part of `entity`: the ids of its rows that name the record, and of those the
    ledger holds that the table has lost, whose last ledgered state named the record (cut out of
    it by raw SQL). A part lost from another record is that record's to show."""
    found: dict[str, list[str]] = {}
    for kind, column in rules.PARTS.get(entity, ()):
        evidence = store.evidence_of(kind)
        named = evidence.table.c[column]
        ids = conn.execute(select(evidence.key).where(named == named.type.python_type(entity_id)))
        found[kind] = [*(str(i) for i in ids.scalars()), *_lost(conn, evidence, column, entity_id)]
    return found


def _lost(conn: Connection, evidence: store.Evidence, column: str, entity_id: str) -> list[str]:
    """Rows of `evidence` the ledger holds, not deleted by the app, gone from their table, whose
    last ledgered state named the record `entity_id` by `column`. Keys only, both by index."""
    kind, key = evidence.entity, evidence.key
    # Told apart in SQL, by the two indexes: as sets in Python (44,000 inspection answers at ten
    # years) it held the interpreter 100 ms each time a record's page opened.
    present = exists().where(key == cast(_E.c.entity_id, key.type))
    stmt = select(_E.c.entity_id).where(_E.c.entity == kind, ~present).distinct()
    gone = sorted(conn.execute(stmt).scalars())
    last: dict[str, tuple[str, Any]] = {}
    for i in range(0, len(gone), _CHUNK):
        stmt = (
            select(_E.c.entity_id, _E.c.action, _E.c.state)
            .where(_E.c.entity == kind, _E.c.entity_id.in_(gone[i : i + _CHUNK]), _E.c.action != _APPEND)
            .order_by(_E.c.seq)
        )
        last.update({part: (action, state) for part, action, state in conn.execute(stmt)})
    return [
        part
        for part, (action, state) in last.items()
        if action != _DELETE and isinstance(state, dict) and str(state.get(column)) == str(entity_id)
    ]


def present(conn: Connection, evidence: store.Evidence, ids: Sequence[str]) -> set[str]:
    """Which of `ids` `evidence`'s table holds. A record's own check asks of a few dozen, by the
    key; the whole chain's check of one record asks of every part the ledger holds, and reads
    the table's keys once."""
    key = evidence.key
    if len(ids) > _CHUNK:
        return {str(i) for i in conn.execute(select(key)).scalars()} & set(ids)
    typed = [key.type.python_type(i) for i in ids]
    return {str(i) for i in conn.execute(select(key).where(key.in_(typed))).scalars()} if typed else set()


def entries(conn: Connection, wanted: Mapping[str, Sequence[str]]) -> list[Entry]:
    """Every ledger entry of the records `wanted` (kind → ids), in the chain's order."""
    at_column, stamp = store.stamp_column(_E.c.at, conn.dialect)
    columns = (_E.c.seq, at_column, _E.c.actor, _E.c.entity, _E.c.entity_id, _E.c.action, _E.c.digest)
    rows: list[Entry] = []
    for kind, ids in wanted.items():
        for i in range(0, len(ids), _CHUNK):
            stmt = select(*columns, _E.c.prev_hash, _E.c.hash).where(
                _E.c.entity == kind, _E.c.entity_id.in_(list(ids[i : i + _CHUNK]))
            )
            rows += [(seq, stamp(at), *rest) for seq, at, *rest in conn.execute(stmt)]
    rows.sort(key=lambda row: row[0])
    return rows
