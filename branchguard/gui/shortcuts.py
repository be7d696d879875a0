"""The F1 help: every keyboard shortcut of the window and of the pages built so far."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def collect_shortcuts(window: QWidget, extra: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(keys, what it does) for each QAction and QShortcut under `window`, plus `extra`.

    Pages add a shortcut by giving a QAction a shortcut and a text, or a QShortcut a whatsThis;
    nothing needs registering here.
    """
    rows: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for seq in action.shortcuts():
            if not seq.isEmpty() and action.text():
                rows[seq.toString(QKeySequence.SequenceFormat.NativeText)] = action.text().replace("&", "")
    for shortcut in window.findChildren(QShortcut):
        if shortcut.whatsThis() and not shortcut.key().isEmpty():
            rows[shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)] = shortcut.whatsThis()
    for keys, text in extra:
        rows[keys] = text
    return sorted(rows.items(), key=lambda kv: (len(kv[0]) > 6, kv[0]))


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(520, 420)
        intro = QLabel(self.tr("These keys work anywhere in the main window."))
        intro.setProperty("role", "hint")
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("shortcuts_table")
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, (keys, text) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(text))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
