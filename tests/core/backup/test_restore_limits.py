"""What a restore takes out of an archive: no file larger than the app writes in its place (a 2.3 MB
backup once restored a 2 GB attachment no record names), nothing when the archive would not fit on
the disk with room to spare, no file inflated past its recorded size, and of settings.ini only the
branch's choices: an archive's db_url or folders once pointed the restored folder at another
database, and every command after it asked for a restore again."""

from __future__ import annotations

import configparser
import hashlib
import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from branchguard.core.backup import archive as backup_archive
from branchguard.core.backup.archive import BackupError, create_backup, restore_backup
from branchguard.core.kernel.i18n import set_language
from branchguard.db.engine import sqlite_url
from branchguard.db.migrate import known_revisions
from tests.inflation_support import count_inflated

BOMB = 24 * 1024 * 1024  # zeros: over the 20 MB an attachment may be, 24 KB in the zip


def _archive(folder: Path, out: Path) -> Path:
    create_backup(folder, sqlite_url(folder / "branchguard.sqlite"), out, "test")
    return out


def _with_member(archive: Path, out: Path, name: str, data: bytes, honest: bool = True) -> Path:
    """The archive with one more member (or one replaced), its manifest listing it truthfully, or
    left as it was (`honest` False)."""
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        manifest = json.loads(src.read("manifest.json"))
        for info in src.infolist():
            if info.filename not in ("manifest.json", name):
                dst.writestr(info.filename, src.read(info.filename))
        dst.writestr(name, data)
        if honest:
            files = [f for f in manifest["files"] if f["path"] != name]
            sha = hashlib.sha256(data).hexdigest()
            manifest["files"] = [*files, {"path": name, "size": len(data), "sha256": sha}]
        dst.writestr("manifest.json", json.dumps(manifest))
    return out


def _listing(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_size for p in folder.rglob("*") if p.is_file()}


def _restore(archive: Path, target: Path) -> Any:
    return restore_backup(archive, target, sqlite_url(target / "branchguard.sqlite"), known_revisions())


