"""The schedule engine (Qt-free): on each tick, catch up from the rows and announce due reminders.

Everything it knows comes from the database at the moment of the tick, so a tick after a
restart, a crash or a week with the PC off sees exactly what a tick without them would have.
The clock is injectable: tests drive it with a fake one.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from branchguard.core.kernel.types import Actor
from branchguard.core.schedules.service import ScheduleService
from branchguard.core.schedules.types import OccurrenceInfo, ReminderInfo
from branchguard.db.base import utcnow

Clock = Callable[[], datetime]
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Tick:
    """What one tick found: occurrences written now (some already overdue) and reminders to show."""

    at: datetime
    written: tuple[OccurrenceInfo, ...]
    reminders: tuple[ReminderInfo, ...]

    @property
    def overdue(self) -> tuple[OccurrenceInfo, ...]:
        return tuple(o for o in self.written if o.overdue)


TickListener = Callable[[Tick], None]


class ScheduleEngine:
    def __init__(
        self, service: ScheduleService, clock: Clock = utcnow, announcer: Callable[[], Actor] = Actor.system
    ) -> None:
        """`announcer`: who the reminders are announced to, asked at each tick (the window's user,
        who may log in again as another): only theirs are marked announced, so a staff member's
        window on the counter PC no longer took the lead's reminders, which then never showed on
        the lead's PC. The catch-up is the system's: it writes what is due for everyone."""
        self.service = service
        self.clock = clock
        self._actor = Actor.system()
        self._announcer = announcer
        self._listeners: list[TickListener] = []
        # Two ticks at once (a timer and the safety net) would each announce the same reminders.
        self._lock = threading.Lock()

    def add_listener(self, listener: TickListener) -> None:
        self._listeners.append(listener)

    def tick(self) -> Tick:
        """Catch up, then announce reminders not announced yet; listeners hear of both."""
        with self._lock:
            now = self.clock()
            caught = self.service.catch_up(self._actor, now)
            fresh = self.service.announce(self._announcer(), now)
            tick = Tick(now, caught.occurrences, tuple(fresh))
        for listener in list(self._listeners):
            try:
                listener(tick)
            except Exception:  # one broken listener must not stop reminders reaching the others
                log.exception("schedule listener failed")
        return tick

    def wake_times(self) -> dict[int, datetime]:
        """Per schedule, when the next tick is needed."""
        return self.service.wake_times(self.clock())
