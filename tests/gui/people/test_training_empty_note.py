"""The training records of a branch that has recorded none say how one is added (Add training…) to the
lead, or to add the staff first while the roster is empty; ticked to expiring ones, that none expires;
to the auditor only that there is none. With records listed they say nothing."""

from __future__ import annotations

from typing import Any

from branchguard.context import AppContext
from tests.gui.empty_support import page_of, said


def test_no_training_says_add_training_then_that_none_expires(gui_ctx: AppContext, qtbot: Any) -> None:
    tab = page_of(gui_ctx, "lead", "people", qtbot).team_tab
    assert said(tab.training_note, qtbot).startswith("No training recorded yet. Add training… records")
    tab.expiring.setChecked(True)
    qtbot.waitUntil(lambda: tab.training_note.text().startswith("No certificate expires within"))


def test_an_empty_roster_says_to_add_the_staff_first(empty_ctx: AppContext, qtbot: Any) -> None:
    empty_ctx.services.auth.create_first_lead("lead", "lead-demo-2026", "王建国")
    tab = page_of(empty_ctx, "lead", "people", qtbot).team_tab
    assert said(tab.training_note, qtbot) == (
        "No training recorded yet: add the staff on the Staff roster tab first."
    )


def test_the_auditor_is_told_there_is_none(gui_ctx: AppContext, qtbot: Any) -> None:
    tab = page_of(gui_ctx, "auditor", "people", qtbot).team_tab
    assert said(tab.training_note, qtbot) == "No training recorded yet."


def test_records_listed_say_nothing(world: AppContext, qtbot: Any) -> None:
    tab = page_of(world, "lead", "people", qtbot).team_tab
    qtbot.waitUntil(lambda: tab.training_model.rowCount() > 0)
    assert tab.training_note.text() == ""
