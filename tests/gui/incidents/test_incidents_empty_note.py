"""The incident list of a branch without incidents says how one starts (F9, Start incident) to a role
that may start one, that none matches the filters chosen, and to the auditor only that there is none;
with incidents listed it says nothing."""

from __future__ import annotations

from typing import Any

from branchguard.context import AppContext
from tests.gui.empty_support import page_of, said


def test_no_incidents_yet_says_f9_then_that_none_matches(gui_ctx: AppContext, qtbot: Any) -> None:
    panel = page_of(gui_ctx, "lead", "incidents", qtbot).list_panel
    assert said(panel.empty_note, qtbot).startswith("No incidents yet. F9 or “Start incident” starts one")
    panel.level_filter.setCurrentIndex(1)
    qtbot.waitUntil(lambda: panel.empty_note.text() == "No incident matches these filters.")


def test_the_auditor_is_told_there_is_none(gui_ctx: AppContext, qtbot: Any) -> None:
    panel = page_of(gui_ctx, "auditor", "incidents", qtbot).list_panel
    assert said(panel.empty_note, qtbot) == "No incidents yet."


def test_a_list_with_incidents_says_nothing(world: AppContext, qtbot: Any) -> None:
    panel = page_of(world, "lead", "incidents", qtbot).list_panel
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    assert panel.empty_note.text() == ""
