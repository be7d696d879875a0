"""Choosing rows in the bell's panel as a click does, whatever keys a test before left held."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView


def select_only(view: QAbstractItemView, row: int) -> None:
    """Select `row` alone. `selectRow` reads the keyboard's modifiers: in a list that takes several
    rows, a Ctrl an earlier test's key clicks left pressed (offscreen) added the row to the one
    already selected instead of replacing it."""
    flag = QItemSelectionModel.SelectionFlag
    index = view.model().index(row, 0)
    view.selectionModel().select(index, flag.ClearAndSelect | flag.Rows)
    view.selectionModel().setCurrentIndex(index, flag.NoUpdate)
