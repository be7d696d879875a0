"""A fault worded with what the machine says beside the exception: which other BranchGuards on the
data folder may hold the write lock and which wait for it too (holders.py), and whether the disk
is full when SQLite only says "disk I/O error". rules.py stays pure; the CLI, the window and the
backup's restore all word faults here, so they say the same."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

from branchguard.core.faults import holders
from branchguard.core.faults.rules import detail, explain, message, waiting
from branchguard.core.faults.types import Fault, FaultKind, FaultPlace
from branchguard.core.kernel.i18n import Message
from branchguard.db.engine import LOCK_WAIT_GAVE_UP, LOCK_WAIT_OVER

# Less free than this and a "disk I/O error" is the disk being full: SQLite takes 32 KB at once for
# its -shm file and a write adds its pages to the WAL, so a disk with 20 KB left (not 0) already
# refused them with "disk I/O error", not "database or disk is full".
FULL_BELOW_BYTES = 1024 * 1024


def lock_parties(place: FaultPlace) -> tuple[list[int], list[int]]:
    """The other BranchGuards on this folder that may hold the write lock, and those waiting for it
    too. Where the system names the holder (Linux), that one only, if it is a BranchGuard; else
    every other BranchGuard not known to be waiting."""
    folder = Path(place.data_dir)
    others, waiters = holders.other_pids(folder), holders.waiting_pids(folder)
    holder = holders.lock_holder(Path(place.database)) if place.sqlite and place.database else None
    if holder is not None and holder != os.getpid():  # this process's own: say what the folder says
        return [holder] if holder in others else [], [pid for pid in waiters if pid != holder]
    return [pid for pid in others if pid not in waiters], waiters


def disk_full(place: FaultPlace) -> bool:
    """Whether the disk holding the SQLite database (or the data folder) has next to no room left."""
    folder = Path(place.database).parent if place.sqlite and place.database else Path(place.data_dir)
    try:
        return shutil.disk_usage(folder).free < FULL_BELOW_BYTES
    except OSError:
        return False


def explain_fault(exc: BaseException, place: FaultPlace) -> Fault | None:
    """`exc` worded as a fault of the machine, or None when it is not one: a lock names who may
    hold it and who waits; an I/O error on a disk without room is the disk-full fault."""
    fault = explain(exc, place)
    if fault is None or fault is exc:
        return fault
    if fault.kind is FaultKind.LOCKED:
        return explain(exc, place, *lock_parties(place))
    if fault.kind is FaultKind.IO and disk_full(place):
        return Fault(FaultKind.FULL, message(FaultKind.FULL, place, error=detail(exc)))
    return fault


def lock_waits(place: FaultPlace, notify: Callable[[Message], None] | None) -> Callable[[int], None]:
    """The engine's lock-wait hook (db/engine.py, LockWait): while this process waits it says so in
    the folder, so others waiting too do not name it as the writer, and `notify` hears who holds the
    lock before each retry."""
    folder = Path(place.data_dir)

    def lock_wait(attempt: int) -> None:
        if attempt in (LOCK_WAIT_OVER, LOCK_WAIT_GAVE_UP):
            holders.end_waiting(folder, gave_up=attempt == LOCK_WAIT_GAVE_UP)
            return
        holders.note_waiting(folder, attempt)
        if notify is not None:
            notify(waiting(place, *lock_parties(place)))

    return lock_wait
