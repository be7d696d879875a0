"""A zip from outside opened with its directory proved against its members, so that damage reads as
damage: a byte changed in the zip's directory (the list of files at its end) renamed a member there
("manifest.sig" → "manifest.sjg"), and the file was refused as lacking that member, which reads
like a forgery or a wrong sender; a name whose bytes no longer decode went up as a traceback.

Each member's own header (just before its data) repeats its name: reading the member compares them,
so opening every member once (a seek and a few bytes each, nothing inflated) finds the directory
that no longer matches before any member is looked up by name.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import IO

from branchguard.core.kernel.intake import ZIP_DAMAGE

# What a damaged directory raises besides ZIP_DAMAGE: a name that does not decode (UnicodeDecodeError,
# a ValueError), a flag or method byte changed (RuntimeError "encrypted", NotImplementedError).
_DAMAGE: tuple[type[Exception], ...] = (*ZIP_DAMAGE, ValueError, RuntimeError, NotImplementedError)


class ZipDamaged(Exception):
    """The file is no zip, or a damaged one; `detail` is the zip module's words for what it met,
    `no_zip` whether it was not taken for a zip at all (no directory found at its end: a file of
    another kind, or a zip cut short)."""

    def __init__(self, exc: Exception, no_zip: bool = False) -> None:
        detail = (str(exc) or type(exc).__name__)[:200]
        super().__init__(detail)
        self.detail, self.no_zip = detail, no_zip


def open_zip(file: Path | str | IO[bytes]) -> zipfile.ZipFile:
    """The zip, every member's header found where its directory says and naming it the same; else
    ZipDamaged. OSError (the file cannot be read) goes up as it is."""
    try:
        zf = zipfile.ZipFile(file)
    except _DAMAGE as exc:
        raise ZipDamaged(exc, no_zip=isinstance(exc, zipfile.BadZipFile)) from None
    try:
        for info in zf.infolist():
            zf.open(info).close()  # reads the member's header only: nothing is inflated
    except _DAMAGE as exc:
        zf.close()
        raise ZipDamaged(exc) from None
    except BaseException:
        zf.close()
        raise
    return zf
