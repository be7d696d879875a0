"""Records that are evidence, read as the ledger keeps them: the registry of their tables and
columns, and their states read in batches (Core, no ORM objects). Never commits."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Column, Connection, Table, select

from branchguard.core.ledger import rules
from branchguard.db.base import Base


@dataclass(frozen=True)
class Evidence:
    """A kind of record that is evidence: its table, and the columns whose values are the record."""

    entity: str
    table: Table
    columns: tuple[str, ...]

    @property
    def key(self) -> Column[Any]:
        (key,) = self.table.primary_key.columns
        return key

    def selected(self) -> list[Column[Any]]:
        return [self.table.c[name] for name in self.columns]


_TABLES = {entity: (table, leave_out) for entity, table, leave_out in rules.EVIDENCE}


@cache
def evidence_of(entity: str) -> Evidence:
    """The evidence kind `entity`, from its model's table. Every model module is imported only when
    that table's is not in yet: a login ledgers its account and audit event without loading the
    other domains' models (a command's start-up, the window's login)."""
    table_name, leave_out = _TABLES[entity]
    if table_name not in Base.metadata.tables:
        import branchguard.db.tables  # noqa: F401  (every model module)
    table = Base.metadata.tables[table_name]
    return Evidence(entity, table, tuple(c.name for c in table.columns if c.name not in leave_out))


def registry() -> tuple[Evidence, ...]:
    """Every kind of evidence, in the registry's order (imports every model)."""
    return tuple(evidence_of(entity) for entity in _TABLES)


_CHUNK = 500


def states(
    conn: Connection, evidence: Evidence, ids: Sequence[str] | None = None
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(id, state) of the records of one kind: all of them, or those of `ids` (missing ones left out)."""
    cols, names, key = evidence.selected(), evidence.columns, evidence.key
    table = evidence.table.name
    if ids is None:
        stmt = select(key, *cols).order_by(key).execution_options(yield_per=2000)
        for row in conn.execute(stmt):
            yield str(row[0]), rules.state_of(dict(zip(names, row[1:], strict=True)), table)
        return
    typed = [key.type.python_type(i) for i in ids]
    for i in range(0, len(typed), _CHUNK):
        for row in conn.execute(select(key, *cols).where(key.in_(typed[i : i + _CHUNK]))):
            yield str(row[0]), rules.state_of(dict(zip(names, row[1:], strict=True)), table)
