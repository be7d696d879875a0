"""The library zip on disk: written whole through the one output writer, read through the intake
guard (a regular file of bounded size; members known by name, each bounded before it is read)."""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from pathlib import Path

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
    """Every member by name; LibraryRefused for a file that is no zip, a member this format does
    not have or has twice, or a member over its size."""
    path = Path(path)
    with open_file(path, MAX_FILE, FIELD) as fh:
        try:
            zf = zipfile.ZipFile(fh)
        except (zipfile.BadZipFile, OSError, ValueError):
            raise LibraryRefused(Message("library.not_zip", path=str(path))) from None
        with zf:
            infos = zf.infolist()
            names = [i.filename for i in infos]
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
