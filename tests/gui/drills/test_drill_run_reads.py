"""Running a drill builds the Incidents page and the run's console in one turn: every read asked for
in it (the plans again, the banner, the Incidents page's and the console's) starts after that turn,
not beside it. Reads started in it held the interpreter between the build's calls into Python: at
ten years that turn stalled the window 176-286 ms, 73-156 ms with the reads after it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from branchguard.context import AppContext
from branchguard.core.drills.types import DrillPlanInput
from branchguard.gui.drills.page import DrillsPage
from branchguard.gui.incidents.page import IncidentsPage
from branchguard.gui.kit import loader, tasks
from branchguard.gui.shell.main_window import MainWindow


def test_a_drill_runs_console_and_lists_read_after_the_turn_that_builds_them(
    gui_ctx: AppContext, open_window: Callable[[str], MainWindow], qtbot: Any, read_starts: list[str]
) -> None:
    window = open_window("lead")
    lead = window.session.actor
    plan = gui_ctx.services.drills.plan(lead, DrillPlanInput("FIRE", datetime.now() + timedelta(days=3)))
    page = window.show_page("drills")
    assert isinstance(page, DrillsPage)
    run = gui_ctx.services.drills.run(lead, plan.id)  # as the writer stores it, then `_ran` here
    read_starts.clear()
    tasks.set_inline(False)
    page.list_panel._ran(run)
    incidents = window.page("incidents")
    assert isinstance(incidents, IncidentsPage) and window.current_page_id() == "incidents"
    assert read_starts == [] and loader.pending() > 0  # asked for, waiting for the next turn
    qtbot.waitUntil(lambda: loader.pending() == 0)
    assert read_starts
    console = incidents.current_console()
    assert console is not None and console.detail is not None and console.detail.summary.drill
    assert console.detail.summary.id == run.incident_id
