"""The window says, as every command does, when this PC's clock is behind the newest record
(core/audit/clock.py): what is written from then on reads as if it came first, in the audit trail,
an incident's log and every report. Before, only the command line said it; the window, where the
incidents are logged, said nothing.

Asked after login and at each new day (gui/shell/day_change.py), once a day, off the GUI thread
(the window never waits for the database). Said in the status bar, where the window says what
the lock waits and the day's backup do, but in a warning line of its own beside the branch and user,
which stays until a later look finds the clock right: a passing status message would be replaced
by the backup's, shown at the same moment; and not the bell, whose list holds reminders to act on
(done, snoozed) and counts them. The line ends in "…" where the bar has no room; its tooltip holds
the whole message.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from branchguard.core.kernel.i18n import translate
from branchguard.gui.kit.elided import ElidedLabel
from branchguard.gui.kit.loader import Loader

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from branchguard.core.audit.clock import ClockBehind
    from branchguard.core.services import Services


class ClockNotice(QObject):
    """The status bar's warning line of `window`; `look(now)` asks once per local day of `now`."""

    def __init__(self, window: QMainWindow, services: Services) -> None:
        super().__init__(window)
        self.setObjectName("clock_notice")
        self._services = services
        self._day: date | None = None  # the day last asked for
        self.label = ElidedLabel()
        self.label.setObjectName("clock_behind_notice")
        self.label.setProperty("role", "warning")
        self.label.hide()
        window.statusBar().insertPermanentWidget(0, self.label, 1)  # before the branch and user
        self._loader = Loader(self)  # a failed read says nothing: the next day asks again

    def look(self, now: datetime) -> None:
        """Ask whether the clock is behind, unless already asked today. `now` is the local wall
        clock the window goes by (naive local, or aware)."""
        if now.date() == self._day:
            return
        self._day = now.date()
        audit, at = self._services.audit, now.astimezone(UTC)
        self._loader.run(lambda: audit.clock_behind(at), self._show)

    def _show(self, behind: ClockBehind | None) -> None:
        self.label.setVisible(behind is not None)
        self.label.setText("" if behind is None else translate(behind.message))
