"""The automatic backups of a folder: one at a time, each under a name of its own, and retention that
removes only what was there before.

Two backups into one folder once ran side by side (the window's daily one and "Back up now"): both
chose the same free name, the second then refused its own place as "the app's own data", or the
retention of one removed the archive the other had just reported. So:

- a process makes one backup at a time (`BackupBusy` for a second asked meanwhile; the window does
  not ask, gui/shell/daily_backup.py);
- the name, once chosen, is taken at once: the archive's file is created exclusively, empty, and the
  finished archive replaces that reservation, so another process writing into the same folder
  (a second PC on a share) takes the next second's name;
- retention removes only finished archives that were in the folder when this backup began: one that
  appeared meanwhile is another backup's, just reported, and a reservation (empty) is one in flight.
"""

from __future__ import annotations

import contextlib
import os
import stat
import threading
from datetime import datetime, timedelta
from pathlib import Path

from branchguard.core.backup.archive import (
    Cancelled,
    Progress,
    check_archive_target,
    ignore,
    never,
    refuse_if_not_there,
    write_archive,
    write_failed,
)
from branchguard.core.backup.errors import BackupError
from branchguard.core.backup.rules import archive_name, taken_at, to_keep
from branchguard.core.backup.types import BackupResult
from branchguard.core.kernel.i18n import Message

STALE_PARTIAL = timedelta(hours=12)
_one_at_a_time = threading.Lock()


class BackupBusy(BackupError):
    """Another backup of this process is being made: none was started beside it."""


def backup_into_folder(
    data_dir: Path,
    db_url: str,
    folder: Path,
    app_version: str,
    keep_daily: int,
    keep_monthly: int,
    cancelled: Cancelled = never,
    progress: Progress = ignore,
) -> BackupResult:
    """An automatic backup named by its time in `folder`, then the older ones beyond what is kept go,
    and what a backup stopped dead (killed, the PC switched off) left: its `.partial-` file or its
    reserved name, once older than any backup still writing could be."""
    folder = Path(folder)
    if not _one_at_a_time.acquire(blocking=False):
        raise BackupBusy(Message("backup.busy", path=str(folder)))
    try:
        refuse_if_not_there(folder, data_dir)
        before = finished_archives(folder)
        out = _reserve_name(folder, datetime.now())
        try:
            _drop_stale(folder)
            result = write_archive(data_dir, db_url, out, app_version, cancelled, progress, _fill_reserved)
        finally:
            _release_unfilled(out)
        keep = to_keep([*before, out.name], keep_daily, keep_monthly)
        pruned = []
        for name in sorted(set(before) - keep):
            (folder / name).unlink(missing_ok=True)
            pruned.append(folder / name)
    finally:
        _one_at_a_time.release()
    return BackupResult(result.path, result.manifest, tuple(pruned))


def finished_archives(folder: Path) -> list[str]:
    """The names of the automatic backups finished in `folder`: not a reservation of one in flight
    (empty until its archive replaces it)."""
    if not folder.is_dir():
        return []
    names = []
    for path in folder.iterdir():
        if taken_at(path.name) is None:
            continue
        with contextlib.suppress(OSError):  # gone meanwhile: pruned by another backup
            found = path.lstat()
            if stat.S_ISREG(found.st_mode) and found.st_size > 0:
                names.append(path.name)
    return names


def _reserve_name(folder: Path, at: datetime) -> Path:
    """The archive's name by its time, created exclusively (empty) so no other backup takes it; a
    name taken (a backup of the same second, finished or in flight, here or on another PC) gives
    the next second's. A made backup is never replaced."""
    try:
        while True:
            out = folder / archive_name(at)
            if not os.path.lexists(out):
                check_archive_target(out)  # before its folder is made: a refused place is left as it was
                folder.mkdir(parents=True, exist_ok=True)
                with contextlib.suppress(FileExistsError):  # taken in between: the next second
                    os.close(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
                    return out
            at += timedelta(seconds=1)
    except OSError as exc:
        raise write_failed(folder / archive_name(at), exc) from None


def _fill_reserved(partial: Path, out: Path) -> None:
    """The finished archive in place of its reservation, which is still a regular file (checked
    again: only a regular file is ever replaced)."""
    if not stat.S_ISREG(os.lstat(out).st_mode):
        raise BackupError(Message("backup.target_not_a_file", path=str(out)))
    os.replace(partial, out)


def _release_unfilled(out: Path) -> None:
    """A backup that failed or was stopped gives its name back: the reservation, still empty, goes."""
    with contextlib.suppress(OSError):
        if out.lstat().st_size == 0:
            out.unlink()


def _drop_stale(folder: Path) -> None:
    """What backups stopped dead left: `.partial-` files and empty reservations, once older than any
    backup still writing could be."""
    cutoff = datetime.now().timestamp() - STALE_PARTIAL.total_seconds()
    for path in folder.iterdir():
        partial = path.name.startswith(".partial-") and path.suffix == ".zip"
        if not partial and taken_at(path.name) is None:
            continue
        with contextlib.suppress(OSError):  # gone meanwhile, or not ours to remove: left as it is
            found = path.lstat()
            if stat.S_ISREG(found.st_mode) and found.st_mtime < cutoff and (partial or found.st_size == 0):
                path.unlink()
