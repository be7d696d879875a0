"""Lists name people as the reports do: the incidents, hazards, inspections and complaints lists
show an account's display name (王建国), not its login (lead), once the page has read the names."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt

from branchguard.context import AppContext
from branchguard.core.complaints.types import ComplaintInput
from branchguard.core.hazards.types import HazardInput
from branchguard.db.base import utcnow
from branchguard.gui.complaints.models import ComplaintListModel
from branchguard.gui.hazards.models import HazardListModel
from branchguard.gui.incidents.models import IncidentListModel
from branchguard.gui.inspections.models import InspectionHistoryModel
from branchguard.gui.inspections.runner import InspectionRunner
from branchguard.gui.kit.writer import writer
from tests.core.inspections.inspection_helpers import run_inspection
from tests.gui.incidents.incident_support import login, session_for


def column(model: Any, col: int) -> list[str]:
    return [model.index(row, col).data() for row in range(model.rowCount())]


def test_every_list_names_the_lead_by_display_name(open_window: Any, gui_ctx: AppContext, qtbot: Any) -> None:
    lead = login(gui_ctx, "lead")
    services = gui_ctx.services
    services.incidents.start(lead, "FIRE")
    services.hazards.create(lead, HazardInput(description="灯箱松动", location="自助区", owner="李安全"))
    run_inspection(gui_ctx, lead)
    complaint = services.complaints.register(
        lead,
        ComplaintInput(
            channel="counter", received_at=utcnow() - timedelta(hours=1), customer_name="张三丰",
            customer_phone="13800138000", category="attitude", request="排队太久",
        ),
    ).info.id  # fmt: skip
    services.complaints.assign(lead, complaint, "lead")
    window = open_window("lead")

    page = window.show_page("incidents")
    page.tabs.setCurrentIndex(0)  # type: ignore[union-attr]  # the open incident's console came up in front
    incidents = page.list_panel.model  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "王建国" in column(incidents, IncidentListModel.COL_BY))
    assert "lead" not in column(incidents, IncidentListModel.COL_BY)

    hazards = window.show_page("hazards").model  # type: ignore[union-attr]
    opened = [hazards.index(r, HazardListModel.COL_OPENED) for r in range(hazards.rowCount())]
    qtbot.waitUntil(lambda: any(i.data(Qt.ItemDataRole.ToolTipRole).endswith("· 王建国</p>") for i in opened))

    history = window.show_page("inspections").overview.history_model  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "王建国" in column(history, InspectionHistoryModel.COL_INSPECTOR))

    complaints = window.show_page("complaints").model  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: column(complaints, ComplaintListModel.COL_HANDLER) == ["王建国"])


def test_the_inspection_runner_says_who_started_it_by_name(gui_ctx: AppContext, qtbot: Any) -> None:
    session = session_for(gui_ctx, "staff")  # the demo's staff account: 李晓梅
    started = gui_ctx.services.inspections.start(session.actor, "FIRE_DAILY")
    runner = InspectionRunner(session, started.info.id)
    qtbot.addWidget(runner)
    runner.show()
    qtbot.waitUntil(lambda: "started by 李晓梅" in runner.subtitle.text())
    writer().wait()
