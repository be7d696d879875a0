"""A drill's console at larger text (15 pt) on a 1024×768 screen: the badge beside the level says it
is a drill (the strip's words in its tooltip and to a screen reader), without the strip's row above
it. With the strip (43 px at 15 pt) the console's least height made the window 1024×799, taller
than the screen, and in English the steps had 272 px of the 278 their four rows need."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from branchguard.context import AppContext
from branchguard.gui.incidents.console.steps_panel import LARGE_STEP_ROWS
from branchguard.gui.kit.plain import tip
from tests.gui.fit_support import SMALL
from tests.gui.incidents.test_console_larger_text import LARGE_POINTS, open_console
from tests.gui.incidents.test_console_larger_text_steps import LONG_TITLE, rows_in_view
from tests.gui.test_fit import LANGS


@pytest.mark.parametrize("plan", ["FIRE", LONG_TITLE])
@pytest.mark.parametrize("lang", LANGS)
def test_a_drills_console_fits_the_screen_at_larger_text(
    world: AppContext, qtbot: Any, text_points: Callable[[float], None], plan: str
) -> None:
    text_points(LARGE_POINTS)
    console = open_console(world, qtbot, plan, drill=True)
    window, header, steps = console.window(), console.header, console.steps
    least = window.minimumSizeHint().height()
    assert least <= SMALL.height(), f"the window needs {least} px"
    assert window.height() <= SMALL.height(), f"the window is {window.height()} px tall"
    need = steps.minimumSizeHint().height()
    assert steps.height() >= need, f"the steps have {steps.height()} px of the {need} they need"
    assert rows_in_view(steps.table) >= LARGE_STEP_ROWS
    badge, strip = header.drill_badge, header.drill_strip
    assert badge.isVisible() and not strip.isVisible()
    words = strip.text().split(" · ", 1)[1]  # "This is a drill, not a real incident", translated
    assert badge.toolTip() == tip(words) and badge.accessibleName() == strip.text()


@pytest.mark.parametrize("lang", LANGS)
def test_at_the_usual_size_a_drill_keeps_its_strip(
    world: AppContext, qtbot: Any, text_points: Callable[[float], None]
) -> None:
    """At 10 pt the strip over the header is shown as before, the badge beside the level too."""
    text_points(10)
    console = open_console(world, qtbot, "FIRE", drill=True)
    header = console.header
    assert header.drill_strip.isVisible() and header.drill_badge.isVisible()
    assert console.window().height() <= SMALL.height()
    assert console.steps.height() >= console.steps.minimumSizeHint().height()
