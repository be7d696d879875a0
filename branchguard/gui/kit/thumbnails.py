"""Thumbnails of photos, made off the GUI thread: decoded at the thumbnail's size.

`QImage.fromData` decodes the whole picture holding the interpreter (PySide does not let it go):
a 6-megapixel photo took 50 ms, and the window, whose heartbeat needs the interpreter, stalled
30-45 ms for each photo attached or shown (ten years: 56-85 ms attaching one to an incident).
Read through QImageReader at the thumbnail's size, a JPEG is decoded scaled down (about 20 ms,
the window's stall 5 ms); other formats are scaled after decoding, as before."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader


def thumbnail(data: bytes, side: int) -> QImage | None:
    """The picture in `data` within `side`×`side` pixels, its aspect kept; None if it is none.
    A QImage, not a QPixmap: made off the GUI thread, where no pixmap may be."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size.scaled(QSize(side, side), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image
