"""The Inspections page's first tab: the checklists with their schedules, what is due now, and
the inspections done so far."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.inspections.types import (
    InspectionFilter,
    InspectionInfo,
    InspectionStatus,
    TemplateInfo,
    TemplateStatus,
)
from branchguard.core.kernel.roles import may
from branchguard.core.schedules.types import DueFilter, DueWindow, OccurrenceInfo, ScheduleInfo, ScheduleKind
from branchguard.gui.inspections.models import InspectionHistoryModel, TemplateListModel, TemplateRow
from branchguard.gui.kit.empty_note import EmptyNote
from branchguard.gui.kit.flow import FlowLayout
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.names import NamesReader
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.rows import RowsModel
from branchguard.gui.kit.tables import make_table
from branchguard.gui.kit.text_scale import size_columns
from branchguard.gui.kit.windowed import Pager
from branchguard.gui.schedules.models import OccurrenceModel
from branchguard.gui.shell.session import GuiSession


def selected_row(table: QTableView, model: RowsModel[Any]) -> Any:
    """The dataclass of the table's current row (through its proxy), or None."""
    index = table.currentIndex()
    proxy = table.model()
    if not index.isValid() or not isinstance(proxy, QSortFilterProxyModel):
        return None
    row = proxy.mapToSource(index).row()
    return model.row_at(row) if 0 <= row < model.rowCount() else None


@dataclass(frozen=True)
class Overview:
    templates: list[TemplateRow]
    due: list[OccurrenceInfo]
    template_of_schedule: dict[int, str]


