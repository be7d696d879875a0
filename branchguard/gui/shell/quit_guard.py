"""Quitting during a live incident asks first: text typed in a console's log box is not in the log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QAbstractButton, QMessageBox

from branchguard.gui.kit.page import INCIDENTS_PAGE

if TYPE_CHECKING:
    from branchguard.gui.shell.main_window import MainWindow


def _guard(window: MainWindow) -> QuitGuard:
    return window.findChild(QuitGuard, QuitGuard.NAME) or QuitGuard(window)


def close_by_hand(window: MainWindow) -> bool:
    """Close the window as someone asked to (Ctrl+Q, File → Quit, Quit on the lock screen, the
    tray's Quit): asked first while an incident is open. Whether it closed."""
    guard = _guard(window)
    guard.by_hand = True
    try:
        return window.close()
    finally:
        guard.by_hand = False


def lets_quit(window: MainWindow, event: QCloseEvent) -> bool:
    """Asked by the window's closeEvent once it is to close for good (the tray keeper let it go). A
    spontaneous close is the window manager's: the window's close button, Alt+F4."""
    return _guard(window).lets_close(window_manager=event.spontaneous())


class QuitGuard(QObject):
    """While an incident is open, or a log box holds text not sent, a quit someone asked for (see
    `close_by_hand`, and the window's close button) asks, "Keep working" first. The question does
    not block: the close is refused, and "Quit" closes the window again, past it. A close the
    program makes (the start-up trace's quit, the end of the event loop, a test's) asks nothing."""

    NAME = "quit_guard"

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName(self.NAME)
        self.window_ = window
        self.question: QMessageBox | None = None
        self.by_hand = False  # inside close_by_hand
        self._keep: QAbstractButton | None = None
        self._confirmed = False  # "Quit" was the answer: the close it makes goes through

    def at_stake(self) -> tuple[dict[int, str], list[int]]:
        """The open incidents ({id: title}, as the banner and the consoles know them) and those
        whose console (or follow-mode window) holds typed text that is not on its way to the log."""
        window, bar = self.window_, self.window_.incident_bar
        names = {s.id: s.title for s in bar.banner.open_incidents()} if bar is not None else {}
        unsent: list[int] = []
        page = window.page(INCIDENTS_PAGE)
        if page is not None:
            from branchguard.gui.incidents.page import IncidentsPage  # built: loaded already

            consoles = page.consoles if isinstance(page, IncidentsPage) else {}
            for incident_id, console in consoles.items():
                if console.detail is not None and console.is_open():
                    names.setdefault(incident_id, console.detail.summary.title)
                if console.unsent():
                    unsent.append(incident_id)
        return names, unsent

    def lets_close(self, window_manager: bool = False) -> bool:
        from branchguard.gui.kit import tasks

        window = self.window_
        if not (self.by_hand or window_manager) or self._confirmed or tasks.quitting():
            return True
        if not window.is_attached():
            return True
        names, unsent = self.at_stake()
        if not names and not unsent:
            return True
        if self.question is None:
            self.question = self._ask(names, unsent)
        if not window.isVisible():  # the tray's Quit: the question over the window it is about
            window.bring_forward()
        if self.question.isVisible():  # asked again while it asks (the window's close button)
            self.question.activateWindow()
        else:
            self.question.open()
        return False

    def _ask(self, names: dict[int, str], unsent: list[int]) -> QMessageBox:
        # Here, not at the top: the main window imports this module before its first frame, which
        # must not create the Qt namespace (tests/test_launcher.py); plain() uses it.
        from branchguard.gui.kit.plain import plain

        locked = self.window_.is_locked()  # behind the lock: numbers, no titles
        which = ", ".join(f"#{i}" if locked else f"#{i} {names.get(i, '')}".strip() for i in unsent or names)
        box = plain(QMessageBox(self.window_))  # the open incidents' titles, as typed
        box.setObjectName("quit_question")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Quit BranchGuard"))
        if unsent:
            text = self.tr("Text typed in the log box is not in the incident log yet: %1.")
            box.setText(text.replace("%1", which))
            box.setInformativeText(
                self.tr("Quitting now loses that text. Everything already in the incident log is saved.")
            )
        else:
            box.setText(self.tr("An incident is still open: %1.").replace("%1", which))
            box.setInformativeText(
                self.tr("Everything in its log is saved, and it opens again at the next start. Quit anyway?")
            )
        keep = box.addButton(self.tr("Keep working"), QMessageBox.ButtonRole.RejectRole)
        box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.finished.connect(lambda _result: self._answered(box))
        self._keep = keep
        return box

    def _answered(self, box: QMessageBox) -> None:
        quit_ = box.clickedButton() not in (None, self._keep)
        self.question, self._keep = None, None
        box.deleteLater()
        window, keeper = self.window_, self.window_.tray_keeper
        if not quit_:
            if keeper is not None:
                keeper.quitting = False  # a File → Quit taken back: closing may offer the tray again
            if window.is_locked() and window.login_dialog is not None:
                window.login_dialog.open()  # Quit on the lock screen taken back: the lock again
            return
        if keeper is not None:
            keeper.quitting = True  # quitting was the answer: not the tray's question after it
        self._confirmed = True
        try:
            window.close()
        finally:
            self._confirmed = False
