"""Reading a branch's period package out of its zip, inflating no more than what is proved.

The manifest and its signature come first, within small caps (MAX_MANIFEST, MAX_SIGNATURE): a
package's trust is decided on them alone. Only then are the members the signed manifest lists read,
their signed sizes first held to the caps (each MAX_MEMBER; together MAX_CONTENT, and the JSON
documents kept in memory MAX_JSON_TOTAL), and each inflated to no more than its signed size and one
byte: a zip's own sizes may lie, so what is counted is what actually inflates.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from branchguard.core.backup import types as backup_types
from branchguard.core.exchange import rules as package
from branchguard.core.kernel import intake
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.intake import ZIP_DAMAGE
from branchguard.core.library_sync import rules as library_rules

FIELD = "field.package"
MAX_PACKAGE = 2 * 1024 * 1024 * 1024  # a package file
# A real manifest lists ~150 bytes a file: 3 KB for a month with three reports; 1 MB is over 6,000
# files, more than any branch's quarter of incidents, drills and inspections makes.
MAX_MANIFEST = 1024 * 1024
MAX_SIGNATURE = 1024  # 128 hex digits and a newline
MAX_MEMBER = 512 * 1024 * 1024
MAX_JSON_TOTAL = 1024 * 1024 * 1024  # the records and the ledger, held in memory to be parsed
MAX_CONTENT = 4 * 1024 * 1024 * 1024  # everything listed, the PDFs (only hashed, streamed) included
_CHUNK = 1 << 16
# what peeking at a file that is no readable package may raise besides a damaged zip and a refusal
# (ValueError: its manifest no JSON)
_UNREADABLE: tuple[type[Exception], ...] = (OSError, KeyError, TypeError, ValueError)


class Refused(ValidationError):
    """A package refused; nothing of it was written (a quarantined one is kept aside, with why).
    Once its manifest was read, `branch_code` and `period` say what the package says it is of."""

    branch_code = ""
    period = ""


def refuse(key: str, **params: object) -> Refused:
    return Refused(FIELD, Message(key, **params))


def ledger_order(paths: Sequence[Path]) -> list[Path]:
    """`paths` in the order head office can take them in: each branch's packages by where their
    ledger ends (the order the branch made them), so that files chosen together in any order (a
    quarter's, made first, sorts after its months' by name) fill their own gaps, and one sent again
    from the start (`--after 0`) comes after the older ones it reaches past. Only the manifests are
    peeked at, nothing is proved: a file that is no readable package goes first, in its place, to be
    refused as the import finds."""

    def where(index: int) -> tuple[str, int, int]:
        try:  # opened as the import opens it: a FIFO or a device refused, never waited on
            with intake.open_file(paths[index], MAX_PACKAGE, FIELD) as fh, zipfile.ZipFile(fh) as zf:
                manifest = json.loads(_capped(zf, package.MANIFEST, MAX_MANIFEST))
            return str(manifest["branch"]["code"]), int(manifest["ledger"]["head"]["seq"]), index
        except ZIP_DAMAGE + _UNREADABLE + (ValidationError,):
            return "", -1, index

    return [paths[i] for i in sorted(range(len(paths)), key=where)]


def other_kind(zf: zipfile.ZipFile, path: Path) -> Refused | None:
    """The refusal of a head-office library or a BranchGuard backup handed in as a branch's package,
    named for what it is (by its manifest's format or, failing that, its database member); None
    when it looks like neither."""
    names = set(zf.namelist())
    kind: object = None
    if package.MANIFEST in names:
        try:
            manifest = json.loads(_capped(zf, package.MANIFEST, MAX_MANIFEST))
        except _UNREADABLE + (ValidationError,):  # noqa: RUF005 (mypy refuses a starred tuple)
            manifest = None
        kind = manifest.get("format") if isinstance(manifest, dict) else None
    if kind == library_rules.FORMAT:
        return refuse("ho.is_library", file=path.name)
    if kind == backup_types.FORMAT or (kind is None and backup_types.DATABASE_NAME in names):
        return refuse("ho.is_backup", file=path.name)
    return None


def head(zf: zipfile.ZipFile) -> tuple[bytes, str]:
    """The manifest's bytes and the signature's text, each within its small cap (the zip is known
    to hold both)."""
    manifest = _capped(zf, package.MANIFEST, MAX_MANIFEST)
    signature = _capped(zf, package.SIGNATURE, MAX_SIGNATURE).decode("ascii", "replace")
    return manifest, signature


def check_sizes(listed: Mapping[str, Mapping[str, Any]]) -> None:
    """The signed sizes within the caps, before anything listed is inflated."""
    for name, f in listed.items():
        if f["size"] > MAX_MEMBER:
            raise refuse("ho.file_too_big", file=name)
    json_total = sum(f["size"] for name, f in listed.items() if name.endswith(".json"))
    if json_total > MAX_JSON_TOTAL or sum(f["size"] for f in listed.values()) > MAX_CONTENT:
        raise refuse("ho.package_too_big")


def proved(
    zf: zipfile.ZipFile, listed: Mapping[str, Mapping[str, Any]], keep: Iterable[str]
) -> dict[str, bytes]:
    """Every listed member hashed as it streams, to at most its signed size and a byte, and held to
    its size and SHA-256 (Refused naming the first that differs); the bytes of the members in `keep`
    (the JSON documents, parsed next) returned by name."""
    kept = set(keep)
    read: dict[str, bytes] = {}
    for name, f in listed.items():
        sha, size, data = _streamed(zf, name, f["size"], name in kept)
        if sha != f["sha256"] or size != f["size"]:
            raise refuse("ho.file_changed", file=name)
        if name in kept:
            read[name] = data
    return read


def _capped(zf: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """A member's bytes, inflating at most `limit` and a byte (Refused as too big beyond)."""
    info = zf.getinfo(name)
    if info.file_size > limit:
        raise refuse("ho.file_too_big", file=name)
    try:
        with zf.open(info) as fh:
            data = fh.read(limit + 1)
    except ZIP_DAMAGE + (OSError,):  # noqa: RUF005 (mypy refuses a starred tuple)
        # damaged, not "differs from its manifest": the manifest and its signature are what the
        # other members are held to
        raise refuse("ho.head_damaged", file=name) from None
    if len(data) > limit:
        raise refuse("ho.file_too_big", file=name)
    return data


def _streamed(zf: zipfile.ZipFile, name: str, size: int, keep: bool) -> tuple[str, int, bytes]:
    """SHA-256 and count of the member's bytes, read until they pass `size` (its signed size) or
    end, and the bytes with `keep`. Unreadable compressed data or a bad CRC (a changed byte) is
    refused as a changed file."""
    sha, count, chunks = hashlib.sha256(), 0, []
    try:
        with zf.open(name) as fh:
            while count <= size and (chunk := fh.read(_CHUNK)):
                sha.update(chunk)
                count += len(chunk)
                if keep:
                    chunks.append(chunk)
    except ZIP_DAMAGE + (OSError,):  # noqa: RUF005 (mypy refuses a starred tuple here)
        raise refuse("ho.file_changed", file=name) from None
    return sha.hexdigest(), count, b"".join(chunks)
