"""The calendar's month and week grids: one table view of days, each cell painted (its number, and
the lines of its occurrences that fit), not a list view per day (42 of them took ~45 ms to lay out
and paint at the month's first show, ten years). The day under the mouse, or opened by Enter, gets
a real list over its lines (calendar_views.DayList): to scroll, select, drag one to another day and
read their tooltips. One Tab stop: the keys move its current day (day_keys.py), outlined and
spoken while the grid has the focus."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QPolygon,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from branchguard.core.schedules.types import OccurrenceInfo
from branchguard.gui.kit import style
from branchguard.gui.kit.dates import long_date
from branchguard.gui.kit.times import now_utc
from branchguard.gui.schedules.calendar_views import (
    MONTH_CELL_LINES,
    DayList,
    Drop,
    Entry,
    accepts,
    carried,
    entry_of,
    local_day,
    monday,
)
from branchguard.gui.schedules.day_keys import OPEN_KEYS, day_for_key

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
_WRAP = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
PAD = 4  # a cell's margin, left and right, as the cells' layout had
TEXT_MARGIN = 3  # a list item's text from its edge (Fusion: the focus frame's margin + 1)
# The grid's own look: the day cells are its frame, the weekday names plain hints above them.
GRID_STYLE = f"""
QTableView {{ border: none; background: transparent; }}
QHeaderView::section {{ background: transparent; border: none; color: {style.MUTED}; padding: 2px; }}
"""


class DaysModel(QAbstractTableModel):
    """`weeks` rows of seven days from `first` (a Monday), each with its lines (Entry)."""

    def __init__(self, weeks: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.weeks = weeks
        self.first = monday(date.today())
        self.month = self.first.month
        self.today = date.today()
        self.lines: dict[date, list[Entry]] = {}
        self.names = [""] * 7

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else self.weeks

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def day(self, index: _Index) -> date:
        return self.first + timedelta(days=7 * index.row() + index.column())

    def index_of(self, day: date) -> QModelIndex:
        n = (day - self.first).days
        return self.index(n // 7, n % 7) if 0 <= n < 7 * self.weeks else QModelIndex()

    def days(self) -> Iterator[date]:
        return (self.first + timedelta(days=n) for n in range(7 * self.weeks))

    def in_month(self, day: date) -> bool:
        return self.weeks == 1 or day.month == self.month

    def entries(self, day: date) -> list[Entry]:
        return self.lines.get(day, [])

    def label(self, day: date) -> tuple[str, str]:
        """The day's number and, in a month's cell, how many items it holds when that is more than
        the cell shows at 1024×768 (a branch's daily checklists fill each day; the rest are seen by
        scrolling the day's list, or in the week and agenda views): "5  (12 items)", and "5  (12)"
        for a cell narrower than the words (seven across at larger text)."""
        count = len(self.entries(day))
        text = short = str(day.day)
        if self.weeks > 1 and count > MONTH_CELL_LINES:
            text += "  " + self.tr("(%1 items)").replace("%1", str(count))
            short += f"  ({count})"
        return text, short

    def spoken(self, day: date) -> str:
        count = str(len(self.entries(day)))
        return self.tr("%1, items: %2").replace("%1", long_date(day)).replace("%2", count)

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        day = self.day(index)
        if role == _DISPLAY:
            return self.label(day)[0]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.spoken(day)
        if role == Qt.ItemDataRole.ToolTipRole:  # the number of items, where the cell is short of words
            full, short = self.label(day)
            return full if full != short else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and 0 <= section < 7:
            return self.names[section]
        return None

    def set_names(self, names: list[str]) -> None:
        """The weekdays' names, and every day's words again (the language changed)."""
        self.names = list(names)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)
        self.dataChanged.emit(self.index(0, 0), self.index(self.weeks - 1, 6))

    def show(self, first: date, month: int, today: date, lines: dict[date, list[Entry]]) -> None:
        """The days from `first` with their lines. Only the days that look different are said to
        change, each on its own (a day's open list is then filled again; a refresh that finds most
        days unchanged paints only the others)."""
        moved = (first, month, today) != (self.first, self.month, self.today)
        before = self.lines
        self.first, self.month, self.today, self.lines = first, month, today, lines
        for n, day in enumerate(self.days()):
            if moved or before.get(day, []) != lines.get(day, []):
                index = self.index(n // 7, n % 7)
                self.dataChanged.emit(index, index)


def laid_out(metrics: QFontMetrics, area: QRect, entries: list[Entry], bar: int) -> list[tuple[QRect, Entry]]:
    """Where a day's lines go in `area`, wrapped as its list wraps them, until the area is full;
    `bar` pixels kept on the right for the list's scroll bar when they do not all fit."""
    for right in (0, bar):
        width = area.width() - right - 2 * TEXT_MARGIN
        placed: list[tuple[QRect, Entry]] = []
        top = area.top()
        for entry in entries:
            if top > area.bottom():
                break
            bound = metrics.boundingRect(QRect(0, 0, max(width, 1), 10_000), _WRAP, entry.text)
            placed.append((QRect(area.left() + TEXT_MARGIN, top, width, bound.height()), entry))
            top += bound.height()
        if top <= area.bottom() + 1 and len(placed) == len(entries):
            return placed
    return placed


def whole_lines(placed: list[tuple[QRect, Entry]], area: QRect, line: int) -> int:
    """The bottom of the last text line of `placed` that `area` shows whole (a cell is painted with
    no line cut through its middle, where the lists it replaced showed the top half of the next).
    A wrapped entry's lines share its height evenly: CJK lines are a pixel or two taller than
    `line`, the font's own spacing, which alone would drift."""
    for rect, _entry in placed:
        if rect.bottom() > area.bottom():
            lines = max(1, round(rect.height() / max(line, 1)))
            step = rect.height() / lines
            fit = int((area.bottom() + 1 - rect.top()) // step)
            if fit == 0:  # not one of its lines: the entry is left to the list (the first, cut)
                return rect.top() - 1 if rect.top() > area.top() else area.bottom()
            return rect.top() + int(fit * step) - 1
    return area.bottom()


def cut(placed: list[tuple[QRect, Entry]], entries: list[Entry], area: QRect) -> bool:
    """Whether the lines laid out in `area` leave some unseen: not all placed, or the last cut."""
    return len(placed) < len(entries) or bool(placed and placed[-1][0].bottom() > area.bottom())


def more_below(painter: QPainter, gutter: QRect) -> None:
    """A small arrow at the foot of the scroll bar's room: the day holds more lines than its cell
    shows (its list, under the mouse, scrolls to them)."""
    x, y = gutter.center().x(), gutter.bottom() - 2
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(style.MUTED))
    painter.drawPolygon(QPolygon([QPoint(x - 4, y - 5), QPoint(x + 4, y - 5), QPoint(x, y)]))


class DayPainter(QStyledItemDelegate):
    """Paints a day's cell, and gives it its list when the grid opens it (an editor that edits
    nothing: its lines are moved by dragging, which the page writes)."""

    def __init__(self, grid: DayGrid) -> None:
        super().__init__(grid)
        self.grid = grid

    def lines_area(self, cell: QRect, metrics: QFontMetrics) -> QRect:
        """Below the day's number: where its lines, and its list, go."""
        inner = cell.adjusted(1 + PAD, 3, -1 - PAD, -3)
        return inner.adjusted(0, metrics.height(), 0, 0)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        grid, days = self.grid, self.grid.days
        day = days.day(index)
        cell = QRect(option.rect).adjusted(1, 1, -1, -1)
        painter.save()
        painter.setPen(QColor(style.BORDER))
        painter.setBrush(QColor(style.SURFACE))
        painter.drawRect(cell.adjusted(0, 0, -1, -1))
        font = QFont(option.font)
        metrics = QFontMetrics(font)
        today = day == days.today
        font.setBold(today)
        painter.setFont(font)
        painter.setPen(QColor(style.ACCENT if today else style.TEXT if days.in_month(day) else style.MUTED))
        full, short = days.label(day)
        number = cell.adjusted(1 + PAD, 2, -1 - PAD, 0)
        number.setHeight(metrics.height())
        shown = full if QFontMetrics(font).horizontalAdvance(full) <= number.width() else short
        painter.drawText(number, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown)
        font.setBold(False)
        painter.setFont(font)
        area = self.lines_area(cell, metrics)
        text = option.palette.color(QPalette.ColorRole.Text)
        bar = grid.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        entries = days.entries(day)
        placed = laid_out(metrics, area, entries, bar)
        area.setBottom(whole_lines(placed, area, metrics.lineSpacing()))  # no line cut through
        painter.setClipRect(area)
        for rect, entry in placed:
            painter.setPen(QColor(entry.colour) if entry.colour is not None else text)
            painter.drawText(rect, _WRAP, entry.text)
        painter.setClipping(False)
        if cut(placed, entries, area):
            more_below(painter, QRect(area.right() - bar + 1, area.top(), bar, area.height()))
        if grid.hasFocus() and day == grid.current:  # the keys' day, while the grid has the focus
            painter.setPen(QPen(QColor(style.ACCENT), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(cell.adjusted(1, 1, -2, -2))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return self.grid.cell_minimum()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        grid = self.grid
        lines = DayList(grid.days.day(index), grid.on_drop, parent)
        lines.on_focus, lines.on_escape = grid._list_entered, grid._list_left
        self.setEditorData(lines, index)
        return lines

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, DayList)
        days = self.grid.days
        editor.day = days.day(index)
        editor.set_drop(self.grid.on_drop)
        editor.fill(days.entries(editor.day))
        editor.setAccessibleName(days.spoken(editor.day))

    def setModelData(self, editor: QWidget, model: Any, index: _Index) -> None:
        """Nothing: a day's list writes nothing back."""

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: _Index) -> None:
        cell = QRect(option.rect).adjusted(1, 1, -1, -1)
        area = self.lines_area(cell, QFontMetrics(option.font))
        editor.setGeometry(area.adjusted(0, 0, 0, 1))

    def eventFilter(self, watched: QObject, event: Any) -> bool:
        """The list handles its own keys and focus: Esc goes back to the grid's day (DayList), and a
        list that loses the focus stays open under the mouse."""
        return False


class DayGrid(QTableView):
    """`weeks` rows of seven days, with the weekdays' names above."""

    def __init__(self, weeks: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weeks = weeks
        self.days = DaysModel(weeks, self)
        self.setModel(self.days)
        self.painter = DayPainter(self)
        self.setItemDelegate(self.painter)
        self.setStyleSheet(GRID_STYLE)
        self.setShowGrid(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # the grid opens its lists
        self.setTabKeyNavigation(False)
        self.setCornerButtonEnabled(False)
        self.setWordWrap(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the days share the room
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().hide()
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setSectionsClickable(False)
        self.horizontalHeader().setHighlightSections(False)
        self.viewport().setMouseTracking(True)  # the day under the mouse gets its list
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.on_drop: Drop | None = None
        self.current: date | None = None  # the day the keys move
        self.on_leave: Callable[[date], object] | None = None  # a key went to a day not shown: show it
        self._open: set[date] = set()  # the days whose list is open
        self._fit_headers()

    # -- size ---------------------------------------------------------------------------------
    def cell_minimum(self) -> QSize:
        """A day's number and one line, as wide as its short number ("30  (99)"): six weeks must fit
        a 614-line screen (1366×768 at 125 %), seven days across at larger text."""
        metrics = self.fontMetrics()
        width = metrics.horizontalAdvance("30  (99)") + 2 * PAD + 4
        return QSize(width, 2 * metrics.height() + metrics.lineSpacing() // 2 + 8)

    def _fit_headers(self) -> None:
        least = self.cell_minimum()
        self.horizontalHeader().setMinimumSectionSize(least.width())
        self.verticalHeader().setMinimumSectionSize(least.height())

    def minimumSizeHint(self) -> QSize:
        least = self.cell_minimum()
        header = self.horizontalHeader().sizeHint().height()
        return QSize(7 * least.width(), header + self.weeks * least.height())

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint()

    # -- what it shows ------------------------------------------------------------------------
    @property
    def first(self) -> date:
        return self.days.first

    def set_weekday_names(self, names: list[str]) -> None:
        self.days.set_names(names)
        self.setAccessibleDescription(
            self.tr("Arrow keys: another day. Enter: its items (Esc: back). Page Up, Page Down: a month.")
        )
        self._mark()

    def show_items(
        self, first: date, month: int, items: list[OccurrenceInfo], on_drop: Drop | None, today: date
    ) -> None:
        lines: dict[date, list[Entry]] = {}
        now, movable = now_utc(), on_drop is not None
        for item in items:
            lines.setdefault(local_day(item.due_at), []).append(entry_of(item, movable, now))
        if (first, month) != (self.days.first, self.days.month):
            self._close_lists(everyone=True)  # another month: they were days of the one before
        self.on_drop = on_drop
        self.setAcceptDrops(movable)
        self.viewport().setAcceptDrops(movable)
        self.days.show(first, month, today, lines)
        self._mark()

    def titles(self, day: date) -> list[str]:
        return [entry.item.title for entry in self.days.entries(day)]

    def shown_days(self) -> list[date]:
        return list(self.days.days())

    def marked(self) -> list[date]:
        """The day outlined: the keys' day while the grid has the focus."""
        return [self.current] if self.hasFocus() and self.current in self.shown_days() else []

    # -- a day's list --------------------------------------------------------------------------
    def day_list(self, day: date, focus: bool = False) -> DayList | None:
        """The list of `day` opened over its lines (the others open closed, but for one that has
        the focus), and given the focus if asked; None for a day not shown."""
        index = self.days.index_of(day)
        if not index.isValid():
            return None
        self._close_lists(but=day)
        if not self.isPersistentEditorOpen(index):
            self.openPersistentEditor(index)
        self._open.add(day)
        lines = self.indexWidget(index)
        assert isinstance(lines, DayList)
        if focus:
            lines.setFocus(Qt.FocusReason.OtherFocusReason)
        return lines

    def _close_lists(self, but: date | None = None, everyone: bool = False) -> None:
        """The days' lists closed, but for `but` and one in use (the list clicked into stays)."""
        for day in list(self._open):
            index = self.days.index_of(day)
            lines = self.indexWidget(index) if index.isValid() else None
            if day == but or (lines is not None and lines.hasFocus() and not everyone):
                continue
            self._open.discard(day)
            if lines is not None:
                self.closePersistentEditor(index)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and event.buttons() == Qt.MouseButton.NoButton:
            self.day_list(self.days.day(index))
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click on a day's number: its day, and its list to go on with the keys."""
        index = self.indexAt(event.position().toPoint())
        if index.isValid():
            self.current = self.days.day(index)
            self.day_list(self.current, focus=True)
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def edit(self, *_args: Any) -> bool:  # type: ignore[override]
        """Never by Qt's triggers: a view gives an open list the focus whenever its day becomes the
        current index (the keys' day passing over the day under the mouse took the keys away)."""
        return False

    # -- drops --------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if accepts(self.on_drop, event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        on_a_day = self.indexAt(event.position().toPoint()).isValid()
        if on_a_day and accepts(self.on_drop, event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """An item dropped on a day's cell: moved there (calendar_page.move_occurrence)."""
        index = self.indexAt(event.position().toPoint())
        mime = event.mimeData()
        if not index.isValid() or self.on_drop is None or not accepts(self.on_drop, mime):
            event.ignore()
            return
        # The grid is shown again from the service after the move: Qt must not move anything itself.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        self.on_drop(carried(mime), self.days.day(index))

    # -- by keyboard ---------------------------------------------------------------------------
    def _in_view(self, day: date) -> bool:
        return self.days.index_of(day).isValid() and self.days.in_month(day)

    def _day(self) -> date | None:
        """The current day; if it is not shown, today if it is, else the first day of the month."""
        if self.current is not None and self.days.index_of(self.current).isValid():
            return self.current
        shown = [day for day in self.days.days() if self._in_view(day)]
        return date.today() if date.today() in shown else (shown[0] if shown else None)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.current = self._day()
        self._mark()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._mark()

    def keyboardSearch(self, search: str) -> None:
        """Letters move nothing: the grid's day is the keys' (day_keys.py)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        known = self.current is not None and self.days.index_of(self.current).isValid()
        target = day_for_key(self.current, event.key()) if self.current is not None else None
        if known and self.current is not None and event.key() in OPEN_KEYS:
            lines = self.day_list(self.current, focus=True)  # as a click on the day does
            if lines is not None and lines.count() and lines.currentRow() < 0:
                lines.setCurrentRow(0)
        elif target is not None and (self._in_view(target) or self.on_leave is not None):
            self.current = target
            if not self._in_view(target) and self.on_leave is not None:
                self.on_leave(target)  # the page shows its month (or week); show_items marks it
            self._mark()
        elif event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            super().keyPressEvent(event)
        else:
            event.ignore()

    def _list_entered(self, day: date) -> None:
        self.current = day  # clicked or opened: the grid comes back to it
        self._mark()

    def _list_left(self, day: date) -> None:
        self.current = day
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _mark(self) -> None:
        """The current day outlined while the grid has the focus, and the grid named by it (its
        date and how many items it holds), said again as it moves."""
        self.viewport().update()
        named = self._day()  # named before it has the focus too
        if named is None:
            return
        index = self.days.index_of(named)
        if index != self.currentIndex():
            self.setCurrentIndex(index)  # a screen reader's cell too
        name = self.days.spoken(named)
        if name != self.accessibleName():
            self.setAccessibleName(name)
            if self.hasFocus():
                QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.NameChanged))
