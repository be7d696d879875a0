"""At larger text (the application font 15 pt, Windows' 150 %) on a 1024×768 screen the incident
console shows its title and the starter's line whole, its buttons on one row, and room for a step's
words; at the usual size the step column is as before. At 15 pt in English the title read
"Fire and…" and the starter's line "FIRE v1 · started 07:56 by…", the buttons took two rows (which
pushed the step list 17 px below its least height: its sideways scroll bar lay under the log), and
the step column was 80 px wide ("Shout…")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QPushButton

from branchguard.app import build_main_window
from branchguard.context import AppContext
from branchguard.core.kernel.i18n import current_language
from branchguard.gui.incidents.console import IncidentConsole
from branchguard.gui.incidents.console.header import grown
from branchguard.gui.incidents.console.steps_panel import STEP_CHARS
from branchguard.gui.incidents.steps_model import IncidentStepsModel
from tests.gui.fit_support import SMALL
from tests.gui.incidents.incident_support import login
from tests.gui.test_fit import LANGS, settle
from tests.pc_clock import LATE, TEN, set_window_clock

LARGE_POINTS = 15.0
WIDE = QSize(1280, 800)  # the window's default size


def open_console(
    world: AppContext, qtbot: Any, plan: str, size: QSize = SMALL, drill: bool = False
) -> IncidentConsole:
    lead = login(world, "lead")
    incident = world.services.incidents.start(lead, plan, drill=drill).id
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


def shows_whole(label: QLabel) -> bool:
    """Whether `label` shows all its text: its wrapped lines within its height, or its one line
    within its width."""
    if label.wordWrap():
        return label.heightForWidth(label.width()) <= label.height()
    return label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()


@pytest.mark.parametrize("plan", ["FIRE", "NAT"])  # NAT: a weather incident, with its warning level
@pytest.mark.parametrize("lang", LANGS)
def test_the_title_and_the_starters_line_read_whole_at_larger_text(
    world: AppContext, qtbot: Any, text_points: Callable[[float], None], plan: str
) -> None:
    text_points(LARGE_POINTS)
    console = open_console(world, qtbot, plan)
    header, detail = console.header, console.detail
    assert detail is not None
    title, meta = header.title, header.meta
    assert title.text() == detail.summary.title, f"the title shows {title.text()!r}"
    need = title.heightForWidth(title.width())
    assert shows_whole(title), f"{title.width()}×{title.height()} px, its lines {need} px tall"
    assert title.font().pointSizeF() >= LARGE_POINTS and title.font().bold()
    large = grown(console.font(), 15, bold=True)  # the title's size at 10 pt text, grown: 22.5 pt
    if QFontMetrics(large).horizontalAdvance(title.text()) <= title.width():
        assert title.font().pointSizeF() == large.pointSizeF()  # where it fits one line, not shrunk
    assert "…" not in meta.text() and meta.text().startswith(f"{detail.summary.playbook_code} v")
    assert detail.summary.status.label in meta.text()
    assert shows_whole(meta), f"{meta.text()!r}: {meta.width()}×{meta.height()} px"
    if header.checkpoint.isVisible():
        assert shows_whole(header.checkpoint)


@pytest.mark.parametrize("plan", ["FIRE", "NAT"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_buttons_take_one_row_at_larger_text(
    world: AppContext, qtbot: Any, text_points: Callable[[float], None], plan: str
) -> None:
    """Short labels where the full ones would take two rows (the print button then its icon), each
    whole, the full label read to a screen reader; on a 1280-wide screen the fire plan's full ones."""
    text_points(LARGE_POINTS)
    console = open_console(world, qtbot, plan)
    buttons = (
        console.guides_button,
        console.follow_button,
        console.level_button,
        console.warning_button,
        console.report_button,
        console.print_button,
        console.close_button,
    )
    row = [b for b in buttons if b.isVisible()]
    assert len(row) >= 5
    tops = {b.geometry().center().y() for b in row}
    assert len(tops) == 1, f"{plan}: the buttons take {len(tops)} rows: {[b.text() for b in row]}"
    for button in row:
        assert isinstance(button, QPushButton)
        assert button.width() >= button.sizeHint().width(), f"{button.text()!r} cut"
        assert button.accessibleName() and button.toolTip()
    if plan == "FIRE":
        console.window().resize(WIDE)
        settle()
        assert all(b.text() == b.accessibleName() for b in row), [b.text() for b in row]


