"""A refusal said in the console keeps the window within a 1024×768 screen at larger text, and reads
whole: on its line, or where the line is too short, in its tooltip and to a screen reader. At 15 pt
the wrapped message line (a file that was gone: three lines in English) made the window 784 px
tall, and one line of it alone 796 at 15 pt in Chinese, as the steps and the log kept their floors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from branchguard.context import AppContext
from branchguard.core.incidents.types import CloseInput, EntryKind
from branchguard.gui.incidents.console import IncidentConsole
from branchguard.gui.kit.plain import tip
from tests.gui.fit_support import SMALL
from tests.gui.incidents.incident_support import login
from tests.gui.incidents.test_console_larger_text import LARGE_POINTS, open_console
from tests.gui.test_fit import LANGS, settle


def refused(console: IncidentConsole, qtbot: Any, ask: Callable[[], None]) -> str:
    ask()
    qtbot.waitUntil(console.message.isVisible, timeout=10_000)
    settle()
    return console.message.toolTip()


def gone_file(tmp_path: Path) -> Path:
    return tmp_path / ("photo-of-the-lobby-taken-at-the-assembly-point-by-the-branch-head-" * 2 + ".jpg")


@pytest.mark.parametrize("points", [LARGE_POINTS, 12.5])
@pytest.mark.parametrize("lang", LANGS)
def test_a_refusal_keeps_the_window_on_the_screen_at_larger_text(
    world: AppContext, qtbot: Any, text_points: Callable[[float], None], points: float, tmp_path: Path
) -> None:
    text_points(points)
    console = open_console(world, qtbot, "FIRE")
    window = console.window()
    path = gone_file(tmp_path)
    said = refused(console, qtbot, lambda: console.attach(path))
    message = console.message
    assert window.height() <= SMALL.height(), f"{window.height()} px tall"
    assert window.minimumSizeHint().height() <= SMALL.height()
    assert path.name in said, said  # the whole refusal, the file named in it
    assert message.height() >= message.fontMetrics().height(), "the line shows"
    assert message.fontMetrics().horizontalAdvance(message.text()) <= message.contentsRect().width()
    assert message.text().endswith("…") and message.accessibleName() == message.full_text()
    assert tip(message.full_text()) == said
    # the log keeps its rows below the message, and has them back once the message goes
    log = console.log.view
    assert log.height() > 0
    console.show_error("")
    settle()
    assert log.height() >= log.minimumHeight() and window.height() <= SMALL.height()


@pytest.mark.parametrize("lang", LANGS)
def test_a_short_refusal_reads_whole_on_its_line(
    world: AppContext, qtbot: Any, text_points: Callable[[float], None]
) -> None:
    """The log's entry refused as the incident was closed on another PC: the whole on the line."""
    text_points(LARGE_POINTS)
    console = open_console(world, qtbot, "FIRE")
    lead = login(world, "lead")
    world.services.incidents.close(lead, console.incident_id, CloseInput(outcome="Put out"))
    refused(console, qtbot, lambda: console.add_entry(EntryKind.NOTE, "Fire brigade on site"))
    message = console.message
    assert console.window().height() <= SMALL.height(), f"{console.window().height()} px tall"
    assert message.text() == message.full_text() and "…" not in message.text()


@pytest.mark.parametrize("lang", LANGS)
def test_the_ledger_warning_keeps_the_window_on_the_screen_at_larger_text(
    world: AppContext, qtbot: Any, text_points: Callable[[float], None]
) -> None:
    """The incident rewritten outside the app: the band above the console (four lines) at 15 pt."""
    text_points(LARGE_POINTS)
    console = open_console(world, qtbot, "FIRE")
    with world.engine.begin() as conn:
        conn.execute(text("UPDATE incidents SET title = 'x' WHERE id = :i"), {"i": console.incident_id})
    console.ledger_band.check("incident", console.incident_id)
    qtbot.waitUntil(console.ledger_band.isVisible, timeout=10_000)
    settle()
    window = console.window()
    assert window.height() <= SMALL.height(), f"{window.height()} px tall"
    assert console.log.view.height() > 0
