"""Follow mode for staff: one incident full screen, on the second monitor when there is one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from branchguard.gui.incidents.follow_mode.window import FollowWindow
from branchguard.gui.shell.session import GuiSession

__all__ = ["FollowWindow", "choose_screen", "open_follow_mode"]

S = TypeVar("S")
_open: dict[int, FollowWindow] = {}


def choose_screen(screens: Sequence[S], primary: S, current: S | None = None) -> S:
    """A screen other than the one the caller's window is on (the second monitor), else the primary."""
    busy = current if current is not None else primary
    return next((screen for screen in screens if screen is not busy), primary)


def open_follow_mode(parent: QWidget | None, session: GuiSession, incident_id: int) -> FollowWindow:
    """Show the incident in follow mode, full screen; an incident already followed is brought forward."""
    window = _open.get(incident_id)
    if window is not None:
        window.show_full_screen()
        window.refresh()
        return window
    window = FollowWindow(session, incident_id, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open[incident_id] = window
    window.destroyed.connect(lambda: _open.pop(incident_id, None))
    primary = QGuiApplication.primaryScreen()
    current: QScreen | None = parent.screen() if parent is not None else None
    window.show_full_screen(choose_screen(QGuiApplication.screens(), primary, current))
    return window
