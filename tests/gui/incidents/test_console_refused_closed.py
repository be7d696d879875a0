"""A write the console sends after another PC closed its incident is refused, and the console reads
the incident again at once: "Closed", no Done or Close, with the refusal said; until its 15 s poll it
went on offering what the service would refuse."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from branchguard.context import AppContext
from branchguard.core.incidents.types import CloseInput, IncidentStatus
from branchguard.gui.incidents.console import IncidentConsole
from tests.gui.incidents.incident_support import login, open_console, session_for


@pytest.fixture
def closed_elsewhere(gui_ctx: AppContext, qtbot: Any) -> IncidentConsole:
    """A lead's console, shown while the incident was open, then closed from another PC."""
    fire = gui_ctx.services.incidents.start(login(gui_ctx, "lead"), "FIRE").id
    console = open_console(qtbot, session_for(gui_ctx, "lead"), fire)
    assert console.close_button.isVisibleTo(console) and console.steps.done_button.isVisibleTo(console)
    gui_ctx.services.incidents.close(login(gui_ctx, "lead"), fire, CloseInput("put out"))
    return console


def assert_shows_closed(console: IncidentConsole, refusal: str) -> None:
    assert refusal in console.message.text() and console.message.isVisibleTo(console)
    assert console.detail is not None and console.detail.summary.status == IncidentStatus.CLOSED
    assert IncidentStatus.CLOSED.label in console.header.meta.text()
    assert not console.close_button.isVisibleTo(console)
    assert not console.steps.done_button.isVisibleTo(console)


def test_a_log_entry_refused_as_closed_shows_the_incident_closed(
    closed_elsewhere: IncidentConsole, qtbot: Any
):
    console = closed_elsewhere
    qtbot.keyClicks(console.log.text, "Second floor cleared")
    qtbot.keyClick(console.log.text, Qt.Key.Key_Return)
    assert_shows_closed(console, "its log takes no more entries")


def test_a_step_mark_refused_as_closed_shows_the_incident_closed(closed_elsewhere: IncidentConsole):
    console = closed_elsewhere
    console.mark_done(1)
    assert_shows_closed(console, "is closed")
