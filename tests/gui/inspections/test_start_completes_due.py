"""Start inspection on a checklist whose inspection is due today (or overdue) completes that one, as
"Start the due inspection" does, and its dialog says so: started from the checklist, the run left
the scheduled inspection open, soon overdue on the dashboard and the due list though it was done.
One due only on a later day is left alone."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from branchguard.context import AppContext
from branchguard.core.schedules.types import OccurrenceInfo, OccurrenceStatus, ScheduleKind
from branchguard.gui.inspections.dialogs import StartInspectionDialog
from tests.gui.empty_support import page_of


def _due(occurrence_id: int, schedule_id: int, at: datetime) -> OccurrenceInfo:
    return OccurrenceInfo(
        occurrence_id, schedule_id, ScheduleKind.INSPECTION, "检查：防火巡查", "李明", "Asia/Shanghai",
        at, at, OccurrenceStatus.OPEN, overdue=at < datetime.now(UTC),
    )  # fmt: skip


def _started_with(gui_ctx: AppContext, qtbot: Any, due: list[OccurrenceInfo]) -> StartInspectionDialog:
    page = page_of(gui_ctx, "staff", "inspections", qtbot)
    overview = page.overview
    qtbot.waitUntil(lambda: overview.overview is not None)
    assert overview.overview is not None
    codes = {5: "FIRE_DAILY", 6: "ALARM"}
    overview.overview = replace(overview.overview, due=due, template_of_schedule=codes)
    assert overview.select_template("FIRE_DAILY")
    overview.start_button.click()
    dialog = page.start_dialog
    assert isinstance(dialog, StartInspectionDialog) and dialog.isVisible()
    return dialog


def test_the_checklist_due_today_is_the_one_its_run_completes(gui_ctx: AppContext, qtbot: Any) -> None:
    now = datetime.now(UTC)
    late, later_today = now - timedelta(minutes=10), now.astimezone().replace(hour=23, minute=59)
    due = [_due(41, 6, late), _due(42, 5, later_today.astimezone(UTC)), _due(43, 5, late)]
    dialog = _started_with(gui_ctx, qtbot, due)
    assert (dialog.code, dialog.occurrence_id) == ("FIRE_DAILY", 43)  # its own, the earliest
    assert dialog.due_note.text() == "This run completes the due inspection."


def test_one_due_on_a_later_day_is_left_alone(gui_ctx: AppContext, qtbot: Any) -> None:
    tomorrow = datetime.now().astimezone().replace(hour=9, minute=0) + timedelta(days=1)
    dialog = _started_with(gui_ctx, qtbot, [_due(44, 5, tomorrow.astimezone(UTC))])
    assert (dialog.code, dialog.occurrence_id) == ("FIRE_DAILY", None)
