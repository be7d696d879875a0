"""Real (tiny) pictures for tests that attach photos: an inspection refuses a file that is not a
PNG or JPEG that decodes (core/inspections/photos.py), so fake bytes no longer pass as a photo."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

Colour = str | tuple[int, int, int]


def picture(colour: Colour = "red", kind: str = "JPEG", size: tuple[int, int] = (8, 6)) -> bytes:
    """The bytes of a `size` picture filled with `colour`, as `kind` ("JPEG" or "PNG"): another
    colour gives another file (another hash)."""
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, kind)
    return out.getvalue()


def picture_file(path: Path, colour: Colour = "red") -> Path:
    """`path` written as a tiny picture of the kind its suffix names (.png, else JPEG)."""
    path.write_bytes(picture(colour, "PNG" if path.suffix.lower() == ".png" else "JPEG"))
    return path
