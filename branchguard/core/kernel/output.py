"""Files the app writes where the user said (-o, a save dialog, a backup folder): one helper for all.

A write never replaces anything but a regular file: the target must be absent or a regular file
(a device such as /dev/sda, a FIFO or a folder is refused before anything is written, also when run
as root); the bytes go to a temporary file beside it, which replaces the target only once complete,
after the target was checked again. A link is followed to the file it names, which is what gets
replaced. On Windows the reserved device names (CON, NUL, COM1, …) are refused as well.
"""

from __future__ import annotations

import os
import secrets
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message

FIELD = "field.output"


class OutputRefused(ValidationError):
    """The place given for a file is not one a file may be written to."""


def _refuse(key: str, path: Path) -> OutputRefused:
    return OutputRefused(FIELD, Message(key, path=str(path)))


def check_target(path: Path | str) -> Path:
    """The file to write for `path` (a link resolved); OutputRefused when it may not be written."""
    from branchguard.core.kernel.names import is_reserved_on_windows

    path = Path(path)
    if sys.platform == "win32" and is_reserved_on_windows(path.name):
        raise _refuse("output.reserved", path)
    if os.path.islink(path):
        path = Path(os.path.realpath(path))
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise _refuse("output.is_folder", path)
    if mode is not None and not stat.S_ISREG(mode):
        raise _refuse("output.not_regular", path)
    return path  # a missing folder: the open below fails with FileNotFoundError naming the file


def _still_replaceable(target: Path) -> None:
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise _refuse("output.changed", target)


@contextmanager
def writing(path: Path | str) -> Iterator[IO[bytes]]:
    """A file handle whose bytes become `path` when the block ends without an error; nothing of
    them is left behind otherwise. OSError names the file asked for, not the temporary one."""
    target = check_target(path)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        with tmp.open("xb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        _still_replaceable(target)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        # Name the file the user asked for (e.g. the folder is read-only, or the old PDF is open in
        # a viewer that locks it).
        raise type(exc)(exc.errno, exc.strerror, str(path)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_file(path: Path | str, data: bytes) -> None:
    """The whole file or nothing, and only over a regular file."""
    with writing(path) as fh:
        fh.write(data)
