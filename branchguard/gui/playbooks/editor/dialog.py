"""The playbook editor: create a plan or edit one as a draft version, with undo, save and approve.
The plan and the branch's contacts are read as it opens, a save and an approval written, off the
GUI thread (gui/kit/dialog_work.py); meanwhile the tabs and buttons wait."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.kernel.errors import BranchGuardError, StaleRecord, ValidationError
from branchguard.core.kernel.roles import may
from branchguard.core.kernel.types import PlaybookStatus
from branchguard.core.people.types import ContactInfo
from branchguard.core.playbooks.types import PlaybookVersion
from branchguard.gui.kit.dialog_work import DialogWork
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.screen import resize_within_screen
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.tabs import tab_home
from branchguard.gui.playbooks.editor.attachments_box import AttachmentsBox
from branchguard.gui.playbooks.editor.keys import (
    CTRL_SHIFT_Z,
    CTRL_Y,
    KEY,
    TYPING,
    EditorUndoKeys,
    key_list,
)
from branchguard.gui.playbooks.editor.languages_note import LanguagesNote
from branchguard.gui.playbooks.editor.meta_form import MetadataForm
from branchguard.gui.playbooks.editor.roles_model import RolesModel
from branchguard.gui.playbooks.editor.roles_panel import RolesPanel
from branchguard.gui.playbooks.editor.state import MetaState, blank_content
from branchguard.gui.playbooks.editor.steps_model import StepsModel
from branchguard.gui.playbooks.editor.steps_panel import StepsPanel
from branchguard.gui.shell.session import GuiSession

UNDO_TEXT_WIDTH = 300  # px: a long command name is elided on the button, in full in its tooltip
Read = tuple[list[ContactInfo], PlaybookVersion | None, list[PlaybookVersion]]
Stored = tuple[PlaybookVersion, list[PlaybookVersion] | None]  # the version, and the history if read


class PlaybookEditor(QDialog):
    """Create a plan (`code` None) or edit one. Saving an approved plan makes a new draft
    version; the approved one stays in force until the draft is approved. `saved(code)` fires
    after every successful save or approval. `work` reads and writes off the GUI thread."""

    saved = Signal(str)

    def __init__(self, session: GuiSession, code: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playbook_editor")
        self.session = session
        self.code = code
        self.version: PlaybookVersion | None = None
        self.history: list[PlaybookVersion] = []
        self.read_only = not may(session.actor, "playbook.update")
        self._loading = False

        self.stack = QUndoStack(self)
        self.meta = MetaState(self)
        self.steps = StepsModel(self.stack, self)
        self.roles = RolesModel(self.stack, self.steps, self)
        self.steps.set_role_label(self.roles.label)
        for signal in (self.roles.dataChanged, self.roles.rowsInserted, self.roles.rowsRemoved):
            signal.connect(lambda *_: self._roles_changed())
        # The tabs in the dialog first, the panels made where they stay (kit/tabs.py, tab_home): each
        # move of a built panel restyled every widget in it, and its tables read every row again.
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("editor_tabs")
        layout.addWidget(self.tabs, 1)
        home = tab_home(self.tabs)
        self.attachments = AttachmentsBox(session, self.meta, self.stack)
        self.general = MetadataForm(self.meta, self.stack, self.attachments, home)
        self.roles_panel = RolesPanel(self.roles, self.meta, self.stack, [], home)  # the contacts once read
        self.steps_panel = StepsPanel(self.steps, self.roles, home)
        self.tabs.addTab(self.general, icon("playbook"), "")
        self.tabs.addTab(self.roles_panel, icon("people"), "")
        self.tabs.addTab(self.steps_panel, icon("steps"), "")

        self.banner = QLabel()
        self.banner.setObjectName("editor_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel#editor_banner { background: #E0F2F1; border: 1px solid #80CBC4;"
            " border-radius: 5px; padding: 7px 10px; }"
        )
        self.error = error_label("editor_error")
        self.languages = LanguagesNote(lambda: self.meta.content(self.roles.roles(), self.steps.steps()))
        self.work = DialogWork(self, None, self.error)  # the buttons follow `_update_mode`
        self.status = QLabel()
        self.status.setObjectName("editor_status")
        self.status.setProperty("role", "hint")

        self.undo_action = self._action("undo", key_list(KEY.Undo), self.stack.undo)
        self.redo_action = self._action("redo", key_list(KEY.Redo, CTRL_SHIFT_Z, CTRL_Y), self.stack.redo)
        self.undo_button = self._button("undo", "undo", self.undo_action.trigger)
        self.redo_button = self._button("redo", "redo", self.redo_action.trigger)
        # The accent button carries no icon: the line icons are drawn dark, for light buttons.
        self.save_button = self._button("save", "", lambda: self.save())  # not save(checked)
        self.save_button.setProperty("accent", True)
        self.approve_button = self._button("approve", "approve", self.approve)
        self.close_button = self._button("close", "", self.reject)
        self.save_action = self._action("save", [QKeySequence(KEY.Save)], lambda: self.save())

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.redo_button)
        buttons.addSpacing(8)
        buttons.addWidget(self.work.note)
        buttons.addWidget(self.status, 1)
        for button in (self.save_button, self.approve_button, self.close_button):
            buttons.addWidget(button)
        layout.setContentsMargins(14, 14, 14, 12)
        layout.setSpacing(10)
        layout.insertWidget(0, self.banner)
        layout.addWidget(self.languages)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self.stack.cleanChanged.connect(lambda _clean: self._stack_changed(mode=True))
        self.stack.indexChanged.connect(lambda _index: self._stack_changed(mode=False))
        self.stack.indexChanged.connect(lambda _index: self.languages.update_note())  # every edit, undo
        self.meta.changed.connect(self._meta_changed)
        self.steps.step_changed.connect(lambda _key: self._reveal(self.steps_panel))
        for signal in (self.steps.rowsInserted, self.steps.rowsRemoved, self.steps.modelReset):
            signal.connect(lambda *_: self._update_step_count())

        self._load()
        self.work.changed.connect(self._update_mode)
        self._undo_keys = EditorUndoKeys(self)
        for widget in self.findChildren(QWidget):
            if isinstance(widget, TYPING):
                widget.installEventFilter(self._undo_keys)
        for push_button in self.findChildren(QPushButton):
            # Enter in a text box must not press a button (a dialog's buttons are auto-default).
            push_button.setAutoDefault(False)
        self.retranslate()
        # No minimum height of its own: the General tab scrolls, so Save and Close stay on a
        # 614-line screen (1366×768 at 125 %).
        self.setMinimumWidth(900)
        resize_within_screen(self, 1180, 800)

    def _action(self, name: str, keys: list[QKeySequence], slot: object) -> QAction:
        action = QAction(self)
        action.setObjectName(f"{name}_action")
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _button(self, name: str, icon_name: str, slot: object) -> QPushButton:
        button = QPushButton(icon(icon_name), "") if icon_name else QPushButton()
        button.setObjectName(f"{name}_button")
        button.clicked.connect(slot)
        return button

    # -- loading -------------------------------------------------------------------------------
    def _load(self) -> None:
        """The branch's contacts, and the plan (its draft first) with its history, read off the GUI
        thread; the tabs wait meanwhile, blank."""
        services, actor, code = self.session.services, self.session.actor, self.code

        def load() -> Read:
            contacts = services.people.list_contacts(actor)
            if code is None:
                return contacts, None, []
            version = services.playbooks.get(actor, code, prefer_draft=True)
            return contacts, version, services.playbooks.history(actor, code)

        self.work.read(load, self._loaded)

    def _loaded(self, read: Read) -> None:
        contacts, self.version, self.history = read
        content = blank_content() if self.version is None else self.version.content
        if self.version is not None:
            self.code = content.code
        self.roles_panel.branch_contacts = contacts
        self.roles_panel.show_contacts()
        self._loading = True
        try:
            self.meta.load(content)
            self.roles.load(content.roles)
            self.steps.load(content.steps)
        finally:
            self._loading = False
        if self.code is not None:
            self.meta.lock("code", self.code)
        self.general.set_code_locked(self.code is not None)
        self.general.set_read_only(self.read_only)
        self.attachments.set_read_only(self.read_only)
        self.roles_panel.set_read_only(self.read_only)
        self.steps_panel.set_read_only(self.read_only)
        for widget in (self.undo_button, self.redo_button, self.save_button, self.approve_button):
            widget.setVisible(not self.read_only)
        for action in (self.undo_action, self.redo_action, self.save_action):
            action.setEnabled(not self.read_only)
        self.stack.clear()
        self._compare_languages()
        self.steps_panel.select_row(0)
        self.tabs.setCurrentWidget(self.general if self.code is None else self.steps_panel)
        self._update_mode()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("General"))
        self.tabs.setTabText(1, self.tr("Roles and contacts"))
        self.undo_action.setText(self.tr("Undo"))
        self.redo_action.setText(self.tr("Redo"))
        self.save_action.setText(self.tr("Save"))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the plan as a draft (Ctrl+S)"))
        self.approve_button.setText(self.tr("Approve…"))
        self.approve_button.setToolTip(
            self.tr("Save, then publish the draft: it comes into force and the previous version is retired")
        )
        self.close_button.setText(self.tr("Close"))
        self.general.retranslate()
        self.attachments.retranslate()
        self.roles_panel.retranslate()
        self.steps_panel.retranslate()
        self.languages.update_note()
        self._update_step_count()
        self._update_mode()

    # -- what the window says ------------------------------------------------------------------
    def _versions(self) -> tuple[PlaybookVersion | None, PlaybookVersion | None]:
        """The approved version and the draft, from the history."""
        approved = next((v for v in self.history if v.info.status is PlaybookStatus.APPROVED), None)
        draft = next((v for v in self.history if v.info.status is PlaybookStatus.DRAFT), None)
        return approved, draft

    def _next_number(self) -> int:
        return max((v.info.number for v in self.history), default=0) + 1

    def _update_mode(self) -> None:
        approved, draft = self._versions()
        code = self.code or ""
        if self.work.reading() and self.code is not None:  # which version it is: not known yet
            title, banner = self.tr("Playbook %1").replace("%1", code), ""
        elif self.read_only:
            number = self.version.info.number if self.version else 0
            title = self.tr("Playbook %1 — version %2 (read only)").replace("%1", code)
            title = title.replace("%2", str(number))
            banner = self.tr("Read only: only the safety lead can edit playbooks.")
        elif self.code is None:
            title = self.tr("New playbook[*]")
            banner = self.tr(
                "New plan: saving creates draft version 1. It comes into force once you approve it."
            )
        elif draft is not None:
            title = self.tr("Playbook %1 — draft version %2[*]").replace("%1", code)
            title = title.replace("%2", str(draft.info.number))
            if approved is not None:
                banner = self.tr(
                    "Editing draft version %1. "
                    "The approved version %2 stays in force until you approve the draft."
                ).replace("%2", str(approved.info.number))
            else:
                banner = self.tr("Editing draft version %1. The plan is not in force until you approve it.")
            banner = banner.replace("%1", str(draft.info.number))
        else:
            following = str(self._next_number())
            title = self.tr("Playbook %1 — editing creates draft version %2[*]").replace("%1", code)
            title = title.replace("%2", following)
            banner = self.tr(
                "Editing creates draft version %1; "
                "the approved version %2 stays in force until you approve the draft."
            ).replace("%1", following)
            banner = banner.replace("%2", str(approved.info.number) if approved else "—")
        self.setWindowTitle(title)
        self.banner.setText(banner)
        self.banner.setVisible(bool(banner))
        dirty, ready = not self.stack.isClean(), self.work.ready()
        self.setWindowModified(dirty)
        self.save_button.setEnabled(dirty and not self.read_only and ready)
        self.approve_button.setEnabled(not self.read_only and (dirty or draft is not None) and ready)
        self.tabs.setEnabled(self._filled())  # blank until the plan is read
        self.close_button.setEnabled(not self.work.saving())
        self._update_undo_buttons()

    def _stack_changed(self, mode: bool) -> None:
        # The stack is deleted with the dialog and reports its last clear on the way out.
        if not shiboken6.isValid(self.stack) or not shiboken6.isValid(self.undo_button):
            return
        if mode:
            self._update_mode()
        else:
            self._update_undo_buttons()

    def _update_undo_buttons(self) -> None:
        stack = self.stack
        for button, action, can, text, prefix in (
            (self.undo_button, self.undo_action, stack.canUndo(), stack.undoText(), self.tr("Undo")),
            (self.redo_button, self.redo_action, stack.canRedo(), stack.redoText(), self.tr("Redo")),
        ):
            full = self.tr("%1 %2").replace("%1", prefix).replace("%2", text) if text else prefix
            metrics = button.fontMetrics()
            button.setText(metrics.elidedText(full, Qt.TextElideMode.ElideRight, UNDO_TEXT_WIDTH))
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
            button.setToolTip(f"{full} ({keys})")
            live = can and not self.read_only and self._filled()
            action.setEnabled(live)
            button.setEnabled(live)

    def _filled(self) -> bool:
        """The plan is read: it may be edited (also while a save is under way)."""
        return self.work.ready() or self.work.saving()

    def _update_step_count(self) -> None:
        self.tabs.setTabText(2, self.tr("Steps (%1)").replace("%1", str(self.steps.rowCount())))

    def _reveal(self, tab: QWidget) -> None:
        """Undo and redo may change something on another tab: show the user what changed."""
        if not self._loading and self.tabs.currentWidget() is not tab:
            self.tabs.setCurrentWidget(tab)

    def _meta_changed(self, name: str) -> None:
        self._reveal(self.roles_panel if name == "contacts" else self.general)

    def _roles_changed(self) -> None:
        self.steps.set_role_label(self.roles.label)
        self._reveal(self.roles_panel)

    # -- saving --------------------------------------------------------------------------------
    def save(self, then: Callable[[], object] | None = None) -> bool:
        """Save as a draft off the GUI thread, then `then()`; False when nothing started (read
        only, reading, or a save under way). A refusal (a fault too: a locked or full database,
        another PC's save first) is shown where and why, with nothing written.

        The service is told the version the editor was opened with (or last saved), and refuses
        when another PC has saved or made a draft since: saving every field would undo its work."""
        if self.read_only or not self.work.ready():
            return False
        self._clear_errors()
        content = self.meta.content(self.roles.roles(), self.steps.steps())
        playbooks, actor = self.session.services.playbooks, self.session.actor
        code, opened, index = self.code, self.version, self.stack.index()

        def call() -> Stored:
            if code is None:
                version = playbooks.create(actor, content)
            else:
                version = playbooks.save_draft(actor, code, content, opened=opened)
            return version, _history(lambda: playbooks.history(actor, version.info.code))

        return self.work.save(call, lambda stored: self._saved(stored, index, then), self._refused)

    def _saved(self, stored: Stored, index: int, then: Callable[[], object] | None) -> None:
        """Stored as the undo stack stood at `index`: clean there, unless edited meanwhile."""
        version, history = stored
        self.code = version.info.code
        self.meta.lock("code", self.code)
        self.general.set_code_locked(True)
        self.version = version
        self._set_history(version, history)
        if self.stack.index() == index:
            self.stack.setClean()
        self.status.setText(self.tr("Saved as draft version %1.").replace("%1", str(version.info.number)))
        self._update_mode()
        self.saved.emit(self.code)
        if then is not None:
            then()

    def _set_history(self, version: PlaybookVersion, history: list[PlaybookVersion] | None) -> None:
        """The history read with the write; if that read failed, the one held with `version` in it."""
        if history is None:
            history = [version, *(v for v in self.history if v.info.number != version.info.number)]
        self.history = history
        self._compare_languages()

    def _compare_languages(self) -> None:
        approved, _draft = self._versions()
        self.languages.compare_with(approved.content if approved is not None else None)

    def _refused(self, exc: BranchGuardError) -> bool:
        if isinstance(exc, ValidationError):
            self.show_validation(exc)
            return True
        if isinstance(exc, StaleRecord):
            self._refused_as_stale(exc)
            return True
        return False

    def approve(self) -> None:
        """Save first when there is something to save, then ask, then approve off the GUI thread."""
        if self.read_only or not self.work.ready():
            return
        if self.code is None or not self.stack.isClean():
            self.save(then=self._ask_approve)
            return
        self._ask_approve()

    def _ask_approve(self) -> None:
        _approved, draft = self._versions()
        if draft is None or self.code is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Approve the draft"),
            self.tr(
                "Approve draft version %1 of %2? "
                "It comes into force at once and the version in force now is retired."
            )
            .replace("%1", str(draft.info.number))
            .replace("%2", self.code)
            + (f"\n\n{self.languages.text()}" if self.languages.text() else ""),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        playbooks, actor, code = self.session.services.playbooks, self.session.actor, self.code

        def call() -> Stored:
            version = playbooks.approve(actor, code, opened=draft)  # the draft as shown here
            return version, _history(lambda: playbooks.history(actor, code))

        self.work.save(call, self._approved)

    def _approved(self, stored: Stored) -> None:
        version, history = stored
        self.version = version
        self._set_history(version, history)
        self.status.setText(
            self.tr("Version %1 approved: it is now in force.").replace("%1", str(version.info.number))
        )
        self._update_mode()
        self.saved.emit(version.info.code)

    # -- errors --------------------------------------------------------------------------------
    def show_validation(self, exc: ValidationError) -> None:
        """Go to the tab, row and input the error's path names, and say what is wrong there."""
        path = exc.path
        head = path[0] if path else ""
        if head == "steps":
            self.tabs.setCurrentWidget(self.steps_panel)
            if len(path) > 1 and isinstance(path[1], int):
                self.steps_panel.show_error(path[1], path[2:], exc.reason)
            else:
                self.steps_panel.table.setFocus()
        elif head in ("roles", "contacts"):
            self.tabs.setCurrentWidget(self.roles_panel)
            self.roles_panel.show_error(path, exc.reason)
        else:
            self.tabs.setCurrentWidget(self.general)
            if not self.general.show_error(path, exc.reason):
                self.general.form.show_validation(exc)
        self._show_error(exc.message)

    def _refused_as_stale(self, exc: StaleRecord) -> None:
        """Another PC changed the draft since this editor opened: the user's edits stay here, unsaved
        and still undoable, to be copied; the editor keeps the version it opened as its base, so
        a second Save is refused too instead of overwriting. Reopening the plan shows it as it is."""
        hint = self.tr(
            "Your edits stay in this window so that you can copy them. "
            "Close it and open the plan again to see the plan as it is now."
        )
        self._show_error(f"{exc.message}\n{hint}")

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _clear_errors(self) -> None:
        self.error.hide()
        self.error.clear()
        self.status.clear()
        self.general.clear_errors()
        self.roles_panel.clear_errors()
        self.steps_panel.form.clear_errors()

    # -- leaving -------------------------------------------------------------------------------
    # Close, Esc and the window's X ask before unsaved changes go (gui/kit/discard.py), by the undo
    # stack rather than by the fields: a step moved or deleted is a change no field shows.
    def unsaved_changes(self) -> bool:
        return not self.read_only and not self.stack.isClean()

    def save_changes(self) -> bool:
        """The question's "Save": the dialog closes once the draft is saved (not yet: False)."""
        self.save(then=self.accept)
        return False


def _history(read: Callable[[], list[PlaybookVersion]]) -> list[PlaybookVersion] | None:
    """The history read after a write (Qt-free); None when it cannot be: the write stands."""
    try:
        return read()
    except BranchGuardError:
        return None
