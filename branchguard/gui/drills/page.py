"""Drills page: the drill plans and runs, the compliance view and the scoring criteria, one tab each.

Running a drill opens its incident console on the Incidents page, where its steps are marked as
for a live incident and the 演练 DRILL strip and banner show.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from branchguard.core.dashboard.types import ComplianceFilter
from branchguard.core.incidents.types import ActionFilter
from branchguard.gui.drills.action_list import ActionListPanel
from branchguard.gui.drills.compliance import CompliancePanel
from branchguard.gui.drills.criteria import CriteriaPanel
from branchguard.gui.drills.list_view import DrillListPanel
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.page import INCIDENTS_PAGE, Page
from branchguard.gui.kit.tabs import PageTabs
from branchguard.gui.shell.session import GuiSession


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
        self._compliance: CompliancePanel | None = None
        self._criteria: CriteriaPanel | None = None
        self._action_list: ActionListPanel | None = None
        self.tabs = PageTabs()
        self.tabs.setObjectName("drills_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.list_panel, icon("drill"), "")
        # The other tabs are built when first shown (or asked for): holders keep their place.
        for icon_name in ("approve", "steps", "edit"):
            self.tabs.addTab(QWidget(), icon(icon_name), "")
        self.tabs.currentChanged.connect(self._build_tab)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    # -- tabs built on first use ------------------------------------------------------------------
    # Why: the page built and read all four tabs on its first show, though one is seen; the three
    # behind cost the first show ~40 ms of widgets and three reads (make bench, scale pages).
    @property
    def compliance(self) -> CompliancePanel:
        if self._compliance is None:
            self._compliance = CompliancePanel(self.session)
            self._place(0, self._compliance)
        return self._compliance

    @property
    def criteria(self) -> CriteriaPanel:
        if self._criteria is None:
            self._criteria = CriteriaPanel(self.session)
            self._place(1, self._criteria)
        return self._criteria

    @property
    def action_list(self) -> ActionListPanel:
        if self._action_list is None:
            self._action_list = panel = ActionListPanel(self.session)
            panel.open_console.connect(self.open_console)
            self._place(2, panel)
        return self._action_list

    def _place(self, holder: int, panel: CompliancePanel | CriteriaPanel | ActionListPanel) -> None:
        """Put `panel` in its tab, in place of the holder, the tab in front staying in front."""
        index, current = holder + 1, self.tabs.currentIndex()
        placeholder = self.tabs.widget(index)
        text, tab_icon = self.tabs.tabText(index), self.tabs.tabIcon(index)
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, panel, tab_icon, text)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        if placeholder is not None:
            placeholder.deleteLater()
        panel.retranslate()
        panel.reload()

    def _build_tab(self, index: int) -> None:
        if index >= 1:
            (lambda: self.compliance, lambda: self.criteria, lambda: self.action_list)[index - 1]()

    def _built(self) -> list[CompliancePanel | CriteriaPanel | ActionListPanel]:
        return [p for p in (self._compliance, self._criteria, self._action_list) if p is not None]

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
        self.list_panel.retranslate()
        for panel in self._built():
            panel.retranslate()

    def refresh(self) -> None:
        self.list_panel.reload()
        for panel in self._built():
            panel.reload()

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

