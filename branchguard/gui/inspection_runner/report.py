"""The runner's "Report PDF…": the inspection report (items, results, photos, signatures, the
hazards it opened) written off the GUI thread, where the user chose."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from branchguard.gui.pages.playbooks_io import documents_folder, with_suffix
from branchguard.gui.session import GuiSession
from branchguard.gui.tasks import TaskHandle, TaskProgress, run_task

if TYPE_CHECKING:
    from branchguard.reports.fonts import FontChoice


def write_report(
    widget: QWidget,
    session: GuiSession,
    inspection_id: int,
    out: Path,
    on_done: Callable[[Path, str], None] | None = None,
) -> TaskHandle:
    """Write the report of `inspection_id` to `out`; `on_done(path, font warning)` afterwards
    (default: a message box saying where it went)."""
    services, actor = session.services, session.actor
    font_setting = str(session.ctx.config.settings.get("report_font") or "")

    def work(_progress: TaskProgress) -> FontChoice:
        # Imported here: ReportLab is heavy and only needed once someone prints.
        from branchguard.reports.inspection_report import build_inspection_report

        return build_inspection_report(services, actor, inspection_id, out, font_setting)

    def done(font: FontChoice) -> None:
        if on_done is not None:
            on_done(out, font.warning or "")
            return
        box = QMessageBox(widget)
        box.setObjectName("inspection_report_saved")
        box.setWindowTitle(widget.tr("Inspection report"))
        box.setText(widget.tr("The inspection report was saved to %1.").replace("%1", str(out)))
        if font.warning:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setInformativeText(widget.tr("The report font fell back: %1").replace("%1", font.warning))
        box.open()

    return run_task(work, on_done=done, parent=widget, title=widget.tr("Writing the inspection report…"))


def ask_report(widget: QWidget, session: GuiSession, inspection_id: int) -> TaskHandle | None:
    default = documents_folder() / f"{widget.tr('inspection')}-{inspection_id}-{date.today().isoformat()}.pdf"
    chosen, _filter = QFileDialog.getSaveFileName(
        widget, widget.tr("Save the inspection report"), str(default), widget.tr("PDF files (*.pdf)")
    )
    if not chosen:
        return None
    return write_report(widget, session, inspection_id, with_suffix(Path(chosen), (".pdf",)))
