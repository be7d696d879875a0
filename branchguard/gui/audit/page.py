"""Audit page (lead and auditor): every recorded change with filters, and what one event changed."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QItemSelectionModel, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.audit.service import AuditFilter
from branchguard.core.audit.text import actor_text, summary_text
from branchguard.core.audit.types import AuditRecord
from branchguard.core.kernel.i18n import has_message, t
from branchguard.core.kernel.roles import may
from branchguard.gui.audit.export import TrailExporter
from branchguard.gui.audit.models import AuditDiffModel, AuditModel, action_text, entity_text, local_time
from branchguard.gui.audit.verify import LedgerChecker
from branchguard.gui.kit.dates import date_edit, name_range
from branchguard.gui.kit.empty_note import EmptyNote
from branchguard.gui.kit.files import show_saved
from branchguard.gui.kit.flow import FlowLayout
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.page import Page
from branchguard.gui.kit.plain import literal, plain
from branchguard.gui.kit.rows import SORT_ROLE, RowsProxy
from branchguard.gui.kit.search_box import SearchBox
from branchguard.gui.kit.text_scale import set_row_height, size_columns
from branchguard.gui.kit.windowed import Pager
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:
    from branchguard.reports.audit_export import Exported

DEFAULT_DAYS = 7  # the date range offered when someone ticks "Only from"
STALE_AFTER_S = 1.0  # showing the page refreshes it unless it was refreshed just now


def local_day_start(day: QDate) -> datetime:
    """Midnight at the start of `day` in local time, as a UTC instant (what the database stores)."""
    return datetime(day.year(), day.month(), day.day()).astimezone().astimezone(UTC)


def category_of(action: str) -> str:
    return action.split(".", 1)[0]


class AuditPage(Page):
    page_id = "audit"

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.loader = Loader(self, on_error=self._failed)
        self._actions: list[str] | None = None  # every action in the trail, for the filter choices
        self._keep: int | None = None  # the event to select again once a new read's first window shows
        self._restore = False  # a new read's first window is still to come
        self._users: list[str] = []  # who appears in the trail, for the user filter
        self._choices_due = False  # a refresh asked for the filter choices; a newer reload reads them too
        self._refreshed_at = 0.0
        self.heading = QLabel()
        self.heading.setProperty("role", "page-title")
        self.intro = QLabel()
        self.intro.setProperty("role", "hint")
        self.intro.setWordWrap(True)  # beside the refresh button: wraps at larger text
        self.refresh_button = QPushButton(icon("refresh"), "")
        self.refresh_button.setObjectName("audit_refresh_button")
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(icon("export"), "")
        self.export_button.setObjectName("audit_export_button")
        self.export_button.clicked.connect(self.ask_export)
        if not may(session.actor, "audit.export"):  # setVisible(True) on it, unparented yet, made it a window
            self.export_button.hide()
        self.exporter = TrailExporter(session, self)
        self.verify_button = QPushButton(icon("lock"), "")
        self.verify_button.setObjectName("audit_verify_button")
        self.checker = LedgerChecker(session, self)
        self.verify_button.clicked.connect(lambda: self.checker.start())
        if not may(session.actor, "ledger.verify"):
            self.verify_button.hide()

        self.user_filter = QComboBox()
        self.user_filter.setObjectName("audit_user_filter")
        self.category_filter = QComboBox()
        self.category_filter.setObjectName("audit_category_filter")
        self.date_check = QCheckBox()
        self.date_check.setObjectName("audit_date_check")
        today = QDate.currentDate()
        self.date_from = date_edit(today.addDays(-DEFAULT_DAYS))
        self.date_from.setObjectName("audit_date_from")
        self.date_to = date_edit(today)
        self.date_to.setObjectName("audit_date_to")
        self.date_to_label = QLabel()
        self.search = SearchBox("audit_search")
        self.search.paused.connect(self.reload)
        for combo in (self.user_filter, self.category_filter):
            combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.date_check.toggled.connect(self._dates_toggled)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _day: self.reload())
        self._dates_toggled(False)

        self.model = AuditModel(self)
        self.pager: Pager[AuditFilter, AuditRecord] = Pager(
            self,
            self.model,
            lambda flt, window: session.services.audit.window(session.actor, flt, window),
            on_error=self._failed,
            shown=self._shown,
        )
        self.proxy = RowsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = self._make_table()
        self.empty_note = EmptyNote(self.table, self.empty_text)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")
        self.diff_model = AuditDiffModel(self)
        self.detail_box = QGroupBox()
        self.detail_title = plain(QLabel())  # the actor and the entity's id as recorded
        self.detail_title.setObjectName("audit_detail_title")
        self.detail_title.setWordWrap(True)
        self.detail_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_hint = plain(QLabel())  # quotes the summary, which may quote a title
        self.detail_hint.setProperty("role", "hint")
        self.diff_table = self._make_diff_table()
        detail = QVBoxLayout(self.detail_box)
        detail.addWidget(self.detail_title)
        detail.addWidget(self.diff_table, 1)
        detail.addWidget(self.detail_hint)

        self._build_layout()
        self.retranslate()
        self.show_detail(None)

    # -- building ------------------------------------------------------------------------------
    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("audit_table")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(AuditModel.COL_TIME, Qt.SortOrder.DescendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        set_row_height(table, 28)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        size_columns(
            header,
            (
                (AuditModel.COL_TIME, 160),
                (AuditModel.COL_USER, 90),
                (AuditModel.COL_ACTION, 150),
                (AuditModel.COL_ENTITY, 90),
                (AuditModel.COL_ID, 70),
            ),
        )
        table.selectionModel().currentRowChanged.connect(lambda *_: self.show_detail(self.selected()))
        return table

    def _make_diff_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("audit_diff_table")
        table.setModel(self.diff_model)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.verticalHeader().hide()
        set_row_height(table, 26)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(AuditDiffModel.COL_FIELD, QHeaderView.ResizeMode.Fixed)
        size_columns(header, [(AuditDiffModel.COL_FIELD, 160)])
        header.setSectionResizeMode(AuditDiffModel.COL_BEFORE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AuditDiffModel.COL_AFTER, QHeaderView.ResizeMode.Stretch)
        return table

    def _build_layout(self) -> None:
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.heading)
        titles.addWidget(self.intro)
        header.addLayout(titles, 1)
        header.addWidget(self.verify_button)
        header.addWidget(self.export_button)
        header.addWidget(self.refresh_button)
        dates = QWidget()  # "Only from … to …" wraps as one
        dates_row = QHBoxLayout(dates)
        dates_row.setContentsMargins(0, 0, 0, 0)
        dates_row.setSpacing(8)
        for widget in (self.date_check, self.date_from, self.date_to_label, self.date_to):
            dates_row.addWidget(widget)
        filters = FlowLayout(spacing=8)  # wraps at larger text rather than widen the window
        filters.add_widget(self.user_filter, 1)
        filters.add_widget(self.category_filter, 1)
        filters.add_widget(dates)
        filters.add_widget(self.search, 2)
        top = QWidget()
        top_box = QVBoxLayout(top)
        top_box.setContentsMargins(0, 0, 0, 0)
        top_box.addWidget(self.table, 1)
        top_box.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.detail_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Audit trail"))
        self.table.setAccessibleName(self.heading.text())
        self.intro.setText(
            self.tr("Every change made in BranchGuard: who made it, when, and what it changed.")
        )
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Load the newest events (F5)"))
        self.refresh_button.setShortcut(Qt.Key.Key_F5)
        self.verify_button.setText(self.tr("Verify…"))
        self.verify_button.setToolTip(
            self.tr("Check every record, incident log and attachment against the ledger and the anchor file")
        )
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the events these filters show as Excel or PDF"))
        self.date_check.setText(self.tr("Only from"))
        self.date_to_label.setText(self.tr("to"))
        name_range(self.date_from, self.date_to)
        self.search.setPlaceholderText(self.tr("Search the summaries"))
        self.detail_box.setTitle(self.tr("What changed"))
        self._fill_combo(self.user_filter, self.tr("All users"), [])
        self._fill_combo(self.category_filter, self.tr("All kinds of change"), [])
        if self._actions is not None:
            self._fill_filters()
            self.show_detail(self.selected())

    def empty_text(self) -> str:
        """What the empty trail says (kit/empty_note.py): nothing until its first window is read.
        Unfiltered it is never empty once a branch is set up (its first lead's account is in it)."""
        if self.model.total() is None:
            return ""
        combos = (self.user_filter, self.category_filter)
        filtered = any(c.currentIndex() > 0 for c in combos) or self.date_check.isChecked()
        if filtered or self.search.text().strip():
            return self.tr("No event matches these filters.")
        return self.tr("Nothing recorded yet.")

    # -- filters -------------------------------------------------------------------------------
    def category_text(self, category: str) -> str:
        """A kind of change by name (core/audit/messages.py); one from a newer version as written."""
        key = f"audit.category.{category}"
        return t(key) if has_message(key) else category

    def _fill_combo(self, combo: QComboBox, all_text: str, entries: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_text, None)
        for text, data in entries:
            combo.addItem(text, data)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def _fill_filters(self) -> None:
        self._fill_combo(self.user_filter, self.tr("All users"), [(actor_text(u), u) for u in self._users])
        categories = {category_of(action) for action in self._actions or []}
        entries = sorted(((self.category_text(c), c) for c in categories), key=lambda e: e[0])
        self._fill_combo(self.category_filter, self.tr("All kinds of change"), entries)

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.date_to_label.setEnabled(on)
        self.reload()

    def current_filter(self) -> AuditFilter:
        category = self.category_filter.currentData()
        since = until = None
        if self.date_check.isChecked():
            first, last = sorted((self.date_from.date(), self.date_to.date()))
            since, until = local_day_start(first), local_day_start(last) + timedelta(days=1)
        return AuditFilter(
            actor=self.user_filter.currentData(),
            action_prefix=f"{category}." if category else None,
            since=since,
            until=until,
            text=self.search.text().strip() or None,
        )

    # -- loading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload everything, the filter choices too (new users and kinds of change appear)."""
        self._refreshed_at = time.monotonic()
        self._choices_due = True
        self._load()

    def reload(self) -> None:
        """Apply the filters (the service filters; the table only sorts)."""
        if self._actions is None and not self._choices_due:
            return  # not loaded yet: the first refresh loads
        self._load()

    def _load(self) -> None:
        """The first window of the filtered events in the order chosen (later ones are read as
        the list is scrolled, gui/kit/windowed.py) and the filter choices when due, each off the
        GUI thread."""
        self.search.settle()
        selected = self.selected()
        self._keep, self._restore = (selected.id if selected is not None else None), True
        if self._choices_due:
            services, actor = self.session.services, self.session.actor

            def choices() -> tuple[list[str], list[str], str]:  # and the branch, for the file's name
                audit, branch = services.audit, services.branch.get()
                return audit.actions(actor), audit.actors(actor), branch.name if branch else ""

            self.loader.run(choices, self._show_choices)
        self.pager.load(self.current_filter())

    def _failed(self, message: str) -> None:
        if self._actions is None:
            self._actions = []
        self._choices_due = False
        self.count_label.setText(message)

    def _show_choices(self, everything: tuple[list[str], list[str], str]) -> None:
        self._choices_due = False
        self._actions, self._users, self.exporter.branch_name = everything
        self._fill_filters()

    def _shown(self) -> None:
        """After each window: the count, and after a new read's first the event selected before."""
        self._show_count()
        if self._restore:
            self._restore = False
            if self._keep is None or not self.select_event(self._keep):
                self.show_detail(None)

    def _show_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total() or 0
        if shown < total:
            text = self.tr("%1 of %2 events shown; scroll for more")
            self.count_label.setText(text.replace("%1", str(shown)).replace("%2", str(total)))
        else:
            self.count_label.setText(self.tr("%n event(s) shown", "", total))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if time.monotonic() - self._refreshed_at > STALE_AFTER_S:
            self.refresh()

    # -- export ---------------------------------------------------------------------------------
    def ask_export(self) -> None:
        """Export what the filters show now (gui/audit/export.py)."""
        self.search.settle()
        self.exporter.ask(self.current_filter(), self._exported, self._export_failed)

    def _exported(self, exported: Exported, anchor_problem: str) -> None:
        said = [anchor_problem] if anchor_problem else []  # a whole sentence: NOT written to …, why
        if exported.warning:
            said.append(self.tr("The report font fell back: %1").replace("%1", exported.warning))
        box = show_saved(self, self.tr("Audit trail"), exported.path, said, "audit_exported")
        count = self.tr("%n event(s) exported.", "", exported.events)  # outside the f-string, for lupdate
        box.setText(f"{box.text()} {count}")
        self.refresh()  # the export is in the trail now

    def _export_failed(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Audit trail"), literal(message))

    # -- selection and detail ------------------------------------------------------------------
    def selected(self) -> AuditRecord | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def select_event(self, event_id: int) -> bool:
        row = self.model.find_row(lambda record: record.id == event_id)
        if row < 0:
            self.table.selectionModel().clear()
            self.show_detail(None)
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        self.show_detail(self.model.row_at(row))
        return True

    def show_detail(self, record: AuditRecord | None) -> None:
        self.diff_model.set_record(record)
        self.detail_hint.setText(self.tr("Fields whose value changed are highlighted."))
        if record is None:
            self.detail_title.setText(self.tr("Select an event to see what it changed."))
            return
        what = entity_text(record.entity)
        if record.entity_id:
            what = self.tr("%1 #%2").replace("%1", what).replace("%2", record.entity_id)
        text = self.tr("%1 by %2 at %3: %4.")
        for marker, value in (
            ("%1", action_text(record.action)),
            ("%2", record.actor),
            ("%3", local_time(record)),
            ("%4", what),
        ):
            text = text.replace(marker, value)
        self.detail_title.setText(text)
        if not record.before and not record.after:
            hint = self.tr("This event recorded no field values. Summary: %1")
            self.detail_hint.setText(hint.replace("%1", summary_text(record) or "—"))
