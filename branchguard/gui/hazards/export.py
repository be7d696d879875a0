"""Exports the hazard register as shown (the page's filters) to PDF or Excel, off the GUI thread;
the page's Preview / Print… shows the same PDF in the print preview (`preview_register`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from branchguard.core.hazards.types import HazardFilter
from branchguard.core.kernel.progress import stage_text
from branchguard.gui.kit.anchor_note import AnchorNote
from branchguard.gui.kit.files import ask_save_path
from branchguard.gui.kit.tasks import SoleTask, TaskHandle, TaskProgress
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:
    from branchguard.core.kernel.types import Actor
    from branchguard.core.services import Services
    from branchguard.gui.kit.print_preview import PreviewDialog

PDF, EXCEL = "pdf", "xlsx"


def write_register(
    services: Services,
    actor: Actor,
    flt: HazardFilter,
    out: Path,
    fmt: str,
    font_setting: str,
    note: AnchorNote | None = None,
) -> str:
    """Write the register of `flt` to `out` through the report builders (the rows are read there,
    so the file holds exactly what the filter selects now) and append its signed anchor (`note`
    hears when it was not written); the PDF font's warning, or ""."""
    if fmt == EXCEL:
        from branchguard.reports.hazard_excel import build_hazard_workbook

        build_hazard_workbook(services, actor, flt, out, note)
        return ""
    # Imported here: ReportLab is heavy and only needed once someone exports.
    from branchguard.reports.hazard_register import build_hazard_register

    return build_hazard_register(services, actor, flt, out, font_setting, note).warning or ""


def preview_register(widget: QWidget, session: GuiSession, flt: HazardFilter) -> PreviewDialog:
    """The register of `flt` (the page's filters now) in the print preview."""
    from branchguard.gui.kit.print_preview import preview_report  # PDFium and ReportLab on use

    services, actor = session.services, session.actor
    font_setting = str(session.ctx.config.settings.get("report_font") or "")
    title = QCoreApplication.translate("RegisterExporter", "Hazard register")
    name = QCoreApplication.translate("RegisterExporter", "hazard-register")
    return preview_report(
        widget,
        title,
        lambda out, note: write_register(services, actor, flt, out, PDF, font_setting, note),
        file_name=f"{name}-{date.today().isoformat()}.pdf",
    )


class RegisterExporter(QObject):
    """The export buttons' flow: a save dialog, then the work through run_task with progress (the
    pages laid out, the rows written) and Cancel, which stops it before any file is written."""

    def __init__(self, session: GuiSession, widget: QWidget) -> None:
        super().__init__(widget)
        self.session = session
        self.widget = widget
        self.sole = SoleTask()  # one at a time

    def ask(
        self,
        fmt: str,
        flt: HazardFilter,
        on_done: Callable[[Path, str, str], None],
        on_error: Callable[[str], None],
    ) -> TaskHandle | None:
        filters = {PDF: self.tr("PDF files (*.pdf)"), EXCEL: self.tr("Excel workbooks (*.xlsx)")}
        name = self.tr("hazard-register")  # tr() outside the f-string, where lupdate finds it
        default = f"{name}-{date.today().isoformat()}.{fmt}"
        chosen = ask_save_path(
            self.widget,
            self.tr("Export the hazard register"),
            default,
            filters[fmt],
            (f".{fmt}",),
        )
        if chosen is None:
            return None
        return self.export(fmt, flt, chosen, on_done, on_error)

    def export(
        self,
        fmt: str,
        flt: HazardFilter,
        out: Path,
        on_done: Callable[[Path, str, str], None],
        on_error: Callable[[str], None],
    ) -> TaskHandle:
        """`on_done(path, font warning, why the anchor was not written)` once the file is written
        (each "" when there is nothing to say); `on_error(message)` if not."""
        services, actor = self.session.services, self.session.actor  # read here, on the GUI thread
        font_setting = str(self.session.ctx.config.settings.get("report_font") or "")
        note = AnchorNote()

        rows, pages = self.tr("Hazard %1 of %2"), self.tr("Laying out page %1")

        def work(progress: TaskProgress) -> str:
            from branchguard.reports import progress as report_progress

            def heard(done: int, total: int, stage: str) -> None:  # the proof, every 100th row, each page:
                progress.check()  # Cancel stops it there
                said = rows.replace("%2", str(total)) if total else pages
                progress.report(done, total, stage_text(done, total, stage) or said.replace("%1", str(done)))

            with report_progress.watching(report_progress.thinned(heard)):
                return write_register(services, actor, flt, out, fmt, font_setting, note)

        def done(warning: str) -> None:
            on_done(out, warning, note.problem)

        return self.sole.run(work, done, on_error, self.widget, self.tr("Exporting the hazard register…"))
