"""The calendar's month and week grids: one cell per day listing its occurrences; drag one to another day."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple

from PySide6.QtCore import QMimeData, QSize, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QBrush,
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.schedules.rules import occurrence_overdue
from branchguard.core.schedules.types import OccurrenceInfo, OccurrenceStatus
from branchguard.gui.kit import style
from branchguard.gui.kit.dates import long_date
from branchguard.gui.kit.plain import tip
from branchguard.gui.kit.times import now_utc
from branchguard.gui.schedules.day_keys import OPEN_KEYS, day_for_key

MIME = "application/x-branchguard-occurrence"
ITEM_ROLE = Qt.ItemDataRole.UserRole
Drop = Callable[[str, date], object]  # occurrence key, new day
# Lines a day's list lays out per turn of the event loop: about what a month's cell shows. Laid out
# all at once, the 400-odd wrapped lines of a month at ten years held the window 40-70 ms.
LAYOUT_BATCH = 4
MONTH_CELL_LINES = 2  # about what a month's cell shows at 1024×768 without scrolling


def local_day(at: datetime) -> date:
    return at.astimezone().date()


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def month_start(day: date) -> date:
    """The first Monday of the six weeks shown for the month of `day`."""
    return monday(day.replace(day=1))


def local_midnight(day: date) -> datetime:
    """Start of `day` in this PC's time zone, as UTC (naive local times follow its DST rules)."""
    return datetime.combine(day, datetime.min.time()).astimezone(UTC)


def moved_due(item: OccurrenceInfo, day: date) -> datetime:
    """The same local clock time on another day."""
    clock = item.due_at.astimezone().time().replace(tzinfo=None)
    return datetime.combine(day, clock).astimezone(UTC)


def item_text(item: OccurrenceInfo) -> str:
    # by its fields: strftime imports the time module at each call, through PySide's import hook
    at = item.due_at.astimezone()
    return f"{at.hour:02d}:{at.minute:02d} {item.title}"


def can_move(item: OccurrenceInfo) -> bool:
    """Open items, written or only promised by the rule (moving one writes it); a done one is history."""
    return item.status is OccurrenceStatus.OPEN


def occurrence_key(item: OccurrenceInfo) -> str:
    """What a drag carries: a written item's id, else its schedule and rule instant."""
    return str(item.id) if item.id is not None else f"{item.schedule_id}@{item.rule_at.isoformat()}"


class Entry(NamedTuple):
    """One line of a day, as shown: worded once per read; a cell whose lines are unchanged is left alone."""

    item: OccurrenceInfo
    text: str
    tip: str
    colour: str | None  # overdue red, done grey, else the list's own
    draggable: bool


def entry_of(item: OccurrenceInfo, movable: bool, now: datetime) -> Entry:
    if occurrence_overdue(item, now):
        colour: str | None = style.ERROR
    elif item.status is not OccurrenceStatus.OPEN:
        colour = style.MUTED
    else:
        colour = None
    return Entry(
        item,
        item_text(item),
        f"{item.title}\n{item.kind.label} · {item.owner or '-'}\n{item.status.label}",
        colour,
        movable and can_move(item),
    )


