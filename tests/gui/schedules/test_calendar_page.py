"""Calendar page: an occurrence on its day in month, week and agenda; drag (the drop's API) reschedules
and is audited; .ics export writes a file; the New schedule dialog validates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QFileDialog

from branchguard.context import AppContext
from branchguard.core.audit.service import AuditFilter
from branchguard.core.drills.types import DrillPlanInput
from branchguard.core.schedules.types import ScheduleInput, ScheduleKind, WorkingDayPolicy
from branchguard.gui.schedules.calendar_dialog import NewScheduleDialog
from branchguard.gui.schedules.calendar_page import AGENDA, MONTH, WEEK, CalendarPage
from branchguard.gui.schedules.calendar_views import ITEM_ROLE, MIME
from branchguard.gui.schedules.day_grid import DayGrid
from branchguard.gui.shell.main_window import MainWindow


def _local(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 30).astimezone(UTC)


@pytest.fixture
def calendar(gui_ctx: AppContext, open_window: Callable[[str], MainWindow]):
    def _open(username: str = "lead") -> tuple[MainWindow, CalendarPage]:
        window = open_window(username)
        page = window.show_page("calendar")
        assert isinstance(page, CalendarPage)
        QAbstractItemModelTester(page.agenda_model, QAbstractItemModelTester.FailureReportingMode.Warning)
        return window, page

    return _open


def drop_on(grid: DayGrid, day: date, mime: QMimeData) -> None:
    """`mime` dropped on the middle of `day`'s cell, as a drag ends there."""
    centre = grid.visualRect(grid.days.index_of(day)).center()
    grid.dropEvent(QDropEvent(QPointF(centre), Qt.DropAction.MoveAction, mime,
                              Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))


def _add(ctx: AppContext, title: str, at: datetime, **kw) -> None:
    lead = ctx.services.auth.login("lead", "lead-demo-2026")
    ctx.services.schedules.add(lead, ScheduleInput(title=title, start=at, lead_minutes=60 * 24 * 3, **kw))


def test_occurrence_shows_on_its_day_in_month_week_and_agenda(gui_ctx, calendar) -> None:
    day = date.today() + timedelta(days=2)
    _add(gui_ctx, "Fire drill", _local(day, 10), kind=ScheduleKind.DRILL)
    _window, page = calendar("staff")
    page.go_to(day, MONTH)
    assert page.month.titles(day) == ["Fire drill"]
    assert all(not page.month.titles(d) for d in page.month.shown_days() if d != day)
    page.go_to(day, WEEK)
    assert page.week.titles(day) == ["Fire drill"] and len(page.week.shown_days()) == 7
    page.go_to(day, AGENDA)
    model = page.agenda_model
    assert model.rowCount() == 1
    assert model.index(0, model.TITLE).data() == "Fire drill"
    assert model.index(0, model.DUE).data() == f"{day:%Y-%m-%d} 10:30"
    assert not page.new_button.isVisibleTo(page)  # staff read the calendar, the lead plans


def test_a_months_day_says_how_many_items_it_holds_when_they_do_not_fit(gui_ctx, calendar) -> None:
    """A month's cell shows two items or so; a branch's daily checklists fill each day, and the
    day's label says how many there are (the week's column shows them all, and only the number)."""
    day = date.today() + timedelta(days=2)
    for hour, title in enumerate(("Opening check", "ATM check", "Vault check"), start=8):
        _add(gui_ctx, title, _local(day, hour), kind=ScheduleKind.INSPECTION)
    _window, page = calendar()
    page.go_to(day, MONTH)
    assert page.month.days.label(day) == (f"{day.day}  (3 items)", f"{day.day}  (3)")
    assert page.month.days.index_of(day).data(Qt.ItemDataRole.ToolTipRole) == f"{day.day}  (3 items)"
    next_day = day + timedelta(days=1)
    assert page.month.days.label(next_day) == (str(next_day.day),) * 2
    page.go_to(day, WEEK)
    assert page.week.days.label(day) == (str(day.day),) * 2


