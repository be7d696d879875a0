"""The console's log: every entry (paged), the quick log box (Enter commits) and Correct…."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QHelpEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.incidents.log import MAX_ENTRY_TEXT
from branchguard.core.incidents.types import TYPED_KINDS, EntryKind, LogEntry
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.roles import may
from branchguard.gui.incidents.console.steps_panel import HEADER_HEIGHT, compact, rows_tall
from branchguard.gui.incidents.log_model import IncidentLogModel
from branchguard.gui.kit.flow import FlowLayout
from branchguard.gui.kit.forms import spoken
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.plain import tip
from branchguard.gui.kit.text_scale import large_text, size_columns

if TYPE_CHECKING:
    from branchguard.core.kernel.types import Actor
    from branchguard.core.services import Services

UNCORRECTABLE = (EntryKind.START, EntryKind.CLOSE)  # the service refuses these
LOG_ROW = 24  # pixels: a log row; five or more show at 1024×768
NOTICE_MS = 10_000  # why an entry is not corrected, in the status bar
LARGE_LOG_ROWS = 3  # at larger text the log never shows fewer (at 15 pt on 1024×768 it showed one)


class LogView(QTableView):
    """The log's table, whose tooltips the model writes when one is asked for: its cells carry
    none, as storing one in each would cost its text every time a page is read."""

    def __init__(self, model: IncidentLogModel) -> None:
        super().__init__()
        self._log_model = model
        self.setModel(model)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return super().viewportEvent(event)
        index = self.indexAt(event.pos())
        if index.isValid():
            text = tip(self._log_model.tooltip(index.row()))
            QToolTip.showText(event.globalPos(), text, self.viewport(), self.visualRect(index))
        else:
            QToolTip.hideText()
            event.ignore()
        return True


class LogPanel(QWidget):
    """`submitted(kind, text)` when Enter is pressed in the box; the text stays until committed
    elsewhere (the console clears it through `committed`). While the writer has an entry of the
    box (`set_pending`), Add is off and Enter does nothing: a second press wrote it twice."""

    submitted = Signal(object, str)
    correct_requested = Signal(object)  # LogEntry

    def __init__(
        self, services: Services, actor: Actor, incident_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._actor = actor
        self.model = IncidentLogModel(services, actor, incident_id, self)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: 600;")
        self.view = LogView(self.model)
        self.view.setObjectName("incident_log")
        self.view.setTabKeyNavigation(False)  # Tab goes on to the box and the buttons, not cell to cell
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        vertical = self.view.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
        vertical.setDefaultSectionSize(compact(LOG_ROW, self.view))
        header = self.view.horizontalHeader()
        header.setFixedHeight(compact(HEADER_HEIGHT, header))
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        size_columns(header, ((0, 48), (1, 80), (2, 80), (3, 120)))
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

        self.kind = QComboBox()
        self.kind.setObjectName("incident_log_kind")
        self.text = QLineEdit()
        self.text.setObjectName("incident_log_text")
        self.text.setMaxLength(MAX_ENTRY_TEXT)
        self.text.returnPressed.connect(self.submit)
        self.add_button = QPushButton(icon("add"), "")
        self.add_button.setObjectName("incident_log_add")
        self.add_button.clicked.connect(self.submit)
        self.correct_button = QPushButton(icon("edit"), "")
        self.correct_button.setObjectName("incident_log_correct")
        self.correct_button.clicked.connect(self.request_correction)
        # Correct… beside Add: a heading row of its own cost a log row. Wraps at larger text (at
        # 15 pt the row held the console 1052 px wide). There the heading leads the row: above the
        # list it cost a log row too.
        self._large = large = large_text(self)
        quick = FlowLayout(spacing=4)
        if large:
            quick.add_widget(self.heading)
        self.leave_room(0)
        quick.add_widget(self.kind)
        quick.add_widget(self.text, 1)
        quick.add_widget(self.add_button)
        quick.add_widget(self.correct_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        if not large:
            box.addWidget(self.heading)
        box.addWidget(self.view, 1)
        box.addLayout(quick)
        self._may_write = False
        self._pending = ""  # the text of the box's entry the writer has, if any
        self._shown = False
        # Entries written elsewhere (the lobby PC's notes) come in at the end as the console re-reads:
        # they stayed below the fold of a lead reading the newest. Followed as the box's own are.
        self._was_at_end = True
        self._follow_due = False
        self.model.rowsAboutToBeInserted.connect(lambda *_: self._note_end())
        self.model.rowsInserted.connect(lambda *_: self._follow_if_at_end())
        self.model.caught_up.connect(self.follow_end)
        self.retranslate()

    def retranslate(self) -> None:
        self.model.retranslate()
        self.heading.setText(self.tr("Log"))
        self.view.setAccessibleName(spoken(self.heading.text()))
        self.kind.setAccessibleName(self.tr("Kind of entry"))
        kind = self.kind.currentData()
        self.kind.clear()
        for entry_kind in TYPED_KINDS:
            self.kind.addItem(entry_kind.label, entry_kind.value)  # Qt keeps a StrEnum as str
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.text.setPlaceholderText(self.tr("What happened? Enter adds it to the log (Ctrl+E)"))
        self.text.setAccessibleName(self.text.placeholderText())  # the placeholder, gone once typed in
        self.add_button.setText(self.tr("Add"))
        self.correct_button.setText(self.tr("Correct…"))
        self.correct_button.setToolTip(
            self.tr("Correct the selected entry: the original stays, struck through (Ctrl+Shift+E)")
        )

    def set_may_write(self, may_write: bool) -> None:
        self._may_write = may_write
        for widget in (self.kind, self.text, self.add_button, self.correct_button):
            widget.setVisible(may_write)
        self._update_buttons()

    # -- writing -------------------------------------------------------------------------------
    def submit(self) -> None:
        text = self.text.text().strip()
        if not self._may_write or not text or self._pending:
            return
        self.submitted.emit(EntryKind(self.kind.currentData()), text)

    def set_pending(self, text: str) -> None:
        """The box's entry `text` is with the writer; "" once it is back, written or refused."""
        self._pending = text
        self.add_button.setEnabled(not text)

    def is_pending(self) -> bool:
        return bool(self._pending)

    def unsent_text(self) -> str:
        """What the box holds that is not in the log yet: lost if the window closed now. An entry
        still with the writer counts: the close waits 10 s for the writer, and a write waiting on
        another program's lock retries for ~28 s."""
        return self.text.text().strip() if self._may_write else ""

    def committed(self, entry: LogEntry) -> None:
        """The writer has the entry on disk: show it; clear the box if it still holds that text."""
        self.model.add_entry(entry)  # followed when the view was at the end (_follow_if_at_end)
        if self.text.text().strip() == entry.text:
            self.text.clear()

    def leave_room(self, pixels: int) -> None:
        """At larger text the log's floor (LARGE_LOG_ROWS rows) less `pixels`, taken by a line shown
        above the panels (the console's message) rather than from the screen: the log scrolls."""
        if self._large:
            self.view.setMinimumHeight(rows_tall(self.view, LARGE_LOG_ROWS, scrolled=True) - pixels)

    # -- corrections ---------------------------------------------------------------------------
    def selected_entry(self) -> LogEntry | None:
        index = self.view.selectionModel().currentIndex()
        return self.model.entry_at(index.row()) if index.isValid() else None

    def correctable(self, entry: LogEntry | None) -> bool:
        if entry is None or entry.kind in UNCORRECTABLE or not self._may_write:
            return False
        return entry.actor == self._actor.username or may(self._actor, "incident.correct_any")

    def request_correction(self) -> None:
        """Correct… or Ctrl+Shift+E: the dialog for the selected entry, else why not, in the status
        bar (a line under the log held the window taller than 768 px at 15 pt). The key did nothing,
        unsaid, on no entry selected, on the start, on another's entry."""
        entry = self.selected_entry()
        if self.correctable(entry):
            self.correct_requested.emit(entry)
            return
        window = self.window()
        if self._may_write and isinstance(window, QMainWindow):
            window.statusBar().showMessage(self.why_not_correctable(entry), NOTICE_MS)

    def why_not_correctable(self, entry: LogEntry | None) -> str:
        if entry is None:
            return self.tr("Select the entry to correct in the log first")
        if entry.kind in UNCORRECTABLE:
            return Message("incident.cannot_correct", seq=entry.seq).text()  # the entry named in it
        why = Message("incident.correct_own_only").text()
        return self.tr("Entry %1: %2").replace("%1", str(entry.seq)).replace("%2", why)

    def _menu(self, point: QPoint) -> None:
        index = self.view.indexAt(point)
        if not index.isValid():
            return
        entry = self.model.entry_at(index.row())
        if not self.correctable(entry):
            return
        self.view.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(icon("edit"), self.tr("Correct…"), self.request_correction)
        menu.popup(self.view.viewport().mapToGlobal(point))

    def _update_buttons(self) -> None:
        self.correct_button.setEnabled(self.correctable(self.selected_entry()))

    def height_for_rows(self, rows: int) -> int:
        """The panel's height that shows `rows` whole log rows under the heading, with the box."""
        box = self.layout()
        above = box is not None and box.indexOf(self.heading) >= 0  # not at larger text: in the box's row
        spacing = (box.spacing() if box is not None else 4) * (2 if above else 1)
        quick = max(self.text.sizeHint().height(), self.add_button.sizeHint().height())
        heading = self.heading.sizeHint().height() if above else 0
        return heading + rows_tall(self.view, rows) + quick + spacing

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:  # scrolling before the first layout has no end to scroll to
            self._shown = True
            QTimer.singleShot(0, self, self.follow_end)  # with the panel as context: none once it is gone

    def _at_end(self) -> bool:
        """Within two rows of the end, counted in the scroll bar's units: rows where the view scrolls
        by row, as the table does (counted as pixels, 2 rows read as 48 and a lead who had scrolled
        back a page was taken to the end at their next entry)."""
        bar, view = self.view.verticalScrollBar(), self.view
        by_row = view.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerItem
        row = 1 if by_row else view.verticalHeader().defaultSectionSize()
        return bar.value() >= bar.maximum() - 2 * row

    def _note_end(self) -> None:
        if not self._follow_due:  # rows still to follow: the view has not moved to them yet
            self._was_at_end = self._at_end()

    def _follow_if_at_end(self) -> None:
        """Follow new entries unless someone scrolled back to read; once for rows come together."""
        if self._was_at_end and not self._follow_due:
            self._follow_due = True
            QTimer.singleShot(0, self, self._follow_now)  # the panel closed meanwhile: nothing

    def _follow_now(self) -> None:
        self._follow_due = False
        self.follow_end()

    def follow_end(self) -> None:
        """Show the newest entry, once the whole log is read (scrolling to the end of a partly read
        log would make the view fetch the next page, and the next, to the last of a million): a
        log read in part is read on to its end first, in the background (`catch_up`)."""
        if self.model.read_to_end():
            self.view.scrollToBottom()
        else:
            self.model.catch_up()  # then here again, unless the log is too long to read unasked
