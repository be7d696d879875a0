"""A drill written from the Drills page (planned, run, counted, evaluated) reads the list once: it
read it twice, the window's re-read of the page in front and its own, each a window and a count of
ten years' plans on the pool beside whatever the write set going (a run: three reads)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from branchguard.core.drills.types import DrillPlanInput
from branchguard.gui.drills.page import DrillsPage
from tests.gui.incidents.incident_support import login


def test_a_write_reads_the_list_once_and_selects_what_it_wrote(
    open_window: Any, gui_ctx: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window("lead")
    page = window.show_page("drills")
    assert isinstance(page, DrillsPage)
    panel = page.list_panel
    when = datetime.now() + timedelta(days=3)
    plan = gui_ctx.services.drills.plan(login(gui_ctx, "lead"), DrillPlanInput("FIRE", when))
    reads: list[object] = []
    load = panel.pager.load
    monkeypatch.setattr(panel.pager, "load", lambda *args: (reads.append(args), load(*args)))
    panel._changed(plan.id)  # as each write ends (tests run the reads inline)
    assert len(reads) == 1
    selected = panel.selected()
    assert selected is not None and selected.id == plan.id
