"""The lead's console follows the entries written on another PC, as it follows its own: the lobby
PC's notes came in below the fold of a log scrolled to its newest entry, and stayed there."""

from __future__ import annotations

from typing import Any

from branchguard.context import AppContext
from branchguard.core.incidents.types import EntryKind
from tests.gui.incidents.incident_support import login, open_console, session_for


def _lobby_notes(ctx: AppContext, incident_id: int, *texts: str) -> None:
    staff = login(ctx, "staff")
    for text in texts:
        ctx.services.incidents.log(staff, incident_id, EntryKind.NOTE, text)


def test_entries_from_another_pc_are_followed_unless_scrolled_back(gui_ctx: AppContext, qtbot: Any) -> None:
    lead = login(gui_ctx, "lead")
    fire = gui_ctx.services.incidents.start(lead, "FIRE").id
    _lobby_notes(gui_ctx, fire, *(f"lobby {n}" for n in range(8)))
    console = open_console(qtbot, session_for(gui_ctx, "lead"), fire)
    model, bar = console.log.model, console.log.view.verticalScrollBar()
    qtbot.waitUntil(lambda: console.detail is not None and bar.maximum() > 0 and bar.value() == bar.maximum())
    rows, end = model.rowCount(), bar.maximum()
    _lobby_notes(gui_ctx, fire, "exit B clear", "headcount 14")
    console.reload()  # the console's poll
    qtbot.waitUntil(lambda: model.rowCount() == rows + 2)
    qtbot.waitUntil(lambda: bar.maximum() == end + 2 and bar.value() == bar.maximum())  # the newest shown
    bar.setValue(0)  # the lead scrolls back to read the start
    _lobby_notes(gui_ctx, fire, "fire brigade arrived")
    console.reload()
    qtbot.waitUntil(lambda: model.rowCount() == rows + 3)
    qtbot.wait(50)  # a follow would run in the next turns of the event loop
    assert bar.value() == 0  # left where the reader is


def test_the_leads_own_entry_leaves_a_log_scrolled_back_a_few_rows(gui_ctx: AppContext, qtbot: Any) -> None:
    """"Within two rows of the end" was counted in pixels (48) on a scroll bar that counts rows: a
    lead scrolled back a few rows to reread was taken to the end by their own next entry."""
    lead = login(gui_ctx, "lead")
    fire = gui_ctx.services.incidents.start(lead, "FIRE").id
    _lobby_notes(gui_ctx, fire, *(f"lobby {n}" for n in range(12)))
    console = open_console(qtbot, session_for(gui_ctx, "lead"), fire)
    model, bar = console.log.model, console.log.view.verticalScrollBar()
    qtbot.waitUntil(lambda: console.detail is not None and bar.maximum() > 4 and bar.value() == bar.maximum())
    rows = model.rowCount()
    bar.setValue(bar.maximum() - 4)  # four rows back
    back = bar.value()
    console.add_entry(EntryKind.NOTE, "119 called")
    qtbot.waitUntil(lambda: model.rowCount() == rows + 1)
    qtbot.wait(50)  # a follow would run in the next turns of the event loop
    assert bar.value() == back


def test_a_follow_asked_for_just_before_the_console_closes_does_nothing(
    gui_ctx: AppContext, qtbot: Any
) -> None:
    """The follow runs in a later turn of the event loop: a console closed in between (its tab
    closed, the window quit) raised "Internal C++ object (LogView) already deleted" there."""
    import shiboken6
    from PySide6.QtWidgets import QApplication

    from branchguard.gui.incidents.console.console import IncidentConsole

    lead = login(gui_ctx, "lead")
    fire = gui_ctx.services.incidents.start(lead, "FIRE").id
    console = IncidentConsole(session_for(gui_ctx, "lead"), fire)  # not qtbot's: deleted here
    console.resize(1200, 800)
    console.show()
    panel = console.log
    qtbot.waitUntil(lambda: console.detail is not None and panel.model.rowCount() > 0)
    panel._was_at_end = True
    panel._follow_if_at_end()  # a follow asked for, to run in the next turn
    shiboken6.delete(console)  # the console gone before that turn
    QApplication.processEvents()  # an exception here fails the test (pytest-qt)
