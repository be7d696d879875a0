"""APScheduler wiring: jobs follow the rows (start, every change), fire on time, re-emit in Qt."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.schedulers.qt import QtScheduler
from pytestqt.qtbot import QtBot

from branchguard.core.kernel.types import Actor
from branchguard.core.schedules.types import ReminderKind, ScheduleInput
from branchguard.scheduling.engine import ScheduleEngine, Tick
from branchguard.scheduling.wiring import REFRESH_JOB, ScheduleWiring, background_scheduler


def schedule_jobs(wiring: ScheduleWiring) -> dict[str, datetime]:
    return {k: v for k, v in wiring.job_times().items() if k != REFRESH_JOB}


def test_jobs_are_rebuilt_on_every_change(ctx: Any, lead: Actor) -> None:
    svc = ctx.services.schedules
    wiring = ScheduleWiring(ScheduleEngine(svc), background_scheduler())
    wiring.start()
    try:
        assert schedule_jobs(wiring) == {}
        assert REFRESH_JOB in wiring.job_times()
        start = (datetime.now(UTC) + timedelta(days=3)).replace(microsecond=0)
        made = svc.add(lead, ScheduleInput("月度检查", start, rule="monthly", lead_minutes=120))
        assert list(schedule_jobs(wiring).values()) == [start - timedelta(minutes=120)]
        svc.update(lead, made.id, ScheduleInput("月度检查", start, rule="monthly", lead_minutes=30))
        assert list(schedule_jobs(wiring).values()) == [start - timedelta(minutes=30)]
        svc.set_active(lead, made.id, False)
        assert schedule_jobs(wiring) == {}
    finally:
        wiring.shutdown()
    svc.set_active(lead, made.id, True)  # after shutdown the wiring no longer listens
    assert schedule_jobs(wiring) == {}


def test_a_date_job_fires_on_time_and_the_reminder_reaches_the_listener(ctx: Any, lead: Actor) -> None:
    svc = ctx.services.schedules
    heard: list[Tick] = []
    arrived = threading.Event()
    engine = ScheduleEngine(svc)

    def listen(tick: Tick) -> None:
        heard.append(tick)
        if tick.reminders:
            arrived.set()

    engine.add_listener(listen)
    wiring = ScheduleWiring(engine, background_scheduler())
    wiring.start()
    try:
        due = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=2)
        svc.add(lead, ScheduleInput("交接班检查", due, lead_minutes=0))
        assert arrived.wait(10), "the job did not fire"
        fired = next(t for t in heard if t.reminders)
        assert [r.kind for r in fired.reminders] == [ReminderKind.OVERDUE]
        assert fired.at >= due
        assert [o.title for o in fired.overdue] == ["交接班检查"]
        time.sleep(0.3)  # the rebuild after the tick: nothing left to wait for
        assert schedule_jobs(wiring) == {}
    finally:
        wiring.shutdown()


def test_the_qt_scheduler_re_emits_as_signals_and_keeps_one_timer(
    ctx: Any, lead: Actor, qtbot: QtBot
) -> None:
    from branchguard.gui.schedules.qt_scheduler import ScheduleSignals

    svc = ctx.services.schedules
    due = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=5)
    svc.add(lead, ScheduleInput("夜间巡查", due + timedelta(minutes=10), lead_minutes=0))
    later = due + timedelta(hours=1)
    signals = ScheduleSignals(svc, clock=lambda: later)
    with (
        qtbot.waitSignal(signals.reminders_fired, timeout=10_000) as fired,
        qtbot.waitSignal(signals.items_overdue),
    ):
        signals.start()  # the catch-up at start runs in a worker thread
    try:
        assert [r.title for r in fired.args[0]] == ["夜间巡查"]
        qtbot.waitUntil(lambda: REFRESH_JOB in signals.wiring.job_times(), timeout=5000)
        # APScheduler's own QtScheduler cannot stop its timers under PySide6; ours has one.
        assert signals.scheduler._qtimer is not None and signals.scheduler._qtimer.isSingleShot()
    finally:
        signals.shutdown()


def test_stock_qt_scheduler_loses_its_timer_handle_under_pyside6(qtbot: QtBot) -> None:
    """Why SingleTimerQtScheduler exists: QTimer.singleShot returns None in PySide6."""
    stock = QtScheduler(timezone="UTC")
    stock._start_timer(10**7)  # far beyond this test run: the orphaned timer never fires
    assert stock._timer is None  # nothing to stop: the timer chain runs on regardless


def test_engine_and_wiring_do_not_import_qt() -> None:
    probe = (
        "import json, sys; import branchguard.scheduling.engine, branchguard.scheduling.wiring; "
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('PySide6'))))"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == []


class _AwayServer:
    """A schedule engine whose database server is away for `away` ticks, then back."""

    def __init__(self, away: int) -> None:
        self.away = away

    def tick(self) -> None:
        from sqlalchemy.exc import OperationalError

        if self.away > 0:
            self.away -= 1
            raise OperationalError("SELECT 1", {}, Exception("connection refused"))


def test_a_database_outage_is_logged_once_not_a_traceback_per_tick(caplog: Any) -> None:
    engine = _AwayServer(away=4)
    wiring = ScheduleWiring(engine, background_scheduler(), request_rebuild=lambda: None)  # type: ignore[arg-type]
    with caplog.at_level("INFO", logger="branchguard.scheduling.wiring"):
        for _ in range(6):  # four ticks meet the outage, two go through
            wiring._run()
    said = [(r.levelname, r.getMessage(), r.exc_info) for r in caplog.records]
    assert [(level, info) for level, _m, info in said] == [("WARNING", None), ("INFO", None)]
    assert "unreachable" in said[0][1] and "connection refused" in said[0][1]
    assert "go through again" in said[1][1]


def test_a_bug_in_a_tick_is_still_logged_with_its_traceback(caplog: Any) -> None:
    class Broken:
        def tick(self) -> None:
            raise KeyError("bug")

    wiring = ScheduleWiring(Broken(), background_scheduler(), request_rebuild=lambda: None)  # type: ignore[arg-type]
    with caplog.at_level("INFO", logger="branchguard.scheduling.wiring"):
        wiring._run()
        wiring._run()
    assert [r.exc_info is not None for r in caplog.records] == [True, True]
