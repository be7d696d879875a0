"""The incident log as a table model read page by page, so a million-entry log opens at once."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from branchguard.core.incident_text import entry_text
from branchguard.core.incident_types import EntryKind, LogEntry
from branchguard.gui import style
from branchguard.gui.models.incident_times import local_clock
from branchguard.gui.models.rows import ITEM_ROLE

if TYPE_CHECKING:
    from collections.abc import Iterable

    from branchguard.core.domain import Actor
    from branchguard.core.services import Services

Index = QModelIndex | QPersistentModelIndex
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_HORIZONTAL = Qt.Orientation.Horizontal
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ROLES = frozenset((ITEM_ROLE, _FONT, _FOREGROUND, _TOOLTIP, _ALIGNMENT))  # answered besides display
PAGE_SIZE = 128  # rows of 26 px: a tall screen's worth with room to spare; scrolling reads on
_MUTED = QColor(style.MUTED)  # a corrected entry: struck through and greyed
_CORRECTION = QColor(style.ACCENT_DARK)  # the correction itself stands out a little


@cache
def _struck() -> QFont:
    # Made on first use: a QFont needs the application object, which importing this must not.
    font = QFont()
    font.setStrikeOut(True)
    return font


class IncidentLogModel(QAbstractTableModel):
    """Every entry of one incident, oldest first, fetched a page at a time as the view scrolls.

    Nothing is read in the constructor: the view's first `fetchMore` reads the first page, so
    opening a log costs one page whatever its length. Live entries arrive through
    `add_entry` (after the writer committed them) and are inserted at the end once the log has
    been read that far; a correction strikes through the entry it corrects.
    """

    COL_SEQ, COL_TIME, COL_ACTOR, COL_KIND, COL_TEXT = range(5)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        incident_id: int,
        parent: QObject | None = None,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.incident_id = incident_id
        self._page_size = page_size
        self._entries: list[LogEntry] = []
        self._row_of: dict[int, int] = {}  # seq -> row
        self._read_all = False  # the last page came back short: the view holds the whole log
        self._started: datetime | None = None
        self._fetching = False  # views (and the model tester) may ask for more while rows go in
        self._headers: list[str] | None = None
        self._cells: dict[int, tuple[str, ...]] = {}  # seq -> the row's five texts, made once

    # -- content -------------------------------------------------------------------------------
    def entry_at(self, row: int) -> LogEntry:
        return self._entries[row]

    def row_of(self, seq: int) -> int:
        """The row of entry `seq`, or -1 when it is not read yet."""
        return self._row_of.get(seq, -1)

    def last_seq(self) -> int:
        return self._entries[-1].seq if self._entries else 0

    def set_started(self, started: datetime) -> None:
        """When the incident began: times read as a clock on its first day, with dates after."""
        self._started = started
        self._cells.clear()  # times read against it

    def add_entry(self, entry: LogEntry) -> None:
        """A committed entry: shown at once when the log is read to its end, else when scrolled to."""
        if entry.incident_id != self.incident_id or entry.seq in self._row_of:
            return
        if entry.corrects is not None:
            self._mark_corrected(entry.corrects, entry.seq)
        if not self._read_all:
            return
        if entry.seq == self.last_seq() + 1:
            self._insert([entry])
        else:  # written elsewhere in between (another screen, another PC): read the gap too
            self.fetch_new()

    def fetch_new(self) -> None:
        """Read what was appended since the end was last reached (others' entries)."""
        if self._read_all:
            self._read_all = False
            self.fetchMore(QModelIndex())

    def _insert(self, entries: list[LogEntry]) -> None:
        first = len(self._entries)
        self.beginInsertRows(QModelIndex(), first, first + len(entries) - 1)
        for offset, entry in enumerate(entries):
            self._row_of[entry.seq] = first + offset
            self._entries.append(entry)
            if entry.kind == EntryKind.START and self._started is None:
                self._started = entry.at
        self.endInsertRows()
        for entry in entries:
            if entry.corrects is not None:
                self._mark_corrected(entry.corrects, entry.seq)

    def _mark_corrected(self, target: int, by: int) -> None:
        row = self._row_of.get(target, -1)
        if row < 0 or by in self._entries[row].corrected_by:
            return
        old = self._entries[row]
        self._entries[row] = replace(old, corrected_by=(*old.corrected_by, by))
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.COL_TEXT))

    # -- paging --------------------------------------------------------------------------------
    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._read_all and not self._fetching

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        try:
            page = self._services.incidents.entries_page(
                self._actor, self.incident_id, self.last_seq(), self._page_size
            )
            self._read_all = len(page) < self._page_size
            fresh = [e for e in page if e.seq not in self._row_of]
            if fresh:
                self._insert(fresh)
        finally:
            self._fetching = False

    # -- Qt ------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role != _DISPLAY or orientation != _HORIZONTAL:
            return None
        if self._headers is None:
            self._headers = [self.tr("#"), self.tr("Time"), self.tr("Who"), self.tr("Type"), self.tr("Entry")]
        return self._headers[section] if 0 <= section < len(self._headers) else None

    def retranslate(self) -> None:
        """Texts follow a language switch (kinds and program-written entries are translated)."""
        self._headers = None
        self._cells.clear()
        self.headerDataChanged.emit(_HORIZONTAL, 0, 4)
        if self._entries:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._entries) - 1, 4))

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else _NO_FLAGS

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._entries):
            return None
        return self._value(self._entries[row], index.column(), role)

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role a delegate asks of a cell in one call: a view's paint asks about seven roles
        per cell, and each separate `data` call from C++ into Python costs more than its answer."""
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._entries):
            return
        entry, column = self._entries[row], index.column()
        span = roleDataSpan if isinstance(roleDataSpan, QModelRoleDataSpan) else (roleDataSpan,)
        for role_data in cast("Iterable[QModelRoleData]", span):  # the span iterates; its stub says not
            role = role_data.role()
            if role == _DISPLAY:  # the common case first, without a call
                role_data.setData(self._row_texts(entry)[column])
                continue
            value = self._value(entry, column, role) if role in _ROLES else None
            if value is not None:
                role_data.setData(value)
            else:  # a delegate reuses its span from cell to cell (and view to view): clear the rest
                role_data.clearData()

    def _value(self, entry: LogEntry, column: int, role: int) -> Any:
        # Plain ints, not Qt's enum members: a first paint asks for thousands of cells.
        if role == _DISPLAY:
            return self._row_texts(entry)[column]
        if role == ITEM_ROLE:
            return entry
        if role == _FONT:
            return _struck() if entry.corrected_by else None
        if role == _FOREGROUND:
            if entry.corrected_by:
                return _MUTED
            return _CORRECTION if entry.kind is EntryKind.CORRECTION else None
        if role == _TOOLTIP:
            return self._tooltip(entry)
        if role == _ALIGNMENT and column == self.COL_SEQ:
            return _RIGHT
        return None

    def _row_texts(self, entry: LogEntry) -> tuple[str, ...]:
        cells = self._cells.get(entry.seq)
        if cells is None:
            clock = local_clock(entry.at, self._started or entry.at, seconds=True)
            cells = (str(entry.seq), clock, entry.actor, entry.kind.label, entry_text(entry))
            self._cells[entry.seq] = cells
        return cells

    def _tooltip(self, entry: LogEntry) -> str:
        lines = [entry_text(entry)]
        if entry.corrected:
            seqs = ", ".join(f"#{s}" for s in entry.corrected_by)
            lines.append(self.tr("Corrected by %1").replace("%1", seqs))
        lines.append(f"SHA-256 {entry.hash}")
        return "\n".join(lines)

    def entries(self) -> list[LogEntry]:
        return list(self._entries)

