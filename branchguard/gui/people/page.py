"""People & contacts page: the staff roster, the emergency contacts and the printed contact card."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.kernel.i18n import current_language
from branchguard.core.kernel.roles import may
from branchguard.gui.kit.files import documents_folder
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.page import Page
from branchguard.gui.kit.tasks import TaskHandle, TaskProgress, run_task
from branchguard.gui.people.tabs import ContactsTab, StaffTab
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:
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
        self.print_button = QPushButton(icon("print"), "")
        self.print_button.setObjectName("print_card_button")
        self.print_button.clicked.connect(self.print_card)
        self.busy = QProgressBar()
        self.busy.setObjectName("print_card_busy")
        self.busy.setRange(0, 0)  # indeterminate: the card is one step
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        self.busy.hide()
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
        self.tabs = QTabWidget()
        self.tabs.setObjectName("people_tabs")
        self.tabs.setDocumentMode(False)
        self.tabs.addTab(self.staff_tab, icon("people"), "")
        self.tabs.addTab(self._contacts_holder, icon("contact"), "")
        self.tabs.currentChanged.connect(self._on_tab_changed)

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.heading)
        titles.addWidget(self.intro)
        header.addLayout(titles, 1)
        header.addWidget(self.busy)
        header.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

        self.card_task: TaskHandle | None = None
        self.card_message: QMessageBox | None = None
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

    def _built_tabs(self) -> list[StaffTab | ContactsTab]:
        return [self.staff_tab] + ([self._contacts_tab] if self._contacts_tab is not None else [])

    def _on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self._contacts_holder:
            self.contacts_tab  # noqa: B018 - builds it

    # -- page ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("People & contacts"))
        self.intro.setText(self.tr("Who works at the branch and whom to call in an emergency."))
        self.print_button.setText(self.tr("Print contact card…"))
        self.print_button.setToolTip(
            self.tr("Save the one-page emergency contact card as a PDF to pin up by the counter.")
        )
        self.tabs.setTabText(0, self.tr("Staff roster"))
        self.tabs.setTabText(1, self.tr("Emergency contacts"))
        for tab in self._built_tabs():
            tab.retranslate()

    def refresh(self) -> None:
        for tab in self._built_tabs():
            tab.reload()

    def _apply_role(self) -> None:
        self.staff_tab.set_editable(may(self.session.actor, "person.update"))
        if self._contacts_tab is not None:
            self._contacts_tab.set_editable(may(self.session.actor, "contact.update"))

    def _on_actor_changed(self) -> None:
        self._apply_role()
        self.refresh()

    # -- contact card --------------------------------------------------------------------------
    def print_card(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the contact card"), str(default_card_path()), self.tr("PDF files (*.pdf)")
        )
        if not chosen:
            return
        out = Path(chosen)
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        services, actor = self.session.services, self.session.actor
        font_setting = str(self.session.ctx.config.settings.get("report_font") or "")

        def work(_progress: TaskProgress) -> FontChoice:
            # Imported here: ReportLab is heavy and only needed once someone prints.
            from branchguard.reports.contact_card import build_contact_card

            return build_contact_card(services, actor, out, font_setting)

        self.print_button.setEnabled(False)
        self.busy.show()
        self.card_task = run_task(
            work,
            on_done=lambda font: self._card_done(out, font),
            on_error=self._card_failed,
            parent=self,
            title=self.tr("Printing the contact card…"),
        )

    def _card_finished(self) -> None:
        self.card_task = None
        self.busy.hide()
        self.print_button.setEnabled(True)

    def _card_done(self, path: Path, font: FontChoice) -> None:
        self._card_finished()
        box = QMessageBox(self)
        box.setObjectName("card_saved_message")
        box.setWindowTitle(self.tr("Contact card"))
        box.setText(self.tr("The contact card was saved to %1.").replace("%1", str(path)))
        if font.warning:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setInformativeText(
                self.tr("The report font fell back: %1").replace("%1", font.warning)
            )
        else:
            box.setIcon(QMessageBox.Icon.Information)
        open_button = box.addButton(self.tr("Open"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
        self.card_message = box
        box.open()

    def _card_failed(self, message: str) -> None:
        self._card_finished()
        text = self.tr("The contact card could not be saved: %1").replace("%1", message)
        QMessageBox.warning(self, self.tr("Contact card"), text)
