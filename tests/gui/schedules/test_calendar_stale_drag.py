"""A drag refused because another PC paused or deleted the schedule since the calendar read it: the
calendar says why and reads again, so the stale entries go instead of staying on show."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox

from branchguard.context import AppContext
from branchguard.core.kernel.i18n import Message
from branchguard.core.schedules.types import ScheduleInput
from branchguard.gui.schedules.calendar_page import MONTH, CalendarPage
from branchguard.gui.schedules.calendar_views import occurrence_key
from branchguard.gui.shell.main_window import MainWindow


@pytest.mark.parametrize("elsewhere", ["pause", "delete"])
def test_a_refused_drag_reads_the_calendar_again(
    gui_ctx: AppContext,
    open_window: Callable[[str], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    elsewhere: str,
) -> None:
    day = date.today() + timedelta(days=20)  # beyond the lead time: promised by the rule, no row yet
    lead = gui_ctx.services.auth.login("lead", "lead-demo-2026")
    at = datetime(day.year, day.month, day.day, 9, 30).astimezone(UTC)
    made = gui_ctx.services.schedules.add(lead, ScheduleInput(title="Weekly patrol", start=at, rule="weekly"))
    window = open_window("lead")
    page = window.show_page("calendar")
    assert isinstance(page, CalendarPage)
    page.go_to(day, MONTH)
    [item, *_] = [o for o in page.items if o.schedule_id == made.id]
    assert item.id is None
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    # another PC, whose change this window has not heard of
    if elsewhere == "pause":
        gui_ctx.services.schedules.set_active(lead, made.id, False)
        why = Message("schedule.paused_no_move", title="Weekly patrol").text()
    else:
        gui_ctx.services.schedules.remove(lead, made.id)
        why = Message("schedule.not_found", id=made.id).text()

    assert page.move_occurrence(occurrence_key(item), day + timedelta(days=1))  # started, and refused
    assert len(said) == 1 and why in said[0]
    assert [o for o in page.items if o.schedule_id == made.id] == []
    assert page.month.titles(day) == []
    window.close()
