"""Acceptance: an expiring certificate is reminded once, 30 days before it expires, across restarts
of the app (each a fresh context and scheduler on the same database, with a fake clock)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from branchguard.context import AppContext, open_context
from branchguard.core.kernel.types import Actor
from branchguard.core.team.rules import REMIND_DAYS
from branchguard.core.team.types import TrainingInput
from branchguard.scheduling.engine import ScheduleEngine, Tick
from branchguard.scheduling.wiring import ScheduleWiring, background_scheduler

TODAY = date.today()


@contextmanager
def app_started(tmp_path: Path, db_url: str, now: datetime) -> Iterator[tuple[AppContext, Tick]]:
    app = open_context(tmp_path / "data", db=db_url)
    wiring = ScheduleWiring(ScheduleEngine(app.services.schedules, clock=lambda: now), background_scheduler())
    try:
        tick = wiring.start()
        assert tick is not None
        yield app, tick
    finally:
        wiring.shutdown()
        app.close()


def add(ctx: Any, lead: Actor, expires: date) -> int:
    person = ctx.services.team.person_named(lead, "周强", "field.person").id
    return int(
        ctx.services.team.add_training(
            lead,
            TrainingInput(person, "guard_licence", TODAY - timedelta(days=700), expires, "保安员证 1101"),
        ).id
    )


def test_an_expiring_certificate_is_reminded_once_across_restarts(
    ctx: Any, lead: Actor, tmp_path: Path, db_url: str
) -> None:
    expires = TODAY + timedelta(days=REMIND_DAYS + 10)
    add(ctx, lead, expires)
    ctx.close()
    remind_at = datetime.combine(expires - timedelta(days=REMIND_DAYS), time(9, 0)).astimezone()

    with app_started(tmp_path, db_url, remind_at - timedelta(hours=1)) as (_app, tick):
        assert tick.reminders == ()  # not yet
    with app_started(tmp_path, db_url, remind_at + timedelta(minutes=1)) as (_app, tick):
        [reminder] = tick.reminders
        assert "周强" in reminder.title and expires.isoformat() in reminder.title
    for later in (timedelta(minutes=5), timedelta(days=3), timedelta(days=REMIND_DAYS + 1)):
        with app_started(tmp_path, db_url, remind_at + later) as (app, tick):
            assert tick.reminders == (), later  # announced once, never again
            assert [r.id for r in app.services.schedules.reminders(lead, remind_at + later)] == [reminder.id]


def test_a_certificate_already_inside_the_lead_is_reminded_at_the_next_start_once(
    ctx: Any, lead: Actor, tmp_path: Path, db_url: str
) -> None:
    expires = TODAY + timedelta(days=5)
    add(ctx, lead, expires)
    ctx.close()
    now = datetime.now().astimezone()
    with app_started(tmp_path, db_url, now) as (_app, tick):
        assert [expires.isoformat() in r.title for r in tick.reminders] == [True]
    with app_started(tmp_path, db_url, now + timedelta(hours=1)) as (_app, tick):
        assert tick.reminders == ()


def test_a_renewed_certificate_is_not_reminded(ctx: Any, lead: Actor, tmp_path: Path, db_url: str) -> None:
    expires = TODAY + timedelta(days=REMIND_DAYS + 10)
    add(ctx, lead, expires)
    add(ctx, lead, TODAY + timedelta(days=3 * 365))  # renewed before the reminder's day
    ctx.close()
    remind_at = datetime.combine(expires - timedelta(days=REMIND_DAYS), time(9, 0)).astimezone()
    with app_started(tmp_path, db_url, remind_at + timedelta(minutes=1)) as (_app, tick):
        assert tick.reminders == ()
