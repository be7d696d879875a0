"""One window per data folder on each PC: a second start brings the running window forward and exits.

Two windows on one database would each run the scheduler (reminders twice) and each believe its
screen is current. The first start holds a lock file in the data folder (QLockFile: a crashed
holder's lock is taken over, its PID no longer running or given to a younger process since, as
core/faults/window_lock.py judges it; the start says so) and, once its window has painted, listens on a
local socket named after the folder. A second start finds the lock, asks the first over that socket
to come forward, and exits with a message naming the running one's PID.

A data folder this account cannot write holds no lock file at all: the data opens read-only there,
a read-only window writes nothing and runs no scheduler, so such a start goes ahead without the lock
rather than being told that another window runs. A lock file that cannot be written for another
reason (a full disk) is no window running either: `cannot_write` then says why, and the start stops
with that fault (it was told "already open … but did not answer" with nothing else running).

On a database server (`per_pc`) the lock file is named after the PC: the PCs of a shared deployment
(one PostgreSQL database) share the data folder on a network share, and each runs its own window
(the reminders are announced per user). One file for all refused every PC's window but the first's,
as "already open". On the embedded SQLite file the folder keeps its one lock, so a second PC on the
same file over a share is refused (holders.window_lock_name).
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

from branchguard.core.faults.holders import window_lock_name

if TYPE_CHECKING:
    from branchguard.core.faults.window_lock import WindowLock

RAISE = b"raise\n"
ANSWER_MS = 2000


def server_name(data_dir: Path) -> str:
    """The local socket's name: the same for every start on this folder, whatever spelling reached it."""
    import hashlib  # here: the lock is taken before the first frame, the name is needed after it

    digest = hashlib.sha256(str(Path(data_dir).resolve()).encode("utf-8")).hexdigest()[:16]
    return f"branchguard-{digest}"


