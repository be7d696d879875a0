"""The incident log's partial indexes exist with their conditions on both engines, whether the schema
was created from the models or built by the migrations."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from branchguard.db.models.incidents import CORRECTIONS_WHERE, STEP_MARKS_WHERE

NAMES = ("ix_incident_log_corrections", "ix_incident_log_step_marks")


def _definitions(url: str) -> dict[str, str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                rows = conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'index'"))
            else:
                sql = "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'incident_log'"
                rows = conn.execute(text(sql))
            return {name: sql or "" for name, sql in rows if name in NAMES}
    finally:
        engine.dispose()


@pytest.mark.parametrize("how", ["models", "migrations"])
def test_partial_indexes_carry_their_conditions(how: str, db_url: str, tmp_path) -> None:
    from alembic import command

    from branchguard.db.engine import make_engine
    from branchguard.db.migrate import alembic_config, prepare_database

    if how == "models":
        engine = make_engine(db_url)
        prepare_database(engine, tmp_path / "backups")
        engine.dispose()
    else:
        cfg = alembic_config()
        cfg.set_main_option("sqlalchemy.url", db_url.replace("%", "%%"))
        command.upgrade(cfg, "head")
    found = _definitions(db_url)
    assert set(found) == set(NAMES)
    # PostgreSQL spells the condition back its own way: look for the condition's own words.
    conditions = {NAMES[0]: (CORRECTIONS_WHERE, "corrects"), NAMES[1]: (STEP_MARKS_WHERE, "step_done")}
    for name, (where, word) in conditions.items():
        assert "WHERE" in found[name].upper() and word in found[name], (name, where, found[name])
