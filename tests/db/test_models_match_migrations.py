"""The migrations, run from an empty database, build exactly the schema the models declare."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from branchguard.db.engine import make_engine, sqlite_url
from branchguard.db.migrate import alembic_config
from branchguard.db.tables import Base


def test_migrations_build_the_models_schema(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "m.sqlite"))
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    engine.dispose()
    assert diff == []
