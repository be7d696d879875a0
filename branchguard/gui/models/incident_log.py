"""The incident log as a table model read page by page, so a million-entry log opens at once."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from branchguard.core.incident_text import entry_text
from branchguard.core.incident_types import EntryKind, LogEntry
from branchguard.gui import style
from branchguard.gui.models.incident_times import local_clock
from branchguard.gui.models.rows import ITEM_ROLE

if TYPE_CHECKING:
    from branchguard.core.domain import Actor
    from branchguard.core.services import Services

Index = QModelIndex | QPersistentModelIndex
_R = Qt.ItemDataRole
PAGE_SIZE = 256  # what QSqlQueryModel fetches at a time too: one screen and a good margin
CORRECTION_COLOUR = style.ACCENT_DARK


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

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _R.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != _R.DisplayRole:
            return None
        headers = [self.tr("#"), self.tr("Time"), self.tr("Who"), self.tr("Type"), self.tr("Entry")]
        return headers[section] if 0 <= section < len(headers) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = _R.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role == _R.DisplayRole:
            return self._display(entry, column)
        if role == ITEM_ROLE:
            return entry
        if role == _R.FontRole and entry.corrected:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == _R.ForegroundRole:
            if entry.corrected:
                return QColor(style.MUTED)
            if entry.kind == EntryKind.CORRECTION:
                return QColor(CORRECTION_COLOUR)
            return None
        if role == _R.ToolTipRole:
            return self._tooltip(entry)
        if role == _R.TextAlignmentRole and column == self.COL_SEQ:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, entry: LogEntry, column: int) -> str:
        if column == self.COL_SEQ:
            return str(entry.seq)
        if column == self.COL_TIME:
            return local_clock(entry.at, self._started or entry.at, seconds=True)
        if column == self.COL_ACTOR:
            return entry.actor
        if column == self.COL_KIND:
            return entry.kind.label
        return entry_text(entry)

    def _tooltip(self, entry: LogEntry) -> str:
        lines = [entry_text(entry)]
        if entry.corrected:
            seqs = ", ".join(f"#{s}" for s in entry.corrected_by)
            lines.append(self.tr("Corrected by %1").replace("%1", seqs))
        lines.append(f"SHA-256 {entry.hash}")
        return "\n".join(lines)

    def entries(self) -> list[LogEntry]:
        return list(self._entries)

