"""One registry for the line-icon set in resources/icons: `icon(name)` returns a themed QIcon."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from branchguard.gui import style
from branchguard.paths import icons_dir

# Every icon is drawn in this colour in the SVG file; it is swapped for the theme's colours here
# so one file serves the normal, selected (white on accent) and disabled states.
SOURCE_STROKE = "#37474F"
_SIZES = (16, 20, 24, 32, 48)


def icon_names() -> list[str]:
    return sorted(p.stem for p in icons_dir().glob("*.svg"))


def _render(svg: str, colour: str, size: int, ratio: float) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.replace(SOURCE_STROKE, colour).encode("utf-8")))
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, pixmap.width(), pixmap.height()))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


@cache
def icon(name: str) -> QIcon:
    """The icon `name` (file stem in resources/icons); an unknown name is a programming error."""
    path = icons_dir() / f"{name}.svg"
    if not path.is_file():
        raise KeyError(f"no icon {name!r} in {icons_dir()}")
    svg = path.read_text(encoding="utf-8")
    app = QGuiApplication.instance()
    ratio = app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0
    result = QIcon()
    for size in _SIZES:
        result.addPixmap(_render(svg, style.ICON, size, ratio), QIcon.Mode.Normal)
        result.addPixmap(_render(svg, style.ON_ACCENT, size, ratio), QIcon.Mode.Selected)
        result.addPixmap(_render(svg, style.MUTED, size, ratio), QIcon.Mode.Disabled)
    return result
