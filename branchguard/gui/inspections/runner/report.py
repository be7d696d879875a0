"""The runner's "Report PDF…": the inspection report (items, results, photos, signatures, the
hazards it opened) written off the GUI thread, where the user chose.

Texts are translated in their own context ("InspectionReport"): `widget.tr` would look them up
under whichever class the widget happens to be, which lupdate cannot know."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from branchguard.gui.kit.files import documents_folder, with_suffix
from branchguard.gui.kit.tasks import TaskHandle, TaskProgress, run_task
from branchguard.gui.shell.session import GuiSession

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
        box.setWindowTitle(QCoreApplication.translate("InspectionReport", "Inspection report"))
        saved = QCoreApplication.translate("InspectionReport", "The inspection report was saved to %1.")
        box.setText(saved.replace("%1", str(out)))
        if font.warning:
            box.setIcon(QMessageBox.Icon.Warning)
            fell_back = QCoreApplication.translate("InspectionReport", "The report font fell back: %1")
            box.setInformativeText(fell_back.replace("%1", font.warning))
        box.open()

    title = QCoreApplication.translate("InspectionReport", "Writing the inspection report…")
    return run_task(work, on_done=done, parent=widget, title=title)


def ask_report(widget: QWidget, session: GuiSession, inspection_id: int) -> TaskHandle | None:
    name = QCoreApplication.translate("InspectionReport", "inspection")  # lupdate reads no f-string
    default = documents_folder() / f"{name}-{inspection_id}-{date.today().isoformat()}.pdf"
    chosen, _filter = QFileDialog.getSaveFileName(
        widget,
        QCoreApplication.translate("InspectionReport", "Save the inspection report"),
        str(default),
        QCoreApplication.translate("InspectionReport", "PDF files (*.pdf)"),
    )
    if not chosen:
        return None
    return write_report(widget, session, inspection_id, with_suffix(Path(chosen), (".pdf",)))
