"""A backup folder outside the data folder (a USB stick, a share) must be there. Made anew, a stick
not plugged in got a folder of its name on the PC's own disk (a mount point's path, such as
/media/lead/BACKUP), the backup went into it and was said written: the branch thought its copy was
off the PC. The data folder's own backups/ is made on the first backup, as before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from branchguard.core.backup.errors import BackupError
from branchguard.core.kernel.types import Actor


def test_a_folder_that_is_not_there_is_refused_and_nothing_is_made(
    ctx: Any, lead: Actor, tmp_path: Path
) -> None:
    stick = tmp_path / "media" / "lead" / "BACKUP"  # its parent there, as a mount point's is
    stick.parent.mkdir(parents=True)
    with pytest.raises(BackupError) as err:
        ctx.services.backup.create_in_folder(lead, ctx.config.db_url, stick, 7, 12)
    assert str(stick) in err.value.message and "USB stick" in err.value.text("en")
    assert not stick.exists() and list(stick.parent.iterdir()) == []
    assert "U 盘或网络盘是否已连接" in err.value.text("zh_CN")


def test_the_folder_once_there_takes_the_backup(ctx: Any, lead: Actor, tmp_path: Path) -> None:
    stick = tmp_path / "BACKUP"
    stick.mkdir()
    result = ctx.services.backup.create_in_folder(lead, ctx.config.db_url, stick, 7, 12)
    assert result.path.parent == stick and result.path.stat().st_size > 0


def test_the_data_folders_own_backup_folder_is_made(ctx: Any, lead: Actor) -> None:
    own = ctx.config.backup_dir
    assert own == ctx.config.data_dir / "backups" and not own.exists()
    result = ctx.services.backup.create_in_folder(lead, ctx.config.db_url, own, 7, 12)
    assert result.path.parent == own


def test_a_file_in_the_folders_place_is_said_to_be_one(ctx: Any, lead: Actor, tmp_path: Path) -> None:
    """The system's "Not a directory" stood in the Chinese line; the file is left as it was."""
    taken = tmp_path / "BACKUP"
    taken.write_text("notes")
    with pytest.raises(BackupError) as err:
        ctx.services.backup.create_in_folder(lead, ctx.config.db_url, taken, 7, 12)
    assert err.value.text("zh_CN") == f"备份文件夹 {taken} 是一个文件，不是文件夹；未写入任何内容"
    assert taken.read_text() == "notes"


def test_an_archive_named_in_a_folder_that_is_not_there_is_refused(
    ctx: Any, lead: Actor, tmp_path: Path
) -> None:
    """`branchguard backup -o /media/lead/BACKUP/copy.zip` with the stick out made the folder on the
    PC's own disk and said the backup written, as the folder's backup once did."""
    stick = tmp_path / "media" / "lead" / "BACKUP"
    stick.parent.mkdir(parents=True)
    with pytest.raises(BackupError) as err:
        ctx.services.backup.create(lead, ctx.config.db_url, stick / "copy.zip")
    assert "U 盘或网络盘是否已连接" in err.value.text("zh_CN") and str(stick) in err.value.message
    assert not stick.exists() and list(stick.parent.iterdir()) == []


def test_an_archive_named_in_the_data_folders_own_backups_makes_it(ctx: Any, lead: Actor) -> None:
    own = ctx.config.data_dir / "backups"
    assert not own.exists()
    result = ctx.services.backup.create(lead, ctx.config.db_url, own / "copy.zip")
    assert result.path == own / "copy.zip" and result.path.stat().st_size > 0
