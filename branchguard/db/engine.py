"""Engine and session factory; SQLite gets WAL, foreign keys, a busy timeout and synchronous FULL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 10_000


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


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # The connection is in autocommit while pragmas run: journal_mode cannot change inside a
    # transaction, and pysqlite would otherwise open one implicitly.
    cursor = dbapi_connection.cursor()
    if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal" and _may_switch_to_wal(cursor):
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


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


def make_engine(url: str, *, echo: bool = False) -> Engine:
    url = normalize_url(url)
    if is_sqlite(url):
        engine = create_engine(url, echo=echo, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _set_sqlite_pragmas)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


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
