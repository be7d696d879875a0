"""Who else has this data folder open: the window's lock file (gui/shell/single_instance.py, PID on
its first line; one per PC where the database is a server's, as the PCs of a shared deployment share
the folder) and
the files CLI commands write while they run (`run/cli-<PID>`), so a wait for SQLite's write lock can
name the BranchGuard that holds it. A process waiting for that lock says so too (`run/wait-<PID>`):
several commands waiting for an outside program's lock named each other as the writer."""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # it reads this module's process_runs
    from branchguard.core.faults.window_lock import WindowLock

WINDOW_LOCK = "branchguard.lock"  # the window's QLockFile (PID first) on the embedded database
_PC_LOCK = ("branchguard-", ".lock")  # a PC's own (window_lock_name), its name between them
RUN_FOLDER = "run"
CLI_PREFIX = "cli-"
WAIT_PREFIX = "wait-"
# A waiter touches its file before every retry: at most SQLite's busy wait plus the longest pause
# apart (db/engine.py, LOCK_RETRY: 2 + 8 s). Older, the process no longer waits (it gave up).
WAIT_FRESH_SECONDS = 15.0


def process_runs(pid: int) -> bool:
    if sys.platform == "win32":  # os.kill(pid, 0) would send Ctrl+C there
        import ctypes

        kernel = ctypes.windll.kernel32
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to someone else
        return True
    return True


def host_name() -> str:
    """This PC's network name, as the window's lock file is named after it."""
    import socket

    return socket.gethostname()


def pc_tag() -> str:
    """This PC's name as the files it alone writes in a shared data folder carry it (its window
    lock, its log): lower case, ASCII letters, digits, '-' and '_'; empty when it has none."""
    return "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "_" for c in host_name().lower())


def window_lock_name(per_pc: bool = False) -> str:
    """The window's lock file: the folder's one (WINDOW_LOCK) on the embedded database, this PC's
    with `per_pc` (a database server). The PCs of a shared deployment (PostgreSQL) share the data
    folder on a network share; one lock for all of them refused every PC's window but the first (a
    PID on another PC cannot be seen to run, so its lock is never stale), though the reminders are
    announced per user (scheduling/engine.py). The embedded file keeps one lock per folder: two PCs
    writing one SQLite file over a network share is what SQLite warns against (its WAL needs one
    host's shared memory), so the second PC is refused."""
    if not per_pc:
        return WINDOW_LOCK
    name = pc_tag()
    return f"{_PC_LOCK[0]}{name}{_PC_LOCK[1]}" if name else WINDOW_LOCK


def window_locks(data_dir: Path) -> list[WindowLock]:
    """The window locks on this folder that this PC's windows write (the folder's one and this PC's,
    window_lock_name), but this process's own."""
    from branchguard.core.faults import window_lock

    found = []
    for name in dict.fromkeys((window_lock_name(), window_lock_name(per_pc=True))):
        lock = window_lock.read(data_dir / name)
        if lock is not None and lock.pid != os.getpid():
            found.append(lock)
    return found


def window_pid(data_dir: Path) -> int | None:
    """The PID of a window open on this folder on this PC: a lock of window_locks still held
    (window_lock.holding: its process runs, and is the one that wrote it)."""
    from branchguard.core.faults.window_lock import Holding, holding

    return next((lock.pid for lock in window_locks(data_dir) if holding(lock) is Holding.LIVE), None)


def stale_window_locks(data_dir: Path) -> list[WindowLock]:
    """The locks of window_locks left by windows of this PC that ended without closing."""
    from branchguard.core.faults.window_lock import Holding, holding

    return [lock for lock in window_locks(data_dir) if holding(lock) is Holding.STALE]


def other_pc_windows(data_dir: Path) -> list[str]:
    """The other PCs whose window holds its lock on this shared folder (a database server's: one lock
    file per PC, window_lock_name), by the host name QLockFile wrote on the file's third line (else
    the file's). Such a lock is stale by its own rule only when its process is gone, which only that
    PC can see (stale by age never: gui/shell/single_instance.py); so a file of another PC is a
    window open there, or one that crashed and has not been started and quit there since. The
    folder's one lock (the embedded database's) counts too when another PC wrote it."""
    from branchguard.core.faults.window_lock import Holding, holding, read

    own = window_lock_name(per_pc=True)
    found = []
    for path in sorted(Path(data_dir).glob(f"{_PC_LOCK[0]}*{_PC_LOCK[1]}")):
        if path.name == own or path.name == WINDOW_LOCK:
            continue
        try:
            lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        except FileNotFoundError:  # that window closed meanwhile
            continue
        except OSError:  # unreadable: it is there all the same
            lines = []
        host = lines[2].strip() if len(lines) > 2 else ""
        found.append(host or path.name.removeprefix(_PC_LOCK[0]).removesuffix(_PC_LOCK[1]))
    folder_lock = read(Path(data_dir) / WINDOW_LOCK)
    if folder_lock is not None and holding(folder_lock) is Holding.ELSEWHERE:
        found.append(folder_lock.host or WINDOW_LOCK)
    return found


def _run_pids(data_dir: Path, prefix: str) -> list[int]:
    """PIDs of other processes named by `run/<prefix><PID>` files (those of ended ones are ignored)."""
    found = []
    try:
        names = [p.name for p in (Path(data_dir) / RUN_FOLDER).iterdir()]
    except OSError:
        return []
    for name in names:
        digits = name.removeprefix(prefix)
        if name.startswith(prefix) and digits.isdigit():
            pid = int(digits)
            if pid != os.getpid() and process_runs(pid):
                found.append(pid)
    return sorted(found)


