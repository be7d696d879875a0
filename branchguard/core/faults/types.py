"""The kinds of fault BranchGuard names, and the error that carries one."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.kernel.i18n import Message


class FaultKind(enum.StrEnum):
    LOCKED = "locked"  # another process holds SQLite's write lock, past every retry
    FULL = "full"  # the disk (or quota) is full
    READ_ONLY = "read_only"  # the data folder, the file or the connection is read-only
    CORRUPT = "corrupt"  # not a database, or a malformed one
    CANNOT_OPEN = "cannot_open"  # the file or its folder cannot be opened at all
    # the system refused this account (EACCES, EPERM): a folder it may not write, a file another
    # program holds open (a PDF in a viewer on Windows)
    NO_PERMISSION = "no_permission"
    IO = "io"  # the disk failed a read or a write (SQLite's "disk I/O error": no room for its -shm file…)
    UNREACHABLE = "unreachable"  # the database server refused or dropped the connection
    LOGIN_REFUSED = "login_refused"  # the server answered, and refused the login or the database name
    # another change to the same record was saved first: a constraint the two broke together (two
    # PCs adding the same plan code, or version 2 of one plan), the database's own refusal
    CONFLICT = "conflict"
    # a file or folder the user chose cannot be used for a reason none of the above covers: it is
    # missing (a USB stick pulled, a folder deleted), a folder where a file was meant, a name too long
    FILE = "file"


@dataclass(frozen=True)
class FaultPlace:
    """Where the data is, to name in the message: the data folder and the database (a file path,
    or the server's host for PostgreSQL)."""

    data_dir: str
    database: str
    sqlite: bool = True


class Fault(BranchGuardError):
    """A fault of the machine, worded: what happened, that the change was not saved, what to do."""

    def __init__(self, kind: FaultKind, content: Message) -> None:
        super().__init__(content)
        self.kind = kind
