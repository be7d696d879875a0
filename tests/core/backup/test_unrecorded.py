"""A backup written whole that the audit trail cannot take (the disk it filled) stays, and the
refusal says so: it said "the change was NOT saved" of a complete archive, and the scheduled retries
filled the disk further."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from branchguard.core.backup import service as backup_service
from branchguard.core.backup.archive import BackupError
from branchguard.core.kernel.types import Actor


def test_a_complete_backup_the_trail_cannot_record_is_kept_and_said_to_be_complete(
    ctx: Any, lead: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_args: Any, **_kwargs: Any) -> None:
        driver = sqlite3.OperationalError("database or disk is full")
        raise OperationalError("INSERT INTO audit_events", {}, driver)

    monkeypatch.setattr(backup_service, "record", full)
    out = tmp_path / "out" / "backup.zip"
    out.parent.mkdir()
    with pytest.raises(BackupError) as refused:
        ctx.services.backup.create(lead, ctx.config.db_url, out)
    said = refused.value.text("en")
    assert said == (
        f"the backup {out} was written and is complete, but it could not be recorded in the audit trail "
        "(database or disk is full)"
    )
    with zipfile.ZipFile(out) as archive:
        assert archive.testzip() is None and "manifest.json" in archive.namelist()
