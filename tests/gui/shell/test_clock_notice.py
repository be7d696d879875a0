"""The window says when this PC's clock is behind the newest record (core/audit/clock.py), as every
command does: asked off the GUI thread at the first look of the day (after login) and at each new
day, once a day, and said in the status bar's warning line. The clock is the test's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from branchguard.context import AppContext
from branchguard.core.audit.clock import ClockBehind, clock_behind, newest_record
from branchguard.core.kernel.i18n import translate
from branchguard.gui.shell import daily_backup
from branchguard.gui.shell.clock_notice import ClockNotice
from branchguard.gui.shell.day_change import DayChange
from branchguard.gui.shell.main_window import MainWindow
from tests.gui.shell.test_day_change import FakeClock


def _asks(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> list[datetime]:
    """The times the window asked the audit service about, in order."""
    asked: list[datetime] = []
    original = ctx.services.audit.clock_behind

    def clock_behind(now: datetime | None = None) -> ClockBehind | None:
        asked.append(now or datetime.now(UTC))
        return original(now)

    monkeypatch.setattr(ctx.services.audit, "clock_behind", clock_behind)
    return asked


def test_a_clock_behind_the_newest_record_is_said_once_a_day(
    open_window: Callable[[str], MainWindow], gui_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    with gui_ctx.sessions() as s:
        newest = newest_record(s)
    assert newest is not None  # the demo data and the login
    # the clock set back two days, to 09:00 that day: three hours later is still that day, whatever
    # the hour the test runs at (from 21:00 on, "two days back" plus three hours was the next day)
    behind = (newest - timedelta(days=2)).astimezone().replace(tzinfo=None, hour=9, minute=0)
    clock = FakeClock(behind)
    asked = _asks(gui_ctx, monkeypatch)
    monkeypatch.setattr(daily_backup, "start", lambda *_args: False)  # the backup is test_day_change's
    window = open_window("lead")
    days = DayChange(window, gui_ctx, now=clock)
    days.start()  # after login
    notice = days.clock
    assert len(asked) == 1 and notice.label.isVisibleTo(window)
    with gui_ctx.sessions() as s:
        said = clock_behind(s, asked[0])
    assert said is not None and notice.label.full_text() == translate(said.message)
    assert notice.label in window.statusBar().findChildren(type(notice.label))
    clock.at += timedelta(hours=3)
    days.check()  # the scheduler's ticks that day ask nothing more
    assert len(asked) == 1
    clock.at = newest.astimezone().replace(tzinfo=None) + timedelta(
        days=1
    )  # the clock corrected: the next day
    assert days.check()
    assert len(asked) == 2 and not notice.label.isVisibleTo(window)


def test_the_question_is_asked_off_the_gui_thread(
    open_window: Callable[[str], MainWindow], gui_ctx: AppContext, qtbot, pool_tasks
) -> None:
    window = open_window("lead")
    pool_tasks.watch(type(gui_ctx.services.audit), "clock_behind")
    notice = ClockNotice(window, gui_ctx.services)
    notice.look(datetime(2020, 1, 1, 9, 0))  # years behind the demo's records
    qtbot.waitUntil(lambda: notice.label.isVisibleTo(window), timeout=10_000)
    assert pool_tasks.ran_off_the_gui_thread("clock_behind")