class DayList(QListWidget):
    """A day's items; a drop of an item from another day calls `on_drop`."""

    def __init__(self, day: date, on_drop: Drop | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day = day
        self.on_drop: Drop | None = None
        self.setObjectName("calendar_day_list")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(True)  # a week's column is narrow; titles are what matters
        # By pixel: scrolled by item, one item taller than its cell had nothing to scroll to and was
        # cut mid-line with no scroll bar.
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(LAYOUT_BATCH)
        self.set_drop(on_drop)
        # Not a Tab stop (a month was 42 of them): the grid is, Enter there opens its day's list as
        # a click does, Esc here goes back to the grid's day.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.on_focus: Callable[[date], object] | None = None
        self.on_escape: Callable[[date], object] | None = None

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.on_focus is not None:
            self.on_focus(self.day)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.on_escape is not None:
            self.on_escape(self.day)
        else:
            super().keyPressEvent(event)

    def minimumSizeHint(self) -> QSize:
        """One line tall, not a list view's 68 px: six weeks of cells must fit a 614-line screen
        (1366×768 at 125 %), where a day shows a line or two and scrolls to the rest."""
        line = self.fontMetrics().lineSpacing() + 2 * self.frameWidth() + 4
        return QSize(super().minimumSizeHint().width(), line)

    def set_drop(self, on_drop: Drop | None) -> None:
        if on_drop is self.on_drop and self.dragEnabled() == (on_drop is not None):
            return
        self.on_drop = on_drop
        movable = on_drop is not None
        self.setDragEnabled(movable)
        self.setAcceptDrops(movable)
        self.setDragDropMode(
            QAbstractItemView.DragDropMode.DragDrop if movable else QAbstractItemView.DragDropMode.NoDragDrop
        )

    def mimeData(self, items: Iterable[QListWidgetItem]) -> QMimeData:
        mime = QMimeData()
        keys = [occurrence_key(it.data(ITEM_ROLE)) for it in items if can_move(it.data(ITEM_ROLE))]
        if keys:
            mime.setData(MIME, keys[0].encode())
        return mime

    def _accepts(self, mime: QMimeData) -> bool:
        return self.on_drop is not None and mime.hasFormat(MIME)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._accepts(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        if not self._accepts(mime) or self.on_drop is None:
            event.ignore()
            return
        # The grid is rebuilt from the service after the move: Qt must not move the item itself.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        self.on_drop(bytes(mime.data(MIME).data()).decode(), self.day)


class DayNumber(QLabel):
    """A day's number and, in a month's cell, how many items it holds: "5  (12 items)", or
    "5  (12)" where the cell is narrower than the words (seven cells across at larger text: the
    words held each cell at 132 px and the month at 936 px at 15 pt)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._texts = ("", "")

    def set_texts(self, full: str, short: str) -> None:
        if (full, short) != self._texts:
            self._texts = (full, short)
            self.setToolTip(full if short != full else "")
            self.updateGeometry()
        self._fit()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self._needs(self._texts[1]), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _needs(self, text: str) -> int:
        return self.fontMetrics().horizontalAdvance(text) + 2 * self.margin() + 2

    def _fit(self) -> None:
        full, short = self._texts
        shown = full if self._needs(full) <= self.contentsRect().width() else short
        if shown != self.text():
            self.setText(shown)


class DayCell(QFrame):
    def __init__(
        self,
        day: date,
        on_drop: Drop | None,
        in_month: bool,
        today: date,
        parent: QWidget | None = None,
        month: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calendar_day")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # made inside the cell: adding a widget made elsewhere moves it, a list with all its parts
        self.label = DayNumber(self)
        self.label.setObjectName("calendar_day_number")
        self.items = DayList(day, on_drop, self)
        self.month = month  # a month's cell shows two lines or so: its label says how many it holds
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 2, 4, 2)
        box.setSpacing(0)
        box.addWidget(self.label)
        box.addWidget(self.items, 1)
        self._look: tuple[bool, str] | None = None
        self.entries: list[Entry] = []
        self.marked = False  # the grid's focused day: outlined (painted only, no layout)
        self.show_day(day, on_drop, in_month, today)

    def show_day(self, day: date, on_drop: Drop | None, in_month: bool, today: date) -> None:
        """This cell as `day`; `fill` gives it its lines. Kept cells are refilled rather than rebuilt:
        a month is 42 cells, and building them anew on every refresh stalled the window (~60 ms)."""
        self.day = day
        self.items.day = day
        self.items.set_drop(on_drop)
        self._show_label()
        look = (day == today, style.ACCENT if day == today else (style.TEXT if in_month else style.MUTED))
        if look != self._look:
            # by the palette: a style sheet of its own gave each of the 42 labels a style to build
            self._look = look
            font = self.label.font()
            font.setBold(look[0])
            self.label.setFont(font)
            palette = self.label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, QColor(look[1]))
            self.label.setPalette(palette)

    def fill(self, entries: list[Entry]) -> bool:
        """The day's lines; a day showing the very same lines is not touched (a refresh that finds
        most days unchanged lays out and paints only the others). Whether it changed."""
        if entries == self.entries:
            return False
        self.entries = entries
        self.items.clear()
        for entry in entries:
            self._add(entry)
        self._show_label()
        return True

    def _show_label(self) -> None:
        """The day's number, and in a month's cell how many items it holds when that is more than
        the cell shows at 1024×768 (a branch's daily checklists fill each day; the rest are seen by
        scrolling the cell, or in the week and agenda views)."""
        count = len(self.entries)
        text = short = str(self.day.day)
        if self.month and count > MONTH_CELL_LINES:
            text += "  " + self.tr("(%1 items)").replace("%1", str(count))
            short += f"  ({count})"
        self.label.set_texts(text, short)
        spoken = self.tr("%1, items: %2").replace("%1", long_date(self.day)).replace("%2", str(count))
        if spoken != self.items.accessibleName():
            self.items.setAccessibleName(spoken)

    def _add(self, entry: Entry) -> None:
        line = QListWidgetItem(entry.text)
        line.setData(ITEM_ROLE, entry.item)
        line.setToolTip(tip(entry.tip))
        if entry.colour is not None:
            line.setForeground(QBrush(QColor(entry.colour)))
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if entry.draggable:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        line.setFlags(flags)
        self.items.addItem(line)

    def titles(self) -> list[str]:
        return [self.items.item(i).data(ITEM_ROLE).title for i in range(self.items.count())]

    def set_marked(self, marked: bool) -> None:
        if marked != self.marked:
            self.marked = marked
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.marked:
            painter = QPainter(self)
            painter.setPen(QPen(QColor(style.ACCENT), 3))
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))


class DayGrid(QWidget):
    """`weeks` rows of seven days from `first` (a Monday), with weekday names above. One Tab stop:
    the keys move its current day (day_keys.py), outlined and spoken while the grid has the focus."""

    def __init__(self, weeks: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weeks = weeks
        self.first = monday(date.today())
        self.month = self.first.month
        self.cells: dict[date, DayCell] = {}
        self._built: list[DayCell] = []  # in grid order
        self.grid = QGridLayout(self)
        self.grid.setSpacing(2)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.headers = [QLabel() for _ in range(7)]
        for col, label in enumerate(self.headers):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setProperty("role", "hint")
            self.grid.addWidget(label, 0, col)
            self.grid.setColumnStretch(col, 1)
        for row in range(1, weeks + 1):
            self.grid.setRowStretch(row, 1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.current: date | None = None  # the day the keys move
        self.on_leave: Callable[[date], object] | None = None  # a key went to a day not shown: show it

    def set_weekday_names(self, names: list[str]) -> None:
        for label, name in zip(self.headers, names, strict=True):
            label.setText(name)
        self.setAccessibleDescription(
            self.tr("Arrow keys: another day. Enter: its items (Esc: back). Page Up, Page Down: a month.")
        )

    # -- by keyboard ---------------------------------------------------------------------------
    def _in_view(self, day: date) -> bool:
        return day in self.cells and (self.weeks == 1 or day.month == self.month)

    def _day(self) -> date | None:
        """The current day; if it is not shown, today if it is, else the first day of the month."""
        if self.current in self.cells:
            return self.current
        shown = [day for day in self.cells if self._in_view(day)]
        return date.today() if date.today() in shown else (shown[0] if shown else None)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.current = self._day()
        self._mark()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._mark()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        cell = self.cells.get(self.current) if self.current is not None else None
        target = day_for_key(self.current, event.key()) if self.current is not None else None
        if cell is not None and event.key() in OPEN_KEYS:
            cell.items.setFocus(Qt.FocusReason.OtherFocusReason)  # as a click on the day does
            if cell.items.count() and cell.items.currentRow() < 0:
                cell.items.setCurrentRow(0)
        elif target is not None and (self._in_view(target) or self.on_leave is not None):
            self.current = target
            if not self._in_view(target) and self.on_leave is not None:
                self.on_leave(target)  # the page shows its month (or week); show_items marks it
            self._mark()
        else:
            super().keyPressEvent(event)

    def _list_entered(self, day: date) -> None:
        self.current = day  # clicked or opened: the grid comes back to it

    def _list_left(self, day: date) -> None:
        self.current = day
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _mark(self) -> None:
        """The current day outlined while the grid has the focus, and the grid named by it (its
        date and how many items it holds), said again as it moves."""
        focused = self.hasFocus()
        for day, cell in self.cells.items():
            cell.set_marked(focused and day == self.current)
        named = self._day()  # named before it has the focus too
        name = self.cells[named].items.accessibleName() if named is not None else ""
        if name and name != self.accessibleName():
            self.setAccessibleName(name)
            if focused:
                QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.NameChanged))

    def range(self) -> tuple[date, date]:
        return self.first, self.first + timedelta(days=7 * self.weeks)

    def build_week(self, first: date, month: int, today: date) -> bool:
        """One more week of empty cells for the days from `first`, hidden until `reveal`: the page
        builds its month a week per turn of the event loop while its first read is under way
        (building all 42 in the turn the data came back held the window 20-30 ms). Whether weeks
        remain to build."""
        self.first, self.month = first, month
        for n in range(len(self._built), min(len(self._built) + 7, 7 * self.weeks)):
            day = first + timedelta(days=n)
            in_month = self.weeks == 1 or day.month == month
            cell = DayCell(day, None, in_month, today, self, month=self.weeks > 1)
            cell.hide()  # explicitly: the layout must not show it before the grid is whole
            cell.items.on_focus, cell.items.on_escape = self._list_entered, self._list_left
            self.grid.addWidget(cell, 1 + n // 7, n % 7)
            cell.ensurePolished()
            self._built.append(cell)
        return len(self._built) < 7 * self.weeks

    def reveal(self) -> None:
        """The cells built so far, shown (once the grid is whole: the days, then their items).

        With the grid itself hidden meanwhile: Qt activates a visible parent's layout at every child
        shown, and each activation laid out the whole window again (the page's flow layouts
        included), 42 times: ~50 ms of the GUI thread at the calendar's first show. Hidden and shown
        in the same turn, the grid is never painted empty."""
        hidden = [cell for cell in self._built if cell.isHidden()]
        if not hidden:
            return
        visible = self.isVisible()
        if visible:
            self.hide()
        for cell in hidden:
            cell.show()
        if visible:
            self.show()

    def show_items(
        self, first: date, month: int, items: list[OccurrenceInfo], on_drop: Drop | None, today: date
    ) -> None:
        while self.build_week(first, month, today):
            pass
        self.reveal()  # before the lines: a filled list, shown, lays out all its lines in one go
        self.cells.clear()
        self.first, self.month = first, month
        days: dict[date, list[Entry]] = {}
        now, movable = now_utc(), on_drop is not None
        for item in items:
            days.setdefault(local_day(item.due_at), []).append(entry_of(item, movable, now))
        for n, cell in enumerate(self._built):
            day = first + timedelta(days=n)
            cell.show_day(day, on_drop, self.weeks == 1 or day.month == month, today)
            cell.fill(days.get(day, []))
            self.cells[day] = cell
        self._mark()

    def cell(self, day: date) -> DayCell:
        return self.cells[day]
