"""A refresh that finds the roster as it was leaves its columns alone: it measured 60 rows on each
refresh (13-18 ms of the window's thread at ten years) and widened a column the user had narrowed
back to its measured width at every data change anywhere in the app."""

from __future__ import annotations

from typing import Any

from branchguard.context import AppContext
from branchguard.core.people.types import PersonInput
from tests.gui.conftest import PASSWORDS
from tests.gui.empty_support import page_of


def test_an_unchanged_refresh_keeps_a_narrowed_column(gui_ctx: AppContext, qtbot: Any) -> None:
    page = page_of(gui_ctx, "lead", "people", qtbot)
    tab = page.staff_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0 and tab._sized)
    header = tab.table.horizontalHeader()
    measured = header.sectionSize(0)
    header.resizeSection(0, measured - 40)  # the user drags the Name column narrower
    resets: list[int] = []
    tab.model.modelReset.connect(lambda: resets.append(1))
    read: list[int] = []
    shown = tab._show

    def counted(rows: Any, select: Any) -> None:
        read.append(1)
        shown(rows, select)

    tab._show = counted  # the reads' answers, counted
    page.refresh()
    qtbot.waitUntil(lambda: read == [1])
    assert resets == []
    assert header.sectionSize(0) == measured - 40
    # A changed roster is measured again: a longer name is not cut off.
    lead = gui_ctx.services.auth.login("lead", PASSWORDS["lead"])
    long_name = "欧阳" + "建" * 12
    gui_ctx.services.people.add_person(lead, PersonInput(long_name, tab.model.row_at(0).branch_role))
    page.refresh()
    qtbot.waitUntil(lambda: read == [1, 1])
    assert resets == [1]
    assert header.sectionSize(0) >= min(tab.table.sizeHintForColumn(0), 320)


def test_sizing_the_roster_asks_the_model_once_per_cell(gui_ctx: AppContext, qtbot: Any) -> None:
    """The roster's proxy hands a cell's roles to the model in one call (CellsProxy): a plain
    QSortFilterProxyModel asked `data` once per role, 6,690 calls for one sizing at ten years."""
    page = page_of(gui_ctx, "lead", "people", qtbot)
    tab = page.staff_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0 and tab._sized)
    asked = {"data": 0, "multiData": 0}
    data, multi = tab.model.data, tab.model.multiData

    def counted_data(*args: Any) -> Any:
        asked["data"] += 1
        return data(*args)

    def counted_multi(*args: Any) -> None:
        asked["multiData"] += 1
        multi(*args)

    tab.model.data, tab.model.multiData = counted_data, counted_multi
    tab._size_columns()
    assert asked["multiData"] > 0
    assert asked["data"] <= asked["multiData"]  # at most one more question per cell (a size hint's own)
