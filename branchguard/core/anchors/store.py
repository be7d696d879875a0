"""The anchor file: one signed anchor per line, appended (never rewritten) and synced to disk, and
read back; and the anchors embedded in a report PDF or listed in a head-office package.

Formats:
- anchor file (`branchguard-anchors.jsonl`): UTF-8, one JSON object per line with the fields
  at, ledger_seq, ledger_hash, record, record_seq, record_hash, what, fingerprint, public_key,
  signature (rules.FIELDS; rules.signed_bytes says what the signature covers);
- report PDF: the anchor line, base64url without padding, after `branchguard-anchor:` in the
  document's Keywords (read back by scanning the file's bytes: no PDF parser is needed at run time);
- head-office package: a JSON document `{"format": "branchguard.anchors", "version": 1,
  "anchors": [<anchor object>, ...]}`, on its own or as the package zip's `anchors.json`;
- an exported file: the same `branchguard-anchor:` token as a PDF's, in an Excel workbook's
  Keywords (docProps/core.xml inside the .xlsx zip) or on a comment line of a playbook export.
"""

from __future__ import annotations

import base64
import json
import mmap
import os
import re
import sys
import zipfile
from pathlib import Path
from typing import BinaryIO

from branchguard.core.anchors import rules
from branchguard.core.anchors.types import Anchor, ReadAnchor, SourceKind
from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.intake import ZIP_DAMAGE
from branchguard.core.kernel.zips import ZipDamaged, open_zip

FILE_NAME = "branchguard-anchors.jsonl"
PACKAGE_FORMAT = "branchguard.anchors"
PACKAGE_MEMBER = "anchors.json"  # its name in a head-office package (core/exchange/rules.ANCHORS)
PACKAGE_VERSION = 1
PDF_MARKER = "branchguard-anchor:"
MAX_LINE = 4096  # an anchor line is ~600 bytes
MAX_TEXT_SOURCE = 64 * 1024 * 1024  # an anchor file or package larger than this is refused unread
MAX_ZIP_MEMBER = 1024 * 1024  # a workbook's properties are a few hundred bytes
ZIP_PROPERTIES = "docProps/core.xml"
_PDF_ANCHOR = re.compile(rb"branchguard-anchor:([A-Za-z0-9_-]{16,%d})" % (MAX_LINE * 2))
POSIX = sys.platform != "win32"


class AnchorSourceError(BranchGuardError):
    """A source of anchors that cannot be read at all; the message names it and says why."""


def append(folder: Path, anchor: Anchor, make_folder: bool = False) -> Path:
    """Append `anchor` to the anchor file in `folder` and sync it to disk; OSError when it cannot be.

    A missing folder is made only when `make_folder` (the default one, inside the data folder): a
    folder the user chose that is gone is a USB stick pulled or a share away, and writing to the
    local disk in its place would hide that."""
    folder = Path(folder)
    if not folder.is_dir():
        if not make_folder:
            gone = "the folder is not there (a USB stick pulled, a share away?)"
            raise FileNotFoundError(2, gone, str(folder))
        folder.mkdir(mode=0o700, parents=True)
    path = folder / FILE_NAME
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    try:
        if POSIX:
            os.fchmod(fd, 0o600)
        size = os.fstat(fd).st_size
        # A line cut short (the stick pulled mid-write) stays as it is, and this one starts afresh.
        lead = b""
        if size:
            os.lseek(fd, size - 1, os.SEEK_SET)
            lead = b"" if os.read(fd, 1) == b"\n" else b"\n"
        data = lead + rules.to_line(anchor).encode() + b"\n"
        if os.write(fd, data) != len(data):
            raise OSError(28, "short write", str(path))
        os.fsync(fd)
    finally:
        os.close(fd)
    return path


def pdf_keyword(anchor: Anchor) -> str:
    """The anchor as the report PDF's Keywords carry it (ASCII only, no PDF escaping needed)."""
    line = rules.to_line(anchor).encode()
    return PDF_MARKER + base64.urlsafe_b64encode(line).rstrip(b"=").decode()


