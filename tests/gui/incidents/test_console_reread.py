"""A console's re-read (its 15 s poll, the page's refresh) that finds nothing new changes nothing on
screen, and one that finds a change shows all of it; the page's tab label likewise."""

from __future__ import annotations

from typing import Any

from branchguard.context import AppContext
from branchguard.core.incidents.types import EntryKind
from branchguard.core.kernel.types import Level
from branchguard.gui.incidents.console import IncidentConsole
from branchguard.gui.incidents.page import IncidentsPage
from branchguard.gui.kit import style
from tests.gui.incidents.incident_support import login, open_console, session_for


def _resets(console: IncidentConsole) -> list[int]:
    resets: list[int] = []
    console.steps.model.modelReset.connect(lambda: resets.append(1))
    return resets


def test_a_reread_that_finds_nothing_new_sets_nothing_again(gui_ctx: AppContext, qtbot: Any) -> None:
    fire = gui_ctx.services.incidents.start(login(gui_ctx, "lead"), "FIRE").id
    console = open_console(qtbot, session_for(gui_ctx, "lead"), fire)
    resets, loaded = _resets(console), []
    console.loaded.connect(lambda: loaded.append(1))
    badge_css = console.header.level_badge.styleSheet()
    console.reload()
    assert loaded == [1]  # still said: the incident was read
    assert resets == []  # the steps were not set again (nor the badges restyled, the calls rebuilt)
    assert console.header.level_badge.styleSheet() == badge_css


def test_a_reread_shows_what_another_desk_changed(gui_ctx: AppContext, qtbot: Any) -> None:
    fire = gui_ctx.services.incidents.start(login(gui_ctx, "lead"), "FIRE").id
    console = open_console(qtbot, session_for(gui_ctx, "lead"), fire)
    resets, changed = _resets(console), []
    console.changed.connect(changed.append)
    other = login(gui_ctx, "lead")
    gui_ctx.services.incidents.change_level(other, fire, Level.I, "火势蔓延")
    gui_ctx.services.incidents.log(other, fire, EntryKind.NOTE, "二楼已疏散")
    console.reload()
    assert console.header.level_badge.text() == Level.I.label
    assert style.level_swatch("I").background in console.header.level_badge.styleSheet()
    assert resets == [1] and changed == [fire]
    assert console.log.model.entries()[-1].text == "二楼已疏散"
    # the log alone changes: the re-read takes the new entry and sets nothing else again
    gui_ctx.services.incidents.log(other, fire, EntryKind.NOTE, "消防车已到")
    console.reload()
    assert console.log.model.entries()[-1].text == "消防车已到"
    assert resets == [1] and changed == [fire]


def test_the_page_labels_a_tab_again_only_when_its_label_changes(
    gui_ctx: AppContext, qtbot: Any, monkeypatch: Any
) -> None:
    fire = gui_ctx.services.incidents.start(login(gui_ctx, "lead"), "FIRE").id
    page = IncidentsPage(session_for(gui_ctx, "lead"))
    qtbot.addWidget(page)
    page.refresh()
    console = page.open_incident(fire)
    assert console is not None
    index = page.tabs.indexOf(console)
    sets: list[str] = []
    monkeypatch.setattr(page.tabs, "setTabText", lambda i, text: sets.append(text))
    page._label_console(console)  # the same incident as labelled: Qt would lay the bar out again
    assert sets == []
    gui_ctx.services.incidents.change_level(login(gui_ctx, "lead"), fire, Level.I, "火势蔓延")
    console.reload()  # the new level: the tooltip and the swatch change, so the tab is labelled again
    assert len(sets) == 1 and f"#{fire}" in sets[0]
    assert Level.I.label in page.tabs.tabToolTip(index)


def test_a_reread_after_a_language_switch_words_the_console_again(
    gui_ctx: AppContext, qtbot: Any, monkeypatch: Any
) -> None:
    """The call list, among others, is worded only when a read is shown: the first re-read in the
    new language shows every part again, though the incident did not change."""
    from branchguard.core.kernel.i18n import current_language, set_language

    fire = gui_ctx.services.incidents.start(login(gui_ctx, "lead"), "FIRE").id
    console = open_console(qtbot, session_for(gui_ctx, "lead"), fire)
    worded: list[int] = []
    real = console.calls.set_contacts
    monkeypatch.setattr(console.calls, "set_contacts", lambda contacts: (worded.append(1), real(contacts)))
    console.reload()
    assert worded == []
    before = current_language()
    try:
        set_language("en" if before.startswith("zh") else "zh_CN")
        console.reload()
        assert worded == [1]
    finally:
        set_language(before)
