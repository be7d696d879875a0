"""The Drills page's list tab: the plans and runs with a status filter, and what can be done to the
selected one — plan, run (opens its console), headcount, evaluate, record a hazard it found, report
PDF, cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.drills import rules
from branchguard.core.drills.problems import next_unrecorded
from branchguard.core.drills.types import DrillAction, DrillPlan, DrillStatus
from branchguard.core.hazards.types import HazardDetail, HazardFilter, HazardInfo
from branchguard.core.incidents.types import LogEntry
from branchguard.core.kernel.roles import may
from branchguard.gui.audit.record_band import LedgerBand
from branchguard.gui.drills.models import DrillPlanModel
from branchguard.gui.kit.empty_note import EmptyNote
from branchguard.gui.kit.flow import FlowLayout
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader, reads_next_turn
from branchguard.gui.kit.plain import literal, plain
from branchguard.gui.kit.rows import SORT_ROLE, RowsProxy
from branchguard.gui.kit.tables import lead_with
from branchguard.gui.kit.text_scale import set_row_height, size_columns
from branchguard.gui.kit.windowed import Pager
from branchguard.gui.kit.writer import writer
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:
    from branchguard.gui.kit.print_preview import PreviewDialog


class DrillListPanel(QWidget):
    """`run_started(incident_id)` after a run's incident is on disk (the page opens its console);
    `open_console(incident_id)` for a run's console."""

    run_started = Signal(int)
    open_console = Signal(int)

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.last_report: PreviewDialog | None = None  # the preview opened last
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("drills_status_filter")
        self.status_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.model = DrillPlanModel(self)
        self.ledger_band = LedgerBand(session, self)  # the selected drill rewritten outside the app
        self._keep: int | None = None  # the plan to select once a window shows it
        self.loads = 0  # reads asked for so far: `_changed` tells whether the window read it
        self._after_write: int | None = None  # the plan a write is re-reading the list for
        self.pager: Pager[DrillStatus | None, DrillPlan] = Pager(
            self,
            self.model,
            lambda status, window: session.services.drills.window(session.actor, status, window),
            on_error=self._failed,
            shown=self._shown,
        )
        self.proxy = RowsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName("drills_table")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DrillPlanModel.COL_DATE, Qt.SortOrder.DescendingOrder)  # newest first
        self.table.verticalHeader().hide()
        set_row_height(self.table, 28)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        widths = (40, 210, 70, 96, 80, 96, 124, 110, 80, 50)
        size_columns(header, enumerate(widths))
        header.setSectionResizeMode(DrillPlanModel.COL_TITLE, QHeaderView.ResizeMode.Interactive)
        m = DrillPlanModel  # when, and how it went, beside the title: at 1024 px they were scrolled off
        lead_with(header, (m.COL_ID, m.COL_TITLE, m.COL_DATE, m.COL_STATUS, m.COL_SCORE))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.update_buttons())
        self.table.activated.connect(lambda _index: self._activated())
        self.empty_note = EmptyNote(self.table, self.empty_text)
        self._writing = False  # a drill's cancel or void under way (`_write`)
        self.hazard_loader = Loader(self, on_error=lambda message: self.say(message, error=True))
        self.hazard_dialog: QWidget | None = None  # the new-hazard dialog opened last

        self.plan_button = self._button("add", "drills_plan", self.ask_plan, accent=True)
        self.held_button = self._button("import", "drills_record_held", self.ask_held)
        self.run_button = self._button("drill", "drills_run", self.ask_run)
        self.headcount_button = self._button("people", "drills_headcount", self.ask_headcount)
        self.console_button = self._button("incident", "drills_console", self.show_console)
        self.evaluate_button = self._button("approve", "drills_evaluate", self.ask_evaluate)
        self.actions_button = self._button("steps", "drills_actions", self.ask_actions)
        self.hazard_button = self._button("hazard", "drills_record_hazard", self.ask_hazard)
        self.report_button = self._button("print", "drills_report", self.ask_report)
        self.cancel_button = self._button("delete", "drills_cancel", self.ask_cancel)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")
        self.message = plain(QLabel())
        self.message.setObjectName("drills_message")
        self.message.setWordWrap(True)
        self.message.setOpenExternalLinks(True)
        self.message.hide()

        top = QHBoxLayout()
        top.addWidget(self.status_filter)
        top.addStretch(1)
        top.addWidget(self.held_button)
        top.addWidget(self.plan_button)
        actions = FlowLayout()  # wraps on a small screen instead of widening the window
        for button in (
            self.run_button,
            self.headcount_button,
            self.console_button,
            self.evaluate_button,
            self.actions_button,
            self.hazard_button,
            self.report_button,
            self.cancel_button,
        ):
            actions.add_widget(button)
        actions.add_stretch()
        actions.add_widget(self.count_label)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 8, 8, 8)
        box.addLayout(top)
        box.addWidget(self.ledger_band)
        box.addWidget(self.table, 1)
        box.addLayout(actions)
        box.addWidget(self.message)
        self.retranslate()

    def _button(
        self, icon_name: str, name: str, slot: Callable[[], object], accent: bool = False
    ) -> QPushButton:
        button = QPushButton(icon(icon_name), "")
        button.setObjectName(name)
        if accent:
            button.setProperty("accent", True)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Drills"))
        current = self.status_filter.currentIndex()
        self.status_filter.blockSignals(True)
        self.status_filter.clear()
        self.status_filter.addItem(self.tr("All drills"), None)
        for status in DrillStatus:
            self.status_filter.addItem(status.label, status.value)
        self.status_filter.setCurrentIndex(max(current, 0))
        self.status_filter.blockSignals(False)
        self.plan_button.setText(self.tr("Plan drill…"))
        self.held_button.setText(self.tr("Record held drill…"))
        self.held_button.setToolTip(
            self.tr("A drill held without BranchGuard (before the install, or on paper), from its record")
        )
        self.run_button.setText(self.tr("Run"))
        self.headcount_button.setText(self.tr("Headcount…"))
        self.console_button.setText(self.tr("Open console"))
        self.evaluate_button.setText(self.tr("Evaluate…"))
        self.actions_button.setText(self.tr("Actions…"))
        self.hazard_button.setText(self.tr("Record hazard…"))
        self.hazard_button.setToolTip(
            self.tr("A problem this drill found, entered in the hazard register linked to the drill")
        )
        self.report_button.setText(self.tr("Preview / Print…"))
        self.report_button.setToolTip(self.tr("The selected drill's report: preview, print or save as PDF"))
        self.cancel_button.setText(self.tr("Cancel drill"))
        self.run_button.setToolTip(self.tr("Start the drill: its incident console opens, flagged as a drill"))
        self.table.setToolTip(self.tr("Double-click a run to open its console"))
        self.update_buttons()  # the cancel button's words follow the drill selected (Void record…)
        # The status column holds its longest words whole ("已评估（补录）" read "已评估（…" at 1024 px).
        needed = max(self.fontMetrics().horizontalAdvance(w) for w in self.model.status_words()) + 16
        header, column = self.table.horizontalHeader(), DrillPlanModel.COL_STATUS
        header.resizeSection(column, max(header.sectionSize(column), needed))

    # -- loading -------------------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        """Read the plans off the GUI thread; then select `select`, else the plan selected now."""
        self.loads += 1
        select = select if select is not None else self._after_write
        selected = self.selected()
        keep = select if select is not None else (selected.id if selected is not None else None)
        value = self.status_filter.currentData()
        self._keep = keep
        self.pager.load(DrillStatus(value) if value else None)

    def empty_text(self) -> str:
        """What the empty list says (kit/empty_note.py): nothing until the first window is read."""
        if self.model.total() is None:
            return ""
        if self.status_filter.currentIndex() > 0:
            return self.tr("No drill in this state.")
        if not may(self.session.actor, "drill.plan"):
            return self.tr("No drills yet.")
        return self.tr(
            "No drills yet. Plan drill… schedules one on a playbook; Record held drill… enters one held "
            "before BranchGuard, with its scores."
        )

    def _failed(self, message: str) -> None:
        self.say(message, error=True)
        self._shown()

    def _shown(self) -> None:
        """After each window: the count, and the plan to keep selected once it is among the rows."""
        shown, total = self.model.rowCount(), self.model.total() or 0
        if shown < total:
            text = self.tr("%1 of %2 drills shown; scroll for older ones")
            self.count_label.setText(text.replace("%1", str(shown)).replace("%2", str(total)))
        else:
            self.count_label.setText(self.tr("%n drill(s)", "", shown))
        if self._keep is not None and self.select(self._keep):
            self._keep = None
        self.update_buttons()

    def selected(self) -> DrillPlan | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def select(self, plan_id: int) -> bool:
        row = self.model.find_row(lambda p: p.id == plan_id)
        if row < 0:
            return False
        self.table.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, 0)))
        return True

    def update_buttons(self) -> None:
        """A button shows when the role may take its action, and is enabled when the selected
        drill's status allows it (core/drills/rules.py)."""
        plan = self.selected()
        if plan is None:
            self.ledger_band.clear()
        else:
            self.ledger_band.check("drill_plan", plan.id)
        actor = self.session.actor
        offered = rules.available_actions(plan, actor)
        self.plan_button.setVisible(may(actor, "drill.plan"))
        self.held_button.setVisible(may(actor, "drill.record_held"))
        for action, button in self._action_buttons().items():
            button.setVisible(rules.allowed(actor, action))
            button.setEnabled(action in offered)
        has_run = plan is not None and plan.incident_id is not None
        if plan is not None and plan.recorded_afterwards:  # its Cancel voids the record, with a reason
            self.cancel_button.setText(self.tr("Void record…"))
            self.cancel_button.setEnabled(DrillAction.VOID in offered)
        else:
            self.cancel_button.setText(self.tr("Cancel drill"))
        self.console_button.setEnabled(has_run)
        self.report_button.setEnabled(has_run or (plan is not None and plan.recorded_afterwards))

    def _action_buttons(self) -> dict[DrillAction, QPushButton]:
        return {
            DrillAction.RUN: self.run_button,
            DrillAction.CANCEL: self.cancel_button,
            DrillAction.HEADCOUNT: self.headcount_button,
            DrillAction.EVALUATE: self.evaluate_button,
            DrillAction.VIEW_ACTIONS: self.actions_button,
            DrillAction.RECORD_HAZARD: self.hazard_button,
        }

    def _selected_for(self, action: DrillAction) -> DrillPlan | None:
        """The selected drill, if `action` is open to this user on it now."""
        plan = self.selected()
        return plan if action in rules.available_actions(plan, self.session.actor) else None

    def say(self, text: str, error: bool = False) -> None:
        self.message.setProperty("role", "error" if error else "hint")
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.show()

    def _activated(self) -> None:
        if self.console_button.isEnabled():
            self.show_console()

    def _changed(self, plan_id: int | None = None) -> None:
        """After a write: the list read again, once, with `plan_id` selected. The window re-reads
        the page in front as data changes; the list reads itself only when that did not (a panel
        on its own). It read twice at every write, each a window and a count of ten years' plans."""
        loads, self._after_write = self.loads, plan_id
        try:
            self.session.data_changed.emit("drill")
            if self.loads == loads:
                self.reload()
        finally:
            self._after_write = None

    # -- actions -------------------------------------------------------------------------------
    def ask_plan(self) -> QWidget:
        from branchguard.gui.drills.plan_dialog import DrillPlanDialog

        dialog = DrillPlanDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.planned.connect(lambda plan: self._changed(plan.id))
        dialog.open()
        return dialog

    def ask_held(self) -> QWidget:
        from branchguard.gui.drills.held_dialog import HeldDrillDialog

        dialog = HeldDrillDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.recorded.connect(lambda plan: self._changed(plan.id))
        dialog.open()
        return dialog

    def ask_run(self) -> None:
        plan = self._selected_for(DrillAction.RUN)
        if plan is None:
            return
        notice = self.tr("announced") if plan.announced else self.tr("unannounced")
        answer = QMessageBox.question(
            self,
            self.tr("Run drill"),
            literal(
                self.tr("Start the %1 drill “%2” now? Its incident console opens, flagged as a drill.")
                .replace("%1", notice)
                .replace("%2", plan.title)
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.run(plan)

    def run(self, plan: DrillPlan) -> None:
        services, actor = self.session.services, self.session.actor
        self.run_button.setEnabled(False)
        writer().submit(
            lambda: services.drills.run(actor, plan.id),
            on_done=self._ran,
            on_error=self._write_failed,
        )

    @Slot(object)
    def _ran(self, run: DrillPlan) -> None:
        # The Incidents page and the run's console are built and painted in this turn, and every read
        # asked for meanwhile (this list, the banner, the console's) starts after it (kit/loader.py).
        with reads_next_turn():
            self._changed(run.id)
            self.session.data_changed.emit("incident")  # the banner shows the drill everywhere
            if run.incident_id is not None:
                self.run_started.emit(run.incident_id)

    @Slot(str)
    def _write_failed(self, message: str) -> None:
        self._writing = False
        self.say(message, error=True)
        self.update_buttons()

    def _write(self, button: QPushButton, work: Callable[[], object], plan_id: int) -> None:
        """A change of a drill (cancelled, a record voided) off the GUI thread: its button waits
        until it is stored, and no second change starts meanwhile; a refusal is said above the list."""
        self._writing = True
        button.setEnabled(False)
        writer().submit(work, on_done=lambda _result: self._written(plan_id), on_error=self._write_failed)

    def _written(self, plan_id: int) -> None:
        self._writing = False
        self._changed(plan_id)

    def show_console(self) -> None:
        plan = self.selected()
        if plan is not None and plan.incident_id is not None:
            self.open_console.emit(plan.incident_id)

    def ask_headcount(self) -> QWidget | None:
        from branchguard.gui.drills.headcount_dialog import HeadcountDialog

        plan = self._selected_for(DrillAction.HEADCOUNT)
        if plan is None:
            return None
        dialog = HeadcountDialog(self.session, plan, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.recorded.connect(self._headcount_recorded)
        dialog.open()
        return dialog

    def _headcount_recorded(self, entry: LogEntry) -> None:
        self.say(self.tr("Headcount recorded in the drill's log (#%1).").replace("%1", str(entry.seq)))

    def ask_evaluate(self) -> QWidget | None:
        from branchguard.gui.drills.evaluate_dialog import EvaluateDialog

        plan = self._selected_for(DrillAction.EVALUATE)
        if plan is None:
            return None
        dialog = EvaluateDialog(self.session, plan, self)  # a set it cannot read: said in it
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.evaluated.connect(lambda ev: self._changed(ev.plan_id))
        dialog.open()
        return dialog

    def ask_actions(self) -> QWidget | None:
        from branchguard.gui.drills.actions_dialog import ActionsDialog

        plan = self._selected_for(DrillAction.VIEW_ACTIONS)
        if plan is None:
            return None
        dialog = ActionsDialog(self.session, plan, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def ask_hazard(self) -> None:
        """A problem the selected held drill found, as a hazard linked to it: the new-hazard dialog
        (`hazard_dialog`), its description started from the first problem the drill's evaluation
        found that no hazard of the drill holds yet, once both are read off the GUI thread."""
        plan = self._selected_for(DrillAction.RECORD_HAZARD)
        if plan is None:
            return
        services, actor = self.session.services, self.session.actor

        def load() -> tuple[str, list[HazardInfo]]:  # what the drill found, and its hazards so far
            evaluation = services.drills.evaluation(actor, plan.id)
            raised = services.hazards.list(actor, HazardFilter(drill_id=plan.id))
            return (evaluation.problems if evaluation is not None else ""), raised

        self.hazard_loader.run(load, lambda read: self._ask_hazard(plan, *read))

    def _ask_hazard(self, plan: DrillPlan, found: str, raised: list[HazardInfo]) -> None:
        from branchguard.gui.hazards.dialogs import NewHazardDialog

        problem = next_unrecorded(found, (h.description for h in raised))  # one hazard a problem
        dialog = NewHazardDialog(self.session, self, drill=(plan.id, plan.title), problems=problem)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._hazard_recorded(dialog.created))
        dialog.open()
        self.hazard_dialog = dialog

    def _hazard_recorded(self, created: HazardDetail | None) -> None:
        if created is not None:
            said = self.tr("Hazard %1 recorded, linked to this drill: follow it up on the Hazards page.")
            self.say(said.replace("%1", created.info.number))

    def ask_cancel(self) -> None:
        if (held := self._selected_for(DrillAction.VOID)) is not None:
            self.ask_void(held)
            return
        plan = self._selected_for(DrillAction.CANCEL)
        if plan is None or self._writing:
            return
        text = self.tr("Cancel the drill “%1”? Its schedule stops reminding.").replace("%1", plan.title)
        if plan.recurring:
            text += "\n" + self.tr("This is a recurring plan: no further drills of the series are planned.")
        if (
            QMessageBox.question(self, self.tr("Cancel drill"), literal(text))
            != QMessageBox.StandardButton.Yes
        ):
            return
        drills, actor = self.session.services.drills, self.session.actor
        self._write(self.cancel_button, lambda: drills.cancel(actor, plan.id), plan.id)

    def ask_void(self, plan: DrillPlan) -> None:
        """A drill recorded afterwards by mistake stops counting; why is asked and kept."""
        question = self.tr("Why is the record of “%1” void? (It stops counting; the reason is kept.)")
        asked = literal(question.replace("%1", plan.title))
        if self._writing:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Void record"), asked)
        if not ok:
            return
        drills, actor = self.session.services.drills, self.session.actor
        self._write(self.cancel_button, lambda: drills.void_held(actor, plan.id, reason), plan.id)

    def ask_report(self) -> PreviewDialog | None:
        """The selected drill's report in the print preview (built off the GUI thread)."""
        plan = self.selected()
        if plan is None or (plan.incident_id is None and not plan.recorded_afterwards):  # as its button
            return None
        from branchguard.gui.drills.report_preview import preview_drill_report

        self.last_report = preview_drill_report(self, self.session, plan)
        return self.last_report
