"""A table made by make_table shows its rows in the model's order until a header is clicked:
enabling sorting alone sorted by the first column, descending, so lists the services order (the
drill compliance rules, the roster's roles) read Z to A."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication

from branchguard.gui.kit.rows import SORT_ROLE
from branchguard.gui.kit.tables import make_table


def test_rows_keep_the_models_order_until_a_header_is_clicked(app: QApplication) -> None:
    model = QStandardItemModel()
    for name in ("b-second", "a-first", "c-third"):
        item = QStandardItem(name)
        item.setData(name, SORT_ROLE)
        model.appendRow(item)
    table, proxy = make_table("t", model)

    def shown() -> list[str]:
        return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]

    assert shown() == ["b-second", "a-first", "c-third"]
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # as a click on the header does
    assert shown() == ["a-first", "b-second", "c-third"]
    table.deleteLater()
