"""What an inspection takes as a photo: a PNG or JPEG picture that decodes, under a name the
inspection report pictures (reports/incident_tables.IMAGE_SUFFIXES). A photo is evidence ("a failed
item of this kind needs a photo"), so an empty file, a text file renamed .jpg or random bytes are
refused when attached, before anything is stored, instead of counting as the photo and printing as
"not an image" in the report. Its size is bounded by the attachment store (MAX_ATTACHMENT_BYTES,
20 MB a file) and Pillow's pixel limit (a decompression bomb is refused too)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO

from branchguard.core.kernel.attachments import MAX_ATTACHMENT_BYTES
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.intake import open_file

SUFFIXES = (".png", ".jpg", ".jpeg")  # the names the reports draw as pictures
FORMATS = frozenset({"PNG", "JPEG"})  # what Pillow must find inside (the reports decode with it)
_CHECK_SIZE = 256  # pixels: a JPEG is decoded at a reduced scale, enough to prove it decodes
FIELD = "field.photos"


def check_photo_file(path: Path) -> None:
    """Refuse a file that is not a photo the reports can picture (read once, nothing written)."""
    path = Path(path)
    # a device, a FIFO or a file over the limit: refused unread, as the attachment store would
    with open_file(path, MAX_ATTACHMENT_BYTES, "field.attachment") as fh:
        _check_name(path.name)
        _check_picture(path.name, fh)


def check_photo_bytes(name: str, data: bytes) -> None:
    """The same for bytes read already (the window reads the file on its writer thread)."""
    _check_name(name)
    _check_picture(name, io.BytesIO(data))


def _check_name(name: str) -> None:
    if not name.lower().endswith(SUFFIXES):
        suffixes = " ".join(SUFFIXES)
        raise ValidationError(FIELD, Message("inspection.photo_suffix", name=name, suffixes=suffixes))


def _check_picture(name: str, fh: IO[bytes]) -> None:
    """Pillow finds a PNG or JPEG whose structure verifies, and its pixels decode to the end (a
    truncated JPEG passes verify(), which only reads its headers)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(fh) as picture:
            if picture.format not in FORMATS:
                raise _not_a_photo(name)
            picture.verify()
        fh.seek(0)
        with Image.open(fh) as picture:
            picture.draft("RGB", (_CHECK_SIZE, _CHECK_SIZE))
            picture.load()
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError, SyntaxError):
        raise _not_a_photo(name) from None


def _not_a_photo(name: str) -> ValidationError:
    return ValidationError(FIELD, Message("inspection.photo_not_image", name=name))
