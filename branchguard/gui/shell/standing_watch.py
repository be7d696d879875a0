"""An open window's login, asked again every minute: an account disabled, or given another role, on
another PC or from the command line, is locked out of a window left open within that minute.

Each write already asks (core/accounts/standing.py) and is refused; reads were not: a window left
logged in after its account was disabled still showed the audit trail and the user list its old
role allowed. The lock screen says why; the account logs in again (in its new role) or not at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from branchguard.gui.kit.loader import Loader

if TYPE_CHECKING:
    from branchguard.gui.shell.main_window import MainWindow

WATCH_MS = 60_000


class StandingWatch(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._loader = Loader(self, on_error=lambda _message: None)  # a read that failed: next minute
        self._timer = QTimer(self)
        self._timer.setInterval(WATCH_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> None:
        """Ask in the background whether the login still stands; lock the window if not."""
        window = self._window
        if window.is_locked() or window.session.actor.user_id is None:
            return
        auth, actor = window.session.services.auth, window.session.actor
        self._loader.run(lambda: auth.standing(actor), lambda why: self._answer(actor, why))

    def _answer(self, asked_for: object, why: str | None) -> None:
        window = self._window
        if why is None or window.is_locked() or window.session.actor != asked_for:
            return  # still stands, locked already, or someone else logged in meanwhile
        window.lock(why)
