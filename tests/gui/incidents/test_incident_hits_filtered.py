"""The Incidents list's "Log entries found" are searched among the incidents the other filters
select: a date range shows its own older entries, however many newer ones match elsewhere."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QDate
from sqlalchemy import update

from branchguard.context import AppContext
from branchguard.core.incidents.types import EntryKind
from branchguard.db.models.incidents import IncidentRow
from branchguard.gui.incidents import list_view
from branchguard.gui.incidents.models import SearchHitsModel
from branchguard.gui.incidents.page import IncidentsPage
from tests.gui.incidents.incident_support import cells, login


def _three_recent(gui_ctx: AppContext) -> None:
    """An incident of today with three log entries that a search for 监控画面 finds."""
    actor, incidents = login(gui_ctx, "lead"), gui_ctx.services.incidents
    new = incidents.start(actor, "ROB").id
    for n in range(3):
        incidents.log(actor, new, EntryKind.OBSERVATION, f"监控画面恢复 {n}")


def _list_panel(open_window) -> Any:
    page = open_window("lead").show_page("incidents")
    assert isinstance(page, IncidentsPage)
    return page.list_panel


def test_entries_found_are_those_of_the_filtered_incidents(
    open_window, gui_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(list_view, "HITS_SHOWN", 2)  # fewer than the newer matches below
    actor, incidents = login(gui_ctx, "lead"), gui_ctx.services.incidents
    old = incidents.start(actor, "FIRE").id
    incidents.log(actor, old, EntryKind.OBSERVATION, "监控画面中断")
    with gui_ctx.engine.begin() as conn:
        when = datetime(2017, 6, 1, 2, tzinfo=UTC)
        conn.execute(update(IncidentRow).where(IncidentRow.id == old).values(started_at=when))
    _three_recent(gui_ctx)
    panel = _list_panel(open_window)
    panel.date_check.setChecked(True)
    panel.date_from.setDate(QDate(2017, 1, 1))
    panel.date_to.setDate(QDate(2017, 12, 31))
    panel.search.setText("监控画面")
    panel.reload()
    assert [s.id for s in panel.shown()] == [old]
    assert cells(panel.hits_model, SearchHitsModel.COL_TEXT) == ["监控画面中断"]
    assert panel.hits_label.text() == "Log entries found: 1"


def test_more_entries_found_than_shown_are_said_to_be_more(
    open_window, gui_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found beyond the newest shown: the label says there are more and how to reach them, not
    "found: 2" of three (at ten years a common word showed "found: 200" of thousands)."""
    monkeypatch.setattr(list_view, "HITS_SHOWN", 2)
    _three_recent(gui_ctx)
    panel = _list_panel(open_window)
    panel.search.setText("监控画面")
    panel.reload()
    assert cells(panel.hits_model, SearchHitsModel.COL_TEXT) == ["监控画面恢复 2", "监控画面恢复 1"]
    assert panel.hits_label.text().startswith("Log entries found: more than 2, the newest 2 shown")
    panel.search.setText("监控画面恢复 0")  # words that narrow it to fewer than shown
    panel.reload()
    assert cells(panel.hits_model, SearchHitsModel.COL_TEXT) == ["监控画面恢复 0"]
    assert panel.hits_label.text() == "Log entries found: 1"
