"""The calendar's agenda of a branch with nothing scheduled says where drills and inspections are
scheduled (to the lead, who may), that nothing falls due (to staff), and that nothing is due in the
dashboard's window when opened from its tile; it was a bare grid. The month and the week say the
same under the grid (a new branch's calendar was an empty grid over "drag an open item to another
day", with nothing to drag)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from branchguard.context import AppContext
from branchguard.core.schedules.types import DueFilter, DueWindow, ScheduleInput
from branchguard.gui.schedules.calendar_page import AGENDA, MONTH, WEEK, CalendarPage
from tests.gui.conftest import PASSWORDS
from tests.gui.empty_support import page_of, said


def _nothing_scheduled(ctx: AppContext) -> None:
    lead = ctx.services.auth.login("lead", PASSWORDS["lead"])
    for schedule in ctx.services.schedules.list(lead):
        ctx.services.schedules.remove(lead, schedule.id)


def _agenda(ctx: AppContext, user: str, qtbot: Any) -> CalendarPage:
    page = page_of(ctx, user, "calendar", qtbot)
    assert isinstance(page, CalendarPage)
    assert page.agenda_note.text() == ""  # nothing said before the agenda is read
    page.set_mode(AGENDA)
    return page


def test_an_empty_agenda_says_where_things_are_scheduled(gui_ctx: AppContext, qtbot: Any) -> None:
    _nothing_scheduled(gui_ctx)
    page = _agenda(gui_ctx, "lead", qtbot)
    assert said(page.agenda_note, qtbot).startswith(
        "Nothing falls due in these 31 days. Drills are planned on the Drills page"
    )
    page.show_filtered(DueFilter(DueWindow.NEXT_7_DAYS))
    qtbot.waitUntil(lambda: page.agenda_note.text() == "Nothing is due in this window.")


def test_staff_are_told_nothing_falls_due(gui_ctx: AppContext, qtbot: Any) -> None:
    _nothing_scheduled(gui_ctx)
    assert said(_agenda(gui_ctx, "staff", qtbot).agenda_note, qtbot) == "Nothing falls due in these 31 days."


def test_an_empty_month_or_week_says_where_things_are_scheduled(gui_ctx: AppContext, qtbot: Any) -> None:
    _nothing_scheduled(gui_ctx)
    page = page_of(gui_ctx, "lead", "calendar", qtbot)
    assert isinstance(page, CalendarPage)
    for mode in (MONTH, WEEK):
        page.set_mode(mode)
        qtbot.waitUntil(lambda: page.hint.text().startswith("Nothing falls due in these days. Drills are"))
    staff = page_of(gui_ctx, "staff", "calendar", qtbot)
    qtbot.waitUntil(lambda: staff.hint.text() == "Nothing falls due in these days.")


def test_a_month_with_items_still_says_how_to_move_them(gui_ctx: AppContext, qtbot: Any) -> None:
    _nothing_scheduled(gui_ctx)
    lead = gui_ctx.services.auth.login("lead", PASSWORDS["lead"])
    day = date.today()
    at = datetime(day.year, day.month, day.day, 23, 0).astimezone(UTC)
    gui_ctx.services.schedules.add(lead, ScheduleInput(title="Fire patrol", start=at, rule="weekly"))
    page = page_of(gui_ctx, "lead", "calendar", qtbot)
    assert isinstance(page, CalendarPage)
    page.go_to(day, MONTH)
    qtbot.waitUntil(lambda: bool(page.items))
    assert page.hint.text() == "Overdue items are red. Drag an open item to another day to reschedule it."


def test_a_view_with_nothing_in_it_offers_no_export(gui_ctx: AppContext, qtbot: Any) -> None:
    """Export .ics… asked for a file name, then said there was nothing to export."""
    _nothing_scheduled(gui_ctx)
    page = page_of(gui_ctx, "lead", "calendar", qtbot)
    assert isinstance(page, CalendarPage)
    page.set_mode(MONTH)
    qtbot.waitUntil(lambda: not page.export_button.isEnabled())
    assert page.export_button.toolTip() == "Nothing falls due in these days: nothing to export."
    lead = gui_ctx.services.auth.login("lead", PASSWORDS["lead"])
    day = date.today()
    at = datetime(day.year, day.month, day.day, 12, 0).astimezone(UTC)
    gui_ctx.services.schedules.add(lead, ScheduleInput(title="Fire patrol", start=at, rule="weekly"))
    page.refresh()
    qtbot.waitUntil(lambda: bool(page.items))
    assert page.export_button.isEnabled() and page.export_button.toolTip() == ""
