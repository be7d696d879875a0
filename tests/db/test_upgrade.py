"""Every released schema, kept as a committed fixture database, upgrades to head with its data.

A fixture is tests/fixtures/db/schema_<REV>.sqlite, built once by `python -m tools.make_fixture_db
<REV>` when that schema was released, with schema_<REV>.json listing its rows and a login.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, text

from branchguard.context import open_context
from branchguard.db.migrate import SchemaAction, current_revision, head_revision, known_revisions

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "db"
FIXTURE_FILES = sorted(FIXTURES.glob("schema_*.sqlite"))


def test_first_released_schema_has_a_fixture() -> None:
    revisions = [f.stem.removeprefix("schema_") for f in FIXTURE_FILES]
    assert "0001" in revisions
    assert set(revisions) <= set(known_revisions())


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.stem)
def test_fixture_database_upgrades_to_head(tmp_path: Path, fixture: Path) -> None:
    manifest: dict[str, Any] = json.loads(fixture.with_suffix(".json").read_text(encoding="utf-8"))
    data = tmp_path / "data"
    data.mkdir()
    db_file = data / "branchguard.sqlite"
    shutil.copyfile(fixture, db_file)
    original = hashlib.sha256(fixture.read_bytes()).hexdigest()

    ctx = open_context(data)
    try:
        assert ctx.schema.action is SchemaAction.UPGRADED
        assert ctx.schema.from_revision == manifest["revision"]
        assert current_revision(ctx.engine) == head_revision()
        assert "audit_events" in inspect(ctx.engine).get_table_names()

        # a backup of the file as it was, before any migration ran
        backups = list((data / "backups").glob("*.sqlite"))
        assert backups == [ctx.schema.backup]
        with closing(sqlite3.connect(f"file:{backups[0]}?mode=ro", uri=True)) as conn:
            stamped = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        assert stamped == manifest["revision"]

        with ctx.engine.connect() as conn:
            for table, rows in manifest["rows"].items():
                for row in rows:
                    stored = conn.execute(text(f"SELECT * FROM {table} WHERE id = :id"), {"id": row["id"]})
                    found = stored.mappings().one_or_none()
                    assert found is not None, f"{table} #{row['id']} lost in the upgrade"
                    for key in ("name", "username", "phone", "role", "branch_role", "notes"):
                        if key in row:
                            assert found[key] == row[key], (table, row["id"], key)

        login = manifest["login"]
        actor = ctx.services.auth.login(login["username"], login["password"])
        assert actor.username == login["username"]
        # the audit trail (added after 0001) works on the upgraded file
        assert ctx.services.audit.list(actor)[0].action == "user.login"
    finally:
        ctx.close()
    assert hashlib.sha256(fixture.read_bytes()).hexdigest() == original  # the committed file itself
