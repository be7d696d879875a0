"""A day's list in the month view scrolls to the end of an item taller than its cell: scrolled by
item, a day holding one long item (an overdue complaint's title, wrapped) was cut mid-line with no
scroll bar, as there was no second item to scroll to."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QListWidgetItem

from branchguard.gui.schedules.calendar_views import DayList


def test_one_item_taller_than_the_cell_can_be_scrolled_to_its_end(app: QApplication) -> None:
    day = DayList(date(2026, 12, 2), None)
    day.addItem(QListWidgetItem("客户投诉：要求改进叫号系统，等候超过一小时 " * 4))
    day.resize(120, 40)  # a month's cell at 1024×768: about two lines
    day.show()
    for _ in range(3):
        QCoreApplication.processEvents()
    bar = day.verticalScrollBar()
    assert day.count() == 1 and bar.maximum() > 0  # something to scroll, and a bar to do it with
    bar.setValue(bar.maximum())
    assert bar.value() > 0
    day.deleteLater()
