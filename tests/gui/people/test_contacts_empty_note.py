"""The emergency contacts, searched or filtered to none, say that none matches (unfiltered the built-in
contacts are always listed: they say nothing)."""

from __future__ import annotations

from typing import Any

from branchguard.context import AppContext
from tests.gui.empty_support import page_of


def test_contacts_filtered_to_none_say_none_matches(gui_ctx: AppContext, qtbot: Any) -> None:
    tab = page_of(gui_ctx, "auditor", "people", qtbot).contacts_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0)
    assert tab.empty_note.text() == ""
    tab.search.setText("no such contact anywhere")
    tab.reload()
    qtbot.waitUntil(lambda: tab.empty_note.text() == "No contact matches the search and filters.")
