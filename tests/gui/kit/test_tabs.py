"""kit/tabs.py PageTabs: a layout request that moves nothing in the tab widget leaves the rest of
the page unpainted (Qt's QTabWidget repainted every table and button of a page whenever a label's
text changed inside it); one that moves its tab bar or pages repaints it, as Qt's does."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from branchguard.context import AppContext
from branchguard.gui.kit.tabs import PageTabs
from tests.gui.empty_support import page_of
from tests.gui.kit.paint_support import Paints, settle


def _page(qtbot: Any, watch: str) -> tuple[PageTabs, QLabel, Paints]:
    tabs = PageTabs()
    qtbot.addWidget(tabs)
    page = QWidget()
    layout = QVBoxLayout(page)
    row = QHBoxLayout()
    count = QLabel("9")
    row.addWidget(count)
    row.addStretch(1)
    layout.addLayout(row)
    far = QPushButton("Open")
    layout.addWidget(far)
    layout.addStretch(1)
    tabs.addTab(page, "Checklists")
    tabs.resize(600, 400)
    tabs.show()
    qtbot.waitExposed(tabs)
    settle()
    paints = Paints()
    (far if watch == "far" else tabs).installEventFilter(paints)
    return tabs, count, paints


def test_a_label_growing_inside_repaints_the_label_not_the_page(qtbot: Any) -> None:
    tabs, count, paints = _page(qtbot, "far")
    count.setText("200 of 7,300 shown; scroll for older ones")
    settle()
    assert paints.count == 0  # a button elsewhere on the page: Qt's QTabWidget repainted it
    assert count.width() >= count.sizeHint().width()  # laid out all the same
    assert tabs.updatesEnabled()


def test_a_tab_bar_that_grows_repaints_the_tab_widget(qtbot: Any) -> None:
    tabs, _count, paints = _page(qtbot, "tabs")
    stack = tabs.currentWidget().geometry()
    font = tabs.tabBar().font()
    font.setPointSizeF(font.pointSizeF() * 2)
    tabs.tabBar().setFont(font)  # a taller bar: the pages move down
    settle()
    assert tabs.currentWidget().geometry() != stack
    assert paints.count > 0


@pytest.mark.parametrize("page_id", ["incidents", "inspections", "drills", "people"])
def test_the_pages_with_tabs_hold_them_in_page_tabs(page_id: str, gui_ctx: AppContext, qtbot: Any) -> None:
    """Their lists' counts and buttons change as reads come back: each change repainted the page."""
    page = page_of(gui_ctx, "lead", page_id, qtbot)
    assert isinstance(page.tabs, PageTabs)
