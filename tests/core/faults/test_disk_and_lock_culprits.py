"""Faults worded with what the machine says: SQLite's "disk I/O error" on a full disk is the full
disk, elsewhere an I/O fault naming the folder; a lock held by an outside program is not blamed on
the other BranchGuards that wait for it too; a restore refused for a lock names who holds it, and a
read-only or full disk is refused with that fault."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import DBAPIError

from branchguard.context import AppContext, explain_fault, open_context
from branchguard.core.backup.archive import BackupError
from branchguard.core.backup.in_use import refuse_if_in_use
from branchguard.core.faults import holders, machine
from branchguard.core.faults.rules import classify
from branchguard.core.faults.types import Fault, FaultKind, FaultPlace
from branchguard.core.kernel.i18n import Message
from branchguard.db import engine as engine_module
from branchguard.db.engine import LockRetry
from tests.fault_support import HOLDER, RAW, disk_with, lock_held_by, wrapped

QUICK = LockRetry(wait_ms=20, pauses=(0.01, 0.01, 0.01))
SLEEPER = "import sys; sys.stdin.readline()"  # a live process until told


def _free(monkeypatch: pytest.MonkeyPatch, free: int) -> None:
    disk_with(monkeypatch, free)


def _place(folder: Path) -> FaultPlace:
    return FaultPlace(str(folder), str(folder / "branchguard.sqlite"))


def test_a_disk_io_error_on_a_full_disk_is_the_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 0 bytes (or 20 KB) free SQLite cannot make its -shm file and says only "disk I/O error":
    every command printed SQLAlchemy's raw text."""
    _free(monkeypatch, 20 * 1024)
    fault = explain_fault(wrapped("disk I/O error"), _place(tmp_path))
    assert fault is not None and fault.kind is FaultKind.FULL
    said = fault.text("en")
    assert said.startswith(f"the disk holding {tmp_path} is full (disk I/O error)")
    assert not any(raw in said for raw in RAW)
    assert "磁盘已满" in fault.text("zh_CN")


def test_a_disk_io_error_with_room_left_is_an_io_fault_naming_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _free(monkeypatch, 50 << 30)
    assert classify(sqlite3.OperationalError("disk I/O error")) is FaultKind.IO
    assert classify(OSError(5, "Input/output error")) is FaultKind.IO
    fault = explain_fault(wrapped("disk I/O error"), _place(tmp_path))
    assert fault is not None and fault.kind is FaultKind.IO
    said = fault.text("en")
    assert str(tmp_path) in said and "NOT saved" in said and "(disk I/O error)" in said
    assert not any(raw in said for raw in RAW)
    assert str(tmp_path) in fault.text("zh_CN")


def test_an_os_error_is_quoted_by_its_words_not_its_number(tmp_path: Path) -> None:
    fault = explain_fault(OSError(28, "No space left on device"), _place(tmp_path))
    assert fault is not None and fault.kind is FaultKind.FULL
    assert "(No space left on device)" in fault.text("en") and "Errno" not in fault.text("en")


# -- who holds the write lock ---------------------------------------------------------------------

OUTSIDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("held", flush=True)
sys.stdin.readline()
"""

# Another BranchGuard command on the folder, writing: it waits for the outsider's lock (long retries).
WAITER = """
import sys
from branchguard.db import engine
engine.LOCK_RETRY = engine.LockRetry(wait_ms=20, pauses=(0.05,) * 2000)
from branchguard.context import open_context
from branchguard.core.faults.holders import Announcement
from branchguard.core.people.types import ContactInput, ContactKind
ctx = open_context(sys.argv[1])
announced = Announcement(ctx.data_dir)
lead = ctx.services.auth.user_by_name("lead")
from branchguard.core.kernel.types import Actor
actor = Actor(lead.id, lead.username, lead.role)
try:
    ctx.services.people.add_contact(actor, ContactInput("x", ContactKind.PROPERTY_MANAGEMENT, "95566"))
finally:
    announced.end()
    ctx.close()
