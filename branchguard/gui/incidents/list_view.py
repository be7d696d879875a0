"""The Incidents page's list tab: filters, full-text search over the logs, the entries it found."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QModelIndex, QPoint, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.incidents.types import IncidentFilter, IncidentStatus, IncidentSummary, SearchHit
from branchguard.core.kernel.roles import may
from branchguard.core.kernel.types import Level
from branchguard.gui.audit.page import DEFAULT_DAYS, local_day_start
from branchguard.gui.incidents.console.dialogs import level_icon
from branchguard.gui.incidents.models import LEVELS_ROLE, IncidentListModel, SearchHitsModel
from branchguard.gui.incidents.reports import ReportMenu
from branchguard.gui.kit.combos import refill
from branchguard.gui.kit.dates import date_edit, name_range
from branchguard.gui.kit.empty_note import EmptyNote
from branchguard.gui.kit.flow import FlowLayout
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.names import NamesReader
from branchguard.gui.kit.rows import SORT_ROLE, RowsProxy
from branchguard.gui.kit.search_box import SearchBox
from branchguard.gui.kit.text_scale import set_row_height, size_columns
from branchguard.gui.kit.windowed import Pager
from branchguard.gui.playbooks.preview import LevelBadgeDelegate
from branchguard.gui.shell.session import GuiSession

HITS_SHOWN = 200


def _table(name: str, model: QSortFilterProxyModel | SearchHitsModel) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab goes on to the next control, not cell to cell
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    set_row_height(table, 28)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    return table


# The status filter's entry for open incidents with a reporting checkpoint past its deadline.
CHECKPOINT_OVERDUE = "checkpoint_overdue"


class IncidentListPanel(QWidget):
    """`open_requested(id)` on double-click or Enter, in the list or on a found entry."""

    open_requested = Signal(int)

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("incidents_status_filter")
        self.level_filter = QComboBox()
        self.level_filter.setObjectName("incidents_level_filter")
        self.drill_filter = QComboBox()
        self.drill_filter.setObjectName("incidents_drill_filter")
        self.date_check = QCheckBox()
        self.date_check.setObjectName("incidents_date_check")
        today = QDate.currentDate()
        self.date_from = date_edit(today.addDays(-DEFAULT_DAYS))
        self.date_from.setObjectName("incidents_date_from")
        self.date_to = date_edit(today)
        self.date_to.setObjectName("incidents_date_to")
        self.date_to_label = QLabel()
        self.search = SearchBox("incidents_search")
        self.search.paused.connect(self.reload)
        # the banner's poll found the open incidents changed (started or closed on another PC too)
        session.open_incidents_changed.connect(self.reload)
        self.search.returnPressed.connect(self.reload)
        for combo in (self.status_filter, self.level_filter, self.drill_filter):
            combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.date_check.toggled.connect(self._dates_toggled)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _day: self.reload())

        self.model = IncidentListModel(self)
        self.names = NamesReader(self, session, self.model)
        self.pager: Pager[IncidentFilter, IncidentSummary] = Pager(
            self,
            self.model,
            lambda flt, window: session.services.incidents.window(session.actor, flt, window),
            on_error=self._failed,
            shown=self._show_count,
        )
        self.hits_loader = Loader(self, on_error=self._failed)
        self.proxy = RowsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = _table("incidents_table", self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(IncidentListModel.COL_STARTED, Qt.SortOrder.DescendingOrder)
        self.table.setItemDelegateForColumn(
            IncidentListModel.COL_LEVEL, LevelBadgeDelegate(LEVELS_ROLE, self.table)
        )
        header = self.table.horizontalHeader()
        m = IncidentListModel  # by name: a column added once left the title 90 px and the warning 240
        widths = (
            (m.COL_ID, 44), (m.COL_LEVEL, 60), (m.COL_WARNING, 64), (m.COL_TITLE, 200),
            (m.COL_DRILL, 80), (m.COL_STATUS, 70), (m.COL_PLAYBOOK, 90), (m.COL_STARTED, 130),
            (m.COL_BY, 84), (m.COL_CLOSED, 130),
        )  # fmt: skip
        size_columns(header, widths)
        header.setSectionResizeMode(IncidentListModel.COL_TITLE, QHeaderView.ResizeMode.Interactive)
        self.table.activated.connect(self._open_row)
        self.empty_note = EmptyNote(self.table, self.empty_text)
        self.count_label = QLabel()
        self.count_label.setObjectName("incidents_count")
        self.count_label.setProperty("role", "hint")
        # The selected incident's papers, open or closed (also on the table's context menu).
        self.print_menu = ReportMenu(self, session, self.selected_id)
        self.print_button = QPushButton(icon("print"), "")
        self.print_button.setObjectName("incidents_print_button")
        self.print_button.setMenu(self.print_menu)
        self.print_button.setEnabled(False)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.print_button.setEnabled(self.selected_id() is not None)
        )
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        self.hits_model = SearchHitsModel(self)
        self.hits = _table("incidents_hits", self.hits_model)
        size_columns(self.hits.horizontalHeader(), ((0, 150), (1, 220), (2, 110)))
        self.hits.activated.connect(self._open_hit)
        self.hits_label = QLabel()
        self.hits_label.setStyleSheet("font-weight: 600;")
        self.hits_label.setWordWrap(True)
        self.hits_box = QWidget()
        hits_layout = QVBoxLayout(self.hits_box)
        hits_layout.setContentsMargins(0, 0, 0, 0)
        hits_layout.addWidget(self.hits_label)
        hits_layout.addWidget(self.hits, 1)
        self.hits_box.hide()
        self._build_layout()
        self._filled = False
        self.retranslate()
        self._enable_dates(False)  # no read yet: the page's refresh makes the first (it was made twice)

    def _build_layout(self) -> None:
        filters = FlowLayout(spacing=8)  # wraps on a small screen instead of widening the window
        self.search.setMinimumWidth(240)
        for widget in (
            self.status_filter,
            self.level_filter,
            self.drill_filter,
            self.date_check,
            self.date_from,
            self.date_to_label,
            self.date_to,
            self.search,
        ):
            filters.add_widget(widget)
        # Top down, each box made inside its parent: a table added to a box of its own moves with
        # it, and every move restyles all its parts.
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 8, 8, 8)
        box.addLayout(filters)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        box.addWidget(split, 1)
        top = QWidget(split)
        top_box = QVBoxLayout(top)
        top_box.setContentsMargins(0, 0, 0, 0)
        top_box.addWidget(self.table, 1)
        under = QHBoxLayout()
        under.addWidget(self.count_label, 1)
        under.addWidget(self.print_button)
        top_box.addLayout(under)
        split.addWidget(top)
        split.addWidget(self.hits_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Incidents"))
        self.hits.setAccessibleName(self.tr("Search results"))
        refill(
            self.status_filter,
            [
                (self.tr("Open and closed"), None),
                *((status.label, status.value) for status in IncidentStatus),
                (self.tr("Open, report overdue"), CHECKPOINT_OVERDUE),
            ],
        )
        self.status_filter.setItemData(
            self.status_filter.count() - 1,
            self.tr("Open incidents with a report to head office past its deadline"),
            Qt.ItemDataRole.ToolTipRole,
        )
        refill(
            self.level_filter,
            [(self.tr("All levels"), None)] + [(level.label, level.value) for level in Level],
        )
        for index in range(1, self.level_filter.count()):
            self.level_filter.setItemIcon(index, level_icon(Level(self.level_filter.itemData(index))))
        refill(
            self.drill_filter,
            [
                (self.tr("Incidents and drills"), None),
                (self.tr("Real incidents only"), False),
                (self.tr("Drills only"), True),
            ],
        )
        self.date_check.setText(self.tr("Started from"))
        self.date_to_label.setText(self.tr("to"))
        name_range(self.date_from, self.date_to)
        self.search.setPlaceholderText(self.tr("Search the log entries"))
        self.table.setToolTip(self.tr("Double-click or Enter opens the incident's console"))
        self.print_button.setText(self.tr("Preview / Print"))
        self.print_button.setToolTip(self.tr("The selected incident's report or initial report"))
        self.print_menu.retranslate()

    def empty_text(self) -> str:
        """What the empty list says (kit/empty_note.py): nothing until the first window is read."""
        if self.model.total() is None:
            return ""
        combos = (self.status_filter, self.level_filter, self.drill_filter)
        filtered = any(c.currentIndex() > 0 for c in combos) or self.date_check.isChecked()
        if filtered or self.search.text().strip():
            return self.tr("No incident matches these filters.")
        if not may(self.session.actor, "incident.start"):
            return self.tr("No incidents yet.")
        return self.tr(
            "No incidents yet. F9 or “Start incident” starts one from a playbook; a drill run from the "
            "Drills page is listed here too."
        )

    def _dates_toggled(self, on: bool) -> None:
        self._enable_dates(on)
        self.reload()

    def _enable_dates(self, on: bool) -> None:
        for widget in (self.date_from, self.date_to, self.date_to_label):
            widget.setEnabled(on)

    def current_filter(self) -> IncidentFilter:
        since = until = None
        if self.date_check.isChecked():
            first, last = sorted((self.date_from.date(), self.date_to.date()))
            since, until = local_day_start(first), local_day_start(last) + timedelta(days=1)
        # Qt hands enum members back as plain str: made members again here.
        status, level = self.status_filter.currentData(), self.level_filter.currentData()
        late = status == CHECKPOINT_OVERDUE
        return IncidentFilter(
            status=IncidentStatus.OPEN if late else IncidentStatus(status) if status else None,
            level=Level(level) if level else None,
            drill=self.drill_filter.currentData(),
            since=since,
            until=until,
            search=self.search.text().strip(),
            checkpoint_overdue=late,
        )

    def show_filtered(self, flt: IncidentFilter) -> None:
        """Set the filter controls to `flt` (the dashboard's tiles and charts) and list those
        incidents; `since` and `until` must be local midnights (the date controls' whole days)."""
        if flt.search:
            raise ValueError(f"the incident list shows found words apart, not as a filter: {flt!r}")
        widgets = (self.status_filter, self.level_filter, self.drill_filter, self.date_check,
                   self.date_from, self.date_to, self.search)  # fmt: skip
        for widget in widgets:
            widget.blockSignals(True)
        if flt.checkpoint_overdue and flt.status not in (None, IncidentStatus.OPEN):
            raise ValueError(f"a closed incident has no overdue report: {flt!r}")
        status = CHECKPOINT_OVERDUE if flt.checkpoint_overdue else flt.status.value if flt.status else None
        self.status_filter.setCurrentIndex(self.status_filter.findData(status))
        self.level_filter.setCurrentIndex(self.level_filter.findData(flt.level.value if flt.level else None))
        self.drill_filter.setCurrentIndex(self.drill_filter.findData(flt.drill))
        dated = flt.since is not None or flt.until is not None
        if dated:
            first = flt.since.astimezone().date() if flt.since is not None else date(2000, 1, 1)
            last = (
                flt.until.astimezone().date() - timedelta(days=1) if flt.until is not None else date.today()
            )
            self.date_from.setDate(QDate(first.year, first.month, first.day))
            self.date_to.setDate(QDate(last.year, last.month, last.day))
        self.date_check.setChecked(dated)
        self.search.clear()
        for widget in widgets:
            widget.blockSignals(False)
        for dependent in (self.date_from, self.date_to, self.date_to_label):
            dependent.setEnabled(dated)
        self.reload()

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        """The first window of the filtered incidents (more as the list is scrolled) and, for a
        search, the log entries it found, each off the GUI thread."""
        self.search.settle()
        flt = self.current_filter()
        self.pager.load(flt)
        self.names.read()
        if flt.search:
            incidents, actor = self.session.services.incidents, self.session.actor

            def hits() -> list[SearchHit]:  # among the incidents the other filters select, in SQL
                return incidents.search(actor, flt.search, HITS_SHOWN + 1, within=flt)  # one more: "more"

            self.hits_loader.run(hits, self._show_hits)
        else:
            self.hits_loader.drop()
            self._show_hits([])
        self.hits_box.setVisible(bool(flt.search))

    def _failed(self, message: str) -> None:
        self.count_label.setText(message)

    def _show_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total() or 0
        if shown < total:
            text = self.tr("Incidents shown: %1 of %2; scroll for older ones")
            self.count_label.setText(text.replace("%1", str(shown)).replace("%2", str(total)))
        else:
            self.count_label.setText(self.tr("Incidents shown: %1").replace("%1", str(total)))

    def _show_hits(self, hits: list[SearchHit]) -> None:
        """The newest HITS_SHOWN entries found; when there are more, the label says so and how to
        reach the older ones (it said "found: 200" of a word in thousands of entries)."""
        self.hits_model.set_rows(hits[:HITS_SHOWN])
        if len(hits) > HITS_SHOWN:
            text = self.tr(
                "Log entries found: more than %1, the newest %1 shown; add words or dates to find older ones"
            )
        else:
            text = self.tr("Log entries found: %1")
        self.hits_label.setText(text.replace("%1", str(self.hits_model.rowCount())))

    def shown(self) -> list[IncidentSummary]:
        return [
            self.model.row_at(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
            for r in range(self.proxy.rowCount())
        ]

    def selected_id(self) -> int | None:
        """The incident of the selected row, if one is selected."""
        rows = self.table.selectionModel().selectedRows()
        if len(rows) != 1:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row()).id

    def _context_menu(self, at: QPoint) -> None:
        if self.selected_id() is not None:
            self.print_menu.popup(self.table.viewport().mapToGlobal(at))

    def _open_row(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.model.row_at(self.proxy.mapToSource(index).row()).id)

    def _open_hit(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.hits_model.row_at(index.row()).incident_id)
