"""A record read for a change that depends on what was read: locked first, then read fresh.

Why: a service that checks a record's state and then writes (a step not done yet → done; a hazard
remediated → verified; a draft → approved) must keep another PC from doing the same between the
check and the write. Without a lock two PCs both pass the check: a step marked done four times, a
hazard closed three times, an edit saved into a version another user had just approved (found with
four processes at once on PostgreSQL, and on one SQLite file).

- PostgreSQL: `SELECT … FOR UPDATE` on the row; a second transaction waits at its own read until
  the first ends, then reads what the first wrote.
- SQLite: the driver begins a transaction only before the first write, so the reads of a unit of
  work ran outside it and a check could read a state another process was changing. A no-op UPDATE
  of the row, before the read, begins the transaction (BEGIN IMMEDIATE, db/engine.py) and so takes
  the database's one write lock: no other writer comes between this read and this commit.

The row is read again even if the session holds it already (`populate_existing`): what the session
read before the lock may be stale.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import update
from sqlalchemy.orm import Session

Row = TypeVar("Row")


def locked(s: Session, row_class: type[Row], ident: Any) -> Row | None:
    """The row of `row_class` with primary key `ident`, locked until `s`'s transaction ends (None
    when there is no such row)."""
    begin_on_sqlite(s, row_class, ident)
    return s.get(row_class, ident, with_for_update=True, populate_existing=True)


def begin_on_sqlite(s: Session, row_class: type[Any], ident: Any) -> None:
    """On SQLite, take the database's write lock now, before a read that a change depends on (the
    no-op UPDATE above); a no-op on PostgreSQL, whose caller reads `FOR UPDATE` (and with
    `populate_existing`) itself: a statement with its related rows loaded, which `locked` cannot."""
    if s.get_bind().dialect.name == "sqlite":
        key = row_class.__table__.primary_key.columns.values()[0]
        s.execute(
            update(row_class)
            .where(key == ident)
            .values({key.key: key})
            .execution_options(synchronize_session=False)
        )
