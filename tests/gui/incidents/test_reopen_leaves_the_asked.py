"""The open incidents reopened as the Incidents page is first built never cover what was asked for
meanwhile: the console of an incident started with F9 from another page (the lead starting a fire
from the dashboard was shown an older incident's console), or the list a dashboard tile filtered."""

from __future__ import annotations

from typing import Any

from branchguard.app import build_main_window
from branchguard.context import AppContext
from branchguard.core.incidents.types import IncidentFilter, IncidentStatus
from branchguard.core.kernel.types import Level
from branchguard.gui.incidents.page import IncidentsPage
from tests.gui.incidents.incident_support import login


def _window_with_an_open_incident(gui_ctx: AppContext, qtbot: Any) -> tuple[Any, int]:
    older = gui_ctx.services.incidents.start(login(gui_ctx, "lead"), "SYS", Level.I).id  # the most urgent
    window = build_main_window(gui_ctx, login(gui_ctx, "lead"))
    qtbot.addWidget(window)
    window.show_page("dashboard")
    return window, older


def test_an_incident_started_from_another_page_stays_in_front(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any
) -> None:
    window, older = _window_with_an_open_incident(gui_ctx, qtbot)
    new = gui_ctx.services.incidents.start(login(gui_ctx, "lead"), "FIRE", Level.III).id
    window.incident_bar._started(new)  # as the start dialog's `started` does, the page not yet built
    page = window.pages["incidents"]
    assert isinstance(page, IncidentsPage)
    qtbot.waitUntil(lambda: older in page.open_tabs())  # the reopen's answer is in
    current = page.current_console()
    assert current is not None and current.incident_id == new
    assert page.console(older) is None  # behind, built when its tab is first shown


def test_a_list_a_tile_filtered_stays_in_front(gui_ctx: AppContext, pool_tasks: Any, qtbot: Any) -> None:
    window, older = _window_with_an_open_incident(gui_ctx, qtbot)
    page = window.show_page("incidents")
    assert isinstance(page, IncidentsPage)
    page.show_filtered(IncidentFilter(status=IncidentStatus.OPEN))  # the dashboard's tile, in the same turn
    qtbot.waitUntil(lambda: older in page.open_tabs())
    assert page.tabs.currentIndex() == 0 and page.current_console() is None
