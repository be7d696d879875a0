"""The live-incident banner is not taken down by a read that fails: the database server of a shared
deployment gone a moment (restarted) hid the banner of a live fire on both PCs until it was back."""

from __future__ import annotations

from typing import Any

from branchguard.context import AppContext
from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.kernel.i18n import Message
from tests.gui.incidents.incident_support import login


def test_a_failed_read_keeps_the_open_incident_shown(open_window, gui_ctx: AppContext, monkeypatch) -> None:
    fire = gui_ctx.services.incidents.start(login(gui_ctx, "lead"), "FIRE").id
    window = open_window("staff")
    bar = window.incident_bar
    assert bar is not None
    bar.reload()
    assert [i.id for i in bar.banner.open_incidents()] == [fire] and bar.banner.isVisible()

    def gone(*args: Any, **kwargs: Any) -> Any:
        raise BranchGuardError(Message("fault.unreachable", server="db", error="refused"))

    monkeypatch.setattr(gui_ctx.services.incident_probe, "any_open", gone)
    bar.reload()  # the poll, while the server is away
    assert [i.id for i in bar.banner.open_incidents()] == [fire] and bar.banner.isVisible()
    assert bar.console_action.isEnabled()
