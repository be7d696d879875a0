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
