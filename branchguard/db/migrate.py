"""Start-up schema handling: create and stamp a new database, back up and upgrade an older one,
refuse one written by a newer BranchGuard and leave it untouched."""

from __future__ import annotations

import enum
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from branchguard.core.errors import SchemaError
from branchguard.core.i18n import t
from branchguard.db.base import Base

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class SchemaAction(enum.StrEnum):
    CREATED = "created"
    UPGRADED = "upgraded"
    CURRENT = "current"


@dataclass(frozen=True)
class SchemaReport:
    action: SchemaAction
    from_revision: str | None
    to_revision: str
    backup: Path | None = None


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def backup_sqlite(engine: Engine, backup_dir: Path, label: str) -> Path:
    """Online copy of the SQLite file (consistent even with WAL) before touching the schema."""
    db_path = engine.url.database
    assert db_path
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backup_dir / f"{Path(db_path).stem}-{label}-{stamp}.sqlite"
    src = sqlite3.connect(db_path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def prepare_database(engine: Engine, backup_dir: Path | None = None) -> SchemaReport:
    """Bring the database to the code's schema, or raise SchemaError without changing it."""
    head = head_revision()
    current = current_revision(engine)
    cfg = alembic_config()
    if current is None:
        if inspect(engine).get_table_names():
            raise SchemaError(t("schema.foreign"))
        Base.metadata.create_all(engine)
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.stamp(cfg, "head")
        return SchemaReport(SchemaAction.CREATED, None, head)
    if current == head:
        return SchemaReport(SchemaAction.CURRENT, current, head)
    if current not in _known_revisions():
        raise SchemaError(t("schema.newer", revision=current, head=head))
    backup = None
    if engine.url.get_backend_name() == "sqlite" and backup_dir is not None:
        backup = backup_sqlite(engine, backup_dir, f"before-{head}")
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except Exception as exc:  # the backup above is the way back; say where it is
        raise SchemaError(t("schema.upgrade_failed", error=exc, backup=backup or "-")) from exc
    return SchemaReport(SchemaAction.UPGRADED, current, head, backup)
