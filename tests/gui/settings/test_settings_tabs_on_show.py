"""Settings: a tab's content is made, inside its tab, and its data read when the tab is first shown
(or its panel asked for), not all six at the page's first show; a refresh reads the shown tab
again, and another tab made earlier when it is next shown."""

from __future__ import annotations

from typing import Any

import pytest

from branchguard.gui.settings.anchors import AnchorsPanel
from branchguard.gui.settings.backups import BackupsPanel
from branchguard.gui.settings.library import LibraryPanel
from branchguard.gui.settings.page import SettingsPage
from branchguard.gui.settings.users import UsersPanel


def _settled(page: SettingsPage, qtbot: Any) -> None:
    """The page's first show done: the font check its refresh starts a turn later is back."""
    qtbot.waitUntil(lambda: page.font_choice is not None)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The panels' reads, by class name, and the branch's."""
    done: list[str] = []
    for cls in (UsersPanel, BackupsPanel, AnchorsPanel, LibraryPanel):
        original = cls.refresh

        def counted(self: Any, _original: Any = original) -> None:
            done.append(type(self).__name__)
            _original(self)

        monkeypatch.setattr(cls, "refresh", counted)
    load_branch = SettingsPage._load_branch

    def branch(self: SettingsPage) -> None:
        done.append("branch")
        load_branch(self)

    monkeypatch.setattr(SettingsPage, "_load_branch", branch)
    return done


def test_a_tab_is_made_and_read_when_first_shown(
    open_window: Any, qtbot: Any, moves: Any, reads: list[str]
) -> None:
    moves.watch(UsersPanel, BackupsPanel, AnchorsPanel, LibraryPanel)
    page = open_window("lead").show_page("settings")
    assert isinstance(page, SettingsPage)
    _settled(page, qtbot)
    panels = (UsersPanel, BackupsPanel, AnchorsPanel, LibraryPanel)
    assert [page.findChildren(cls) for cls in panels] == [[]] * 4 and reads == []
    assert not hasattr(page, "branch_name")  # the branch tab's form, not made either
    page.tabs.setCurrentIndex(page._users_tab)
    assert reads == ["UsersPanel"] and page.findChildren(BackupsPanel) == []
    users = page.tabs.widget(page._users_tab).findChild(UsersPanel)
    assert users is not None and users.model.rowCount() > 0  # read as it was made
    page.tabs.setCurrentIndex(1)
    assert reads == ["UsersPanel", "branch"] and page.branch_name.text()
    assert moves.moved == []  # each made inside its tab


def test_a_refresh_reads_the_shown_tab_and_the_others_when_next_shown(
    open_window: Any, qtbot: Any, reads: list[str]
) -> None:
    page = open_window("lead").show_page("settings")
    assert isinstance(page, SettingsPage)
    _settled(page, qtbot)
    for index in (page._anchors_tab, page._users_tab):
        page.tabs.setCurrentIndex(index)
    assert reads == ["AnchorsPanel", "UsersPanel"]
    reads.clear()
    page.refresh()
    assert reads == ["UsersPanel"]  # the shown tab only
    page.tabs.setCurrentIndex(page._anchors_tab)
    assert reads == ["UsersPanel", "AnchorsPanel"]  # stale: read as it is shown again
    page.tabs.setCurrentIndex(page._users_tab)
    page.tabs.setCurrentIndex(page._anchors_tab)
    assert reads == ["UsersPanel", "AnchorsPanel"]  # shown again with nothing new: not read again
    page.tabs.setCurrentIndex(page._backups_tab)
    assert reads == ["UsersPanel", "AnchorsPanel", "BackupsPanel"]  # made now, read as made