"""


def _until(condition: Any, what: str) -> None:
    """Poll for a state another process reaches (never a sleep-then-assert)."""
    deadline = time.monotonic() + 60
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.02)


NOTICES: list[Message] = []


@pytest.fixture
def branch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[AppContext]:
    """A demo branch whose lock-wait notices go to NOTICES."""
    monkeypatch.setattr(engine_module, "LOCK_RETRY", QUICK)
    NOTICES.clear()
    ctx = open_context(tmp_path / "data", on_lock_wait=NOTICES.append)
    try:
        ctx.services.demo.fill()
        yield ctx
    finally:
        ctx.close()


@pytest.fixture
def outsider(branch: AppContext) -> Iterator[subprocess.Popen[str]]:
    """A plain sqlite3 program holding the write lock: not a BranchGuard."""
    with lock_held_by(OUTSIDER, str(branch.data_dir / "branchguard.sqlite")) as proc:
        yield proc


def _contact() -> Any:
    from branchguard.core.people.types import ContactInput, ContactKind

    return ContactInput("锁后联系人", ContactKind.PROPERTY_MANAGEMENT, "95566")


def _lead(ctx: AppContext) -> Any:
    from branchguard.core.kernel.types import Actor

    user = ctx.services.auth.user_by_name("lead")
    assert user is not None
    return Actor(user.id, user.username, user.role)


def test_branchguards_waiting_for_an_outside_lock_are_not_named_as_its_writer(
    branch: AppContext, outsider: subprocess.Popen[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Several commands waiting for a plain sqlite3 program's lock each said "another BranchGuard
    (PID …) is writing", naming each other."""
    monkeypatch.setattr(holders, "lock_holder", lambda _db: None)  # as on Windows: from the folder only
    waiter = subprocess.Popen([sys.executable, "-c", WAITER, str(branch.data_dir)], stderr=subprocess.PIPE)
    try:
        wait_file = branch.data_dir / holders.RUN_FOLDER / f"{holders.WAIT_PREFIX}{waiter.pid}"
        _until(lambda: wait_file.exists() or waiter.poll() is not None, "the other command waits")
        assert waiter.poll() is None, waiter.stderr.read() if waiter.stderr else ""
        assert waiter.pid in holders.other_pids(branch.data_dir)  # a BranchGuard on this folder
        with pytest.raises(DBAPIError) as raised:
            branch.services.people.add_contact(_lead(branch), _contact())
        fault = branch.explain(raised.value)
        assert fault is not None and fault.kind is FaultKind.LOCKED
        db = str(branch.data_dir / "branchguard.sqlite")
        assert fault.content == Message(
            "fault.locked_waiting", waiting=str(waiter.pid), path=db, folder=str(branch.data_dir)
        )
        text = fault.text("en")
        assert "another program, not BranchGuard" in text and f"PID {waiter.pid}" in text
        assert "stayed locked by another BranchGuard" not in text
        # and while it waited: the holder is another program, the other BranchGuard waits too
        notice = Message("fault.waiting_with", path=db, waiting=str(waiter.pid))
        assert [notice] * len(QUICK.pauses) == NOTICES
    finally:
        outsider.communicate("\n", timeout=30)
        waiter.wait(timeout=60)
    assert waiter.returncode == 0  # the lock released, its write went through and its wait ended
    assert not (branch.data_dir / holders.RUN_FOLDER / f"{holders.WAIT_PREFIX}{waiter.pid}").exists()


@pytest.mark.skipif(not holders.PROC_LOCKS.exists(), reason="the system names no lock holder")
def test_where_the_system_names_the_lock_holder_that_program_is_said(
    branch: AppContext, outsider: subprocess.Popen[str], tmp_path: Path
) -> None:
    """A BranchGuard command idle on the folder (its run file there, not waiting) is no writer
    when the system says who holds the lock."""
    assert holders.lock_holder(branch.data_dir / "branchguard.sqlite") == outsider.pid
    idle = subprocess.Popen([sys.executable, "-c", SLEEPER], stdin=subprocess.PIPE)
    try:
        (branch.data_dir / holders.RUN_FOLDER).mkdir(exist_ok=True)
        (branch.data_dir / holders.RUN_FOLDER / f"{holders.CLI_PREFIX}{idle.pid}").touch()
        with pytest.raises(DBAPIError) as raised:
            branch.services.people.add_contact(_lead(branch), _contact())
        fault = branch.explain(raised.value)
        assert fault is not None and fault.content.key == "fault.locked"
        assert str(idle.pid) not in fault.text("en")
    finally:
        idle.communicate(b"\n", timeout=30)


