"""Faults of the machine at the service level: a held write lock is waited for, then named; a full
disk, a read-only open, a damaged file and a server gone are worded; nothing acknowledged is lost."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import DBAPIError, OperationalError

from branchguard.context import AppContext, open_context
from branchguard.core.faults import holders
from branchguard.core.faults.rules import classify, explain
from branchguard.core.faults.types import Fault, FaultKind, FaultPlace
from branchguard.core.incidents import log as incident_log
from branchguard.core.incidents.types import EntryKind
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.types import Actor
from branchguard.db import engine as engine_module
from branchguard.db.engine import LockRetry, make_engine
from tests.conftest import PG_SUPERUSER
from tests.fault_support import HOLDER, lock_held_by

QUICK = LockRetry(wait_ms=20, pauses=(0.01, 0.01, 0.01))
PLACE = FaultPlace("/data", "/data/branchguard.sqlite")


@pytest.fixture
def quick_retry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "LOCK_RETRY", QUICK)


@pytest.fixture
def notes(quick_retry: None, tmp_path: Path) -> Iterator[tuple[AppContext, list[Message]]]:
    """An SQLite context with demo data and an open incident, its lock notices collected."""
    said: list[Message] = []
    ctx = open_context(tmp_path / "data", on_lock_wait=said.append)
    try:
        ctx.services.demo.fill()
        yield ctx, said
    finally:
        ctx.close()


def _entries(db: Path) -> list[tuple[object, ...]]:
    """Every log entry and contact, read past the app."""
    with sqlite3.connect(db) as conn:
        log = conn.execute("SELECT incident_id, seq, text FROM incident_log ORDER BY incident_id, seq")
        contacts = conn.execute("SELECT id, name FROM contacts ORDER BY id")
        return [*log.fetchall(), *contacts.fetchall()]


def _lead(ctx: AppContext) -> Actor:
    user = ctx.services.auth.user_by_name("lead")
    assert user is not None
    return Actor(user.id, user.username, user.role)


@pytest.fixture
def window_holding_lock(notes: tuple[AppContext, list[Message]]) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the write lock, its PID in the window's lock file."""
    ctx, _ = notes
    db = ctx.data_dir / "branchguard.sqlite"
    with lock_held_by(HOLDER, str(db), str(ctx.data_dir / holders.window_lock_name())) as proc:
        yield proc


def test_a_held_write_lock_is_retried_then_named_and_nothing_is_written(
    notes: tuple[AppContext, list[Message]], window_holding_lock: subprocess.Popen[str]
) -> None:
    ctx, said = notes
    lead = _lead(ctx)
    db = ctx.data_dir / "branchguard.sqlite"
    before = _entries(db)
    with pytest.raises(DBAPIError) as raised:
        ctx.services.people.add_contact(lead, _contact())
    fault = ctx.explain(raised.value)
    assert fault is not None and fault.kind is FaultKind.LOCKED
    pid = window_holding_lock.pid
    assert fault.content == Message("fault.locked_by", pids=str(pid), path=str(db), folder=str(ctx.data_dir))
    assert f"PID {pid}" in fault.text("en") and "NOT saved" in fault.text("en")
    assert f"进程 {pid}" in fault.text("zh_CN")
    # each retry said who is writing, before giving up (three pauses: three notices)
    assert said == [Message("fault.waiting_for", pids=str(pid))] * len(QUICK.pauses)
    assert Message("fault.waiting_for", pids=pid).text("en").endswith("retrying…")
    window_holding_lock.communicate("\n", timeout=30)
    assert _entries(db) == before
    assert ctx.services.people.add_contact(lead, _contact()).name == "锁后联系人"


