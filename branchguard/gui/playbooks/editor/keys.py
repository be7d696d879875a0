"""The editor's undo keys: one undo for the whole editor, whatever has the focus."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QKeySequenceEdit,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)

KEY = QKeySequence.StandardKey
CTRL_Y = QKeySequence(Qt.KeyboardModifier.ControlModifier | Qt.Key.Key_Y)
CTRL_SHIFT_Z = QKeySequence(
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier | Qt.Key.Key_Z
)


def key_list(standard: QKeySequence.StandardKey, *more: QKeySequence) -> list[QKeySequence]:
    """The platform's keys for an action plus ours, each once: a key listed twice on one action
    is an ambiguous shortcut and does nothing."""
    found: list[QKeySequence] = []
    for seq in (*QKeySequence.keyBindings(standard), *more):
        if not seq.isEmpty() and seq not in found:
            found.append(seq)
    return found


# The inputs that claim Ctrl+Z for an undo of their own (a spin box's and a combo box's for their
# line edit): the filter watches these alone. On every widget of the editor it was called from Qt
# for each event of each (2,200 calls into Python as it opened, each waiting for the GIL beside a read).
TYPING = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox, QKeySequenceEdit)


class EditorUndoKeys(QObject):
    """Text inputs claim Ctrl+Z for their own undo; in the editor there is one undo, the stack."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            combo = QKeySequence(event.keyCombination())
            if event.matches(KEY.Undo) or event.matches(KEY.Redo) or combo in (CTRL_Y, CTRL_SHIFT_Z):
                event.ignore()
                return True
        return False
