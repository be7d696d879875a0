"""Engine and session factory; SQLite gets WAL, foreign keys, a busy timeout and synchronous FULL.

SQLite writes take the write lock when their transaction begins (BEGIN IMMEDIATE), so a write that
finds another process writing waits before it has done anything: SQLite's own busy wait first, then
the pauses of `LockRetry`, each retry announced through `on_lock_wait`; past the last one the
"database is locked" error goes up, with nothing written. A read-only engine opens the file with
`mode=ro` and `PRAGMA query_only` (PostgreSQL: read-only transactions), so no write can happen.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 2_000  # SQLite's own busy wait, before each retry below


@dataclass(frozen=True)
class LockRetry:
    """How long a write waits for another process's write lock: SQLite's busy wait of `wait_ms`,
    then each pause (seconds) followed by another busy wait; about 30 s in all by default."""

    wait_ms: int = SQLITE_BUSY_TIMEOUT_MS
    pauses: tuple[float, ...] = (0.5, 1.0, 2.0, 4.0, 8.0)


LOCK_RETRY = LockRetry()

# Called with the retry's number (1, 2, …) before each pause: the caller names who is writing; then
# once with LOCK_WAIT_OVER when the statement went through, or LOCK_WAIT_GAVE_UP when it failed, so
# the caller can say that this process waits (core/faults/holders.py: others waiting too do not take
# it for the writer).
LockWait = Callable[[int], None]
LOCK_WAIT_OVER = 0
LOCK_WAIT_GAVE_UP = -1


def _is_locked(exc: sqlite3.OperationalError) -> bool:
    return "database is locked" in str(exc) or "database table is locked" in str(exc)


class _RetryingCursor(sqlite3.Cursor):
    """Retries a statement refused for another process's write lock, but only outside a
    transaction: there the failed statement was the BEGIN IMMEDIATE (or a lone statement), so
    nothing of the unit of work has run yet and running it again is the same request."""

    # Inside a transaction nothing is retried: the statement runs without the retry loop (an incident
    # log append runs eight statements in its transaction).
    def execute(self, sql: str, parameters: Any = (), /) -> _RetryingCursor:
        if self.connection.in_transaction:
            return super().execute(sql, parameters)
        return self._retrying(lambda: super(_RetryingCursor, self).execute(sql, parameters))

    def executemany(self, sql: str, seq_of_parameters: Any, /) -> _RetryingCursor:
        if self.connection.in_transaction:
            return super().executemany(sql, seq_of_parameters)
        return self._retrying(lambda: super(_RetryingCursor, self).executemany(sql, seq_of_parameters))

    def _retrying(self, run: Callable[[], Any]) -> _RetryingCursor:
        conn = self.connection
        assert isinstance(conn, RetryingConnection)
        waited = False
        try:
            for attempt, pause in enumerate((*conn.lock_retry.pauses, None), start=1):
                try:
                    cursor = run()
                except sqlite3.OperationalError as exc:
                    if pause is None or conn.in_transaction or not _is_locked(exc):
                        raise
                else:
                    if waited and conn.on_lock_wait is not None:
                        conn.on_lock_wait(LOCK_WAIT_OVER)
                    return cursor
                if conn.on_lock_wait is not None:
                    waited = True
                    conn.on_lock_wait(attempt)
                time.sleep(pause)
            raise AssertionError("unreachable")  # the last attempt returned or raised
        except BaseException:
            if waited and conn.on_lock_wait is not None:
                conn.on_lock_wait(LOCK_WAIT_GAVE_UP)
            raise


class RetryingConnection(sqlite3.Connection):
    """The SQLite connection every engine uses: its cursors retry a refused write lock."""

    lock_retry: LockRetry = LOCK_RETRY
    on_lock_wait: LockWait | None = None

    def cursor(self, factory: Any = _RetryingCursor) -> Any:
        return super().cursor(factory)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def normalize_url(url: str) -> str:
    """Accept plain `postgresql://` URLs and route them to the psycopg 3 driver."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def _sqlite_pragmas(
    read_only: bool, retry: LockRetry, on_lock_wait: LockWait | None
) -> Callable[[Any, Any], None]:
    def set_pragmas(dbapi_connection: Any, _record: Any) -> None:
        # The connection is in autocommit while pragmas run: journal_mode cannot change inside a
        # transaction, and pysqlite would otherwise open one implicitly.
        dbapi_connection.lock_retry = retry
        dbapi_connection.on_lock_wait = on_lock_wait
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={retry.wait_ms}")
        if read_only:
            cursor.execute("PRAGMA query_only=ON")
        elif cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal" and _may_switch_to_wal(cursor):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    return set_pragmas


