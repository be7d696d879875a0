"""The window left open across midnight (gui/shell/day_change.py): each new local day makes that
day's automatic backup, once, never beside one still running nor on read-only data, and reads the
page shown again. The clock is the test's; the handler is called as the midnight timer and the
scheduler's tick call it, not waited for."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QObject, Signal

from branchguard.app import build_main_window
from branchguard.context import AppContext
from branchguard.core.backup.rules import archive_name
from branchguard.gui.dashboard.page import DashboardPage
from branchguard.gui.shell import daily_backup
from branchguard.gui.shell.day_change import DayChange, until_next_day
from branchguard.gui.shell.main_window import MainWindow
from tests.gui.conftest import PASSWORDS

BOUND_S = 10  # a bound on waiting for the held backup's thread, never a duration asserted


class FakeClock:
    """The local wall clock, set by the test."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


class Ticks(QObject):
    """The scheduler's signals as the day change sees them: a tick now and then (and the window
    stops them as it closes)."""

    ticked = Signal(object)
    scheduler = SimpleNamespace(running=False)

    def shutdown(self) -> None:
        pass


def _backups_named_by(
    clock: FakeClock, ctx: AppContext, monkeypatch: pytest.MonkeyPatch, hold: threading.Event | None = None
) -> list[datetime]:
    """Each automatic backup writes an archive named by the test's clock (the real one names it by
    the PC's); the times they were asked at. With `hold`, a backup waits for it to be set."""
    asked: list[datetime] = []

    def create_in_folder(*_args: Any, **_kwargs: Any) -> Any:
        at = clock()
        asked.append(at)
        if hold is not None:
            assert hold.wait(BOUND_S)
        folder = ctx.config.backup_dir
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / archive_name(at)
        path.write_bytes(b"")
        return SimpleNamespace(path=path, manifest=SimpleNamespace(files=[]))

    monkeypatch.setattr(ctx.services.backup, "create_in_folder", create_in_folder)
    return asked


def _archives(ctx: AppContext) -> list[str]:
    return sorted(p.name for p in ctx.config.backup_dir.glob("branchguard-*.zip"))


def test_a_window_open_for_days_makes_each_days_backup_once(
    open_window: Callable[[str], MainWindow], gui_ctx: AppContext, monkeypatch: pytest.MonkeyPatch, qtbot
) -> None:
    """Dec 7 → 8 → 9 left open: the start's backup, then one at midnight, then one found by a
    scheduler tick (the clock jumped past the timer); a second look the same day makes none."""
    clock = FakeClock(datetime(2026, 12, 7, 9, 0))
    _backups_named_by(clock, gui_ctx, monkeypatch)
    window = open_window("lead")
    ticks = Ticks(window)
    window.schedule_signals = ticks  # type: ignore[assignment]  # as start_schedules leaves it
    days = DayChange(window, gui_ctx, now=clock)
    days.start()
    assert _archives(gui_ctx) == ["branchguard-20261207-090000.zip"]
    clock.at = datetime(2026, 12, 7, 18, 0)
    assert not days.check()  # the same day: no second backup
    clock.at = datetime(2026, 12, 8, 0, 0, 1)
    days.timer.timeout.emit()  # midnight
    assert _archives(gui_ctx)[-1] == "branchguard-20261208-000001.zip"
    assert "branchguard-20261208-000001.zip" in window.statusBar().currentMessage()
    clock.at = datetime(2026, 12, 9, 9, 5)
    ticks.ticked.emit(object())  # queued to the GUI thread, as from the scheduler's worker
    qtbot.waitUntil(lambda: len(_archives(gui_ctx)) == 3, timeout=BOUND_S * 1000)
    assert _archives(gui_ctx)[-1] == "branchguard-20261209-090500.zip" and days.day == clock.at.date()


