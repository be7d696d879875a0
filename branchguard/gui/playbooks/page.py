"""Playbooks page: the plan library with filters and search, a preview as staff see it, and its actions.
Approving and discarding a draft read and write off the GUI thread, their buttons waiting."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.kernel.roles import may
from branchguard.core.kernel.types import PlaybookStatus
from branchguard.core.playbooks.rules import linked_plans
from branchguard.core.playbooks.types import PlaybookSummary, PlaybookVersion
from branchguard.gui.audit.record_band import LedgerBand
from branchguard.gui.kit.flow import FlowLayout
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.page import Page
from branchguard.gui.kit.plain import literal
from branchguard.gui.kit.writer import writer
from branchguard.gui.playbooks.guide_actions import GuideActions
from branchguard.gui.playbooks.history import PlaybookHistoryDialog
from branchguard.gui.playbooks.list_view import PlaybookList
from branchguard.gui.playbooks.preview import PlaybookPreview
from branchguard.gui.playbooks.transfer import PlaybookFiles
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:  # named here, the editor is imported ahead with the pages (gui/kit/preload.py)
    from branchguard.gui.playbooks.editor import PlaybookEditor


class PlaybooksPage(Page):
    page_id = "playbooks"

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.heading = QLabel()
        self.heading.setProperty("role", "page-title")
        self.intro = QLabel()
        self.intro.setProperty("role", "hint")
        self.intro.setWordWrap(True)  # wraps at larger text rather than widen the page
        self.files = PlaybookFiles(session, self)
        self.files.imported.connect(self._imported)
        self.files.busy_changed.connect(self._set_busy)
        self._make_buttons()
        self.list = PlaybookList(session)
        self.list.current_changed.connect(self._current_changed)
        self.list.selection_changed.connect(self.update_actions)
        self.list.activated.connect(self.edit_plan)
        self.preview = PlaybookPreview()
        self.guide_actions = GuideActions(session)
        self._guide_from: tuple[str, int] | None = None  # (guide code, the incident it was opened from)
        self.preview_loader = Loader(self, on_error=self.preview.show_message)
        self.draft_loader = Loader(self, on_error=lambda message: self._write_failed(self._acting, message))
        self._acting = ""  # the title of an approval or discard under way: no second one meanwhile
        self.list.failed.connect(self.preview.show_message)
        self.draft_toggle = QCheckBox()
        self.draft_toggle.setObjectName("show_draft_toggle")
        self.draft_toggle.toggled.connect(lambda _on: self._show_preview())
        self.ledger_band = LedgerBand(session, self)  # the version shown or a step rewritten outside
        self.preview_note = QLabel()
        self.preview_note.setObjectName("preview_note")
        self.preview_note.setProperty("role", "hint")
        self.busy = QProgressBar()
        self.busy.setObjectName("playbooks_busy")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self._layout()
        self.editor: PlaybookEditor | None = None
        self.history_dialog: PlaybookHistoryDialog | None = None
        self.session.actor_changed.connect(self._apply_role)
        self.retranslate()
        self._apply_role()

    # -- building ------------------------------------------------------------------------------
    def _button(self, name: str, icon_name: str, slot: Callable[[], object] | None) -> QPushButton:
        button = QPushButton(icon(icon_name), "")
        button.setObjectName(f"playbook_{name}_button")
        if slot is not None:
            button.clicked.connect(slot)
        return button

    def _make_buttons(self) -> None:
        self.new_button = self._button("new", "add", self.new_plan)
        self.edit_button = self._button("edit", "edit", self.edit_plan)
        self.approve_button = self._button("approve", "playbook", self.approve)
        self.discard_button = self._button("discard", "delete", self.discard_draft)
        self.history_button = self._button("history", "calendar", self.show_history)
        self.import_button = self._button("import", "import", self.files.choose_import)
        self.export_button = self._button("export", "export", None)  # opens its menu
        self.print_button = self._button("print", "print", self.print_card)
        self.export_selected_action = QAction(self)
        self.export_selected_action.triggered.connect(lambda: self.files.export(self.selected_codes()))
        self.export_all_action = QAction(self)
        self.export_all_action.triggered.connect(lambda: self.files.export(None))
        menu = QMenu(self)
        menu.addAction(self.export_selected_action)
        menu.addAction(self.export_all_action)
        self.export_button.setMenu(menu)

    def _layout(self) -> None:
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.heading)
        titles.addWidget(self.intro)
        header.addLayout(titles, 1)
        header.addWidget(self.busy)
        tools = FlowLayout(spacing=6)  # wraps on a small screen instead of widening the window
        for button in (
            self.new_button,
            self.edit_button,
            self.approve_button,
            self.discard_button,
            self.history_button,
        ):
            tools.add_widget(button)
        tools.add_stretch()
        for button in (self.import_button, self.export_button, self.print_button):
            tools.add_widget(button)
        preview_side = QWidget()
        preview_layout = QVBoxLayout(preview_side)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.setSpacing(4)
        top = QHBoxLayout()
        top.addWidget(self.preview_note, 1)
        top.addWidget(self.draft_toggle)
        preview_layout.addLayout(top)
        preview_layout.addWidget(self.ledger_band)
        preview_layout.addWidget(self.preview, 1)
        preview_layout.addWidget(self.guide_actions)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("playbook_splitter")
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(preview_side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addLayout(tools)
        layout.addLayout(self.list.filter_row)
        layout.addWidget(self.splitter, 1)

    # -- page ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Playbooks"))
        self.intro.setText(self.tr("The branch's emergency plans: what to do, who does it, whom to call."))
        self.new_button.setText(self.tr("New…"))
        self.new_button.setToolTip(self.tr("Write a new plan"))
        self.edit_button.setText(self.tr("Edit…"))
        self.edit_button.setToolTip(
            self.tr("Edit the selected plan; an approved plan gets a new draft version")
        )
        self.approve_button.setText(self.tr("Approve…"))
        self.approve_button.setToolTip(self.tr("Publish the draft; the version in use now is retired"))
        self.discard_button.setText(self.tr("Discard draft…"))
        self.history_button.setText(self.tr("History…"))
        self.history_button.setToolTip(self.tr("Every version of the selected plan; compare two of them"))
        self.import_button.setText(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Add or update plans from a head-office file (YAML or JSON)"))
        self.export_button.setText(self.tr("Export"))
        self.export_selected_action.setText(self.tr("Selected plans…"))
        self.export_all_action.setText(self.tr("All plans…"))
        self.print_button.setText(self.tr("Preview / Print…"))
        self.print_button.setToolTip(
            self.tr("Save the plan as a one- or two-page card for the counter drawer")
        )
        self.draft_toggle.setText(self.tr("Show the draft"))
        self.list.retranslate()
        self.preview.retranslate()
        self.guide_actions.retranslate()

    def refresh(self) -> None:
        """The list and the plan shown, read side by side: a list that comes back unchanged keeps
        its selection and asks for nothing (one that changed chooses again, and that choice reads
        its plan). After the list, the two reads took 14 ms at ten years; side by side 10 ms."""
        self.list.reload()
        if self.current_summary() is not None:
            self._show_preview()

    def current_summary(self) -> PlaybookSummary | None:
        return self.list.current_summary()

    def selected_codes(self) -> list[str]:
        return self.list.selected_codes()

    def select_code(self, code: str) -> None:
        self.list.select_code(code)

    def show_guide(self, code: str, incident_id: int | None = None) -> None:
        """Show a service guide; `incident_id` the incident it is opened from (a complaint opened
        from it is linked to that incident)."""
        self._guide_from = (code, incident_id) if incident_id is not None else None
        summary = self.current_summary()
        if summary is not None and summary.code == code:
            self._show_preview()  # shown already: again, with its incident
        else:
            self.select_code(code)

    def _apply_role(self) -> None:
        """A role that may not change plans does not get the controls (the services refuse it
        anyway). Everyone may read, export and print."""
        actor = self.session.actor
        self.new_button.setVisible(may(actor, "playbook.create"))
        self.edit_button.setVisible(may(actor, "playbook.update"))
        self.approve_button.setVisible(may(actor, "playbook.approve"))
        self.discard_button.setVisible(may(actor, "playbook.discard_draft"))
        self.import_button.setVisible(may(actor, "playbook.import"))
        self.guide_actions.show_for(self.preview.version, self.preview.links, self.guide_actions.incident_id)
        self.update_actions()

    # -- preview -------------------------------------------------------------------------------
    def _current_changed(self) -> None:
        summary = self.current_summary()
        has_draft = summary is not None and summary.has_draft and summary.status != PlaybookStatus.DRAFT
        self.draft_toggle.blockSignals(True)
        self.draft_toggle.setVisible(has_draft)
        if not has_draft:
            self.draft_toggle.setChecked(False)
        self.draft_toggle.blockSignals(False)
        self._show_preview()
        self.update_actions()

    def _show_preview(self) -> None:
        summary = self.current_summary()
        self.guide_actions.show_for(None, ())
        if summary is None:
            self.preview_loader.drop()
            self.preview.show_message(self.tr("Select a plan to read it here."))
            self.preview_note.clear()
            self.ledger_band.clear()
            return
        services, actor, draft = self.session.services, self.session.actor, self.draft_toggle.isChecked()

        def load() -> tuple[PlaybookVersion, list[str]]:
            version = services.playbooks.get(actor, summary.code, prefer_draft=draft)
            c = version.content
            plans = services.playbooks.list_playbooks(actor) if not c.tier.is_plan else []
            return version, linked_plans(c.tier, c.category, plans)

        self.preview_loader.run(load, lambda loaded: self._show_version(summary, *loaded))

    def _show_version(self, summary: PlaybookSummary, version: PlaybookVersion, links: list[str]) -> None:
        self.preview.show_version(version, links)
        self.ledger_band.check("playbook_version", version.info.version_id)
        came_from = self._guide_from[1] if self._guide_from and self._guide_from[0] == summary.code else None
        self.guide_actions.show_for(version, links, came_from)
        if version.info.status == PlaybookStatus.DRAFT and summary.status != PlaybookStatus.DRAFT:
            note = self.tr("Draft version %1, not yet approved").replace("%1", str(version.info.number))
        elif summary.has_draft and summary.status != PlaybookStatus.DRAFT:
            note = self.tr("Version %1 in use; a draft is waiting for approval").replace(
                "%1", str(version.info.number)
            )
        else:
            note = self.tr("Version %1").replace("%1", str(version.info.number))
        self.preview_note.setText(note)

    def update_actions(self) -> None:
        summary = self.current_summary()
        actor, busy = self.session.actor, self.files.task is not None
        draft = summary is not None and summary.has_draft
        self.new_button.setEnabled(may(actor, "playbook.create") and not busy)
        self.edit_button.setEnabled(may(actor, "playbook.update") and summary is not None)
        self.approve_button.setEnabled(may(actor, "playbook.approve") and draft and not self._acting)
        self.discard_button.setEnabled(may(actor, "playbook.discard_draft") and draft and not self._acting)
        self.import_button.setEnabled(may(actor, "playbook.import") and not busy)
        self.history_button.setEnabled(summary is not None)
        self.print_button.setEnabled(summary is not None and not busy)
        count = len(self.selected_codes())
        self.export_selected_action.setEnabled(count > 0)
        self.export_selected_action.setText(self.tr("Selected plans (%1)…").replace("%1", str(count)))

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.update_actions()

    # -- commands ------------------------------------------------------------------------------
    def new_plan(self) -> None:
        if may(self.session.actor, "playbook.create"):
            self._open_editor(None)

    def edit_plan(self) -> None:
        summary = self.current_summary()
        if may(self.session.actor, "playbook.update") and summary is not None:
            self._open_editor(summary.code)

    def _open_editor(self, code: str | None) -> None:
        from branchguard.gui.playbooks.editor import PlaybookEditor

        editor = PlaybookEditor(self.session, code, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self._saved)
        editor.destroyed.connect(lambda *_: setattr(self, "editor", None))
        self.editor = editor
        editor.open()

    def _saved(self, code: str) -> None:
        self._changed()
        self.select_code(code)

    def _changed(self) -> None:
        # The main window refreshes the page in front on data_changed; a page on its own (or
        # behind another) reloads itself. Never both: a large library takes a while to list.
        loads = self.list.loads
        self.session.data_changed.emit("playbook")
        if self.list.loads == loads:
            self.list.reload()

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            literal(text),  # it names the plan by its title
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _warn(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, literal(message))  # a refusal may quote the plan's title

    def approve(self) -> None:
        """The draft read (off the GUI thread), the question naming it, then its approval written."""
        summary = self.current_summary()
        if not may(self.session.actor, "playbook.approve") or summary is None or not summary.has_draft:
            return
        if self._acting:
            return
        playbooks, actor, code = self.session.services.playbooks, self.session.actor, summary.code
        self._act(self.tr("Approve the draft"))
        self.draft_loader.run(
            lambda: playbooks.get(actor, code, prefer_draft=True),
            lambda draft: self._ask_approve(summary, draft),
        )

    def _ask_approve(self, summary: PlaybookSummary, draft: PlaybookVersion) -> None:
        playbooks, actor, title = self.session.services.playbooks, self.session.actor, self._acting
        text = self.tr("Approve version %1 of %2 “%3”?").replace("%1", str(draft.info.number))
        text = text.replace("%2", summary.code).replace("%3", draft.content.title.text)
        if summary.status == PlaybookStatus.APPROVED:
            text += "\n" + self.tr("It replaces version %1, which is retired.").replace(
                "%1", str(summary.version)
            )
        if not self._confirm(title, text):
            self._act("")
            return
        code = summary.code
        self._write(lambda: playbooks.approve(actor, code, opened=draft), code)  # as the question named it

    def discard_draft(self) -> None:
        summary = self.current_summary()
        if not may(self.session.actor, "playbook.discard_draft") or summary is None or not summary.has_draft:
            return
        if self._acting:
            return
        title = self.tr("Discard the draft")
        if summary.status == PlaybookStatus.DRAFT:
            text = self.tr("%1 has never been approved: discarding its draft removes the plan. Continue?")
        else:
            text = self.tr("Discard the draft of %1? The approved version stays in use.")
        if not self._confirm(title, text.replace("%1", summary.code)):
            return
        self._act(title)
        playbooks, actor, code = self.session.services.playbooks, self.session.actor, summary.code
        self._write(lambda: playbooks.discard_draft(actor, code), code)

    def _act(self, title: str) -> None:
        self._acting = title
        self.update_actions()

    def _write(self, work: Callable[[], object], code: str) -> None:
        """An approval or discard on the writer's thread; a refusal warned under `_acting`'s title."""
        title = self._acting
        writer().submit(
            work, on_done=lambda _result: self._wrote(code), on_error=lambda m: self._write_failed(title, m)
        )

    def _wrote(self, code: str) -> None:
        self._act("")
        self.draft_toggle.setChecked(False)
        self._saved(code)

    def _write_failed(self, title: str, message: str) -> None:
        self._act("")
        self._warn(title, message)

    def show_history(self) -> PlaybookHistoryDialog | None:
        summary = self.current_summary()
        if summary is None:
            return None
        dialog = PlaybookHistoryDialog(self.session, summary.code, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: setattr(self, "history_dialog", None))
        self.history_dialog = dialog
        dialog.open()
        return dialog

    def print_card(self) -> None:
        summary = self.current_summary()
        if summary is None:
            return
        number = self.preview.version.info.number if self.preview.version is not None else None
        self.files.print_card(summary.code, number)

    def _imported(self, _plan: object) -> None:
        self._changed()
