"""The Team & training tab of a new branch, before anyone is on the roster: it says to add the staff
first, and Assign… opens no dialog whose only holder field is an empty list that refuses Save."""

from __future__ import annotations

from typing import Any

from branchguard.context import AppContext
from branchguard.core.people.types import BranchRole, PersonInput
from branchguard.gui.people.page import PeoplePage
from branchguard.gui.shell.session import GuiSession


def _team_tab(ctx: AppContext, username: str, password: str, qtbot: Any) -> tuple[PeoplePage, Any]:
    page = PeoplePage(GuiSession(ctx, ctx.services.auth.login(username, password)))
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    page.tabs.setCurrentIndex(2)
    tab = page.team_tab
    qtbot.waitUntil(lambda: tab.roles_model.rowCount() > 0)
    return page, tab


def test_an_empty_roster_says_to_add_the_staff_first(empty_ctx: AppContext, qtbot: Any) -> None:
    lead = empty_ctx.services.auth.create_first_lead("wangjg", "safe-pass-1", "王建国")
    empty_ctx.services.auth.add_user(empty_ctx.services.auth.login("wangjg", "safe-pass-1"),
                                     "lis", "auditor", "audit-pass-1")
    page, tab = _team_tab(empty_ctx, "wangjg", "safe-pass-1", qtbot)

    assert tab.no_people.isVisible()
    assert tab.no_people.text().startswith("Nobody is on the staff roster yet: add the branch's staff")
    assert not tab.assign_button.isEnabled() and not tab.add_button.isEnabled()
    tab.roles_table.selectRow(0)
    tab.assign()  # a double-click on a role comes here too
    assert tab.dialog is None

    actor = empty_ctx.services.auth.login(lead.username, "safe-pass-1")
    empty_ctx.services.people.add_person(actor, PersonInput("赵大堂", BranchRole.LOBBY_MANAGER))
    page.refresh()  # as after an add on the Staff roster tab (the window's data_changed)
    qtbot.waitUntil(lambda: bool(tab.people))
    assert not tab.no_people.isVisible()
    assert tab.assign_button.isEnabled() and tab.add_button.isEnabled()


def test_the_auditor_who_cannot_assign_is_not_told_to_add_staff(empty_ctx: AppContext, qtbot: Any) -> None:
    empty_ctx.services.auth.create_first_lead("wangjg", "safe-pass-1", "王建国")
    empty_ctx.services.auth.add_user(empty_ctx.services.auth.login("wangjg", "safe-pass-1"),
                                     "lis", "auditor", "audit-pass-1")
    _page, tab = _team_tab(empty_ctx, "lis", "audit-pass-1", qtbot)
    assert not tab.people and not tab.no_people.isVisible()
