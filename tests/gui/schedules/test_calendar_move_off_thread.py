"""An item dropped on another day of the calendar is moved off the GUI thread (a statement on a
shared database can take 200 ms and more), on the real thread pool: one move at a time, a second
drop meanwhile moves nothing, a locked database is said and nothing moves."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from branchguard.context import AppContext
from branchguard.core.schedules.types import ScheduleInput
from branchguard.gui.kit import tasks
from branchguard.gui.kit.plain import literal
from branchguard.gui.schedules.calendar_page import MONTH, CalendarPage
from branchguard.gui.schedules.calendar_views import occurrence_key
from tests.gui.dialog_support import Held, locked, refuse_with, sql_threads
from tests.gui.incidents.incident_support import login, session_for


def test_a_drop_is_moved_off_the_gui_thread_once_and_a_refusal_said(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tasks, "_fault_place", gui_ctx.place)  # as the window sets it
    day = date.today() + timedelta(days=20)  # beyond the lead time: promised by the rule, no row yet
    lead, schedules = login(gui_ctx, "lead"), gui_ctx.services.schedules
    at = datetime(day.year, day.month, day.day, 9, 30).astimezone(UTC)
    made = schedules.add(lead, ScheduleInput(title="Weekly patrol", start=at, rule="weekly"))
    page = CalendarPage(session_for(gui_ctx, "lead"))
    qtbot.addWidget(page)
    page.show()
    page.go_to(day, MONTH)
    qtbot.waitUntil(lambda: any(o.schedule_id == made.id for o in page.items))
    [item, *_] = [o for o in page.items if o.schedule_id == made.id]
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    refuse_with(monkeypatch, schedules, "reschedule_promised", locked())
    assert page.move_occurrence(occurrence_key(item), day + timedelta(days=1))
    qtbot.waitUntil(lambda: said != [])
    fault = gui_ctx.explain(locked())
    assert fault is not None and said == [literal(fault.text("en"))]
    monkeypatch.delattr(schedules, "reschedule_promised")  # the service's own again
    held = Held(monkeypatch, schedules, "reschedule_promised")
    with sql_threads(gui_ctx.engine) as sql:
        assert page.move_occurrence(occurrence_key(item), day + timedelta(days=1))
        qtbot.waitUntil(lambda: held.calls == 1)
        assert not page.move_occurrence(occurrence_key(item), day + timedelta(days=2))  # meanwhile: nothing
        held.release()
        qtbot.waitUntil(lambda: not page._moving)
        assert sql.on_gui_thread() == [] and "INSERT" in sql.off_gui_thread()  # the item written
    assert held.calls == 1 and pool_tasks.gui_thread not in held.threads
    start = datetime(day.year, day.month, day.day).astimezone(UTC)
    shown = schedules.calendar(lead, start, start + timedelta(days=3))
    moved = [o for o in shown if o.schedule_id == made.id and o.id is not None]
    assert [o.due_at.astimezone().date() for o in moved] == [day + timedelta(days=1)]
