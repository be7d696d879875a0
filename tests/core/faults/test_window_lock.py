"""A window lock left behind by a crash (a power cut, a kill) does not stop a restore, even when its
PID has gone to another process since; a lock still held, here or by another PC, does."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from branchguard.core.backup.archive import BackupError, create_backup, restore_backup
from branchguard.core.backup.types import RestoreResult
from branchguard.core.faults import window_lock
from branchguard.core.faults.holders import host_name, window_lock_name
from branchguard.core.faults.window_lock import Holding
from branchguard.db.migrate import known_revisions

PG = "postgresql+psycopg://bg_user@dbhost/branchguard"  # no database in the archive: only the folder
HOUR = 3600.0


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    old = tmp_path / "old"
    (old / "attachments").mkdir(parents=True)
    (old / "attachments" / "a1").write_bytes(b"old photo")
    made = tmp_path / "copy.zip"
    create_backup(old, PG, made, "test")
    return made


@pytest.fixture
def sleeper() -> Iterator[subprocess.Popen[bytes]]:
    """A running Python process: the PID a lock may name."""
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    yield proc
    proc.kill()
    proc.wait(timeout=30)


def _lock(folder: Path, pid: int, *, host: str | None = None, machine: str = "", boot: str = "") -> Path:
    """The folder's window lock as QLockFile writes it: PID, program, host, machine ID, boot ID."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / window_lock_name()
    host = host_name() if host is None else host
    path.write_text(f"{pid}\npython3\n{host}\n{machine}\n{boot}\n", encoding="utf-8")
    return path


def _backdate(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def _restore(archive: Path, folder: Path) -> RestoreResult:
    return restore_backup(archive, folder, PG, known_revisions())


def test_a_lock_left_by_a_process_that_ended_does_not_stop_a_restore(archive: Path, tmp_path: Path) -> None:
    code = "import os; print(os.getpid())"
    pid = int(subprocess.run([sys.executable, "-c", code], capture_output=True, check=True).stdout)
    folder = tmp_path / "data"
    lock = window_lock.read(_lock(folder, pid))
    assert lock is not None and window_lock.holding(lock) is Holding.STALE
    result = _restore(archive, folder)
    assert result.stale_windows == ((pid, lock.since()),)
    assert (folder / "attachments" / "a1").read_bytes() == b"old photo"


def test_a_live_holder_stops_a_restore_and_is_named(
    archive: Path, tmp_path: Path, sleeper: subprocess.Popen[bytes]
) -> None:
    folder = tmp_path / "data"
    (folder / "attachments").mkdir(parents=True)
    (folder / "attachments" / "a1").write_bytes(b"today's photo")
    _lock(folder, sleeper.pid)  # written after the process started, as its own lock is
    with pytest.raises(BackupError) as refused:
        _restore(archive, folder)
    assert refused.value.content.key == "backup.window_open"  # type: ignore[union-attr]
    assert f"(PID {sleeper.pid})" in refused.value.text("en")
    assert (folder / "attachments" / "a1").read_bytes() == b"today's photo"


def test_a_pid_given_to_a_process_younger_than_the_lock_is_no_holder(
    archive: Path, tmp_path: Path, sleeper: subprocess.Popen[bytes]
) -> None:
    """After a window was killed its PID went to another Python process (the same program name, so
    QLockFile's own check believes it): every restore and start was refused as "already open"."""
    if window_lock.process_started(sleeper.pid) is None:
        pytest.skip("this system does not say when a process started")
    folder = tmp_path / "data"
    path = _lock(folder, sleeper.pid)
    _backdate(path, HOUR)  # the crashed window wrote it an hour before this process started
    lock = window_lock.read(path)
    assert lock is not None and window_lock.holding(lock) is Holding.STALE
    result = _restore(archive, folder)
    assert [pid for pid, _since in result.stale_windows] == [sleeper.pid]


def test_a_lock_of_an_earlier_boot_is_stale(tmp_path: Path, sleeper: subprocess.Popen[bytes]) -> None:
    """A power cut: the PC restarted since the lock was written, so whatever runs under its PID now
    is no window of that boot."""
    if not window_lock._boot_id():
        pytest.skip("this system has no boot ID")
    path = _lock(tmp_path, sleeper.pid, boot="00000000-0000-0000-0000-000000000000")
    lock = window_lock.read(path)
    assert lock is not None and window_lock.holding(lock) is Holding.STALE
    path = _lock(tmp_path, sleeper.pid, boot=window_lock._boot_id())
    lock = window_lock.read(path)
    assert lock is not None and window_lock.holding(lock) is Holding.LIVE


def test_another_pcs_lock_on_the_folder_stops_a_restore_naming_that_pc(archive: Path, tmp_path: Path) -> None:
    """The embedded database's folder on a share, opened by a window on another PC: its PID says
    nothing here (it was taken for ended, and the restore moved the data from under that window)."""
    folder = tmp_path / "data"
    _lock(folder, 4242, host="LOBBY-PC", machine="0" * 32)
    lock = window_lock.read(folder / window_lock_name())
    assert lock is not None and window_lock.holding(lock) is Holding.ELSEWHERE
    with pytest.raises(BackupError) as refused:
        _restore(archive, folder)
    assert refused.value.content.key == "backup.window_open_elsewhere"  # type: ignore[union-attr]
    assert "another PC (LOBBY-PC)" in refused.value.text("en")
    assert "另一台" in refused.value.text("zh_CN") or "其他电脑" in refused.value.text("zh_CN")


def test_a_lock_file_cut_short_names_no_holder(tmp_path: Path) -> None:
    """A power cut while the lock was written leaves an empty file: no holder, nothing refused."""
    (tmp_path / window_lock_name()).write_text("", encoding="utf-8")
    assert window_lock.read(tmp_path / window_lock_name()) is None
    assert window_lock.read(tmp_path / "none.lock") is None


HOLDING_WINDOW = """
import sys
from branchguard.gui.shell.single_instance import SingleInstance
held = SingleInstance(sys.argv[1])
assert held.acquire()
print("held", flush=True)
sys.stdin.readline()
"""


def test_a_window_holding_its_lock_is_live_whatever_the_clock_says(archive: Path, tmp_path: Path) -> None:
    """The PC's clock set forward after the window started (a clock synchronised late after boot): its
    process seems younger than its lock, but it holds the lock file as QLockFile does (flock, or the
    file open unshared on Windows), so the restore is refused, not done under a running window."""
    folder = tmp_path / "data"
    window = subprocess.Popen(
        [sys.executable, "-c", HOLDING_WINDOW, str(folder)], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        assert window.stdout is not None and window.stdout.readline().strip() == b"held"
        path = folder / window_lock_name()
        _backdate(path, HOUR)
        lock = window_lock.read(path)
        assert lock is not None and lock.pid == window.pid
        assert window_lock.holding(lock) is Holding.LIVE
        with pytest.raises(BackupError) as refused:
            _restore(archive, folder)
        assert refused.value.content.key == "backup.window_open"  # type: ignore[union-attr]
    finally:
        window.kill()
        window.wait(timeout=30)
