"""The checklist's schedule dialog, opened before another PC named another assignee, does not put the
old one back: its save is refused, it shows the schedule as it is now and says why."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from branchguard.context import AppContext
from branchguard.core.inspections.types import Cadence
from branchguard.core.schedules.types import ScheduleInput
from branchguard.gui.inspections.dialogs import InspectionScheduleDialog
from tests.gui.incidents.incident_support import login
from tests.gui.inspections.test_inspections_page import ALARM, inspections_page


def test_a_schedule_changed_on_another_pc_is_shown_again_not_overwritten(
    open_window: Any, gui_ctx: AppContext
) -> None:
    lead = login(gui_ctx, "lead")
    start = datetime.now().replace(microsecond=0) + timedelta(days=1)
    first = gui_ctx.services.inspections.schedule(lead, ALARM, Cadence.DAILY, "赵敏", start)
    page = inspections_page(open_window)
    assert page.overview.select_template(ALARM)
    dialog = page.ask_schedule(ALARM)
    assert isinstance(dialog, InspectionScheduleDialog)
    schedules = gui_ctx.services.schedules
    other = ScheduleInput(
        title=first.title, start=start, kind=first.kind, owner="李娜", rule="daily",
        lead_minutes=first.lead_minutes, timezone=first.timezone, subject_id=first.subject_id,
    )
    schedules.update(lead, first.id, other)  # the other PC names 李娜 while the dialog is open
    dialog.rule.setCurrentIndex(dialog.rule.findData(Cadence.WEEKLY.value))
    dialog.accept()
    assert dialog.result() == 0 and dialog.error.isVisibleTo(dialog)
    assert "was changed by someone else" in dialog.error.text()
    now = schedules.get(lead, first.id)
    assert (now.owner, now.rule) == ("李娜", "FREQ=DAILY")  # 李娜 kept, nothing of the dialog written
    assert dialog.assignee.name() == "李娜"  # shown as it is now
    dialog.rule.setCurrentIndex(dialog.rule.findData(Cadence.WEEKLY.value))
    dialog.accept()  # the change made again, on what is shown
    now = schedules.get(lead, first.id)
    assert (now.owner, now.rule) == ("李娜", "FREQ=WEEKLY")
