"""The dashboard page (pytest-qt, offscreen): it is the lead's and the auditor's landing page, not
staff's; each figure opens its page filtered to exactly the records it counts; the incident bars
open that month's incidents; it fits 1024×768."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt

from branchguard.app import build_main_window
from branchguard.context import AppContext
from branchguard.core.complaints.types import ComplaintFilter
from branchguard.core.dashboard.rules import Period, PeriodKind
from branchguard.core.dashboard.types import ComplianceFilter
from branchguard.core.early_warnings.types import WarningFilter
from branchguard.core.hazards.types import HazardFilter
from branchguard.core.incidents.types import ActionFilter, CloseInput, FollowUpInput, IncidentFilter
from branchguard.core.kernel.types import PlaybookStatus
from branchguard.core.schedules.types import DueFilter, ScheduleInput, ScheduleKind
from branchguard.gui.dashboard.page import DashboardPage
from branchguard.gui.dashboard.report_dialog import PeriodDialog, last_month
from branchguard.gui.inspections.page import InspectionsPage
from branchguard.gui.kit.print_preview import PreviewDialog
from branchguard.gui.shell.main_window import MainWindow
from tests.branch_age import in_use_since
from tests.gui.conftest import PASSWORDS
from tests.pc_clock import incidents_back_then


def _late_report(ctx: AppContext, actor) -> None:
    """A running incident whose report to head office is past its deadline: started from the
    first approved plan with a reporting checkpoint, its start moved back a day (as if it had been
    running since) in the database itself."""
    from sqlalchemy import update

    from branchguard.db.models.incidents import IncidentRow

    for plan in ctx.services.playbooks.list_playbooks(actor):
        if plan.status != PlaybookStatus.APPROVED:
            continue
        started = ctx.services.incidents.start(actor, plan.code, title=f"{plan.code} 上报超时")
        steps = ctx.services.incidents.get(actor, started.id, with_entries=False).steps
        if any(s.checkpoint and s.deadline_minutes and s.deadline_minutes < 24 * 60 for s in steps):
            back = started.started_at - timedelta(days=1)
            with ctx.engine.begin() as conn:
                conn.execute(update(IncidentRow).where(IncidentRow.id == started.id).values(started_at=back))
            return
        ctx.services.incidents.close(actor, started.id, CloseInput(outcome="无"))
    raise AssertionError("no approved plan with a reporting checkpoint")


def _due_soon_and_late(ctx: AppContext, actor, monkeypatch: pytest.MonkeyPatch) -> None:
    """An inspection overdue since yesterday, a training in three days, an action overdue."""
    today = date.today()
    yesterday = datetime.combine(today - timedelta(days=1), time(9))
    checklist = ctx.services.inspections.templates(actor)[0]
    patrol = ScheduleInput(
        "昨日巡查", yesterday, ScheduleKind.INSPECTION, owner="李安全", subject_id=checklist.id
    )
    ctx.services.schedules.add(actor, patrol)
    ctx.services.schedules.add(
        actor, ScheduleInput("消防培训", datetime.combine(today + timedelta(days=3), time(10)))
    )
    ctx.services.schedules.catch_up(actor)
    with incidents_back_then(monkeypatch, datetime.now(UTC) - timedelta(days=3)):  # its action due since
        fire = ctx.services.incidents.start(actor, None, title="水管爆裂")
    action = FollowUpInput("更换水管", "李安全", today - timedelta(days=2))
    ctx.services.incidents.close(actor, fire.id, CloseInput(outcome="已修复", actions=(action,)))


@pytest.fixture
def busy_window(world: AppContext, qtbot, monkeypatch: pytest.MonkeyPatch) -> Callable[..., MainWindow]:
    """A window on the demo branch with its records, an open incident and a drill running, in use
    for years (the drill rules its one drill does not meet are overdue)."""
    in_use_since(world, datetime.now(UTC) - timedelta(days=800))

    def _open(username: str = "lead", running: bool = True) -> MainWindow:
        actor = world.services.auth.login(username, PASSWORDS[username])
        if running:
            world.services.incidents.start(actor, None, title="营业厅漏水")
            world.services.incidents.start(actor, None, title="消防演练", drill=True)
            _late_report(world, actor)
            _due_soon_and_late(world, actor, monkeypatch)
        window = build_main_window(world, actor)
        qtbot.addWidget(window)
        window.show_page(window.initial_page_id())
        window.show()
        return window

    return _open


def _shown(page, flt) -> int:
    if isinstance(flt, IncidentFilter):
        return len(page.list_panel.shown())
    if isinstance(flt, HazardFilter):
        return len(page.shown())
    if isinstance(flt, ComplaintFilter | WarningFilter):
        return page.model.rowCount()
    if isinstance(flt, ComplianceFilter):
        return len(page.compliance.shown())
    if isinstance(flt, ActionFilter):
        return len(page.action_list.shown())
    if isinstance(flt, DueFilter) and isinstance(page, InspectionsPage):
        return len(page.overview.shown_due())
    if isinstance(flt, DueFilter):
        return len(page.shown())
    raise AssertionError(flt)


def test_each_figure_opens_its_page_with_the_matching_filter_and_count(busy_window, qtbot) -> None:
    window = busy_window("lead")
    assert window.current_page_id() == "incidents"  # open incidents reopen there, before the dashboard
    page = window.show_page("dashboard")
    assert isinstance(page, DashboardPage) and page.board is not None
    assert page.figure("incidents_open").value == 2 and page.figure("drills_running").value == 1
    assert page.figure("checkpoints_overdue").value == 1 and page.figure("actions_overdue").value >= 1
    assert page.figure("inspections_overdue").value >= 1 and page.figure("reminders_next_7_days").value >= 1
    assert page.figure("hazards_open").value > 0 and page.figure("compliance_overdue").value > 0
    for figure in page.board.figures():
        window.show_page("dashboard")
        button = page.figure_button(figure.name)
        assert str(figure.value) in button.text()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        target = figure.target
        assert window.current_page_id() == target.page, figure.name
        opened = window.page(target.page)
        if isinstance(target.filter, ComplianceFilter):
            assert opened.tabs.currentWidget() is opened.compliance
        elif isinstance(target.filter, ActionFilter):
            assert opened.tabs.currentWidget() is opened.action_list
            assert opened.action_list.current_filter() == target.filter
        elif isinstance(target.filter, DueFilter) and isinstance(opened, InspectionsPage):
            assert opened.overview.current_due_filter() == target.filter
        elif isinstance(target.filter, DueFilter):
            assert opened.due_filter == target.filter
        elif isinstance(target.filter, IncidentFilter):
            assert opened.list_panel.current_filter() == target.filter
        else:
            assert opened.current_filter() == target.filter, figure.name
        if figure.is_count:
            assert _shown(opened, target.filter) == figure.value, figure.name


def test_an_incident_bar_opens_that_months_incidents(busy_window, qtbot) -> None:
    window = busy_window("lead")
    page = window.show_page("dashboard")
    window.resize(1024, 768)
    chart = page.activity_chart
    this_month = len(page.board.months) - 1
    for series, drill in ((0, False), (1, True)):
        window.show_page("dashboard")
        qtbot.waitUntil(lambda: chart.isVisible() and chart.width() > 300)
        chart.grab()  # paints it now, which lays out the bars
        rect = chart.bar_rect(series, this_month)
        assert rect is not None and rect.height() > 5
        point = QPoint(int(rect.center().x()), int(rect.bottom() - 1))
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=point)
        assert window.current_page_id() == "incidents"
        panel = window.page("incidents").list_panel
        flt = panel.current_filter()
        assert flt.drill is drill and flt.since is not None and flt.until is not None
        month = page.board.months[this_month]
        assert len(panel.shown()) == (month.drills if drill else month.incidents) >= 1


def test_the_trends_over_new_year_say_which_year_each_month_is(
    busy_window, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On 2 January 2027 the twelve months run from February 2026 to January 2027: the year is
    printed under the first month and under January, as the report's charts print it (the labels
    read 2月 … 12月 1月, January of no year, before December)."""
    window = busy_window("lead", running=False)
    page = window.show_page("dashboard")
    window.resize(1024, 768)
    service = page.session.services.dashboard
    real = service.dashboard
    monkeypatch.setattr(service, "dashboard", lambda actor: real(actor, datetime(2027, 1, 2, 2, tzinfo=UTC)))
    page.refresh()
    qtbot.waitUntil(lambda: page.board.months[-1].start == date(2027, 1, 1))
    assert page.board.months[0].start == date(2026, 2, 1)
    for chart in (page.activity_chart, page.hazard_chart, page.quality_chart):
        assert chart.data.years == ["2026", *[""] * 10, "2027"]
    chart = page.activity_chart
    qtbot.waitUntil(lambda: chart.isVisible() and chart.width() > 300)
    chart.grab()  # paints it: the bars stand above both label lines
    rect = chart.bar_rect(0, 11)
    assert rect is not None and rect.bottom() <= chart.height() - 2 * chart.fontMetrics().height() - 8


