"""The item list keeps its number and result columns in view as the run moves from item to item: at
15 pt on a 1024×768 screen the list is narrower than its columns, and moving to an item scrolled it
sideways to the item's text, the result ("✗ Fail", or not yet answered) scrolled off to the left."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from branchguard.app import build_main_window
from branchguard.context import AppContext
from branchguard.core.inspections.types import InspectionInput, ItemResult
from branchguard.gui.inspections.models import ChecklistModel
from tests.gui.conftest import PASSWORDS
from tests.gui.fit_support import SMALL


@pytest.fixture
def large_text(app: QApplication) -> Iterator[None]:
    before = app.font()
    font = QFont(before)
    font.setPointSizeF(15)
    app.setFont(font)
    yield
    app.setFont(before)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_moving_to_an_item_keeps_its_result_in_view(
    gui_ctx: AppContext, large_text: None, qtbot: Any
) -> None:
    staff = gui_ctx.services.auth.login("staff", PASSWORDS["staff"])
    window = build_main_window(gui_ctx, staff)
    qtbot.addWidget(window)
    window.resize(SMALL)
    window.show()
    run = gui_ctx.services.inspections.start(staff, "FIRE_DAILY", InspectionInput(location="营业厅"))
    page = window.show_page("inspections")
    runner = page.open_inspection(run.info.id)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: runner.detail is not None)
    table = runner.table
    assert table.horizontalScrollBar().maximum() > 0  # narrower than its columns: it can scroll

    def in_view(number: int) -> None:
        row = runner.model.find_row(lambda a: a.number == number)
        for column in (ChecklistModel.COL_NUMBER, ChecklistModel.COL_RESULT):
            cell = table.visualRect(runner.model.index(row, column))
            assert table.viewport().rect().contains(cell.topLeft()), (number, column, cell)

    in_view(1)  # as the run opens
    runner.answer_current(ItemResult.PASS)  # item 1, then on to item 2
    qtbot.waitUntil(lambda: runner.pending == 0 and runner.current == 2)
    in_view(2)
    for number in (3, 2):
        runner.move_to(number)
        in_view(number)
    window.close()
