"""`branchguard backup` and `restore`: a round trip gives the same records and files, and a bad archive
changes nothing."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from branchguard.context import open_context
from branchguard.core.backup.rules import archive_name
from tests.backup_archive import one_revision_back, rewrite, with_database
from tests.cli.cli_support import as_user, invoke
from tests.zip_damage import damage_stream, rename_in_directory, undecodable_in_directory

Rows = dict[str, list[tuple[object, ...]]]


def records(db: Path) -> Rows:
    """Every row of every table, in a stable order (the search index's shadow tables aside)."""
    conn = sqlite3.connect(db)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE '%fts_%' ORDER BY name"
            )
        ]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        conn.close()


def files_under(folder: Path) -> dict[str, bytes]:
    """The folder's files and contents, its log aside (every command writes a line there)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and "logs" not in p.relative_to(folder).parts
    }


@pytest.fixture
def branch(tmp_path: Path, demo_folder: Callable[[Path], Path]) -> Path:
    """A data folder with the demo branch and two attachments."""
    data = demo_folder(tmp_path / "branch")
    ctx = open_context(data)
    try:
        ctx.services.files.add_bytes("cctv.jpg", b"\xff\xd8 still of the counter")
        ctx.services.files.add_bytes("voucher.pdf", b"%PDF-1.4 voucher")
    finally:
        ctx.close()
    return data


def test_backup_then_restore_into_an_empty_folder_gives_the_same_records_and_files(
    branch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert records(branch / "branchguard.sqlite")["incident_log"], "the drill runs give verify its logs"
    archive = tmp_path / "copy.zip"
    code, out, err = invoke(capsys, branch, ["backup", "-o", str(archive)], "en")
    assert (code, err) == (0, "")
    assert f"backup written: {archive}" in out
    # What the archive holds: the branch as it was when written (the lead's login for the backup
    # included), not the backup's own event, recorded after it.
    before = records(branch / "branchguard.sqlite")
    made = [row for row in before["audit_events"] if row[3] == "backup.create"]
    assert len(made) == 1
    before["audit_events"].remove(made[0])
    with zipfile.ZipFile(archive) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["counts"]["incident_log"] == len(before["incident_log"])

    target = tmp_path / "restored"
    code, out, err = invoke(capsys, target, ["restore", str(archive), "--yes"], "en")
    assert (code, err) == (0, ""), err
    assert f"restored into {target}" in out
    assert "hash chains intact" in out
    restored_records = records(target / "branchguard.sqlite")
    # The restore is on the restored database's own trail, as one done at the window's start is
    # (into an empty folder: nobody could log in, so no one asked for it by name).
    done = [row for row in restored_records["audit_events"] if row[3] == "backup.restore"]
    assert len(done) == 1 and str(archive.resolve()) in str(done[0]), done
    restored_records["audit_events"].remove(done[0])
    # The ledger went on after the archive was written (the backup's own event is ledgered too):
    # the archive's ledger is the source's up to its head, and verify below proves it consistent.
    ledger = ("ledger_entries", "ledger_head")
    added = set(restored_records["ledger_entries"]) - set(before["ledger_entries"])
    assert len(added) == 1, added  # the restore's own audit event, ledgered as every record is
    restored_records["ledger_entries"] = [e for e in restored_records["ledger_entries"] if e not in added]
    assert set(restored_records["ledger_entries"]) <= set(before["ledger_entries"])
    assert {k: v for k, v in restored_records.items() if k not in ledger} == {
        k: v for k, v in before.items() if k not in ledger
    }
    assert files_under(target / "attachments") == files_under(branch / "attachments")
    restored = set(files_under(target / "attachments").values())
    assert {b"\xff\xd8 still of the counter", b"%PDF-1.4 voucher"} <= restored
    assert invoke(capsys, target, ["verify"], "en")[0] == 0
    # The backup itself is on the record of the branch it was made from.
    audit = records(branch / "branchguard.sqlite")["audit_events"]
    assert any("backup.create" in map(str, row) for row in audit)


def test_restoring_over_data_moves_that_data_aside_first(
    branch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "copy.zip"
    assert invoke(capsys, branch, ["backup", "-o", str(archive)], "en")[0] == 0
    other = tmp_path / "other"
    assert invoke(capsys, other, ["demo"], "en")[0] == 0
    old = records(other / "branchguard.sqlite")
    code, out, err = invoke(capsys, other, ["restore", str(archive), "--yes"], "en")
    assert (code, err) == (0, "")
    aside = [p for p in other.iterdir() if p.name.startswith("before-restore-")]
    assert len(aside) == 1 and f"the data that was there is in {aside[0]}" in out
    moved = records(aside[0] / "branchguard.sqlite")
    # the data in place, with the login of the lead who restored over it (that database had accounts)
    new_events = [row for row in moved["audit_events"] if row not in old["audit_events"]]
    assert [(row[2], row[3]) for row in new_events] == [("lead", "user.login")]
    restored = records(other / "branchguard.sqlite")["audit_events"]
    done = [row for row in restored if row[3] == "backup.restore"]
    assert len(done) == 1 and '"requested_by": "lead"' in str(done[0]), done  # who restored, by name
    unchanged = set(old) - {"audit_events", "users", "ledger_entries", "ledger_head"}
    assert {t: moved[t] for t in unchanged} == {t: old[t] for t in unchanged}


def _older_that_cannot_upgrade(database: bytes, manifest: dict[str, Any], tmp_path: Path) -> dict[str, bytes]:
    """The archive's database stamped back to before 0022, whose index is already there: an
    upgrade of it fails as an older database a migration cannot take would. (Named, not "one
    back": the head may change nothing, as 0023 does, and then its upgrade runs again cleanly.)"""
    db = tmp_path / "older.sqlite"
    db.write_bytes(database)
    older = "0021"
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (older,))
    conn.close()
    return with_database(db.read_bytes(), manifest, older)


