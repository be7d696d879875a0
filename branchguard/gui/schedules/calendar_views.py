"""The calendar's days: the lines of a day's occurrences, and the list of a day opened in the
month or week grid (day_grid.py) to scroll, drag one to another day and read their tooltips."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple

from PySide6.QtCore import QMimeData, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QKeyEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListView,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from branchguard.core.schedules.rules import occurrence_overdue
from branchguard.core.schedules.types import OccurrenceInfo, OccurrenceStatus
from branchguard.gui.kit import style
from branchguard.gui.kit.plain import tip

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


def accepts(on_drop: Drop | None, mime: QMimeData) -> bool:
    """Whether a day takes this drop: an occurrence dragged, where items may be moved."""
    return on_drop is not None and mime.hasFormat(MIME)


def carried(mime: QMimeData) -> str:
    """The occurrence key a drag carries (occurrence_key)."""
    return bytes(mime.data(MIME).data()).decode()


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
        self.entries: list[Entry] = []

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
        """One line tall, not a list view's 68 px: it lies over a day's cell, a line or two tall."""
        line = self.fontMetrics().lineSpacing() + 2 * self.frameWidth() + 4
        return QSize(super().minimumSizeHint().width(), line)

    def fill(self, entries: list[Entry]) -> None:
        """The day's lines; the very same lines are left as they are."""
        if entries == self.entries:
            return
        self.entries = entries
        self.clear()
        for entry in entries:
            line = QListWidgetItem(entry.text)
            line.setData(ITEM_ROLE, entry.item)
            line.setToolTip(tip(entry.tip))
            if entry.colour is not None:
                line.setForeground(QBrush(QColor(entry.colour)))
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if entry.draggable:
                flags |= Qt.ItemFlag.ItemIsDragEnabled
            line.setFlags(flags)
            self.addItem(line)

    def titles(self) -> list[str]:
        return [self.item(i).data(ITEM_ROLE).title for i in range(self.count())]

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
        return accepts(self.on_drop, mime)

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
        self.on_drop(carried(mime), self.day)
