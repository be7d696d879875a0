"""The bell's list at larger text: a reminder's title that reads whole at the usual size reads whole
at 15 pt too. The panel kept the 560×320 px chosen for 10 pt text, and at 15 pt the date, state and
owner columns left the titles "Hazard …", "Complaint …"."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QStyle

from branchguard.context import AppContext
from branchguard.core.schedules.types import ScheduleInput
from branchguard.gui.kit.screen import room
from branchguard.gui.shell.main_window import MainWindow
from branchguard.gui.shell.notifications import NotificationCentre
from branchguard.gui.shell.reminder_rows import ReminderRowsModel

POPUP_WARNINGS = pytest.mark.qt_log_ignore(
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
    "This plugin does not support propagateSizeHints",
)
TITLES = {"en": "Hazard YH-2026-0003: loose sign box", "zh_CN": "隐患 YH-2026-0003：自助区灯箱松动"}


@pytest.fixture
def points(app: QApplication, request: pytest.FixtureRequest) -> Iterator[float]:
    before = app.font()
    font = QFont(before)
    font.setPointSizeF(request.param)
    app.setFont(font)
    yield request.param
    app.setFont(before)


@POPUP_WARNINGS
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize("points", [10.0, 15.0], indirect=True)
def test_a_reminders_title_reads_whole_at_larger_text(
    gui_ctx: AppContext, open_window: Callable[[str], MainWindow], lang: str, points: float
) -> None:
    window = open_window("lead")
    title = TITLES[lang]
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=2)  # due soon: shown now
    spec = ScheduleInput(title=title, start=start, lead_minutes=600)
    gui_ctx.services.schedules.add(window.session.actor, spec)
    gui_ctx.services.schedules.catch_up(window.session.actor, datetime.now(UTC))
    centre = NotificationCentre(window)
    centre.show_panel()
    panel = centre.panel
    assert panel is not None
    view = panel.view
    row = centre.model.find_row(lambda r: r.title == title)
    assert row >= 0
    index = view.model().index(row, ReminderRowsModel.TITLE)
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    width = view.visualRect(index).width() - 2 * margin
    assert view.fontMetrics().horizontalAdvance(index.data()) <= width, (points, width)
    on_screen = room(panel)
    assert panel.width() <= on_screen.width() and panel.height() <= on_screen.height()
    window.close()
