"""One registry for the line-icon set in resources/icons: `icon(name)` returns a themed QIcon."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from branchguard.gui.kit import style
from branchguard.paths import icons_dir

# Every icon is drawn in this colour in the SVG file; it is swapped for the theme's colours here
# so one file serves the normal, selected (white on accent) and disabled states.
SOURCE_STROKE = "#37474F"


def _render(svg: str, colour: str, size: int, ratio: float) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.replace(SOURCE_STROKE, colour).encode("utf-8")))
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.fill(QColor(0, 0, 0, 0))  # transparent; not Qt.GlobalColor: see main_window._PAGE_ROLE
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, pixmap.width(), pixmap.height()))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


_MODE_COLOURS = {
    QIcon.Mode.Normal: style.ICON,
    QIcon.Mode.Active: style.ICON,
    QIcon.Mode.Selected: style.ON_ACCENT,
    QIcon.Mode.Disabled: style.MUTED,
}


class _SvgIconEngine(QIconEngine):
    """Draws the icon at the size and in the colour of the state asked for, when first asked.

    Rendering every size and state up front cost 5 ms an icon, most of it for states never shown,
    and it ran before the first frame of the window.
    """

    def __init__(self, svg: str) -> None:
        super().__init__()
        self._svg = svg
        self._cache: dict[tuple[int, QIcon.Mode, float], QPixmap] = {}

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        side = max(1, min(size.width(), size.height()))
        key = (side, mode, scale)
        pixmap = self._cache.get(key)
        if pixmap is None:
            pixmap = _render(self._svg, _MODE_COLOURS.get(mode, style.ICON), side, scale)
            self._cache[key] = pixmap
        return pixmap

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, ratio))

    def clone(self) -> QIconEngine:
        return _SvgIconEngine(self._svg)

    def key(self) -> str:
        return "branchguard-svg"


@cache
def icon(name: str) -> QIcon:
    """The icon `name` (file stem in resources/icons); an unknown name is a programming error."""
    path = icons_dir() / f"{name}.svg"
    if not path.is_file():
        raise KeyError(f"no icon {name!r} in {icons_dir()}")
    engine = _SvgIconEngine(path.read_text(encoding="utf-8"))
    _ENGINES.append(engine)  # QIcon does not keep the Python side of the engine alive
    return QIcon(engine)


_ENGINES: list[_SvgIconEngine] = []
