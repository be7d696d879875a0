"""User accounts on the Settings page (lead only): list, add, reset password, unlock, disable; every
write off the GUI thread (the dialog through DialogWork, unlock and disable on the writer)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.accounts.types import UserInfo
from branchguard.core.kernel.types import Role
from branchguard.gui.kit.dialog_work import DialogWork
from branchguard.gui.kit.forms import FieldForm
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.passwords import password_edit, typed_twice
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.text_scale import scaled
from branchguard.gui.kit.writer import writer
from branchguard.gui.settings.users_model import UsersModel
from branchguard.gui.shell.session import GuiSession


class UserDialog(QDialog):
    """Add an account (`user` None) or set a new password for `user`."""

    def __init__(self, session: GuiSession, user: UserInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("user_dialog")
        self.session = session
        self.user = user
        self.setMinimumWidth(scaled(440, self))
        self.form = FieldForm()
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.label, role.value)
        self.role.setCurrentIndex(self.role.findData(Role.STAFF.value))
        self.password = password_edit()
        self.password_repeat = password_edit()
        if user is None:
            self.setWindowTitle(self.tr("Add user account"))
            self.form.add_field("username", self.tr("User name"), self.username, "field.username")
            self.form.add_field(
                "display_name", self.tr("Display name"), self.display_name, "field.display_name"
            )
            self.form.add_field("role", self.tr("Role"), self.role, "field.role")
        else:
            self.setWindowTitle(self.tr("New password for %1").replace("%1", user.username))
        self.form.add_field("password", self.tr("Password"), self.password, "field.password")
        self.form.add_field("password_repeat", self.tr("Repeat password"), self.password_repeat)
        self.password.setPlaceholderText(self.tr("at least 8 characters"))
        self.message = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.work = DialogWork(self, self.form, self.message, buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.work.note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def submit(self) -> None:
        if not self.work.ready():
            return  # its save is under way: OK pressed again saves nothing more
        self.form.clear_errors()
        self.message.hide()
        if not typed_twice(self.form, self.password, self.password_repeat):
            return
        auth, actor, password = self.session.services.auth, self.session.actor, self.password.text()
        if self.user is None:
            username, name, role = self.username.text(), self.display_name.text(), self.role.currentData()
            self.work.save(lambda: auth.add_user(actor, username, str(role), password, name), self._saved)
        else:
            user_id = self.user.id
            self.work.save(lambda: auth.set_password(actor, user_id, password), self._saved)

    def _saved(self, _result: object) -> None:
        self.session.data_changed.emit("user")
        self.accept()


class UsersPanel(QWidget):
    """The accounts list with its actions; every call goes through the lead-only auth service."""

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.loader = Loader(self, on_error=lambda message: self._say(message, error=True))
        self.model = UsersModel(self)
        self.table = QTableView()
        self.table.setObjectName("users_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(icon("add"), "")
        self.add_button.setObjectName("add_user")
        self.add_button.clicked.connect(self.open_add_dialog)
        self.password_button = QPushButton(icon("lock"), "")
        self.password_button.setObjectName("reset_password")
        self.password_button.clicked.connect(self.open_password_dialog)
        self.unlock_button = QPushButton("")
        self.unlock_button.setObjectName("unlock_user")
        self.unlock_button.clicked.connect(self.unlock_selected)
        self.active_button = QPushButton("")
        self.active_button.setObjectName("toggle_active")
        self.active_button.clicked.connect(self.toggle_active)
        self.message = plain(QLabel())
        self.message.setObjectName("users_message")
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QHBoxLayout()
        for button in (self.add_button, self.password_button, self.unlock_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.dialog: UserDialog | None = None
        self._writing = False  # an unlock or a disable on the writer: the buttons wait for it
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add user…"))
        self.password_button.setText(self.tr("Reset password…"))
        self.unlock_button.setText(self.tr("Unlock"))
        self.table.setAccessibleName(self.tr("Users"))
        self._update_buttons()
        model = self.model
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, model.COL_USERNAME, model.COL_STATUS)

    def refresh(self) -> None:
        """Read the accounts off the GUI thread; the selected one stays selected."""
        selected = self.selected_user()
        auth, actor = self.session.services.auth, self.session.actor
        self.loader.run(lambda: auth.list_users(actor), lambda users: self._show(users, selected))

    def _show(self, users: list[UserInfo], selected: UserInfo | None) -> None:
        self.model.set_rows(users)
        if selected is not None:
            self.select_user(selected.username)
        self._update_buttons()

    def selected_user(self) -> UserInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.user_at(rows[0].row()) if rows else None

    def select_user(self, username: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.user_at(row).username == username:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        user, idle = self.selected_user(), not self._writing
        self.password_button.setEnabled(user is not None)
        self.unlock_button.setEnabled(idle and user is not None and user.locked_until is not None)
        self.active_button.setEnabled(idle and user is not None)
        disable = user is None or user.active
        self.active_button.setText(self.tr("Disable") if disable else self.tr("Enable"))

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setProperty("role", "error" if error else "hint")
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.show()

    def _open(self, user: UserInfo | None) -> UserDialog:
        self.dialog = UserDialog(self.session, user, self)
        self.dialog.accepted.connect(self._dialog_done)
        self.dialog.open()
        return self.dialog

    def open_add_dialog(self) -> UserDialog:
        return self._open(None)

    def open_password_dialog(self) -> UserDialog | None:
        user = self.selected_user()
        return self._open(user) if user is not None else None

    def _dialog_done(self) -> None:
        dialog = self.dialog
        self.refresh()
        if dialog is not None and dialog.user is None:
            self._say(self.tr("Account “%1” created.").replace("%1", dialog.username.text().strip().lower()))
        elif dialog is not None and dialog.user is not None:
            self._say(self.tr("Password of “%1” changed.").replace("%1", dialog.user.username))

    def unlock_selected(self) -> None:
        user = self.selected_user()
        if user is not None:
            auth, actor, user_id = self.session.services.auth, self.session.actor, user.id
            self._call(
                lambda: auth.unlock(actor, user_id),
                self.tr("“%1” can log in again.").replace("%1", user.username),
            )

    def toggle_active(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        done = self.tr("“%1” disabled.") if user.active else self.tr("“%1” enabled.")
        auth, actor = self.session.services.auth, self.session.actor
        user_id, active = user.id, not user.active
        self._call(lambda: auth.set_active(actor, user_id, active), done.replace("%1", user.username))

    def _call(self, action: Callable[[], object], success: str) -> None:
        """`action` on the writer's thread, one at a time (a second press meanwhile does nothing);
        `success` said once stored, a refusal said in its place."""
        if self._writing:
            return
        self._writing = True
        self._update_buttons()
        writer().submit(action, on_done=lambda _result: self._called(success), on_error=self._call_failed)

    def _called(self, success: str) -> None:
        self._writing = False
        self.session.data_changed.emit("user")
        self.refresh()
        self._say(success)

    def _call_failed(self, message: str) -> None:
        self._writing = False
        self._update_buttons()
        self._say(message, error=True)
