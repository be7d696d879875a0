"""kit/windowed.py: a first window of new rows is painted once, laid out with its scroll bar
(Qt painted the rows, then again when the scroll bar they brought narrowed the stretched last
column) and with what `shown` changed (a count that wraps); a re-read that finds the rows shown
paints nothing."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel, QTableView, QVBoxLayout, QWidget

from branchguard.core.kernel.paging import Slice, Window
from branchguard.gui.kit.windowed import Pager, WindowedModel

ROWS = 40  # more than the view shows: a scroll bar comes with them


class _Numbers(WindowedModel[int]):
    CELLS_FROM_ROWS = True

    def headers(self) -> list[str]:
        return ["No.", "Twice", "Notes"]

    def cell(self, item: int, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return str(item * (1 + column))


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


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
    _settle()
    paints = _Paints()
    table.viewport().installEventFilter(paints)
    pager.load(None)  # inline tasks (tests): shown when load returns
    assert count.height() >= count.heightForWidth(count.width())  # its wrapped lines laid out at once
    _settle()
    assert model.rowCount() == ROWS and table.verticalScrollBar().isVisible()
    assert paints.count == 1
    pager.load(None)  # a refresh that finds nothing new
    _settle()
    assert paints.count == 1
