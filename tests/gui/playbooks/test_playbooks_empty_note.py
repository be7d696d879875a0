"""The plan list searched or filtered to none says that none matches (unfiltered the built-in plans are
always listed: it says nothing)."""

from __future__ import annotations

from typing import Any

from branchguard.context import AppContext
from tests.gui.empty_support import page_of


def test_plans_filtered_to_none_say_none_matches(gui_ctx: AppContext, qtbot: Any) -> None:
    plans = page_of(gui_ctx, "auditor", "playbooks", qtbot).list
    qtbot.waitUntil(lambda: plans.model.rowCount() > 0)
    assert plans.empty_note.text() == ""
    plans.search.setText("no such plan anywhere")
    plans.reload()
    qtbot.waitUntil(lambda: plans.empty_note.text() == "No plan matches the search and filters.")
