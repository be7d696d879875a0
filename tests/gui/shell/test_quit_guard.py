"""Quitting during a live incident asks first, "Keep working" the default: text typed in the
console's log box is not in the log and would be lost (the log itself is on disk). Ctrl+Q, File →
Quit, the window's close, Quit on the lock screen and the tray's Quit all ask; nothing is asked with
no incident open."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QMessageBox

from branchguard.context import AppContext
from branchguard.core.incidents.types import EntryKind
from branchguard.gui.incidents.console import IncidentConsole
from branchguard.gui.incidents.page import IncidentsPage
from branchguard.gui.shell.main_window import MainWindow
from tests.gui.incidents.incident_support import login, stored

TYPED = "Two men, one with a knife, left towards the metro"
OFFSCREEN_TRAY = pytest.mark.qt_log_ignore(  # as tests/gui/shell/test_tray.py
    "No such signal QPlatformNativeInterface::systemTrayWindowChanged",
    "This plugin does not support raise",
    "This plugin does not support propagateSizeHints",
)


class WindowManagerClose(QCloseEvent):
    """The close button's (Alt+F4's) event as the window system sends it: spontaneous, unlike the
    one QWidget.close() sends, which a test cannot make otherwise."""

    def spontaneous(self) -> bool:
        return True


def question(window: MainWindow) -> QMessageBox | None:
    shown = [box for box in window.findChildren(QMessageBox, "quit_question") if box.isVisible()]
    assert len(shown) <= 1
    return shown[0] if shown else None


def button(box: QMessageBox, text: str) -> QAbstractButton:
    return next(b for b in box.buttons() if b.text() == text)


@pytest.fixture
def live(
    open_window: Callable[[str], MainWindow], gui_ctx: AppContext, qtbot: Any
) -> tuple[MainWindow, IncidentConsole]:
    """The lead's window with a fire started and its console in front."""
    incident = gui_ctx.services.incidents.start(login(gui_ctx, "lead"), "HOST").id
    window = open_window("lead")
    page = window.show_page("incidents")
    assert isinstance(page, IncidentsPage)
    console = page.open_incident(incident)
    qtbot.waitUntil(lambda: console.detail is not None)
    with qtbot.waitActive(window):
        window.activateWindow()
    return window, console


def test_ctrl_q_with_an_entry_half_typed_asks_and_keep_working_is_the_default(live, gui_ctx, qtbot) -> None:
    window, console = live
    box_text = console.log.text
    box_text.setFocus()
    qtbot.keyClicks(box_text, TYPED)
    qtbot.keyClick(box_text, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    box = question(window)
    assert box is not None and window.isVisible()
    incident = f"#{console.incident_id} {console.detail.summary.title}"
    assert box.text() == f"Text typed in the log box is not in the incident log yet: {incident}."
    assert box.informativeText().startswith("Quitting now loses that text.")
    assert box.defaultButton() is button(box, "Keep working")
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the default
    assert question(window) is None and window.isVisible() and box_text.text() == TYPED

    qtbot.keyClick(box_text, Qt.Key.Key_Return)  # kept working: the entry goes into the log
    assert box_text.text() == "" and stored(gui_ctx, console.incident_id).entries[-1].text == TYPED
    window.quit_action.trigger()  # File → Quit: the incident is still open
    box = question(window)
    assert box is not None and box.text().startswith(f"An incident is still open: #{console.incident_id} ")
    qtbot.mouseClick(button(box, "Quit"), Qt.MouseButton.LeftButton)
    assert not window.isVisible()
    assert [e.kind for e in stored(gui_ctx, console.incident_id).entries][-1] == EntryKind.NOTE


def test_the_windows_close_button_asks_too_and_escape_keeps_it(live, qtbot) -> None:
    window, console = live
    console.log.text.setText("已疏散一楼")  # QTest cannot type Chinese
    event = WindowManagerClose()
    window.closeEvent(event)
    box = question(window)
    assert not event.isAccepted() and box is not None and box.escapeButton() is button(box, "Keep working")
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert question(window) is None and window.isVisible() and console.log.text.text() == "已疏散一楼"


def test_a_close_the_program_makes_asks_nothing(live) -> None:
    """The start-up trace's quit (QApplication.quit closes every window), the end of the run."""
    window, console = live
    console.log.text.setText(TYPED)
    assert window.close() and question(window) is None


def test_with_nothing_open_ctrl_q_quits_at_once(open_window, qtbot) -> None:
    window = open_window("lead")
    assert window.incident_bar is not None and not window.incident_bar.banner.open_incidents()
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible() and question(window) is None


def test_quit_on_the_lock_screen_asks_and_keep_working_goes_back_to_the_lock(live, qtbot) -> None:
    window, console = live
    console.log.text.setText(TYPED)
    window.lock()
    lock = window.login_dialog
    assert lock is not None
    qtbot.mouseClick(lock.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    box = question(window)
    assert box is not None  # behind the lock: its number, not its title
    assert box.text() == f"Text typed in the log box is not in the incident log yet: #{console.incident_id}."
    qtbot.mouseClick(button(box, "Keep working"), Qt.MouseButton.LeftButton)
    assert window.isVisible() and window.is_locked() and window.login_dialog is lock and lock.isVisible()

    qtbot.mouseClick(lock.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    box = question(window)
    assert box is not None
    qtbot.mouseClick(button(box, "Quit"), Qt.MouseButton.LeftButton)
    assert not window.isVisible() and not lock.isVisible()


@OFFSCREEN_TRAY
def test_the_trays_quit_asks_over_the_window_brought_back(live, qtbot) -> None:
    window, console = live
    console.log.text.setText(TYPED)
    window.start_schedules()
    keeper = window.tray_keeper
    assert keeper is not None
    try:
        keeper.hide_to_tray()
        assert not window.isVisible()
        keeper.quit_action.trigger()
        box = question(window)
        assert box is not None and window.isVisible()
        qtbot.mouseClick(button(box, "Keep working"), Qt.MouseButton.LeftButton)
        assert window.isVisible() and not keeper.quitting and window.schedule_signals is not None

        window.quit()  # File → Quit now, and quit
        box = question(window)
        assert box is not None
        qtbot.mouseClick(button(box, "Quit"), Qt.MouseButton.LeftButton)
        assert not window.isVisible() and window.schedule_signals is None
    finally:
        QApplication.setQuitOnLastWindowClosed(True)
