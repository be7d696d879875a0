"""The Incidents list follows the open incidents the banner's poll reads: on the second PC of a shared
deployment an incident started on the first showed in the banner, not in the list until refreshed
by hand. A poll that finds them as before reads no list."""

from __future__ import annotations

from typing import Any

from branchguard.context import AppContext
from branchguard.core.incidents.types import IncidentStatus
from tests.gui.incidents.test_incidents_page import close, incidents_page, shown_ids, start


def test_the_list_follows_incidents_started_and_closed_elsewhere(
    open_window, gui_ctx: AppContext, monkeypatch
) -> None:
    window = open_window("lead")
    bar = window.incident_bar
    assert bar is not None
    page = incidents_page(window)
    assert shown_ids(page) == []
    incidents = gui_ctx.services.incidents
    reads: list[object] = []
    real = incidents.window

    def counted(*args: Any, **kwargs: Any) -> Any:
        reads.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(incidents, "window", counted)
    bar.reload()  # the poll: nothing open, as before
    assert reads == []
    fire = start(gui_ctx, "FIRE")  # on another PC: this window is told nothing
    bar.reload()
    assert shown_ids(page) == [fire] and len(reads) == 1
    bar.reload()  # as before: the list is not read again
    assert len(reads) == 1
    close(gui_ctx, fire)
    bar.reload()
    assert len(reads) == 2
    assert [s.status for s in page.list_panel.shown()] == [IncidentStatus.CLOSED]
