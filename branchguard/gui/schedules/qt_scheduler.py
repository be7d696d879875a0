"""GUI only (imports PySide6; nothing below the GUI imports it): QtScheduler and the Qt signals.

Jobs run in APScheduler's worker threads and only emit signals; receivers in the GUI thread get
them queued. Rebuilding the jobs is moved to the GUI thread, which owns the scheduler's timer;
the wake times the rebuild needs are read on a worker first (gui/kit/loader.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from apscheduler.schedulers.qt import QtScheduler
from PySide6.QtCore import QObject, Qt, QTimer, Signal

from branchguard.core.kernel.types import Actor
from branchguard.core.schedules.service import ScheduleService
from branchguard.db.base import utcnow
from branchguard.gui.kit.loader import Loader
from branchguard.scheduling.engine import Clock, ScheduleEngine, Tick
from branchguard.scheduling.wiring import ScheduleWiring

MAX_TIMER_MS = 2_147_483_647


class SingleTimerQtScheduler(QtScheduler):
    """QtScheduler with one restartable QTimer.

    APScheduler 3.11 keeps what QTimer.singleShot returns in order to stop it later, but PySide6
    returns None, so no timer is ever stopped: every wakeup (each add_job) leaves one more timer
    chain processing jobs for the life of the app.
    """

    def __init__(self, **options: Any) -> None:
        self._qtimer: QTimer | None = None
        super().__init__(**options)

    def _start_timer(self, wait_seconds: float | None) -> None:
        self._stop_timer()
        if wait_seconds is None:
            return
        if self._qtimer is None:
            self._qtimer = QTimer()
            self._qtimer.setSingleShot(True)
            self._qtimer.timeout.connect(self._process_jobs)
        self._qtimer.start(min(int(wait_seconds * 1000), MAX_TIMER_MS))

    def _stop_timer(self) -> None:
        if self._qtimer is not None:
            self._qtimer.stop()


class ScheduleSignals(QObject):
    """Owned by the app; pages and the tray connect here, never to the scheduler."""

    ticked = Signal(object)  # Tick
    reminders_fired = Signal(list)  # list[ReminderInfo], not announced before
    items_overdue = Signal(list)  # list[OccurrenceInfo] found overdue by a catch-up
    _rebuild_requested = Signal()

    def __init__(
        self,
        service: ScheduleService,
        parent: QObject | None = None,
        announcer: Callable[[], Actor] = Actor.system,
        clock: Clock = utcnow,
    ) -> None:
        super().__init__(parent)
        self.engine = ScheduleEngine(service, clock, announcer)
        self.scheduler = SingleTimerQtScheduler(timezone="UTC")
        self.wiring = ScheduleWiring(
            self.engine, self.scheduler, request_rebuild=self._rebuild_requested.emit
        )
        self._rebuild_requested.connect(self._rebuild, Qt.ConnectionType.QueuedConnection)
        self._wake_times = Loader(self)
        self.engine.add_listener(self._emit)

    def start(self) -> None:
        """The first catch-up runs in a worker; its findings arrive as signals."""
        self.wiring.start(tick_now=False)

    def shutdown(self) -> None:
        self.wiring.shutdown()
        self._wake_times.drop()

    def _rebuild(self) -> None:
        """The wake times are read off the GUI thread (the scheduler's); the jobs set on it."""
        self._wake_times.run(self.engine.wake_times, self.wiring.set_wake_times)

    def _emit(self, tick: Tick) -> None:  # in a worker thread: signals only
        self.ticked.emit(tick)
        if tick.reminders:
            self.reminders_fired.emit(list(tick.reminders))
        if tick.overdue:
            self.items_overdue.emit(list(tick.overdue))
