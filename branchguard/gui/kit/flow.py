"""A row of buttons that wraps onto the next line instead of widening the window.

A page's tool row laid out by QHBoxLayout asks for the sum of its buttons' widths as its minimum,
and the page then holds the whole window wider than a 1024×768 screen (the Inspections page asked
for 1299 px in English). `FlowLayout` asks only for its widest item and takes the height its items
need at the width it gets (height-for-width), so the row breaks into two lines on a small screen and
stays one line on a large one.

`add_stretch()` marks where the row splits into a left and a right group: on one line the items
after it are pushed to the right edge, as QHBoxLayout.addStretch would; when the row wraps, each
line is simply left-aligned.

An item added with a stretch (a search box, a filter) is sized on its line as QHBoxLayout sizes it:
it takes its share of what the line leaves over, and gives up room down to its minimum before the
line breaks. A filter row so looks as before on a large screen and wraps at larger text, where in
one line it held the window wide (at 15 pt the Playbooks filters asked for 888 px).

What it measures is kept until Qt invalidates the layout (a child's text, size or visibility
changed; Qt invalidates nested layouts before every relayout): the items' size hints, the minimum
and one line-breaking per width asked. Measured afresh at every call, the Inspections page's tool
rows cost ~60 ms of its first show (29 minimum sizes, 70 arrangements of every button's size hint).
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget, QWidgetItem


class _Measured(NamedTuple):
    item: QLayoutItem
    hint: QSize
    stretch: int
    least: int  # the narrowest it is made on a line: its minimum if it stretches, else its hint


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretches: list[int] = []  # per item, as QBoxLayout's stretch factor
        self._split: int | None = None  # index of the first right-hand item, if any
        self._spacing = spacing
        # Kept until `invalidate`: the visible items measured, the gap, the minimum size and the
        # height at each width asked.
        self._measured: tuple[list[_Measured], int] | None = None
        self._minimum: QSize | None = None
        self._heights: dict[int, int] = {}
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)

    # The QLayout protocol -----------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self._stretches.append(0)
        self._forget()

    def add_widget(self, widget: QWidget, stretch: int = 0) -> None:
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))
        self._stretches[-1] = stretch

    def add_stretch(self) -> None:
        """The items added after this one sit at the right end of the line when all fit on one."""
        self._split = len(self._items)

    def count(self) -> int:
        return len(self._items)

    def spacing(self) -> int:
        """The gap between items on a line."""
        return self._gap()

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        if self._split is not None and index < self._split:
            self._split -= 1
        self._forget()
        self._stretches.pop(index)
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
        width = sum(m.hint.width() for m in visible) + gap * max(0, len(visible) - 1)
        height = max((m.hint.height() for m in visible), default=0)
        return QSize(width, height).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:
        """The widest single item: the row wraps before anything is squeezed (a stretching item
        only down to its minimum)."""
        if self._minimum is None:
            size = QSize()
            for m in self._measure()[0]:
                size = size.expandedTo(m.item.minimumSize().expandedTo(QSize(m.least, m.hint.height())))
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

    def _measure(self) -> tuple[list[_Measured], int]:
        """The visible items measured, and the gap between items (kept, see above)."""
        if self._measured is None:
            visible = []
            for item, stretch in zip(self._items, self._stretches, strict=True):
                if not item.isEmpty():
                    hint = item.sizeHint()
                    least = min(item.minimumSize().width(), hint.width()) if stretch else hint.width()
                    visible.append(_Measured(item, hint, stretch, least))
            self._measured = (visible, self._gap())
        return self._measured

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        margins: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        visible, gap = self._measure()
        lines: list[list[_Measured]] = [[]]
        used = 0
        for m in visible:
            if lines[-1] and used + gap + m.least > area.width():
                lines.append([])
                used = 0
            used += (gap if lines[-1] else 0) + m.least
            lines[-1].append(m)
        y = area.y()
        for line in lines:
            widths = _widths(line, area.width(), gap)
            height = max((_height(m, width) for m, width in zip(line, widths, strict=True)), default=0)
            if apply:
                self._place(line, widths, area, y, height, gap, single=len(lines) == 1)
            y += height + gap
        total = y - gap - area.y() if any(lines) else 0
        return total + margins.top() + margins.bottom()

    def _place(
        self,
        measured: list[_Measured],
        widths: list[int],
        area: QRect,
        y: int,
        height: int,
        gap: int,
        *,
        single: bool,
    ) -> None:
        line = list(zip((m.item for m in measured), widths, strict=True))
        right_from = len(line)
        if single and self._split is not None:
            right_side = self._items[self._split :]
            right_from = next((i for i, (item, _width) in enumerate(line) if item in right_side), len(line))
        x = area.x()
        for (item, width), m in zip(line[:right_from], measured, strict=False):
            x = self._put(item, QSize(width, m.hint.height()), x, y, height) + gap
        right = line[right_from:]
        if right:
            total = sum(width for _item, width in right) + gap * (len(right) - 1)
            x = max(x, area.right() + 1 - total)
            for (item, width), m in zip(right, measured[right_from:], strict=True):
                x = self._put(item, QSize(width, m.hint.height()), x, y, height) + gap

    @staticmethod
    def _put(item: QLayoutItem, hint: QSize, x: int, y: int, height: int) -> int:
        widget = item.widget()
        stretches = widget is not None and widget.sizePolicy().verticalPolicy() != QSizePolicy.Policy.Fixed
        h = height if stretches else hint.height()
        item.setGeometry(QRect(QPoint(x, y + (height - h) // 2), QSize(hint.width(), h)))
        return x + hint.width()


def _height(m: _Measured, width: int) -> int:
    """The item's height at `width`: a wrapped label squeezed on its line takes more lines."""
    return m.item.heightForWidth(width) if m.item.hasHeightForWidth() else m.hint.height()


def _widths(line: list[_Measured], room: int, gap: int) -> list[int]:
    """The items' widths on a line `room` wide, as QBoxLayout gives them: what is left over goes to
    the stretching items by their stretch, none narrower than its hint; what is missing is taken
    evenly from the stretching items, none narrower than its minimum (`least`)."""
    widths = [m.hint.width() for m in line]
    left = room - sum(widths) - gap * (len(line) - 1)
    open_ = [n for n, m in enumerate(line) if m.stretch]
    if left > 0:
        space = left + sum(widths[n] for n in open_)
        while open_:  # an item whose share is less than its hint keeps its hint
            total = sum(line[n].stretch for n in open_)
            short = [n for n in open_ if space * line[n].stretch // total < widths[n]]
            if not short:
                break
            space -= sum(widths[n] for n in short)
            open_ = [n for n in open_ if n not in short]
        total = sum(line[n].stretch for n in open_)
        for n in open_:
            widths[n] = space * line[n].stretch // total
        if open_:
            widths[open_[-1]] += space - sum(widths[n] for n in open_)  # the rounding
    while left < 0 and open_:  # squeezed evenly, none below its minimum
        share = -left // len(open_) + (1 if -left % len(open_) else 0)
        floor = [n for n in open_ if widths[n] - share < line[n].least]
        for n in floor or open_:
            cut = min(widths[n] - line[n].least, share, -left)
            widths[n] -= cut
            left += cut
        open_ = [n for n in open_ if n not in floor] if floor else open_
    return widths
