"""Follow mode on a closed incident: the closed message takes the room the step had, in large type.
With every button hidden, the step column shrank to 9 px and the numbers took the whole width."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from branchguard.context import AppContext
from branchguard.core.incidents.types import CloseInput
from branchguard.gui.incidents.follow_mode import FollowWindow
from branchguard.gui.incidents.follow_mode.view import MIN_STEP_POINTS
from tests.gui.incidents.incident_support import login, session_for

SIZES = [(1024, 768), (1920, 1080)]


def follow_window(gui_ctx: AppContext, qtbot: Any, incident_id: int, size: tuple[int, int]) -> FollowWindow:
    window = FollowWindow(session_for(gui_ctx, "staff"), incident_id)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def assert_reads_closed(window: FollowWindow) -> None:
    """The message is as wide as most of the window (the numbers keep their side), and large."""
    QApplication.sendPostedEvents()  # the layout the screen shows next: laid out on its request
    assert window.step_area.step.text() == window.tr("This incident is closed.")
    assert window.step_area.step.width() > window.width() // 2
    assert window.step_area.step_points() >= MIN_STEP_POINTS
    assert window.numbers.width() < window.width() // 2


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize("size", SIZES)
def test_a_close_from_another_pc_reads_large_after_the_poll(gui_ctx, qtbot, size):
    lead = login(gui_ctx, "lead")
    incident = gui_ctx.services.incidents.start(lead, "FIRE")
    window = follow_window(gui_ctx, qtbot, incident.id, size)
    gui_ctx.services.incidents.close(lead, incident.id, CloseInput("put out"))
    window.refresh()  # what the poll does
    assert_reads_closed(window)
    window.resize(size[0] - 40, size[1] - 40)  # and it stays so when the window changes size
    assert_reads_closed(window)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize("size", SIZES)
def test_a_follow_window_opened_on_a_closed_incident_reads_large(gui_ctx, qtbot, size):
    lead = login(gui_ctx, "lead")
    incident = gui_ctx.services.incidents.start(lead, "FIRE")
    gui_ctx.services.incidents.close(lead, incident.id, CloseInput("put out"))
    assert_reads_closed(follow_window(gui_ctx, qtbot, incident.id, size))
