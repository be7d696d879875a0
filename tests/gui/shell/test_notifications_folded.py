"""The bell after the window was closed for a while: one row per schedule for its missed
occurrences (the count in the row, the latest due shown), several rows dismissed at once; the badge
counts rows and its tooltip says the items behind them. And each account's part of the reminders:
staff see their own and act on them, the auditor reads every one with no count and no action."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel as Sel
from PySide6.QtCore import Qt

from branchguard.context import AppContext
from branchguard.core.schedules.types import DueFilter, DueWindow, ScheduleInput
from branchguard.gui.shell.main_window import MainWindow
from branchguard.gui.shell.notifications import NotificationCentre
from branchguard.gui.shell.reminder_rows import ReminderRowsModel
from tests.gui.shell.bell_support import select_only

POPUP_WARNINGS = pytest.mark.qt_log_ignore(
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
    "This plugin does not support propagateSizeHints",
)
DAYS = 8  # closed for a week and a day: a daily check missed nine times, today's included


def _add(
    ctx: AppContext, window: MainWindow, title: str, start: datetime, rule: str = "", owner: str = ""
) -> None:
    spec = ScheduleInput(title=title, start=start, rule=rule, owner=owner, lead_minutes=60)
    ctx.services.schedules.add(window.session.actor, spec)


@POPUP_WARNINGS
def test_missed_occurrences_are_one_row_and_several_rows_go_at_once(
    gui_ctx: AppContext, open_window: Callable[[str], MainWindow]
) -> None:
    window = open_window("lead")
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=2)  # a schedule owes no past
    now = start + timedelta(days=DAYS, minutes=1)  # the window opens again
    _add(gui_ctx, window, "Opening check", start, rule="daily")
    _add(gui_ctx, window, "Test the alarm button", now - timedelta(hours=2))
    gui_ctx.services.schedules.catch_up(window.session.actor, now)
    centre = NotificationCentre(window, clock=lambda: now)

    assert centre.count() == 2 and centre.bell.text() == "2"  # was 10: one row per missed day
    tip = centre.bell.toolTip()
    assert "2 rows" in tip and f"{DAYS + 2} items" in tip and f"overdue: {DAYS + 2}" in tip
    row = centre.model.find_row(lambda r: r.title == "Opening check")
    folded = centre.model.row_at(row)
    assert len(folded.folded) == DAYS + 1 and folded.due_at == max(r.due_at for r in folded.folded)
    title = centre.model.index(row, ReminderRowsModel.TITLE).data()
    assert title.startswith(f"{DAYS + 1} missed since") and title.endswith("· Opening check")
    assert f"{DAYS + 1} missed" in centre.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)

    centre.show_panel()
    panel = centre.panel
    select_only(panel.view, row)
    assert panel.dismiss_button.isEnabled() and panel.snooze_button.isEnabled()
    assert not panel.done_button.isEnabled()  # one occurrence at a time, in the calendar
    selection = panel.view.selectionModel()
    selection.select(centre.model.index(1 - row, 0), Sel.SelectionFlag.Select | Sel.SelectionFlag.Rows)
    assert len(panel.chosen()) == 2 and not panel.done_button.isEnabled()
    centre.dismiss_selected()
    assert centre.count() == 0 and centre.bell.text() == ""
    # dismissed, not done: the missed checks are still owed, on the overdue list
    overdue = gui_ctx.services.schedules.due_items(window.session.actor, DueFilter(DueWindow.OVERDUE), now)
    assert sum(1 for o in overdue if o.title == "Opening check") == DAYS + 1
    window.close()


@POPUP_WARNINGS
def test_staff_see_their_own_part_and_the_auditor_reads_without_a_count(
    gui_ctx: AppContext, open_window: Callable[[str], MainWindow]
) -> None:
    window = open_window("lead")
    now = datetime.now(UTC).replace(microsecond=0)
    past = now - timedelta(hours=2)
    _add(gui_ctx, window, "证书将到期：周强", past, owner="周强")
    staff_person = "李晓梅"  # the demo's staff account
    _add(gui_ctx, window, "Cash vault check", past + timedelta(minutes=1), owner=staff_person)
    gui_ctx.services.schedules.catch_up(window.session.actor, now)
    lead_centre = NotificationCentre(window)
    assert lead_centre.count() == 2

    window.set_actor(gui_ctx.services.auth.login("staff", "staff-demo-2026"))
    staff_centre = NotificationCentre(window)
    assert [r.title for r in staff_centre.model.rows()] == ["Cash vault check"]
    assert staff_centre.bell.text() == "1"

    window.set_actor(gui_ctx.services.auth.login("auditor", "auditor-demo-2026"))
    centre = NotificationCentre(window)
    centre.show_panel()
    assert centre.count() == 2  # the list stays readable
    assert centre.bell.text() == "" and not centre.bell.property("unread")  # no to-do count
    assert "2 rows for 2 items" in centre.bell.toolTip() and "act on" in centre.bell.toolTip()
    panel = centre.panel
    assert not panel.snooze_button.isEnabled() and not panel.dismiss_button.isEnabled()
    assert not panel.done_button.isEnabled()
    window.close()
