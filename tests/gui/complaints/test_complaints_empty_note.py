"""The complaints list of a branch without complaints says how one is registered (Register…) to a role
that may register one, that none matches the filters chosen, and to the auditor only that there is
none; with complaints listed it says nothing."""

from __future__ import annotations

from typing import Any

from branchguard.context import AppContext
from tests.gui.empty_support import page_of, said


def test_no_complaints_says_register_then_that_none_matches(gui_ctx: AppContext, qtbot: Any) -> None:
    page = page_of(gui_ctx, "lead", "complaints", qtbot)
    assert said(page.empty_note, qtbot).startswith("No open complaints. Register… records one")
    page.open_only.setChecked(False)
    all_of_them = "No complaints yet. Register… records one as it is received."
    qtbot.waitUntil(lambda: page.empty_note.text() == all_of_them)
    page.filters.kind.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.empty_note.text() == "No complaint matches these filters.")


def test_the_auditor_is_told_there_is_none(gui_ctx: AppContext, qtbot: Any) -> None:
    assert said(page_of(gui_ctx, "auditor", "complaints", qtbot).empty_note, qtbot) == "No open complaints."


def test_a_list_with_complaints_says_nothing(world: AppContext, qtbot: Any) -> None:
    page = page_of(world, "lead", "complaints", qtbot)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    assert page.empty_note.text() == ""
