"""The console's way to the service guides (服务指引) of the incident's category: each opens on the
Playbooks page with this incident as its context, so a complaint opened from the guide is linked to
the incident. Shown only where there is such a guide and the role may read the plans."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from branchguard.core.kernel.roles import may
from branchguard.core.kernel.types import PlaybookStatus
from branchguard.core.playbooks.types import IncidentCategory, PlanTier, PlaybookSummary
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.shell.session import GuiSession


class GuidesButton(QPushButton):
    def __init__(self, session: GuiSession, incident_id: int, parent: QWidget | None = None) -> None:
        super().__init__(icon("playbook"), "", parent)
        self.setObjectName("incident_guides_button")
        self.session, self.incident_id = session, incident_id
        self.guides: list[PlaybookSummary] = []
        self._category: IncidentCategory | None = None
        self.setMenu(QMenu(self))
        self.loader = Loader(self)  # no guides shown when the plans cannot be read
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.setText(self.tr("Service guide"))
        self.setToolTip(
            self.tr("What to say and never to do; open a complaint from it, linked to this incident")
        )
        self._fill()

    def show_for(self, category: IncidentCategory) -> None:
        """The approved guides of `category`, read in the background once per category."""
        if category == self._category or not may(self.session.actor, "page.playbooks.view"):
            return
        self._category = category
        services, actor = self.session.services, self.session.actor
        self.loader.run(
            lambda: services.playbooks.list_playbooks(actor), lambda plans: self._got(category, plans)
        )

    def _got(self, category: IncidentCategory, plans: list[PlaybookSummary]) -> None:
        approved = [p for p in plans if p.status == PlaybookStatus.APPROVED]
        self.guides = [p for p in approved if p.tier == PlanTier.SERVICE and p.category == category]
        self._fill()
        self.setVisible(bool(self.guides))

    def _fill(self) -> None:
        menu = self.menu()
        menu.clear()
        for guide in self.guides:
            action = QAction(f"{guide.code}  {guide.title.text}", menu)
            action.triggered.connect(lambda _checked=False, code=guide.code: self.open_guide(code))
            menu.addAction(action)

    def open_guide(self, code: str) -> None:
        from branchguard.gui.playbooks.page import PlaybooksPage
        from branchguard.gui.shell.main_window import MainWindow

        window = self.window()
        if isinstance(window, MainWindow):
            page = window.show_page("playbooks")
            if isinstance(page, PlaybooksPage):
                page.show_guide(code, self.incident_id)
