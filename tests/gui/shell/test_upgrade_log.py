"""The window's start that upgrades the schema writes it in the log, with where the copy went: its
log began only once the context was open, so the line was said to no handler and lost."""

from __future__ import annotations

import shutil
from pathlib import Path

from branchguard.app import ContextOpening
from branchguard.db.migrate import SchemaAction, head_revision

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "db" / "schema_0001.sqlite"


def test_the_windows_upgrade_is_in_the_log_with_its_copy(tmp_path: Path, qapp) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(FIXTURE, data / "branchguard.sqlite")

    ctx = ContextOpening((str(data), None, "en")).result()
    try:
        assert ctx.schema.action is SchemaAction.UPGRADED
        logged = (data / "logs" / "branchguard.log").read_text(encoding="utf-8")
    finally:
        ctx.close()
    assert f"schema upgraded: 0001 -> {head_revision()} (backup: {ctx.schema.backup})" in logged
