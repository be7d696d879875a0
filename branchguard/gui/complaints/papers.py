"""The complaints page's papers: through the print preview, the selected complaint's file
(投诉处理档案) and the register as filtered, with statistics; the register as an Excel workbook,
saved where the lead chooses (off the GUI thread). Identifiers stay masked, as on the page
(unmasking is the command line's `--unmask`, audited there)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from branchguard.core.complaints.types import ComplaintFilter, ComplaintInfo
from branchguard.gui.kit.anchor_note import AnchorNote
from branchguard.gui.kit.files import ask_save_path, show_saved
from branchguard.gui.kit.plain import literal
from branchguard.gui.kit.tasks import TaskHandle, TaskProgress, run_task
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:
    from branchguard.core.kernel.types import Actor
    from branchguard.core.services import Services
    from branchguard.gui.kit.print_preview import PreviewDialog
    from branchguard.reports.fonts import FontChoice


class ComplaintPapers(QMenu):
    """The complaint file of `selected()` and the register of `current_filter()`."""

    def __init__(
        self,
        parent: QWidget,
        session: GuiSession,
        selected: Callable[[], ComplaintInfo | None],
        current_filter: Callable[[], ComplaintFilter],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("complaint_papers")
        self._widget = parent
        self._session = session
        self._selected = selected
        self._filter = current_filter
        self.last: PreviewDialog | None = None  # the preview opened last
        self.file_action = QAction(self)
        self.file_action.setObjectName("complaint_file_action")
        self.file_action.triggered.connect(self.preview_file)
        self.register_action = QAction(self)
        self.register_action.setObjectName("complaint_register_action")
        self.register_action.triggered.connect(self.preview_register)
        self.workbook_action = QAction(self)
        self.workbook_action.setObjectName("complaint_workbook_action")
        self.workbook_action.triggered.connect(self.ask_workbook)
        self.addAction(self.file_action)
        self.addAction(self.register_action)
        self.addAction(self.workbook_action)
        self.task: TaskHandle | None = None  # the workbook written last, or being written
        self.file_action.setEnabled(False)  # the page enables it while a complaint is selected
        self.retranslate()

    def retranslate(self) -> None:
        self.file_action.setText(self.tr("The selected complaint's file…"))
        self.register_action.setText(self.tr("The register as filtered, with statistics…"))
        self.workbook_action.setText(self.tr("The register as filtered, to Excel…"))

    def preview_file(self) -> PreviewDialog | None:
        item = self._selected()
        if item is None:
            return None
        services, actor, font_setting = self._services()
        complaint_id = item.id

        def build(out: Path, note: AnchorNote) -> FontChoice:
            from branchguard.reports.complaint_file import build_complaint_file  # ReportLab on use

            return build_complaint_file(services, actor, complaint_id, out, font_setting, on_anchor=note)

        title = self.tr("Complaint file %1").replace("%1", item.number)
        name = self.tr("complaint")  # tr() outside the f-string, where lupdate finds it
        return self._open(title, build, f"{name}-{item.number}.pdf")

    def preview_register(self) -> PreviewDialog:
        services, actor, font_setting = self._services()
        flt = self._filter()

        def build(out: Path, note: AnchorNote) -> FontChoice:
            from branchguard.reports.complaint_register import build_complaint_register

            return build_complaint_register(services, actor, flt, out, font_setting, on_anchor=note)

        name = self.tr("complaint-register")
        return self._open(self.tr("Complaint register"), build, f"{name}.pdf")

    def ask_workbook(self) -> TaskHandle | None:
        """The register of the page's filters now as .xlsx (its rows, statistics, the filters and
        the signed anchor, as `report complaints -o FILE.xlsx` writes it), where the lead chooses."""
        name = self.tr("complaint-register")  # tr() outside the f-string, where lupdate finds it
        chosen = ask_save_path(
            self._widget,
            self.tr("Export the complaint register"),
            f"{name}-{date.today().isoformat()}.xlsx",
            self.tr("Excel workbooks (*.xlsx)"),
            (".xlsx",),
        )
        return None if chosen is None else self.write_workbook(chosen)

    def write_workbook(self, out: Path) -> TaskHandle:
        services, actor, _font = self._services()  # read here, on the GUI thread
        flt, note = self._filter(), AnchorNote()

        def work(_progress: TaskProgress) -> Path:
            from branchguard.reports.complaint_excel import build_complaint_workbook  # openpyxl on use

            return build_complaint_workbook(services, actor, flt, out, on_anchor=note)

        def done(path: Path) -> None:
            notes = [note.problem] if note.problem else []  # a whole sentence: NOT written to …, why
            show_saved(self._widget, self.tr("Complaint register"), path, notes, "complaints_exported")

        def failed(message: str) -> None:
            QMessageBox.warning(self._widget, self.tr("Complaint register"), literal(message))

        self.task = run_task(
            work,
            on_done=done,
            on_error=failed,
            parent=self._widget,
            title=self.tr("Exporting the complaint register…"),
        )
        return self.task

    def _services(self) -> tuple[Services, Actor, str]:
        s = self._session
        return s.services, s.actor, str(s.ctx.config.settings.get("report_font") or "")

    def _open(
        self, title: str, build: Callable[[Path, AnchorNote], FontChoice], file_name: str
    ) -> PreviewDialog:
        from branchguard.gui.kit.print_preview import preview_report  # PDFium and ReportLab on use

        self.last = preview_report(self._widget, title, build, file_name=file_name)
        return self.last
