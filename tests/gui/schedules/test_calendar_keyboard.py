"""The calendar's month and week by keyboard: a grid of days was 42 Tab stops (7 in a week), one
per day's list; it is one, the arrows move its day (Home/End the week's ends, Page Up/Down a month,
into the next month's page when they leave the one shown), Enter opens the day's items as a click
does and Esc comes back; the day is outlined and the grid says its date and how many items."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from branchguard.core.schedules.types import ScheduleKind
from branchguard.gui.kit.dates import long_date
from branchguard.gui.schedules.calendar_page import MONTH, WEEK
from branchguard.gui.schedules.calendar_views import DayList
from branchguard.gui.schedules.day_grid import DayGrid
from branchguard.gui.schedules.day_keys import months_later
from tests.gui.schedules.test_calendar_page import _add, _local
from tests.gui.schedules.test_calendar_page import calendar as calendar  # the fixture, here too
from tests.gui.spoken_support import spoken_name, tab_stops

_K = Qt.Key


def press(key: Qt.Key) -> None:
    QTest.keyClick(QApplication.focusWidget(), key)


def marked(grid: DayGrid) -> list[date]:
    return grid.marked()


def test_a_month_and_a_week_are_one_tab_stop_each(calendar: Any) -> None:
    _window, page = calendar()
    for mode, grid in ((MONTH, page.month), (WEEK, page.week)):
        page.go_to(date.today(), mode)
        assert grid.focusPolicy() & Qt.FocusPolicy.TabFocus  # the grid itself
        assert not list(tab_stops(grid))  # none of its days' lists


def test_the_arrows_move_the_day_enter_opens_it_and_it_is_said(
    gui_ctx: Any, calendar: Any, qtbot: Any
) -> None:
    today = date.today()
    busy = today + timedelta(days=2)
    _add(gui_ctx, "Fire drill", _local(busy, 10), kind=ScheduleKind.DRILL)
    window, page = calendar()
    page.go_to(today, MONTH)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.month_button.setFocus()
    for _ in range(12):  # Tab on from the view buttons reaches the grid
        press(_K.Key_Tab)
        if QApplication.focusWidget() is page.month:
            break
    grid = page.month
    assert QApplication.focusWidget() is grid
    assert grid.current == today and marked(grid) == [today]
    assert spoken_name(grid).startswith(long_date(today))
    press(_K.Key_Right)
    press(_K.Key_Right)
    assert grid.current == busy and marked(grid) == [busy]  # the next month's page if it is there
    assert spoken_name(grid) == f"{long_date(busy)}, items: 1"
    press(_K.Key_Return)
    opened = QApplication.focusWidget()
    assert isinstance(opened, DayList) and opened.day == busy and opened.currentRow() == 0
    assert not marked(grid)  # the day's list has the focus, its item shown selected
    press(_K.Key_Escape)
    assert QApplication.focusWidget() is grid and grid.current == busy and marked(grid) == [busy]
    for key, days in ((_K.Key_Down, 7), (_K.Key_Up, -7), (_K.Key_Left, -1)):
        before = grid.current
        press(key)
        assert grid.current == before + timedelta(days=days) and marked(grid) == [grid.current]
    press(_K.Key_Home)
    assert grid.current.weekday() == 0 and marked(grid) == [grid.current]
    press(_K.Key_End)
    assert grid.current.weekday() == 6 and marked(grid) == [grid.current]
    before = grid.current
    press(_K.Key_PageDown)
    assert grid.current == months_later(before, 1) and marked(grid) == [grid.current]
    assert (page.anchor.year, page.anchor.month) == (grid.current.year, grid.current.month)
    assert QApplication.focusWidget() is grid
    page.new_button.setFocus()
    assert not marked(grid)  # outlined only while the grid has the focus


def test_the_week_moves_on_by_a_week_past_its_sunday(calendar: Any, qtbot: Any) -> None:
    window, page = calendar()
    sunday = date.today() + timedelta(days=6 - date.today().weekday())
    page.go_to(sunday, WEEK)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.week.setFocus()
    page.week.current = sunday
    press(_K.Key_Right)
    assert page.week.current == sunday + timedelta(days=1) and marked(page.week) == [page.week.current]
    assert page.week.first == sunday + timedelta(days=1)  # the next week shown
