"""A zip member whose compressed bytes are damaged, as one changed byte on a disk or in a download
damages them: reading it raises zlib.error ("invalid block type"), which is none of BadZipFile,
EOFError and OSError that a bad CRC or a cut-short member raise."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path


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
