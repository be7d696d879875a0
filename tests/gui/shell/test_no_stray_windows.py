"""Building and showing a page never shows one of its widgets as a window of its own: a widget made
without a parent and shown (by role, say) before its layout adopts it flashes up as a little
top-level window on a real desktop, and is restyled again when it is adopted."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from branchguard.gui.shell.main_window import MainWindow


class _StrayWindows(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.page = ""
        self.seen: list[tuple[str, str, str]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.parent() is None
            and not isinstance(watched, MainWindow)
        ):
            self.seen.append((self.page, type(watched).__name__, watched.objectName()))
        return False


@pytest.mark.parametrize("username", ["lead", "staff", "auditor"])
def test_no_page_shows_a_widget_as_a_window_of_its_own(open_window: Any, username: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    stray = _StrayWindows()
    app.installEventFilter(stray)
    try:
        window = open_window(username)
        for info in window.visible_pages():
            stray.page = info.page_id
            window.show_page(info.page_id)
            QApplication.processEvents()
    finally:
        app.removeEventFilter(stray)
    assert stray.seen == []