def test_overdue_is_red(gui_ctx, calendar) -> None:
    yesterday = date.today() - timedelta(days=1)
    _add(gui_ctx, "Alarm test", _local(yesterday, 9))
    window, page = calendar()
    gui_ctx.services.schedules.catch_up(window.session.actor)
    page.go_to(yesterday, MONTH)
    assert page.month.days.entries(yesterday)[0].colour == "#B71C1C"  # painted so in its cell
    lines = page.month.day_list(yesterday)  # and in its list, opened under the mouse
    assert lines is not None
    entry = lines.item(0)
    assert entry.data(ITEM_ROLE).overdue
    assert entry.foreground().color().name().lower() == "#b71c1c"
    page.go_to(yesterday, AGENDA)
    assert page.agenda_model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole).name().lower() == "#b71c1c"
    page.go_to(date.today(), AGENDA)  # still owed: at the top of today's agenda
    assert page.agenda_model.index(0, page.agenda_model.TITLE).data() == "Alarm test"
    assert page.agenda_model.index(0, page.agenda_model.STATUS).data() == "Overdue"


def test_drop_on_another_day_reschedules_and_is_audited(gui_ctx, calendar) -> None:
    day = date.today() + timedelta(days=1)
    _add(gui_ctx, "Extinguisher check", _local(day, 14))
    window, page = calendar()
    gui_ctx.services.schedules.catch_up(window.session.actor)  # inside the lead time: written
    page.go_to(day, WEEK)
    target = day + timedelta(days=1) if day.weekday() < 6 else day - timedelta(days=1)
    source = page.week.day_list(day)
    assert source is not None
    mime = source.mimeData([source.item(0)])
    assert mime.hasFormat(MIME)
    drop_on(page.week, target, mime)
    assert page.week.titles(day) == [] and page.week.titles(target) == ["Extinguisher check"]
    assert source.titles() == []  # the day's open list shows it gone
    (item,) = [o for o in page.items if o.title == "Extinguisher check"]
    assert item.due_at == _local(target, 14)
    audit = gui_ctx.services.audit
    (entry,) = audit.list(window.session.actor, AuditFilter(action_prefix="schedule.reschedule"))
    assert entry.entity_id == str(item.id)


def test_a_promised_item_moves_too_and_staff_cannot_drag(gui_ctx, calendar) -> None:
    day = date.today() + timedelta(days=20)  # beyond the lead time: promised by the rule, no row yet
    _add(gui_ctx, "Quarterly inspection", _local(day, 9), rule="quarterly")
    window, page = calendar("lead")
    page.go_to(day, MONTH)
    items = page.month.day_list(day)
    assert items is not None
    (promised,) = [o for o in page.items if o.title == "Quarterly inspection"]
    assert promised.id is None
    mime = items.mimeData([items.item(0)])
    assert mime.hasFormat(MIME)
    target = day + timedelta(days=2)
    drop_on(page.month, target, mime)
    assert page.month.titles(day) == []
    assert page.month.titles(target) == ["Quarterly inspection"]
    (moved,) = [o for o in page.items if o.title == "Quarterly inspection"]
    assert moved.id is not None and moved.rule_at == promised.rule_at and moved.due_at == _local(target, 9)
    moves = AuditFilter(action_prefix="schedule.reschedule")
    (entry,) = gui_ctx.services.audit.list(window.session.actor, moves)
    assert entry.entity_id == str(moved.id)
    # written once: a catch-up at its new time does not write the rule's instant again
    gui_ctx.services.schedules.catch_up(window.session.actor, moved.due_at + timedelta(hours=1))
    page.go_to(day, MONTH)
    assert [o.title for o in page.items].count("Quarterly inspection") == 1
    _window2, staff_page = calendar("staff")
    staff_page.go_to(day, MONTH)
    staff_list = staff_page.month.day_list(day)
    assert staff_list is not None and not staff_list.acceptDrops() and not staff_list.dragEnabled()
    assert not staff_page.month.viewport().acceptDrops()


def test_dropping_a_drill_moves_the_drill_itself(gui_ctx, calendar) -> None:
    """A one-off drill's entry is its plan's date: the drop moves the plan (Drills page, compliance,
    report) and the entry with it, audited as the drill's move."""
    day = date.today() + timedelta(days=3)
    lead = gui_ctx.services.auth.login("lead", "lead-demo-2026")
    at = datetime(day.year, day.month, day.day, 10)
    plan = gui_ctx.services.drills.plan(lead, DrillPlanInput("FIRE", at))
    window, page = calendar()
    page.go_to(day, MONTH)
    items = page.month.day_list(day)
    assert items is not None
    mime = items.mimeData([items.item(0)])
    target = day + timedelta(days=2)
    drop_on(page.month, target, mime)
    assert page.month.titles(day) == [] and page.month.titles(target) == [plan.title]
    moved = datetime(target.year, target.month, target.day, 10).astimezone(UTC)
    assert gui_ctx.services.drills.get(lead, plan.id).planned_at == moved
    (entry,) = gui_ctx.services.audit.list(window.session.actor, AuditFilter(action_prefix="drill.move"))
    assert entry.entity_id == str(plan.id)