def test_a_wait_that_went_through_says_so_one_that_gave_up_stays_a_waiter_for_a_while(tmp_path: Path) -> None:
    """Another process reads these files; this one's own PID is never listed, so a child stands in."""
    folder = tmp_path / "data"
    folder.mkdir()
    mine = folder / holders.RUN_FOLDER / f"{holders.WAIT_PREFIX}{os.getpid()}"
    wait = machine.lock_waits(_place(folder), None)
    wait(1)
    wait(1)  # a second thread of this process waits too
    assert mine.exists()
    wait(engine_module.LOCK_WAIT_OVER)
    assert mine.exists()  # the other thread still waits
    wait(2)
    wait(engine_module.LOCK_WAIT_OVER)
    assert not mine.exists()
    wait(1)
    wait(engine_module.LOCK_WAIT_GAVE_UP)  # stays: a command giving up beside it must not name it
    assert mine.exists()
    stale = time.time() - holders.WAIT_FRESH_SECONDS - 1
    os.utime(mine, (stale, stale))
    child = subprocess.Popen([sys.executable, "-c", SLEEPER], stdin=subprocess.PIPE)
    try:
        theirs = folder / holders.RUN_FOLDER / f"{holders.WAIT_PREFIX}{child.pid}"
        theirs.touch()
        assert holders.waiting_pids(folder) == [child.pid]
        os.utime(theirs, (stale, stale))  # touched long ago: it no longer waits
        assert holders.waiting_pids(folder) == []
    finally:
        child.communicate(b"\n", timeout=30)


# -- a restore's check that nobody writes ---------------------------------------------------------


def test_a_restore_refused_for_an_outside_programs_lock_does_not_blame_a_branchguard(
    branch: AppContext, outsider: subprocess.Popen[str]
) -> None:
    db = branch.data_dir / "branchguard.sqlite"
    with pytest.raises(BackupError) as refused:
        refuse_if_in_use(db)
    assert refused.value.content == Message("backup.in_use_other", path=str(db))
    assert "another program" in refused.value.text("en") and "不是 BranchGuard" in refused.value.text("zh_CN")


def test_a_restore_refused_for_a_branchguard_names_its_pid(branch: AppContext) -> None:
    db = branch.data_dir / "branchguard.sqlite"
    window = str(branch.data_dir / holders.window_lock_name())
    with lock_held_by(HOLDER, str(db), window) as proc, pytest.raises(BackupError) as refused:
        refuse_if_in_use(db)
    assert refused.value.content == Message("backup.in_use", path=str(db), pids=str(proc.pid))
    assert f"another BranchGuard (PID {proc.pid})" in refused.value.text("en")


class _Refusing:
    def __init__(self, text: str) -> None:
        self._text = text

    def execute(self, _sql: str) -> None:
        raise sqlite3.OperationalError(self._text)

    def close(self) -> None:
        pass


@pytest.mark.parametrize(
    ("driver", "kind", "free"),
    [
        ("attempt to write a readonly database", FaultKind.READ_ONLY, 50 << 30),
        ("database or disk is full", FaultKind.FULL, 50 << 30),
        ("disk I/O error", FaultKind.FULL, 0),
        ("disk I/O error", FaultKind.IO, 50 << 30),
    ],
)
def test_a_restore_on_a_database_that_cannot_be_written_says_why_not_in_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, driver: str, kind: FaultKind, free: int
) -> None:
    """A read-only folder or a full disk was "in use by another BranchGuard: close it"."""
    db = tmp_path / "branchguard.sqlite"
    db.write_bytes(b"")
    _free(monkeypatch, free)
    monkeypatch.setattr(sqlite3, "connect", lambda *_a, **_k: _Refusing(driver))
    with pytest.raises(Fault) as refused:
        refuse_if_in_use(db)
    assert refused.value.kind is kind
    said = refused.value.text("en")
    assert "in use" not in said and "BranchGuard" not in said and str(tmp_path) in said
