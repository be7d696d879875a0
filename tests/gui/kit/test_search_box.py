"""The window's search boxes take no more than a list's search accepts (`validation.SEARCH_LIMIT`):
a pasted page of text is cut there instead of reaching the service, which refuses it."""

from __future__ import annotations

from typing import Any

from branchguard.context import AppContext
from branchguard.core.kernel.validation import SEARCH_LIMIT
from branchguard.gui.incidents.start import StartIncidentDialog
from branchguard.gui.kit.search_box import SearchBox
from tests.gui.incidents.incident_support import session_for

PASTED = "ab " * 20_000


def test_every_search_box_takes_what_a_search_accepts(qtbot: Any) -> None:
    box = SearchBox("probe_search")
    qtbot.addWidget(box)
    assert box.maxLength() == SEARCH_LIMIT
    box.setText(PASTED)
    assert box.text() == PASTED[:SEARCH_LIMIT]


def test_each_list_page_s_search_is_a_search_box(open_window: Any) -> None:
    """Each list page's search is a `SearchBox`, so the limit holds on every page."""
    window = open_window("lead")
    for page_id in ("incidents", "playbooks", "hazards", "people", "audit"):
        assert window.show_page(page_id) is not None, page_id
    boxes = {box.objectName(): box.maxLength() for box in window.findChildren(SearchBox)}
    expected = {"incidents_search", "playbook_search", "hazards_search", "person_search", "audit_search"}
    assert expected <= boxes.keys()
    assert set(boxes.values()) == {SEARCH_LIMIT}


def test_the_start_dialog_s_plan_search_takes_as_much(gui_ctx: AppContext, qtbot: Any) -> None:
    dialog = StartIncidentDialog(session_for(gui_ctx, "lead"))
    qtbot.addWidget(dialog)
    dialog.filter.setText(PASTED)
    assert len(dialog.filter.text()) == SEARCH_LIMIT
