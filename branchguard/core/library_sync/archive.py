"""The library zip on disk: written whole through the one output writer, read through the intake
guard (a regular file of bounded size; members known by name, each bounded before it is read)."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Mapping
from pathlib import Path

from branchguard.core.backup import types as backup_types
from branchguard.core.exchange import rules as package_rules
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.intake import MB, check_size, open_file
from branchguard.core.kernel.output import writing
from branchguard.core.library_sync.rules import MANIFEST, MEMBERS, SIGNATURE, LibraryRefused

FIELD = "field.library_file"
MAX_FILE = 200 * MB  # playbook attachments travel inside (20 MB each at most)
MAX_MEMBER = {MANIFEST: 1 * MB, SIGNATURE: 1024}
MAX_CONTENT = 190 * MB
KNOWN = {MANIFEST, SIGNATURE, *MEMBERS}


def write(path: Path | str, members: Mapping[str, bytes]) -> None:
    """The zip, whole or not at all, and only over a regular file."""
    with writing(path) as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def read(path: Path | str) -> dict[str, bytes]:
    """Every member by name; LibraryRefused for a file that is no zip, a zip without a manifest (no
    library at all: a stray member is worth naming only in one that claims to be), a member this
    format does not have or has twice, or a member over its size."""
    path = Path(path)
    with open_file(path, MAX_FILE, FIELD) as fh:
        try:
            zf = zipfile.ZipFile(fh)
        except (zipfile.BadZipFile, OSError, ValueError):
            raise LibraryRefused(Message("library.not_zip", path=str(path))) from None
        with zf:
            infos = zf.infolist()
            names = [i.filename for i in infos]
            other = _other_kind(zf, names, path)
            if other is not None:
                raise LibraryRefused(other)
            if MANIFEST not in names:
                raise LibraryRefused(Message("library.no_manifest", path=str(path)))
            for name in names:
                if name not in KNOWN:
                    raise LibraryRefused(Message("library.member_unlisted", name=name[:100]))
                if names.count(name) > 1:
                    raise LibraryRefused(Message("library.member_twice", name=name))
            members: dict[str, bytes] = {}
            for info in infos:
                limit = MAX_MEMBER.get(info.filename, MAX_CONTENT)
                check_size(info.file_size, limit, FIELD, info.filename)
                try:
                    with zf.open(info) as member:
                        data = member.read(limit + 1)
                except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
                    raise LibraryRefused(
                        Message("library.member_unreadable", name=info.filename, error=str(exc)[:200])
                    ) from None
                check_size(len(data), limit, FIELD, info.filename)
                members[info.filename] = data
            return members


# What else a BranchGuard zip may be, by its manifest's format or, failing that, its members.
BACKUP_FORMAT, _BACKUP_MEMBER = backup_types.FORMAT, backup_types.DATABASE_NAME
PACKAGE_FORMAT = package_rules.FORMAT
_PACKAGE_MEMBERS = (package_rules.LEDGER, package_rules.ANCHORS)
_PACKAGE_FOLDERS = (package_rules.RECORDS, package_rules.REPORTS)


def _other_kind(zf: zipfile.ZipFile, names: list[str], path: Path) -> Message | None:
    """The refusal of a BranchGuard backup or period package handed in as a library (named for
    what it is), or None when the zip looks like no other BranchGuard file."""
    kind = _manifest_format(zf, names)
    if kind == BACKUP_FORMAT or (kind is None and _BACKUP_MEMBER in names):
        return Message("library.is_backup", path=str(path))
    package_members = any(n in _PACKAGE_MEMBERS or n.startswith(_PACKAGE_FOLDERS) for n in names)
    if kind == PACKAGE_FORMAT or (kind is None and package_members):
        return Message("library.is_package", path=str(path))
    return None


def _manifest_format(zf: zipfile.ZipFile, names: list[str]) -> str | None:
    """The `format` its manifest.json states, when it has one that can be read (None otherwise)."""
    if MANIFEST not in names:
        return None
    info = zf.getinfo(MANIFEST)
    if info.file_size > MAX_MEMBER[MANIFEST]:
        return None
    try:
        with zf.open(info) as member:
            doc = json.loads(member.read(MAX_MEMBER[MANIFEST] + 1))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RecursionError):
        return None
    kind = doc.get("format") if isinstance(doc, dict) else None
    return kind if isinstance(kind, str) else None
