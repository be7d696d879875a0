"""Settings page: live language switch, branch settings with field errors, user accounts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from branchguard.context import AppContext
from branchguard.core.kernel.errors import AccountLocked, AuthenticationError
from branchguard.core.kernel.i18n import current_language
from branchguard.core.kernel.types import Role
from branchguard.gui.settings.page import SettingsPage


def _settings(window) -> SettingsPage:
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    return page


def test_language_switch_applies_at_once_and_is_stored(gui_ctx: AppContext, open_window, qtbot) -> None:
    window = open_window("lead")
    page = _settings(window)
    assert window.file_menu.title() == "&File"
    page.language.setCurrentIndex(page.language.findData("zh_CN"))
    try:
        # Qt posts LanguageChange to the windows: it arrives with the next event loop turn.
        qtbot.waitUntil(lambda: window.file_menu.title() == "文件(&F)")
        assert window.sidebar.item(window.sidebar.currentRow()).text() == "设置"
        assert page.tabs.tabText(0) == "常规"
        assert window.user_label.text() == "王建国 · 安全负责人"  # the role label follows too
        assert gui_ctx.config.settings.get("language") == "zh_CN"
        assert current_language() == "zh_CN"
    finally:
        page.language.setCurrentIndex(page.language.findData("en"))
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File")
    assert page.tabs.tabText(0) == "General"


def test_branch_settings_error_next_to_the_field_and_save(gui_ctx: AppContext, open_window, qtbot) -> None:
    page = _settings(open_window("lead"))
    page.tabs.setCurrentIndex(1)
    page.branch_name.clear()
    qtbot.mouseClick(page.branch_save, Qt.MouseButton.LeftButton)
    assert page.branch_form.error_text("branch_name") == "is required"
    assert gui_ctx.services.branch.get().name == "示范银行城东支行营业部"

    page.branch_name.setText("示范银行城东支行")
    page.lockout_threshold.setValue(3)
    qtbot.mouseClick(page.branch_save, Qt.MouseButton.LeftButton)
    assert page.branch_form.error_text("branch_name") == ""
    branch = gui_ctx.services.branch.get()
    assert (branch.name, branch.lockout_threshold) == ("示范银行城东支行", 3)
    assert page.branch_message.text() == "Branch settings saved."
    assert page.window().branch_label.text() == "示范银行城东支行"


def test_add_user_refuses_mismatch_then_creates(gui_ctx: AppContext, open_window) -> None:
    page = _settings(open_window("lead"))
    dialog = page.users.open_add_dialog()
    dialog.username.setText("zhaomin")
    dialog.display_name.setText("赵敏")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.AUDITOR.value))
    dialog.password.setText("auditor-pass-1")
    dialog.password_repeat.setText("auditor-pass-2")
    dialog.submit()
    assert dialog.form.error_text("password_repeat") == "The two passwords are not the same."
    assert gui_ctx.services.auth.user_by_name("zhaomin") is None

    dialog.password_repeat.setText("auditor-pass-1")
    dialog.submit()
    user = gui_ctx.services.auth.user_by_name("zhaomin")
    assert user is not None and user.role is Role.AUDITOR and user.display_name == "赵敏"
    assert page.users.model.rowCount() == 4
    assert page.users.message.text() == "Account “zhaomin” created."


def test_duplicate_user_name_is_shown_under_the_field(gui_ctx: AppContext, open_window) -> None:
    page = _settings(open_window("lead"))
    dialog = page.users.open_add_dialog()
    dialog.username.setText("staff")
    dialog.password.setText("whatever-123")
    dialog.password_repeat.setText("whatever-123")
    dialog.submit()
    assert dialog.form.error_text("username") == "user 'staff' already exists"
    assert dialog.isVisible()


def test_unlock_and_disable_from_the_accounts_list(gui_ctx: AppContext, open_window) -> None:
    auth = gui_ctx.services.auth
    for _ in range(4):
        with pytest.raises(AuthenticationError):
            auth.login("staff", "wrong-password")
    with pytest.raises(AccountLocked):
        auth.login("staff", "wrong-password")
    page = _settings(open_window("lead"))
    page.users.select_user("staff")
    assert page.users.unlock_button.isEnabled()
    status = page.users.model.index(page.users.table.currentIndex().row(), page.users.model.COL_STATUS)
    assert status.data().startswith("Locked until")
    page.users.unlock_selected()
    assert auth.login("staff", "staff-demo-2026").username == "staff"

    page.users.select_user("staff")
    page.users.toggle_active()
    assert not auth.user_by_name("staff").active
    assert page.users.message.text() == "“staff” disabled."


def test_last_lead_cannot_be_disabled(gui_ctx: AppContext, open_window) -> None:
    page = _settings(open_window("lead"))
    page.users.select_user("lead")
    page.users.toggle_active()
    assert "last active safety-lead account cannot be disabled" in page.users.message.text()
    assert not page.users.message.text().startswith("Role")
    assert gui_ctx.services.auth.user_by_name("lead").active
