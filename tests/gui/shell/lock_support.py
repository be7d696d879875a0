"""Another user taking the window over: the window locked (Ctrl+L) and the next one logs in."""

from __future__ import annotations

from typing import Any

from branchguard.gui.shell.main_window import MainWindow

DEMO_PASSWORDS = {"lead": "lead-demo-2026", "staff": "staff-demo-2026", "auditor": "auditor-demo-2026"}


def take_over(window: MainWindow, qtbot: Any, username: str) -> None:
    """`window` locked, then `username` (a demo user) logged in through its lock screen."""
    window.lock()
    dialog = window.login_dialog
    assert dialog is not None
    dialog.username.setText(username)
    dialog.password.setText(DEMO_PASSWORDS[username])
    dialog.submit()
    qtbot.waitUntil(lambda: not window.is_locked())
    assert window.session.actor.username == username
