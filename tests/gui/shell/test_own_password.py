"""Every user changes their own password from the File menu, giving the current one; the check
runs off the GUI thread and a refusal stays in the dialog under its field."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction

from branchguard.context import AppContext
from branchguard.gui.shell.main_window import MainWindow
from branchguard.gui.shell.own_password import OwnPasswordDialog
from tests.gui.conftest import PASSWORDS, ThreadWatch


def test_staff_change_their_own_password_from_the_file_menu(
    gui_ctx: AppContext, open_window: Callable[[str], MainWindow], qtbot, pool_tasks: ThreadWatch
) -> None:
    from branchguard.core.accounts.service import AuthService

    pool_tasks.watch(AuthService, "change_own_password")
    window = open_window("staff")
    action = window.findChild(QAction, "action_own_password")
    assert action is not None and action.isVisible() and action in window.file_menu.actions()
    action.trigger()
    dialog = window.findChild(OwnPasswordDialog)
    assert dialog is not None and dialog.isVisible()

    dialog.current.setText("not-my-password")
    dialog.password.setText("my-new-pass-2026")
    dialog.password_repeat.setText("my-new-pass-2026")
    dialog.submit()
    qtbot.waitUntil(lambda: bool(dialog.form.error_text("current")))
    assert "not your current password" in dialog.form.error_text("current")
    assert dialog.isVisible() and dialog.password.text() == "my-new-pass-2026"

    dialog.current.setText(PASSWORDS["staff"])
    dialog.submit()  # accepted: the dialog closes (and is deleted), the status bar says so
    qtbot.waitUntil(lambda: "password was changed" in window.statusBar().currentMessage())
    assert window.findChild(OwnPasswordDialog) is None or not window.findChild(OwnPasswordDialog).isVisible()
    assert gui_ctx.services.auth.login("staff", "my-new-pass-2026").username == "staff"
    assert pool_tasks.ran_off_the_gui_thread("change_own_password")
