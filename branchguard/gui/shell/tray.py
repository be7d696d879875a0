"""Keep reminding in the tray: closing the window while reminders are showing or coming offers to keep
BranchGuard running in the system tray, where the scheduler keeps firing and the bell's tray
messages keep popping up. The tray icon's menu opens the window again (behind its lock, if it was
locked) or quits. Without a system tray the window closes as it always did."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QSystemTrayIcon, QWidget

from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.times import now_utc
from branchguard.scheduling.wiring import JOB_PREFIX, REFRESH_JOB

if TYPE_CHECKING:
    from branchguard.gui.shell.main_window import MainWindow

Choice = Literal["tray", "quit", "cancel"]
COMING_WITHIN = timedelta(hours=24)  # a reminder due within a day is worth staying for
TRAY_MESSAGE_MS = 8_000


def ask_keep_running(parent: QWidget) -> Choice:
    """The question itself (the tests replace it): keep reminding in the tray, quit, or go back."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("TrayKeeper", "Close BranchGuard"))
    box.setText(QCoreApplication.translate("TrayKeeper", "Reminders are showing or due within a day."))
    box.setInformativeText(
        QCoreApplication.translate(
            "TrayKeeper",
            "Keep BranchGuard running in the system tray so that they still pop up on time? "
            "Open it again from the tray icon.",
        )
    )
    keep_text = QCoreApplication.translate("TrayKeeper", "Keep reminding in the tray")
    keep = box.addButton(keep_text, QMessageBox.ButtonRole.AcceptRole)
    quit_ = box.addButton(
        QCoreApplication.translate("TrayKeeper", "Quit"), QMessageBox.ButtonRole.DestructiveRole
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return "tray" if clicked is keep else "quit" if clicked is quit_ else "cancel"


class TrayKeeper(QObject):
    """Made with the notification centre; asked by the main window's closeEvent."""

    def __init__(
        self,
        window: MainWindow,
        tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
        ask: Callable[[QWidget], Choice] = ask_keep_running,
        clock: Callable[[], datetime] = now_utc,
    ) -> None:
        super().__init__(window)
        self.window_ = window
        self.tray_available = tray_available
        self.ask = ask
        self.clock = clock
        self.quitting = False  # an explicit Quit (menu, tray, session end): no question
        self.in_tray = False
        self.menu = QMenu(window)
        self.menu.setObjectName("tray_menu")
        self.open_action = QAction(icon("branchguard"), "", self.menu)
        self.open_action.setObjectName("tray_open")
        self.open_action.triggered.connect(self.open_window)
        self.quit_action = QAction(icon("logout"), "", self.menu)
        self.quit_action.setObjectName("tray_quit")
        self.quit_action.triggered.connect(self.quit)
        self.menu.addAction(self.open_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.aboutToQuit.connect(self._app_quitting)
        self.retranslate()
        if self.window_.notifications is not None and self.window_.notifications.tray is not None:
            self._attach(self.window_.notifications.tray)

    def retranslate(self) -> None:
        self.open_action.setText(self.tr("Open BranchGuard"))
        self.quit_action.setText(self.tr("Quit"))

    # -- the close question ----------------------------------------------------------------------
    def reminders_coming(self) -> bool:
        """Reminders showing in the bell, or a schedule's next wake within a day."""
        window = self.window_
        if window.notifications is not None and window.notifications.count() > 0:
            return True
        signals = window.schedule_signals
        if signals is None:
            return False
        limit = self.clock() + COMING_WITHIN
        wakes = [
            at
            for job, at in signals.wiring.job_times().items()
            if job.startswith(JOB_PREFIX) and job != REFRESH_JOB
        ]
        return any(at <= limit for at in wakes)

    def lets_close(self) -> bool:
        """Asked as the window closes: True lets it close as before; False keeps it open, either
        hidden in the tray (the user chose so) or as it was (the user cancelled)."""
        if self._asks():
            choice = self.ask(self.window_)
            if choice == "tray":
                self.hide_to_tray()
            if choice != "quit":
                return False
        # Closing for good: the application ends with its window again.
        self.in_tray = False
        QApplication.setQuitOnLastWindowClosed(True)
        return True

    def _asks(self) -> bool:
        if self.quitting or not self.window_.isVisible() or self.window_.schedule_signals is None:
            return False
        return self.tray_available() and self.reminders_coming()

    def hide_to_tray(self) -> None:
        tray = self._tray()
        # A message box closed while the window is hidden would otherwise end the application.
        QApplication.setQuitOnLastWindowClosed(False)
        self.in_tray = True
        self.window_.save_state()
        self.window_.hide()
        tray.showMessage(
            "BranchGuard",
            self.tr("BranchGuard keeps running here and reminds you on time."),
            QSystemTrayIcon.MessageIcon.Information,
            TRAY_MESSAGE_MS,
        )

    def _tray(self) -> QSystemTrayIcon:
        centre = self.window_.notifications
        assert centre is not None  # keeps_running asked for the scheduler, made with the centre
        if centre.tray is None:  # the tray appeared after the window started
            centre.tray = QSystemTrayIcon(icon("branchguard"), centre)
            centre.tray.messageClicked.connect(lambda: self.open_window())
            self._attach(centre.tray)
            centre.tray.show()
        return centre.tray

    def _attach(self, tray: QSystemTrayIcon) -> None:
        tray.setContextMenu(self.menu)
        tray.activated.connect(self._activated)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_window()

    # -- the tray menu -----------------------------------------------------------------------------
    def open_window(self) -> None:
        """Bring the window forward; a locked one shows its lock (the login dialog), nothing else."""
        self.in_tray = False
        QApplication.setQuitOnLastWindowClosed(True)
        window = self.window_
        window.bring_forward()
        dialog = window.login_dialog
        if window.is_locked() and dialog is not None:
            dialog.show()
            dialog.raise_()
            dialog.activateWindow()

    def quit(self) -> None:
        self.quitting = True
        self.in_tray = False
        QApplication.setQuitOnLastWindowClosed(True)
        from branchguard.gui.shell.quit_guard import close_by_hand

        if close_by_hand(self.window_):  # else it asks first, an incident open: its Quit closes it
            QApplication.quit()

    def _app_quitting(self) -> None:
        self.quitting = True
