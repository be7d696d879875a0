"""APScheduler wiring (Qt-free): jobs derived from the schedule rows, rebuilt at start and on change.

The jobs live in APScheduler's memory store and only call `ScheduleEngine.tick`; the rows are the
record. A persistent APScheduler store is not used because of two traps of APScheduler 3.11
(tests/scheduling/test_apscheduler_traps.py measures both): a date job whose time passed while
the app was closed is dropped (misfire_grace_time defaults to 1 s), and a stored job whose
function can no longer be imported is deleted from its store.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta

from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import STATE_STOPPED, BaseScheduler
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from branchguard.core.faults.rules import classify
from branchguard.core.faults.types import FaultKind
from branchguard.scheduling.engine import ScheduleEngine, Tick

JOB_PREFIX = "schedule-"
REFRESH_JOB = "schedule-refresh"
START_JOB = "catch-up-at-start"
# Catches what no timer can: changes made by another process (the CLI, another PC on PostgreSQL),
# a PC waking from sleep, the clock being set.
REFRESH_EVERY = timedelta(minutes=5)
log = logging.getLogger(__name__)


def background_scheduler() -> BackgroundScheduler:
    """For the CLI and tests: jobs run in a thread pool, no event loop needed."""
    return BackgroundScheduler(timezone="UTC")


class ScheduleWiring:
    """Keeps one date job per active schedule at its next wake time, plus a periodic refresh.

    `request_rebuild` lets the GUI move the rebuild onto the thread that owns the scheduler
    (QtScheduler's timer); by default the rebuild runs where it is requested.
    """

    def __init__(
        self,
        engine: ScheduleEngine,
        scheduler: BaseScheduler,
        *,
        request_rebuild: Callable[[], None] | None = None,
        refresh_every: timedelta = REFRESH_EVERY,
    ) -> None:
        self.engine = engine
        self.scheduler = scheduler
        self._request_rebuild = request_rebuild or self.rebuild
        self._refresh_every = refresh_every
        self._outage: FaultKind | None = None  # the fault ticks meet now, logged once (_failed)
        self._outage_lock = threading.Lock()  # a date job and the refresh may run at once

    def start(self, *, tick_now: bool = True) -> Tick | None:
        """Catch up (now, or in the scheduler's worker when `tick_now` is False: the GUI thread
        must not wait on the database), derive the jobs, start the scheduler."""
        tick = self.engine.tick() if tick_now else None
        self.engine.service.add_listener(self._request_rebuild)
        self.scheduler.add_job(
            self._run,
            IntervalTrigger(seconds=self._refresh_every.total_seconds(), timezone="UTC"),
            id=REFRESH_JOB,
            replace_existing=True,
            misfire_grace_time=None,
            coalesce=True,
        )
        if not tick_now:
            self.scheduler.add_job(self._run, id=START_JOB, misfire_grace_time=None)
        else:
            self.rebuild()
        if self.scheduler.state == STATE_STOPPED:
            self.scheduler.start()
        return tick

    def shutdown(self) -> None:
        self.engine.service.remove_listener(self._request_rebuild)
        if self.scheduler.state != STATE_STOPPED:
            self.scheduler.shutdown(wait=False)

    def rebuild(self) -> None:
        """Replace the date jobs with those the rows call for now."""
        self.set_wake_times(self.engine.wake_times())

    def set_wake_times(self, wake_times: dict[int, datetime]) -> None:
        """Replace the date jobs with one per schedule at `wake_times` (read by `engine.wake_times`,
        which the GUI does on a worker thread: the scheduler's own thread must not wait on it)."""
        wanted = {self._job_id(sid, at): at for sid, at in wake_times.items()}
        for job in self.scheduler.get_jobs():
            if job.id.startswith(JOB_PREFIX) and job.id != REFRESH_JOB and job.id not in wanted:
                with contextlib.suppress(JobLookupError):  # it ran and was removed in between
                    job.remove()
        have = {job.id for job in self.scheduler.get_jobs()}
        for job_id, at in wanted.items():
            if job_id not in have:
                # misfire_grace_time=None: a wake that comes late (a busy PC, sleep) still runs.
                self.scheduler.add_job(
                    self._run, DateTrigger(at), id=job_id, misfire_grace_time=None, coalesce=True
                )

    def job_times(self) -> dict[str, datetime]:
        """The scheduled jobs and their next run times (for tests and diagnostics)."""
        return {j.id: j.next_run_time for j in self.scheduler.get_jobs() if j.next_run_time is not None}

    @staticmethod
    def _job_id(schedule_id: int, at: datetime) -> str:
        # The time is part of the id: APScheduler removes a date job after it ran, which must not
        # take the job a rebuild has just added for the same schedule's next wake with it.
        return f"{JOB_PREFIX}{schedule_id}-{at.strftime('%Y%m%dT%H%M%S.%f')}"

    def _run(self) -> None:
        try:
            self.engine.tick()
        except Exception as exc:  # the next wake or the refresh tries again
            self._failed(exc)
        else:
            self._went_through()
        self._request_rebuild()

    def _failed(self, exc: Exception) -> None:
        """A fault of the machine (the database server away, say) is logged in one line when it
        begins, not with a traceback every tick of the outage (each refresh and wake); a bug is."""
        kind = classify(exc)
        if kind is None:
            log.exception("schedule tick failed")
            return
        with self._outage_lock:
            first, self._outage = self._outage is None, kind
        if first:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            log.warning("schedule ticks fail until the database can be used again (%s): %s", kind, reason)

    def _went_through(self) -> None:
        with self._outage_lock:
            ended, self._outage = self._outage, None
        if ended is not None:
            log.info("schedule ticks go through again (the %s fault is over)", ended)
