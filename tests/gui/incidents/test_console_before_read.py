"""A console opened on a real incident says nothing of a drill while its first read is under way."""

from __future__ import annotations

from typing import Any

from branchguard.context import AppContext
from tests.gui.incidents.incident_support import login, open_console, session_for
from tests.gui.incidents.test_console_keyboard import held


def test_a_real_incident_is_not_shown_as_a_drill_before_its_read_arrives(
    gui_ctx: AppContext, qtbot: Any, monkeypatch, pool_tasks
) -> None:
    """On the lobby PC of a shared database the read took seconds: the console showed the purple
    "DRILL · This is a drill, not a real incident" strip and badge over a real fire meanwhile."""
    fire = gui_ctx.services.incidents.start(login(gui_ctx, "lead"), "FIRE").id
    release = held(monkeypatch, gui_ctx.services.incidents, "get")
    console = open_console(qtbot, session_for(gui_ctx, "staff"), fire)
    header = console.header
    assert console.detail is None  # the read is held
    assert not header.drill_strip.isVisible() and not header.drill_badge.isVisible()
    release.set()
    qtbot.waitUntil(lambda: console.detail is not None)
    assert not header.drill_strip.isVisible() and not header.drill_badge.isVisible()


def test_a_drill_shows_its_strip_once_read(gui_ctx: AppContext, qtbot: Any) -> None:
    drill = gui_ctx.services.incidents.start(login(gui_ctx, "lead"), "FIRE", drill=True).id
    console = open_console(qtbot, session_for(gui_ctx, "staff"), drill)
    qtbot.waitUntil(lambda: console.detail is not None)
    assert console.header.drill_strip.isVisible() and console.header.drill_badge.isVisible()
