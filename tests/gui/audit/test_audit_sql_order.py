"""The audit list is ordered in SQL over every event the filter selects, like the other long
lists: a header click reads the trail again in that order (not only the rows read so far), and
the count under it gives the total, counted by the database."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from branchguard.context import AppContext
from branchguard.core.audit.service import PAGE, AuditFilter
from branchguard.db.base import utcnow
from branchguard.db.models.foundation import AuditEventRow
from branchguard.gui.audit.models import AuditModel
from branchguard.gui.audit.page import AuditPage
from branchguard.gui.shell.session import GuiSession
from tests.gui.audit.test_audit_page import shown
from tests.gui.kit.test_windowed_rules import click_header

EXTRA = 2 * PAGE + 30  # more than the first window holds


@pytest.fixture
def session(gui_ctx: AppContext) -> GuiSession:
    return GuiSession(gui_ctx, gui_ctx.services.auth.login("lead", "lead-demo-2026"))


def _page(session: GuiSession, qtbot: Any) -> AuditPage:
    page = AuditPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()  # showing refreshes
    return page


def _bulk(session: GuiSession) -> None:
    """Events a day apart, the oldest years back: far outside the first window."""
    now = utcnow()
    with session.ctx.sessions.begin() as s:
        s.add_all(
            AuditEventRow(at=now - timedelta(days=i + 1), actor="lead", action="user.login", entity="user",
                          entity_id=str(i), summary=f"bulk {i}")
            for i in range(EXTRA)
        )  # fmt: skip


def test_clicking_time_orders_every_event_and_the_count_gives_the_total(session, qtbot) -> None:
    _bulk(session)
    every = session.services.audit.list(session.actor, AuditFilter(limit=100_000))
    page = _page(session, qtbot)
    assert [r.id for r in shown(page)] == [r.id for r in every[:PAGE]]
    table = page.table
    table.resize(1000, 400)
    click_header(table, AuditModel.COL_TIME)  # newest first → oldest first, over the whole trail
    assert [r.id for r in shown(page)] == [r.id for r in reversed(every)][:PAGE]
    assert page.count_label.text() == f"{PAGE} of {len(every)} events shown; scroll for more"


def test_the_record_column_orders_numbers_as_numbers(session, qtbot) -> None:
    _bulk(session)
    page = _page(session, qtbot)
    page.search.setText("bulk 1")  # bulk 1, 10…19, 100…199: ids 1, 10, 100 …
    page.reload()
    page.table.sortByColumn(AuditModel.COL_ID, Qt.SortOrder.AscendingOrder)
    ids = [r.entity_id for r in shown(page)]
    assert ids[:3] == ["1", "10", "11"] and ids.index("19") < ids.index("100")
    assert page.count_label.text() == f"{len(ids)} events shown" == "111 events shown"
