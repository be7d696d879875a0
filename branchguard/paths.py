"""Where the bundled resources (icons, translations, built-in content) are, and who may read the
data folder (private by default). Qt-free: the services read built-in content from here too."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any


@cache  # asked for every icon and data file; resolving the path each time shows in the start-up
def resources_dir() -> Path:
    # Inside the package, so a checkout, an installed wheel and the frozen build (which sets a
    # module's __file__ to its place under sys._MEIPASS, where the spec puts branchguard/resources)
    # all find it beside this file.
    return Path(__file__).resolve().parent / "resources"


def read_resource_yaml(path: Path) -> Any:
    """A built-in content file (drill defaults, inspection templates, complaint categories) parsed
    as YAML: by libyaml's C parser when PyYAML has it (the frozen build and the wheels do), else by
    the pure-Python one; both build the same plain values. Read when first needed, not at start:
    the drill defaults, parsed by the pure-Python parser, were 30 ms of the window's first
    dashboard read."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


# An item of a built-in file's list as the files write it: its first key `code` on the item's own line
# (no other line starts "- code:"), and a key of the file's top level.
_ITEM_CODE = re.compile(r"^[ \t]*- code:[ \t]*([A-Za-z0-9_-]+)[ \t]*$")
_TOP_KEY = re.compile(r"^([A-Za-z_]\w*):")


def resource_codes(path: Path) -> dict[str, frozenset[str]]:
    """The codes of a built-in content file's items, by the top-level key whose list holds them,
    read off the file's lines without parsing it (no YAML reader loaded: a seed asked at every start
    parses the file only when the database lacks one of these). The tests hold it equal to the
    parsed file for every file seeded so."""
    codes: dict[str, set[str]] = {}
    key = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        top = _TOP_KEY.match(line)
        if top is not None:
            key = top.group(1)
        elif (item := _ITEM_CODE.match(line)) is not None:
            codes.setdefault(key, set()).add(item.group(1))
    return {k: frozenset(v) for k, v in codes.items()}


def icons_dir() -> Path:
    return resources_dir() / "icons"


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def starter_playbooks_file() -> Path:
    return resources_dir() / "playbooks" / "starter_library.yaml"


# -- private by default ------------------------------------------------------------------------
# On POSIX the data folder and everything in it (database and its -wal/-shm, attachments, keys,
# settings, backups, logs) are its owner's only: folders 0700, files 0600. A data folder shared by
# the accounts of one group (README, "Where data lives") is marked so by its setgid bit
# (`chmod 2770`): then the group keeps its access (folders 2770, files 0660) and others have none.
# Windows keeps no such modes: the README shows how to restrict the folder with icacls.


@dataclass(frozen=True)
class Access:
    folder: int
    file: int
    umask: int


OWNER_ONLY = Access(folder=0o700, file=0o600, umask=0o077)
OWNER_AND_GROUP = Access(folder=0o2770, file=0o660, umask=0o007)


def access_of(data_dir: Path) -> Access:
    """Owner only, unless `data_dir` is a group's shared folder (its setgid bit set)."""
    try:
        shared = bool(data_dir.stat().st_mode & stat.S_ISGID)
    except OSError:  # not made yet: it will be made private
        shared = False
    return OWNER_AND_GROUP if shared else OWNER_ONLY


def restrict_new_files(data_dir: Path) -> None:
    """From now on, what this process creates is private (the process's umask): for files that a
    library creates (SQLite's journal, the log, zip archives) as well as our own."""
    if os.name == "posix":
        os.umask(access_of(data_dir).umask)


def make_private(data_dir: Path, *paths: Path) -> None:
    """Give each existing path (a folder or a file) the data folder's access; the data folder
    itself when no path is given. Nothing off POSIX, nor where the file system keeps no modes
    (a FAT USB stick refuses chmod: what is there stays as the stick allows). Access is only ever
    narrowed for its owner: a folder or file made read-only on purpose stays read-only (every
    command once made a read-only data folder writable again), and its group gets no more."""
    if os.name != "posix":
        return
    access = access_of(data_dir)
    for path in paths or (data_dir,):
        try:
            mode = path.stat().st_mode
            wanted = _kept_owner(stat.S_IMODE(mode), access.folder if stat.S_ISDIR(mode) else access.file)
            if stat.S_IMODE(mode) != wanted:
                path.chmod(wanted)
        except OSError:
            continue


def _kept_owner(mode: int, wanted: int) -> int:
    """`wanted` with the owner's permissions as they are in `mode`, and the group's no wider."""
    owner = mode & 0o700
    group = wanted & 0o070 & (owner >> 3)
    return (wanted & ~0o777) | owner | group | (wanted & 0o007)
