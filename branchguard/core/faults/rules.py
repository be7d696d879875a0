"""Which fault an exception is, and its words. Pure: the caller says where the data is and who else
has it open; nothing here touches the disk or the database."""

from __future__ import annotations

import errno
import os
import sqlite3
import sys
from collections.abc import Iterator, Sequence

from branchguard.core.faults.types import Fault, FaultKind, FaultPlace
from branchguard.core.kernel.i18n import Message

# SQLite's and PostgreSQL's own words (lower case), by fault; the first match in a chain wins.
_TEXTS: tuple[tuple[FaultKind, tuple[str, ...]], ...] = (
    (FaultKind.LOCKED, ("database is locked", "database table is locked")),
    (FaultKind.FULL, ("database or disk is full", "no space left on device", "could not extend file",
                      "disk quota exceeded")),
    (FaultKind.READ_ONLY, ("attempt to write a readonly database", "readonly database",
                           "read-only transaction", "read-only file system")),
    (FaultKind.CORRUPT, ("file is not a database", "database disk image is malformed",
                         "file is encrypted or is not a database")),
    (FaultKind.CANNOT_OPEN, ("unable to open database file",)),
    # SQLite's word when it cannot make or grow its -shm file (a full disk, among others): the
    # caller, who may look at the disk, says "full" when it is (core/faults/machine.py)
    (FaultKind.IO, ("disk i/o error",)),
    # before "unreachable": psycopg words these "connection failed: … password authentication failed"
    (FaultKind.LOGIN_REFUSED, ("password authentication failed", "no password supplied",
                               "no pg_hba.conf entry", "database \"", "role \"", "permission denied for")),
    # "connection is bad": psycopg's word for a server's unix socket that is not there (stopped)
    (FaultKind.UNREACHABLE, ("connection refused", "could not connect", "connection failed",
                             "connection is bad", "server closed the connection", "terminating connection",
                             "connection is closed", "connection is lost", "the connection is lost",
                             "consuming input failed", "no route to host", "connection timed out",
                             "could not translate host name", "failed to resolve host",
                             "connection reset")),
)
_ERRNOS = {
    errno.ENOSPC: FaultKind.FULL,
    errno.EDQUOT: FaultKind.FULL,
    errno.EROFS: FaultKind.READ_ONLY,
    errno.EIO: FaultKind.IO,
    # no permission: a folder this account may not write (a non-root user's read-only folder), a
    # file another program holds (a PDF open in a viewer on Windows), an immutable file
    errno.EACCES: FaultKind.NO_PERMISSION,
    errno.EPERM: FaultKind.NO_PERMISSION,
}
# What a file the user chose (an export, a report saved as PDF) says of itself when it cannot be
# written: as the command line says it of its -o (cli/__init__.py); other kinds are the data's.
_USERS_FILE = {
    FaultKind.FULL: "fault.file_unwritable",
    FaultKind.READ_ONLY: "fault.file_unwritable",
    FaultKind.NO_PERMISSION: "fault.file_no_permission",
}
# PostgreSQL SQLSTATEs: disk full, read-only transaction, admin/crash shutdown, cannot connect now,
# the login or database refused.
_SQLSTATES = {
    "53100": FaultKind.FULL,
    "25006": FaultKind.READ_ONLY,
    "57P01": FaultKind.UNREACHABLE,
    "57P02": FaultKind.UNREACHABLE,
    "57P03": FaultKind.UNREACHABLE,
    "08000": FaultKind.UNREACHABLE,
    "08003": FaultKind.UNREACHABLE,
    "08006": FaultKind.UNREACHABLE,
    "08001": FaultKind.UNREACHABLE,
    "28P01": FaultKind.LOGIN_REFUSED,  # wrong password
    "28000": FaultKind.LOGIN_REFUSED,  # no such login, or not allowed in
    "3D000": FaultKind.LOGIN_REFUSED,  # no such database
    "42501": FaultKind.LOGIN_REFUSED,  # the login may not do this (create the schema, say)
}
# PostgreSQL's class of SQLSTATEs for a broken constraint (unique, foreign key…; SQLite raises
# sqlite3.IntegrityError): what two PCs writing the same record at once meet when the later one
# writes what the first just took. A fault like the others, so the command line and the window
# both word it (they once did only in the command line: the window showed a crash box).
_CONFLICT_CLASS = "23"


def chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception, what it wraps (SQLAlchemy's `orig`) and its causes, each once."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        item = todo.pop(0)
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        yield item
        todo.extend([getattr(item, "orig", None), item.__cause__, item.__context__])


def _broken_constraint(item: BaseException, state: object) -> bool:
    """A unique key or another constraint refused the write: the driver's own error (SQLite's, a
    PostgreSQL SQLSTATE of class 23) or SQLAlchemy's IntegrityError around any driver's. SQLAlchemy
    is not imported here for that: when it is not loaded, none of its errors exists."""
    if isinstance(item, sqlite3.IntegrityError) or str(state or "")[:2] == _CONFLICT_CLASS:
        return True
    wrappers = sys.modules.get("sqlalchemy.exc")
    return wrappers is not None and isinstance(item, wrappers.IntegrityError)


def _kind_of(item: BaseException) -> FaultKind | None:
    """The fault one exception of a chain shows by itself, or None."""
    if isinstance(item, Fault):
        return item.kind
    if isinstance(item, OSError) and item.errno in _ERRNOS:
        return _ERRNOS[item.errno]
    state = getattr(item, "sqlstate", None) or getattr(item, "pgcode", None)
    if isinstance(state, str) and state in _SQLSTATES:
        return _SQLSTATES[state]
    if _broken_constraint(item, state):
        return FaultKind.CONFLICT
    driver = type(item).__module__.split(".")[0] in ("sqlite3", "sqlalchemy", "psycopg")
    if not (driver or isinstance(item, OSError)):
        return None
    text = str(item).lower()
    return next((kind for kind, needles in _TEXTS if any(needle in text for needle in needles)), None)


def _culprit(exc: BaseException) -> tuple[BaseException, FaultKind] | None:
    """The first exception of the chain that shows a fault, and that fault."""
    for item in chain(exc):
        kind = _kind_of(item)
        if kind is not None:
            return item, kind
    return None


def classify(exc: BaseException) -> FaultKind | None:
    """The fault an exception shows, or None when it is no fault of the machine (a bug, bad input)."""
    found = _culprit(exc)
    return found[1] if found is not None else None


def _norm(path: str) -> str:
    return os.path.normcase(os.path.abspath(path))


def _is_own(path: str, place: FaultPlace) -> bool:
    """Whether `path` is the data's: in the data folder (attachments, logs, keys, settings…) or the
    SQLite database and its companions (-wal, -shm, -journal) wherever it lies. Paths as the app
    spells them, built from the same folder and address: nothing is looked up on the disk."""
    path = _norm(path)
    if place.data_dir:
        folder = _norm(place.data_dir)
        if path == folder or path.startswith(folder.rstrip(os.sep) + os.sep):
            return True
    if place.sqlite and place.database:
        database = _norm(place.database)
        return path == database or path.startswith(database + "-")
    return False


def _filenames(error: OSError) -> list[str]:
    """The files a system error names (both of a rename)."""
    names = (error.filename, error.filename2)
    return [os.fsdecode(name) for name in names if isinstance(name, (str, bytes, os.PathLike))]


def _named_files(exc: BaseException) -> list[str]:
    """The files the system error behind the fault names, if it is one."""
    found = _culprit(exc)
    if found is None or not isinstance(found[0], OSError):
        return []
    return _filenames(found[0])


def _users_file_fault(exc: BaseException, place: FaultPlace) -> Fault | None:
    """A system error about a file the user chose that no fault kind covers (missing, its folder
    gone or unplugged, a folder where a file was meant, a name too long), worded as that file's, in
    the window as on the command line, which once alone did so. None for anything else: a data
    file's such error is the program's, not the user's."""
    error = next((item for item in chain(exc) if isinstance(item, OSError)), None)
    names = _filenames(error) if error is not None else []
    if error is None or not names or any(_is_own(name, place) for name in names):
        return None
    return Fault(FaultKind.FILE, Message("fault.file_unusable", path=names[0], error=system_words(error)))


def users_file(exc: BaseException, place: FaultPlace) -> str | None:
    """The file the fault is that of when it is none of the data's: one the user chose (an export to
    a read-only or full folder, a PDF a viewer holds). None when the fault names no file, or one of
    the data's, whose words are the data folder's."""
    names = _named_files(exc)
    if not names or any(_is_own(name, place) for name in names):
        return None
    return names[0]


_SYSTEM_WORDS = {
    errno.ENOENT: "os.no_such_file",
    errno.EACCES: "os.access_denied",
    errno.EPERM: "os.not_permitted",
    errno.EROFS: "os.read_only",
    errno.ENOSPC: "os.disk_full",
    errno.EDQUOT: "os.quota",
    errno.EISDIR: "os.is_folder",
    errno.ENOTDIR: "os.not_a_folder",
    errno.EEXIST: "os.exists",
    errno.EBUSY: "os.busy",
    errno.EIO: "os.io_error",
    errno.ENAMETOOLONG: "os.name_too_long",
}


def system_words(exc: OSError) -> Message | str:
    """What the system said, in the reader's language for the errors a person meets (a Chinese line
    read "无法写入 …：No such file or directory"); the system's own text for the rest."""
    key = _SYSTEM_WORDS.get(exc.errno) if exc.errno is not None else None
    return Message(key) if key is not None else (exc.strerror or str(exc))[:200]


def detail(exc: BaseException) -> Message | str:
    """The driver's own first line, to quote in the message (SQLAlchemy's wrapper text left out)."""
    for item in chain(exc):
        if isinstance(item, OSError) and item.strerror:  # "No space left on device", no "[Errno 28]"
            return system_words(item)
        if getattr(item, "orig", None) is None and not isinstance(item, Fault):
            return (str(item).strip().splitlines() or [type(item).__name__])[0][:200]
    return type(exc).__name__


def explain(
    exc: BaseException, place: FaultPlace, writers: Sequence[int] = (), waiters: Sequence[int] = ()
) -> Fault | None:
    """The fault as a worded error, or None when the exception is not a fault. For a lock, `writers`
    are the PIDs of the other BranchGuards on this data folder that may be writing, `waiters` those
    known to be waiting for the lock as well (so not holding it)."""
    if isinstance(exc, Fault):
        return exc
    kind = classify(exc)
    if kind is None:
        return _users_file_fault(exc, place)
    chosen = users_file(exc, place)
    if chosen is not None and kind in _USERS_FILE:
        return Fault(kind, Message(_USERS_FILE[kind], path=chosen, error=detail(exc)))
    file = next(iter(_named_files(exc)), "")
    return Fault(kind, message(kind, place, writers, detail(exc), waiters, file=file))


def _pids(pids: Sequence[int]) -> str:
    return ", ".join(map(str, pids))


def message(
    kind: FaultKind,
    place: FaultPlace,
    writers: Sequence[int] = (),
    error: Message | str = "",
    waiters: Sequence[int] = (),
    file: str = "",
) -> Message:
    """The words of a fault of the data (`file`: the one of the data's files the system named)."""
    where = {"path": place.database, "folder": place.data_dir}
    if kind is FaultKind.LOCKED:
        if writers:
            return Message("fault.locked_by", pids=_pids(writers), **where)
        if waiters:  # every BranchGuard on the folder waits: the holder is some other program
            return Message("fault.locked_waiting", waiting=_pids(waiters), **where)
        return Message("fault.locked", **where)
    if kind is FaultKind.UNREACHABLE or (kind is FaultKind.CANNOT_OPEN and not place.sqlite):
        return Message("fault.unreachable", server=place.database, error=error)
    if kind is FaultKind.LOGIN_REFUSED:
        return Message("fault.login_refused", server=place.database, error=error)
    if kind is FaultKind.NO_PERMISSION:
        named = file or place.database or place.data_dir
        return Message("fault.no_permission", file=named, error=error, **where)
    return Message(f"fault.{kind.value}", error=error, **where)


def waiting(place: FaultPlace, writers: Sequence[int], waiters: Sequence[int] = ()) -> Message:
    """Said while the write lock is retried: who holds it, that it is being retried (`writers` and
    `waiters` as for explain())."""
    if writers:
        return Message("fault.waiting_for", pids=_pids(writers))
    if waiters:
        return Message("fault.waiting_with", path=place.database, waiting=_pids(waiters))
    return Message("fault.waiting", path=place.database)
