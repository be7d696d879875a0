"""A refusal said in one of the console's dialogs reads whole at larger text: the skip, correction
and level dialogs kept their height as the line took two lines at 15 pt (a locked database), and
cut both (the dialog 160 px tall, the line 32 px of the 48 its lines need)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from branchguard.context import AppContext
from branchguard.gui.kit import tasks
from tests.gui.dialog_support import locked, refuse_with, said_locked
from tests.gui.fit_support import SMALL
from tests.gui.incidents.incident_support import login, open_console, session_for
from tests.gui.incidents.test_console_larger_text import LARGE_POINTS, shows_whole


@pytest.mark.parametrize("lang", ["en"])  # the fault's words in English are the longer
def test_a_refusal_in_the_skip_dialog_reads_whole_at_larger_text(
    gui_ctx: AppContext,
    pool_tasks: Any,
    qtbot: Any,
    text_points: Callable[[float], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tasks, "_fault_place", gui_ctx.place)  # a fault is worded with it
    text_points(LARGE_POINTS)
    fire = gui_ctx.services.incidents.start(login(gui_ctx, "lead"), "FIRE")
    console = open_console(qtbot, session_for(gui_ctx, "lead"), fire.id)
    qtbot.waitUntil(lambda: console.detail is not None)
    dialog = console.ask_skip(1)
    assert dialog is not None
    dialog.reason.setText("The alarm panel is in the vault")
    refuse_with(monkeypatch, gui_ctx.services.incidents, "mark_step", locked())
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog))
    error = dialog.error
    assert error.text() == said_locked(gui_ctx)
    assert error.heightForWidth(error.width()) > error.fontMetrics().height(), "a message of two lines"
    assert shows_whole(error), f"{error.height()} px tall, its lines {error.heightForWidth(error.width())}"
    assert dialog.height() <= SMALL.height()
