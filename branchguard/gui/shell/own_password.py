"""The File menu's "Change my password…": every user changes their own, giving the current one
(the lead's "Reset password…" in Settings is for other people's)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QVBoxLayout, QWidget

from branchguard.core.kernel.errors import ValidationError
from branchguard.gui.kit.forms import FieldForm
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.passwords import password_edit, typed_twice
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.tasks import run_task
from branchguard.gui.kit.text_scale import scaled

if TYPE_CHECKING:
    from branchguard.gui.shell.main_window import MainWindow
    from branchguard.gui.shell.session import GuiSession


class OwnPasswordDialog(QDialog):
    """Current password, the new one twice. The check and the new hash (argon2, ~50 ms each) run
    off the GUI thread; a refusal stays in the dialog under its field, nothing typed lost."""

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("own_password_dialog")
        self.session = session
        self.setWindowTitle(self.tr("Change my password"))
        self.setMinimumWidth(scaled(440, self))
        self.form = FieldForm()
        self.current = password_edit()
        self.password = password_edit()
        self.password_repeat = password_edit()
        self.form.add_field("current", self.tr("Current password"), self.current, "field.current_password")
        self.form.add_field("password", self.tr("New password"), self.password, "field.password")
        self.form.add_field("password_repeat", self.tr("Repeat the new password"), self.password_repeat)
        self.password.setPlaceholderText(self.tr("at least 8 characters"))
        self.message = error_label("own_password_message")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        self.form.clear_errors()
        self.message.hide()
        if not typed_twice(self.form, self.password, self.password_repeat):
            return
        auth, actor = self.session.services.auth, self.session.actor
        current, password = self.current.text(), self.password.text()

        def work(_progress: Any) -> ValidationError | None:
            try:
                auth.change_own_password(actor, current, password)
            except ValidationError as exc:  # brought back with its field key, to sit by its field
                return exc
            return None

        self.buttons.setEnabled(False)
        run_task(work, on_done=self._done, on_error=self._refused, parent=self)

    def _done(self, refusal: ValidationError | None) -> None:
        self.buttons.setEnabled(True)
        if refusal is None:
            self.accept()
        elif not self.form.show_validation(refusal):
            self._refused(refusal.message)

    def _refused(self, text: str) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(text)
        self.message.show()


class OwnPasswordAction(QObject):
    """The menu entry, before "Lock": shown to whoever is logged in, not in a read-only window."""

    def __init__(self, window: MainWindow, menu: QMenu, before: QAction) -> None:
        super().__init__(window)
        self.setObjectName("own_password")
        self.window = window
        self.dialog: OwnPasswordDialog | None = None
        self.action = QAction(icon("lock"), "", window)
        self.action.setObjectName("action_own_password")
        self.action.triggered.connect(self.open_dialog)
        menu.insertAction(before, self.action)
        self.action.setVisible(not window.read_only)
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(QCoreApplication.translate("OwnPasswordAction", "Change my password…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def open_dialog(self) -> OwnPasswordDialog:
        dialog = OwnPasswordDialog(self.window.session, self.window)
        dialog.accepted.connect(self._changed)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog  # its Python side lives as long as it is open
        dialog.open()
        return dialog

    def _changed(self) -> None:
        self.window.statusBar().showMessage(
            QCoreApplication.translate("OwnPasswordAction", "Your password was changed."), 8000
        )
