"""People & contacts page: the staff roster, the emergency contacts and the printed contact card."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.kernel.i18n import current_language
from branchguard.core.kernel.roles import may
from branchguard.gui.kit.files import documents_folder
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.page import Page
from branchguard.gui.kit.tabs import PageTabs
from branchguard.gui.people.tabs import ContactsTab, StaffTab
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:
    from branchguard.gui.kit.anchor_note import AnchorNote
    from branchguard.gui.kit.print_preview import PreviewDialog
    from branchguard.gui.people.team import TeamTab
    from branchguard.reports.fonts import FontChoice

# The card's file name follows the language of the window, like the card itself.
CARD_FILE_NAMES = {"zh_CN": "应急联络卡.pdf", "en": "contact-card.pdf"}


def default_card_path() -> Path:
    return documents_folder() / CARD_FILE_NAMES.get(current_language(), CARD_FILE_NAMES["en"])


class PeoplePage(Page):
    page_id = "people"

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.heading = QLabel()
        self.heading.setProperty("role", "page-title")
        self.intro = QLabel()
        self.intro.setProperty("role", "hint")
        self.intro.setWordWrap(True)  # a narrow window wraps it rather than growing
        self.print_button = QPushButton(icon("print"), "")
        self.print_button.setObjectName("print_card_button")
        self.print_button.clicked.connect(self.print_card)
        self.staff_tab = StaffTab(session)
        self.staff_tab.changed.connect(self.session.data_changed.emit)
        # The contacts tab is built when first shown (or asked for): the roster is what the page
        # opens on, and the app's start waits for this page. A speed trick (docs/architecture.md):
        # built with the page, the start to data shown went from 1.27-1.33x to 1.22-1.41x its
        # floor in `make bench` (target 1.3x); kept for the target, the ~30 ms is not felt.
        self._contacts_tab: ContactsTab | None = None
        self._contacts_holder = QWidget()
        self._contacts_holder.setObjectName("contacts_holder")
        holder_layout = QVBoxLayout(self._contacts_holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = PageTabs()
        self.tabs.setObjectName("people_tabs")
        self.tabs.setDocumentMode(False)
        self.tabs.addTab(self.staff_tab, icon("people"), "")
        self.tabs.addTab(self._contacts_holder, icon("contact"), "")
        # The Team tab too is built when first shown.
        self._team_tab: TeamTab | None = None
        self._team_holder = QWidget()
        self._team_holder.setObjectName("team_holder")
        team_layout = QVBoxLayout(self._team_holder)
        team_layout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self._team_holder, icon("user"), "")
        self.tabs.currentChanged.connect(self._on_tab_changed)

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.heading)
        titles.addWidget(self.intro)
        header.addLayout(titles, 1)
        header.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

        self.card_preview: PreviewDialog | None = None  # the preview opened last
        self.session.actor_changed.connect(self._on_actor_changed)
        self.retranslate()
        self._apply_role()

    @property
    def contacts_tab(self) -> ContactsTab:
        if self._contacts_tab is None:
            tab = self._contacts_tab = ContactsTab(self.session)
            tab.changed.connect(self.session.data_changed.emit)
            tab.set_editable(may(self.session.actor, "contact.update"))
            tab.reload()
            layout = self._contacts_holder.layout()
            assert layout is not None
            layout.addWidget(tab)
            tab.show()  # now, not on the next turn of the event loop (its parent may be showing)
        return self._contacts_tab

    @property
    def team_tab(self) -> TeamTab:
        if self._team_tab is None:
            from branchguard.gui.people.team import TeamTab

            tab = self._team_tab = TeamTab(self.session)
            tab.changed.connect(self.session.data_changed.emit)
            tab.apply_role()
            tab.reload()
            layout = self._team_holder.layout()
            assert layout is not None
            layout.addWidget(tab)
            tab.show()
        return self._team_tab

    def _built_tabs(self) -> list[StaffTab | ContactsTab | TeamTab]:
        built: list[StaffTab | ContactsTab | TeamTab] = [self.staff_tab]
        return built + [tab for tab in (self._contacts_tab, self._team_tab) if tab is not None]

    def _on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self._contacts_holder:
            self.contacts_tab  # noqa: B018 - builds it
        elif self.tabs.widget(index) is self._team_holder:
            self.team_tab  # noqa: B018 - builds it

    # -- page ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("People & contacts"))
        self.intro.setText(self.tr("Who works at the branch and whom to call in an emergency."))
        self.print_button.setText(self.tr("Preview / Print card…"))
        self.print_button.setToolTip(
            self.tr("The one-page emergency contact card to pin up by the counter: print it or save a PDF.")
        )
        self.tabs.setTabText(0, self.tr("Staff roster"))
        self.tabs.setTabText(1, self.tr("Emergency contacts"))
        self.tabs.setTabText(2, self.tr("Team && training"))
        for tab in self._built_tabs():
            tab.retranslate()

    def refresh(self) -> None:
        for tab in self._built_tabs():
            tab.reload()

    def _apply_role(self) -> None:
        self.staff_tab.set_editable(may(self.session.actor, "person.update"))
        if self._contacts_tab is not None:
            self._contacts_tab.set_editable(may(self.session.actor, "contact.update"))
        if self._team_tab is not None:
            self._team_tab.apply_role()

    def _on_actor_changed(self) -> None:
        self._apply_role()
        self.refresh()

    # -- contact card --------------------------------------------------------------------------
    def print_card(self) -> PreviewDialog:
        """The contact card in the print preview (built off the GUI thread)."""
        from branchguard.gui.kit.print_preview import preview_report  # PDFium and ReportLab on use

        services, actor = self.session.services, self.session.actor
        font_setting = str(self.session.ctx.config.settings.get("report_font") or "")

        def build(out: Path, note: AnchorNote) -> FontChoice:
            from branchguard.reports.contact_card import build_contact_card

            return build_contact_card(services, actor, out, font_setting, note)

        self.card_preview = preview_report(
            self, self.tr("Contact card"), build, file_name=default_card_path().name
        )
        return self.card_preview
