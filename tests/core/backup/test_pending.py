"""A restore asked for in Settings is done at the next start, before the database opens: the same
records and files, the old data set aside, the restore in the restored audit trail; a damaged
archive changes nothing and is not retried; only the lead may ask, and a PostgreSQL install cannot
take an SQLite database."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from branchguard.context import open_after_pending_restore, open_context
from branchguard.core.audit.service import AuditFilter
from branchguard.core.backup import pending
from branchguard.core.backup.archive import BackupError
from branchguard.core.backup.types import DATABASE_NAME, BackupManifest, ManifestFile
from branchguard.core.kernel.errors import PermissionDenied
from branchguard.core.kernel.types import Actor, Role
from tests.backup_archive import one_revision_back, rewrite
from tests.cli.test_backup_cli import files_under, records

LEAD = Actor(user_id=None, username="lead", role=Role.LEAD)


@pytest.fixture
def archive(tmp_path: Path, demo_folder: Callable[[Path], Path]) -> tuple[Path, Path]:
    """A demo branch with an attachment, and an archive of it: (its data folder, the archive)."""
    data = demo_folder(tmp_path / "branch")  # with drill runs: incident logs to verify
    ctx = open_context(data, lang="en")
    try:
        ctx.services.files.add_bytes("cctv.jpg", b"\xff\xd8 still of the counter")
        out = tmp_path / "copy.zip"
        ctx.services.backup.create(LEAD, ctx.config.db_url, out)
    finally:
        ctx.close()
    return data, out


def _request(target: Path, archive: Path) -> None:
    ctx = open_context(target, lang="en")
    try:
        manifest = ctx.services.backup.check(LEAD, archive)
        assert manifest.counts["incident_log"] > 0
        ctx.services.backup.request_restore(LEAD, ctx.config.db_url, archive, manifest)
        asked = ctx.services.backup.pending_restore()
        assert asked is not None and asked.archive == archive.resolve() and asked.requested_by == "lead"
        events = ctx.services.audit.list(LEAD, AuditFilter(action_prefix="backup.restore_requested"))
        assert [e.entity_id for e in events] == [archive.name]
    finally:
        ctx.close()


# Audit events (the backup's, the restore's) written after the archive was made, and their ledger entries.
RESTORE_RECORDS = frozenset({"audit_events", "ledger_entries", "ledger_head"})


def test_the_next_start_restores_what_was_asked(fresh_data_dir: Path, archive: tuple[Path, Path]) -> None:
    source, zipped = archive
    target = fresh_data_dir
    _request(target, zipped)

    ctx, outcome = open_after_pending_restore(target, lang="en")
    try:
        assert outcome is not None and outcome.ok, outcome
        assert outcome.note.key == "backup.restored_at_start"
        assert "hash chains intact" in outcome.note.text("en")
        assert not pending.marker_path(target).exists()
        events = ctx.services.audit.list(LEAD, AuditFilter(action_prefix="backup.restore"))
        restored = [e for e in events if e.action == "backup.restore"]
        assert len(restored) == 1 and restored[0].after["requested_by"] == "lead"
    finally:
        ctx.close()
    mine = records(target / "branchguard.sqlite")
    theirs = records(source / "branchguard.sqlite")
    for table in theirs:  # the restore's own audit event aside, and its entry in the ledger
        if table not in RESTORE_RECORDS:
            assert mine[table] == theirs[table], table
    assert files_under(target / "attachments") == files_under(source / "attachments")
    aside = [p for p in target.iterdir() if p.name.startswith("before-restore-")]
    assert len(aside) == 1 and (aside[0] / "branchguard.sqlite").is_file()

    again, nothing = open_after_pending_restore(target, lang="en")  # done once, not at every start
    again.close()
    assert nothing is None


def test_a_damaged_archive_changes_nothing_and_is_not_retried(
    fresh_data_dir: Path, archive: tuple[Path, Path]
) -> None:
    _source, zipped = archive
    target = fresh_data_dir
    _request(target, zipped)
    before = records(target / "branchguard.sqlite")
    data = bytearray(zipped.read_bytes())
    data[len(data) // 2] ^= 0xFF
    zipped.write_bytes(bytes(data))

    ctx, outcome = open_after_pending_restore(target, lang="en")
    ctx.close()
    assert outcome is not None and not outcome.ok
    assert outcome.note.key == "backup.restore_at_start_failed"
    assert "nothing was changed" in outcome.note.text("en")
    assert not pending.marker_path(target).exists()
    assert not any(p.name.startswith("before-restore-") for p in target.iterdir())
    after = records(target / "branchguard.sqlite")
    assert {t: rows for t, rows in after.items() if t not in RESTORE_RECORDS} == {
        t: rows for t, rows in before.items() if t not in RESTORE_RECORDS
    }


def test_only_the_lead_asks_and_cancel_is_audited(
    ctx: Any, lead: Actor, staff: Actor, tmp_path: Path
) -> None:
    backup, url = ctx.services.backup, ctx.config.db_url
    archive = tmp_path / "any.zip"
    with_db = BackupManifest(
        datetime.now(UTC), "1.0", None, "sqlite", (ManifestFile(DATABASE_NAME, 1, "0" * 64),)
    )
    with pytest.raises(PermissionDenied):
        backup.request_restore(staff, url, archive, with_db)
    with pytest.raises(PermissionDenied):
        backup.check(staff, archive)
    assert backup.pending_restore() is None
    without_db = BackupManifest(datetime.now(UTC), "1.0", None, "postgresql", ())
    if ctx.engine.dialect.name == "sqlite":
        # one made on PostgreSQL has no database: here it would leave the folder with none
        with pytest.raises(BackupError) as refused:
            backup.request_restore(lead, url, archive, without_db)
        assert refused.value.content.key == "backup.holds_no_database"
        assert backup.pending_restore() is None
        backup.request_restore(lead, url, archive, with_db)
    else:  # the archive's SQLite database cannot go into a PostgreSQL install: pg_restore does
        with pytest.raises(BackupError) as refused:
            backup.request_restore(lead, url, archive, with_db)
        assert refused.value.content.key == "backup.needs_sqlite"
        assert backup.pending_restore() is None
        backup.request_restore(lead, url, archive, without_db)
    assert backup.pending_restore() is not None
    assert backup.cancel_restore(lead) is True
    assert backup.pending_restore() is None and backup.cancel_restore(lead) is False
    actions = [e.action for e in ctx.services.audit.list(lead, AuditFilter(action_prefix="backup."))]
    assert sorted(actions) == ["backup.restore_cancelled", "backup.restore_requested"]


def test_a_restore_at_start_checks_the_restored_data_against_its_ledger(
    tmp_path: Path, demo_folder: Callable[[Path], Path]
) -> None:
    import sqlite3

    data = demo_folder(tmp_path / "branch")
    # An inspection answer changed outside the app after submission: no log chain covers it.
    with sqlite3.connect(data / "branchguard.sqlite") as db:
        answer = db.execute("SELECT id FROM inspection_answers ORDER BY id LIMIT 1").fetchone()[0]
        db.execute("UPDATE inspection_answers SET note = 'forged' WHERE id = ?", (answer,))
    ctx = open_context(data, lang="en")
    try:
        archive = tmp_path / "forged.zip"
        ctx.services.backup.create(LEAD, ctx.config.db_url, archive)
    finally:
        ctx.close()
    target = tmp_path / "target"
    _request(target, archive)
    ctx, outcome = open_after_pending_restore(target, lang="en")
    ctx.close()
    assert outcome is not None and not outcome.ok
    assert outcome.note.key == "backup.restored_check_failed"
    text = outcome.note.text("en")
    assert f"inspection_answer {answer}" in text and "note" in text


def test_the_start_says_the_settings_left_out_and_what_the_check_warns_of(
    fresh_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`branchguard restore` names the backup's settings it did not bring back (its PC's backup
    folder: a new PC's backups would go elsewhere without a word) and verify's warnings; the
    window's start after a restore asked for in Settings said neither."""
    from branchguard.config import LocalSettings
    from tests.core.incidents.test_clock_back import clock_set_back_during
    from tests.pc_clock import set_pc_clock

    source = tmp_path / "branch"
    ctx = open_context(source, lang="en")
    try:
        ctx.services.demo.fill()
        lead = ctx.services.auth.login("lead", "lead-demo-2026")
        iid = clock_set_back_during(ctx, lead, set_pc_clock(monkeypatch))
        zipped = tmp_path / "copy.zip"
        LocalSettings(source).set("backup_dir", str(tmp_path / "their-backups"))
        ctx.services.backup.create(LEAD, ctx.config.db_url, zipped)
    finally:
        ctx.close()
    _request(fresh_data_dir, zipped)

    ctx, outcome = open_after_pending_restore(fresh_data_dir, lang="en")
    ctx.close()
    assert outcome is not None and outcome.ok, outcome
    paragraphs = outcome.text().split("\n\n")
    assert paragraphs[0] == outcome.note.text() and len(paragraphs) == 3, paragraphs
    assert f"backup_dir = {tmp_path / 'their-backups'}" in paragraphs[1]
    assert f"incident {iid}" in paragraphs[2] and "entry 3 is earlier than entry 2" in paragraphs[2]


def test_the_start_says_an_older_backup_was_brought_to_this_schema(
    fresh_data_dir: Path, archive: tuple[Path, Path], tmp_path: Path
) -> None:
    from branchguard.db.migrate import head_revision

    _source, zipped = archive
    with zipfile.ZipFile(zipped) as zf:
        database, manifest = zf.read("database/branchguard.sqlite"), json.loads(zf.read("manifest.json"))
    change = one_revision_back(database, manifest, tmp_path)
    older = tmp_path / "older.zip"
    rewrite(zipped, older, change)
    _request(fresh_data_dir, older)

    ctx, outcome = open_after_pending_restore(fresh_data_dir, lang="en")
    ctx.close()
    assert outcome is not None and outcome.ok, outcome
    was = json.loads(change["manifest.json"])["schema_revision"]
    assert [m.key for m in outcome.also] == ["cli.restore.upgraded"]
    assert f"(schema {was}) and was brought to this version's (schema {head_revision()})" in outcome.text()
