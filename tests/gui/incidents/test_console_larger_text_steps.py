"""At larger text (15 pt) on a 1024×768 screen the step list keeps its four rows in view under a long
plan title, and its Target column shows each step's target and clock whole. Before, in English the
title "Unreasonable occupation of bank service resources on-site response plan" took three lines:
the step list got 260 px of the 278 it needs, its fourth row lay 3 px under the log and the room
kept for its sideways scroll bar with it. The Target column was its 10 pt 100 px scaled (150 px):
"10 分钟内 (10:25)" read "10 分钟内 (10…" in Chinese (10 px short) and "≤ 10 min (10:…" in English."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyle, QTableView

from branchguard.context import AppContext
from branchguard.gui.incidents.console.steps_panel import LARGE_STEP_ROWS, STEP_CHARS
from branchguard.gui.incidents.steps_model import IncidentStepsModel
from branchguard.gui.kit.plain import tip
from tests.gui.fit_support import header_problems
from tests.gui.incidents.test_console_larger_text import LARGE_POINTS, open_console
from tests.gui.test_fit import LANGS
from tests.pc_clock import LATE, TEN, set_window_clock

LONG_TITLE = "OCC"  # in English its title takes three lines beside the level box at 15 pt
TITLE_LINES = 2


def lines_tall(text: str, font: QFont, lines: int) -> int:
    """The height of `lines` lines of `text`, as a word-wrapped label measures them."""
    unwrapped, flags = QRect(0, 0, 1 << 20, 1 << 20), Qt.TextFlag.TextWordWrap
    return QFontMetrics(font).boundingRect(unwrapped, flags, "\n".join([text] * lines)).height()


def rows_in_view(view: QTableView) -> int:
    """The rows from the first in view that show whole: inside the part of the viewport its parents
    let be seen (not only inside the viewport, which may lie partly under the log)."""
    seen = view.viewport().visibleRegion().boundingRect()
    first, count = view.rowAt(0), 0
    while first >= 0 and first + count < view.model().rowCount():
        cell = view.visualRect(view.model().index(first + count, 0))
        if not seen.contains(QRect(0, cell.top(), 1, cell.height())):
            break
        count += 1
    return count


@pytest.mark.parametrize("lang", LANGS)
def test_a_long_title_leaves_the_steps_four_whole_rows_at_larger_text(
    world: AppContext, qtbot: Any, text_points: Callable[[float], None], lang: str
) -> None:
    """The title takes two lines at most, ending "…" where it is longer (the whole in its tooltip and
    to a screen reader); the steps get their least height and show four rows whole."""
    text_points(LARGE_POINTS)
    console = open_console(world, qtbot, LONG_TITLE)
    assert console.detail is not None
    whole = console.detail.summary.title
    title = console.header.title
    two_lines = lines_tall(whole, title.font(), TITLE_LINES)
    assert title.height() <= two_lines, f"{title.text()!r} takes {title.height()} px"
    shown = title.text()
    assert shown == whole or (shown.endswith("…") and whole.startswith(shown[:-1].rstrip())), shown
    assert lang == "zh_CN" or shown != whole  # the English title is cut; the Chinese one fits
    assert title.toolTip() == tip(whole) and title.accessibleName() == whole
    steps = console.steps
    need = steps.minimumSizeHint().height()
    assert steps.height() >= need, f"the steps have {steps.height()} px of the {need} they need"
    assert rows_in_view(steps.table) >= LARGE_STEP_ROWS


def whole(target: str, start: datetime) -> str:
    """`target` as its tooltip reads it: a clock on a later day than the start's with its date."""
    found = re.search(r"\((\d\d):(\d\d)\)$", target)
    if found is None:
        return target
    local = start.astimezone()
    clock = local.replace(hour=int(found[1]), minute=int(found[2]))
    if clock >= local:
        return target
    return f"{target[: found.start()]}({(clock + timedelta(days=1)):%Y-%m-%d %H:%M})"


@pytest.mark.parametrize("start", [TEN, LATE], ids=["day", "late"])
@pytest.mark.parametrize("points", [10, LARGE_POINTS])
@pytest.mark.parametrize("plan", ["FIRE", "NAT"])  # targets of 1 to 15 minutes and at once; reports
@pytest.mark.parametrize("lang", LANGS)
def test_the_targets_read_whole(
    world: AppContext,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    text_points: Callable[[float], None],
    lang: str,
    plan: str,
    points: float,
    start: datetime,
) -> None:
    """Each target but a report to head office's deadline fits its cell in bold (the step now's
    row, a target gone past), the title too; every target is whole in its cell's tooltip. The
    step column keeps its least width and the columns do not scroll sideways. At 10 pt in Chinese
    the column's 100 px cut "10 分钟内 (10:25)" to "10 分钟内 (10…". Started at ten to midnight, a
    target of 10 minutes read "≤ 10 min (2026-12-08 00:00)", cut to "≤ 10 min (2026-…": now
    "≤ 10 min (00:00)", the date in the tooltip."""
    set_window_clock(monkeypatch, start)
    text_points(points)
    console = open_console(world, qtbot, plan)
    table, model = console.steps.table, console.steps.model
    header = table.horizontalHeader()
    assert not header_problems(console), header_problems(console)
    bold = QFont(table.font())
    bold.setBold(True)
    margins = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    column = IncidentStepsModel.COL_TARGET
    cut, untipped = [], []
    for row, step in enumerate(model.rows()):
        index = model.index(row, column)
        target = model.data(index)
        need = QFontMetrics(bold).horizontalAdvance(target) + margins
        if target and not step.checkpoint and need > table.visualRect(index).width():
            cut.append(f"{target!r}: {table.visualRect(index).width()} of {need} px")
        if target and model.data(index, Qt.ItemDataRole.ToolTipRole) != tip(whole(target, start)):
            untipped.append(target)
    assert not cut, cut
    assert not untipped, untipped
    least = STEP_CHARS * table.fontMetrics().averageCharWidth()
    assert header.sectionSize(IncidentStepsModel.COL_TEXT) >= least
    assert header.length() <= table.viewport().width(), "the columns scroll sideways"
