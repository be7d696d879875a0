"""One window per data folder: a second start asks the first to come forward and exits with a message."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from branchguard.core.faults import holders, window_lock
from branchguard.gui.shell.single_instance import SingleInstance, ask_running_window_forward


def test_the_second_holder_is_refused_and_the_first_is_asked_forward(qtbot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path / "data")
    second = SingleInstance(tmp_path / "data")
    other_folder = SingleInstance(tmp_path / "other")
    try:
        assert first.acquire()
        assert not second.acquire()
        assert second.owner_pid() == os.getpid()
        assert other_folder.acquire()  # another data folder is another branch's window
        first.listen()
        with qtbot.waitSignal(first.activation_requested, timeout=5000):
            assert ask_running_window_forward(second.name)
    finally:
        first.release()
        other_folder.release()
    assert second.acquire()  # released: the next start is the first again
    second.release()


def test_each_pc_of_a_shared_folder_opens_its_window(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The PCs of a shared deployment (a database server) share the data folder (a network share):
    the lobby PC's window was refused as "already open" while the lead's PC had its window open. A
    second window on one PC is still refused."""
    data = tmp_path / "data"
    monkeypatch.setattr(socket, "gethostname", lambda: "LEAD-PC")
    lead = SingleInstance(data, per_pc=True)
    again_on_lead = SingleInstance(data, per_pc=True)
    monkeypatch.setattr(socket, "gethostname", lambda: "lobby-pc")
    lobby = SingleInstance(data, per_pc=True)
    try:
        assert lead.acquire()
        assert lobby.acquire()
        assert not again_on_lead.acquire()
        locks = sorted(p.name for p in data.glob("*.lock"))
        assert locks == ["branchguard-lead-pc.lock", "branchguard-lobby-pc.lock"]
    finally:
        lead.release()
        lobby.release()