class SingleInstance(QObject):
    activation_requested = Signal()  # another start on this folder asked this window to come forward

    def __init__(self, data_dir: Path, parent: QObject | None = None, *, per_pc: bool = False) -> None:
        super().__init__(parent)
        self._data_dir = Path(data_dir)
        self._per_pc = per_pc
        self._unmade: OSError | None = None  # a new data folder that could not be made (a full disk)
        try:
            Path(data_dir).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._unmade = exc
        self._lock = QLockFile(str(self.lock_path))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._server: QObject | None = None
        self.cannot_write: OSError | None = None  # set by acquire(): why the lock file was not written
        self.taken_over: WindowLock | None = None  # set by acquire(): a crashed window's lock

    @property
    def name(self) -> str:
        return server_name(self._data_dir)

    @property
    def lock_path(self) -> Path:
        """The folder's lock file, or this PC's with `per_pc` (holders.window_lock_name)."""
        return self._data_dir / window_lock_name(self._per_pc)

    def acquire(self) -> bool:
        """Whether this start may open its window: the lock taken, or none can be made here for
        want of permission. False when a running process holds it, or when the file could not be
        written for another reason: then `cannot_write` is set."""
        self.cannot_write = self._unmade
        if self._unmade is not None:
            return False
        left = self._left_stale() if self.lock_path.exists() else None
        if self._lock.tryLock(100) or (left is not None and self._take_over(left)):
            self.taken_over = left
            return True
        error = self._lock.error()
        if error == QLockFile.LockError.LockFailedError:  # held by a process that still runs
            return False
        if error == QLockFile.LockError.PermissionError:
            return True
        self.cannot_write = self._write_error()
        return False

    def _left_stale(self) -> WindowLock | None:
        """The lock a window of this PC left without closing (a crash, a power cut), if that is the
        one there: None for a lock still held, or one its window released meanwhile. Imported only
        when a lock file is there: the first frame waits for what the start imports (4.5 ms)."""
        from branchguard.core.faults import window_lock

        left = window_lock.read(self.lock_path)
        return left if left is not None and window_lock.holding(left) is window_lock.Holding.STALE else None

    def _take_over(self, left: WindowLock) -> bool:
        """Whether the stale lock `left`, that QLockFile took for held, was removed and the lock
        taken: QLockFile believes a PID of a process of the same program name (a recycled PID)."""
        guard = QLockFile(f"{self.lock_path}.rmlock")  # as QLockFile guards its own removal
        if not guard.tryLock(0):
            return False
        try:
            from branchguard.core.faults import window_lock

            now = window_lock.read(self.lock_path)
            if now is None or (now.pid, now.written) != (left.pid, left.written):
                return self._lock.tryLock(0)  # changed meanwhile: its new holder's, unless gone
            return self._lock.removeStaleLockFile() and self._lock.tryLock(0)
        finally:
            guard.unlock()

    def say_taken_over(self) -> None:
        """One line, on stderr and in the log (once it has started), when the lock of a window that
        ended without closing (a crash, a power cut) was taken over."""
        left = self.taken_over
        if left is None:  # the usual start, before its first frame: nothing imported for it
            return
        import sys

        from branchguard import diagnostics
        from branchguard.core.kernel.i18n import t

        message = t("app.stale_lock_taken_over", pid=left.pid, since=left.since(), path=left.path)
        diagnostics.warn_when_logging(message)
        print(f"branchguard: {message}", file=sys.stderr)

    def _write_error(self) -> OSError:
        """Why the lock file could not be written (QLockFile says only "unknown error"): what
        writing a file of the same size beside it says, a full disk's ENOSPC for one."""
        probe = self._data_dir / f".{self.lock_path.name}-probe-{os.getpid()}"
        try:
            with probe.open("wb") as file:
                file.write(f"{os.getpid()}\nbranchguard\n".encode())
                file.flush()
                os.fsync(file.fileno())
        except OSError as exc:
            return exc
        finally:
            with contextlib.suppress(OSError):
                probe.unlink(missing_ok=True)
        return OSError(errno.EIO, os.strerror(errno.EIO), str(self.lock_path))

    def write_fault(self) -> str:
        """The words for `cannot_write`: a full disk or a read-only folder as the command line says
        it, else the lock file and the system's words."""
        from branchguard.config import DB_FILE
        from branchguard.core.faults.machine import explain_fault
        from branchguard.core.faults.types import FaultKind, FaultPlace
        from branchguard.core.kernel.i18n import t

        error = self.cannot_write
        assert error is not None
        folder = self._data_dir
        if isinstance(error, (FileExistsError, NotADirectoryError)):  # a file where the folder should be
            return t("fault.data_dir_not_folder", path=error.filename or folder)
        fault = explain_fault(error, FaultPlace(str(folder), str(folder / DB_FILE)))
        if fault is not None and fault.kind in (FaultKind.FULL, FaultKind.READ_ONLY):
            return fault.text()
        reason = error.strerror or str(error)
        return t("fault.lock_unwritable", path=self.lock_path, folder=folder, error=reason)

    def owner_pid(self) -> int | None:
        info = self._lock.getLockInfo()  # PySide: (pid, hostname, appname), pid 0 when unreadable
        pid = int(info[0]) if info else 0
        return pid if pid > 0 else None

    def listen(self) -> None:
        """Answer later starts (after the first frame: the network module is not needed before)."""
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(self.name)  # a socket file left by a crashed start
        server = QLocalServer(self)
        server.newConnection.connect(lambda: self._answer(server))
        server.listen(self.name)
        self._server = server

    def _answer(self, server: QObject) -> None:
        from PySide6.QtNetwork import QLocalServer

        assert isinstance(server, QLocalServer)
        while server.hasPendingConnections():
            socket = server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QObject) -> None:
        from PySide6.QtNetwork import QLocalSocket

        assert isinstance(socket, QLocalSocket)
        if bytes(socket.readAll().data()).startswith(RAISE.strip()):
            self.activation_requested.emit()
        socket.disconnectFromServer()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()  # type: ignore[attr-defined]
        self._lock.unlock()


def ask_running_window_forward(name: str) -> bool:
    """Whether the window listening on `name` took the request to come forward."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(ANSWER_MS):
        return False
    socket.write(RAISE)
    sent = socket.waitForBytesWritten(ANSWER_MS)
    socket.disconnectFromServer()
    return sent
