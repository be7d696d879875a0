"""A warning above every page, for the whole session: the data opened read-only, this PC's clock off
the database server's (gui/shell/server_clock.py). A bar of its own at the window's top, which no
page, message or status line replaces, on a row of its own (the incident bar's row is full at the
narrowest window); the text wraps where the window is narrow, and is said again in the language the
user switches to."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QToolBar

_STYLE = "background: #fff3cd; color: #664d03; padding: 6px; font-weight: bold;"


class _Said(QLabel):
    """A label that says `say()` now and again at each change of language."""

    def __init__(self, say: Callable[[], str]) -> None:
        super().__init__(say())
        self._say = say

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setText(self._say())
        super().changeEvent(event)


def add_top_banner(window: QMainWindow, name: str, say: Callable[[], str]) -> QLabel:
    """A banner bar named `name` ("<name>" the bar, "<name>_text" its label) saying `say()`."""
    bar = QToolBar(window)
    bar.setObjectName(name)
    bar.setMovable(False)
    label = _Said(say)
    label.setObjectName(f"{name}_text")
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    label.setStyleSheet(_STYLE)
    bar.addWidget(label)
    window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)  # a row of its own, below the incident bar
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return label