def cli_pids(data_dir: Path) -> list[int]:
    """PIDs of other CLI commands running on this folder (files of ended ones are ignored)."""
    return _run_pids(data_dir, CLI_PREFIX)


def waiting_pids(data_dir: Path) -> list[int]:
    """PIDs of other BranchGuards on this folder waiting for the write lock, or that gave up
    waiting a moment ago (so not holding it): their `run/wait-<PID>` touched within
    WAIT_FRESH_SECONDS."""
    now = time.time()
    fresh = []
    for pid in _run_pids(data_dir, WAIT_PREFIX):
        try:
            touched = (Path(data_dir) / RUN_FOLDER / f"{WAIT_PREFIX}{pid}").stat().st_mtime
        except OSError:
            continue
        if now - touched < WAIT_FRESH_SECONDS:
            fresh.append(pid)
    return fresh


# SQLite's write lock, as the unix VFS takes it with fcntl (visible in Linux's /proc/locks with the
# holder's PID): in WAL mode byte 120 of the -shm file (WAL_WRITE_LOCK), else the database file's
# RESERVED byte (the PENDING byte + 1), held by a writer from BEGIN IMMEDIATE to its commit.
_WAL_WRITE_BYTE = 120
_RESERVED_BYTE = 0x40000001
PROC_LOCKS = Path("/proc/locks")


def lock_holder(database: Path) -> int | None:
    """The PID of the process holding SQLite's write lock on `database`, where the system says it
    (Linux); None where it does not (Windows, macOS), or when nobody holds it now."""
    targets = []
    for path, byte in ((Path(f"{database}-shm"), _WAL_WRITE_BYTE), (Path(database), _RESERVED_BYTE)):
        try:
            st = path.stat()
        except OSError:
            continue
        targets.append((f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}", byte))
    try:
        lines = PROC_LOCKS.read_text(encoding="ascii", errors="replace").splitlines()
    except OSError:
        return None
    for line in lines:
        # "7: POSIX  ADVISORY  WRITE 20420 fe:00:2714698 120 120" (a "->" line is a blocked request)
        fields = line.split()
        if len(fields) < 8 or fields[1] != "POSIX" or fields[3] != "WRITE":
            continue
        try:
            pid, start = int(fields[4]), int(fields[6])
            end = None if fields[7] == "EOF" else int(fields[7])
        except ValueError:
            continue
        for ident, byte in targets:
            if fields[5] == ident and start <= byte and (end is None or byte <= end) and pid > 0:
                return pid
    return None


def other_pids(data_dir: Path) -> list[int]:
    """Every other BranchGuard on this folder: the window first, then CLI commands."""
    window = window_pid(data_dir)
    return ([window] if window else []) + [p for p in cli_pids(data_dir) if p != window]


class Announcement:
    """`run/cli-<PID>` while a command runs, so another one waiting for the write lock can name it.
    Best effort: a folder that cannot take the file only makes the name unknown."""

    def __init__(self, data_dir: Path) -> None:
        path = data_dir / RUN_FOLDER / f"{CLI_PREFIX}{os.getpid()}"
        self.path: Path | None = path
        try:
            path.parent.mkdir(exist_ok=True)
            path.touch()
        except OSError:
            self.path = None

    def end(self) -> None:
        if self.path is not None:
            self.path.unlink(missing_ok=True)
            _remove(self.path.with_name(f"{WAIT_PREFIX}{os.getpid()}"))  # a wait given up ends here
            self.path = None


_waits: dict[Path, int] = {}  # per data folder: this process's threads waiting for the write lock
_waits_lock = threading.Lock()
_made: set[Path] = set()  # wait files this process made, removed when it ends


def _wait_file(folder: Path) -> Path:
    return folder / RUN_FOLDER / f"{WAIT_PREFIX}{os.getpid()}"


def _touch(path: Path) -> None:
    try:
        path.parent.mkdir(exist_ok=True)
        path.touch()  # best effort, as Announcement: a folder that cannot take it names no waiter
    except OSError:
        return
    if path not in _made:  # one given up stays until the process ends (the window's too)
        _made.add(path)
        atexit.register(_remove, path)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def note_waiting(data_dir: Path, attempt: int) -> None:
    """Before the `attempt`-th pause of a wait for the write lock: this process waits (its
    `run/wait-<PID>` made, or touched again so that it stays fresh)."""
    folder = Path(data_dir)
    with _waits_lock:
        if attempt == 1:
            _waits[folder] = _waits.get(folder, 0) + 1
        _touch(_wait_file(folder))


def end_waiting(data_dir: Path, *, gave_up: bool = False) -> None:
    """A wait of this process has ended. The file goes with the last wait that went through; one
    that gave up leaves it to go stale, so that others giving up at the same moment do not name
    this process as the writer (it goes at the command's end too: Announcement.end)."""
    folder = Path(data_dir)
    with _waits_lock:
        left = _waits.get(folder, 0) - 1
        if left > 0:
            _waits[folder] = left
            return
        _waits.pop(folder, None)
        if gave_up:
            _touch(_wait_file(folder))  # fresh from now: it has only just stopped waiting
        else:
            _remove(_wait_file(folder))
