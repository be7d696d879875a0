"""kit/windowed.py: a first window of new rows is painted once, laid out with its scroll bar
(Qt painted the rows, then again when the scroll bar they brought narrowed the stretched last
column) and with what `shown` changed (a count that wraps); a re-read that finds the rows shown
paints nothing."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from branchguard.core.kernel.paging import Slice, Window
from branchguard.gui.kit.windowed import Pager, WindowedModel
from tests.gui.kit.paint_support import Paints, settle

ROWS = 40  # more than the view shows: a scroll bar comes with them


class _Numbers(WindowedModel[int]):
    CELLS_FROM_ROWS = True

    def headers(self) -> list[str]:
        return ["No.", "Twice", "Notes"]

    def cell(self, item: int, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return str(item * (1 + column))


def test_new_rows_are_painted_once_and_unchanged_ones_not_again(qtbot: Any) -> None:
    panel = QWidget()
    qtbot.addWidget(panel)
    model = _Numbers(panel)
    table = QTableView()
    table.setModel(model)
    table.horizontalHeader().setStretchLastSection(True)
    layout = QVBoxLayout(panel)
    layout.addWidget(table)
    count = QLabel("")
    count.setWordWrap(True)
    layout.addWidget(count)

    def read(_flt: None, window: Window) -> Slice[int]:
        return Slice(list(range(window.offset, min(ROWS, window.offset + window.limit))), ROWS)

    def shown() -> None:
        count.setText(f"{model.rowCount()} of {model.total()} shown; scroll for older ones " * 3)

    pager: Pager[None, int] = Pager(panel, model, read, on_error=lambda _m: None, shown=shown)
    panel.resize(400, 300)
    panel.show()
    qtbot.waitExposed(panel)
    settle()
    paints = Paints()
    table.viewport().installEventFilter(paints)
    pager.load(None)  # inline tasks (tests): shown when load returns
    assert count.height() >= count.heightForWidth(count.width())  # its wrapped lines laid out at once
    settle()
    assert model.rowCount() == ROWS and table.verticalScrollBar().isVisible()
    assert paints.count == 1
    pager.load(None)  # a refresh that finds nothing new
    settle()
    assert paints.count == 1
