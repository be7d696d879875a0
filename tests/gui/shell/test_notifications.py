"""Notification centre: the badge counts reminders, snooze hides one until its time, dismiss and done
clear it, a restart shows it again; the scheduler starts and stops with the window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from branchguard.context import AppContext
from branchguard.core.schedules.types import ScheduleInput
from branchguard.gui.kit.rows import SIZE_SAMPLE_ROWS
from branchguard.gui.schedules.models import ReminderModel
from branchguard.gui.shell.main_window import MainWindow
from branchguard.gui.shell.notifications import NotificationCentre, tomorrow_morning
from tests.gui.shell.bell_support import select_only

# The panel is a popup: the offscreen platform can neither raise it nor let it grab the keyboard.
POPUP_WARNINGS = pytest.mark.qt_log_ignore(
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
    "This plugin does not support propagateSizeHints",
)


def _due_soon(ctx: AppContext, window: MainWindow, title: str, hours: float) -> None:
    lead = window.session.actor
    start = (datetime.now(UTC) + timedelta(hours=hours)).replace(microsecond=0)
    ctx.services.schedules.add(lead, ScheduleInput(title=title, start=start, lead_minutes=120))


@pytest.fixture
def centre_for(gui_ctx: AppContext, open_window: Callable[[str], MainWindow]):
    def _open(username: str = "lead") -> tuple[MainWindow, NotificationCentre]:
        window = open_window("lead")
        _due_soon(gui_ctx, window, "Check the fire extinguishers", 1)  # inside its lead time
        _due_soon(gui_ctx, window, "Test the alarm button", -0.5)  # overdue on catch-up
        gui_ctx.services.schedules.catch_up(window.session.actor)
        if username != "lead":
            window.set_actor(gui_ctx.services.auth.login(username, f"{username}-demo-2026"))
        centre = NotificationCentre(window)
        QAbstractItemModelTester(centre.model, QAbstractItemModelTester.FailureReportingMode.Warning)
        return window, centre

    return _open


def test_badge_counts_reminders_and_overdue_is_red(centre_for) -> None:
    _window, centre = centre_for()
    assert centre.count() == 2 and centre.bell.text() == "2"
    titles = [r.title for r in centre.model.rows()]
    assert titles == ["Test the alarm button", "Check the fire extinguishers"]
    red = centre.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole)
    assert red is not None and red.name().lower() == "#b71c1c"
    assert centre.model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert centre.model.index(0, ReminderModel.KIND).data() == "Overdue"


@POPUP_WARNINGS
def test_the_panel_sizes_its_columns_when_it_shows_not_at_every_read(centre_for, monkeypatch) -> None:
    """The list is read again at every tick and change, mostly while the panel is closed: sizing
    its columns then held the GUI thread for nothing."""
    window, centre = centre_for()
    sized: list[int] = []
    monkeypatch.setattr(centre.panel.view, "resizeColumnsToContents", lambda: sized.append(1))
    centre._show(centre.model.rows())  # a read arrives while the panel is closed
    assert sized == [] and centre.panel.view.isVisibleTo(centre.panel)
    centre.show_panel()
    assert sized == [1]
    assert centre.panel.view.horizontalHeader().resizeContentsPrecision() == SIZE_SAMPLE_ROWS
    centre._show(centre.model.rows())  # a read while it shows: sized again
    assert sized == [1, 1]
    centre.panel.hide()
    centre.panel.show()  # shown again with nothing new: not sized again
    assert sized == [1, 1]
    window.close()


@POPUP_WARNINGS
def test_snooze_hides_until_its_time_dismiss_and_done_clear(centre_for, qtbot) -> None:
    window, centre = centre_for()
    centre.show_panel()
    select_only(centre.panel.view, 1)
    snoozed = centre.panel.selected()
    assert snoozed is not None
    centre.panel.snooze_hour.trigger()
    assert centre.count() == 1 and centre.bell.text() == "1"
    centre.clock = lambda: datetime.now(UTC) + timedelta(minutes=61)
    centre.reload()
    assert snoozed.occurrence_id in [r.occurrence_id for r in centre.model.rows()]
    centre.clock = lambda: datetime.now(UTC)
    centre.reload()
    select_only(centre.panel.view, 0)
    centre.dismiss_selected()
    assert centre.count() == 0 and centre.bell.text() == ""
    assert centre.panel.empty.isVisibleTo(centre.panel)
    # a restart reads the rows: the snoozed one is still owed after its snooze
    again = NotificationCentre(window, clock=lambda: datetime.now(UTC) + timedelta(minutes=61))
    assert [r.occurrence_id for r in again.model.rows()] == [snoozed.occurrence_id]
    select_only(again.panel.view, 0)
    again.done_selected()
    assert again.count() == 0
    (item,) = [o for o in window.session.services.schedules.calendar(
        window.session.actor, datetime.now(UTC) - timedelta(days=1), datetime.now(UTC) + timedelta(days=1)
    ) if o.id == snoozed.occurrence_id]
    assert item.status.value == "done"


@POPUP_WARNINGS
def test_auditor_sees_but_cannot_act(centre_for) -> None:
    _window, centre = centre_for("auditor")
    centre.show_panel()
    assert centre.count() == 2
    assert not centre.panel.dismiss_button.isEnabled() and not centre.panel.snooze_button.isEnabled()


def test_tomorrow_morning_is_nine_local_next_day() -> None:
    now = datetime(2026, 3, 5, 22, 30, tzinfo=UTC)
    at = tomorrow_morning(now).astimezone()
    assert (at.hour, at.minute) == (9, 0)
    assert at.date() == now.astimezone().date() + timedelta(days=1)


def test_scheduler_starts_after_login_and_stops_with_the_window(open_window, qtbot) -> None:
    window = open_window("lead")
    window.start_schedules()
    signals = window.schedule_signals
    assert signals is not None and signals.scheduler.running
    assert window.notifications is not None and window.notifications.bell.isVisibleTo(window)
    with qtbot.waitSignal(signals.ticked, timeout=5000):
        pass
    window.close()
    assert window.schedule_signals is None and not signals.scheduler.running
