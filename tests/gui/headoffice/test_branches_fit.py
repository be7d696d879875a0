"""Head office's Branches page at 1024×768: a busy branch's breakdown (every incident category, every
drill rule) stays readable below the table, scrolled to rather than cut off at the window's edge."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from branchguard.app import build_main_window
from branchguard.context import AppContext, open_context
from branchguard.core.headoffice.types import BranchRollup
from branchguard.core.incidents.types import IncidentCategory
from branchguard.gui.headoffice.page import HeadOfficePage
from tests.gui.fit_support import SMALL, fit_problems

HO_PASSWORD = "head-office-2026!"
RULES = ("COMPREHENSIVE", "FIRE_EVAC", "ONSITE", "ROBBERY", "SERVICE_INCIDENT")


@pytest.fixture(params=["zh_CN", "en"])
def head_office(tmp_path: Path, app: QApplication, request: Any) -> Iterator[AppContext]:
    made = open_context(tmp_path / "ho", lang=request.param)
    made.services.headoffice.init("华东区总行", "admin", HO_PASSWORD)
    made.close()
    ctx = open_context(tmp_path / "ho", lang=request.param)  # opened again: now head office's
    yield ctx
    ctx.close()


def _busy(code: str) -> BranchRollup:
    """A branch whose packages held an incident of every category and five drill rules."""
    return BranchRollup(
        code=code,
        name="示范银行城东支行",
        fingerprint="3749eace8de04bac",
        packages=7,
        last_period="2026-11",
        last_imported_at=None,
        ledger_seq=41883,
        counts={"incidents": 175, "actions": 40, "drills": 46, "inspections": 700, "hazards": 500},
        incidents_by_category={c.value: 5 for c in IncidentCategory},
        incidents_by_level={"I": 2, "II": 23, "III": 104},
        hazards_open=44,
        hazards_overdue=35,
        oldest_open_hazard_days=322,
        drills_evaluated=46,
        drill_score_average=84.4,
        drill_score_latest=88.0,
        actions_overdue=3,
        compliance=dict.fromkeys(RULES, "on_time"),
    )


def test_a_busy_branchs_breakdown_is_not_cut_off_at_1024x768(head_office: AppContext, qtbot: Any) -> None:
    window = build_main_window(head_office, head_office.services.auth.login("admin", HO_PASSWORD))
    qtbot.addWidget(window)
    window.resize(SMALL)
    window.show()
    page = window.show_page("headoffice")
    assert isinstance(page, HeadOfficePage)
    qtbot.waitUntil(lambda: not page.loader.busy(), timeout=10_000)
    page._show([_busy("B001"), _busy("B002")])
    page.table.selectRow(1)
    for _ in range(5):
        QCoreApplication.processEvents()
    assert "B002" in page.detail.text()
    assert window.size() == SMALL
    assert not fit_problems(window), fit_problems(window)
