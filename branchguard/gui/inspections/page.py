"""Inspections page: the checklists, their schedules, what is due and what was done; a runner tab
per inspection opened (drafts left open reopen after a restart). A checklist is read before its
editor opens, an approval and a schedule paused or resumed written, off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget

from branchguard.core.inspections.types import (
    InspectionFilter,
    InspectionInfo,
    InspectionStatus,
    TemplateVersion,
)
from branchguard.core.kernel.roles import may
from branchguard.core.schedules.types import DueFilter
from branchguard.gui.audit.record_band import band_atop
from branchguard.gui.inspections.dialogs import InspectionScheduleDialog, StartInspectionDialog
from branchguard.gui.inspections.editor import TemplateEditorDialog
from branchguard.gui.inspections.overview import InspectionsOverview
from branchguard.gui.inspections.runner import InspectionRunner
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.page import Page
from branchguard.gui.kit.tabs import PageTabs, tab_home
from branchguard.gui.kit.writer import writer
from branchguard.gui.shell.session import GuiSession

TAB_TITLE_CHARS = 16


class InspectionsPage(Page):
    page_id = "inspections"

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.runners: dict[int, InspectionRunner] = {}
        self._reopened = False
        self.reopen_loader = Loader(self)  # a refused read reopens nothing, as before
        self.template_loader = Loader(self, on_error=self._write_failed)
        self.template_editor: TemplateEditorDialog | None = None  # the checklist editor opened last
        self._writing = False  # an approval or a schedule paused or resumed: no second one meanwhile
        self.start_dialog: StartInspectionDialog | None = None
        self.heading = QLabel()
        self.heading.setProperty("role", "page-title")
        self.intro = QLabel()
        self.intro.setProperty("role", "hint")
        self.intro.setWordWrap(True)
        # The tabs made inside the page, their contents inside the tabs' stack: made where they stay,
        # each is styled once, not again when moved under its parent (gui/kit/tabs.py).
        self.tabs = PageTabs(self)
        self.overview = InspectionsOverview(session, tab_home(self.tabs))
        self.overview.start_requested.connect(self.ask_start)
        self.overview.open_requested.connect(self.open_inspection)
        self.overview.schedule_requested.connect(self.ask_schedule)
        self.overview.edit_requested.connect(self.edit_template)
        self.overview.new_requested.connect(lambda: self.edit_template(""))
        self.overview.approve_requested.connect(self.approve_template)
        self.overview.pause_requested.connect(self.set_schedule_active)
        self.tabs.setObjectName("inspections_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.addTab(self.overview, icon("inspection"), "")
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Inspections"))
        self.intro.setText(
            self.tr(
                "Checklists run on a schedule. In a run, P / F / N answer the item in front and move on;"
                " every failed item opens a hazard when the run is submitted."
            )
        )
        self.tabs.setTabText(0, self.tr("Checklists"))
        self.overview.retranslate()
        for runner in self.runners.values():
            runner.retranslate()
            self._label_tab(runner)

    def refresh(self) -> None:
        self.overview.reload()
        for runner in self.runners.values():
            runner.reload()
        if not self._reopened:
            self._reopened = True
            self.reopen_drafts()

    def show_filtered(self, flt: DueFilter) -> None:
        """The overview, its due list narrowed to the filter's window (the dashboard's tiles)."""
        self.tabs.setCurrentWidget(self.overview)
        self.overview.show_filtered(flt)

    def reopen_drafts(self) -> None:
        """Runs this user started and did not submit come back as tabs (after a restart or a crash)."""
        if not may(self.session.actor, "inspection.run"):
            return
        inspections, actor = self.session.services.inspections, self.session.actor
        drafts = InspectionFilter(status=InspectionStatus.DRAFT)
        self.reopen_loader.run(lambda: inspections.list(actor, drafts), self._reopen)

    def _reopen(self, drafts: list[InspectionInfo]) -> None:
        for info in sorted(drafts, key=lambda i: i.started_at):
            if info.started_by == self.session.actor.username:
                self.open_inspection(info.id, focus=False)

    # -- runners -------------------------------------------------------------------------------
    def open_inspection(self, inspection_id: int, focus: bool = True) -> InspectionRunner:
        runner = self.runners.get(inspection_id)
        if runner is None:
            runner = InspectionRunner(self.session, inspection_id, tab_home(self.tabs))
            runner.changed.connect(self._runner_changed)
            runner.loaded.connect(lambda: self._label_tab(runner))
            band_atop(self.session, runner, runner.loaded, "inspection", inspection_id)  # rewritten outside
            self.runners[inspection_id] = runner
            self.tabs.addTab(runner, icon("inspection"), f"#{inspection_id}")
            self._label_tab(runner)
        if focus:
            self.tabs.setCurrentWidget(runner)
            runner.focus_checklist()
        return runner

    def runner(self, inspection_id: int) -> InspectionRunner | None:
        return self.runners.get(inspection_id)

    def close_tab(self, index: int) -> None:
        runner = self.tabs.widget(index)
        if not isinstance(runner, InspectionRunner):
            return
        self.tabs.removeTab(index)
        self.runners.pop(runner.inspection_id, None)
        runner.deleteLater()

    def _label_tab(self, runner: InspectionRunner) -> None:
        index = self.tabs.indexOf(runner)
        if index < 0 or runner.detail is None:
            return
        info = runner.detail.info
        name = info.template_name.text
        short = name if len(name) <= TAB_TITLE_CHARS else name[:TAB_TITLE_CHARS] + "…"
        done = " ✓" if info.status == InspectionStatus.SUBMITTED else ""
        self.tabs.setTabText(index, f"#{info.id} {short}{done}")
        self.tabs.setTabToolTip(index, f"{name} · {info.location} · {info.status.label}")

    def _runner_changed(self, _inspection_id: int) -> None:
        self.overview.reload()

    # -- actions -------------------------------------------------------------------------------
    def ask_start(self, code: str, occurrence_id: int = 0) -> StartInspectionDialog | None:
        row = self.overview.templates_model.find_row(lambda r: r.template.code == code)
        if row < 0:
            return None
        name = self.overview.templates_model.row_at(row).template.name.text
        dialog = StartInspectionDialog(self.session, code, name, occurrence_id or None, self)
        dialog.accepted.connect(self._started)
        dialog.finished.connect(dialog.deleteLater)
        self.start_dialog = dialog
        dialog.open()
        return dialog

    def _started(self) -> None:
        dialog = self.start_dialog
        if dialog is not None and dialog.started is not None:
            self.open_inspection(dialog.started.info.id)
            self.overview.reload()

    def ask_schedule(self, code: str) -> InspectionScheduleDialog | None:
        row = self.overview.templates_model.find_row(lambda r: r.template.code == code)
        if row < 0:
            return None
        template_row = self.overview.templates_model.row_at(row)
        info = template_row.template
        schedule = self.overview.active_schedule(template_row)  # one schedule per checklist: change it
        dialog = InspectionScheduleDialog(self.session, code, info.name.text, info.cadence, self, schedule)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def set_schedule_active(self, schedule_id: int, active: bool) -> None:
        schedules, actor = self.session.services.schedules, self.session.actor
        self._write(lambda: schedules.set_active(actor, schedule_id, active), "schedule")

    def _write(self, work: Callable[[], object], entity: str) -> None:
        """A change on the writer's thread, one at a time (a second press meanwhile does nothing);
        a refusal said above the lists."""
        if self._writing:
            return
        self._writing = True
        writer().submit(work, on_done=lambda _result: self._written(entity), on_error=self._write_failed)

    def _written(self, entity: str) -> None:
        self._writing = False
        self.session.data_changed.emit(entity)

    def _write_failed(self, message: str) -> None:
        self._writing = False
        self.overview.show_error(message)

    def edit_template(self, code: str) -> None:
        """The checklist editor (`template_editor`), on `code`'s draft if it has one, else the
        version in use, once read off the GUI thread; a new checklist at once for ""."""
        if not code:
            self._edit(None)
            return
        inspections, actor = self.session.services.inspections, self.session.actor

        def load() -> TemplateVersion:
            info = next((t for t in inspections.templates(actor) if t.code == code), None)
            return inspections.template(actor, code, draft=info is not None and info.has_draft)

        self.template_loader.run(load, self._edit)

    def _edit(self, version: TemplateVersion | None) -> None:
        dialog = TemplateEditorDialog(self.session, version, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.template_editor = dialog

    def approve_template(self, code: str) -> None:
        box = QMessageBox.question(
            self,
            self.tr("Approve draft"),
            self.tr(
                "Publish the draft of this checklist? The version in use now is retired;"
                " inspections already run keep the version they used."
            ),
        )
        if box != QMessageBox.StandardButton.Yes:
            return
        self.approve_now(code)

    def approve_now(self, code: str) -> None:
        inspections, actor = self.session.services.inspections, self.session.actor
        self._write(lambda: inspections.approve(actor, code), "inspection_template")
