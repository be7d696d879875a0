"""A window left open after its account was disabled, or given another role, elsewhere locks itself
at its next check and says why: it went on showing what the old role could read (the audit trail,
the user list) until something was written."""

from __future__ import annotations

from typing import Any

from branchguard.context import AppContext
from branchguard.core.kernel.types import Role
from tests.gui.conftest import PASSWORDS


def test_a_disabled_account_is_locked_out_of_its_open_window(gui_ctx: AppContext, open_window: Any) -> None:
    window = open_window("auditor")
    window.show_page("audit")
    watch = window.standing_watch
    watch.check()  # stands: nothing happens
    assert not window.is_locked()
    auth = gui_ctx.services.auth
    lead = auth.login("lead", PASSWORDS["lead"])
    auditor = auth.user_by_name("auditor")
    assert auditor is not None
    auth.set_active(lead, auditor.id, False)  # on another PC
    watch.check()
    assert window.is_locked() and window.login_dialog is not None
    said = window.login_dialog.message.text()
    assert window.login_dialog.message.isVisible() and "auditor" in said, said
    assert window.login_dialog.username.text() == "auditor"


def test_an_account_given_another_role_logs_in_again_in_it(
    gui_ctx: AppContext, open_window: Any, qtbot: Any
) -> None:
    window = open_window("auditor")
    auth = gui_ctx.services.auth
    lead = auth.login("lead", PASSWORDS["lead"])
    auditor = auth.user_by_name("auditor")
    assert auditor is not None
    auth.set_role(lead, auditor.id, Role.STAFF)
    window.standing_watch.check()
    dialog = window.login_dialog
    assert window.is_locked() and dialog is not None
    dialog.password.setText(PASSWORDS["auditor"])
    dialog.submit()
    qtbot.waitUntil(lambda: not window.is_locked())
    assert window.session.actor.role is Role.STAFF
    assert "audit" not in [p.page_id for p in window.visible_pages()]  # staff do not read the trail
