"""A date field in a table's cell, with no label of its own: its calendar says the column's title."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDateEdit, QTableWidget

from branchguard.gui.kit.dates import calendar_popup
from tests.gui.spoken_support import spoken_name


@pytest.mark.qt_log_ignore(  # the calendar pops up, which the offscreen platform cannot quite
    "This plugin does not support raise",
    "This plugin does not support grabbing",
    "This plugin does not support propagateSizeHints",
)
def test_a_cell_date_fields_calendar_says_its_columns_title(qtbot: Any) -> None:
    table = QTableWidget(2, 2)
    table.setHorizontalHeaderLabels(["整改措施", "完成期限"])
    qtbot.addWidget(table)
    edit = calendar_popup(QDateEdit(QDate(2026, 12, 7)))
    table.setCellWidget(1, 1, edit)
    table.resize(600, 300)
    table.show()
    qtbot.waitExposed(table)
    assert spoken_name(edit) == ""  # nothing of its own
    QTest.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(edit.width() - 5, edit.height() // 2))
    assert edit.calendarWidget().isVisible()
    assert spoken_name(edit.calendarWidget()) in ("Calendar: 完成期限", "日历：完成期限")
    edit.calendarWidget().window().hide()
