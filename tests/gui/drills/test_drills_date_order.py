"""The Drills page's list is in the order of its Date column once a recurring drill has been run:
the series shows its next date and sorts there, newest first and, by a header click, oldest first,
window after window as the list is scrolled (it read 2027-02-08, 2027-01-19, 2027-01-31,
2026-12-29 in a user trial: the series sorted by its first date)."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from branchguard.context import AppContext
from branchguard.core.drills.types import DrillPlanInput
from branchguard.gui.drills.models import DrillPlanModel
from branchguard.gui.drills.page import DrillsPage
from tests.gui.kit.test_windowed import MODE, lead, scroll_to_end, small_windows


def test_a_run_series_sorts_by_the_date_the_list_shows(open_window, gui_ctx: AppContext) -> None:
    actor, drills = lead(gui_ctx), gui_ctx.services.drills
    day = (datetime.now() + timedelta(days=3)).replace(hour=10, minute=0, second=0, microsecond=0)
    series = drills.plan(actor, DrillPlanInput("FIRE", day, rrule="monthly")).id
    ran = drills.run(actor, series).id
    between = drills.plan(actor, DrillPlanInput("ROB", day + timedelta(days=10))).id
    after = drills.plan(actor, DrillPlanInput("ROB", day + timedelta(days=60))).id
    page = open_window("lead").show_page("drills")
    assert isinstance(page, DrillsPage)
    panel = page.list_panel
    tester = QAbstractItemModelTester(panel.model, MODE)
    small_windows(panel.pager)
    panel.reload()
    scroll_to_end(panel.table, panel.model)

    def shown() -> tuple[list[int], list[str]]:
        model = panel.model
        dates = [model.index(row, DrillPlanModel.COL_DATE).data() for row in range(model.rowCount())]
        return [p.id for p in model.rows()], dates

    ids, dates = shown()
    assert ids == [after, series, between, ran]
    assert dates == sorted(dates, reverse=True)  # "yyyy-MM-dd HH:mm" reads in date order
    panel.table.sortByColumn(DrillPlanModel.COL_DATE, Qt.SortOrder.AscendingOrder)
    scroll_to_end(panel.table, panel.model)
    ids, dates = shown()
    assert ids == [ran, between, series, after] and dates == sorted(dates)
    del tester
