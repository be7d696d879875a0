"""The staff roster of a new branch says how to fill it, not a bare grid; filtered to nothing it says
that nobody matches; to a role that may not add, only that it is empty."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from branchguard.context import AppContext
from branchguard.gui.people.page import PeoplePage
from branchguard.gui.people.tabs import StaffTab
from branchguard.gui.shell.session import GuiSession


@pytest.fixture
def roster(empty_ctx: AppContext, qtbot: Any) -> Callable[[str, str], StaffTab]:
    """The Staff roster tab of a new branch (its first lead only), read for `username`."""
    empty_ctx.services.auth.create_first_lead("wangjg", "safe-pass-1", "王建国")
    pages: list[PeoplePage] = []  # held here: qtbot keeps only a weak reference

    def _open(username: str, password: str) -> StaffTab:
        page = PeoplePage(GuiSession(empty_ctx, empty_ctx.services.auth.login(username, password)))
        qtbot.addWidget(page)
        pages.append(page)
        page.resize(1024, 700)
        page.show()
        page.refresh()  # as the window does when it shows the page
        tab = page.staff_tab
        qtbot.waitUntil(lambda: tab.count_label.text() != "")
        return tab

    return _open


def test_an_empty_roster_says_how_to_add_the_staff(
    roster: Callable[[str, str], StaffTab], qtbot: Any
) -> None:
    tab = roster("wangjg", "safe-pass-1")
    assert tab.empty_note.text().startswith("No staff on the roster yet. Add… (Ins) adds a person")
    tab.post_filter.setCurrentIndex(1)
    qtbot.waitUntil(lambda: tab.empty_note.text() == "Nobody on the roster matches the search and filters.")


def test_an_auditor_is_told_it_is_empty_not_to_add(
    roster: Callable[[str, str], StaffTab], empty_ctx: AppContext
) -> None:
    lead = empty_ctx.services.auth.login("wangjg", "safe-pass-1")
    empty_ctx.services.auth.add_user(lead, "lis", "auditor", "audit-pass-1")
    assert roster("lis", "audit-pass-1").empty_note.text() == "No staff on the roster yet."
