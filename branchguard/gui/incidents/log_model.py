"""The incident log as an item model filled page by page, so a million-entry log opens at once."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QStandardItem, QStandardItemModel

from branchguard.core.accounts.names import Names
from branchguard.core.incidents.text import clock_back_text, entry_text
from branchguard.core.incidents.types import EntryKind, LogEntry
from branchguard.core.kernel.clock_check import ClockWatch
from branchguard.gui.kit import style
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.times import local_clock, spans_days

if TYPE_CHECKING:
    from collections.abc import Sequence

    from branchguard.core.kernel.types import Actor
    from branchguard.core.services import Services

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
PAGE_SIZE = 48  # rows of 26 px: twice what the console shows on a 4K screen; the view asks for more
CATCH_UP_MAX = 5_000  # entries read on unasked to reach the newest; a longer log is read as scrolled
_MUTED = QBrush(QColor(style.MUTED))  # a corrected entry: struck through and greyed
_CORRECTION = QBrush(QColor(style.ACCENT_DARK))  # the correction itself stands out a little
_START_KIND, _CORRECTION_KIND = EntryKind.START, EntryKind.CORRECTION  # an enum's attribute is slow
_TEAM_KIND = EntryKind.TEAM
_TEAM_GAPS = QBrush(QColor(style.WARNING))  # a team check naming roles that cannot count on their holder
_CLOCK_BACK = _TEAM_GAPS  # a time earlier than an entry written before it: the PC clock was set back


@cache
def _blank_row() -> tuple[QStandardItem, ...]:
    """The five cells' look before their texts: cloning them costs less than setting it item by item."""
    cells = tuple(QStandardItem() for _ in range(5))
    for cell in cells:
        cell.setFlags(_FLAGS)  # read-only, no children: a QStandardItem is editable by default
    cells[IncidentLogModel.COL_SEQ].setTextAlignment(_RIGHT)
    return cells


@cache
def _warning_icon() -> QIcon:
    return icon("warning")  # made on first use, as _struck: an icon needs the application object


@cache
def _struck() -> QFont:
    # Made on first use: a QFont needs the application object, which importing this must not.
    font = QFont()
    font.setStrikeOut(True)
    return font