class InspectionsOverview(QWidget):
    """Asks the page to act: `start_requested(code, occurrence_id or 0)`, `open_requested(id)`,
    `schedule_requested(code)`, `edit_requested(code)`, `new_requested()`, `approve_requested(code)`,
    `pause_requested(schedule_id, active)`."""

    start_requested = Signal(str, int)
    open_requested = Signal(int)
    schedule_requested = Signal(str)
    edit_requested = Signal(str)
    new_requested = Signal()
    approve_requested = Signal(str)
    pause_requested = Signal(int, bool)

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.loader = Loader(self, on_error=self.show_error)
        self.overview: Overview | None = None
        self.templates_model = TemplateListModel(self)
        self.templates, _ = make_table("inspection_templates", self.templates_model)
        self.templates.sortByColumn(TemplateListModel.COL_NAME, Qt.SortOrder.AscendingOrder)
        self.templates.horizontalHeader().setSectionResizeMode(
            TemplateListModel.COL_NAME, QHeaderView.ResizeMode.Stretch
        )
        self.templates.horizontalHeader().setStretchLastSection(False)
        # the name takes what is left: about 160 px at 1024×768, where these once left it 60
        widths = ((1, 80), (2, 130), (3, 50), (4, 110), (5, 130), (6, 64))
        size_columns(self.templates.horizontalHeader(), widths)
        self.templates.activated.connect(lambda _i: self._start_selected())
        self.templates.selectionModel().currentRowChanged.connect(lambda *_: self.update_actions())
        self.due_model = OccurrenceModel(self)
        self.history_model = InspectionHistoryModel(self)
        # The list's SQL order from its first read on: the view asks the same.
        self.history_model.sort_rows(InspectionHistoryModel.COL_STARTED, Qt.SortOrder.DescendingOrder)
        self.names = NamesReader(self, session, self.history_model)
        self.history_pager: Pager[InspectionFilter, InspectionInfo] = Pager(
            self,
            self.history_model,
            lambda flt, window: session.services.inspections.window(session.actor, flt, window),
            on_error=self.show_error,
            shown=self._show_history_count,
        )
        self._lists: tuple[QTableView, QTableView] | None = None  # the due and history views
        self.due_filter = QComboBox()
        self.due_filter.setObjectName("inspection_due_filter")
        self.due_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("inspection_status_filter")
        self.status_filter.currentIndexChanged.connect(lambda _i: self.reload_history())
        self.templates_title, self.due_title, self.history_title = QLabel(), QLabel(), QLabel()
        for label in (self.templates_title, self.due_title, self.history_title):
            label.setStyleSheet("font-weight: 600;")
        self.history_count = QLabel()
        self.history_count.setObjectName("inspection_history_count")
        self.history_count.setProperty("role", "hint")
        self.message = plain(QLabel())
        self.message.setObjectName("inspections_message")
        self.message.setProperty("role", "error")
        self.message.hide()
        self.start_button = self._button("inspection", "inspection_start", self._start_selected, accent=True)
        self.start_due_button = self._button("inspection", "inspection_start_due", self._start_due)
        self.schedule_button = self._button("calendar", "inspection_schedule", self._schedule_selected)
        self.pause_button = self._button("", "inspection_pause", self._pause_selected)
        self.edit_button = self._button("edit", "inspection_edit_template", self._edit_selected)
        self.new_button = self._button("add", "inspection_new_template", self.new_requested.emit)
        self.approve_button = self._button("approve", "inspection_approve_template", self._approve_selected)
        self.open_button = self._button("", "inspection_open", lambda: self._open_history(QModelIndex()))
        self._build_layout()
        self.retranslate()
        self.apply_role()

    def _button(
        self, icon_name: str, name: str, slot: Callable[[], Any], accent: bool = False
    ) -> QPushButton:
        button = QPushButton(icon(icon_name), "") if icon_name else QPushButton()
        button.setObjectName(name)
        button.clicked.connect(slot)
        if accent:
            button.setProperty("accent", True)
        return button

    def _build_layout(self) -> None:
        template_bar = FlowLayout()  # wraps on a small screen instead of widening the window
        template_bar.add_widget(self.templates_title)
        template_bar.add_stretch()
        for button in (
            self.new_button,
            self.edit_button,
            self.approve_button,
            self.schedule_button,
            self.pause_button,
            self.start_button,
        ):
            template_bar.add_widget(button)
        top = QWidget()
        top_box = QVBoxLayout(top)
        top_box.setContentsMargins(0, 0, 0, 0)
        top_box.addLayout(template_bar)
        top_box.addWidget(self.templates, 1)
        # The due and history bars share one row of the splitter: each wraps rather than widening
        # the window (their filters and the "N of M shown" count held it at 1039 px in English).
        due_bar = FlowLayout()
        due_bar.add_widget(self.due_title)
        due_bar.add_stretch()
        due_bar.add_widget(self.due_filter)
        due_bar.add_widget(self.start_due_button)
        due = QWidget()
        due_box = QVBoxLayout(due)
        due_box.setContentsMargins(0, 0, 0, 0)
        due_box.addLayout(due_bar)
        self._due_box = due_box
        history_bar = FlowLayout()
        history_bar.add_widget(self.history_title)
        history_bar.add_widget(self.history_count)
        history_bar.add_stretch()
        history_bar.add_widget(self.status_filter)
        history_bar.add_widget(self.open_button)
        history = QWidget()
        history_box = QVBoxLayout(history)
        history_box.setContentsMargins(0, 0, 0, 0)
        history_box.addLayout(history_bar)
        self._history_box = history_box
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.setChildrenCollapsible(False)
        bottom.addWidget(due)
        bottom.addWidget(history)
        bottom.setSizes([420, 700])
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([330, 300])
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 8, 8, 8)
        box.addWidget(self.message)
        box.addWidget(split, 1)
        self._make_lists()

    # -- the two lists below, made a turn after the page ----------------------------------------
    @property
    def due(self) -> QTableView:
        return self._make_lists()[0]

    @property
    def history(self) -> QTableView:
        return self._make_lists()[1]

    def _make_lists(self) -> tuple[QTableView, QTableView]:
        """The due and history views, made with the page. They were made a turn after it while the
        page's reads started with it; now the reads wait for the page's first turn (kit/page.py,
        PageInfo.build), and the lists made a turn later were laid out and painted beside them:
        the demo data's first show held the window 31-57 ms for 7-12 ms of CPU in that turn,
        against 26-32 ms for the page's first turn with them."""
        if self._lists is not None:
            return self._lists
        due, _ = make_table("inspection_due", self.due_model, sortable=False)
        size_columns(due.horizontalHeader(), ((0, 130), (1, 200), (2, 70), (3, 90)))
        history, _ = make_table("inspection_history", self.history_model, sortable=False)
        widths = ((0, 44), (1, 190), (2, 80), (3, 90), (4, 90), (5, 130), (6, 130), (7, 200))
        size_columns(history.horizontalHeader(), widths)
        # Sorting enabled after the indicator is set: a view enabling it sorts by its indicator,
        # first column by default, and the history would be read again in that order.
        for view, column, order in (
            (due, OccurrenceModel.DUE, Qt.SortOrder.AscendingOrder),
            (history, InspectionHistoryModel.COL_STARTED, Qt.SortOrder.DescendingOrder),
        ):
            view.horizontalHeader().setSortIndicator(column, order)
            view.setSortingEnabled(True)
        due.activated.connect(lambda _i: self._start_due())
        due.selectionModel().currentRowChanged.connect(lambda *_: self.update_actions())
        history.activated.connect(self._open_history)
        self.history_note = EmptyNote(history, self.history_empty_text)
        self.due_note = EmptyNote(due, self.due_empty_text)
        self._lists = (due, history)
        self._name_lists()
        self._due_box.addWidget(due, 1)
        self._history_box.addWidget(history, 1)
        return self._lists

    def _name_lists(self) -> None:
        """Each list says what it lists, by its title (the due and history ones once made)."""
        self.templates.setAccessibleName(self.templates_title.text())
        if self._lists is not None:
            self._lists[0].setAccessibleName(self.due_title.text())
            self._lists[1].setAccessibleName(self.history_title.text())

    def retranslate(self) -> None:
        self.templates_title.setText(self.tr("Checklists and schedules"))
        self.due_title.setText(self.tr("Due and overdue"))
        self.history_title.setText(self.tr("Inspections"))
        self._name_lists()
        self.start_button.setText(self.tr("Start inspection"))
        self.start_button.setToolTip(self.tr("Start the selected checklist now (or double-click it)"))
        self.start_due_button.setText(self.tr("Start the due inspection"))
        self.schedule_button.setText(self.tr("Schedule…"))
        self.schedule_button.setToolTip(
            self.tr("Run the selected checklist on a schedule, assigned to a person")
        )
        self.edit_button.setText(self.tr("Edit checklist…"))
        self.new_button.setText(self.tr("New checklist…"))
        self.approve_button.setText(self.tr("Approve draft"))
        self.open_button.setText(self.tr("Open"))
        window = self.due_filter.currentData()
        self.due_filter.blockSignals(True)
        self.due_filter.clear()
        self.due_filter.addItem(self.tr("All open"), None)
        self.due_filter.addItem(DueWindow.OVERDUE.label, DueWindow.OVERDUE.value)
        self.due_filter.addItem(DueWindow.TODAY.label, DueWindow.TODAY.value)
        self.due_filter.setCurrentIndex(max(0, self.due_filter.findData(window)))
        self.due_filter.blockSignals(False)
        current = self.status_filter.currentIndex()
        self.status_filter.blockSignals(True)
        self.status_filter.clear()
        self.status_filter.addItem(self.tr("All inspections"), None)
        for status in InspectionStatus:
            self.status_filter.addItem(status.label, status.value)
        self.status_filter.setCurrentIndex(max(current, 0))
        self.status_filter.blockSignals(False)
        self.update_actions()

    def history_empty_text(self) -> str:
        """What the empty history says (kit/empty_note.py): nothing until its first window is read."""
        if self.history_model.total() is None:
            return ""
        if self.status_filter.currentIndex() > 0:
            return self.tr("No inspection in this state.")
        if not self.may_work():
            return self.tr("No inspections yet.")
        return self.tr(
            "No inspections yet. Select a checklist above and click “Start inspection” (or double-click "
            "it); one that is due starts with “Start the due inspection”."
        )

    def due_empty_text(self) -> str:
        """What the empty due list says (kit/empty_note.py): nothing until the overview is read."""
        if self.overview is None:
            return ""
        window = self.due_filter.currentData()
        if window == DueWindow.OVERDUE.value:
            return self.tr("Nothing overdue.")
        if window == DueWindow.TODAY.value:
            return self.tr("Nothing due today.")
        if self.overview.template_of_schedule:
            return self.tr("Nothing due now: each schedule's next date is under “Next due” above.")
        if not may(self.session.actor, "schedule.manage"):
            return self.tr("No inspection is scheduled yet: the safety lead schedules them.")
        return self.tr(
            "No inspection is scheduled yet. Select a checklist above and click “Schedule…” to run it "
            "daily, weekly or monthly, assigned to a person; what falls due is listed here."
        )

    # -- roles ---------------------------------------------------------------------------------
    def may_work(self) -> bool:
        return may(self.session.actor, "inspection.run")

    def apply_role(self) -> None:
        actor, work = self.session.actor, self.may_work()
        for button in (self.new_button, self.edit_button, self.approve_button):
            button.setVisible(may(actor, "inspection.template"))
        self.schedule_button.setVisible(may(actor, "inspection.schedule"))
        self.pause_button.setVisible(may(actor, "schedule.manage"))  # pauses the checklist's schedule
        self.start_button.setVisible(work)
        self.start_due_button.setVisible(work)

    def selected_template(self) -> TemplateRow | None:
        row: TemplateRow | None = selected_row(self.templates, self.templates_model)
        return row

    def active_schedule(self, row: TemplateRow) -> ScheduleInfo | None:
        return next(iter(sorted(row.schedules, key=lambda s: not s.active)), None)

    def update_actions(self) -> None:
        row = self.selected_template()
        info: TemplateInfo | None = row.template if row else None
        # The list shows a template's approved version when it has one; a draft alone cannot run.
        approved = info is not None and info.status == TemplateStatus.APPROVED
        self.start_button.setEnabled(info is not None and approved)
        self.edit_button.setEnabled(info is not None)
        self.approve_button.setEnabled(info is not None and info.has_draft)
        self.schedule_button.setEnabled(info is not None)
        schedule = self.active_schedule(row) if row else None
        self.pause_button.setEnabled(schedule is not None)
        self.schedule_button.setText(
            self.tr("Change schedule…") if schedule is not None else self.tr("Schedule…")
        )
        self.pause_button.setText(
            self.tr("Resume schedule")
            if schedule is not None and not schedule.active
            else self.tr("Pause schedule")
        )
        due = selected_row(self._lists[0], self.due_model) if self._lists is not None else None
        self.start_due_button.setEnabled(due is not None)

    # -- loading -------------------------------------------------------------------------------
    def current_filter(self) -> InspectionFilter:
        status = self.status_filter.currentData()
        return InspectionFilter(status=InspectionStatus(status) if status else None)

    def current_due_filter(self) -> DueFilter | None:
        """The due list's window (None: every open inspection, as written by the scheduler)."""
        window = self.due_filter.currentData()
        return DueFilter(DueWindow(window), (ScheduleKind.INSPECTION,)) if window else None

    def show_filtered(self, flt: DueFilter) -> None:
        """The due list narrowed to the filter's window (the dashboard's tiles)."""
        if flt.kinds != (ScheduleKind.INSPECTION,) or flt.window == DueWindow.NEXT_7_DAYS:
            raise ValueError(f"the due list shows inspections overdue or due today, not {flt!r}")
        self.due_filter.blockSignals(True)
        self.due_filter.setCurrentIndex(self.due_filter.findData(flt.window.value))
        self.due_filter.blockSignals(False)
        self.reload()

    def shown_due(self) -> list[OccurrenceInfo]:
        return self.due_model.rows()

    def reload(self) -> None:
        services, actor, flt = self.session.services, self.session.actor, self.current_filter()
        due_filter = self.current_due_filter()

        def load() -> Overview:
            schedules = services.inspections.schedules(actor)
            templates = services.inspections.templates(actor)
            codes = services.inspections.template_codes(actor, schedules)
            by_template: dict[str, list[ScheduleInfo]] = {}
            for schedule in schedules:
                by_template.setdefault(codes[schedule.id], []).append(schedule)
            now = datetime.now(UTC)
            rows = [template_row(t, tuple(by_template.get(t.code, ())), now) for t in templates]
            if due_filter is None:
                due = services.inspections.due(actor)
            else:
                due = services.schedules.due_items(actor, due_filter)
            return Overview(rows, due, codes)

        self.loader.run(load, self._show)
        self.history_pager.load(flt)
        self.names.read()

    def reload_history(self) -> None:
        """The inspections list alone (its filter changed): its first window and its count."""
        self.history_pager.load(self.current_filter())

    def _show_history_count(self) -> None:
        shown, total = self.history_model.rowCount(), self.history_model.total() or 0
        if shown < total:
            text = self.tr("%1 of %2 shown; scroll for older ones")
            self.history_count.setText(text.replace("%1", str(shown)).replace("%2", str(total)))
        else:
            self.history_count.setText(self.tr("%n inspection(s)", "", total))

    def _show(self, overview: Overview) -> None:
        self.show_error("")
        code = (row := self.selected_template()) and row.template.code
        self.overview = overview
        self.templates_model.set_rows(overview.templates)
        self.due_model.set_rows(overview.due)
        if not (code and self.select_template(code)) and self.templates.model().rowCount():
            self.templates.setCurrentIndex(self.templates.model().index(0, 0))  # the buttons act at once
        self.update_actions()

    def show_error(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))

    def select_template(self, code: str) -> bool:
        row = self.templates_model.find_row(lambda r: r.template.code == code)
        proxy = self.templates.model()
        if row < 0 or not isinstance(proxy, QSortFilterProxyModel):
            return False
        self.templates.setCurrentIndex(proxy.mapFromSource(self.templates_model.index(row, 0)))
        return True

    # -- requests ------------------------------------------------------------------------------
    def _start_selected(self) -> None:
        """The checklist's run; one due today or overdue is the one it completes (the dialog says so):
        started from the checklist, it left that inspection due, and overdue soon after, though done."""
        row = self.selected_template()
        if row is not None and self.may_work() and self.start_button.isEnabled():
            due = self.due_now(row.template.code)
            self.start_requested.emit(row.template.code, due.id if due is not None and due.id else 0)

    def due_now(self, code: str) -> OccurrenceInfo | None:
        """The checklist's earliest inspection listed as due by the end of today, if any."""
        if self.overview is None:
            return None
        today, of_schedule = datetime.now().astimezone().date(), self.overview.template_of_schedule
        due = [
            o for o in self.overview.due
            if of_schedule.get(o.schedule_id) == code and o.due_at.astimezone().date() <= today
        ]  # fmt: skip
        return min(due, key=lambda o: o.due_at, default=None)

    def _start_due(self) -> None:
        due: OccurrenceInfo | None = selected_row(self.due, self.due_model)
        if due is None or self.overview is None or not self.may_work():
            return
        code = self.overview.template_of_schedule.get(due.schedule_id, "")
        if code:
            self.start_requested.emit(code, due.id or 0)

    def _schedule_selected(self) -> None:
        if (row := self.selected_template()) is not None:
            self.schedule_requested.emit(row.template.code)

    def _pause_selected(self) -> None:
        row = self.selected_template()
        schedule = self.active_schedule(row) if row else None
        if schedule is not None:
            self.pause_requested.emit(schedule.id, not schedule.active)

    def _edit_selected(self) -> None:
        if (row := self.selected_template()) is not None:
            self.edit_requested.emit(row.template.code)

    def _approve_selected(self) -> None:
        if (row := self.selected_template()) is not None and row.template.has_draft:
            self.approve_requested.emit(row.template.code)

    def _open_history(self, index: QModelIndex) -> None:
        del index  # activation and the Open button both act on the current row
        info: InspectionInfo | None = selected_row(self.history, self.history_model)
        if info is not None:
            self.open_requested.emit(info.id)


def template_row(template: TemplateInfo, schedules: tuple[ScheduleInfo, ...], now: datetime) -> TemplateRow:
    """A checklist's row, with why its schedules show no next date when the holiday tables end."""
    from branchguard.core.schedules.next_date import no_next_date_note

    notes = [no_next_date_note(s, now) for s in schedules]
    return TemplateRow(template, schedules, next((n for n in notes if n), ""))
