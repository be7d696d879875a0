"""Files the app writes where the user said (-o, a save dialog, a backup folder): one helper for all.

A write never replaces anything but a regular file: the target must be absent or a regular file
(a device such as /dev/sda, a FIFO or a folder is refused before anything is written, also when run
as root); the bytes go to a temporary file beside it, which replaces the target only once complete,
after the target was checked again. A link is followed to the file it names, which is what gets
replaced. On Windows the reserved device names (CON, NUL, COM1, …) are refused as well.

Nor is any of the app's own data ever the target, whatever the name it is given by (a link, a
folder's link, a second name of the same file): the database and its companions, the settings, the
keys, attachments, logs, the anchor file and the backups already made. A report written over the
database once left a PDF where the branch's records were. Each open data folder says what that is
(`protect`, called by the context when it opens): every command and save dialog is covered, none
passes paths.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message

FIELD = "field.output"


class OutputRefused(ValidationError):
    """The place given for a file is not one a file may be written to."""


class OwnDataRefused(OutputRefused):
    """The place given for a file is the app's own data (`protect`)."""


@dataclass(frozen=True)
class OwnData:
    """What of a data folder no file written where the user said may replace: `files` (there or not
    yet) and everything under `folders`."""

    files: tuple[Path, ...] = ()
    folders: tuple[Path, ...] = ()


OwnPlaces = Callable[[], OwnData]
_own: list[OwnPlaces] = []


def protect(places: OwnPlaces) -> Callable[[], None]:
    """From now until the function returned is called, `places()` is the app's own data, asked at
    each write (a backup or anchor folder chosen meanwhile counts)."""
    _own.append(places)

    def release() -> None:
        with contextlib.suppress(ValueError):
            _own.remove(places)

    return release


def _refuse(key: str, path: Path) -> OutputRefused:
    return OutputRefused(FIELD, Message(key, path=str(path)))


def _names_of(path: Path) -> set[object]:
    """What `path` is known by: its name with every link resolved (case folded where the system
    folds it) and, when it is there, its device and file number (any other name of it)."""
    names: set[object] = {os.path.normcase(os.path.realpath(path))}
    with contextlib.suppress(OSError):
        found = os.stat(path)
        if found.st_ino:  # 0: a file system without file numbers, where they would all match
            names.add((found.st_dev, found.st_ino))
    return names


def _is_own_data(path: Path) -> bool:
    """Whether writing `path` would replace (or stand in the place of) the app's own data."""
    if not _own:
        return False
    owned = [places() for places in list(_own)]

    def known(paths: list[Path]) -> set[object]:
        return set().union(*map(_names_of, paths))

    files = known([f for own in owned for f in own.files])
    folders = known([f for own in owned for f in own.folders])
    here = _names_of(path)
    within = [_names_of(p) for p in Path(os.path.realpath(path)).parents]
    return bool(here & (files | folders)) or any(names & folders for names in within)


def check_target(path: Path | str) -> Path:
    """The file to write for `path` (a link resolved); OutputRefused when it may not be written."""
    from branchguard.core.kernel.names import is_reserved_on_windows

    path = Path(path)
    if sys.platform == "win32" and is_reserved_on_windows(path.name):
        raise _refuse("output.reserved", path)
    if os.path.islink(path):
        path = Path(os.path.realpath(path))
    if _is_own_data(path):
        raise OwnDataRefused(FIELD, Message("output.own_data", path=str(path)))
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
        _discard(tmp)
        # Name the file the user asked for (e.g. the folder is read-only, or the old PDF is open in
        # a viewer that locks it).
        raise type(exc)(exc.errno, exc.strerror, str(path)) from exc
    except BaseException:
        _discard(tmp)
        raise


def _discard(tmp: Path) -> None:
    """Remove a temporary file that was not finished; a removal that fails too (a read-only mount
    refuses the unlink as it refused the write) must not replace the error that says why."""
    with contextlib.suppress(OSError):
        tmp.unlink(missing_ok=True)


def write_file(path: Path | str, data: bytes) -> None:
    """The whole file or nothing, and only over a regular file."""
    with writing(path) as fh:
        fh.write(data)
