"""A backup that is stopped (the window quitting) leaves no archive, no partial file, no audit record,
and prunes nothing; one not stopped is made as before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from branchguard.core.audit.service import AuditFilter
from branchguard.core.backup import archive
from branchguard.core.backup.archive import BackupCancelled
from branchguard.core.kernel.types import Actor


class StopAt:
    """Says "stop" from the n-th time it is asked on, and counts the asks."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.asked = 0

    def __call__(self) -> bool:
        self.asked += 1
        return self.asked >= self.n


def _attachments(ctx: Any, count: int) -> None:
    folder = ctx.data_dir / "attachments" / "ab"
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"file-{n}").write_bytes(b"x" * 1000 * (n + 1))


def _backups(ctx: Any, lead: Actor) -> list[str]:
    return [e.action for e in ctx.services.audit.list(lead, AuditFilter()) if e.action == "backup.create"]


def _create(ctx: Any, folder: Path, cancelled: Any) -> Any:
    return ctx.services.backup.create_in_folder(
        Actor.system(), ctx.config.db_url, folder, 1, 1, cancelled=cancelled  # keep one: the newest
    )


def test_a_backup_stopped_between_files_leaves_nothing_and_prunes_nothing(ctx, lead, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    old = folder / "branchguard-20200101-120000.zip"  # beyond what is kept: a finished backup prunes it
    old.write_bytes(b"an old archive")
    _attachments(ctx, 5)
    stop = StopAt(3)
    with pytest.raises(BackupCancelled) as raised:
        _create(ctx, folder, stop)
    assert stop.asked == 3
    assert sorted(p.name for p in folder.iterdir()) == [old.name]  # no archive, no .partial- file
    assert raised.value.content.key == "backup.cancelled"  # type: ignore[union-attr]
    assert _backups(ctx, lead) == []

    made = _create(ctx, folder, StopAt(10**9))
    assert made.path.is_file() and not old.exists()
    assert [p.name for p in folder.iterdir()] == [made.path.name]
    assert _backups(ctx, lead) == ["backup.create"]


def test_the_database_copy_is_stopped_between_its_steps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The online copy asks between steps of `_COPY_PAGES` pages (one page here), so a large
    database is stopped during its copy, not after it."""
    import sqlite3

    db = tmp_path / "data" / "branchguard.sqlite"
    db.parent.mkdir()
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE t (x BLOB)")
        conn.executemany("INSERT INTO t VALUES (?)", [(b"y" * 4000,) for _ in range(50)])
    conn.close()
    monkeypatch.setattr(archive, "_COPY_PAGES", 1)
    stop = StopAt(5)
    out = tmp_path / "out" / "b.zip"
    out.parent.mkdir()
    with pytest.raises(BackupCancelled):
        archive.create_backup(db.parent, f"sqlite:///{db}", out, "test", stop)
    assert stop.asked == 5  # asked at each step: stopped inside the copy, well before its 50+ pages
    assert list(out.parent.iterdir()) == []

    result = archive.create_backup(db.parent, f"sqlite:///{db}", out, "test", StopAt(10**9))
    assert result.manifest.counts == {"t": 50}
