"""Counting a widget's paints in tests of what is painted once (kit tabs, tables, windowed lists)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication


class Paints(QObject):
    """An event filter counting the Paint events of what it is installed on."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def settle() -> None:
    """The events now ready, a few rounds: a layout request, then the paint it asked for."""
    for _ in range(5):
        QApplication.processEvents()
