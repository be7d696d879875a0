"""A console opened on a log longer than a page (a restart mid-incident, a second PC) shows the
newest entries and the lead's own: it showed the first 48, and an entry written there went in only
once the lead scrolled to it (ten years' fixture: 79 entries, the box cleared and nothing showed)."""

from __future__ import annotations

from typing import Any

from branchguard.context import AppContext
from branchguard.core.incidents.types import EntryKind
from branchguard.gui.incidents.log_model import PAGE_SIZE
from tests.gui.dialog_support import sql_threads
from tests.gui.incidents.incident_support import login, open_console, session_for


def test_a_long_log_opens_at_its_newest_entry_and_shows_the_leads_own(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any
) -> None:
    incidents, lead = gui_ctx.services.incidents, login(gui_ctx, "lead")
    fire = incidents.start(lead, "FIRE").id
    for n in range(PAGE_SIZE + 10):
        incidents.log(lead, fire, EntryKind.NOTE, f"第 {n} 条现场记录")
    written = len(incidents.entries_page(lead, fire, 0, 1000))
    session = session_for(gui_ctx, "lead")
    with sql_threads(gui_ctx.engine) as sql:
        console = open_console(qtbot, session, fire)
        model, view = console.log.model, console.log.view
        qtbot.waitUntil(lambda: model.rowCount() == written)
        bar = view.verticalScrollBar()
        qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum())
    assert sql.on_gui_thread() == []  # read on in the background
    console.add_entry(EntryKind.NOTE, "消防车到达")
    qtbot.waitUntil(lambda: model.rowCount() == written + 1)
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())
    last = view.rowAt(view.viewport().height() - 2)
    assert model.entry_at(last).text == "消防车到达"  # in sight, as the box cleared
