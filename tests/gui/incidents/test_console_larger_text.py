"""At larger text (the application font 15 pt, Windows' 150 %) on a 1024×768 screen the incident
console's step column keeps room for a step's words (it had 80 px in English, "Shout…"); at the
usual size it is as before."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from branchguard.app import build_main_window
from branchguard.context import AppContext
from branchguard.gui.incidents.console import IncidentConsole
from branchguard.gui.incidents.console.steps_panel import STEP_CHARS
from branchguard.gui.incidents.steps_model import IncidentStepsModel
from tests.gui.fit_support import SMALL
from tests.gui.incidents.incident_support import login
from tests.gui.test_fit import LANGS, settle

LARGE_POINTS = 15.0
WIDE = QSize(1280, 800)  # the window's default size


@pytest.fixture
def text_points(app: QApplication) -> Iterator[Callable[[float], None]]:
    """Sets the application font's size (0: as it was), as a system text size gives it."""
    before = app.font()

    def _set(points: float) -> None:
        font = QFont(before)
        if points:
            font.setPointSizeF(points)
        app.setFont(font)

    yield _set
    app.setFont(before)


def open_console(world: AppContext, qtbot: Any, plan: str, size: QSize = SMALL) -> IncidentConsole:
    lead = login(world, "lead")
    incident = world.services.incidents.start(lead, plan).id
    world.services.incidents.mark_step(lead, incident, 1)
    window = build_main_window(world, lead)
    qtbot.addWidget(window)
    window.resize(size)
    window.show()
    page = window.show_page("incidents")
    assert page is not None
    console: IncidentConsole = page.open_incident(incident)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: console.detail is not None, timeout=10_000)
    settle()
    return console


@pytest.mark.parametrize("lang", LANGS)
def test_the_step_column_keeps_room_for_a_steps_words_at_larger_text(
    world: AppContext, qtbot: Any, text_points: Callable[[float], None]
) -> None:
    """At least STEP_CHARS average characters, the other columns in view with the call list folded."""
    text_points(LARGE_POINTS)
    console = open_console(world, qtbot, "FIRE")
    table = console.steps.table
    header = table.horizontalHeader()
    least = STEP_CHARS * table.fontMetrics().averageCharWidth()
    step = header.sectionSize(IncidentStepsModel.COL_TEXT)
    assert step >= least, f"the step column is {step} px, not {least}"
    assert header.length() <= table.viewport().width(), "the columns scroll sideways"


@pytest.mark.parametrize("size", [SMALL, WIDE], ids=["1024", "1280"])
@pytest.mark.parametrize("lang", LANGS)
def test_at_the_usual_size_the_step_column_keeps_its_room(
    world: AppContext, qtbot: Any, text_points: Callable[[float], None], size: QSize
) -> None:
    """At 10 pt, the call list beside the steps: the least width takes no room from the other
    columns (they do not scroll sideways), and the column is no narrower than before (102 px in
    English on a 1024-wide screen)."""
    text_points(10)
    console = open_console(world, qtbot, "FIRE", size)
    assert console.calls.isVisible()
    table = console.steps.table
    header = table.horizontalHeader()
    step = header.sectionSize(IncidentStepsModel.COL_TEXT)
    assert step >= STEP_CHARS * table.fontMetrics().averageCharWidth()
    assert step >= 102
    assert header.length() <= table.viewport().width(), "the columns scroll sideways"