def test_in_january_the_period_picker_made_a_quarter_or_a_year_is_the_one_just_ended(qtbot) -> None:
    """On 2 January 2027 the picker offers December 2026; made a quarter it is Q4 2026 (it was Q1
    2026: the month's 12 was no quarter, so the first was taken), made a year 2026; a quarter
    picked, then a month, is that quarter's last month."""
    dialog = PeriodDialog(None, last_month(date(2027, 1, 2)))
    qtbot.addWidget(dialog)
    assert dialog.period() == Period(PeriodKind.MONTH, 2026, 12)

    def made(kind: PeriodKind) -> Period:
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind.value))
        return dialog.period()

    assert made(PeriodKind.QUARTER) == Period(PeriodKind.QUARTER, 2026, 4)
    assert made(PeriodKind.YEAR) == Period(PeriodKind.YEAR, 2026)
    assert made(PeriodKind.MONTH) == Period(PeriodKind.MONTH, 2026, 12)
    assert made(PeriodKind.QUARTER) == Period(PeriodKind.QUARTER, 2026, 4)
    dialog.number.setCurrentIndex(dialog.number.findData(2))
    assert made(PeriodKind.MONTH) == Period(PeriodKind.MONTH, 2026, 6)
    may = PeriodDialog(None, last_month(date(2027, 5, 20)))  # April: its quarter is Q2, not Q4
    qtbot.addWidget(may)
    may.kind.setCurrentIndex(may.kind.findData(PeriodKind.QUARTER.value))
    assert may.period() == Period(PeriodKind.QUARTER, 2027, 2)


