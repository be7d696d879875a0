"""Window sizes that never exceed the screen: a dialog asks for the size it reads best at, and gets
it bounded by the screen it opens on (1024×768 and 1366×768 at 125 % included), less room for the
title bar and frame; a column that scrolls rather than make its window taller than the screen."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QStyle, QVBoxLayout, QWidget

# What the window frame and title bar take, so the whole window, not only its inside, is on screen.
FRAME = QSize(40, 60)
SMALLEST = QSize(1024, 768)  # the narrowest screen every window must fit
# The shortest: a 1366×768 laptop at Windows' 125 % (its default) has 1093×614 logical pixels.
SHORTEST = QSize(1093, 614)
# The largest minimum size any window may have: as narrow as the 1024×768 screen, as short as what
# the 1366×768 one at 125 % leaves under the title bar and taskbar (1024×554).
FLOOR = QSize(SMALLEST.width(), SHORTEST.height() - FRAME.height())


def room(widget: QWidget) -> QSize:
    """The inside size a window may take on the screen it is on."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    available = screen.availableGeometry().size() if screen is not None else SMALLEST
    return (available - FRAME).expandedTo(QSize(320, 240))


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to width×height, or to the screen's room where that is smaller (the layout's
    minimum still wins: a window is never made smaller than its contents allow)."""
    bounded = QSize(width, height).boundedTo(room(widget))
    widget.resize(bounded.expandedTo(widget.minimumSizeHint()))


class VerticalScroll(QScrollArea):
    """Holds a column that scrolls up and down rather than make its window taller than the screen,
    and is never narrower than the column: its width is the column's, its minimum height small."""

    def __init__(self, column: QWidget, object_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if object_name:
            self.setObjectName(object_name)
        self.setWidget(column)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        from PySide6.QtCore import Qt  # not at import: the main window's first frame imports this module

        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # no stop of its own in the Tab order, where nothing showed the focus: Tab goes to the
        # fields inside, and the area scrolls to the one that takes it
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def _bar(self) -> int:
        return self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)

    def minimumSizeHint(self) -> QSize:
        column = self.widget()
        width = column.minimumSizeHint().width() if column is not None else 0
        return QSize(width + self._bar(), min(120, super().minimumSizeHint().height() or 120))

    def sizeHint(self) -> QSize:
        column = self.widget()
        return column.sizeHint() + QSize(self._bar(), 0) if column is not None else super().sizeHint()


def scrolling_column(name: str, *widgets: QWidget, stretch: bool = True) -> VerticalScroll:
    """`widgets` one under the other in a column that scrolls (topped up by a stretch, or not)."""
    column = QWidget()
    box = QVBoxLayout(column)
    box.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        box.addWidget(widget)
    if stretch:
        box.addStretch(1)
    return VerticalScroll(column, name)


def scrolling_box(name: str) -> tuple[VerticalScroll, QVBoxLayout]:
    """An empty column that scrolls, and its layout (no margins) to fill with widgets and layouts:
    a form that would make its dialog taller than the screen at larger text."""
    column = QWidget()
    box = QVBoxLayout(column)
    box.setContentsMargins(0, 0, 0, 0)
    return VerticalScroll(column, name), box