def test_an_attachment_larger_than_any_the_app_keeps_is_refused_unread(
    tmp_path: Path, demo_folder: Callable[[Path], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = demo_folder(tmp_path / "source")
    bomb = _with_member(
        _archive(source, tmp_path / "good.zip"), tmp_path / "bomb.zip", "attachments/bo/bomb", bytes(BOMB)
    )
    target = demo_folder(tmp_path / "target")
    before = _listing(target)
    set_language("en")
    inflated = count_inflated(monkeypatch)
    with pytest.raises(BackupError) as caught:
        _restore(bomb, target)
    assert "attachments/bo/bomb is larger than the 20 MB BranchGuard ever keeps there" in caught.value.message
    assert inflated.total < 1024 * 1024  # the manifest: nothing of the 24 MB
    assert _listing(target) == before


def test_an_archive_that_would_not_fit_with_room_to_spare_is_refused_before_anything_is_written(
    tmp_path: Path, demo_folder: Callable[[Path], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = demo_folder(tmp_path / "source")
    good = _archive(source, tmp_path / "good.zip")
    with zipfile.ZipFile(good) as zf:
        content = sum(i.file_size for i in zf.infolist())
    target = demo_folder(tmp_path / "target")
    before = _listing(target)
    real = shutil.disk_usage(target)
    # room for the files themselves, twice over, but not for the margin a restore keeps
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: real._replace(free=2 * content))
    set_language("en")
    with pytest.raises(BackupError) as caught:
        _restore(good, target)
    assert "MB free on the disk of" in caught.value.message and "nothing was changed" in caught.value.message
    assert _listing(target) == before
    assert [p.name for p in target.iterdir() if p.name.startswith((".restore-", "before-restore-"))] == []


def test_a_file_is_extracted_no_further_than_its_recorded_size(
    tmp_path: Path, demo_folder: Callable[[Path], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The archive proved by the check is replaced before it is extracted (a share, a USB stick
    written meanwhile): the attachment that grew stops a chunk past its recorded size."""
    source = demo_folder(tmp_path / "source")
    ctx_files = source / "attachments" / "ab"
    ctx_files.mkdir(parents=True, exist_ok=True)
    (ctx_files / "ab12").write_bytes(b"x")
    good = _archive(source, tmp_path / "good.zip")
    grown = _with_member(good, tmp_path / "grown.zip", "attachments/ab/ab12", bytes(BOMB), honest=False)
    proved = backup_archive.check_backup

    def swapped_after_the_check(path: Path, revisions: list[str]) -> object:
        manifest = proved(path, revisions)
        shutil.copyfile(grown, path)
        return manifest

    monkeypatch.setattr(backup_archive, "check_backup", swapped_after_the_check)
    target = demo_folder(tmp_path / "target")
    before = _listing(target)
    set_language("en")
    inflated = count_inflated(monkeypatch)
    with pytest.raises(BackupError) as caught:
        _restore(good, target)
    assert "attachments/ab/ab12 does not match its recorded SHA-256" in caught.value.message
    with zipfile.ZipFile(grown) as zf:
        others = sum(i.file_size for i in zf.infolist() if i.filename != "attachments/ab/ab12")
    # the others hashed by the check and extracted, and a chunk of the grown one: not its 24 MB
    assert inflated.total < 2 * others + 2 * 1024 * 1024
    assert _listing(target) == before


def _settings(folder: Path, **values: str) -> None:
    lines = "".join(f"{k} = {v}\n" for k, v in values.items())
    (folder / "settings.ini").write_text(f"[branchguard]\n{lines}", encoding="utf-8")


def _read_settings(folder: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(folder / "settings.ini", encoding="utf-8")
    return dict(parser["branchguard"])


@pytest.mark.parametrize("own", [True, False], ids=["own-settings", "no-settings"])
def test_a_restore_keeps_the_folders_own_places_and_brings_back_the_branchs_choices(
    own: bool, tmp_path: Path, demo_folder: Callable[[Path], Path]
) -> None:
    from branchguard.config import resolve

    source = demo_folder(tmp_path / "source")
    _settings(
        source,
        db_url=f"sqlite:///{tmp_path / 'elsewhere.sqlite'}",
        backup_dir=str(tmp_path / "their-backups"),
        anchor_dir=str(tmp_path / "their-anchors"),
        report_font=str(tmp_path / "their.ttf"),
        language="en",
        backup_keep_daily="3",
    )
    good = _archive(source, tmp_path / "good.zip")
    target = demo_folder(tmp_path / "target")
    mine = {"backup_dir": str(tmp_path / "my-backups"), "backup_keep_monthly": "6", "odd_key": "kept"}
    if own:
        _settings(target, **mine)
    else:
        (target / "settings.ini").unlink(missing_ok=True)
    result = _restore(good, target)
    left_out = dict(result.settings_left_out)  # said, not dropped silently (a new PC's backups)
    assert left_out["backup_dir"] == str(tmp_path / "their-backups")
    assert set(left_out) == {"db_url", "backup_dir", "anchor_dir", "report_font"}
    expected = {"language": "en", "backup_keep_daily": "3"}
    if own:  # the folder's own, its monthly count the archive's (unset there: the default)
        expected |= {"backup_dir": mine["backup_dir"], "odd_key": "kept"}
    assert _read_settings(target) == expected
    config = resolve(target)
    assert config.db_url == sqlite_url(target / "branchguard.sqlite")
    assert config.backup_dir != tmp_path / "their-backups" and config.anchor_dir != tmp_path / "their-anchors"


def test_every_setting_a_restore_brings_back_is_one_of_the_apps() -> None:
    from branchguard.config import SECTION, SETTINGS
    from branchguard.core.backup import unpack

    assert set(unpack.RESTORED_SETTINGS) <= set(SETTINGS) and unpack.SETTINGS_SECTION == SECTION
    assert not {"db_url", "backup_dir", "anchor_dir", "report_font"} & set(unpack.RESTORED_SETTINGS)


def test_a_backup_in_the_same_second_as_the_last_takes_the_next_seconds_name(tmp_path: Path) -> None:
    """Two backups within a second: the second was refused as the app's own data (a made backup
    is never replaced); it takes the next free second's name instead."""
    from datetime import datetime

    from branchguard.core.backup.folder import _reserve_name
    from branchguard.core.backup.rules import archive_name

    at = datetime(2026, 12, 6, 15, 28, 1)
    (tmp_path / archive_name(at)).write_bytes(b"PK")
    assert _reserve_name(tmp_path, at).name == "branchguard-20261206-152802.zip"
    assert _reserve_name(tmp_path, datetime(2026, 12, 6, 16, 0)).name == "branchguard-20261206-160000.zip"
