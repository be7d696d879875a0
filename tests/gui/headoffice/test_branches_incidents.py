"""The Branches page's Incidents column counts real incidents, drills not, as its By level column and
the regional report do: it showed every incident record, a drill's run among them (1 beside I 0 ·
II 0 · III 0 and a report's 0)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import Qt

from branchguard.core.headoffice.types import BranchRollup, HoRecord
from branchguard.core.kernel.i18n import t
from branchguard.gui.headoffice.models import BranchesModel, RecordsModel


def test_the_incidents_column_leaves_the_drills_runs_out(app) -> None:
    branch = BranchRollup(
        code="DEMO-0101", name="城东", fingerprint="ab", packages=1, last_period="2026-Q4",
        last_imported_at=None, ledger_seq=933, counts={"incidents": 5, "drills": 3},
        incidents_by_category={"FIRE": 2}, incidents_by_level={"II": 1, "III": 1},
        hazards_open=3, hazards_overdue=1, oldest_open_hazard_days=9, drills_evaluated=3,
        drill_score_average=81.0, drill_score_latest=81.0, actions_overdue=0,
    )  # fmt: skip
    model = BranchesModel()
    model.set_rows([branch])
    cell = model.index(0, BranchesModel.INCIDENTS)
    assert model.data(cell, Qt.ItemDataRole.DisplayRole) == "2" == str(branch.incidents)


def test_a_drills_run_among_the_incident_records_says_so(app) -> None:
    opened = datetime(2026, 11, 19, 2, tzinfo=UTC)
    run = HoRecord("incidents", "1", "2026-Q4", "营业大厅疏散专项演练", "fire_evacuation", "II", "closed",
                   opened, None, None, None, drill_run=True)  # fmt: skip
    model = RecordsModel()
    model.set_rows([run, replace(run, source_id="2", summary="网点突发事件", drill_run=False)])
    levels = [model.index(row, RecordsModel.LEVEL).data() for row in range(2)]
    assert levels[0].startswith(t("incident.drill_badge")) and t("incident.drill_badge") not in levels[1]
