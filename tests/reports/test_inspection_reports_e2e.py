"""The inspection report and the hazard register through the real services, on SQLite and PostgreSQL:
an inspection run, failed, submitted and amended, and five hazards of which the chosen filters pick
exactly two."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

import openpyxl
import pytest
from PIL import Image

from branchguard.context import AppContext
from branchguard.core.hazards.types import HazardFilter, HazardInput, HazardSeverity, RemediationKind
from branchguard.core.inspections.types import InspectionInput, ItemResult, SignatureRole
from branchguard.core.kernel.types import Actor, Role
from branchguard.reports.hazard_excel import build_hazard_workbook
from branchguard.reports.hazard_register import build_hazard_register
from branchguard.reports.inspection_report import build_inspection_report

if TYPE_CHECKING:
    from tests.reports.conftest import Pdf

LEAD = Actor(user_id=None, username="lead", role=Role.LEAD)
STAFF = Actor(user_id=None, username="staff", role=Role.STAFF)


@dataclass
class Branch:
    ctx: AppContext
    tmp: Path


@pytest.fixture
def branch(ctx: AppContext, tmp_path: Path) -> Branch:
    """An empty branch database (SQLite, then PostgreSQL): the built-in templates and nothing else."""
    return Branch(ctx, tmp_path)


def _photo(tmp: Path, name: str, colour: str) -> Path:
    path = tmp / name
    Image.new("RGB", (1200, 900), colour).save(path)
    return path


def test_inspection_report_through_the_services(branch: Branch, pdf: type[Pdf]) -> None:
    insp, hazards, tmp = branch.ctx.services.inspections, branch.ctx.services.hazards, branch.tmp
    run = insp.start(STAFF, "FIRE_DAILY", InspectionInput(location="营业大厅"))
    iid = run.info.id
    insp.answer(
        STAFF, iid, 2, ItemResult.FAIL, "西侧安全出口被纸箱堵塞", [_photo(tmp, "出口堵塞.jpg", "red")]
    )
    insp.answer(STAFF, iid, 3, ItemResult.FAIL, "", [_photo(tmp, "gone.jpg", "blue")])
    insp.answer_rest(STAFF, iid)
    insp.sign(STAFF, iid, SignatureRole.INSPECTOR, "张三")
    insp.sign(STAFF, iid, SignatureRole.REVIEWER, "王经理")
    submitted = insp.submit(STAFF, iid)
    insp.amend(LEAD, iid, 6, ItemResult.FAIL, "复核发现消防控制室无人值守", note="值班人员离岗")
    # The blue photo is then lost from the store: the report names it and still comes out.
    gone = submitted.answers[2].photos[0]
    (branch.ctx.data_dir / "attachments" / gone.sha256[:2] / gone.sha256).unlink()

    out = tmp / "inspection.pdf"
    build_inspection_report(branch.ctx.services, LEAD, iid, out)
    text = pdf.squashed(pdf.text(out))
    opened = hazards.list(LEAD, HazardFilter(inspection_id=iid))
    assert len(opened) == 3  # two failed at submit, one by the amendment
    for needle in (
        f"检查记录#{iid}",
        "防火巡查",
        "营业大厅",
        "安全出口、疏散通道畅通，未上锁、未堵塞",
        "西侧安全出口被纸箱堵塞",
        "×不合格",
        "√合格",
        "第2项：出口堵塞.jpg",
        "gone.jpg：",
        *(h.number for h in opened),
        "复核发现消防控制室无人值守",
        "已更正，原为合格",
        "张三",
        "王经理",
    ):
        assert needle in text, needle


def test_register_pdf_and_excel_hold_exactly_the_filtered_hazards(branch: Branch, pdf: type[Pdf]) -> None:
    hazards, tmp = branch.ctx.services.hazards, branch.tmp
    made = {
        name: hazards.create(LEAD, HazardInput(description, severity, location="营业大厅", owner="张三")).info
        for name, description, severity in (
            ("vault", "金库双人管库制度未落实", HazardSeverity.MAJOR),
            ("atm", "ATM 插卡口发现疑似加装装置", HazardSeverity.MAJOR),
            ("panic", "紧急按钮未能联通报警中心", HazardSeverity.MAJOR),
            ("sign", "安全出口指示灯不亮", HazardSeverity.GENERAL),
            ("lamp", "应急照明灯电池老化", HazardSeverity.GENERAL),
        )
    }
    # One major hazard is fixed, verified by a second person and closed: no longer open.
    panic = made["panic"].id
    for kind in (RemediationKind.INTERIM_CONTROL, RemediationKind.PLAN, RemediationKind.HEAD_OFFICE_REPORT):
        hazards.add_step(STAFF, panic, kind, "已按制度办理")  # its milestones, as closing needs
    hazards.add_step(STAFF, panic, RemediationKind.ACTION, "更换报警主机通信模块")
    hazards.remediate(STAFF, panic)
    hazards.verify(LEAD, panic, "复查合格")
    hazards.close(LEAD, panic, "销号")

    chosen = HazardFilter(open_only=True, severity=HazardSeverity.MAJOR)
    expected = {made["vault"].number, made["atm"].number}
    assert {h.number for h in hazards.list(LEAD, chosen)} == expected

    workbook = tmp / "register.xlsx"
    build_hazard_workbook(branch.ctx.services, LEAD, chosen, workbook)
    sheet = openpyxl.load_workbook(workbook).worksheets[0]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert {r[0] for r in rows} == expected and len(rows) == 2
    assert {r[5] for r in rows} == {"金库双人管库制度未落实", "ATM 插卡口发现疑似加装装置"}
    # A major hazard's policy milestones: interim control in 24 h, a plan in 3 days, report upwards.
    header = next(sheet.iter_rows(max_row=1, values_only=True))
    vault = dict(zip(header, next(r for r in rows if r[0] == made["vault"].number), strict=True))
    assert vault["临时管控期限"] < vault["整改方案期限"] < datetime.combine(vault["整改期限"], time.max)
    assert vault["须上报上级行"] == "是"

    register = tmp / "register.pdf"
    build_hazard_register(branch.ctx.services, LEAD, chosen, register)
    text = pdf.squashed(pdf.text(register))
    assert set(re.findall(r"[A-Z]+-\d{4}-\d{4}", text)) == expected
    assert "金库双人管库制度未落实" in text and "安全出口指示灯不亮" not in text
    assert "共列出2条隐患" in text