@pytest.mark.parametrize(
    "damage",
    [
        "byte",
        "stream",
        "manifest_stream",
        "directory_name",
        "directory_undecodable",
        "truncated",
        "newer_schema",
        "escape",
        "not_zip",
        "cannot_upgrade",
    ],
)
def test_a_bad_archive_is_refused_and_nothing_changes(
    damage: str,
    branch: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    demo_folder: Callable[[Path], Path],
) -> None:
    archive = tmp_path / "copy.zip"
    assert invoke(capsys, branch, ["backup", "-o", str(archive)], "en")[0] == 0
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(archive) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        database = zf.read("database/branchguard.sqlite")
    if damage == "byte":
        flipped = bytearray(database)
        flipped[len(flipped) // 2] ^= 0x01
        rewrite(archive, bad, {"database/branchguard.sqlite": bytes(flipped)})
        expected = "does not match its recorded SHA-256"
    elif damage in ("stream", "manifest_stream"):  # a changed byte inside the compressed data
        member = "manifest.json" if damage == "manifest_stream" else "database/branchguard.sqlite"
        damage_stream(archive, member, bad)
        expected = "is damaged or unreadable (Error -3 while decompressing data: invalid block type)"
    elif damage == "directory_name":  # a byte changed in the zip's list of files: it read "no valid manifest"
        rename_in_directory(archive, "manifest.json", bad)
        expected = f"{bad} is damaged or unreadable (File name in directory"
    elif damage == "directory_undecodable":  # it went up as a traceback (UnicodeDecodeError)
        undecodable_in_directory(archive, "manifest.json", bad)
        expected = f"{bad} is damaged or unreadable ("
    elif damage == "truncated":
        bad.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
        expected = "not a zip file, or its end is damaged"  # the zip's directory is at its end
    elif damage == "newer_schema":
        manifest["schema_revision"] = "9999"
        rewrite(archive, bad, {"manifest.json": json.dumps(manifest).encode()})
        expected = "newer than this BranchGuard knows"
    elif damage == "escape":
        manifest["files"].append({"path": "../outside.txt", "size": 1, "sha256": "0" * 64})
        rewrite(archive, bad, {"manifest.json": json.dumps(manifest).encode()})
        expected = "outside the data folder"
    elif damage == "cannot_upgrade":  # restored, it once set the data in place aside and opened no more
        rewrite(archive, bad, _older_that_cannot_upgrade(database, manifest, tmp_path))
        expected = "cannot be brought up to this version of BranchGuard (index"
    else:
        bad.write_text("not an archive")
        expected = "is not a BranchGuard backup (not a zip file"
    target = demo_folder(tmp_path / "target")
    before, rows = files_under(target), records(target / "branchguard.sqlite")
    code, _out, err = invoke(capsys, target, ["restore", str(bad), "--yes"], "en")
    assert code == 1 and expected in err and "Traceback" not in err
    assert "nothing was changed" in err and "no valid manifest.json" not in err
    after = files_under(target)
    if damage == "cannot_upgrade":  # refused once the lead had logged in: the login is on record

        def kept(tables: Rows) -> Rows:
            login = ("audit_events", "users", "ledger_entries", "ledger_head")  # its record, last login
            return {t: r for t, r in tables.items() if t not in login}

        assert kept(records(target / "branchguard.sqlite")) == kept(rows)
        del before["branchguard.sqlite"], after["branchguard.sqlite"]
    assert after == before
    assert not (tmp_path / "outside.txt").exists()


def test_restoring_a_file_that_is_not_there_says_so(
    branch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As `playbook import` says it of a missing file, not "is not a backup file"."""
    missing = tmp_path / "nonexistent.zip"
    before = files_under(branch)
    code, out, err = invoke(capsys, branch, ["restore", str(missing), "--yes"], "en")
    assert (code, out) == (1, "")
    assert err == f"branchguard: error: File: '{missing}' does not exist\n"
    assert files_under(branch) == before  # refused before any login
    code, _out, err = invoke(capsys, branch, ["playbook", "import", str(missing)], "en")
    assert code == 1 and err.endswith(f"'{missing}' does not exist\n")
    code, _out, err = invoke(capsys, branch, ["restore", str(tmp_path), "--yes"], "en")
    assert code == 1 and "is not a backup file" in err  # there, but a folder


def test_restore_over_data_asks_first_and_into_a_new_folder_does_not(
    branch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Over data in place it asks; into a folder without a database it has nothing to replace, and
    it said it "replaces the data in" that folder."""
    archive = tmp_path / "copy.zip"
    assert invoke(capsys, branch, ["backup", "-o", str(archive)], "en")[0] == 0
    code, _out, err = invoke(capsys, branch, ["restore", str(archive)], "en")
    assert code == 1 and f"restoring replaces the data in {branch}" in err and "add --yes" in err
    assert not [p for p in branch.iterdir() if p.name.startswith("before-restore-")]
    target = tmp_path / "target"
    code, out, err = invoke(capsys, target, ["restore", str(archive)], "en")
    assert (code, err) == (0, "") and f"restored into {target}" in out
    assert (target / "branchguard.sqlite").exists()


def test_a_busy_database_is_not_replaced(
    branch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "copy.zip"
    assert invoke(capsys, branch, ["backup", "-o", str(archive)], "en")[0] == 0
    writer = sqlite3.connect(branch / "branchguard.sqlite")
    try:
        writer.execute("BEGIN IMMEDIATE")  # another program in the middle of a write
        code, _out, err = invoke(capsys, branch, ["restore", str(archive), "--yes"], "en")
    finally:
        writer.rollback()
        writer.close()
    # no BranchGuard is open on the folder: it is not blamed (tests/core/faults names one that is)
    assert code == 1 and "locked by another program (not BranchGuard)" in err
    assert not [p for p in branch.iterdir() if p.name.startswith("before-restore-")]


def test_automatic_backups_go_to_the_backup_folder_and_old_ones_are_pruned(
    branch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    from datetime import datetime, timedelta

    old = [archive_name(datetime(2025, 1, 1) + timedelta(days=d)) for d in range(5)]
    for name in old:
        (folder / name).write_bytes(b"old")
    (folder / "keep-me.zip").write_bytes(b"hand-made")
    (branch / "settings.ini").write_text(
        f"[branchguard]\nbackup_dir = {folder}\nbackup_keep_daily = 2\nbackup_keep_monthly = 1\n",
        encoding="utf-8",
    )
    code, out, err = invoke(capsys, branch, ["backup"], "en")
    assert (code, err) == (0, "")
    left = sorted(p.name for p in folder.iterdir())
    made = [n for n in left if n not in old and n != "keep-me.zip"]
    assert len(made) == 1 and f"backup written: {folder / made[0]}" in out
    # Two days kept: today's new one and the newest old day; the month is today's.
    assert left == sorted(["keep-me.zip", old[-1], made[0]])
    assert "older automatic backups removed: 4" in out


def test_on_postgresql_the_archive_says_the_database_is_not_in_it(tmp_path: Path) -> None:
    from branchguard.core.backup.archive import create_backup

    data = tmp_path / "pg"
    (data / "attachments" / "ab").mkdir(parents=True)
    (data / "attachments" / "ab" / "ab12").write_bytes(b"x")
    result = create_backup(data, "postgresql+psycopg://u@/branchguard", tmp_path / "pg.zip", "test")
    assert not result.manifest.has_database and result.manifest.database == "postgresql"
    assert [f.path for f in result.manifest.files] == ["attachments/ab/ab12"]


def test_an_archive_without_a_database_is_not_restored_into_an_sqlite_folder(
    branch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A PostgreSQL install's archive restored into an SQLite folder once set its database aside and
    put none in its place: every login then failed."""
    from branchguard.core.backup.archive import create_backup

    source = tmp_path / "pg"
    (source / "attachments" / "ab").mkdir(parents=True)
    (source / "attachments" / "ab" / "ab12").write_bytes(b"x")
    archive = tmp_path / "pg.zip"
    create_backup(source, "postgresql+psycopg://u@/branchguard", archive, "test")
    before = sorted(p.name for p in branch.iterdir() if p.name != "logs")
    code, out, err = invoke(capsys, branch, ["restore", "--yes", str(archive)], "en")
    assert code == 1 and f"{archive} holds no database" in err, (out, err)
    after = sorted(p.name for p in branch.iterdir() if p.name != "logs")
    assert after == before  # nothing set aside, nothing placed
    assert invoke(capsys, branch, ["incident", "list"], "en")[0] == 0


def test_a_folder_with_an_open_window_is_not_restored_but_a_stale_lock_does_not_stop_it(
    branch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import subprocess
    import sys

    from branchguard.core.faults.holders import host_name, window_lock_name

    archive = tmp_path / "copy.zip"
    assert invoke(capsys, branch, ["backup", "-o", str(archive)], "en")[0] == 0
    lock = branch / window_lock_name()
    window = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    try:
        lock.write_text(f"{window.pid}\npython3\n{host_name()}\n", encoding="utf-8")  # as QLockFile writes it
        code, _out, err = invoke(capsys, branch, ["restore", str(archive), "--yes"], "en")
        assert code == 1 and f"BranchGuard is open on {branch} (PID {window.pid})" in err
        assert not [p for p in branch.iterdir() if p.name.startswith("before-restore-")]
    finally:
        window.kill()
        window.wait(timeout=30)
    code, _out, err = invoke(capsys, branch, ["restore", str(archive), "--yes"], "en")  # that window is gone
    assert (code, err) == (0, "")


def test_a_crashed_windows_lock_whose_pid_went_to_another_process_does_not_stop_a_restore(
    branch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The window was killed (or the PC lost power) and its PID went to another Python process since:
    the restore was refused as "BranchGuard is open (PID …)" until that process ended. It goes ahead,
    says so in one line, and the restored audit trail records the lock disregarded."""
    import os
    import subprocess
    import sys
    import time

    from branchguard.core.faults.holders import host_name, window_lock_name
    from branchguard.core.faults.window_lock import process_started

    archive = tmp_path / "copy.zip"
    assert invoke(capsys, branch, ["backup", "-o", str(archive)], "en")[0] == 0
    lock = branch / window_lock_name()
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    try:
        if process_started(other.pid) is None:
            pytest.skip("this system does not say when a process started")
        lock.write_text(f"{other.pid}\npython3\n{host_name()}\n", encoding="utf-8")  # as QLockFile writes it
        hour_ago = time.time() - 3600
        os.utime(lock, (hour_ago, hour_ago))  # written by the crashed window, before that process started
        code, out, err = invoke(capsys, branch, ["restore", str(archive), "--yes"], "en")
    finally:
        other.kill()
        other.wait(timeout=30)
    assert (code, err) == (0, "")
    said = [line for line in out.splitlines() if "ended without closing" in line]
    assert len(said) == 1 and f"(PID {other.pid}, since " in said[0], out
    events = records(branch / "branchguard.sqlite")["audit_events"]
    done = [row for row in events if row[3] == "backup.restore"]
    assert len(done) == 1 and f'"stale_window_pids": [{other.pid}]' in str(done[0]), done


def test_a_restored_database_is_checked_as_a_whole_against_its_ledger(
    branch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A headline column forged outside the app: the incident logs' own chains cannot see it.
    with sqlite3.connect(branch / "branchguard.sqlite") as db:
        forged = db.execute("SELECT id FROM incidents ORDER BY id LIMIT 1").fetchone()[0]
        db.execute("UPDATE incidents SET losses_cents = 1 WHERE id = ?", (forged,))
    archive = tmp_path / "forged.zip"
    assert invoke(capsys, branch, ["backup", "-o", str(archive)], "en")[0] == 0
    code, out, err = invoke(capsys, tmp_path / "restored", ["restore", str(archive), "--yes"], "en")
    assert code == 1 and "hash chains intact" not in out
    assert f"incident {forged}" in err and "losses_cents" in err and "Traceback" not in err


@pytest.mark.parametrize("damage", ["header", "truncated", "users_page"])
def test_a_damaged_database_is_restored_over_without_a_login(
    damage: str,
    branch: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every command on a damaged database says to restore the latest backup; restore itself asked
    for a lead's login against that database and said the same again. Nobody can log in to it: it is
    set aside, whole, and the backup restored."""
    archive = tmp_path / "copy.zip"
    assert invoke(capsys, branch, ["backup", "-o", str(archive)], "en")[0] == 0
    db = branch / "branchguard.sqlite"
    data = bytearray(db.read_bytes())
    if damage == "header":
        data[:100] = bytes(range(100))
    elif damage == "users_page":  # the header sound: the accounts' own page is what cannot be read
        with sqlite3.connect(db) as conn:
            (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'users'").fetchone()
            size = conn.execute("PRAGMA page_size").fetchone()[0]
        conn.close()
        data[(root - 1) * size : root * size] = b"\xff" * size
    else:
        data = data[: len(data) // 3]
    db.write_bytes(bytes(data))
    code, _out, err = invoke(capsys, branch, ["incident", "list"], "en")
    assert code == 1 and "Restore the latest backup" in err

    with monkeypatch.context() as nobody:
        as_user(nobody, None)
        code, out, err = invoke(capsys, branch, ["restore", str(archive), "--yes"], "en")
    assert code == 0, err
    assert f"The database in place, {db}, is damaged" in out and "sets it aside, not deleted" in out
    (aside,) = branch.glob("before-restore-*")
    assert (aside / "branchguard.sqlite").read_bytes() == bytes(data)
    assert invoke(capsys, branch, ["incident", "list"], "en")[0] == 0


def test_a_backup_of_an_older_version_is_restored_brought_to_this_schema_and_says_so(
    branch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An older version's backup was restored and upgraded in silence: the lead was not told the
    restored database now needs this version (the older one refuses it)."""
    from branchguard.db.migrate import head_revision

    archive = tmp_path / "copy.zip"
    assert invoke(capsys, branch, ["backup", "-o", str(archive)], "en")[0] == 0
    with zipfile.ZipFile(archive) as zf:
        database, manifest = zf.read("database/branchguard.sqlite"), json.loads(zf.read("manifest.json"))
    older = tmp_path / "older.zip"
    change = one_revision_back(database, manifest, tmp_path)
    rewrite(archive, older, change)
    was = json.loads(change["manifest.json"])["schema_revision"]

    target = tmp_path / "restored"
    code, out, err = invoke(capsys, target, ["restore", str(older), "--yes"], "en")
    assert (code, err) == (0, ""), err
    assert f"(schema {was}) and was brought to this version's (schema {head_revision()})" in out
    assert "hash chains intact" in out
    with sqlite3.connect(target / "branchguard.sqlite") as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
    conn.close()

    again = tmp_path / "again"  # this version's own backup: nothing to say
    code, out, _err = invoke(capsys, again, ["restore", str(archive), "--yes"], "en")
    assert code == 0 and "was brought to this version's" not in out
