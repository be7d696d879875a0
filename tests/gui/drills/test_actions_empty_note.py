"""The corrective-actions tab of a branch without actions says where they come from (a drill's
evaluation, an incident's closing), by the state chosen; it was a bare grid."""

from __future__ import annotations

from typing import Any

from branchguard.context import AppContext
from branchguard.gui.drills.action_list import ALL, OVERDUE
from tests.gui.empty_support import page_of, said


def test_no_actions_say_where_they_come_from(gui_ctx: AppContext, qtbot: Any) -> None:
    panel = page_of(gui_ctx, "lead", "drills", qtbot).action_list
    assert said(panel.empty_note, qtbot).startswith("No open corrective actions. A drill's evaluation")
    panel.state_filter.setCurrentIndex(panel.state_filter.findData(OVERDUE))
    qtbot.waitUntil(lambda: panel.empty_note.text() == "No overdue corrective actions.")
    panel.state_filter.setCurrentIndex(panel.state_filter.findData(ALL))
    qtbot.waitUntil(lambda: panel.empty_note.text().startswith("No corrective actions yet."))


def test_a_list_with_actions_says_nothing(world: AppContext, qtbot: Any) -> None:
    panel = page_of(world, "lead", "drills", qtbot).action_list
    panel.state_filter.setCurrentIndex(panel.state_filter.findData(ALL))
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    assert panel.empty_note.text() == ""


def test_who_may_not_mark_an_action_done_is_told_who_does(gui_ctx: AppContext, qtbot: Any) -> None:
    """Staff (an action's owner among them) see no Mark done: the tab says the safety lead marks it."""
    staff = page_of(gui_ctx, "staff", "drills", qtbot).action_list
    assert staff.done_button.isHidden() and staff.who_marks.isVisibleTo(staff)
    assert staff.who_marks.text().startswith("The safety lead marks an action done")
    lead = page_of(gui_ctx, "lead", "drills", qtbot).action_list
    assert lead.done_button.isVisibleTo(lead) and lead.who_marks.isHidden()
