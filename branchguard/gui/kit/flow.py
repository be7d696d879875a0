"""A row of buttons that wraps onto the next line instead of widening the window.

A page's tool row laid out by QHBoxLayout asks for the sum of its buttons' widths as its minimum,
and the page then holds the whole window wider than a 1024×768 screen (the Inspections page asked
for 1299 px in English). `FlowLayout` asks only for its widest item and takes the height its items
need at the width it gets (height-for-width), so the row breaks into two lines on a small screen and
stays one line on a large one.

`add_stretch()` marks where the row splits into a left and a right group: on one line the items
after it are pushed to the right edge, as QHBoxLayout.addStretch would; when the row wraps, each
line is simply left-aligned.

What it measures is kept until Qt invalidates the layout (a child's text, size or visibility
changed; Qt invalidates nested layouts before every relayout): the items' size hints, the minimum
and one line-breaking per width asked. Measured afresh at every call, the Inspections page's tool
rows cost ~60 ms of its first show (29 minimum sizes, 70 arrangements of every button's size hint).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget, QWidgetItem


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._split: int | None = None  # index of the first right-hand item, if any
        self._spacing = spacing
        # Kept until `invalidate`: (item, size hint) of the visible items, the gap, the minimum size
        # and the height at each width asked.
        self._measured: tuple[list[tuple[QLayoutItem, QSize]], int] | None = None
        self._minimum: QSize | None = None
        self._heights: dict[int, int] = {}
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)

    # The QLayout protocol -----------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self._forget()

    def add_widget(self, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))

    def add_stretch(self) -> None:
        """The items added after this one sit at the right end of the line when all fit on one."""
        self._split = len(self._items)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        if self._split is not None and index < self._split:
            self._split -= 1
        self._forget()
        return self._items.pop(index)

    def invalidate(self) -> None:
        self._forget()
        super().invalidate()

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._arrange(QRect(0, 0, width, 0), apply=False)
        return height

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        """All items on one line."""
        visible, gap = self._measure()
        width = sum(hint.width() for _item, hint in visible) + gap * max(0, len(visible) - 1)
        height = max((hint.height() for _item, hint in visible), default=0)
        return QSize(width, height).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:
        """The widest single item: the row wraps before anything is squeezed."""
        if self._minimum is None:
            size = QSize()
            for item, hint in self._measure()[0]:
                size = size.expandedTo(item.minimumSize().expandedTo(hint))
            self._minimum = size.grownBy(self.contentsMargins())
        return QSize(self._minimum)

    # Layout -------------------------------------------------------------------------------

    def _gap(self) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        metric = parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing) if parent else -1
        return metric if metric >= 0 else 6

    def _forget(self) -> None:
        self._measured = None
        self._minimum = None
        self._heights.clear()

    def _measure(self) -> tuple[list[tuple[QLayoutItem, QSize]], int]:
        """The visible items with their size hints, and the gap between items (kept, see above)."""
        if self._measured is None:
            self._measured = (
                [(item, item.sizeHint()) for item in self._items if not item.isEmpty()],
                self._gap(),
            )
        return self._measured

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        margins: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        visible, gap = self._measure()
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        used = 0
        for item, hint in visible:
            width = hint.width()
            if lines[-1] and used + gap + width > area.width():
                lines.append([])
                used = 0
            used += (gap if lines[-1] else 0) + width
            lines[-1].append((item, hint))
        y = area.y()
        for line in lines:
            height = max((hint.height() for _item, hint in line), default=0)
            if apply:
                self._place(line, area, y, height, gap, single=len(lines) == 1)
            y += height + gap
        total = y - gap - area.y() if any(lines) else 0
        return total + margins.top() + margins.bottom()

    def _place(
        self,
        line: list[tuple[QLayoutItem, QSize]],
        area: QRect,
        y: int,
        height: int,
        gap: int,
        *,
        single: bool,
    ) -> None:
        right_from = len(line)
        if single and self._split is not None:
            right_side = self._items[self._split :]
            right_from = next((i for i, (item, _hint) in enumerate(line) if item in right_side), len(line))
        x = area.x()
        for item, hint in line[:right_from]:
            x = self._put(item, hint, x, y, height) + gap
        right = line[right_from:]
        if right:
            width = sum(hint.width() for _item, hint in right) + gap * (len(right) - 1)
            x = max(x, area.right() + 1 - width)
            for item, hint in right:
                x = self._put(item, hint, x, y, height) + gap

    @staticmethod
    def _put(item: QLayoutItem, hint: QSize, x: int, y: int, height: int) -> int:
        widget = item.widget()
        stretches = widget is not None and widget.sizePolicy().verticalPolicy() != QSizePolicy.Policy.Fixed
        h = height if stretches else hint.height()
        item.setGeometry(QRect(QPoint(x, y + (height - h) // 2), QSize(hint.width(), h)))
        return x + hint.width()
