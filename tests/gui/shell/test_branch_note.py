"""A branch not set up yet: the status bar says where the lead names it (Settings → Branch), and tells
any other role to ask the safety lead."""

from __future__ import annotations

from typing import Any

from branchguard.app import build_main_window
from branchguard.context import AppContext


def _status(ctx: AppContext, username: str, password: str, qtbot: Any) -> str:
    window = build_main_window(ctx, ctx.services.auth.login(username, password))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.branch_label.text() != "")
    return str(window.branch_label.text())


def test_the_lead_is_told_where_and_the_auditor_whom_to_ask(empty_ctx: AppContext, qtbot: Any) -> None:
    auth = empty_ctx.services.auth
    auth.create_first_lead("wangjg", "safe-pass-1", "王建国")
    auth.add_user(auth.login("wangjg", "safe-pass-1"), "lis", "auditor", "audit-pass-1")
    lead = _status(empty_ctx, "wangjg", "safe-pass-1", qtbot)
    auditor = _status(empty_ctx, "lis", "audit-pass-1", qtbot)
    assert lead == "No branch set up: name it in Settings → Branch"
    assert auditor == "No branch set up: ask the safety lead to set it up"