def _may_switch_to_wal(cursor: Any) -> bool:
    """WAL mode is written into the file, so only into a new one or one of a schema we know.

    A database from a newer BranchGuard or from another program is refused at start-up and must
    stay byte-for-byte untouched.
    """
    if not cursor.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone():
        return True
    if not cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'").fetchone():
        return False
    from branchguard.db.migrate import known_revisions

    row = cursor.execute("SELECT version_num FROM alembic_version").fetchone()
    return row is not None and row[0] in known_revisions()


def read_only_uri(path: Path) -> str:
    """`mode=ro`; in a folder this account cannot write and with no write-ahead log left (so every
    committed change is in the file itself) also `immutable=1`, as SQLite could not make the WAL's
    shared-memory file there and would refuse to open the file at all.

    Data opened read-only by choice (`--read-only`) in a folder and file this account can write is
    opened `mode=rw` instead, still with `PRAGMA query_only`: a `mode=ro` connection makes the
    write-ahead log and its shared-memory file when they are missing and, not being allowed to
    checkpoint, leaves them behind; SQLite removes them when a connection that may write closes."""
    wal = path.with_name(path.name + "-wal")
    if os.access(path.parent, os.W_OK) and os.access(path, os.W_OK):
        return path.as_uri() + "?mode=rw"
    uri = path.as_uri() + "?mode=ro"
    if not os.access(path.parent, os.W_OK) and not wal.exists():
        uri += "&immutable=1"
    return uri


def make_engine(
    url: str,
    *,
    echo: bool = False,
    read_only: bool = False,
    on_lock_wait: LockWait | None = None,
    lock_retry: LockRetry | None = None,
) -> Engine:
    """An engine on `url`. SQLite: every connection a RetryingConnection whose transactions begin
    IMMEDIATE (the write lock is waited for before anything is written); `read_only` opens the file
    with `mode=ro` and forbids writes. PostgreSQL: `read_only` makes every transaction read-only."""
    url = normalize_url(url)
    if is_sqlite(url):
        args: dict[str, Any] = {
            "check_same_thread": False, "factory": RetryingConnection, "isolation_level": "IMMEDIATE",
        }
        database = make_url(url).database
        if read_only and database and database != ":memory:":
            path = Path(database).absolute()
            # Deferred: a write tried anyway is refused by query_only before it waits for any lock.
            args["isolation_level"] = "DEFERRED"
            engine = create_engine(
                url, echo=echo, connect_args=args,
                creator=lambda: sqlite3.connect(read_only_uri(path), uri=True, **args),
            )
        else:
            engine = create_engine(url, echo=echo, connect_args=args)
        event.listen(engine, "connect", _sqlite_pragmas(read_only, lock_retry or LOCK_RETRY, on_lock_wait))
        return engine
    options = {"options": "-c default_transaction_read_only=on"} if read_only else {}
    return create_engine(url, echo=echo, pool_pre_ping=True, connect_args=options)


def refresh_statistics(engine: Engine, *, full: bool = False) -> None:
    """Keep the query planner's statistics current. `full` after a big change (an upgrade that
    added indexes, years of generated history): ANALYZE everything. Otherwise SQLite's
    `PRAGMA optimize`, meant to run as a connection closes: it analyses only the tables whose
    statistics are missing or stale, usually nothing, in milliseconds. Without statistics the
    planner guesses, and on ten years of data picked a whole-table scan over an index."""
    with engine.begin() as conn:
        if full:
            conn.exec_driver_sql("ANALYZE")
        elif engine.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA optimize")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)
