"""The inspections list of a branch that has inspected nothing says how one starts (a checklist and
Start inspection) to a role that may inspect, that none is in the state filtered, and to the auditor
only that there is none; with inspections listed it says nothing."""

from __future__ import annotations

from typing import Any

from branchguard.context import AppContext
from tests.gui.empty_support import page_of, said


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
