"""A drill's report in the print preview, built off the GUI thread: from the Drills page, and from a
hazard the drill found (its detail's source button)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from branchguard.core.drills.types import DrillPlan
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:
    from branchguard.gui.kit.anchor_note import AnchorNote
    from branchguard.gui.kit.print_preview import PreviewDialog
    from branchguard.reports.fonts import FontChoice


def preview_drill_report(parent: QWidget, session: GuiSession, plan: DrillPlan) -> PreviewDialog:
    from branchguard.gui.kit.print_preview import preview_report  # PDFium and ReportLab on use

    services, actor, plan_id = session.services, session.actor, plan.id
    font_setting = str(session.ctx.config.settings.get("report_font") or "")

    def build(out: Path, note: AnchorNote) -> FontChoice:
        from branchguard.reports.drill_report import build_drill_report

        return build_drill_report(services, actor, plan_id, out, font_setting, note)

    title = QCoreApplication.translate("DrillListPanel", "Drill report: %1").replace("%1", plan.title)
    name = f"drill-{plan.id}-{plan.playbook_code}.pdf"
    return preview_report(parent, title, build, file_name=name)
