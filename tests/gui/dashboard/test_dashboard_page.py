"""The dashboard page (pytest-qt, offscreen): it is the lead's and the auditor's landing page, not
staff's; each figure opens its page filtered to exactly the records it counts; the incident bars
open that month's incidents; it fits 1024×768."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt

from branchguard.app import build_main_window
from branchguard.context import AppContext
from branchguard.core.complaints.types import ComplaintFilter
from branchguard.core.dashboard.types import ComplianceFilter
from branchguard.core.hazards.types import HazardFilter
from branchguard.core.incidents.types import IncidentFilter
from branchguard.gui.dashboard.page import DashboardPage
from branchguard.gui.shell.main_window import MainWindow
from tests.gui.conftest import PASSWORDS


@pytest.fixture
def busy_window(empty_ctx: AppContext, qtbot) -> Callable[..., MainWindow]:
    """A window on the demo branch with its records, an open incident and a drill running."""
    empty_ctx.services.demo.fill(records=True)

    def _open(username: str = "lead", running: bool = True) -> MainWindow:
        actor = empty_ctx.services.auth.login(username, PASSWORDS[username])
        if running:
            empty_ctx.services.incidents.start(actor, None, title="营业厅漏水")
            empty_ctx.services.incidents.start(actor, None, title="消防演练", drill=True)
        window = build_main_window(empty_ctx, actor)
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
    if isinstance(flt, ComplaintFilter):
        return page.model.rowCount()
    if isinstance(flt, ComplianceFilter):
        return len(page.compliance.shown())
    raise AssertionError(flt)


def test_each_figure_opens_its_page_with_the_matching_filter_and_count(busy_window, qtbot) -> None:
    window = busy_window("lead")
    assert window.current_page_id() == "incidents"  # open incidents reopen there, before the dashboard
    page = window.show_page("dashboard")
    assert isinstance(page, DashboardPage) and page.board is not None
    assert page.figure("incidents_open").value == 1 and page.figure("drills_running").value == 1
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
