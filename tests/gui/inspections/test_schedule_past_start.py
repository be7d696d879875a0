"""A new checklist schedule whose first time has already passed says so: a schedule owes nothing
from before it was made, so the lead who set today's patrol an hour ago found its first one due
tomorrow, without a word. Changing an existing schedule (its first time long gone) says nothing."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDateTime

from branchguard.context import AppContext
from branchguard.core.inspections.types import Cadence
from branchguard.gui.inspections.dialogs import InspectionScheduleDialog
from tests.gui.incidents.incident_support import login, session_for


def test_a_first_time_gone_is_said(gui_ctx: AppContext, qtbot: Any) -> None:
    dialog = InspectionScheduleDialog(session_for(gui_ctx, "lead"), "FIRE_DAILY", "防火巡查", Cadence.DAILY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.past_note.isVisible()  # tomorrow by default
    dialog.start.setDateTime(QDateTime.currentDateTime().addSecs(-3600))
    assert dialog.past_note.isVisible()
    assert dialog.past_note.text().startswith("This time has passed: the inspections fall due from the next")
    dialog.start.setDateTime(QDateTime.currentDateTime().addSecs(3600))
    assert not dialog.past_note.isVisible()


def test_changing_a_schedule_says_nothing(gui_ctx: AppContext, qtbot: Any) -> None:
    lead = login(gui_ctx, "lead")
    made = gui_ctx.services.inspections.schedule(
        lead, "FIRST_AID", Cadence.MONTHLY, "李明", datetime.now() + timedelta(minutes=5)
    )
    old = gui_ctx.services.schedules.get(lead, made.id)
    session = session_for(gui_ctx, "lead")
    dialog = InspectionScheduleDialog(session, "FIRST_AID", "急救箱检查", Cadence.MONTHLY, schedule=old)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start.setDateTime(QDateTime.currentDateTime().addDays(-30))
    assert not dialog.past_note.isVisible()
