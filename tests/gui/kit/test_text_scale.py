"""text_scale: pixel sizes chosen for 10 pt text follow a larger font; at 10 pt nothing moves."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFont, QFontMetrics, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from branchguard.gui.kit.text_scale import (
    keep_stretched_titles,
    row_height,
    scaled,
    set_row_height,
    size_columns,
    title_width,
)


def _table(qtbot: Any, titles: list[str]) -> QTableView:
    model = QStandardItemModel(0, len(titles))
    model.setHorizontalHeaderLabels(titles)
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    model.setParent(table)
    table.setSortingEnabled(True)
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # as make_table does
    return table


def test_at_10_pt_a_size_is_what_was_given(qtbot: Any, text_size: Callable[[float], None]) -> None:
    text_size(10)
    widget = QWidget()
    qtbot.addWidget(widget)
    assert scaled(210, widget) == 210
    assert row_height(28, widget) == 28
    table = _table(qtbot, ["ID", "Title"])
    size_columns(table.horizontalHeader(), [(1, 200)])
    assert table.horizontalHeader().sectionSize(1) == 200


def test_at_15_pt_widths_grow_by_half_and_rows_by_the_taller_line(
    qtbot: Any, text_size: Callable[[float], None]
) -> None:
    text_size(15)
    widget = QWidget()
    qtbot.addWidget(widget)
    assert scaled(210, widget) == 315
    usual = QFont(widget.font())
    usual.setPointSizeF(10)
    taller = widget.fontMetrics().height() - QFontMetrics(usual).height()
    assert taller > 0
    assert row_height(28, widget) == 28 + taller
    table = _table(qtbot, ["ID", "Title"])
    set_row_height(table, 28)
    assert table.verticalHeader().defaultSectionSize() == 28 + taller
    size_columns(table.horizontalHeader(), [(1, 200)])
    assert table.horizontalHeader().sectionSize(1) == 300


def test_a_column_is_never_narrower_than_its_title(qtbot: Any, text_size: Callable[[float], None]) -> None:
    """A 60 px column read "Days o…" at 10 pt, and "Playboo" at 15 pt."""
    title = "Days open since the report"
    for points in (10, 15):
        text_size(points)
        table = _table(qtbot, ["ID", title, "Note"])
        header = table.horizontalHeader()
        size_columns(header, [(0, 40), (1, 60)])
        bold = QFont(header.font())
        bold.setWeight(QFont.Weight.DemiBold)
        assert header.sectionSize(1) > QFontMetrics(bold).horizontalAdvance(title) + 16  # the padding
        assert header.sectionSize(0) == scaled(40, header)  # "ID" reads whole in it


def test_the_column_sorted_by_gets_room_for_its_arrow(qtbot: Any, text_size: Callable[[float], None]) -> None:
    text_size(15)
    table = _table(qtbot, ["ID", "Days open", "Note"])
    header = table.horizontalHeader()
    size_columns(header, [(0, 30), (1, 60)])
    unsorted = header.sectionSize(1)
    assert header.sectionSizeHint(1) > unsorted  # the arrow's room
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert header.sectionSize(1) == header.sectionSizeHint(1)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert header.sectionSize(1) == header.sectionSizeHint(1)  # kept: it is not narrowed again


def test_the_columns_are_sized_again_when_the_language_changes(
    qtbot: Any, text_size: Callable[[float], None]
) -> None:
    text_size(10)
    table = _table(qtbot, ["ID", "Title"])
    header = table.horizontalHeader()
    size_columns(header, [(1, 100)])
    model = table.model()
    assert isinstance(model, QStandardItemModel)
    model.setHorizontalHeaderLabels(["ID", "A much longer title than the column was given"])
    assert header.sectionSize(1) == 100  # nothing said the language changed yet
    QCoreApplication.sendEvent(header, QEvent(QEvent.Type.LanguageChange))
    assert header.sectionSize(1) == title_width(header, 1) > 100
    model.setHorizontalHeaderLabels(["ID", "Title"])
    QCoreApplication.sendEvent(header, QEvent(QEvent.Type.LanguageChange))
    assert header.sectionSize(1) == 100


def test_a_stretched_column_keeps_the_least_width_given(
    qtbot: Any, text_size: Callable[[float], None]
) -> None:
    """Below its least width the column is that wide and the table scrolls sideways; with the room
    there it stretches again (the console's step column had 80 px at 15 pt)."""
    text_size(10)
    table = _table(qtbot, ["#", "Step", "Role"])
    header = table.horizontalHeader()
    size_columns(header, [(0, 40), (2, 200)])
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    keep_stretched_titles(table, {1: 150})
    table.resize(300, 200)
    table.show()
    qtbot.waitUntil(lambda: header.sectionSize(1) >= 150)
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Interactive
    table.resize(800, 200)
    qtbot.waitUntil(lambda: header.sectionResizeMode(1) == QHeaderView.ResizeMode.Stretch)
    assert header.sectionSize(1) > 150