def test_two_pcs_on_one_embedded_database_file_are_not_both_let_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the embedded SQLite file the folder keeps one lock: a second PC writing the same file over
    a network share is what SQLite warns against (its WAL needs one host's shared memory)."""
    data = tmp_path / "data"
    monkeypatch.setattr(socket, "gethostname", lambda: "LEAD-PC")
    lead = SingleInstance(data)
    monkeypatch.setattr(socket, "gethostname", lambda: "lobby-pc")
    lobby = SingleInstance(data)
    try:
        assert lead.acquire()
        assert not lobby.acquire()
        assert sorted(p.name for p in data.glob("*.lock")) == [holders.WINDOW_LOCK]
        assert holders.window_pid(data) is None  # this very process holds it
    finally:
        lead.release()


def test_whether_the_database_is_a_servers_is_read_as_resolve_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from branchguard.config import DB_ENV, LocalSettings, on_server

    monkeypatch.delenv(DB_ENV, raising=False)
    data = tmp_path / "data"
    data.mkdir()
    assert not on_server(data)
    assert not on_server(data, f"sqlite:///{data / 'x.sqlite'}")
    assert on_server(data, "postgresql://bg@dbhost/branchguard")
    LocalSettings(data).set("db_url", "postgresql+psycopg://bg@dbhost/branchguard")
    assert on_server(data)
    monkeypatch.setenv(DB_ENV, "sqlite:///elsewhere.sqlite")  # the environment wins over the file
    assert not on_server(data)


def _crashed_window(data: Path) -> int:
    """The PID of a process that took the window's lock on `data` as the app does and died holding it."""
    code = (
        "import os, sys\n"
        "from branchguard.gui.shell.single_instance import SingleInstance\n"
        f"held = SingleInstance({str(data)!r})\n"
        "assert held.acquire()\n"
        "print(os.getpid(), flush=True)\n"
        "os._exit(0)  # dies holding the lock, as a crash would\n"
    )
    done = subprocess.run([sys.executable, "-c", code], check=True, timeout=60, capture_output=True)
    return int(done.stdout)


def test_a_dead_holders_lock_is_taken_over_and_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    pid = _crashed_window(data)
    assert (data / holders.window_lock_name()).exists()
    again = SingleInstance(data)
    try:
        assert again.acquire()
        assert again.taken_over is not None and again.taken_over.pid == pid
        again.say_taken_over()
        said = capsys.readouterr().err.splitlines()
        assert len(said) == 1 and f"ended without closing (PID {pid}, since" in said[0], said
    finally:
        again.release()


def test_a_crashed_windows_pid_given_to_another_python_is_taken_over(tmp_path: Path) -> None:
    """QLockFile believes a PID whose process has the holder's program name: a killed window's PID
    given to another Python process kept every start out as "already open … but did not answer".
    That process started after the lock was written, so it is not its holder."""
    data = tmp_path / "data"
    _crashed_window(data)
    lock = data / holders.window_lock_name()
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    try:
        if window_lock.process_started(other.pid) is None:
            pytest.skip("this system does not say when a process started")
        lines = lock.read_text(encoding="utf-8").split("\n")
        lock.write_text("\n".join([str(other.pid), *lines[1:]]), encoding="utf-8")
        live = SingleInstance(data)
        assert not live.acquire()  # written after that process started: it may be its holder
        hour_ago = time.time() - 3600
        os.utime(lock, (hour_ago, hour_ago))  # the lock is older than the process now under its PID
        again = SingleInstance(data)
        assert again.acquire()
        assert again.taken_over is not None and again.taken_over.pid == other.pid
        assert again.owner_pid() == os.getpid()
        again.release()
        assert sorted(p.name for p in data.iterdir()) == []  # no .rmlock left behind
    finally:
        other.kill()
        other.wait(timeout=30)


def test_a_second_window_on_the_same_folder_exits_with_a_message(qtbot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "branchguard", "--data-dir", str(data), "--lang", "en"]
    first = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        probe = SingleInstance(data)
        # The first window holds the lock once it is up (it then waits at the first-run dialog).
        held = lambda: probe.lock_path.exists() and probe.owner_pid() == first.pid  # noqa: E731
        qtbot.waitUntil(held, timeout=60_000)
        second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, check=False)
        assert second.returncode == 3
        assert f"already open on this data folder (PID {first.pid})" in second.stderr
        assert first.poll() is None  # the first window is untouched
    finally:
        first.kill()
        first.wait(timeout=30)


def _in_read_only_folder(folder: Path, code: str) -> subprocess.CompletedProcess[str] | None:
    """Run `code` in a child that sees `folder` mounted read-only (root included), or None where
    this system gives no user and mount namespace to do so."""
    script = (
        f'mount --bind "{folder}" "{folder}" && mount -o remount,ro,bind "{folder}" '
        f'&& exec "{sys.executable}" -c "$0"'
    )
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        return None
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", script, code], capture_output=True, text=True, timeout=60, check=False
    )


def test_a_read_only_folder_is_not_taken_for_another_window(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    code = (
        "from branchguard.gui.shell.single_instance import SingleInstance\n"
        f"print(SingleInstance({str(data)!r}).acquire(), SingleInstance({str(data)!r}).acquire())\n"
    )
    done = _in_read_only_folder(data, code)
    if done is None:
        pytest.skip("no user namespace here to mount a folder read-only")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True"]  # no lock can be made: read-only starts go ahead
    assert not list(data.glob("*.lock"))


def test_a_start_with_no_lock_left_imports_no_judgement_of_one(tmp_path: Path) -> None:
    """The lock is taken before the first frame, which waits for what the start imports: reading and
    judging a lock left behind (core/faults/window_lock.py, datetime with it: 4.5 ms) is imported
    only where a lock file is there, and the refusal's words (logging) only for a refusal."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "import branchguard.app\n"
        "from branchguard.gui.shell.single_instance import SingleInstance\n"
        "app = QCoreApplication([])\n"
        f"instance = SingleInstance(Path({str(tmp_path)!r}))\n"
        "print(instance.acquire(), [m for m in ('branchguard.core.faults.window_lock',\n"
        "                                      'branchguard.gui.shell.start_refused') if m in sys.modules])\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.strip() == "True []", out.stderr
