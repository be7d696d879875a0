"""A report, export or backup written with `-o` onto the app's own data is refused, in any role: the
database (also through a link), its signing key, an archive already in the backup folder. Once each
of these exited 0 and left a PDF, YAML or zip where the branch's records or key were
(core/kernel/output.py, `protect`)."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pytest

from branchguard.core.anchors.keys import key_path
from branchguard.core.backup.rules import archive_name
from tests.cli.cli_support import AUDITOR_PASSWORD, Run, as_user

DB = "branchguard.sqlite"
OWN = "is BranchGuard's own data"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refused_and_intact(demo_run: Run, data: Path, target: Path, *command: str) -> str:
    """Runs `command -o target`: refused naming the file, the signing key as it was, the database
    still one (each command writes its login there) that opens and verifies."""
    key = key_path(data)
    assert demo_run("anchor", "show")[0] == 0  # the key, made at first use
    before = digest(key)
    code, out, err = demo_run(*command, "-o", str(target))
    assert code == 1, (out, err)
    assert OWN in err and str(target.resolve()) in err, err
    assert digest(key) == before
    assert (data / DB).read_bytes().startswith(b"SQLite format 3\x00")
    code, out, err = demo_run("verify")
    assert code == 0, (out, err)
    return err


@pytest.mark.parametrize(
    "command",
    [("handover",), ("contacts", "card"), ("playbook", "export", "FIRE")],
    ids=["handover", "contacts-card", "playbook-export"],
)
def test_output_onto_the_database_is_refused(
    demo_run: Run, records_data_dir: Path, command: tuple[str]
) -> None:
    refused_and_intact(demo_run, records_data_dir, records_data_dir / DB, *command)


def test_a_backup_onto_the_database_is_refused_by_its_name_before_anything_is_read(
    demo_run: Run, records_data_dir: Path, tmp_path: Path
) -> None:
    """An archive is a .zip (a backup or a package named x.pdf was written as a zip, then opened as
    a PDF by whoever double-clicked it); its own data is refused through a link named .zip too."""
    for command in (("backup",), ("export", "package", "--period", "2026-11")):
        for target in (records_data_dir / DB, tmp_path / "package.pdf"):
            code, out, err = demo_run(*command, "-o", str(target))
            assert (code, out) == (2, ""), err
            assert err == f"branchguard: error: {target}: the file name must end in .zip\n"
            assert not (tmp_path / "package.pdf").exists()
    assert (records_data_dir / DB).read_bytes().startswith(b"SQLite format 3\x00")  # a database still
    link = tmp_path / "link.zip"
    link.symlink_to(records_data_dir / DB)
    refused_and_intact(demo_run, records_data_dir, link, "backup")


def test_a_link_to_the_database_is_refused(demo_run: Run, records_data_dir: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.pdf"
    link.symlink_to(records_data_dir / DB)
    refused_and_intact(demo_run, records_data_dir, link, "contacts", "card")
    assert link.is_symlink()


def test_the_read_only_auditor_cannot_overwrite_the_signing_key(
    demo_run: Run, records_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    as_user(monkeypatch, "auditor", AUDITOR_PASSWORD)
    refused_and_intact(demo_run, records_data_dir, key_path(records_data_dir), "contacts", "card")
    assert demo_run("anchor", "show")[0] == 0


def test_a_backup_into_a_new_folder_inside_the_keys_is_refused_before_the_folder_is_made(
    demo_run: Run, records_data_dir: Path
) -> None:
    inside = records_data_dir / "keys" / "sub"
    refused_and_intact(demo_run, records_data_dir, inside / "x.zip", "backup")
    assert not inside.exists()


def test_the_backup_folder_takes_new_archives_but_none_is_written_over(
    demo_run: Run, records_data_dir: Path
) -> None:
    folder = records_data_dir / "backups"
    made = folder / archive_name(datetime(2026, 1, 2, 3, 4, 5))
    assert demo_run("backup", "-o", str(made))[0] == 0  # a new archive there: written
    kept = digest(made)
    refused_and_intact(demo_run, records_data_dir, made, "backup")
    refused_and_intact(demo_run, records_data_dir, made, "handover")
    assert digest(made) == kept
    assert demo_run("backup")[0] == 0  # the automatic one, named by its time
    assert demo_run("handover", "-o", str(folder / "shift.pdf"))[0] == 0  # a new file there


def test_a_damaged_signing_key_is_named_in_the_apps_words(demo_run: Run, records_data_dir: Path) -> None:
    demo_run("anchor", "show")
    key_path(records_data_dir).write_text("%PDF-1.4 not a key\n")
    code, _out, err = demo_run("anchor", "show")
    assert code == 1
    assert f"the signing key {key_path(records_data_dir)} is damaged" in err
    assert "cryptography" not in err and "http" not in err
