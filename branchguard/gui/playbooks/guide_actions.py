"""Under a service guide's preview (服务指引: tier "service"): when its situation turns into a
complaint or an incident. "Open a complaint" opens the complaint register dialog with the situation
as its facts and, when the guide was opened from an incident, linked to it (any open incident may be
chosen); "Start the plan" opens the usual start dialog (F9's) with the plan the guide links to
chosen (CASH, LAW, SRG, DIS: a guide is never started itself). Each shows only to a role that may."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from branchguard.core.kernel.roles import may
from branchguard.core.kernel.types import PlaybookStatus
from branchguard.core.playbooks.types import PlanTier, PlaybookVersion
from branchguard.gui.kit.flow import FlowLayout
from branchguard.gui.kit.icons import icon
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:
    from branchguard.gui.complaints.dialogs import ComplaintRegisterDialog


class GuideActions(QWidget):
    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide_actions")
        self.session = session
        self.version: PlaybookVersion | None = None
        self.links: list[str] = []
        self.incident_id: int | None = None  # the incident the guide was opened from
        self.complaint_button = QPushButton(icon("contact"), "")
        self.complaint_button.setObjectName("guide_complaint_button")
        self.complaint_button.clicked.connect(self.open_complaint)
        self.start_button = QPushButton(icon("incident"), "")
        self.start_button.setObjectName("guide_start_button")
        self.start_button.clicked.connect(self._start_clicked)
        self.start_menu = QMenu(self)
        row = FlowLayout(self, spacing=6)
        row.setContentsMargins(0, 0, 0, 0)
        row.add_widget(self.complaint_button)
        row.add_widget(self.start_button)
        row.add_stretch()
        self.retranslate()
        self.show_for(None, ())

    def retranslate(self) -> None:
        self.complaint_button.setText(self.tr("Open a complaint…"))
        self.complaint_button.setToolTip(
            self.tr("The customer complains: register it with this situation as its facts")
        )
        self._label_start()

    def _label_start(self) -> None:
        if len(self.links) == 1:
            self.start_button.setText(self.tr("Start the plan %1…").replace("%1", self.links[0]))
        else:
            self.start_button.setText(self.tr("Start the plan…"))
        self.start_button.setToolTip(
            self.tr("The situation becomes an incident: start the plan this guide links to")
        )

    def show_for(
        self, version: PlaybookVersion | None, links: Sequence[str], incident_id: int | None = None
    ) -> None:
        """Show the buttons for `version` when it is an approved service guide; `links` the plans it
        hands over to; `incident_id` the incident it was opened from."""
        guide = (
            version is not None
            and version.content.tier == PlanTier.SERVICE
            and version.info.status == PlaybookStatus.APPROVED
        )
        self.version = version if guide else None
        self.links = list(links) if guide else []
        self.incident_id = incident_id if guide else None
        actor = self.session.actor
        self.complaint_button.setVisible(guide and may(actor, "complaint.register"))
        self.start_button.setVisible(bool(self.links) and may(actor, "incident.start"))
        self.start_menu.clear()
        for code in self.links:
            action = QAction(code, self.start_menu)
            action.triggered.connect(lambda _checked=False, c=code: self.start_plan(c))
            self.start_menu.addAction(action)
        self._label_start()
        self.setVisible(self.complaint_button.isVisibleTo(self) or self.start_button.isVisibleTo(self))

    # -- commands ------------------------------------------------------------------------------
    def situation(self) -> str:
        """The facts a complaint from this guide starts with."""
        if self.version is None:
            return ""
        content = self.version.content
        text = self.tr("Service situation: %1 (%2)")
        return text.replace("%1", content.title.text).replace("%2", content.code)

    def open_complaint(self) -> ComplaintRegisterDialog | None:
        if self.version is None or not may(self.session.actor, "complaint.register"):
            return None
        from branchguard.gui.complaints.choices import live_incidents
        from branchguard.gui.complaints.dialogs import ComplaintRegisterDialog

        facts, linked = self.situation(), self.incident_id  # categories and incidents read as it opens
        dialog = ComplaintRegisterDialog(
            self.session, None, self, facts=facts, incidents=live_incidents, incident_id=linked
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _start_clicked(self) -> None:
        if len(self.links) == 1:
            self.start_plan(self.links[0])
        elif self.links:
            self.start_menu.popup(self.start_button.mapToGlobal(self.start_button.rect().bottomLeft()))

    def start_plan(self, code: str) -> None:
        """The usual start dialog (F9's) with `code` chosen: the level and drill asked there."""
        if code not in self.links or not may(self.session.actor, "incident.start"):
            return
        from branchguard.gui.shell.main_window import MainWindow

        window = self.window()
        if isinstance(window, MainWindow) and window.incident_bar is not None:
            window.incident_bar.start(plan_code=code)
