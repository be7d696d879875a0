"""The inspections list of a branch that has inspected nothing says how one starts (a checklist and
Start inspection) to a role that may inspect, that none is in the state filtered, and to the auditor
only that there is none; with inspections listed it says nothing."""

from __future__ import annotations

from typing import Any

from branchguard.context import AppContext
from branchguard.core.kernel.types import Actor
from branchguard.core.schedules.types import DueWindow
from tests.gui.conftest import PASSWORDS
from tests.gui.empty_support import page_of, said


def _lead(ctx: AppContext) -> Actor:
    return ctx.services.auth.login("lead", PASSWORDS["lead"])


def test_no_inspections_says_start_inspection_then_none_in_the_state(gui_ctx: AppContext, qtbot: Any) -> None:
    overview = page_of(gui_ctx, "lead", "inspections", qtbot).overview
    note = overview.history_note
    assert said(note, qtbot).startswith("No inspections yet. Select a checklist above and click “Start")
    overview.status_filter.setCurrentIndex(1)
    qtbot.waitUntil(lambda: note.text() == "No inspection in this state.")


def test_the_auditor_is_told_there_is_none(gui_ctx: AppContext, qtbot: Any) -> None:
    overview = page_of(gui_ctx, "auditor", "inspections", qtbot).overview
    assert said(overview.history_note, qtbot) == "No inspections yet."


def test_a_list_with_inspections_says_nothing(world: AppContext, qtbot: Any) -> None:
    overview = page_of(world, "lead", "inspections", qtbot).overview
    qtbot.waitUntil(lambda: overview.history_model.rowCount() > 0)
    assert overview.history_note.text() == ""


def test_no_schedules_says_schedule_one_and_to_staff_who_does(gui_ctx: AppContext, qtbot: Any) -> None:
    """The due list of a branch without schedules says how to make one (it was a bare grid)."""
    for schedule in gui_ctx.services.inspections.schedules(_lead(gui_ctx)):
        gui_ctx.services.schedules.remove(_lead(gui_ctx), schedule.id)
    overview = page_of(gui_ctx, "lead", "inspections", qtbot).overview
    assert said(overview.due_note, qtbot).startswith("No inspection is scheduled yet. Select a checklist")
    overview.due_filter.setCurrentIndex(overview.due_filter.findData(DueWindow.OVERDUE.value))
    qtbot.waitUntil(lambda: overview.due_note.text() == "Nothing overdue.")
    staff = page_of(gui_ctx, "staff", "inspections", qtbot).overview
    assert said(staff.due_note, qtbot) == "No inspection is scheduled yet: the safety lead schedules them."


def test_schedules_with_nothing_due_point_to_their_next_date(world: AppContext, qtbot: Any) -> None:
    overview = page_of(world, "lead", "inspections", qtbot).overview
    qtbot.waitUntil(lambda: overview.overview is not None)
    assert overview.overview is not None and overview.overview.template_of_schedule
    overview.due_model.set_rows([])
    assert overview.due_note.text().startswith("Nothing due now:")
