"""The app's standard table view: sortable, row-selecting, with a proxy model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
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
