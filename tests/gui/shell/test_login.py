"""First start and login dialogs: what a user sees on bad input, and that nothing is written."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from branchguard.context import AppContext
from branchguard.core.kernel.types import Role
from branchguard.gui.shell.login import FirstRunDialog, LoginDialog


def _fill_first_run(
    dialog: FirstRunDialog, qtbot, *, password: str = "safe-pass-1", repeat: str | None = None
) -> None:
    dialog.branch_name.setText("城西支行")  # QTest types ASCII only
    qtbot.keyClicks(dialog.branch_code, "CX-01")
    qtbot.keyClicks(dialog.username, "wangjg")
    dialog.display_name.setText("王建国")
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClicks(dialog.password_repeat, password if repeat is None else repeat)


def test_first_run_creates_branch_and_lead(empty_ctx: AppContext, qtbot) -> None:
    dialog = FirstRunDialog(empty_ctx.services)
    qtbot.addWidget(dialog)
    _fill_first_run(dialog, qtbot)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.role is Role.LEAD
    user = empty_ctx.services.auth.user_by_name("wangjg")
    assert user is not None and user.display_name == "王建国" and user.role is Role.LEAD
    branch = empty_ctx.services.branch.get()
    assert branch is not None and (branch.name, branch.code) == ("城西支行", "CX-01")
    assert empty_ctx.services.auth.login("wangjg", "safe-pass-1").username == "wangjg"


def test_first_run_refuses_mismatched_repeat_and_writes_nothing(empty_ctx: AppContext, qtbot) -> None:
    dialog = FirstRunDialog(empty_ctx.services)
    qtbot.addWidget(dialog)
    _fill_first_run(dialog, qtbot, repeat="safe-pass-2")
    dialog.submit()

    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.form.error_text("password_repeat") == "The two passwords are not the same."
    assert not empty_ctx.services.auth.has_users()
    assert empty_ctx.services.branch.get() is None


def test_first_run_refuses_short_password_next_to_the_field(empty_ctx: AppContext, qtbot) -> None:
    dialog = FirstRunDialog(empty_ctx.services)
    qtbot.addWidget(dialog)
    _fill_first_run(dialog, qtbot, password="short")
    dialog.submit()

    assert "at least 8 characters" in dialog.form.error_text("password")
    assert dialog.form.error_text("password_repeat") == ""
    assert not empty_ctx.services.auth.has_users()
    assert empty_ctx.services.branch.get() is None


def test_first_run_bad_user_name_is_shown_under_it(empty_ctx: AppContext, qtbot) -> None:
    dialog = FirstRunDialog(empty_ctx.services)
    qtbot.addWidget(dialog)
    _fill_first_run(dialog, qtbot)
    dialog.username.setText("王 jg")
    dialog.submit()

    assert "not a valid user name" in dialog.form.error_text("username")
    assert empty_ctx.services.branch.get() is None


def test_first_run_submitted_after_an_account_was_made_elsewhere_changes_nothing(
    empty_ctx: AppContext, qtbot
) -> None:
    """The dialog stayed open while a lead was made another way (`branchguard user add`, another
    PC): its submit renamed the branch as the system, with no account, before the account was
    refused."""
    dialog = FirstRunDialog(empty_ctx.services)
    qtbot.addWidget(dialog)
    _fill_first_run(dialog, qtbot)
    empty_ctx.services.auth.create_first_lead("other", "other-pass-1")
    dialog.submit()

    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "already" in dialog.form.error_text("username")
    assert empty_ctx.services.branch.get() is None
    assert empty_ctx.services.auth.user_by_name("wangjg") is None


def _try(dialog: LoginDialog, qtbot, username: str, password: str) -> None:
    dialog.username.setText(username)
    dialog.password.setText(password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_wrong_password_shows_the_message_and_clears_the_field(gui_ctx: AppContext, qtbot) -> None:
    dialog = LoginDialog(gui_ctx.services)
    qtbot.addWidget(dialog)
    dialog.show()
    _try(dialog, qtbot, "lead", "not-my-password")

    assert dialog.message.isVisible()
    assert dialog.message.text() == "Wrong user name or password"
    assert dialog.password.text() == ""
    assert dialog.actor is None and dialog.isVisible()


def test_fifth_wrong_password_shows_the_locked_message(gui_ctx: AppContext, qtbot) -> None:
    dialog = LoginDialog(gui_ctx.services)
    qtbot.addWidget(dialog)
    dialog.show()
    for _ in range(4):
        _try(dialog, qtbot, "staff", "wrong-password")
        assert "locked" not in dialog.message.text()
    _try(dialog, qtbot, "staff", "wrong-password")
    assert "Account 'staff' is locked" in dialog.message.text()

    _try(dialog, qtbot, "staff", "staff-demo-2026")  # even the right password waits for the lock
    assert "is locked" in dialog.message.text() and dialog.actor is None


def test_a_leads_wrong_passwords_only_make_them_wait_never_lock(gui_ctx: AppContext, qtbot) -> None:
    """The same rule as the command line (core/accounts/rules.py): a stranger cannot lock out the
    safety lead, only make the next try wait, 10 s after the fifth wrong password."""
    dialog = LoginDialog(gui_ctx.services)
    qtbot.addWidget(dialog)
    dialog.show()
    for _ in range(4):
        _try(dialog, qtbot, "lead", "stranger-guess")
        assert dialog.message.text() == "Wrong user name or password"
    _try(dialog, qtbot, "lead", "stranger-guess")
    assert dialog.message.text() == "Too many wrong passwords for 'lead': try again in 10 s"
    assert "locked" not in dialog.message.text() and dialog.actor is None
    _try(dialog, qtbot, "lead", "stranger-guess")  # during the wait: not checked, not counted
    assert dialog.message.text().startswith("Too many wrong passwords for 'lead': try again in")
    user = gui_ctx.services.auth.user_by_name("lead")
    assert user is not None and user.locked_until is not None


def test_right_password_logs_in(gui_ctx: AppContext, qtbot) -> None:
    dialog = LoginDialog(gui_ctx.services)
    qtbot.addWidget(dialog)
    dialog.show()
    _try(dialog, qtbot, "auditor", "auditor-demo-2026")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.role is Role.AUDITOR


def test_the_log_in_button_stays_under_the_pointer_when_an_error_appears(gui_ctx: AppContext, qtbot) -> None:
    """The error line's space is kept from the start: a second click lands on the same button."""
    dialog = LoginDialog(gui_ctx.services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    QApplication.processEvents()
    before = (ok.mapToGlobal(ok.rect().topLeft()), ok.size(), dialog.size())
    _try(dialog, qtbot, "staff", "wrong-password")
    QApplication.processEvents()
    assert dialog.message.isVisible() and dialog.message.text() == "Wrong user name or password"
    assert (ok.mapToGlobal(ok.rect().topLeft()), ok.size(), dialog.size()) == before
    for _ in range(4):  # the longer "locked" message too
        _try(dialog, qtbot, "staff", "wrong-password")
    QApplication.processEvents()
    assert "is locked" in dialog.message.text()
    assert (ok.mapToGlobal(ok.rect().topLeft()), ok.size(), dialog.size()) == before
