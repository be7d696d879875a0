"""The hazard register without hazards says how one is recorded (New hazard…, or a failed inspection
item) to a role that may record one, that none matches the filters chosen, and to the auditor only that
there is none; with hazards listed it says nothing."""

from __future__ import annotations

from typing import Any

from branchguard.context import AppContext
from tests.gui.empty_support import page_of, said


def test_no_hazards_says_new_hazard_then_that_none_matches(gui_ctx: AppContext, qtbot: Any) -> None:
    page = page_of(gui_ctx, "lead", "hazards", qtbot)
    assert said(page.empty_note, qtbot).startswith("No open hazards. New hazard… records one;")
    page.status_filter.setCurrentIndex(page.status_filter.findData(None))  # all statuses: none at all
    qtbot.waitUntil(lambda: page.empty_note.text().startswith("No hazards yet. New hazard… records one;"))
    page.severity_filter.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.empty_note.text() == "No hazard matches these filters.")


def test_the_auditor_is_told_there_is_none(gui_ctx: AppContext, qtbot: Any) -> None:
    assert said(page_of(gui_ctx, "auditor", "hazards", qtbot).empty_note, qtbot) == "No open hazards."


def test_a_register_with_hazards_says_nothing(world: AppContext, qtbot: Any) -> None:
    page = page_of(world, "lead", "hazards", qtbot)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    assert page.empty_note.text() == ""
