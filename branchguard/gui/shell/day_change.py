"""The window left open across midnight, as a back-office PC is for days: each new local day reads
the page shown again (the dashboard's "As of …", what is due today, what turned overdue) and makes
that day's automatic backup (gui/shell/daily_backup.py), and asks whether the PC's clock is behind
the newest record (gui/shell/clock_notice.py). Before, the backup ran once per start and a
page kept yesterday's figures until it was left or refreshed by hand.

One mechanism, `DayChange.check`: it compares the local date with the day last seen. It runs at a
single-shot timer set to the next local midnight (re-armed at each look) and at each scheduler tick
(its refresh every five minutes, scheduling/wiring.py): a clock set forward or back, or a PC woken
from sleep after midnight, whose timer may have counted the sleep or not, is seen within minutes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer

from branchguard.gui.shell import daily_backup
from branchguard.gui.shell.clock_notice import ClockNotice

if TYPE_CHECKING:
    from branchguard.context import AppContext
    from branchguard.gui.shell.main_window import MainWindow

# After midnight, not at it: a timer that fires a little early sees the old day, and looks again.
PAST_MIDNIGHT = timedelta(seconds=1)


def until_next_day(now: datetime) -> timedelta:
    """From `now` (local) to just after the next local midnight."""
    return datetime.combine(now.date() + timedelta(days=1), time.min) + PAST_MIDNIGHT - now


class DayChange(QObject):
    """Watches the local date for the window (its parent); `start` once the landing page shows its data.
    `now` is the local wall clock (tests give their own)."""

    def __init__(
        self, window: MainWindow, ctx: AppContext, now: Callable[[], datetime] = datetime.now
    ) -> None:
        super().__init__(window)
        self.setObjectName("day_change")
        self._window, self._ctx, self._now = window, ctx, now
        self.day: date = now().date()  # the day the window shows
        self._backup_day: date | None = None  # the day whose backup was asked for
        self.clock = ClockNotice(window, ctx.services)  # the PC clock behind the newest record, once a day
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse one may fire minutes early
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        """Today's backup now (the start's), then a look at every midnight and scheduler tick."""
        signals = self._window.schedule_signals  # None on read-only data: the timer alone
        if signals is not None:  # ticks come from the scheduler's worker: queued to this thread
            signals.ticked.connect(self._ticked, Qt.ConnectionType.QueuedConnection)
        self.check()

    def _ticked(self, _tick: object) -> None:
        self.check()

    def check(self) -> bool:
        """Look at the date: a new day reads the page shown again; the day's backup is asked for at
        the first look of each day that finds none under way, and whether the PC's clock is behind
        the newest record at the first look of each day (the start's: after login). Whether the
        day changed."""
        now = self._now()
        self.timer.start(int(until_next_day(now) / timedelta(milliseconds=1)))
        self._back_up(now.date())
        self.clock.look(now)
        if now.date() == self.day:
            return False
        self.day = now.date()
        self._window.refresh_page()
        return True

    def _back_up(self, day: date) -> None:
        """Once a day: a backup still copying defers it to a later look (daily_backup says which)."""
        if day == self._backup_day or daily_backup.running():
            return
        self._backup_day = day
        daily_backup.start(self._window, self._ctx, day)
