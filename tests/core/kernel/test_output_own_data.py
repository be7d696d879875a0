"""The one writer never replaces the app's own data (core/kernel/output.py, `protect`), by whatever
name it is given, while the data folder's context is open (context.own_data says what that is)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from branchguard.config import resolve
from branchguard.context import open_context, own_data
from branchguard.core.kernel import output
from branchguard.core.kernel.output import OwnData, OwnDataRefused, write_file

PDF = b"%PDF-1.4 report"
ARCHIVE = "branchguard-20260102-030405.zip"  # an automatic backup, named by its time


def refused(path: Path) -> OwnDataRefused:
    with pytest.raises(OwnDataRefused) as err:
        write_file(path, PDF)
    assert err.value.field == "field.output"
    assert err.value.reason_message.key == "output.own_data"
    return err.value


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    for name in ("keys", "attachments", "backups"):
        (folder / name).mkdir(parents=True)
    (folder / "branchguard.sqlite").write_bytes(b"SQLite format 3\x00")
    (folder / "keys" / "anchor-ed25519.pem").write_bytes(b"-----BEGIN PRIVATE KEY-----\n")
    (folder / "backups" / ARCHIVE).write_bytes(b"PK archive")
    return folder


@pytest.fixture
def protected(data: Path) -> Iterator[Path]:
    release = output.protect(
        lambda: OwnData(
            files=(data / "branchguard.sqlite", data / "branchguard.sqlite-wal", data / "backups" / ARCHIVE),
            folders=(data / "keys", data / "attachments"),
        )
    )
    yield data
    release()


def test_the_database_and_a_companion_not_there_yet_are_refused(protected: Path) -> None:
    db = protected / "branchguard.sqlite"
    assert refused(db).reason_message.params["path"] == str(db)
    refused(protected / "branchguard.sqlite-wal")
    assert db.read_bytes().startswith(b"SQLite format 3")
    assert not (protected / "branchguard.sqlite-wal").exists()


def test_any_name_of_it_is_refused(protected: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.pdf"
    link.symlink_to(protected / "branchguard.sqlite")
    assert refused(link).reason_message.params["path"] == str(protected / "branchguard.sqlite")
    through = tmp_path / "through"
    through.symlink_to(protected)  # a link to the data folder itself
    refused(through / "branchguard.sqlite")
    refused(through / "keys" / "new.pem")
    dangling = tmp_path / "dangling.pdf"
    dangling.symlink_to(protected / "attachments" / "new.bin")
    refused(dangling)
    assert not (protected / "attachments" / "new.bin").exists()


def test_the_backup_folder_takes_new_files_but_keeps_what_is_there(protected: Path) -> None:
    archive = protected / "backups" / ARCHIVE
    refused(archive)
    assert archive.read_bytes() == b"PK archive"
    write_file(protected / "backups" / "branchguard-20260103-030405.zip", b"PK new")
    write_file(protected / "backups" / "hazards.pdf", PDF)  # a report beside the backups, twice
    write_file(protected / "backups" / "hazards.pdf", PDF)
    write_file(protected / "report.pdf", PDF)  # the data folder itself is not all the app's


def test_released_it_is_written_again(data: Path) -> None:
    release = output.protect(lambda: OwnData(files=(data / "branchguard.sqlite",)))
    refused(data / "branchguard.sqlite")
    release()
    release()  # twice is harmless
    write_file(data / "branchguard.sqlite", PDF)


def test_a_server_database_has_no_file_here_but_the_rest_is_protected(tmp_path: Path) -> None:
    config = resolve(tmp_path / "data", "postgresql+psycopg://bg@db.example/branch")
    release = output.protect(lambda: own_data(config))
    try:
        for place in ("keys/anchor-ed25519.pem", "attachments/ab/cd", "logs/branchguard.log", "run/cli-1"):
            refused(config.data_dir / place)
        refused(config.data_dir / "settings.ini")
        write_file(config.data_dir / "branchguard.sqlite", PDF)  # no database of this data folder
        anchors = tmp_path / "stick"
        anchors.mkdir()
        config.settings.set("anchor_dir", str(anchors))  # chosen after the protection began
        refused(anchors / "branchguard-anchors.jsonl")
        write_file(anchors / "handover.pdf", PDF)
    finally:
        release()


def test_the_context_protects_its_data_until_it_closes(fresh_data_dir: Path) -> None:
    ctx = open_context(fresh_data_dir)
    try:
        db = Path(ctx.place.database)
        refused(db)
        refused(Path(f"{db}-journal"))
        refused(ctx.data_dir / "settings.ini")
        refused(ctx.config.anchor_dir / "branchguard-anchors.jsonl")
    finally:
        ctx.close()
    copy = fresh_data_dir.parent / "copy.sqlite"
    write_file(copy, db.read_bytes())  # nothing is protected once it is closed
    write_file(db, copy.read_bytes())
