"""The app's standard table view: sortable, row-selecting, with a proxy model."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
)

from branchguard.gui.kit.rows import SORT_ROLE, RowsProxy
from branchguard.gui.kit.text_scale import scale_default_width, set_row_height


def lead_with(header: QHeaderView, columns: Sequence[int]) -> None:
    """Show the model's `columns` first, in this order, the others after them as they were: what a
    reader needs stays on screen at 1024 px when the rest of a wide table is scrolled to."""
    for place, column in enumerate(columns):
        header.moveSection(header.visualIndex(column), place)


@contextmanager
def sizing(table: QTableView) -> Iterator[None]:
    """Resize `table`'s columns inside: the table is laid out as sized and painted once. Sized
    bare, Qt lays out and repaints every visible cell on a timer of its own, after the paint that
    showed the rows (a read's reset), and again when the new rows bring a scroll bar, which
    narrows a stretched last column: each a second or third paint of the list (the playbook list
    at ten years 8-14 ms each, the roster 5-10 ms)."""
    header = table.horizontalHeader()
    blocked = header.blockSignals(True)  # sectionResized: QTableView's columnResized starts that timer
    try:
        yield
        table.doItemsLayout()  # the layout a reset put off, now: it sets the scroll bars' ranges
        QCoreApplication.sendPostedEvents(table, QEvent.Type.MetaCall)  # which show or hide them
    finally:
        header.blockSignals(blocked)
    header.viewport().update()
    table.viewport().update()


def make_table(name: str, model: Any, sortable: bool = True) -> tuple[QTableView, QSortFilterProxyModel]:
    proxy = RowsProxy()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = QTableView()
    table.setObjectName(name)
    table.setModel(proxy)
    proxy.setParent(table)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setSortingEnabled(sortable)
    table.verticalHeader().hide()
    set_row_height(table, 28)
    header = table.horizontalHeader()
    scale_default_width(header)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    # Rows in the model's order until a header is clicked: enabling sorting alone sorts by the first
    # column, descending (the compliance rules and the roster's roles read Z to A).
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    return table, proxy
