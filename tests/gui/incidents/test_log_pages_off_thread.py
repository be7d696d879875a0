"""The incident log reads each page the view scrolls to off the GUI thread, as its first page and
the entries written elsewhere are read (it read each further page on the GUI thread)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex

from branchguard.context import AppContext
from branchguard.core.incidents.types import EntryKind
from branchguard.gui.incidents.log_model import IncidentLogModel
from tests.gui.dialog_support import sql_threads
from tests.gui.incidents.incident_support import login


def test_each_page_the_view_asks_for_is_read_off_the_gui_thread(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any
) -> None:
    incidents, lead = gui_ctx.services.incidents, login(gui_ctx, "lead")
    fire = incidents.start(lead, "FIRE").id
    for n in range(7):
        incidents.log(lead, fire, EntryKind.NOTE, f"第 {n} 条现场记录")
    written = len(incidents.entries_page(lead, fire, 0, 100))
    model, root = IncidentLogModel(gui_ctx.services, lead, fire, page_size=3), QModelIndex()
    pages = 0
    with sql_threads(gui_ctx.engine) as sql:
        while not model.read_to_end():
            assert model.canFetchMore(root)
            model.fetchMore(root)  # as the view does, scrolled to the end of what is read
            pages += 1
            assert not model.canFetchMore(root)  # under way: the view asks for nothing meanwhile
            qtbot.waitUntil(lambda: model.canFetchMore(root) or model.read_to_end())
    assert model.rowCount() == written and pages == written // 3 + 1
    assert [model.entry_at(row).seq for row in range(written)] == list(range(1, written + 1))
    assert "SELECT" in sql.off_gui_thread() and sql.on_gui_thread() == []