def read(path: Path) -> tuple[SourceKind, list[ReadAnchor]]:
    """Every anchor in `path`, which is an anchor file, a report PDF, an exported file or a
    head-office package (its zip, or its anchors.json)."""
    path = Path(path)
    try:
        if not path.is_file():
            raise AnchorSourceError(Message("anchor.source_not_file", path=str(path)))
        with path.open("rb") as fh:
            start = fh.read(5)
            if start == b"%PDF-":
                fh.seek(0)
                return SourceKind.PDF, _from_pdf(fh)
            if start.startswith(b"PK\x03\x04"):
                return _from_zip(path)
            if path.stat().st_size > MAX_TEXT_SOURCE:
                raise AnchorSourceError(Message("anchor.source_too_big", path=str(path)))
            fh.seek(0)
            data = fh.read()
    except OSError as exc:
        raise AnchorSourceError(
            Message("anchor.source_unreadable", path=str(path), error=exc.strerror or str(exc))
        ) from None
    package = _package(data)
    if package is not None:
        return SourceKind.PACKAGE, package
    if not data.lstrip().startswith(b"{") and PDF_MARKER.encode() in data:
        return SourceKind.EXPORT, _tokens(data)
    anchors = _from_lines(data)
    if anchors and not any(_json_object(line) for line in data.split(b"\n") if line.strip()):
        # no line of it is even JSON: some other file, not anchors that fail (a false alarm)
        raise AnchorSourceError(Message("anchor.source_not_anchors", path=str(path)))
    return SourceKind.FILE, anchors


def _json_object(raw: bytes) -> bool:
    if len(raw) > MAX_LINE:
        return False
    try:
        return isinstance(json.loads(raw.decode("utf-8")), dict)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return False


def _one(where: int, value: object) -> ReadAnchor:
    try:
        return ReadAnchor(where, rules.parse(value))
    except ValueError as exc:
        return ReadAnchor(where, None, Message("anchor.fail.unreadable", error=str(exc)))


def _decoded(where: int, raw: bytes) -> ReadAnchor:
    if len(raw) > MAX_LINE:
        return ReadAnchor(where, None, Message("anchor.fail.unreadable", error="line too long"))
    try:
        value = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        return ReadAnchor(where, None, Message("anchor.fail.unreadable", error=type(exc).__name__))
    return _one(where, value)


def _from_lines(data: bytes) -> list[ReadAnchor]:
    return [_decoded(n, line.strip()) for n, line in enumerate(data.split(b"\n"), start=1) if line.strip()]


def _package(data: bytes) -> list[ReadAnchor] | None:
    """The anchors of a head-office package, or None when `data` is not one."""
    if not data.lstrip().startswith(b"{") or b'"anchors"' not in data:
        return None
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None  # read as lines: a one-line anchor file is a JSON object too
    if not isinstance(value, dict) or value.get("format") != PACKAGE_FORMAT:
        return None
    if value.get("version") != PACKAGE_VERSION or not isinstance(value.get("anchors"), list):
        raise AnchorSourceError(Message("anchor.package_unknown", version=str(value.get("version"))))
    return [_one(n, item) for n, item in enumerate(value["anchors"], start=1)]


def _from_pdf(fh: BinaryIO) -> list[ReadAnchor]:
    """Anchors after the marker anywhere in the PDF's bytes (the file mapped, not read into memory)."""
    with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        return _tokens(data)


def _from_zip(path: Path) -> tuple[SourceKind, list[ReadAnchor]]:
    """The anchor in an Excel workbook's properties, or those a head-office package zip lists in
    its `anchors.json` (the zip's members are compressed)."""
    try:
        opened = open_zip(path)
    except ZipDamaged as exc:  # a damaged file list reads as damaged, not as a file with no anchor
        error = exc.detail
        raise AnchorSourceError(Message("anchor.source_unreadable", path=str(path), error=error)) from None
    try:
        with opened as zf:
            member = PACKAGE_MEMBER if PACKAGE_MEMBER in zf.namelist() else ZIP_PROPERTIES
            info = zf.getinfo(member)
            if info.file_size > MAX_ZIP_MEMBER:
                raise AnchorSourceError(Message("anchor.source_too_big", path=str(path)))
            try:
                data = zf.read(info)
            except ZIP_DAMAGE as exc:  # a bad CRC, a changed compressed byte: damaged, not "no anchor"
                error = str(exc)[:200]
                raise AnchorSourceError(
                    Message("anchor.source_unreadable", path=str(path), error=error)
                ) from None
    except (KeyError, zipfile.BadZipFile):
        return SourceKind.EXPORT, []
    if member == PACKAGE_MEMBER:
        return SourceKind.PACKAGE, _package(data) or []
    return SourceKind.EXPORT, _tokens(data)


def _tokens(data: bytes | mmap.mmap) -> list[ReadAnchor]:
    """Every distinct anchor after the marker in `data`, in order."""
    found: list[ReadAnchor] = []
    seen: set[bytes] = set()
    for match in _PDF_ANCHOR.finditer(data):
        token = match[1]
        if token in seen:
            continue
        seen.add(token)
        try:
            raw = base64.urlsafe_b64decode(token + b"=" * (-len(token) % 4))
        except ValueError:
            bad = Message("anchor.fail.unreadable", error="base64")
            found.append(ReadAnchor(len(found) + 1, None, bad))
            continue
        found.append(_decoded(len(found) + 1, raw))
    return found
