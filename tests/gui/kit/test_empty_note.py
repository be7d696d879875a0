"""kit/empty_note.py: an empty table says the owner's words in its viewport; a table with rows, or an
owner with nothing to say, shows the bare grid."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView

from branchguard.gui.kit.empty_note import EmptyNote


def _table(qtbot: Any, words: list[str]) -> tuple[QTableView, QStandardItemModel, EmptyNote]:
    model = QStandardItemModel(0, 2)
    table = QTableView()
    table.setModel(model)
    qtbot.addWidget(table)
    table.resize(400, 200)
    table.show()
    note = EmptyNote(table, lambda: words[0])
    return table, model, note


def test_the_words_show_while_the_table_is_empty_and_go_with_the_first_row(qtbot: Any) -> None:
    words = ["No records yet. Add… adds one."]
    table, model, note = _table(qtbot, words)
    assert note.text() == words[0]
    said = table.viewport().grab().toImage()
    words[0] = ""
    bare = table.viewport().grab().toImage()
    assert said != bare  # painted: the same table with nothing to say looks different

    words[0] = "No records yet."
    model.appendRow([QStandardItem("a"), QStandardItem("b")])
    assert note.text() == ""
    model.removeRow(0)
    assert note.text() == "No records yet."
