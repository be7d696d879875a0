"""A backup or restore the system refused says why in the reader's language: the Chinese line read
"无法写入备份 …：No space left on device" (the system's strerror is English on Linux whatever the
language chosen), as the package export and the settings file already said it in Chinese."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from branchguard.core.backup import archive, pending
from branchguard.core.backup.errors import BackupError


def _data(tmp_path: Path) -> tuple[Path, str]:
    data = tmp_path / "data"
    data.mkdir()
    db = data / "branchguard.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    return data, f"sqlite:///{db}"


def test_a_full_disk_is_said_in_chinese_and_nothing_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, url = _data(tmp_path)
    out = tmp_path / "stick" / "copy.zip"
    out.parent.mkdir()

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(archive.os, "fsync", full)
    with pytest.raises(BackupError) as err:
        archive.create_backup(data, url, out, "test")
    assert err.value.text("zh_CN") == f"无法写入备份 {out}：磁盘空间已满；未写入任何内容"
    said = err.value.text("en")
    assert said == f"cannot write the backup {out}: No space left on device; nothing was written"
    assert list(out.parent.iterdir()) == []


def test_a_read_only_data_folder_refusing_the_restore_marker_is_said_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(Path, "write_text", read_only)
    with pytest.raises(BackupError) as err:
        pending.write_marker(tmp_path, tmp_path / "copy.zip", "lead")
    said = err.value.text("zh_CN")
    assert "只读文件系统" in said and "Read-only" not in said
    # the request is what was not written, not "the backup" (无法写入备份), which is sound
    assert said.startswith("无法写入恢复请求") and "未请求恢复" in said


def test_an_unreadable_archive_is_said_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "copy.zip"
    copy.write_bytes(b"PK")

    def denied(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(archive, "_open_zip", denied)
    with pytest.raises(BackupError) as err:
        archive.check_backup(copy, [])
    assert err.value.text("zh_CN") == f"{copy} 已损坏或无法读取（没有访问权限）；未做任何改动"
