"""The runner's "Preview / Print…": the inspection report (items, results, photos,
signatures, the hazards it opened) built off the GUI thread, in the print preview.

Texts are translated in their own context ("InspectionReport"): `widget.tr` would look them up
under whichever class the widget happens to be, which lupdate cannot know."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:
    from branchguard.gui.kit.anchor_note import AnchorNote
    from branchguard.gui.kit.print_preview import PreviewDialog
    from branchguard.reports.fonts import FontChoice


def preview_inspection_report(widget: QWidget, session: GuiSession, inspection_id: int) -> PreviewDialog:
    """The report of `inspection_id` in the print preview; printed or saved as PDF from there."""
    from branchguard.gui.kit.print_preview import preview_report  # PDFium and ReportLab on use

    services, actor = session.services, session.actor
    font_setting = str(session.ctx.config.settings.get("report_font") or "")

    def build(out: Path, note: AnchorNote) -> FontChoice:
        from branchguard.reports.inspection_report import build_inspection_report

        return build_inspection_report(services, actor, inspection_id, out, font_setting, note)

    title = QCoreApplication.translate("InspectionReport", "Inspection report #%1")
    title = title.replace("%1", str(inspection_id))
    name = QCoreApplication.translate("InspectionReport", "inspection")  # lupdate reads no f-string
    file_name = f"{name}-{inspection_id}-{date.today().isoformat()}.pdf"
    return preview_report(widget, title, build, file_name=file_name)
