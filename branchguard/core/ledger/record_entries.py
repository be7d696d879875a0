"""The ledger's entries of one record and of its parts (rules.PARTS), read by the record index
(ix_ledger_entries_record) instead of the whole chain: what a record's own page checks as it opens
(verify.verify_record). At ten years the chain is 420,000 entries, 2-3 s of CPU to walk; a hazard's
entries and its parts' are a few dozen."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, cast, exists, select

from branchguard.core.ledger import chain, rules, store
from branchguard.core.ledger.types import LedgerAction

_E = chain.ENTRIES
_DELETE = LedgerAction.DELETE.value
_APPEND = LedgerAction.APPEND.value
_CHUNK = 500

Record = tuple[str, str]  # (kind, id) as the ledger names a record
# (seq, at as the chain stamps it, actor, entity, entity_id, action, digest, prev_hash, hash)
Entry = tuple[int, str, str, str, str, str, str, str, str]


def part_ids(conn: Connection, entity: str, entity_id: str) -> dict[str, list[str]]:
    """For each kind of part of `entity` `entity_id`: its rows' ids (`parts_of` of that one record)."""
    return parts_of(conn, [(entity, entity_id)])


def parts_of(conn: Connection, records: Iterable[Record]) -> dict[str, list[str]]:
    """For each kind of part of the `records` (rules.PARTS): the ids of its rows that name one of
    them, and of those the ledger holds that the table has lost, whose last ledgered state named one
    (cut out of it by raw SQL). A part lost from another record is that record's to show. Read a
    kind at a time, whatever the number of records: a shift handover proves a few hundred."""
    owners: dict[str, list[str]] = {}
    for entity, entity_id in records:
        owners.setdefault(entity, []).append(str(entity_id))
    found: dict[str, dict[str, None]] = {}  # kind -> ids, in order, each once (a kind may have two owners)
    for entity, ids in owners.items():
        for kind, column in rules.PARTS.get(entity, ()):
            evidence = store.evidence_of(kind)
            named = evidence.table.c[column]
            wanted = [named.type.python_type(i) for i in ids]
            rows = found.setdefault(kind, {})
            for i in range(0, len(wanted), _CHUNK):
                stmt = select(evidence.key).where(named.in_(wanted[i : i + _CHUNK]))
                rows.update(dict.fromkeys(str(part) for part in conn.execute(stmt).scalars()))
            rows.update(dict.fromkeys(_lost(conn, evidence, column, set(ids))))
    return {kind: list(ids) for kind, ids in found.items()}


def _lost(conn: Connection, evidence: store.Evidence, column: str, owners: set[str]) -> list[str]:
    """Rows of `evidence` the ledger holds, not deleted by the app, gone from their table, whose
    last ledgered state named one of the records `owners` by `column`. Keys only, both by index."""
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
        if action != _DELETE and isinstance(state, dict) and str(state.get(column)) in owners
    ]


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
