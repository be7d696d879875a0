"""The library zip on disk: written whole through the one output writer, read through the intake
guard (a regular file of bounded size; members known by name, each bounded before it is read).

Reading is in two steps, so that nothing of an unsigned or foreign library is inflated beyond its
manifest and signature (1 MB and 1 KB): `head` gives those two, and only once the signature holds
does `members` read the content, each member to no more than the size the signed manifest gives."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from branchguard.core.backup import types as backup_types
from branchguard.core.exchange import rules as package_rules
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.intake import MB, ZIP_DAMAGE, check_size, megabytes, open_file
from branchguard.core.kernel.output import writing
from branchguard.core.kernel.zips import ZipDamaged, open_zip
from branchguard.core.library_sync.rules import MANIFEST, MEMBERS, SIGNATURE, LibraryRefused
from branchguard.core.library_sync.types import ManifestFile

FIELD = "field.library_file"
MAX_FILE = 200 * MB  # playbook attachments travel inside (20 MB each at most)
MAX_MEMBER = {MANIFEST: 1 * MB, SIGNATURE: 1024}
MAX_CONTENT = 190 * MB
# Together: playbooks.yaml at its largest and room to spare for the three small JSON documents
# (templates, rules, working days: tens of KB each in a real library).
MAX_CONTENT_TOTAL = 256 * MB
KNOWN = {MANIFEST, SIGNATURE, *MEMBERS}


def write(path: Path | str, members: Mapping[str, bytes]) -> None:
    """The zip, whole or not at all, and only over a regular file."""
    with writing(path) as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)


@contextmanager
def opened(path: Path | str) -> Iterator[zipfile.ZipFile]:
    """The zip at `path`, open; LibraryRefused for a file that is no zip, a zip without a manifest
    (no library at all: a stray member is worth naming only in one that claims to be), or a member
    this format does not have or has twice. Only the manifest is inflated here (to name a backup or
    a package for what it is), within its cap."""
    path = Path(path)
    with open_file(path, MAX_FILE, FIELD) as fh:
        try:  # a damaged directory is said so, not taken for a member missing or unlisted
            zf = open_zip(fh)
        except ZipDamaged as damaged:
            key = "library.not_zip" if damaged.no_zip else "library.damaged"
            raise LibraryRefused(Message(key, path=str(path))) from None
        except OSError:
            raise LibraryRefused(Message("library.not_zip", path=str(path))) from None
        with zf:
            names = zf.namelist()
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
            yield zf


def head(zf: zipfile.ZipFile) -> tuple[bytes, bytes | None]:
    """The manifest and the signature file (None when there is none), each within its small cap:
    all a library's trust is decided on, before any of its content is inflated."""
    manifest = _member(zf, zf.getinfo(MANIFEST), MAX_MEMBER[MANIFEST])
    names = zf.namelist()
    signature = _member(zf, zf.getinfo(SIGNATURE), MAX_MEMBER[SIGNATURE]) if SIGNATURE in names else None
    return manifest, signature


def read(path: Path | str) -> tuple[bytes, bytes | None]:
    """The manifest and signature of the library at `path` (`opened`, then `head`)."""
    with opened(path) as zf:
        return head(zf)


def members(zf: zipfile.ZipFile, files: Sequence[ManifestFile]) -> dict[str, bytes]:
    """The content members the signed manifest lists, by name. Their signed sizes are held to the
    caps (each MAX_CONTENT, together MAX_CONTENT_TOTAL) before any is inflated, and each is read
    to no more than its signed size and a byte (a zip's own sizes may lie: what is counted is what
    inflates), so a member that would grow past its size stops there and is refused as changed
    (rules.check_members). A member present but not listed is refused without being read."""
    listed = {f.name for f in files}
    for name in zf.namelist():
        if name not in listed and name not in MAX_MEMBER:
            raise LibraryRefused(Message("library.member_unlisted", name=name))
    for f in files:
        check_size(f.size, MAX_CONTENT, FIELD, f.name)
    total = sum(f.size for f in files)
    if total > MAX_CONTENT_TOTAL:
        raise LibraryRefused(
            Message("library.too_big", size=megabytes(total), limit=megabytes(MAX_CONTENT_TOTAL))
        )
    names = set(zf.namelist())
    return {f.name: _member(zf, zf.getinfo(f.name), f.size, stop=True) for f in files if f.name in names}


def _member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, stop: bool = False) -> bytes:
    """A member's bytes, inflating at most `limit` and one byte more. More than `limit` is refused
    as too big, or with `stop` returned as read so far (a signed size exceeded: the caller's hash
    check names the member changed)."""
    if not stop:
        check_size(info.file_size, limit, FIELD, info.filename)
    try:
        with zf.open(info) as member:
            data = member.read(limit + 1)
    except ZIP_DAMAGE + (OSError, ValueError) as exc:  # noqa: RUF005 (mypy refuses a starred tuple here)
        raise LibraryRefused(
            Message("library.member_unreadable", name=info.filename, error=str(exc)[:200])
        ) from None
    if not stop:
        check_size(len(data), limit, FIELD, info.filename)
    return data


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
    except ZIP_DAMAGE + (OSError, ValueError, RecursionError):  # noqa: RUF005 (mypy refuses a starred tuple here)
        return None
    kind = doc.get("format") if isinstance(doc, dict) else None
    return kind if isinstance(kind, str) else None
