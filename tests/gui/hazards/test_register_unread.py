"""A register that could not be read says so and counts nothing: with the database server away it
said "0 hazards shown · 0 major still open · 0 overdue" beside the error, a clean register at a glance."""

from __future__ import annotations

from typing import Any

from branchguard.context import AppContext
from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.kernel.i18n import Message
from branchguard.gui.hazards.page import HazardsPage
from tests.gui.incidents.incident_support import session_for


def test_a_register_not_read_shows_no_counts(gui_ctx: AppContext, qtbot: Any, monkeypatch) -> None:
    def gone(*args: Any, **kwargs: Any) -> Any:
        raise BranchGuardError(Message("fault.unreachable", server="db", error="refused"))

    real = gui_ctx.services.hazards.list
    monkeypatch.setattr(gui_ctx.services.hazards, "list", gone)
    page = HazardsPage(session_for(gui_ctx, "lead"))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert "cannot be reached" in page.message.text() and page.message.isVisible()
    assert page.counts.text() == ""
    monkeypatch.setattr(gui_ctx.services.hazards, "list", real)
    page.refresh()  # the server back
    assert not page.message.isVisible()
    assert "overdue" in page.counts.text().replace("\u2060", "")
