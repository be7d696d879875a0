"""Keep reminding in the tray: closing with reminders coming asks; kept, the window hides and the
scheduler keeps running, the tray menu opens it (behind its lock) or quits; quit closes as before;
without a tray, or with nothing coming, it just closes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from branchguard.context import AppContext
from branchguard.core.schedules.types import ScheduleInput
from branchguard.gui.shell.main_window import MainWindow
from branchguard.gui.shell.tray import Choice, TrayKeeper
from branchguard.scheduling.wiring import JOB_PREFIX, REFRESH_JOB

# The offscreen platform has no tray window and cannot raise one; nothing else is ignored.
OFFSCREEN_TRAY = pytest.mark.qt_log_ignore(
    "No such signal QPlatformNativeInterface::systemTrayWindowChanged",
    "This plugin does not support raise",
    "This plugin does not support propagateSizeHints",
)


@pytest.fixture
def running(gui_ctx: AppContext, open_window: Callable[[str], MainWindow], qtbot):
    lead = gui_ctx.services.auth.login("lead", "lead-demo-2026")
    for schedule in gui_ctx.services.schedules.list(lead):  # only this test's schedule wakes
        gui_ctx.services.schedules.set_active(lead, schedule.id, False)

    """A window with its scheduler and bell, a reminder due in an hour, and the tray answer given."""

    def _open(choice: Choice, *, tray: bool = True, reminder_in_hours: float = 1) -> MainWindow:
        start = (datetime.now(UTC) + timedelta(hours=reminder_in_hours)).replace(microsecond=0)
        gui_ctx.services.schedules.add(lead, ScheduleInput(title="Check the alarm", start=start))
        window = open_window("lead")
        window.start_schedules()
        keeper, signals = window.tray_keeper, window.schedule_signals
        assert keeper is not None and signals is not None
        # the catch-up runs on the scheduler's worker, then the wake times are read and set
        jobs = signals.wiring.job_times
        qtbot.waitUntil(lambda: any(j.startswith(JOB_PREFIX) and j != REFRESH_JOB for j in jobs()))
        keeper.tray_available = lambda: tray
        asked: list[int] = []
        window.asked = asked  # type: ignore[attr-defined]

        def ask(_parent: object) -> Choice:
            asked.append(1)
            return choice

        keeper.ask = ask
        return window

    return _open


def _quit_on_last_window_closed() -> bool:
    from PySide6.QtWidgets import QApplication

    return QApplication.quitOnLastWindowClosed()


@OFFSCREEN_TRAY
def test_keep_hides_the_window_the_scheduler_runs_and_the_tray_opens_or_quits(running) -> None:
    window = running("tray")
    signals = window.schedule_signals
    keeper: TrayKeeper = window.tray_keeper
    assert keeper.reminders_coming()  # the new schedule's wake is within the day
    try:
        window.close()
        assert window.asked == [1]
        assert not window.isVisible() and keeper.in_tray
        assert window.schedule_signals is signals and signals.scheduler.running  # reminders keep firing
        assert not _quit_on_last_window_closed()
        tray = window.notifications.tray
        assert tray is not None and tray.contextMenu() is keeper.menu
        assert [a.text() for a in keeper.menu.actions() if a.text()] == ["Open BranchGuard", "Quit"]

        keeper.open_action.trigger()
        assert window.isVisible() and not keeper.in_tray and _quit_on_last_window_closed()

        window.close()  # asked again, kept again
        assert window.asked == [1, 1] and not window.isVisible()
        window.bring_forward()  # a second start on this data folder: as the tray's Open
        assert window.isVisible() and not keeper.in_tray and _quit_on_last_window_closed()
        window.close()
        assert window.asked == [1, 1, 1] and not window.isVisible()
        keeper.quit_action.trigger()
        assert window.asked == [1, 1, 1]  # Quit from the tray does not ask
        assert window.schedule_signals is None and not signals.scheduler.running
    finally:
        from PySide6.QtWidgets import QApplication

        QApplication.setQuitOnLastWindowClosed(True)


@OFFSCREEN_TRAY
def test_quit_closes_as_before(running) -> None:
    window = running("quit")
    signals = window.schedule_signals
    window.close()
    assert window.asked == [1]
    assert not window.isVisible() and window.schedule_signals is None and not signals.scheduler.running
    assert _quit_on_last_window_closed()


@OFFSCREEN_TRAY
def test_cancel_keeps_the_window_open(running) -> None:
    window = running("cancel")
    window.close()
    assert window.asked == [1] and window.isVisible() and window.schedule_signals is not None
    window.quit()  # File → Quit: no question
    assert window.asked == [1] and window.schedule_signals is None


@OFFSCREEN_TRAY
def test_no_tray_just_closes(running) -> None:
    window = running("tray", tray=False)
    window.close()
    assert window.asked == [] and window.schedule_signals is None


@OFFSCREEN_TRAY
def test_nothing_coming_just_closes(running) -> None:
    window = running("tray", reminder_in_hours=60)
    keeper = window.tray_keeper
    assert window.notifications.count() == 0  # the demo shows no reminder now
    assert not keeper.reminders_coming()  # its reminder (a day ahead) wakes in 36 h
    window.close()
    assert window.asked == [] and window.schedule_signals is None


@OFFSCREEN_TRAY
def test_open_from_the_tray_shows_the_lock(running, qtbot) -> None:
    window = running("tray")
    try:
        window.lock()
        window.close()
        assert not window.isVisible()
        window.tray_keeper.open_action.trigger()
        assert window.isVisible() and window.is_locked()
        assert window.login_dialog is not None and window.login_dialog.isVisible()
        assert window.current_page_id() == ""  # the lock cover, no page
    finally:
        from PySide6.QtWidgets import QApplication

        QApplication.setQuitOnLastWindowClosed(True)
