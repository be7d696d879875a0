"""Settings' accounts write off the GUI thread (a statement on a shared database can take 200 ms and
more), on the real thread pool: an account added once however often OK is pressed, Esc waiting for
it, the dialog closing once stored; a locked database said with the typing kept and nothing added;
a disable on the writer with its button waiting, a second press doing nothing."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from branchguard.context import AppContext
from branchguard.core.kernel.types import Role
from branchguard.gui.kit import tasks
from branchguard.gui.settings.users import UsersPanel
from tests.gui.dialog_support import Held, locked, refuse_with, sql_threads
from tests.gui.incidents.incident_support import session_for

_OK = QDialogButtonBox.StandardButton.Ok


@pytest.fixture(autouse=True)
def fault_place(gui_ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the data is, as the window sets it: a fault is worded with it."""
    monkeypatch.setattr(tasks, "_fault_place", gui_ctx.place)


@pytest.fixture
def panel(gui_ctx: AppContext, pool_tasks: Any, qtbot: Any) -> UsersPanel:
    shown = UsersPanel(session_for(gui_ctx, "lead"))
    qtbot.addWidget(shown)
    shown.show()
    shown.refresh()
    qtbot.waitUntil(lambda: shown.model.rowCount() > 0 and not shown.loader.busy())
    return shown


def _said(ctx: AppContext) -> str:
    fault = ctx.explain(locked())
    assert fault is not None
    return fault.text("en")


def test_an_account_is_added_off_the_gui_thread_once_and_a_refusal_keeps_the_typing(
    panel: UsersPanel, gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    auth = gui_ctx.services.auth
    dialog = panel.open_add_dialog()
    dialog.username.setText("zhaomin")
    dialog.display_name.setText("赵敏")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.AUDITOR.value))
    dialog.password.setText("auditor-pass-1")
    dialog.password_repeat.setText("auditor-pass-1")
    ok = dialog.findChild(QDialogButtonBox).button(_OK)
    refuse_with(monkeypatch, auth, "add_user", locked())
    ok.click()
    qtbot.waitUntil(lambda: dialog.message.isVisibleTo(dialog))
    assert dialog.message.text() == _said(gui_ctx) and dialog.isVisible() and ok.isEnabled()
    assert (dialog.username.text(), dialog.display_name.text()) == ("zhaomin", "赵敏")
    assert dialog.password.text() == dialog.password_repeat.text() == "auditor-pass-1"
    monkeypatch.undo()
    assert auth.user_by_name("zhaomin") is None
    add = Held(monkeypatch, auth, "add_user")
    with sql_threads(gui_ctx.engine) as sql:
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: add.calls == 1)
        assert not ok.isEnabled() and dialog.work.note.text() == "Saving…"
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # pressed again: nothing more
        dialog.submit()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # waits for its save
        assert dialog.isVisible()
        add.release()
        qtbot.waitUntil(lambda: not dialog.isVisible())
        qtbot.waitUntil(lambda: panel.model.rowCount() == 4 and not panel.loader.busy())
        assert sql.on_gui_thread() == [] and "INSERT" in sql.off_gui_thread()
    assert add.calls == 1 and pool_tasks.gui_thread not in add.threads
    user = auth.user_by_name("zhaomin")
    assert user is not None and user.role is Role.AUDITOR and user.display_name == "赵敏"
    assert panel.message.text() == "Account “zhaomin” created."


def test_a_disable_is_written_off_the_gui_thread_once_with_its_button_waiting(
    panel: UsersPanel, gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    auth = gui_ctx.services.auth
    panel.select_user("staff")
    refuse_with(monkeypatch, auth, "set_active", locked())
    panel.active_button.click()
    qtbot.waitUntil(lambda: panel.message.isVisibleTo(panel))
    assert panel.message.text() == _said(gui_ctx) and panel.active_button.isEnabled()
    monkeypatch.undo()
    assert auth.user_by_name("staff").active
    write = Held(monkeypatch, auth, "set_active")
    with sql_threads(gui_ctx.engine) as sql:
        panel.active_button.click()
        qtbot.waitUntil(lambda: write.calls == 1)
        assert not panel.active_button.isEnabled()
        panel.toggle_active()  # pressed again meanwhile: nothing more
        write.release()
        qtbot.waitUntil(lambda: panel.message.text() == "“staff” disabled.")
        qtbot.waitUntil(lambda: not panel.loader.busy())
        assert sql.on_gui_thread() == [] and "UPDATE" in sql.off_gui_thread()
    assert write.calls == 1 and pool_tasks.gui_thread not in write.threads
    assert not auth.user_by_name("staff").active
