"""F1's list at larger text: every row read whole and reached by keys (the table took no focus,
so at 15 pt the rows below its fold were out of reach of a keyboard, and long texts ended in "…")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from branchguard.gui.shell.shortcuts import ShortcutsDialog

ROWS = [(f"Ctrl+Shift+F{n}", f"Go to the page at that place in the sidebar, row {n}") for n in range(30)]


def test_every_row_is_whole_and_reached_by_keys(app: QApplication, qtbot) -> None:
    before = app.font()
    font = QFont(before)
    font.setPointSizeF(15)
    app.setFont(font)
    try:
        dialog = ShortcutsDialog(ROWS)
        qtbot.addWidget(dialog)
        with qtbot.waitExposed(dialog):
            dialog.open()
        table = dialog.table
        metrics = QFontMetrics(table.font())
        longest = max(metrics.horizontalAdvance(text) for _keys, text in ROWS)
        assert table.columnWidth(1) > longest  # not cut to "…"
        assert QApplication.focusWidget() is table and table.currentRow() == 0  # focus shown on a row
        last = table.model().index(len(ROWS) - 1, 1)
        assert not table.viewport().rect().contains(table.visualRect(last))  # below the fold at first
        qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        assert table.currentRow() == len(ROWS) - 1
        assert table.viewport().rect().contains(table.visualRect(last))
        qtbot.keyClick(table, Qt.Key.Key_Escape)
        assert not dialog.isVisible()
    finally:
        app.setFont(before)