class IncidentLogModel(QStandardItemModel):
    """Every entry of one incident, oldest first, fetched a page at a time as the view scrolls.

    Nothing is read in the constructor: `read_first_page` (the console) reads the first page off
    the GUI thread, or else the view's first `fetchMore` reads it (off the GUI thread too, as every
    page after), so opening a log costs one page whatever its length. Live entries arrive through
    `add_entry` (after the writer committed them) and are inserted at the end once the log has
    been read that far; a correction strikes through the entry it corrects. An entry whose time is
    earlier than one written before it (the PC's clock was set back) has its time in the warning
    colour with a warning icon, and says so in its tooltip: the pages go in in log order through
    one ClockWatch (core/kernel/clock_check.py), so they are checked as the whole log would be.

    Speed trick (docs/architecture.md, "Speed tricks"): each row's cells are QStandardItems made
    when the row goes in, so a view's paint reads them in C++. A call from C++ into Python per
    painted cell (~85 µs) doubled every paint of the log, scrolling included: the first paint
    measured 30 ms (2.2x QSqlQueryModel, target 1.5x) that way and 20 ms (1.4x) this way.
    Hence no Python `data`, `multiData`, `flags` or `rowCount` here; only the paging is Python.
    The entries themselves stay in a list beside the items (`entry_at`, `row_of`), and tooltips
    are made on demand (`tooltip`, shown by the log view) rather than stored in every cell.
    """

    COL_SEQ, COL_TIME, COL_ACTOR, COL_KIND, COL_TEXT = range(5)
    first_page_read = Signal()  # after read_first_page: the rows are in (or the read failed)
    caught_up = Signal()  # after catch_up: the newest entry is in

    def __init__(
        self,
        services: Services,
        actor: Actor,
        incident_id: int,
        parent: QObject | None = None,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(0, 5, parent)
        self._services = services
        self._actor = actor
        self.incident_id = incident_id
        self._page_size = page_size
        self._entries: list[LogEntry] = []
        self._row_of: dict[int, int] = {}  # seq -> row
        self._read_all = False  # the last page came back short: the view holds the whole log
        self._started: datetime | None = None
        # What the time texts were written against: they change only when this does.
        self._clock_basis: tuple[datetime, bool] | None = None
        self._fetching = False  # views (and the model tester) may ask for more while rows go in
        self._who = Names()  # logins shown as people's names once the console has read them
        self._loader = Loader(self, on_error=self._read_failed)  # the reads off the GUI thread
        self._missed = False  # an entry came while a page was read
        self._first_pending = False  # read_first_page asked, first_page_read not yet emitted
        self._catching_up = False  # catch_up asked, caught_up not yet emitted
        self._watch: ClockWatch[int, datetime] = ClockWatch()  # every entry in, in log order
        self._went_back: dict[int, int] = {}  # seq -> the earlier-written entry with a later time
        self.retranslate()

    # -- content -------------------------------------------------------------------------------
    def entry_at(self, row: int) -> LogEntry:
        return self._entries[row]

    def row_of(self, seq: int) -> int:
        """The row of entry `seq`, or -1 when it is not read yet."""
        return self._row_of.get(seq, -1)

    def last_seq(self) -> int:
        return self._entries[-1].seq if self._entries else 0

    def entries(self) -> list[LogEntry]:
        return list(self._entries)

    def clock_back(self, row: int) -> str:
        """Why the entry's time is out of order (core's `clock_back_text`), or "" when it is not."""
        later = self._went_back.get(self._entries[row].seq)
        if later is None:
            return ""
        return clock_back_text(later, self._entries[self._row_of[later]].at)

    def tooltip(self, row: int) -> str:
        """The entry's whole text, whether its time runs backwards, who corrected it, and its hash."""
        entry = self._entries[row]
        lines = [entry_text(entry)]
        if back := self.clock_back(row):
            lines.append(back)
        if entry.corrected:
            seqs = ", ".join(f"#{s}" for s in entry.corrected_by)
            lines.append(self.tr("Corrected by %1").replace("%1", seqs))
        lines.append(f"SHA-256 {entry.hash}")
        return "\n".join(lines)

    def set_started(self, started: datetime) -> None:
        """When the incident began: times read as a clock on its first day, with dates after."""
        self._started = started
        basis = (started, spans_days(started))
        if basis == self._clock_basis:  # the console says so at every re-read: mostly nothing to do
            return
        self._clock_basis = basis
        for row, entry in enumerate(self._entries):
            self._cell(row, self.COL_TIME).setText(self._clock(entry))

    def set_names(self, who: Names) -> None:
        """Show authors by display name (王建国) rather than login, from now on and in rows read."""
        if who == self._who:
            return
        self._who = who
        for row, entry in enumerate(self._entries):
            self._cell(row, self.COL_ACTOR).setText(who(entry.actor))

    def add_entry(self, entry: LogEntry) -> None:
        """A committed entry: shown at once when the log is read to its end, else when scrolled to."""
        if entry.incident_id != self.incident_id or entry.seq in self._row_of:
            return
        if entry.corrects is not None:
            self._mark_corrected(entry.corrects, entry.seq)
        if not self._read_all:
            self._missed = self._missed or self._fetching
            return
        if entry.seq == self.last_seq() + 1:
            self._insert([entry])
        else:  # written elsewhere in between (another screen, another PC): read the gap too
            self.fetch_new()

    def fetch_new(self) -> None:
        """Read what was appended since the end was last reached (others' entries), in the
        background."""
        if self._read_all:
            self._read_all = False
            self._read_on()

    def retranslate(self) -> None:
        """Texts follow a language switch (kinds and program-written entries are translated)."""
        headers = [self.tr("#"), self.tr("Time"), self.tr("Who"), self.tr("Type"), self.tr("Entry")]
        self.setHorizontalHeaderLabels(headers)
        for row, entry in enumerate(self._entries):
            self._cell(row, self.COL_KIND).setText(entry.kind.label)
            self._cell(row, self.COL_TEXT).setText(entry_text(entry))

    # -- rows ----------------------------------------------------------------------------------
    def _insert(self, entries: list[LogEntry]) -> None:
        for entry in entries:
            if entry.kind is _START_KIND and self._started is None:
                self._started = entry.at
                self._clock_basis = (entry.at, spans_days(entry.at))
            self._row_of[entry.seq] = len(self._entries)
            self._entries.append(entry)
            self.appendRow(self._items(entry))
            later = self._watch.see(entry.seq, entry.at)
            if later is not None:
                self._went_back[entry.seq] = later
                time = self._cell(len(self._entries) - 1, self.COL_TIME)
                time.setIcon(_warning_icon())
                time.setForeground(_CLOCK_BACK)
        for entry in entries:
            if entry.corrects is not None:
                self._mark_corrected(entry.corrects, entry.seq)

    def _items(self, entry: LogEntry) -> list[QStandardItem]:
        who, kind = self._who(entry.actor), entry.kind.label
        texts = (str(entry.seq), self._clock(entry), who, kind, entry_text(entry))
        items = [cell.clone() for cell in _blank_row()]
        for item, text in zip(items, texts, strict=True):
            item.setText(text)
        if entry.corrected_by or entry.kind is _CORRECTION_KIND or entry.kind is _TEAM_KIND:
            _style(items, entry)
        return items

    def _clock(self, entry: LogEntry) -> str:
        return local_clock(entry.at, self._started or entry.at, seconds=True)

    def _cell(self, row: int, column: int) -> QStandardItem:
        item = self.item(row, column)
        assert item is not None  # every row gets all five items when it goes in
        return item

    def _mark_corrected(self, target: int, by: int) -> None:
        row = self._row_of.get(target, -1)
        if row < 0 or by in self._entries[row].corrected_by:
            return
        old = self._entries[row]
        self._entries[row] = replace(old, corrected_by=(*old.corrected_by, by))
        _style([self._cell(row, column) for column in range(self.columnCount())], self._entries[row])

    # -- paging --------------------------------------------------------------------------------
    def read_first_page(self) -> None:
        """Read the first page off the GUI thread (a console opening); `first_page_read` follows.

        Why: the console read it with `fetchMore` on the GUI thread as it opened, beside building
        its widgets, and each re-read of the console read the entries written elsewhere there too:
        a database wait on the GUI thread at every poll (make bench, pages: the Incidents page
        reopening a live incident). Pages further back are read as the view scrolls, as before;
        while a read is under way the view asks for nothing (`canFetchMore` is False)."""
        if self._entries:
            self.first_page_read.emit()
            return
        self._first_pending = True
        self._read_on()

    def _read_on(self) -> None:
        """Read the page after the last entry shown, in the background."""
        if self._fetching:  # a read is under way: read again once it is in
            self._missed = True
            return
        self._fetching = True
        services, actor, incident_id, size = self._services, self._actor, self.incident_id, self._page_size
        after = self.last_seq()
        self._loader.run(lambda: services.incidents.entries_page(actor, incident_id, after, size), self._read)

    def catch_up(self) -> None:
        """Read on to the newest entry, a page at a time off the GUI thread; `caught_up` follows.
        A console opened on a log longer than a page (a restart mid-incident, a second PC) showed
        its first 48 entries, and an entry written there went in only once scrolled to: the lead's
        own entries vanished from sight. A log longer than CATCH_UP_MAX is read as scrolled."""
        if self._read_all:
            self.caught_up.emit()
        elif len(self._entries) < CATCH_UP_MAX and not self._catching_up:
            self._catching_up = True
            if not self._fetching:  # else the page under way reads on (`_read`)
                self._read_on()

    def _read(self, page: list[LogEntry]) -> None:
        self._take(page)  # still fetching: a view asking for more as the rows go in reads nothing
        self._fetching = False
        if self._missed:  # entries committed while the page was read: read what it did not have
            self._missed = False
            self.fetch_new()
        self._first_read_done()
        if self._catching_up and not self._fetching:
            if self._read_all or len(self._entries) >= CATCH_UP_MAX:
                self._catching_up = False
                if self._read_all:
                    self.caught_up.emit()
            else:
                self._read_on()

    def _read_failed(self, message: str) -> None:
        self._fetching = False  # the view reads a page itself when it next asks
        self._catching_up = False  # and a follow asks again
        log.warning("the incident log could not be read: %s", message)
        self._first_read_done()

    def _first_read_done(self) -> None:
        if self._first_pending and not self._fetching:
            self._first_pending = False
            self.first_page_read.emit()

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._read_all and not self._fetching

    def fetchMore(self, parent: Index) -> None:
        """The view scrolled to the end of what is read: the next page, read off the GUI thread as
        every read of the log is (it read on the GUI thread at each page a reader scrolled to)."""
        if self.canFetchMore(parent):
            self._read_on()

    def read_to_end(self) -> bool:
        """The whole log is read (the last page came back short)."""
        return self._read_all

    def _take(self, page: list[LogEntry]) -> None:
        self._read_all = len(page) < self._page_size
        fresh = [e for e in page if e.seq not in self._row_of]
        if fresh:
            self._insert(fresh)


def _style(items: Sequence[QStandardItem], entry: LogEntry) -> None:
    """Struck through and greyed once corrected; a correction in the accent colour; a team check
    that names gaps in the warning colour."""
    if entry.corrected_by:
        for item in items:
            item.setFont(_struck())
            item.setForeground(_MUTED)
    elif entry.kind is _CORRECTION_KIND:
        for item in items:
            item.setForeground(_CORRECTION)
    elif entry.kind is _TEAM_KIND and entry.data.get("gaps"):
        for item in items:
            item.setForeground(_TEAM_GAPS)
