"""Tab through Settings' General tab in the order it reads, top down, with no stop where nothing
shows the focus: from the tabs it went to the scrolling area itself (no frame, nothing marked), then
to "Start when I log on" before the language above it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabBar

from branchguard.gui.settings.page import SettingsPage


def test_tab_reads_the_general_tab_top_down(open_window, qtbot) -> None:
    window = open_window("staff")
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    bar = page.tabs.findChild(QTabBar)
    assert bar is not None
    bar.setFocus()
    expected = [page.language, page.start_at_logon, page.font_path, page.db_url]
    expected = [widget for widget in expected if widget.isVisibleTo(page)]  # no autostart: no box
    reached = []
    for _ in expected:
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == expected
