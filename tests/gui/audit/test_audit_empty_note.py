"""The audit trail filtered to no event says that none matches, to the lead and the auditor alike
(unfiltered it is never empty: the branch's setting up is in it); with events listed it says nothing."""

from __future__ import annotations

from typing import Any

import pytest

from branchguard.context import AppContext
from tests.gui.empty_support import page_of


@pytest.mark.parametrize("user", ["lead", "auditor"])
def test_events_filtered_to_none_say_none_matches(gui_ctx: AppContext, qtbot: Any, user: str) -> None:
    page = page_of(gui_ctx, user, "audit", qtbot)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    assert page.empty_note.text() == ""
    page.search.setText("no such words anywhere")
    page.reload()
    qtbot.waitUntil(lambda: page.empty_note.text() == "No event matches these filters.")