def test_a_lock_released_while_waiting_lets_the_write_through(
    notes: tuple[AppContext, list[Message]], tmp_path: Path
) -> None:
    ctx, said = notes
    lead = _lead(ctx)
    incident = ctx.services.incidents.start(lead, title="停电")
    folder = ctx.data_dir
    ctx.close()
    holder = sqlite3.connect(folder / "branchguard.sqlite", isolation_level=None, check_same_thread=False)

    def release(note: Message) -> None:  # the other writer finishes while this one waits
        said.append(note)
        holder.execute("COMMIT")

    ctx = open_context(folder, on_lock_wait=release)
    holder.execute("BEGIN IMMEDIATE")
    try:
        entry = ctx.services.incidents.log(lead, incident.id, EntryKind.NOTE, "门已锁好")
    finally:
        ctx.close()
        holder.close()
    assert entry.text == "门已锁好"
    assert said == [Message("fault.waiting", path=str(ctx.data_dir / "branchguard.sqlite"))]


def _contact() -> object:
    from branchguard.core.people.types import ContactInput, ContactKind

    return ContactInput("锁后联系人", ContactKind.PROPERTY_MANAGEMENT, "95566")


def test_a_full_disk_mid_append_keeps_every_acknowledged_entry(
    notes: tuple[AppContext, list[Message]], monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, _ = notes
    lead = _lead(ctx)
    incident = ctx.services.incidents.start(lead, title="火警")
    seen = ctx.services.incidents.log(lead, incident.id, EntryKind.NOTE, "已报警")
    db = ctx.data_dir / "branchguard.sqlite"
    before = _entries(db)

    def full(*_args: object) -> int:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(incident_log, "_index_after", full)  # after the row and the new end are written
    with pytest.raises(sqlite3.OperationalError) as raised:
        ctx.services.incidents.log(lead, incident.id, EntryKind.NOTE, "未保存的记录")
    fault = ctx.explain(raised.value)
    assert fault is not None and fault.kind is FaultKind.FULL
    assert "NOT saved" in fault.text("en") and "未保存" in fault.text("zh_CN")
    assert _entries(db) == before
    assert (incident.id, seen.seq, seen.text) in before
    monkeypatch.undo()
    assert ctx.services.incidents.log(lead, incident.id, EntryKind.NOTE, "腾出空间后").seq == seen.seq + 1
    assert ctx.services.incidents.verify(lead).ok


def test_demo_is_all_or_nothing(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    from branchguard.core.demo import drills as drill_demo

    def full(*_args: object) -> None:  # the drill records come last: everything else is written
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(drill_demo, "fill", full)
    with pytest.raises(sqlite3.OperationalError):
        ctx.services.demo.fill(records=True)
    assert ctx.services.demo.is_empty()
    assert ctx.services.auth.user_by_name("lead") is None
    monkeypatch.undo()
    ctx.services.demo.fill(records=True)
    assert not ctx.services.demo.is_empty()


def test_read_only_open_reads_and_refuses_every_write(tmp_path: Path) -> None:
    ctx = open_context(tmp_path / "data")
    ctx.services.demo.fill(records=True)
    ctx.close()
    db = tmp_path / "data" / "branchguard.sqlite"
    listing = _files(tmp_path / "data")
    content = db.read_bytes()
    ro = open_context(tmp_path / "data", read_only=True)
    try:
        assert ro.read_only
        lead = _lead(ro)
        assert ro.services.incidents.verify(lead).ok
        with pytest.raises(DBAPIError) as raised:
            ro.services.people.add_contact(lead, _contact())
        fault = ro.explain(raised.value)
        assert fault is not None and fault.kind is FaultKind.READ_ONLY
        assert "read-only" in fault.text("en") and "只读" in fault.text("zh_CN")
    finally:
        ro.close()
    assert db.read_bytes() == content
    assert _files(tmp_path / "data") == listing


def test_closing_writes_no_statistics_into_read_only_data_and_says_nothing_when_it_cannot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Closing refreshes the planner's statistics (PRAGMA optimize): not on data opened read-only,
    and a refresh that fails (a lock) waits for the next close without a word on the command's
    stderr (with no log file, SQLAlchemy's raw text was printed there)."""
    import logging

    calls: list[bool] = []

    def refresh(_engine: object, **_kw: object) -> None:
        calls.append(True)
        raise OperationalError("PRAGMA optimize", {}, Exception("attempt to write a readonly database"))

    monkeypatch.setattr("branchguard.context.refresh_statistics", refresh)
    monkeypatch.setattr(logging.getLogger(), "handlers", [])  # no log file: the last resort prints
    ctx = open_context(tmp_path / "data")
    ctx.close()
    assert calls == [True]
    ro = open_context(tmp_path / "data", read_only=True)
    ro.close()
    assert calls == [True]  # not tried on read-only data
    assert capsys.readouterr().err == ""


def _files(folder: Path) -> list[tuple[str, int]]:
    """Every file and its size, but SQLite's own WAL files (a reader may open an empty log)."""
    return sorted(
        (str(p.relative_to(folder)), p.stat().st_size)
        for p in folder.rglob("*")
        if p.is_file() and not p.name.endswith(("-wal", "-shm"))
    )


def test_read_only_refuses_an_older_schema_without_touching_it(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    with pytest.raises(Fault) as raised:
        open_context(folder, read_only=True)
    assert raised.value.content == Message("fault.read_only_no_database", folder=str(folder))
    assert list(folder.iterdir()) == []


def test_a_damaged_file_is_named_and_left_as_it_was(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / "branchguard.sqlite"
    junk = b"not a database at all " * 400
    db.write_bytes(junk)
    with pytest.raises(Fault) as raised:
        open_context(folder)
    assert raised.value.kind is FaultKind.CORRUPT
    assert "damaged" in raised.value.text("en") and "branchguard restore" in raised.value.text("en")
    assert db.read_bytes() == junk


def test_a_server_that_is_not_there_is_unreachable() -> None:
    engine = make_engine("postgresql://nobody@127.0.0.1:1/branchguard")
    try:
        with pytest.raises(DBAPIError) as raised:
            engine.connect()
    finally:
        engine.dispose()
    fault = explain(raised.value, FaultPlace("/data", "127.0.0.1/branchguard", sqlite=False))
    assert fault is not None and fault.kind is FaultKind.UNREACHABLE
    assert "127.0.0.1/branchguard" in fault.text("en") and "NOT saved" in fault.text("en")
    # Said of a follow screen's refresh too: not "this change was NOT saved" where nothing was changed.
    assert "this change" not in fault.text("en") and "本次更改" not in fault.text("zh_CN")


def _refusal(url: str, place: FaultPlace) -> Any:
    engine = make_engine(url)
    try:
        with pytest.raises(DBAPIError) as raised:
            engine.connect()
    finally:
        engine.dispose()
    return explain(raised.value, place)


def test_a_database_or_login_the_server_refuses_is_named_so_not_unreachable(pg_cluster: Any) -> None:
    """A missing database, or a login the server refuses, once said to check that the server runs."""
    place = FaultPlace("/data", "localhost/no_such_db", sqlite=False)
    fault = _refusal(pg_cluster.url("no_such_db"), place)
    assert fault is not None and fault.kind is FaultKind.LOGIN_REFUSED
    assert "no_such_db" in fault.text("en") and "password" in fault.text("en") and fault.text("zh_CN")
    stranger = pg_cluster.url("postgres").replace(f"//{PG_SUPERUSER}@", "//nobody_here@", 1)
    fault = _refusal(stranger, place)  # a login the server does not know
    assert fault is not None and fault.kind is FaultKind.LOGIN_REFUSED


def test_a_host_that_cannot_be_found_is_unreachable_not_a_raw_error() -> None:
    place = FaultPlace("/d", "nosuchhost.invalid/x", sqlite=False)
    fault = _refusal("postgresql+psycopg://u@nosuchhost.invalid/x", place)
    assert fault is not None and fault.kind is FaultKind.UNREACHABLE


def test_a_server_whose_local_socket_is_not_there_is_unreachable(tmp_path: Path) -> None:
    """A server reached through its unix socket (BranchGuard on the database server's own PC), stopped:
    psycopg says 'connection is bad: … on socket … failed: No such file or directory', once a raw
    error (a traceback at every schedule tick while the server was away)."""
    place = FaultPlace("/d", "localhost/branchguard", sqlite=False)
    fault = _refusal(f"postgresql+psycopg://u@/branchguard?host={tmp_path}&port=1", place)
    assert fault is not None and fault.kind is FaultKind.UNREACHABLE


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (sqlite3.OperationalError("database is locked"), FaultKind.LOCKED),
        (sqlite3.OperationalError("database or disk is full"), FaultKind.FULL),
        (OSError(28, "No space left on device"), FaultKind.FULL),
        (OSError(30, "Read-only file system"), FaultKind.READ_ONLY),
        (sqlite3.OperationalError("attempt to write a readonly database"), FaultKind.READ_ONLY),
        (sqlite3.DatabaseError("file is not a database"), FaultKind.CORRUPT),
        (sqlite3.DatabaseError("database disk image is malformed"), FaultKind.CORRUPT),
        (ValueError("database is locked"), None),  # our own bug saying so is not a fault
        (KeyError("x"), None),
    ],
)
def test_classify(error: BaseException, kind: FaultKind | None) -> None:
    assert classify(error) is kind
    wrapped = RuntimeError("while saving")
    wrapped.__cause__ = error
    assert classify(wrapped) is kind
    if kind is not None:
        fault = explain(error, PLACE)
        assert fault is not None and fault.text("en") and fault.text("zh_CN")


def test_a_read_only_open_leaves_no_write_ahead_log_behind(tmp_path: Path) -> None:
    ctx = open_context(tmp_path / "data")
    ctx.services.demo.fill()
    ctx.close()
    folder = tmp_path / "data"
    every = lambda: sorted(p.name for p in folder.iterdir())  # noqa: E731 - SQLite's own files too
    before = every()
    assert not any(name.endswith(("-wal", "-shm")) for name in before)
    ro = open_context(folder, read_only=True)
    try:
        assert ro.read_only and ro.services.ledger.verify(_lead(ro)).ok
        with pytest.raises(DBAPIError) as raised:  # still refused by the database itself
            ro.services.people.add_contact(_lead(ro), _contact())
        fault = ro.explain(raised.value)
        assert fault is not None and fault.kind is FaultKind.READ_ONLY
    finally:
        ro.close()
    assert every() == before


def test_a_lost_database_beside_a_branchs_attachments_is_not_replaced_by_a_new_one(tmp_path: Path) -> None:
    """The window's first run (or `demo`) in a folder whose database was deleted would have made a
    new, empty branch on top of the old one's attachments and signing key."""
    from branchguard.core.anchors.keys import key_path, load_or_create
    from branchguard.core.kernel.errors import NotFound

    folder = tmp_path / "data"
    open_context(folder).close()
    load_or_create(folder)  # the branch's signing key, made at its first anchored report
    database = folder / "branchguard.sqlite"
    for made in folder.glob("branchguard.sqlite*"):
        made.unlink()
    with pytest.raises(NotFound) as refused:
        open_context(folder)
    said = refused.value.text("en")
    assert f"the database {database} is missing or empty" in said and "branchguard restore" in said
    assert not database.exists() and key_path(folder).is_file()
    database.write_bytes(b"")  # emptied rather than deleted: the same
    with pytest.raises(NotFound):
        open_context(folder)
    assert database.stat().st_size == 0
    for left in ("keys", "attachments"):  # only its backups are left: still a branch's folder
        shutil.rmtree(folder / left, ignore_errors=True)
    database.unlink()
    (folder / "backups").mkdir(exist_ok=True)
    (folder / "backups" / "branchguard-20261201-080000.zip").write_bytes(b"PK")
    with pytest.raises(NotFound):
        open_context(folder)
    assert not database.exists()
    fresh = tmp_path / "new-branch"  # a folder never used: a new database, as before
    open_context(fresh).close()
    assert (fresh / "branchguard.sqlite").stat().st_size > 0
