"""A hazard's detail dialog opened and shown as the register opens it, for a demo account."""

from __future__ import annotations

from typing import Any

from branchguard.context import AppContext
from branchguard.gui.hazards.detail import HazardDetailDialog
from tests.gui.incidents.incident_support import session_for


def open_detail(ctx: AppContext, qtbot: Any, hazard_id: int, username: str = "lead") -> HazardDetailDialog:
    dialog = HazardDetailDialog(session_for(ctx, username), hazard_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog
