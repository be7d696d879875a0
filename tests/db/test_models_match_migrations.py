"""The migrations, run from an empty database, build exactly the schema the models declare."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from branchguard.db.engine import make_engine, sqlite_url
from branchguard.db.migrate import alembic_config
from branchguard.db.models.incidents import FTS_TABLE
from branchguard.db.tables import Base


def _ours(name: str | None, type_: str, _parent: object) -> bool:
    """FTS5 virtual tables and their shadow tables are created by raw DDL, not declared as models."""
    return not (type_ == "table" and name is not None and name.startswith(FTS_TABLE))


def test_migrations_build_the_models_schema(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "m.sqlite"))
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "include_name": _ours})
        diff = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert diff == []
