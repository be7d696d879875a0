"""Head office's records of a branch say each record's status, level and category in the window's
language, with the words the branch's own pages use, not the codes the package carried."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from branchguard.core.complaints.types import ComplaintKind, ComplaintStatus
from branchguard.core.drills.types import ComplianceStatus, DrillStatus
from branchguard.core.hazards.types import HazardSeverity, HazardStatus
from branchguard.core.headoffice.types import HoRecord
from branchguard.core.incidents.types import IncidentStatus
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Level
from branchguard.core.playbooks.types import IncidentCategory
from branchguard.gui.headoffice.models import RecordsModel

OPENED = datetime(2026, 11, 19, 2, tzinfo=UTC)


def record(kind: str, status: str, level: str = "", category: str = "") -> HoRecord:
    summary = "短信通知泄露了余额信息"
    return HoRecord(kind, "8", "2026-11", summary, category, level, status, OPENED, None, None, None)


def shown(records: list[HoRecord]) -> list[tuple[str, str]]:
    model = RecordsModel()
    model.set_rows(records)
    return [
        (model.index(row, RecordsModel.STATUS).data(), model.index(row, RecordsModel.LEVEL).data())
        for row in range(model.rowCount())
    ]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_each_kind_is_worded_as_the_branch_words_it(app: QApplication, lang: str) -> None:
    rows = shown(
        [
            record("complaints", "decided", "complaint", "privacy"),
            record("complaints", "withdrawn", "complaint", "our_own_category"),  # not a built-in one
            record("hazards", "open", "general"),
            record("incidents", "closed", "III", "fire_evacuation"),
            record("drills", "evaluated", "", "fire_evacuation"),
            record("inspections", "submitted"),
            record("compliance", "overdue"),
            record("actions", "open"),
            record("actions", "done"),
        ]
    )
    privacy = "个人信息保护" if lang == "zh_CN" else "Personal information"
    complaint = ComplaintKind.COMPLAINT.label
    fire = IncidentCategory.FIRE_EVACUATION.label
    assert rows[0] == (ComplaintStatus.DECIDED.label, f"{complaint} · {privacy}")
    assert rows[1] == (ComplaintStatus.WITHDRAWN.label, f"{complaint} · our_own_category")
    assert rows[2] == (HazardStatus.OPEN.label, HazardSeverity.GENERAL.label)
    assert rows[3] == (IncidentStatus.CLOSED.label, f"{Level.III.label} · {fire}")
    assert rows[4] == (DrillStatus.EVALUATED.label, fire)
    assert rows[5][0] == t("inspection_status.submitted")
    assert rows[6][0] == ComplianceStatus.OVERDUE.label
    assert rows[7][0].casefold() == t("cli.action.open").casefold()
    assert rows[8][0].casefold() == t("cli.action.done").casefold()
    if lang == "zh_CN":
        assert rows[0] == ("已依据处理", "投诉 · 个人信息保护") and rows[2] == ("待整改", "一般隐患")
        assert rows[7][0] == "未完成"
    else:
        assert rows[7][0] == "Open"  # a column's word, not the CLI's "open" in a sentence
    codes = {"decided", "withdrawn", "open", "closed", "evaluated", "submitted", "overdue", "done", "general"}
    if lang == "zh_CN":  # no English code left in a Chinese window
        assert not codes & {word for status, level in rows for word in (status, *level.split(" · "))}


def test_a_code_this_version_does_not_know_is_shown_as_sent(app: Any) -> None:
    assert shown([record("hazards", "archived_by_hq", "critical")]) == [("archived_by_hq", "critical")]
