"""Exports the hazard register as shown (the page's filters) to PDF or Excel, off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from branchguard.core.inspection_types import HazardFilter
from branchguard.gui.pages.playbooks_io import documents_folder, with_suffix
from branchguard.gui.session import GuiSession
from branchguard.gui.tasks import TaskHandle, TaskProgress, run_task

if TYPE_CHECKING:
    from branchguard.reports.fonts import FontChoice

FORMATS = ("pdf", "xlsx")


def export_register(
    session: GuiSession, flt: HazardFilter, out: Path, fmt: str, progress: TaskProgress
) -> tuple[Path, int, FontChoice | None]:
    """Write the register of `flt` to `out`; (path, rows written, the PDF's font or None).

    The rows are read again here, so the file holds exactly what the filter selects now.
    """
    from branchguard.reports.template import write_atomically

    services, actor = session.services, session.actor
    progress.report(0, 3)
    hazards = services.hazards.list(actor, flt)
    branch = services.branch.get()
    branch_name = branch.name if branch else ""
    progress.report(1, 3)
    if fmt == "xlsx":
        from branchguard.reports.hazard_excel import write_hazard_workbook

        write_hazard_workbook(out, hazards, flt, branch_name=branch_name)
        progress.report(3, 3)
        return out, len(hazards), None
    # Imported here: ReportLab is heavy and only needed once someone exports.
    from branchguard.reports.fonts import find_cjk_font
    from branchguard.reports.hazard_register import render_hazard_register

    font = find_cjk_font(str(session.ctx.config.settings.get("report_font") or ""))
    data, _pages = render_hazard_register(hazards, flt, font, branch_name=branch_name)
    progress.report(2, 3)
    write_atomically(out, data)
    progress.report(3, 3)
    return out, len(hazards), font


class RegisterExporter(QObject):
    """The export buttons' flow: a save dialog, then the work through run_task with progress."""

    def __init__(self, session: GuiSession, widget: QWidget) -> None:
        super().__init__(widget)
        self.session = session
        self.widget = widget
        self.task: TaskHandle | None = None

    def ask(
        self,
        fmt: str,
        flt: HazardFilter,
        on_done: Callable[[Path, int, str], None],
        on_error: Callable[[str], None],
    ) -> TaskHandle | None:
        filters = {"pdf": self.tr("PDF files (*.pdf)"), "xlsx": self.tr("Excel workbooks (*.xlsx)")}
        default = documents_folder() / f"{self.tr('hazard-register')}-{date.today().isoformat()}.{fmt}"
        chosen, _filter = QFileDialog.getSaveFileName(
            self.widget, self.tr("Export the hazard register"), str(default), filters[fmt]
        )
        if not chosen:
            return None
        return self.export(fmt, flt, with_suffix(Path(chosen), (f".{fmt}",)), on_done, on_error)

    def export(
        self,
        fmt: str,
        flt: HazardFilter,
        out: Path,
        on_done: Callable[[Path, int, str], None],
        on_error: Callable[[str], None],
    ) -> TaskHandle:
        session = self.session

        def done(result: tuple[Path, int, FontChoice | None]) -> None:
            self.task = None
            path, count, font = result
            on_done(path, count, (font.warning or "") if font is not None else "")

        def failed(message: str) -> None:
            self.task = None
            on_error(message)

        self.task = run_task(
            lambda progress: export_register(session, flt, out, fmt, progress),
            on_done=done,
            on_error=failed,
            parent=self.widget,
            title=self.tr("Exporting the hazard register…"),
        )
        return self.task
