"""A zip member whose compressed bytes are damaged, as one changed byte on a disk or in a download
damages them: reading it raises zlib.error ("invalid block type"), which is none of BadZipFile,
EOFError and OSError that a bad CRC or a cut-short member raise."""

from __future__ import annotations

import json
import struct
import zipfile
import zlib
from pathlib import Path

from branchguard.core.exchange import rules as package


def damage_stream(src: Path, member: str, out: Path) -> None:
    """`src` copied to `out` with `member`'s deflate stream made unreadable: its first block's type
    set to the reserved 3. The zip's directory and every other member stay as they were."""
    data = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as zf:
        info = zf.getinfo(member)
    assert info.compress_type == zipfile.ZIP_DEFLATED, f"{member} is stored, not compressed"
    header = info.header_offset  # its local header: 30 bytes, then the name and the extra field
    start = header + 30 + sum(struct.unpack("<HH", data[header + 26 : header + 30]))
    data[start] |= 0b110  # BTYPE bits of the first block header: 11 is reserved
    out.write_bytes(bytes(data))
    with zipfile.ZipFile(out) as zf:
        try:
            zf.read(member)
        except zlib.error:
            return
    raise AssertionError(f"{member} of {out} still reads")


def deflated(path: Path) -> list[str]:
    """The members of the zip at `path` that are compressed (a stored one has no stream to damage)."""
    with zipfile.ZipFile(path) as zf:
        return [i.filename for i in zf.infolist() if i.compress_type == zipfile.ZIP_DEFLATED and i.file_size]


def _directory_name_at(data: bytes, member: str) -> tuple[int, int]:
    """Where `member`'s name lies in the zip's central directory (the list of files at its end): the
    offset of its entry and of the name's first byte."""
    at = data.find(b"PK\x01\x02")
    while at != -1:
        length = struct.unpack("<H", data[at + 28 : at + 30])[0]
        if data[at + 46 : at + 46 + length] == member.encode():
            return at, at + 46
        at = data.find(b"PK\x01\x02", at + 4)
    raise AssertionError(f"{member} is not in the directory")


def rename_in_directory(src: Path, member: str, out: Path) -> str:
    """`src` copied to `out` with one bit flipped in `member`'s name in the central directory, as a
    changed byte on a disk or in a download does; the member's own header keeps its name. Returns the
    name the directory now lists (\"manifest.sig\" → \"manifest.sjg\")."""
    data = bytearray(src.read_bytes())
    _entry, name = _directory_name_at(bytes(data), member)
    data[name + len(member) - 2] ^= 0x02
    out.write_bytes(bytes(data))
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
    assert member not in names, "the flip left the name as it was"
    return next(n for n in names if len(n) == len(member) and n[:-2] == member[:-2])


def undecodable_in_directory(src: Path, member: str, out: Path) -> None:
    """`src` copied to `out` with a byte of `member`'s name in the central directory made one that is
    no UTF-8 while the entry says its name is UTF-8."""
    data = bytearray(src.read_bytes())
    entry, name = _directory_name_at(bytes(data), member)
    data[name + 1] = 0xFF
    flags = struct.unpack("<H", data[entry + 8 : entry + 10])[0]
    struct.pack_into("<H", data, entry + 8, flags | 0x800)  # bit 11: the name is UTF-8
    out.write_bytes(bytes(data))


# How a package may come damaged: a byte changed in the directory's name of manifest.sig, or to a
# byte that decodes to nothing; the download cut short; another file saved in its place.
DAMAGES = ["renamed", "undecodable", "cut_short", "not_zip"]


def package_zip(path: Path, signed: bool = True) -> Path:
    """A package's head as a branch writes it (the refusals here come before its signature is read)."""
    body = {"format": package.FORMAT, "version": package.VERSION, "generator": {"name": "BranchGuard"}}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(package.MANIFEST, json.dumps(body))
        if signed:
            zf.writestr(package.SIGNATURE, "00" * 64)
        zf.writestr(f"{package.RECORDS}incidents.json", "[]")
    return path


def damaged(kind: str, folder: Path) -> Path:
    """A package named B001-2026-11.zip damaged as `kind` says."""
    sound = package_zip(folder / "sound.zip")
    bad = folder / "B001-2026-11.zip"
    if kind == "renamed":
        assert rename_in_directory(sound, package.SIGNATURE, bad) == "manifest.skg"
    elif kind == "undecodable":
        undecodable_in_directory(sound, package.SIGNATURE, bad)
    elif kind == "cut_short":
        bad.write_bytes(sound.read_bytes()[: sound.stat().st_size * 2 // 3])
    else:
        bad.write_bytes(b"<html>the download page, saved instead of the file</html>")
    return bad
