"""A finished PDF's pages as pixels, for the print preview and the printer (Qt-free).

PDFium (through pypdfium2) renders the very file that is saved or sent, so what the preview shows
is what prints. PDFium is not thread-safe: every call into it, from any `PdfPages`, holds one
module lock. The window calls these only from its background tasks (gui/kit/print_preview.py).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import pypdfium2

POINTS_PER_INCH = 72.0
_PDFIUM = threading.Lock()  # one caller inside PDFium at a time, whichever document


@dataclass(frozen=True)
class PageImage:
    """One rendered page: RGBX pixels, 4 bytes each, `stride` bytes a line."""

    index: int
    width: int
    height: int
    stride: int
    pixels: bytes


class PdfPages:
    """An open PDF: its page count and sizes (points), and any page rendered at a resolution."""

    def __init__(self, path: Path) -> None:
        data = Path(path).read_bytes()  # held in memory: the file may be replaced or removed
        with _PDFIUM:
            self._doc = pypdfium2.PdfDocument(data)
            self.sizes: tuple[tuple[float, float], ...] = tuple(
                tuple(self._doc.get_page_size(i)) for i in range(len(self._doc))
            )

    @property
    def count(self) -> int:
        return len(self.sizes)

    def render(self, index: int, dpi: float) -> PageImage:
        """Page `index` (from 0) at `dpi` pixels per inch, on white."""
        with _PDFIUM:
            page = self._doc[index]
            try:
                bitmap = page.render(
                    scale=dpi / POINTS_PER_INCH,
                    rev_byteorder=True,  # RGBX: QImage's Format_RGBX8888 on any byte order
                    prefer_bgrx=True,
                    fill_color=(255, 255, 255, 255),
                )
                try:
                    pixels = bytes(bitmap.buffer)
                    return PageImage(index, bitmap.width, bitmap.height, bitmap.stride, pixels)
                finally:
                    bitmap.close()
            finally:
                page.close()

    def close(self) -> None:
        with _PDFIUM:
            self._doc.close()


def page_count(path: Path) -> int:
    """How many pages the PDF at `path` has."""
    pages = PdfPages(path)
    try:
        return pages.count
    finally:
        pages.close()
