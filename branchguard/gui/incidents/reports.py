"""An incident's two papers from the window, open or closed: the incident report (事件报告) and the
initial report to head office (初报), each through the print preview (gui/kit/print_preview.py).

The console and the incident list share one menu: `ReportMenu(parent, session, incident_id)`,
where `incident_id()` names the incident the actions are for (None: nothing to print)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:
    from branchguard.gui.kit.anchor_note import AnchorNote
    from branchguard.gui.kit.print_preview import PreviewDialog
    from branchguard.reports.fonts import FontChoice


def preview_incident_report(parent: QWidget, session: GuiSession, incident_id: int) -> PreviewDialog:
    from branchguard.gui.kit.print_preview import preview_report  # PDFium and ReportLab on first use

    services, actor = session.services, session.actor
    font_setting = str(session.ctx.config.settings.get("report_font") or "")

    def build(out: Path, note: AnchorNote) -> FontChoice:
        from branchguard.reports.incident_report import build_incident_report  # ReportLab on use

        return build_incident_report(services, actor, incident_id, out, font_setting, note)

    title = QCoreApplication.translate("ReportMenu", "Incident report #%1")
    # Translated outside the f-string, where lupdate finds it.
    name = QCoreApplication.translate("ReportMenu", "incident-report")
    title, file_name = title.replace("%1", str(incident_id)), f"{name}-{incident_id}.pdf"
    return preview_report(parent, title, build, file_name=file_name)


def preview_initial_report(parent: QWidget, session: GuiSession, incident_id: int) -> PreviewDialog:
    from branchguard.gui.kit.print_preview import preview_report  # PDFium and ReportLab on first use

    services, actor = session.services, session.actor
    font_setting = str(session.ctx.config.settings.get("report_font") or "")

    def build(out: Path, note: AnchorNote) -> FontChoice:
        from branchguard.reports.initial_report import build_initial_report  # ReportLab on use

        return build_initial_report(services, actor, incident_id, out, font_setting, note)

    title = QCoreApplication.translate("ReportMenu", "Initial report, incident #%1")
    name = QCoreApplication.translate("ReportMenu", "initial-report")
    title, file_name = title.replace("%1", str(incident_id)), f"{name}-{incident_id}.pdf"
    return preview_report(parent, title, build, file_name=file_name)


class ReportMenu(QMenu):
    """Incident report… and Initial report… for the incident `incident_id()` names."""

    def __init__(self, parent: QWidget, session: GuiSession, incident_id: Callable[[], int | None]) -> None:
        super().__init__(parent)
        self.setObjectName("incident_report_menu")
        self._widget = parent
        self._session = session
        self._incident_id = incident_id
        self.last: PreviewDialog | None = None  # the preview opened last (tests, screenshots)
        self.incident_action = QAction(self)
        self.incident_action.setObjectName("incident_report_action")
        self.incident_action.triggered.connect(lambda: self._open(preview_incident_report))
        self.initial_action = QAction(self)
        self.initial_action.setObjectName("initial_report_action")
        self.initial_action.triggered.connect(lambda: self._open(preview_initial_report))
        self.addAction(self.incident_action)
        self.addAction(self.initial_action)
        self.retranslate()

    def retranslate(self) -> None:
        self.incident_action.setText(self.tr("Incident report (timeline, steps, outcome)…"))
        self.initial_action.setText(self.tr("Initial report to head office…"))

    def _open(self, preview: Callable[[QWidget, GuiSession, int], PreviewDialog]) -> None:
        incident_id = self._incident_id()
        if incident_id is not None:
            self.last = preview(self._widget, self._session, incident_id)
