"""Head office's records of a branch say each record's status, level and category in the window's
language, with the words the branch's own pages use, not the codes the package carried; a drill
recorded afterwards (补录) says so, with its paper record, and a voided one says why."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from branchguard.core.complaints.types import ComplaintKind, ComplaintStatus
from branchguard.core.drills.types import ComplianceStatus, DrillStatus
from branchguard.core.hazards.types import HazardSeverity, HazardStatus
from branchguard.core.headoffice.types import DrillMarks, HoRecord
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


def _drill(source_id: str, status: str, score: float | None, marks: DrillMarks) -> HoRecord:
    return HoRecord("drills", source_id, "2026-11", "演练：火灾与疏散现场处置方案", "fire_evacuation", "",
                    status, OPENED, None, OPENED, score, marks)  # fmt: skip


ENTERED = datetime(2026, 11, 20, 8, 15, tzinfo=UTC)
PAPER = DrillMarks(True, "安全管理台账 2026 第 14 页", "王安全", ENTERED, "lead")
REASON = "录错了预案：实为 10 月 15 日在营业厅举行的防抢劫演练，纸质记录另见第 15 页，已另行补录"
VOIDED = replace(PAPER, voided=True, voided_at=ENTERED, voided_by="lead", void_reason=REASON)
RECORDS = [
    _drill("7", "evaluated", 86.0, PAPER),
    _drill("8", "cancelled", None, VOIDED),
    _drill("9", "evaluated", 90.0, DrillMarks()),  # run in BranchGuard
]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_drill_recorded_afterwards_and_a_voided_one_say_so(app: QApplication, lang: str) -> None:
    model = RecordsModel()
    model.set_rows(RECORDS)
    status = [model.index(row, RecordsModel.STATUS).data() for row in range(3)]
    zh = lang == "zh_CN"
    assert status[0] == ("已评估（补录）" if zh else "Evaluated (recorded afterwards)")
    shown = "录错了预案：实为 10 月 1…"  # the reason's start: the whole reason is in the detail
    assert status[1] == (f"已作废：{shown}" if zh else f"Voided: {shown}")
    assert status[2] == DrillStatus.EVALUATED.label
    paper = model.index(0, RecordsModel.STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert "安全管理台账 2026 第 14 页" in paper and "王安全" in paper
    assert ("纸质记录评估人" if zh else "Evaluated on paper by") in paper
    voided = model.drill_detail(RECORDS[1])
    assert VOIDED.void_reason in voided and ("作废原因" if zh else "Reason:") in voided
    assert model.index(2, RecordsModel.STATUS).data(Qt.ItemDataRole.ToolTipRole) in (None, "")


def test_the_records_view_shows_the_selected_drills_paper_record(app: QApplication, gui_ctx: Any) -> None:
    """The view a head office opens on a branch's drills: the selected drill's paper record and
    void under the table; nothing for a drill run in BranchGuard."""
    from branchguard.gui.headoffice.records import BranchRecordsDialog
    from branchguard.gui.kit.loader import pending
    from tests.gui.incidents.incident_support import session_for

    dialog = BranchRecordsDialog(session_for(gui_ctx, "lead"), "DEMO-0101", "城东支行", "drills")
    while pending():  # a branch's database: its own read is refused, then the rows are shown
        QApplication.processEvents()
    dialog._show(RECORDS)
    dialog.show()
    dialog.table.selectRow(1)
    assert dialog.detail.isVisible() and VOIDED.void_reason in dialog.detail.text()
    assert "Voided" in dialog.detail.text() and PAPER.reference in dialog.detail.text()
    dialog.table.selectRow(2)
    assert not dialog.detail.isVisible()
    dialog.close()
    dialog.deleteLater()


def test_a_long_title_or_reason_leaves_the_score_and_package_in_view(
    app: QApplication, gui_ctx: Any
) -> None:
    """Every column sized to its whole contents held Score and Package out of the dialog (960 px)
    behind a voided drill's reason and a long plan title; each column now stops at a third of it."""
    from branchguard.gui.headoffice.records import BranchRecordsDialog
    from branchguard.gui.kit.loader import pending
    from tests.gui.incidents.incident_support import session_for

    long_title = replace(RECORDS[0], summary="演练：" + "营业网点占用银行服务资源不合理现场处置方案" * 3)
    dialog = BranchRecordsDialog(session_for(gui_ctx, "lead"), "DEMO-0101", "城东支行", "drills")
    while pending():
        QApplication.processEvents()
    dialog._show([long_title, *RECORDS[1:]])
    dialog.show()
    QApplication.processEvents()
    header, room = dialog.table.horizontalHeader(), dialog.table.viewport().width()
    for column in (RecordsModel.SCORE, RecordsModel.PERIOD):
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= room, column
    tip = dialog.model.index(0, RecordsModel.SUMMARY).data(Qt.ItemDataRole.ToolTipRole)
    assert long_title.summary in tip  # cut in its cell, whole in its tip
    dialog.close()
    dialog.deleteLater()


def test_the_branches_drill_score_says_it_is_the_mean_of_every_drill_held(app: QApplication) -> None:
    """Beside "Last period 2026-12" a bare "Drill score" read as that month's, which the regional
    report gave otherwise (drills recorded afterwards in December were held in September)."""
    from branchguard.gui.headoffice.models import BranchesModel
    from tests.gui.test_models import branch_rollups

    model = BranchesModel()
    model.set_rows(branch_rollups(None))
    header = model.headerData(BranchesModel.SCORE, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    assert header == "Mean drill score"
    said = model.index(1, BranchesModel.SCORE).data(Qt.ItemDataRole.ToolTipRole)
    assert "Mean of the 2 evaluated drills head office holds, whenever held" in said and "88.5" in said
