"""Start-up schema handling: create and stamp a new database, back up and upgrade an older one,
refuse one written by a newer BranchGuard and leave it untouched.

A refusal is raised as SchemaProblem: a message key and its values, not words. The db layer
imports nothing from core; the caller (branchguard.context) translates it for the user.

Alembic is imported only when the schema must change: a database already at head is recognised
from the revision files' names, which keeps every start of the app and the CLI fast.
"""

from __future__ import annotations

import enum
import hashlib
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from branchguard.db.engine import refresh_statistics

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
VERSIONS_DIR = MIGRATIONS_DIR / "versions"


class SchemaAction(enum.StrEnum):
    CREATED = "created"
    UPGRADED = "upgraded"
    CURRENT = "current"


class SchemaProblem(Exception):
    """The database cannot be used by this version: `key` names the message (schema.newer,
    schema.foreign, schema.backup_failed, schema.upgrade_failed) and `params` fill its placeholders,
    as text."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key, params)
        self.key = key
        self.params = {name: str(value) for name, value in params.items()}


@dataclass(frozen=True)
class SchemaReport:
    action: SchemaAction
    from_revision: str | None
    to_revision: str
    backup: Path | None = None


SCHEMA_LOCK_KEY = 0x42474D53  # "BGMS": the PostgreSQL advisory lock held while the schema is made or upgraded


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def known_revisions() -> list[str]:
    """Revision ids in order, read from the file names (`0003_what_it_does.py` is revision 0003).

    A test checks this convention against Alembic's own view of the revision graph.
    """
    return sorted(p.name.split("_", 1)[0] for p in VERSIONS_DIR.glob("[0-9]*_*.py"))


def head_revision() -> str:
    return known_revisions()[-1]


def current_revision(engine: Engine) -> str | None:
    """The stamped revision, or None for a database without an alembic_version table."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except DBAPIError:
            return None


def backup_sqlite(engine: Engine, backup_dir: Path, label: str) -> Path:
    """Online copy of the SQLite file (consistent even with WAL) before touching the schema. It is
    written under a `.part` name and renamed once whole: a copy cut short (a full disk, a power cut)
    is never a file named as a backup; one an earlier start left cut short goes."""
    db_path = engine.url.database
    assert db_path
    backup_dir.mkdir(parents=True, exist_ok=True)
    prefix = f"{Path(db_path).stem}-{label}-"
    _remove(backup_dir.glob(f"{prefix}*.sqlite.part*"))
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backup_dir / f"{prefix}{stamp}.sqlite"
    part = target.with_name(f"{target.name}.part")
    src = sqlite3.connect(db_path)
    dst = sqlite3.connect(part)
    try:
        src.backup(dst)
    except BaseException:
        dst.close()
        _remove((part, part.with_name(f"{part.name}-journal")))
        raise
    finally:
        dst.close()
        src.close()
    part.replace(target)
    return target


def _remove(paths: Iterable[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


def _same_as_before(copy: Path) -> Path:
    """`copy`, or the copy an earlier start made before the same upgrade when it holds the same bytes
    (that upgrade failed and changed nothing): each start on a database whose upgrade fails made one
    more full copy (28 MB a start at a year of history), and nobody is told which to keep."""
    earlier = sorted(p for p in copy.parent.glob(f"{copy.stem.rsplit('-', 1)[0]}-*.sqlite") if p != copy)
    last = earlier[-1] if earlier else None
    if last is not None and last.stat().st_size == copy.stat().st_size and _digest(last) == _digest(copy):
        copy.unlink()
        return last
    return copy


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def prepare_database(
    engine: Engine,
    backup_dir: Path | None = None,
    *,
    read_only: bool = False,
    create: bool = True,
    before_upgrade: Callable[[], None] | None = None,
) -> SchemaReport:
    """Bring the database to the code's schema, or raise SchemaProblem without changing it. A
    read-only start changes nothing: a database not at head is refused. Without `create`, an empty
    database is refused too, not given the schema (a command that needs a login, pointed at a
    server's new database, once made every table and then said the password was wrong).
    `before_upgrade` runs once an upgrade is decided, before its copy: raising, it prevents both."""
    head = head_revision()
    current = current_revision(engine)
    if current == head:
        return SchemaReport(SchemaAction.CURRENT, current, head)
    if current is None:
        if inspect(engine).get_table_names():
            raise SchemaProblem("schema.foreign")
        if read_only or not create:
            raise SchemaProblem("schema.empty", database=engine.url.database or "")
        return _create(engine, head)
    if current not in known_revisions():
        raise SchemaProblem("schema.newer", revision=current, head=head)
    if read_only:  # an older one, that reading alone cannot upgrade (a newer one is said so above)
        raise SchemaProblem("fault.read_only_outdated", path=engine.url.database or engine.url.host or "")
    if before_upgrade is not None:
        before_upgrade()
    return _upgrade(engine, current, head, backup_dir)


def _create(engine: Engine, head: str) -> SchemaReport:
    from alembic import command

    from branchguard.db.tables import Base  # every model: only a new database needs them all

    cfg = alembic_config()
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Two first starts at once (two PCs, two commands) both found no schema: one makes it,
            # the other waits here and then finds it made, instead of failing halfway through.
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY})
            if inspect(conn).has_table("alembic_version"):
                return SchemaReport(SchemaAction.CURRENT, head, head)
        Base.metadata.create_all(conn)
        cfg.attributes["connection"] = conn
        command.stamp(cfg, "head")
    return SchemaReport(SchemaAction.CREATED, None, head)


def _upgrade(engine: Engine, current: str, head: str, backup_dir: Path | None) -> SchemaReport:
    from alembic import command

    backup = None
    if engine.url.get_backend_name() == "sqlite" and backup_dir is not None:
        try:
            backup = _same_as_before(backup_sqlite(engine, backup_dir, f"before-{head}"))
        except (OSError, sqlite3.Error) as exc:  # no copy, no upgrade: the database is as it was
            raise SchemaProblem("schema.backup_failed", head=head, folder=backup_dir, error=exc) from exc
    cfg = alembic_config()
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "sqlite":
                # The driver begins a transaction only at a write: a revision's DDL before it was
                # committed at once, so a later revision failing left the file half upgraded.
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            else:  # two PCs upgrading at once: the second waits here, then finds it done (below)
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY})
            if conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head:
                return SchemaReport(SchemaAction.CURRENT, head, head)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except Exception as exc:  # the backup above is the way back (none on a server): say where it is
        # The driver's words, without SQLAlchemy's statement and its link to the web.
        said = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
        raise SchemaProblem("schema.upgrade_failed", error=said, backup=backup or "") from exc
    refresh_statistics(engine, full=True)  # a revision may have added indexes the planner should weigh
    return SchemaReport(SchemaAction.UPGRADED, current, head, backup)