def test_no_second_backup_starts_while_one_still_runs(
    open_window: Callable[[str], MainWindow],
    gui_ctx: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    qtbot,
    pool_tasks,
) -> None:
    """The start's backup still copying at midnight: the new day's waits for the next look."""
    clock, hold = FakeClock(datetime(2026, 12, 7, 23, 58)), threading.Event()
    asked = _backups_named_by(clock, gui_ctx, monkeypatch, hold)
    window = open_window("lead")
    days = DayChange(window, gui_ctx, now=clock)
    try:
        days.start()
        qtbot.waitUntil(lambda: len(asked) == 1, timeout=BOUND_S * 1000)
        clock.at = datetime(2026, 12, 8, 0, 0, 1)
        assert days.check()  # the new day, its page read again …
        assert asked == [datetime(2026, 12, 7, 23, 58)]  # … but no backup beside the running one
    finally:
        hold.set()
    qtbot.waitUntil(lambda: not daily_backup.running(), timeout=BOUND_S * 1000)
    clock.at = datetime(2026, 12, 8, 0, 5)
    days.check()  # the scheduler's next tick
    qtbot.waitUntil(lambda: len(asked) == 2, timeout=BOUND_S * 1000)
    assert asked[-1] == datetime(2026, 12, 8, 0, 5)
    qtbot.waitUntil(lambda: not daily_backup.running(), timeout=BOUND_S * 1000)  # ends before the window


def test_read_only_data_gets_no_backup_but_the_new_day_is_shown(
    open_window: Callable[[str], MainWindow], gui_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock(datetime(2026, 12, 7, 9, 0))
    asked = _backups_named_by(clock, gui_ctx, monkeypatch)
    window = open_window("lead")
    monkeypatch.setattr(gui_ctx, "read_only", True)
    assert not daily_backup.start(window, gui_ctx, clock().date())
    refreshed: list[str] = []
    monkeypatch.setattr(window, "refresh_page", lambda: refreshed.append(window.current_page_id()))
    days = DayChange(window, gui_ctx, now=clock)
    days.start()
    clock.at += timedelta(days=1)
    assert days.check()
    assert asked == [] and refreshed == [window.current_page_id()]


def test_the_dashboard_left_open_shows_the_new_day_after_midnight(
    open_window: Callable[[str], MainWindow], gui_ctx: AppContext, monkeypatch: pytest.MonkeyPatch, qtbot
) -> None:
    """Dec 31 → Jan 1 with no click: "As of" and the figures are read again as of the new day."""
    from branchguard.core.dashboard import service

    window = open_window("lead")
    page = window.page("dashboard")
    assert isinstance(page, DashboardPage) and window.current_page_id() == "dashboard"
    zone = gui_ctx.services.dashboard.zone
    moment = [datetime(2026, 12, 31, 23, 59, tzinfo=zone)]
    monkeypatch.setattr(service, "utcnow", lambda: moment[0])
    page.refresh()
    qtbot.waitUntil(lambda: page.board is not None and page.board.today.day == 31, timeout=BOUND_S * 1000)
    days = DayChange(window, gui_ctx, now=lambda: moment[0].replace(tzinfo=None))
    monkeypatch.setattr(daily_backup, "start", lambda *_args: False)  # the backup is the tests above
    days.start()
    assert days.timer.isActive() and days.timer.interval() == 61_000  # to one second past midnight
    moment[0] = datetime(2027, 1, 1, 0, 0, 1, tzinfo=zone)
    days.timer.timeout.emit()
    qtbot.waitUntil(lambda: page.board is not None and page.board.today.year == 2027, timeout=BOUND_S * 1000)
    assert "2027" in page.intro.text() and "2026" not in page.intro.text()


def test_the_timer_is_set_to_just_past_the_next_local_midnight() -> None:
    assert until_next_day(datetime(2026, 12, 31, 23, 59)) == timedelta(seconds=61)
    assert until_next_day(datetime(2027, 1, 1, 0, 0, 0)) == timedelta(days=1, seconds=1)


def test_a_backup_that_ends_after_its_window_went_reports_to_no_one(
    gui_ctx: AppContext, monkeypatch: pytest.MonkeyPatch, qtbot, pool_tasks
) -> None:
    """The window destroyed while its backup still copies (the tests' windows go so, before the
    pool is waited for): the archive is still made, and its end is said to no deleted window."""
    clock, hold = FakeClock(datetime(2026, 12, 7, 9, 0)), threading.Event()
    asked = _backups_named_by(clock, gui_ctx, monkeypatch, hold)
    window = build_main_window(gui_ctx, gui_ctx.services.auth.login("lead", PASSWORDS["lead"]))
    try:
        assert daily_backup.start(window, gui_ctx, clock().date())
        qtbot.waitUntil(lambda: len(asked) == 1, timeout=BOUND_S * 1000)
        shiboken6.delete(window)
    finally:
        hold.set()
    qtbot.waitUntil(lambda: not daily_backup.running(), timeout=BOUND_S * 1000)
    assert _archives(gui_ctx) == ["branchguard-20261207-090000.zip"]
