"""Who else holds a data folder a restore is to replace: a window open on it (here or on another PC of a
shared folder), another program writing its database, or nobody (a crashed window's lock left behind).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from branchguard.core.backup.errors import BackupError
from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.kernel.i18n import Message


def damage_of(db: Path) -> str | None:
    """What SQLite finds wrong with the database file `db` in place (a header that is not a
    database's, a malformed page: `quick_check`), or None: sound, or only busy or unreadable for
    another reason (a lock, permissions), which are no damage and are refused as what they are."""
    from branchguard.core.faults.rules import classify
    from branchguard.core.faults.types import FaultKind

    conn = None
    try:
        conn = sqlite3.connect(db, timeout=0)
        result = str(conn.execute("PRAGMA quick_check").fetchone()[0])
    except sqlite3.Error as exc:
        if classify(exc) is not FaultKind.CORRUPT:
            return None
        result = str(exc)
    finally:
        if conn is not None:
            conn.close()
    return None if result == "ok" else result.splitlines()[0][:200]


def refuse_if_window_open(data_dir: Path) -> tuple[tuple[int, str], ...]:
    """A window open on this folder holds the database and would go on writing to the file moved
    aside: refuse while the process that wrote its lock file runs. Another PC's window on a shared
    folder would go on writing attachments and reading keys from the folders moved aside: refuse
    while its lock file is there. Returns the locks of this PC's windows that ended without closing
    (a crash, a power cut: window_lock.holding), disregarded, as (PID, since)."""
    from branchguard.core.faults.holders import other_pc_windows, stale_window_locks, window_pid

    pid = window_pid(data_dir)
    if pid is not None:
        raise BackupError(Message("backup.window_open", path=str(data_dir), pid=pid))
    if elsewhere := other_pc_windows(data_dir):
        pcs = ", ".join(elsewhere)
        raise BackupError(Message("backup.window_open_elsewhere", path=str(data_dir), pcs=pcs))
    return tuple((lock.pid, lock.since()) for lock in stale_window_locks(data_dir))


def refuse_if_in_use(db: Path, data_dir: Path | None = None) -> None:
    """Another process writing this database would keep its old file open: refuse, change nothing,
    naming it as far as it is known (another BranchGuard on `data_dir`, by default the database's
    folder, or some other program). A database that cannot be written at all (a read-only folder,
    a full disk) is refused with that fault instead. A damaged one is no refusal: nothing can write
    it, and a restore is the way back from it (it is set aside with the rest)."""
    from branchguard.core.faults.rules import classify
    from branchguard.core.faults.types import FaultKind

    if not db.exists():
        return
    conn = None
    try:
        conn = sqlite3.connect(db, timeout=0)
        conn.execute("BEGIN EXCLUSIVE")
        conn.rollback()
    except sqlite3.DatabaseError as exc:
        if classify(exc) is FaultKind.CORRUPT:
            return
        raise _in_use(exc, db, Path(data_dir) if data_dir is not None else db.parent) from None
    finally:
        if conn is not None:
            conn.close()


def _in_use(exc: sqlite3.DatabaseError, db: Path, data_dir: Path) -> BranchGuardError:
    from branchguard.core.faults.machine import explain_fault, lock_parties
    from branchguard.core.faults.rules import classify, detail, message
    from branchguard.core.faults.types import Fault, FaultKind, FaultPlace

    place = FaultPlace(str(data_dir), str(db))
    if classify(exc) is FaultKind.LOCKED:  # BranchGuards waiting for the lock too are not its holder
        writers, _waiting = lock_parties(place)
        if writers:
            return BackupError(Message("backup.in_use", path=str(db), pids=", ".join(map(str, writers))))
        return BackupError(Message("backup.in_use_other", path=str(db)))
    fault = explain_fault(exc, place)  # read-only, full, damaged: that fault, in its own words
    if fault is None:  # no words for it: the file cannot be opened for writing
        return Fault(FaultKind.CANNOT_OPEN, message(FaultKind.CANNOT_OPEN, place, error=detail(exc)))
    return fault
