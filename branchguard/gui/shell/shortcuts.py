"""The F1 help: every keyboard shortcut of the window and of the pages built so far."""

from __future__ import annotations

import re

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchguard.gui.kit.screen import resize_within_screen


def plain_text(text: str) -> str:
    """A menu text without its mnemonic: "&Quit" → "Quit", "退出(&Q)" → "退出"."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "").strip()


def _in_hidden_widget(obj: QObject, window: QWidget) -> bool:
    # A page that is not in front (or not built) has its shortcuts switched off: do not list them.
    parent = obj.parent()
    while parent is not None and parent is not window:
        if isinstance(parent, QWidget) and not parent.isVisible():
            return True
        parent = parent.parent()
    return False


def collect_shortcuts(window: QWidget, extra: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(keys, what it does) for each QAction and QShortcut of `window` and of the page in front.

    Pages add a shortcut by giving a QAction a shortcut and a text, or a QShortcut a whatsThis;
    nothing needs registering here. The window's own keys come first. An action hidden (the role
    may not: its button is hidden too) is not offered; a disabled one is (nothing selected yet).
    """
    own: dict[str, str] = {}
    page: dict[str, str] = {}
    for action in window.findChildren(QAction):
        if _in_hidden_widget(action, window) or not action.text() or not action.isVisible():
            continue
        target = own if action.parent() is window else page
        for seq in action.shortcuts():
            if not seq.isEmpty():
                target[seq.toString(QKeySequence.SequenceFormat.NativeText)] = plain_text(action.text())
    for shortcut in window.findChildren(QShortcut):
        if shortcut.whatsThis() and not shortcut.key().isEmpty() and not _in_hidden_widget(shortcut, window):
            target = own if shortcut.parent() is window else page
            target[shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)] = shortcut.whatsThis()
    own.update(extra)
    return sorted(own.items()) + sorted(page.items())


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        intro = QLabel(self.tr("Keys of the whole window first, then those of the page in front."))
        intro.setProperty("role", "hint")
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("shortcuts_table")
        self.table.setAccessibleName(self.windowTitle())  # focusable now: a screen reader names it
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Keys reach it (arrows, PgDown): at larger text the rows below were out of reach of Tab.
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for row, (keys, text) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(text))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self._fit(intro, buttons)
        if rows:
            self.table.setCurrentCell(0, 0)
        self.table.setFocus()

    def _fit(self, intro: QLabel, buttons: QDialogButtonBox) -> None:
        """As wide as the longest row and as tall as every row, bounded by the screen (then the
        table scrolls): at 15 pt the texts were cut ("…") in the 560 px it had."""
        self.ensurePolished()
        table, frame = self.table, 2 * self.table.frameWidth()
        bar = table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        width = table.sizeHintForColumn(0) + table.sizeHintForColumn(1) + frame + bar
        rows = table.rowCount() * table.verticalHeader().defaultSectionSize()
        height = table.horizontalHeader().sizeHint().height() + rows + frame
        box = self.layout()
        assert box is not None
        margins, spacing = box.contentsMargins(), 2 * max(0, box.spacing())
        width += margins.left() + margins.right()
        height += intro.sizeHint().height() + buttons.sizeHint().height() + spacing
        height += margins.top() + margins.bottom()
        resize_within_screen(self, max(560, width), max(480, height))
