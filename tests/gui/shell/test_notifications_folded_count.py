"""A folded row's count is read in the bell at its default width, in both languages: its text was
"title · 9 missed since 11-28", and a long title left "… · 9 …" of it, the count only in the
tooltip. The count comes first now, and what the view elides is the title's end."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QStyle

from branchguard.context import AppContext
from branchguard.core.schedules.types import ScheduleInput
from branchguard.gui.shell.main_window import MainWindow
from branchguard.gui.shell.notifications import NotificationCentre, NotificationPanel
from branchguard.gui.shell.reminder_rows import ReminderRowsModel

POPUP_WARNINGS = pytest.mark.qt_log_ignore(
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
    "This plugin does not support propagateSizeHints",
)
DAYS = 8  # closed for a week and a day: a daily patrol missed nine times, today's included
TITLE = "营业期间消防安全巡查：安全出口、疏散通道、灭火器、应急照明与消防报警按钮逐项检查"


def _shown(panel: NotificationPanel, row: int) -> str:
    """The title cell's text as the view draws it: elided to the cell's width, less its margins."""
    view = panel.view
    index = view.model().index(row, ReminderRowsModel.TITLE)
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    width = view.visualRect(index).width() - 2 * margin
    return str(view.fontMetrics().elidedText(index.data(), view.textElideMode(), width))


@POPUP_WARNINGS
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_folded_rows_count_shows_at_the_panels_default_width(
    gui_ctx: AppContext, open_window: Callable[[str], MainWindow], lang: str
) -> None:
    window = open_window("lead")
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=2)  # a schedule owes no past
    now = start + timedelta(days=DAYS, minutes=1)  # the window opens again
    spec = ScheduleInput(title=TITLE, start=start, rule="daily", lead_minutes=60)
    gui_ctx.services.schedules.add(window.session.actor, spec)
    gui_ctx.services.schedules.catch_up(window.session.actor, now)
    centre = NotificationCentre(window, clock=lambda: now)
    centre.show_panel()
    row = centre.model.find_row(lambda r: r.title == TITLE)
    assert len(centre.model.row_at(row).folded) == DAYS + 1

    shown = _shown(centre.panel, row)
    assert shown != centre.model.index(row, ReminderRowsModel.TITLE).data()  # the title is too long
    count = re.compile(rf"(?<![\d-]){DAYS + 1}(?![\d-])")  # the count, not a digit of a date
    assert count.search(shown) and shown.endswith("…")  # the count read, the title's end cut
    assert ("错过" in shown) is (lang == "zh_CN")  # in the window's language
    window.close()
