"""A read of many statements that sees the database at one moment, whatever other PCs commit meanwhile.

Why: `verify` reads the ledger's chain, then every record, log and file against it. Each statement
on its own saw the writes committed since the one before (PostgreSQL's READ COMMITTED; SQLite's
driver begins a transaction only before a write, so each read had a snapshot of its own): an
entry logged on another PC during the check was "not in the ledger (added outside the app)".

- PostgreSQL: the transaction is REPEATABLE READ, every statement reading its first one's snapshot.
- SQLite: a deferred BEGIN; in WAL mode the first read fixes the snapshot until the transaction ends,
  and it takes no write lock, so other PCs write on meanwhile.
"""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy.orm import Session


def snapshot_connection(s: Session) -> Connection:
    """`s`'s connection, its reads until `s`'s transaction ends seeing one moment of the database;
    asked for before `s` has read anything (a session just made)."""
    if s.get_bind().dialect.name != "sqlite":
        return s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    conn = s.connection()
    if not conn.connection.driver_connection.in_transaction:  # type: ignore[union-attr]
        conn.exec_driver_sql("BEGIN DEFERRED")  # ended by the session's rollback as it closes
    return conn
