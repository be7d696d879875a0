"""Drills page: the drill plans and runs, the compliance view and the scoring criteria, one tab each.

Running a drill opens its incident console on the Incidents page, where its steps are marked as
for a live incident and the 演练 DRILL strip and banner show.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from branchguard.core.dashboard.types import ComplianceFilter
from branchguard.core.incidents.types import ActionFilter
from branchguard.gui.drills.action_list import ActionListPanel
from branchguard.gui.drills.compliance import CompliancePanel
from branchguard.gui.drills.criteria import CriteriaPanel
from branchguard.gui.drills.list_view import DrillListPanel
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.page import Page
from branchguard.gui.shell.session import GuiSession

INCIDENTS_PAGE = "incidents"


class DrillsPage(Page):
    page_id = "drills"

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.heading = QLabel()
        self.heading.setProperty("role", "page-title")
        self.intro = QLabel()
        self.intro.setProperty("role", "hint")
        self.intro.setWordWrap(True)
        self.list_panel = DrillListPanel(session)
        self.list_panel.run_started.connect(self.open_console)
        self.list_panel.open_console.connect(self.open_console)
        self.compliance = CompliancePanel(session)
        self.criteria = CriteriaPanel(session)
        self.action_list = ActionListPanel(session)
        self.action_list.open_console.connect(self.open_console)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("drills_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.list_panel, icon("drill"), "")
        self.tabs.addTab(self.compliance, icon("approve"), "")
        self.tabs.addTab(self.criteria, icon("steps"), "")
        self.tabs.addTab(self.action_list, icon("edit"), "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Drills"))
        self.intro.setText(
            self.tr(
                "Plan drills on a playbook, run them in the incident console, take the headcount, "
                "score them and follow up the corrective actions."
            )
        )
        self.tabs.setTabText(0, self.tr("Drill plans"))
        self.tabs.setTabText(1, self.tr("Compliance"))
        self.tabs.setTabText(2, self.tr("Scoring criteria"))
        self.tabs.setTabText(3, self.tr("Corrective actions"))
        for panel in (self.list_panel, self.compliance, self.criteria, self.action_list):
            panel.retranslate()

    def refresh(self) -> None:
        self.list_panel.reload()
        self.compliance.reload()
        self.criteria.reload()
        self.action_list.reload()

    def show_filtered(self, flt: ComplianceFilter | ActionFilter) -> None:
        """The dashboard's tiles: the compliance tab showing the rules in the filter's state, or
        the corrective actions tab showing the actions the filter selects."""
        if isinstance(flt, ActionFilter):
            self.tabs.setCurrentWidget(self.action_list)
            self.action_list.show_filtered(flt)
            return
        self.tabs.setCurrentWidget(self.compliance)
        self.compliance.show_filtered(flt.statuses)

    def open_console(self, incident_id: int) -> QWidget | None:
        """The run's console on the Incidents page, in front."""
        from branchguard.gui.incidents.page import IncidentsPage
        from branchguard.gui.shell.main_window import MainWindow

        window = self.window()
        if not isinstance(window, MainWindow):
            return None
        page = window.show_page(INCIDENTS_PAGE)
        if not isinstance(page, IncidentsPage):
            return None
        return page.started(incident_id)
