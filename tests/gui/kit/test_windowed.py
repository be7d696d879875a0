"""Windowed lists (gui/kit/windowed.py) on the three pages that read them: a window of a few rows
at a time, scrolling the real view to its end reaches every record once, in the service's order;
a filter and a header click read again in SQL, and scrolling reaches every record they select.
Every model runs under QAbstractItemModelTester meanwhile."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QTableView

from branchguard.context import AppContext
from branchguard.core.drills.types import DrillPlanInput, DrillStatus
from branchguard.core.incidents.types import IncidentFilter
from branchguard.core.inspections.types import InspectionFilter, InspectionInput, InspectionStatus
from branchguard.core.kernel.types import Actor, Role
from branchguard.gui.drills.models import DrillPlanModel
from branchguard.gui.drills.page import DrillsPage
from branchguard.gui.incidents.models import IncidentListModel
from branchguard.gui.incidents.page import IncidentsPage
from branchguard.gui.inspections.models import InspectionHistoryModel
from branchguard.gui.inspections.page import InspectionsPage
from branchguard.gui.kit.windowed import Pager, WindowedModel

WINDOW = 3  # rows per read: every list below needs several windows
MODE = QAbstractItemModelTester.FailureReportingMode.Fatal


def lead(ctx: AppContext) -> Actor:
    info = ctx.services.auth.user_by_name("lead")
    assert info is not None
    return Actor(info.id, info.username, Role(info.role))


def scroll_to_end(table: QTableView, model: WindowedModel[Any]) -> None:
    """Scroll the view to its last row until it asks for nothing more (the view calls fetchMore)."""
    table.resize(600, 120)  # a few rows in view, so the scroll bar has somewhere to go
    for _ in range(100):
        QApplication.processEvents()
        table.scrollToBottom()
        QApplication.processEvents()
        if not model.has_more():
            return
    raise AssertionError(f"the view never reached the end: {model.rowCount()} rows, {model.total()} in all")


def small_windows(pager: Pager[Any, Any]) -> None:
    pager.page_size = WINDOW


def test_incidents_scroll_and_filter_reach_every_incident(open_window, gui_ctx: AppContext) -> None:
    actor = lead(gui_ctx)
    for n in range(8):
        gui_ctx.services.incidents.start(
            actor, "ROB", title=f"Case {n:02}", drill=n % 3 == 0, despite_open=True
        )
    page = open_window("lead").show_page("incidents")
    assert isinstance(page, IncidentsPage)
    panel = page.list_panel
    tester = QAbstractItemModelTester(panel.model, MODE)
    small_windows(panel.pager)
    panel.reload()
    assert panel.model.rowCount() == WINDOW and panel.model.total() == 8
    assert "8" in panel.count_label.text()
    scroll_to_end(panel.table, panel.model)
    everything = [s.id for s in gui_ctx.services.incidents.list_incidents(actor)]
    assert [s.id for s in panel.model.rows()] == everything
    assert "8" in panel.count_label.text()

    panel.drill_filter.setCurrentIndex(panel.drill_filter.findData(True))
    scroll_to_end(panel.table, panel.model)
    drills = gui_ctx.services.incidents.list_incidents(actor, IncidentFilter(drill=True))
    assert [s.id for s in panel.model.rows()] == [s.id for s in drills] and len(drills) == 3

    panel.drill_filter.setCurrentIndex(0)
    panel.table.sortByColumn(IncidentListModel.COL_TITLE, Qt.SortOrder.AscendingOrder)
    scroll_to_end(panel.table, panel.model)
    assert [s.title for s in panel.model.rows()] == [f"Case {n:02}" for n in range(8)]
    del tester


def test_drills_scroll_and_filter_reach_every_plan(open_window, gui_ctx: AppContext) -> None:
    actor, drills = lead(gui_ctx), gui_ctx.services.drills
    when = datetime.now(UTC).replace(microsecond=0) + timedelta(days=9)
    plans = [
        drills.plan(
            actor, DrillPlanInput(playbook_code="ROB", date=when + timedelta(days=n), expected_headcount=6)
        )
        for n in range(7)
    ]
    for plan in plans[::3]:
        drills.cancel(actor, plan.id)
    page = open_window("lead").show_page("drills")
    assert isinstance(page, DrillsPage)
    panel = page.list_panel
    tester = QAbstractItemModelTester(panel.model, MODE)
    small_windows(panel.pager)
    panel.reload(select=plans[0].id)  # the oldest: selected once its window arrives
    assert panel.model.rowCount() == WINDOW and panel.selected() is None
    scroll_to_end(panel.table, panel.model)
    assert [p.id for p in panel.model.rows()] == [p.id for p in drills.list(actor)]
    selected = panel.selected()
    assert selected is not None and selected.id == plans[0].id

    panel.status_filter.setCurrentIndex(panel.status_filter.findData(DrillStatus.CANCELLED.value))
    scroll_to_end(panel.table, panel.model)
    assert sorted(p.id for p in panel.model.rows()) == sorted(p.id for p in plans[::3])

    panel.status_filter.setCurrentIndex(0)
    panel.table.sortByColumn(DrillPlanModel.COL_DATE, Qt.SortOrder.AscendingOrder)
    scroll_to_end(panel.table, panel.model)
    assert [p.id for p in panel.model.rows()] == [p.id for p in plans]
    del tester


def test_inspections_scroll_and_filter_reach_every_inspection(open_window, gui_ctx: AppContext) -> None:
    actor, inspections = lead(gui_ctx), gui_ctx.services.inspections
    for n in range(7):
        det = inspections.start(actor, "FIRE_DAILY", InspectionInput(location=f"Room {n}"))
        if n % 2:
            inspections.answer_rest(actor, det.info.id)
    page = open_window("lead").show_page("inspections")
    assert isinstance(page, InspectionsPage)
    overview = page.overview
    tester = QAbstractItemModelTester(overview.history_model, MODE)
    small_windows(overview.history_pager)
    overview.reload()
    assert overview.history_model.rowCount() == WINDOW and overview.history_model.total() == 7
    scroll_to_end(overview.history, overview.history_model)
    assert overview.history_model.rows() == inspections.list(actor)  # the answer counts too

    drafts = InspectionFilter(status=InspectionStatus.DRAFT)
    overview.status_filter.setCurrentIndex(overview.status_filter.findData(InspectionStatus.DRAFT.value))
    scroll_to_end(overview.history, overview.history_model)
    assert overview.history_model.rows() == inspections.list(actor, drafts)

    overview.status_filter.setCurrentIndex(0)
    overview.history.sortByColumn(InspectionHistoryModel.COL_LOCATION, Qt.SortOrder.DescendingOrder)
    scroll_to_end(overview.history, overview.history_model)
    assert [i.location for i in overview.history_model.rows()] == [f"Room {n}" for n in reversed(range(7))]
    del tester
