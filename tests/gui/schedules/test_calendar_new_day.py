"""The calendar left open across midnight (gui/shell/day_change.py reads the page shown again): a
view on today follows the new day; a view the user moved elsewhere stays. The day is the test's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from branchguard.gui.schedules import calendar_page
from branchguard.gui.schedules.calendar_page import AGENDA, MONTH, CalendarPage
from branchguard.gui.shell.main_window import MainWindow


class Today:
    """date.today() as the calendar page reads it, set by the test."""

    day = date(2026, 12, 31)

    @classmethod
    def install(cls, monkeypatch: pytest.MonkeyPatch) -> type[Today]:
        class FakeDate(date):
            @classmethod
            def today(cls_) -> date:  # type: ignore[override]  # the test's day, a plain date
                return cls.day

        monkeypatch.setattr(calendar_page, "date", FakeDate)
        return cls


def _calendar(open_window: Callable[[str], MainWindow]) -> tuple[MainWindow, CalendarPage]:
    window = open_window("lead")
    page = window.show_page("calendar")
    assert isinstance(page, CalendarPage)
    return window, page


def test_a_month_left_open_from_dec_31_shows_january_after_midnight(
    open_window: Callable[[str], MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    today = Today.install(monkeypatch)
    window, page = _calendar(open_window)
    assert page.anchor == date(2026, 12, 31) and page.mode == MONTH  # the page as built on Dec 31
    assert page.span()[0] == date(2026, 11, 30)  # the grid of December, from its first Monday
    today.day = date(2027, 1, 1)
    window.refresh_page()  # what the day change does at midnight
    assert page.anchor == date(2027, 1, 1) and page.span()[0] == date(2026, 12, 28)
    assert "2027" in page.heading.full_text()


def test_a_view_moved_elsewhere_stays_after_midnight(
    open_window: Callable[[str], MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    today = Today.install(monkeypatch)
    window, page = _calendar(open_window)
    page.go_today()
    page.go_to(date(2027, 3, 10), AGENDA)  # the user looks at March
    today.day = date(2027, 1, 1)
    window.refresh_page()
    assert page.anchor == date(2027, 3, 10)