@pytest.mark.parametrize("plan", ["FIRE", "NAT"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_header_and_the_buttons_leave_the_steps_their_height_at_larger_text(
    world: AppContext, qtbot: Any, text_points: Callable[[float], None], plan: str
) -> None:
    """The step list gets at least its least height: four rows and the room for its sideways
    scroll bar (whole_rows counts the rows its viewport holds, even where the log covers them)."""
    text_points(LARGE_POINTS)
    steps = open_console(world, qtbot, plan).steps
    need = steps.minimumSizeHint().height()
    assert steps.height() >= need, f"{plan}: the steps have {steps.height()} px of the {need} they need"


@pytest.mark.parametrize("lang", LANGS)
def test_the_checkpoint_is_shortened_only_where_the_room_asks(
    world: AppContext, qtbot: Any, text_points: Callable[[float], None], lang: str
) -> None:
    """At 15 pt in English on a 1024-wide screen the checkpoint beside the starter's line drops its
    step (the whole in its tooltip); in Chinese, and on a 1280-wide screen, it keeps it."""
    text_points(LARGE_POINTS)
    console = open_console(world, qtbot, "FIRE")
    point = console.header._checkpoint
    assert point is not None
    checkpoint = console.header.checkpoint
    for size, shortened in ((SMALL, lang == "en"), (WIDE, False)):
        console.window().resize(size)
        settle()
        assert (f"{point.step}" not in checkpoint.text()) == shortened, f"{size}: {checkpoint.text()}"
        assert shows_whole(checkpoint) and (not shortened or f"{point.step}" in checkpoint.toolTip())


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


@pytest.mark.parametrize("lang", LANGS)
def test_with_the_call_list_open_the_steps_scroll_bar_is_in_view_at_larger_text(
    world: AppContext, qtbot: Any, text_points: Callable[[float], None]
) -> None:
    """The columns scroll sideways beside the call list, the step column at its least width, and
    the scroll bar shows whole (it lay under the log, the list pushed 17 px below its height)."""
    text_points(LARGE_POINTS)
    console = open_console(world, qtbot, "FIRE")
    table = console.steps.table
    header = table.horizontalHeader()
    least = STEP_CHARS * table.fontMetrics().averageCharWidth()
    console.calls_toggle.click()
    settle()
    assert console.calls.isVisible()
    assert header.sectionSize(IncidentStepsModel.COL_TEXT) >= least
    bar = table.horizontalScrollBar()
    assert bar.isVisible()
    seen = bar.visibleRegion().boundingRect().size()
    assert seen == bar.size(), f"the scroll bar shows {seen.height()} of its {bar.height()} px"


@pytest.mark.parametrize("start", [TEN, LATE], ids=["day", "late"])
@pytest.mark.parametrize("size", [SMALL, WIDE], ids=["1024", "1280"])
@pytest.mark.parametrize("lang", LANGS)
def test_at_the_usual_size_the_step_column_keeps_its_room(
    world: AppContext,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    text_points: Callable[[float], None],
    size: QSize,
    start: datetime,
) -> None:
    """At 10 pt, the call list beside the steps: the least width takes no room from the other
    columns (they do not scroll sideways), and the column is no narrower than before (102 px in
    English on a 1024-wide screen), at ten to midnight too (targets on the next day)."""
    set_window_clock(monkeypatch, start)
    text_points(10)
    console = open_console(world, qtbot, "FIRE", size)
    assert console.calls.isVisible()
    table = console.steps.table
    header = table.horizontalHeader()
    step = header.sectionSize(IncidentStepsModel.COL_TEXT)
    assert step >= STEP_CHARS * table.fontMetrics().averageCharWidth()
    if current_language() == "en":  # in Chinese the targets' clocks take 7 px of it (target_column.py)
        assert step >= 102
    assert header.length() <= table.viewport().width(), "the columns scroll sideways"
