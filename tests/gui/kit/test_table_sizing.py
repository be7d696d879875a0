"""kit/tables.py sizing: rows that arrive and are sized in the same turn are painted once, laid out
as sized; sized bare, Qt painted every visible cell again on a timer after the first paint."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView

from branchguard.gui.kit.tables import sizing
from tests.gui.kit.paint_support import Paints, settle

_Index = QModelIndex | QPersistentModelIndex


class _Rows(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows = 0

    def read(self, rows: int) -> None:  # as a page's list shows a read: a reset
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else self.rows

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 4

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return f"城东支行 {index.row()}-{index.column()}" * (1 + index.column() % 2)


def test_rows_sized_as_they_arrive_are_painted_once(qtbot: Any) -> None:
    model = _Rows()
    table = QTableView()
    table.setModel(model)
    qtbot.addWidget(table)
    table.resize(400, 300)
    table.show()
    qtbot.waitExposed(table)
    settle()
    paints = Paints()
    table.viewport().installEventFilter(paints)
    header = table.horizontalHeader()
    model.read(40)
    with sizing(table):
        table.resizeColumnsToContents()
    sized = [header.sectionSize(c) for c in range(4)]
    settle()
    assert paints.count == 1
    assert sized[1] > sized[0]  # sized to the longer texts
    assert [header.sectionSize(c) for c in range(4)] == sized
    assert header.sectionViewportPosition(3) == sum(sized[:3])  # laid out as sized
    assert table.horizontalScrollBar().maximum() > 0  # wider than the view: it scrolls to them
