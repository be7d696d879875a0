"""Rules every windowed list follows (gui/kit/windowed.py), whichever page shows it: a header
whose column has no SQL order takes no sort indicator, and a new filter shows the list from the
top while a re-read of the same one keeps the view where it was."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView

from branchguard.context import AppContext
from branchguard.core.drills.types import DrillPlanInput
from branchguard.gui.drills.models import DrillPlanModel
from branchguard.gui.drills.page import DrillsPage
from branchguard.gui.incidents.page import IncidentsPage
from tests.gui.kit.test_windowed import lead


def click_header(table: QTableView, column: int) -> None:
    """A real click on the middle of `column`'s header section."""
    header = table.horizontalHeader()
    at = QPoint(
        header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2
    )
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)


def test_a_column_without_an_sql_order_takes_no_sort_arrow(open_window, gui_ctx: AppContext) -> None:
    actor, drills = lead(gui_ctx), gui_ctx.services.drills
    when = datetime.now(UTC).replace(microsecond=0) + timedelta(days=9)
    for n in range(3):
        drills.plan(actor, DrillPlanInput(playbook_code="ROB", date=when - timedelta(days=n)))
    page = open_window("lead").show_page("drills")
    assert isinstance(page, DrillsPage)
    table, model = page.list_panel.table, page.list_panel.model
    header = table.horizontalHeader()
    table.resize(1000, 300)
    before = (header.sortIndicatorSection(), header.sortIndicatorOrder(), model.window_order())
    rows = model.rows()
    for column in (DrillPlanModel.COL_REPEATS, DrillPlanModel.COL_SCORE):
        click_header(table, column)
        assert (header.sortIndicatorSection(), header.sortIndicatorOrder(), model.window_order()) == before
        assert model.rows() == rows and not model.sortable(column)
    click_header(table, DrillPlanModel.COL_TITLE)  # a column with an SQL order still sorts
    assert header.sortIndicatorSection() == DrillPlanModel.COL_TITLE
    assert model.window_order()[0] == "title"


def test_a_new_filter_shows_the_list_from_the_top(open_window, gui_ctx: AppContext) -> None:
    actor = lead(gui_ctx)
    for n in range(40):
        gui_ctx.services.incidents.start(
            actor, "ROB", title=f"Case {n:02}", drill=n % 4 == 0, despite_open=True
        )
    page = open_window("lead").show_page("incidents")
    assert isinstance(page, IncidentsPage)
    panel = page.list_panel
    page.tabs.setCurrentIndex(0)
    panel.pager.page_size = 25
    panel.table.resize(600, 160)
    panel.reload()
    bar = panel.table.verticalScrollBar()
    bar.setValue(12)
    panel.reload()  # the same filter again: the view stays where it was
    assert bar.value() == 12
    panel.drill_filter.setCurrentIndex(panel.drill_filter.findData(False))  # 30 incidents: a window of 25
    assert panel.model.rowCount() == 25 and bar.maximum() > 12
    assert bar.value() == 0