def test_the_auditor_lands_on_the_dashboard_and_staff_on_incidents(busy_window) -> None:
    assert busy_window("lead", running=False).current_page_id() == "dashboard"
    assert busy_window("auditor", running=False).current_page_id() == "dashboard"
    staff = busy_window("staff", running=False)
    assert staff.current_page_id() == "incidents" and staff.page("dashboard") is None
    assert staff.show_page("dashboard") is None


def test_the_page_fits_1024_by_768(busy_window, qtbot) -> None:
    window = busy_window("lead", running=False)
    window.resize(1024, 768)
    qtbot.wait(10)
    page = window.page("dashboard")
    assert window.width() <= 1024 and window.height() <= 768
    for tile in page.tiles.values():
        assert tile.width() >= tile.minimumSizeHint().width()
    for chart in (page.activity_chart, page.hazard_chart, page.quality_chart):
        assert chart.isVisible() and chart.width() >= 300


def test_the_periodic_report_opens_in_the_print_preview(busy_window, qtbot) -> None:
    window = busy_window("lead", running=False)
    page = window.show_page("dashboard")
    qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(PeriodDialog)
    assert dialog is not None and dialog.isVisible()
    today = date.today()
    assert dialog.period() == last_month(today)  # a monthly report is made for the month just ended
    assert dialog.number.isVisible()
    dialog.kind.setCurrentIndex(dialog.kind.findData(PeriodKind.YEAR.value))
    assert not dialog.number.isVisible()
    dialog.kind.setCurrentIndex(dialog.kind.findData(PeriodKind.QUARTER.value))
    quarter = (today.month - 1) // 3 + 1
    dialog.number.setCurrentIndex(dialog.number.findData(quarter))
    dialog.year.setValue(today.year)
    assert dialog.period() == Period(PeriodKind.QUARTER, today.year, quarter)
    dialog.accept()
    preview = page.last_preview
    assert isinstance(preview, PreviewDialog)
    qtbot.waitUntil(lambda: preview.page_count >= 3, timeout=60_000)  # portrait pages and the annex
    assert preview.file_name == f"safety-report-{today.year}-Q{quarter}.pdf"
    qtbot.waitUntil(lambda: preview.rendered_pages() != [], timeout=60_000)
    preview.close()


def test_the_page_says_when_the_holiday_tables_end_too_soon(busy_window, qtbot, monkeypatch) -> None:
    said = "Holiday data covers 2004–2026; dates in 2027 avoid only weekends and the fixed-date holidays"
    monkeypatch.setattr("branchguard.core.dashboard.service.holiday_note", lambda _today: said)
    page = busy_window(running=False).show_page("dashboard")
    qtbot.waitUntil(lambda: page.board is not None)
    assert page.holidays.isVisibleTo(page) and page.holidays.text() == said
    monkeypatch.setattr("branchguard.core.dashboard.service.holiday_note", lambda _today: None)
    page.refresh()
    qtbot.waitUntil(lambda: not page.holidays.isVisibleTo(page))
