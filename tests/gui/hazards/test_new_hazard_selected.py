"""A hazard entered by keyboard is selected in the register, scrolled into view and the register
has the focus, so the keyboard goes on from it (focus once fell back to the sidebar)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from branchguard.context import AppContext
from branchguard.core.hazards.types import HazardInput
from branchguard.gui.hazards.page import HazardsPage
from tests.gui.incidents.incident_support import login


@pytest.fixture
def crowded(gui_ctx: AppContext) -> None:
    """More hazards than the page shows at once, all due before the new one: it lands out of view."""
    lead = login(gui_ctx, "lead")
    tomorrow = date.today() + timedelta(days=1)
    for n in range(40):
        data = HazardInput(description=f"灭火器压力不足 {n}", location="营业厅", owner="李娜", due=tomorrow)
        gui_ctx.services.hazards.create(lead, data)


def keys(qtbot: Any, text: str = "", key: Qt.Key | None = None) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    if text:
        qtbot.keyClicks(focused, text)
    if key is not None:
        qtbot.keyClick(focused, key)


def test_a_hazard_entered_by_keyboard_is_selected_in_view_and_focused(
    open_window: Any, crowded: None, qtbot: Any
) -> None:
    window = open_window("lead")
    window.resize(1024, 768)
    page = window.show_page("hazards")
    assert isinstance(page, HazardsPage)
    dialog = page.ask_new()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.fields.title)
    keys(qtbot, "Loose cable under counter 4", Qt.Key.Key_Tab)
    keys(qtbot, key=Qt.Key.Key_Tab)  # the severity: general
    keys(qtbot, "Counter 4", Qt.Key.Key_Tab)
    keys(qtbot, "Cable lying across the floor", Qt.Key.Key_Tab)
    keys(qtbot, "Li Na", Qt.Key.Key_Return)  # any name may be typed
    assert dialog.created is not None, dialog.error.text()
    created = dialog.created.info.id

    table = page.table
    current = table.currentIndex()
    assert current.isValid()
    assert page.model.row_at(page.proxy.mapToSource(current).row()).id == created
    selected = table.selectionModel().selectedRows()
    assert [page.model.row_at(page.proxy.mapToSource(i).row()).id for i in selected] == [created]
    row = page.proxy.mapToSource(current).row()
    assert row >= 30, "the new hazard lands below the page's first screen"
    assert table.viewport().rect().contains(table.visualRect(current).center()), "scrolled into view"
    assert window.focusWidget() is table  # the window's focus, wherever it was before the dialog


def test_a_hazard_the_filter_hides_selects_nothing(open_window: Any, qtbot: Any) -> None:
    window = open_window("lead")
    page = window.show_page("hazards")
    assert isinstance(page, HazardsPage)
    page.overdue_only.setChecked(True)  # a new hazard is not overdue
    dialog = page.ask_new()
    dialog.fields.description.setPlainText("自助区插座松动")
    dialog.fields.owner.set_name("李娜")
    dialog.accept()
    assert dialog.created is not None
    assert all(h.id != dialog.created.info.id for h in page.shown())
    assert not page.table.currentIndex().isValid()
    assert page._created is None  # nothing left to select on a later read
