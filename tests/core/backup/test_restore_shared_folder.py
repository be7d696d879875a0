"""A restore on one PC of a shared deployment (a database server, the data folder on a share) is
refused while another PC's window holds its lock on the folder: it would move the attachments and
keys folders from under that window (its next attachment written into the folder set aside)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from branchguard.core.backup.archive import BackupError, create_backup, restore_backup
from branchguard.core.faults.holders import window_lock_name
from branchguard.core.kernel.i18n import set_language
from branchguard.db.migrate import known_revisions

PG = "postgresql+psycopg://bg_user@dbhost/branchguard"


def _folder(path: Path, photo: bytes) -> Path:
    (path / "attachments" / "ab").mkdir(parents=True)
    (path / "attachments" / "ab" / "ab12").write_bytes(photo)
    return path


def _restore(archive: Path, target: Path) -> object:
    return restore_backup(archive, target, PG, known_revisions())


def test_another_pcs_window_on_the_shared_folder_refuses_a_restore(tmp_path: Path) -> None:
    set_language("en")
    archive = tmp_path / "copy.zip"
    create_backup(_folder(tmp_path / "old", b"old photo"), PG, archive, "test")
    shared = _folder(tmp_path / "shared", b"today's photo")
    lobby = shared / "branchguard-zz-lobby-test.lock"  # the lobby PC's window, as QLockFile writes it
    lobby.write_text("4242\nbranchguard\nLOBBY-PC\n", encoding="utf-8")
    assert lobby.name != window_lock_name(per_pc=True)
    with pytest.raises(BackupError) as refused:
        _restore(archive, shared)
    assert refused.value.content.key == "backup.window_open_elsewhere"  # type: ignore[union-attr]
    assert "another PC (LOBBY-PC)" in refused.value.text("en")
    assert (shared / "attachments" / "ab" / "ab12").read_bytes() == b"today's photo"
    assert not [p for p in shared.iterdir() if p.name.startswith("before-restore-")]
    # This PC's own lock (its window restoring at its start) is no other PC's
    own = f"{os.getpid()}\nbranchguard\nhere\n"
    (shared / window_lock_name(per_pc=True)).write_text(own, encoding="utf-8")
    lobby.unlink()  # the lobby PC's window closed
    _restore(archive, shared)
    assert (shared / "attachments" / "ab" / "ab12").read_bytes() == b"old photo"
