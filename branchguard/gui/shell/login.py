"""The login dialog (also the lock screen) and the first-start dialog that creates the safety lead."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.branch.service import DEFAULT_LOCKOUT_MINUTES, DEFAULT_LOCKOUT_THRESHOLD, branch_values
from branchguard.core.kernel.errors import BranchGuardError, ValidationError
from branchguard.core.kernel.types import Actor
from branchguard.core.services import Services
from branchguard.gui.kit.forms import FieldForm
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.passwords import password_edit, typed_twice
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.tasks import explain_fault, run_task
from branchguard.gui.kit.text_scale import scaled

_OK = QDialogButtonBox.StandardButton.Ok
_CANCEL = QDialogButtonBox.StandardButton.Cancel


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "page-title")
    label.setWordWrap(True)
    return label


class LoginDialog(QDialog):
    """User name and password; the service's own message on a wrong password or a locked account.

    As the lock screen (`locked=True`) it cannot be dismissed: its only way out besides logging
    in is Quit, which ends the application.
    """

    def __init__(
        self, services: Services, parent: QWidget | None = None, *, locked: bool = False, username: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("login_dialog")
        self.setProperty("discardable", True)  # Esc means "not now": no question (gui/kit/discard.py)
        self._services = services
        self._locked = locked
        self.actor: Actor | None = None
        self.setWindowIcon(icon("lock"))
        self.setMinimumWidth(scaled(400, self))

        self._heading = _heading("")
        self._hint = QLabel()
        self._hint.setProperty("role", "hint")
        self._hint.setWordWrap(True)
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.password = password_edit()
        self.password.setObjectName("password")
        self.message = plain(QLabel())
        self.message.setObjectName("message")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # The error line's room is kept while it is hidden (two lines: the lockout message wraps),
        # so the Log in button never moves under the pointer when a refusal appears.
        keep = self.message.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.message.setSizePolicy(keep)
        self.message.setMinimumHeight(2 * self.message.fontMetrics().lineSpacing())
        self.message.hide()
        self._form = FieldForm()
        self._user_label = self._form.add_field("username", "", self.username)
        self._password_label = self._form.add_field("password", "", self.password)
        self.buttons = QDialogButtonBox(_OK | _CANCEL)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self._quit_or_cancel)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self._heading)
        layout.addWidget(self._hint)
        layout.addLayout(self._form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()
        (self.password if username else self.username).setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("BranchGuard: log in"))
        self._heading.setText(self.tr("Screen locked") if self._locked else self.tr("Log in to BranchGuard"))
        self._hint.setText(
            self.tr("Log in again to continue, or as another user to switch.")
            if self._locked
            else self.tr("Enter your user name and password.")
        )
        self._form.set_label("username", self.tr("&User name"))
        self._form.set_label("password", self.tr("&Password"))
        self.buttons.button(_OK).setText(self.tr("Log in"))
        cancel = self.buttons.button(_CANCEL)
        cancel.setText(self.tr("Quit") if self._locked else self.tr("Cancel"))

    def submit(self) -> None:
        username, password = self.username.text(), self.password.text()
        self.buttons.setEnabled(False)
        self.message.hide()
        # argon2 is deliberately slow (tens of ms): check off the GUI thread.
        run_task(
            lambda _progress: self._services.auth.login(username, password),
            on_done=self._logged_in,
            on_error=self._refused,
        )

    def _logged_in(self, actor: Actor) -> None:
        self.buttons.setEnabled(True)
        self.actor = actor
        self.accept()

    def tell(self, message: str) -> None:
        """Why the screen was locked (the account changed elsewhere), above the buttons."""
        self.message.setText(message)
        self.message.show()

    def _refused(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(message)
        self.message.show()
        self.password.clear()
        self.password.setFocus()

    def _quit_or_cancel(self) -> None:
        super().reject()

    def reject(self) -> None:
        # Escape and the close button must not get past the lock screen.
        if not self._locked:
            super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._locked and event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._locked:
            event.ignore()
        else:
            super().closeEvent(event)


class FirstRunDialog(QDialog):
    """First start: name the branch and create the safety-lead account, all or nothing."""

    def __init__(self, services: Services, parent: QWidget | None = None, db_url: str | None = None) -> None:
        """With `db_url` (the database this start opened) it offers to restore a backup instead
        (a new PC: gui/shell/first_restore.py)."""
        super().__init__(parent)
        self.setObjectName("first_run_dialog")
        self._services = services
        self.actor: Actor | None = None
        self.setMinimumWidth(scaled(520, self))
        existing = services.branch.get()

        self._heading = _heading("")
        self._intro = QLabel()
        self._intro.setWordWrap(True)
        self._intro.setProperty("role", "hint")
        self.branch_name = QLineEdit(existing.name if existing else "")
        self.branch_code = QLineEdit(existing.code if existing else "")
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.password = password_edit()
        self.password_repeat = password_edit()
        self.form = FieldForm()
        self.form.add_field("branch_name", "", self.branch_name, "field.branch_name")
        self.form.add_field("branch_code", "", self.branch_code, "field.branch_code")
        self.form.add_field("username", "", self.username, "field.username")
        self.form.add_field("display_name", "", self.display_name, "field.display_name")
        self.form.add_field("password", "", self.password, "field.password")
        self.form.add_field("password_repeat", "", self.password_repeat)
        self.message = error_label("message")
        self.buttons = QDialogButtonBox(_OK | _CANCEL)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.restore_button: QPushButton | None = None
        if db_url is not None:
            from branchguard.gui.shell.first_restore import FirstRestore

            self.restore = FirstRestore(self, services, db_url, self._show_message)
            self.restore_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
            self.restore_button.setObjectName("first_run_restore")
            self.restore_button.clicked.connect(self.restore.choose)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self._heading)
        layout.addWidget(self._intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.branch_name.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("BranchGuard: first start"))
        self._heading.setText(self.tr("Welcome to BranchGuard"))
        if self.restore_button is None:
            intro = self.tr(
                "Name your branch and create the safety lead's account. The safety lead manages "
                "playbooks, drills, staff and the other user accounts."
            )
        else:
            intro = self.tr(
                "Name your branch and create the safety lead's account. The safety lead manages "
                "playbooks, drills, staff and the other user accounts. Moving to a new PC? Restore "
                "a BranchGuard backup instead."
            )
        self._intro.setText(intro)
        for key, text in (
            ("branch_name", self.tr("Branch name")),
            ("branch_code", self.tr("Branch code (optional)")),
            ("username", self.tr("Safety lead's user name")),
            ("display_name", self.tr("Display name")),
            ("password", self.tr("Password")),
            ("password_repeat", self.tr("Repeat password")),
        ):
            self.form.set_label(key, text)
        self.username.setPlaceholderText(self.tr("e.g. wangjg"))
        self.display_name.setPlaceholderText(self.tr("e.g. the lead's full name"))
        self.password.setPlaceholderText(self.tr("at least 8 characters"))
        self.buttons.button(_OK).setText(self.tr("Create and log in"))
        self.buttons.button(_CANCEL).setText(self.tr("Quit"))
        if self.restore_button is not None:
            self.restore_button.setText(self.tr("Restore from a backup…"))
            self.restore_button.setToolTip(
                self.tr("A new PC: bring back the data of a BranchGuard backup instead of starting empty.")
            )

    def submit(self) -> None:
        self.form.clear_errors()
        self.message.hide()
        if not typed_twice(self.form, self.password, self.password_repeat):
            return
        existing = self._services.branch.get()
        try:
            # The branch and the account in one transaction (refused, neither is written): checked
            # field by field first, so the form marks the branch's fields too.
            branch = branch_values(
                self.branch_name.text(),
                self.branch_code.text(),
                existing.address if existing else "",
                existing.lockout_threshold if existing else DEFAULT_LOCKOUT_THRESHOLD,
                existing.lockout_minutes if existing else DEFAULT_LOCKOUT_MINUTES,
            )
            user = self._services.auth.create_first_lead(
                self.username.text(), self.password.text(), self.display_name.text(), branch
            )
        except ValidationError as exc:
            if not self.form.show_validation(exc):
                self._show_message(exc.message)
            return
        except BranchGuardError as exc:
            self._show_message(exc.message)
            return
        except Exception as exc:  # a full disk, a locked database: worded as the command line does
            fault = explain_fault(exc)
            if fault is None:
                raise
            self._show_message(fault.message)
            return
        self.actor = Actor(user_id=user.id, username=user.username, role=user.role)
        self.accept()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