def test_export_writes_an_ics_of_the_view(gui_ctx, calendar, tmp_path: Path, monkeypatch) -> None:
    day = date.today() + timedelta(days=3)
    _add(gui_ctx, "Evacuation drill", _local(day, 15), kind=ScheduleKind.DRILL)
    _window, page = calendar()
    page.go_to(day, WEEK)
    target = tmp_path / "week"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    written = page.export_ics()
    assert written == tmp_path / "week.ics" and written.exists()
    assert page.hint.text() == f"Saved to {written}."  # the one sentence for a written file
    events = Calendar.from_ical(written.read_bytes()).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Evacuation drill"]
    assert events[0].decoded("DTSTART") == _local(day, 15)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert page.export_ics() is None


def test_reminder_lead_time_in_minutes_or_hours(gui_ctx, calendar, qtbot) -> None:
    """A reminder 30 minutes or 2 hours ahead, as the CLI allows (the window once took whole days)."""
    window, page = calendar()
    dialog = NewScheduleDialog(window.session, page)
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Fire drill briefing")
    dialog.lead_unit.setCurrentIndex(dialog.lead_unit.findData(1))
    dialog.lead_amount.setValue(30)
    dialog.accept()
    assert dialog.added is not None and dialog.added.lead_minutes == 30
    again = NewScheduleDialog(window.session, page)
    qtbot.addWidget(again)
    again.set_lead_minutes(120)
    assert (again.lead_amount.value(), again.lead_unit.currentData()) == (2, 60)  # shown as 2 hours
    again.set_lead_minutes(90)
    assert (again.lead_amount.value(), again.lead_unit.currentData()) == (90, 1)
    again.lead_unit.setCurrentIndex(again.lead_unit.findData(60))
    assert again.lead_amount.maximum() == 24 * 90  # the service's 90 days, in hours


def test_new_schedule_dialog_validates_and_adds(gui_ctx, calendar, qtbot) -> None:
    window, page = calendar()
    dialog = NewScheduleDialog(window.session, page)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.added is None and dialog.error.isVisibleTo(dialog)
    dialog.title_edit.setText("Monthly alarm test")
    dialog.rule.setCurrentIndex(dialog.rule.findData(""))
    dialog.working_days.setCurrentIndex(dialog.working_days.findData(WorkingDayPolicy.SKIP))  # one-off cannot
    dialog.accept()
    assert dialog.added is None and dialog.error.text()
    dialog.rule.setCurrentIndex(dialog.rule.findData("monthly"))
    dialog.kind.setCurrentIndex(dialog.kind.findData(ScheduleKind.INSPECTION))
    dialog.lead_amount.setValue(2)  # days: the default unit
    dialog.accept()
    assert dialog.added is not None
    assert dialog.added.rule.startswith("FREQ=MONTHLY") and dialog.added.kind is ScheduleKind.INSPECTION
    assert dialog.added.lead_minutes == 2 * 24 * 60
    assert "Monthly alarm test" in [s.title for s in gui_ctx.services.schedules.list(window.session.actor)]


@pytest.mark.usefixtures("no_installed_years")
def test_a_view_reaching_a_year_beyond_the_holiday_data_says_so(gui_ctx, calendar) -> None:
    """December's month shows the first days of January: in a year no holiday table covers, their
    dates avoid weekends and the fixed-date holidays only, said under the view (Spring Festival
    week was shown with its checks and nothing said); a month within the tables says nothing."""
    from branchguard.core.kernel import working_days

    last = working_days.covered_years()[1]
    _window, page = calendar("lead")
    page.go_to(date(last, 12, 15), MONTH)
    assert page.holidays.isVisibleTo(page)
    assert f"dates in {last + 1} avoid only weekends" in page.holidays.text()
    page.go_to(date(last + 1, 2, 10), WEEK)
    assert page.holidays.isVisibleTo(page)
    page.go_to(date(last, 6, 1), MONTH)
    assert not page.holidays.isVisibleTo(page)
