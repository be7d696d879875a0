"""Acceptance: what fell due while the app was closed, reminders and DST, across restarts.

Each "restart" opens a fresh context on the same database and starts the engine and its
APScheduler wiring with a fake clock, as the app does at start.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from branchguard.context import AppContext, open_context
from branchguard.core.kernel.types import Actor
from branchguard.core.schedules.types import ReminderKind, ScheduleInput
from branchguard.scheduling.engine import ScheduleEngine, Tick
from branchguard.scheduling.wiring import ScheduleWiring, background_scheduler

SHANGHAI = "Asia/Shanghai"
BERLIN = "Europe/Berlin"


def hour_start(**delta: float) -> datetime:
    return (datetime.now(UTC) + timedelta(**delta)).replace(minute=0, second=0, microsecond=0)


@contextmanager
def app_started(tmp_path: Path, db_url: str, now: datetime) -> Iterator[tuple[AppContext, Tick]]:
    """Open the app's context and start scheduling at `now`; close both on leaving."""
    app = open_context(tmp_path / "data", db=db_url)
    wiring = ScheduleWiring(ScheduleEngine(app.services.schedules, clock=lambda: now), background_scheduler())
    try:
        tick = wiring.start()
        assert tick is not None
        yield app, tick
    finally:
        wiring.shutdown()
        app.close()


@pytest.mark.parametrize(("rule", "expected"), [("", 1), ("daily", 3)])
def test_what_fell_due_while_closed_shows_once_after_one_two_and_three_restarts(
    ctx: Any, lead: Actor, tmp_path: Path, db_url: str, rule: str, expected: int
) -> None:
    start = hour_start(hours=2)
    ctx.services.schedules.add(
        lead, ScheduleInput("月度消防检查", start, rule=rule, lead_minutes=30, timezone=SHANGHAI)
    )
    ctx.close()  # the app is closed before anything falls due
    closed_until = start + timedelta(days=2, hours=3)  # a one-off once, a daily rule three times
    for restart in (1, 2, 3):
        now = closed_until + timedelta(minutes=restart)
        with app_started(tmp_path, db_url, now) as (app, tick):
            overdue = [o for o in app.services.schedules.open_items(lead, now) if o.overdue]
            assert len(overdue) == expected, f"restart {restart}"
            assert len({o.due_at for o in overdue}) == expected
            # reported as newly overdue on the first start only
            assert len(tick.overdue) == (expected if restart == 1 else 0)
            assert len(tick.reminders) == (expected if restart == 1 else 0)


def test_a_reminder_survives_restarts_and_its_snooze_too(
    ctx: Any, lead: Actor, staff: Actor, tmp_path: Path, db_url: str
) -> None:
    due = hour_start(hours=3)
    ctx.services.schedules.add(lead, ScheduleInput("季度应急演练", due, lead_minutes=60, timezone=SHANGHAI))
    ctx.close()

    with app_started(tmp_path, db_url, due - timedelta(minutes=55)) as (_app, tick):
        [ahead] = tick.reminders
        assert ahead.kind is ReminderKind.AHEAD  # announced; the app then closes without anyone acting

    later = due - timedelta(minutes=50)
    with app_started(tmp_path, db_url, later) as (app, tick):
        assert tick.reminders == ()  # not announced twice
        assert [r.id for r in app.services.schedules.reminders(lead, later)] == [ahead.id]  # still there
        app.services.schedules.snooze(staff, ahead.id, due - timedelta(minutes=20), now=later)

    with app_started(tmp_path, db_url, due - timedelta(minutes=30)) as (app, tick):
        assert tick.reminders == ()
        assert app.services.schedules.reminders(lead, due - timedelta(minutes=30)) == []  # snoozed

    with app_started(tmp_path, db_url, due - timedelta(minutes=19)) as (_app, tick):
        assert [r.id for r in tick.reminders] == [ahead.id]  # back after the snooze, across a restart

    with app_started(tmp_path, db_url, due + timedelta(minutes=1)) as (_app, tick):
        assert [r.kind for r in tick.reminders] == [ReminderKind.OVERDUE]


def next_spring_forward(after: datetime) -> date:
    """The next last Sunday of March (Europe's change to summer time) at least a week away."""
    year = after.year
    while True:
        last = date(year, 3, 31)
        sunday = last - timedelta(days=(last.weekday() + 1) % 7)
        if datetime(sunday.year, sunday.month, sunday.day, tzinfo=UTC) > after + timedelta(days=7):
            return sunday
        year += 1


def test_times_are_stored_in_utc_and_stay_local_across_a_dst_change_and_restarts(
    ctx: Any, lead: Actor, tmp_path: Path, db_url: str
) -> None:
    change = next_spring_forward(datetime.now(UTC))
    monday_before = change - timedelta(days=6)
    start = datetime(monday_before.year, monday_before.month, monday_before.day, 9, 0)  # wall clock, Berlin
    ctx.services.schedules.add(
        lead, ScheduleInput("Wöchentliche Prüfung", start, rule="weekly", lead_minutes=0, timezone=BERLIN)
    )
    ctx.close()
    now = datetime.combine(change + timedelta(days=2), datetime.min.time(), UTC)  # the Monday after
    for _restart in range(2):
        with app_started(tmp_path, db_url, now) as (app, _tick):
            items = app.services.schedules.open_items(lead, now)
            assert [o.due_at.hour for o in items] == [8, 7]  # UTC: CET (UTC+1), then CEST (UTC+2)
            assert [o.due_at.astimezone(ZoneInfo(BERLIN)).strftime("%a %H:%M") for o in items] == [
                "Mon 09:00",
                "Mon 09:00",
            ]
            with app.engine.connect() as conn:
                raw = (
                    conn.execute(text("SELECT due_at FROM schedule_occurrences ORDER BY due_at"))
                    .scalars()
                    .all()
                )
            stored = [v if isinstance(v, datetime) else datetime.fromisoformat(v) for v in raw]
            assert [(v.replace(tzinfo=v.tzinfo or UTC)).astimezone(UTC).hour for v in stored] == [8, 7]
            if isinstance(raw[0], str):  # SQLite keeps the text: UTC wall time, no local offset
                assert raw[0].startswith(f"{monday_before.isoformat()} 08:00")
