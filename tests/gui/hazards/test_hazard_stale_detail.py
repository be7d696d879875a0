"""Two PCs on one hazard: PC1 has its detail open, PC2 names a new owner and location (and raises the
severity), PC1 edits the description and saves. Found: the save put back PC1's old owner and location
without a word (the reminders went to the old owner), or, with the severity raised, failed with
"Reason: is required" (PC1's stale severity read as a downgrade). Now nothing is saved, the detail
says the hazard changed elsewhere and shows it as it is now, PC1's typing kept in its field
(test_hazard_stale_keeps_typing.py)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from branchguard.context import AppContext, open_context
from branchguard.core.hazards import rules
from branchguard.core.hazards.types import HazardInput, HazardSeverity
from branchguard.gui.hazards.detail import HazardDetailDialog
from tests.gui.incidents.incident_support import login, session_for


@pytest.mark.parametrize("severity", [HazardSeverity.GENERAL, HazardSeverity.MAJOR])
def test_a_save_over_another_pcs_change_is_refused_and_shows_the_hazard_afresh(
    gui_ctx: AppContext, fresh_data_dir: Path, qtbot: Any, severity: HazardSeverity
) -> None:
    lead = login(gui_ctx, "lead")
    made = gui_ctx.services.hazards.create(
        lead, HazardInput(description="灭火器压力不足", location="营业厅", owner="李娜")
    )
    pc1 = HazardDetailDialog(session_for(gui_ctx, "lead"), made.info.id)
    qtbot.addWidget(pc1)
    pc1.show()

    pc2 = open_context(fresh_data_dir)  # the same database from another PC
    try:
        change = HazardInput(
            description="灭火器压力不足", severity=severity, location="PC2 的位置", owner="王建国"
        )
        pc2.services.hazards.update(login(pc2, "lead"), made.info.id, change)
    finally:
        pc2.close()

    pc1.fields.description.setPlainText("PC1 的描述")
    assert not pc1.save()
    assert pc1.confirm_dialog is None  # no reason asked for: PC1 lowered nothing
    assert made.info.number in pc1.message.text() and not pc1.message.isHidden()
    stored = gui_ctx.services.hazards.get(lead, made.info.id).info
    assert (stored.owner, stored.location, stored.description) == ("王建国", "PC2 的位置", "灭火器压力不足")
    # the form shows the hazard as it is now, with the description PC1 typed kept in its field
    assert pc1.fields.values() == replace(rules.as_edited(stored), description="PC1 的描述")
    assert pc1.badge.text().strip() == severity.label

    assert pc1.save()  # saved again over what is now shown: PC2's owner and location stay
    stored = gui_ctx.services.hazards.get(lead, made.info.id).info
    assert (stored.owner, stored.location, stored.description) == ("王建国", "PC2 的位置", "PC1 的描述")
