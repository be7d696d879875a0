"""A started incident's console is built and painted before the reads its start asks for: its own,
the list's and the banner's (kit/loader.py, reads_next_turn). The list's and the banner's started in
the turn that built the console, beside its layout and first paint."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from branchguard.context import AppContext
from branchguard.gui.incidents.page import IncidentsPage
from branchguard.gui.kit import loader, tasks
from branchguard.gui.shell.main_window import MainWindow


def test_a_started_incidents_reads_start_after_the_turn_that_builds_its_console(
    gui_ctx: AppContext, open_window: Callable[[str], MainWindow], qtbot: Any, read_starts: list[str]
) -> None:
    window = open_window("lead")
    page = window.show_page("incidents")
    assert isinstance(page, IncidentsPage)
    incident = gui_ctx.services.incidents.start(window.session.actor, "FIRE")
    read_starts.clear()
    tasks.set_inline(False)
    console = page.started(incident.id)
    assert read_starts == [] and loader.pending() > 0  # asked for, waiting for the next turn
    qtbot.waitUntil(lambda: loader.pending() == 0)
    assert read_starts
    assert console.detail is not None and console.detail.summary.id == incident.id
    assert page.current_console() is console
