"""The Complaints page's filter row with every control shown (the chosen dates too, a search typed)
fits 1024×768 at 10 pt and wraps at 15 pt instead of widening the window, in both languages; the
page sweeps of tests/gui/test_fit*.py see it only as it opens, its dates hidden."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from branchguard.gui.complaints.filters import DATES
from branchguard.gui.complaints.page import ComplaintsPage
from branchguard.gui.shell.main_window import MainWindow
from tests.gui.test_fit import LANGS, check_window, small_window  # noqa: F401 (a fixture)
from tests.gui.test_fit_large_text import check_width, large_window  # noqa: F401 (a fixture)


def every_filter_shown(window: MainWindow) -> ComplaintsPage:
    page = window.show_page("complaints")
    assert isinstance(page, ComplaintsPage)
    bar = page.filters
    bar.period.setCurrentIndex(bar.period.findData(DATES))
    bar.channel.setCurrentIndex(bar.channel.count() - 1)  # the longest: a regulator's referral
    bar.search.setText("TS-2026-0007")
    return page


def rows_in_view(page: ComplaintsPage) -> int:
    return page.table.viewport().height() // page.table.verticalHeader().defaultSectionSize()


def assert_inside(page: ComplaintsPage) -> None:
    """Each control within the row, the row within the page, and a row of the list still in view."""
    bar = page.filters
    shown = [w for w in bar.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
             if w.isVisible()]  # fmt: skip
    assert len(shown) >= 11
    outside = [w.objectName() or type(w).__name__ for w in shown if not bar.rect().contains(w.geometry())]
    assert outside == []
    assert bar.mapTo(page, bar.rect().topRight()).x() <= page.width()
    assert rows_in_view(page) >= 1


@pytest.mark.parametrize("lang", LANGS)
def test_every_filter_fits_1024x768(small_window: Callable[[str], MainWindow]) -> None:  # noqa: F811
    window = small_window("lead")
    page = every_filter_shown(window)
    check_window(window, "complaints with every filter")
    assert_inside(page)
    assert rows_in_view(page) >= 5  # the row's three lines at most (English, the dates shown)


@pytest.mark.parametrize("lang", LANGS)
def test_every_filter_wraps_at_larger_text(large_window: Callable[[str], MainWindow]) -> None:  # noqa: F811
    window = large_window("lead")
    page = every_filter_shown(window)
    check_width(window, "complaints with every filter")
    assert_inside(page)
