"""A restore asked for in the window, done at the window's next start.

The window holds the database open (its engine, its scheduler, pages reading in the background),
and restoring moves that database aside: doing it under a running window is not safe. So the
Settings page checks the archive, shows what it holds, and writes a marker in the data folder; the
next start applies the marker before it opens the database, while the window's single-instance
lock keeps a second window out. The marker is removed before the restore is tried, so an archive
that fails is not retried at every start (the user is told, and nothing was changed).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from branchguard.core.backup.archive import BackupError, restore_backup
from branchguard.core.backup.types import RestoreResult
from branchguard.core.faults.rules import system_words
from branchguard.core.kernel.i18n import Message

MARKER = "restore-pending.json"


@dataclass(frozen=True)
class PendingRestore:
    archive: Path
    requested_by: str
    requested_at: datetime


def marker_path(data_dir: Path) -> Path:
    return Path(data_dir) / MARKER


def write_marker(data_dir: Path, archive: Path, requested_by: str) -> PendingRestore:
    pending = PendingRestore(Path(archive).resolve(), requested_by, datetime.now(UTC))
    path = marker_path(data_dir)
    tmp = path.with_suffix(".tmp")
    body = {
        "archive": str(pending.archive),
        "requested_by": pending.requested_by,
        "requested_at": pending.requested_at.isoformat(),
    }
    try:
        tmp.write_text(json.dumps(body, ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        # Not "cannot write the backup": the backup is sound, the request to restore it is not written.
        unwritten = Message("backup.restore_request_unwritten", path=str(path), error=system_words(exc))
        raise BackupError(unwritten) from None
    return pending


def read_marker(data_dir: Path) -> PendingRestore | None:
    """The restore waiting for the next start; None when there is none (or the marker is unreadable,
    which is then removed: it would otherwise stand in the way of every start)."""
    path = marker_path(data_dir)
    if not path.is_file():
        return None
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
        return PendingRestore(
            Path(body["archive"]), str(body["requested_by"]), datetime.fromisoformat(body["requested_at"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        path.unlink(missing_ok=True)
        return None


def cancel(data_dir: Path) -> bool:
    """Drop the pending restore; whether there was one."""
    path = marker_path(data_dir)
    existed = path.is_file()
    path.unlink(missing_ok=True)
    return existed


def apply_pending(
    data_dir: Path, db_url: str, known_revisions: list[str]
) -> tuple[PendingRestore, RestoreResult] | None:
    """At start, before the database is opened: restore the archive the marker names, if any.
    Raises BackupError (the marker already gone, the data in place untouched) when it cannot."""
    pending = read_marker(data_dir)
    if pending is None:
        return None
    marker_path(data_dir).unlink(missing_ok=True)
    return pending, restore_backup(pending.archive, data_dir, db_url, known_revisions)
