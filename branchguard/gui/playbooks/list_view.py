"""The plan list of the Playbooks page: search box, tier/category/level/status filters and the table."""

from __future__ import annotations

from contextlib import nullcontext

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.kernel.types import Level, PlaybookStatus
from branchguard.core.playbooks.service import PlaybookFilter
from branchguard.core.playbooks.types import IncidentCategory, PlanTier, PlaybookSummary
from branchguard.gui.kit.empty_note import EmptyNote
from branchguard.gui.kit.flow import FlowLayout
from branchguard.gui.kit.loader import Loader, reads_next_turn
from branchguard.gui.kit.rows import SIZE_SAMPLE_ROWS, SORT_ROLE, CellsProxy
from branchguard.gui.kit.search_box import SearchBox
from branchguard.gui.kit.tables import lead_with, sizing
from branchguard.gui.kit.text_scale import scaled, set_row_height
from branchguard.gui.playbooks.models import LEVELS_ROLE, PlaybooksModel
from branchguard.gui.playbooks.preview import LevelBadgeDelegate
from branchguard.gui.shell.session import GuiSession

TITLE_WIDTH = 220  # longer titles elide (the tooltip and the preview show them whole); status fits at 1024
_SEL = QItemSelectionModel.SelectionFlag


class PlaybookList(QWidget):
    """Lists plans through the service with the chosen filter; keeps the selection across reloads."""

    current_changed = Signal()  # the plan under the cursor changed (or was reloaded)
    selection_changed = Signal()
    activated = Signal()  # Enter or double click on a plan
    failed = Signal(str)  # the service refused to list (message for the user)

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.search = SearchBox("playbook_search")
        self.search.setMinimumWidth(220)
        self.search.paused.connect(self.reload)
        self.tier_filter = QComboBox()
        self.category_filter = QComboBox()
        self.level_filter = QComboBox()
        self.status_filter = QComboBox()
        self.filters = (self.tier_filter, self.category_filter, self.level_filter, self.status_filter)
        for name, combo in zip(("tier", "category", "level", "status"), self.filters, strict=True):
            combo.setObjectName(f"playbook_{name}_filter")
            # Category names are long: the combo opens wide, but takes little room in the row.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
            combo.view().setMinimumWidth(240)
            combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")
        self.model = PlaybooksModel(self)
        self.proxy = CellsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = self._make_table()
        self.loader = Loader(self, on_error=self._failed)
        self._sized = self._read = False  # _read: the list shown is the plans read, not the empty start
        self.empty_note = EmptyNote(self.table, self.empty_text)

        self.filter_row = FlowLayout(spacing=8)  # wraps at larger text rather than widen the window
        self.filter_row.add_widget(self.search, 3)
        for combo in self.filters:
            self.filter_row.add_widget(combo, 1)
        self.filter_row.add_widget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("playbook_table")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        set_row_height(table, 30)
        table.setItemDelegateForColumn(PlaybooksModel.COL_LEVELS, LevelBadgeDelegate(LEVELS_ROLE, table))
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the service's order (tier, code)
        # a draft or an approved plan, beside its title: at 1024 px the status was scrolled off
        lead_with(header, (PlaybooksModel.COL_CODE, PlaybooksModel.COL_TITLE, PlaybooksModel.COL_STATUS))
        table.selectionModel().currentRowChanged.connect(lambda *_: self.current_changed.emit())
        table.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())
        table.activated.connect(lambda _index: self.activated.emit())
        return table

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search titles and steps"))
        self.table.setAccessibleName(self.tr("Playbooks"))
        self._fill(self.tier_filter, self.tr("All tiers"), [(t.label, t) for t in PlanTier])
        self._fill(self.category_filter, self.tr("All categories"), [(c.label, c) for c in IncidentCategory])
        self._fill(self.level_filter, self.tr("All levels"), [(lv.label, lv) for lv in Level])
        self._fill(self.status_filter, self.tr("Any status"), [(s.label, s) for s in PlaybookStatus])
        self._update_count()

    @staticmethod
    def _fill(combo: QComboBox, everything: str, entries: list[tuple[str, object]]) -> None:
        current = combo.currentIndex()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for text, value in entries:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(current, 0))
        combo.blockSignals(False)

    # -- loading -------------------------------------------------------------------------------
    def current_filter(self) -> PlaybookFilter:
        return PlaybookFilter(
            search=self.search.text().strip(),
            tier=self.tier_filter.currentData(),
            category=self.category_filter.currentData(),
            level=self.level_filter.currentData(),
            status=self.status_filter.currentData(),
        )

    @property
    def loads(self) -> int:
        """Reloads so far: the page tells whether someone else reloaded it."""
        return self.loader.runs

    def reload(self) -> None:
        """List again with the current filter, off the GUI thread (a library of several hundred
        plans takes a noticeable while to list); only the newest answer is shown."""
        self.search.settle()
        services, actor, flt = self.session.services, self.session.actor, self.current_filter()
        # The first read waits for the page's first paint (kit/loader.py: next_turn).
        first = self.loader.runs == 0
        self.loader.run(lambda: services.playbooks.list_playbooks(actor, flt), self._show, next_turn=first)

    def empty_text(self) -> str:
        """What the empty list says (kit/empty_note.py). Unfiltered it is never empty: the built-in
        plans are in every database."""
        if not self._read:
            return ""
        if any(c.currentIndex() > 0 for c in self.filters) or self.search.text().strip():
            return self.tr("No plan matches the search and filters.")
        return self.tr("No plans yet.")

    def _failed(self, message: str) -> None:
        self._show([])
        self._read = False  # not read: the table does not say there are none
        self.failed.emit(message)

    def _show(self, rows: list[PlaybookSummary]) -> None:
        self._read = True
        current = self.current_summary()
        chosen = self.selected_codes()
        selection = self.table.selectionModel()
        if not self.model.set_rows(rows):
            self._update_count()
            return  # the plans listed already: the selection stands, the page reads its plan again
        selection.blockSignals(True)  # one current_changed at the end, not one per restored row
        sizing = not self._sized and bool(rows)
        if sizing:
            # Sized before the rows are first painted, so they are painted once: sized in a turn of
            # its own (when the first read could come back within the page's first paint, which it
            # no longer does: kit/loader.py, next_turn), the rows were painted, then painted again
            # sized, then a third time on Qt's timer (kit/tables.py, sizing): 30 ms at ten years.
            self._sized = True
            self._size_columns()
        first = current.code if current is not None else (chosen[0] if chosen else None)
        if (first is None or not self.select_code(first)) and rows:
            self.select_code(self.model.row_at(self.proxy.mapToSource(self.proxy.index(0, 0)).row()).code)
        for code in chosen:
            self._add_to_selection(code)
        selection.blockSignals(False)
        self.table.viewport().update()
        self._update_count()
        # With the columns to size, what the choice reads (the plan's version) starts after that turn:
        # beside the read, whose Python holds the GIL, sizing and the preview were one 38-47 ms stall.
        with reads_next_turn() if sizing else nullcontext():
            self.current_changed.emit()
            self.selection_changed.emit()

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(SIZE_SAMPLE_ROWS)
        widest = scaled(TITLE_WIDTH, header)
        with sizing(self.table):
            self.table.resizeColumnsToContents()
            for column in range(self.model.columnCount()):
                header.resizeSection(column, min(header.sectionSize(column) + 12, widest))

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%n plan(s)", "", self.model.rowCount()))

    # -- selection -----------------------------------------------------------------------------
    def _index_of(self, code: str) -> QModelIndex | None:
        row = self.model.find_row(lambda item: item.code == code)
        return self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else None

    def select_code(self, code: str) -> bool:
        """Make `code` the only selected plan and the current one; False when it is not listed."""
        index = self._index_of(code)
        if index is None:
            return False
        self.table.selectionModel().setCurrentIndex(index, _SEL.ClearAndSelect | _SEL.Rows)
        self.table.scrollTo(index)
        return True

    def _add_to_selection(self, code: str) -> None:
        index = self._index_of(code)
        if index is not None:
            self.table.selectionModel().select(index, _SEL.Select | _SEL.Rows)

    def current_summary(self) -> PlaybookSummary | None:
        selection = self.table.selectionModel()
        index = selection.currentIndex()
        if not index.isValid() or not selection.isRowSelected(index.row(), QModelIndex()):
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def selected_codes(self) -> list[str]:
        rows = sorted(self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows())
        return [self.model.row_at(row).code for row in rows]
