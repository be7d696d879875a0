"""`branchguard report inspection ID -o FILE.pdf` and `report hazards -o FILE.pdf|FILE.xlsx` with the
register's filters, in-process, on records made through the services."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import openpyxl
import pytest
from PIL import Image

from branchguard.context import open_context
from branchguard.core.hazards.types import HazardInput, HazardSeverity
from branchguard.core.inspections.types import InspectionInput, ItemResult, SignatureRole
from branchguard.core.kernel.types import Actor, Role
from tests.cli.cli_support import Run, invoke, with_lead

LEAD = Actor(user_id=None, username="lead", role=Role.LEAD)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A branch with one submitted inspection (items 2 and 6 failed: a major and a general hazard
    opened) and two hazards entered by hand, one of them major and owned by 王经理."""
    data = tmp_path / "data"
    ctx = open_context(data)
    try:
        insp, hazards = ctx.services.inspections, ctx.services.hazards
        iid = insp.start(LEAD, "FIRE_DAILY", InspectionInput(location="营业大厅")).info.id
        photo = tmp_path / "出口.png"
        Image.new("RGB", (640, 480), "red").save(photo)
        insp.answer(LEAD, iid, 2, ItemResult.FAIL, "西侧安全出口被纸箱堵塞", [photo])
        insp.answer(LEAD, iid, 5, ItemResult.FAIL, "防火门被木楔顶开")
        insp.answer_rest(LEAD, iid)
        insp.sign(LEAD, iid, SignatureRole.INSPECTOR, "张三")
        insp.submit(LEAD, iid)
        hazards.create(LEAD, HazardInput("金库双人管库制度未落实", HazardSeverity.MAJOR, owner="王经理"))
        hazards.create(LEAD, HazardInput("宣传栏松动", HazardSeverity.GENERAL, owner="王经理"))
    finally:
        ctx.close()
    return with_lead(data)


@pytest.fixture
def run(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    return lambda *args, lang="zh_CN": invoke(capsys, data_dir, args, lang)


def _text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return "".join(out.split())


def test_report_inspection_writes_the_pdf(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "检查记录.pdf"
    code, stdout, err = run("report", "inspection", "1", "-o", str(out))
    assert code == 0, err
    assert stdout.strip() == str(out)
    text = _text(out)
    for needle in (
        "检查记录#1",
        "防火巡查",
        "西侧安全出口被纸箱堵塞",
        "防火门被木楔顶开",
        "第2项：出口.png",
    ):
        assert needle in text, needle


def test_report_hazards_as_excel_holds_exactly_the_filtered_rows(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "register.xlsx"
    code, stdout, err = run("report", "hazards", "-o", str(out), "--open", "--severity", "major")
    assert code == 0, err
    assert stdout.strip() == str(out)
    book = openpyxl.load_workbook(out)
    rows = list(book.worksheets[0].iter_rows(min_row=2, values_only=True))
    # The failed exit (major) and the vault (major); not the fire door nor the notice board.
    assert sorted(r[5].split("\n")[0] for r in rows) == ["西侧安全出口被纸箱堵塞", "金库双人管库制度未落实"]
    facts = dict(book.worksheets[1].iter_rows(values_only=True))
    assert facts["隐患等级"] == "重大隐患" and facts["记录数"] == 2


def test_report_hazards_as_pdf_with_an_owner_filter(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "register.PDF"  # the suffix is read without regard to case
    code, _stdout, err = run("report", "hazards", "-o", str(out), "--owner", "王经理", lang="en")
    assert code == 0, err
    text = _text(out)
    assert "Hazardregister" in text and "Owner王经理" in text
    assert "金库双人管库制度未落实" in text and "宣传栏松动" in text
    assert "西侧安全出口被纸箱堵塞" not in text


def test_an_unknown_suffix_is_a_usage_error_and_writes_nothing(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "register.csv"
    code, stdout, err = run("report", "hazards", "-o", str(out), lang="en")
    assert (code, stdout) == (2, "")
    assert err.strip() == f"branchguard: error: {out}: the file name must end in .pdf or .xlsx"
    assert not out.exists()
    code, _stdout, err = run("report", "hazards", "-o", str(out))
    assert code == 2 and "文件名须以 .pdf 或 .xlsx 结尾" in err


def test_bad_filters_and_missing_inspection_are_clear_errors(run: Run, tmp_path: Path) -> None:
    code, _stdout, err = run("report", "hazards", "-o", str(tmp_path / "x.pdf"), "--status", "lost")
    assert code == 2 and "--status" in err and "无效的选项" in err  # argparse's words in Chinese too
    code, _stdout, err = run("report", "hazards", "-o", str(tmp_path / "x.pdf"), "--from", "2026-13-01")
    assert code == 2 and "--from" in err
    out = tmp_path / "none.pdf"
    code, stdout, err = run("report", "inspection", "99", "-o", str(out))
    assert code == 1 and stdout == "" and err.startswith("branchguard：错误：") and "99" in err
    assert not out.exists()


def test_hazard_list_and_report_hazards_agree_on_the_same_options(run: Run, tmp_path: Path) -> None:
    """An inspection run through the command line, then the register listed and exported with the
    same filter options: the same hazards, in the same order."""
    photo = tmp_path / "ups.png"
    Image.new("RGB", (320, 240), "gray").save(photo)
    code, out, err = run("inspection", "start", "POWER")
    assert code == 0, err
    iid = out.strip()
    for item in ("1", "2"):
        code, _out, err = run(
            "inspection", "answer", iid, item, "fail", "--note", "不合格", "--photo", str(photo)
        )
        assert code == 0, err
    assert run("inspection", "answer", iid, "rest", "pass")[0] == 0
    code, _out, err = run("inspection", "submit", iid, "--inspector", "李四")
    assert code == 0, err

    options = ("--open", "--owner", "李四")
    code, out, err = run("hazard", "list", "--json", *options)
    assert code == 0, err
    listed = [h["number"] for h in json.loads(out)]
    assert len(listed) == 2
    workbook = tmp_path / "mine.xlsx"
    assert run("report", "hazards", "-o", str(workbook), *options)[0] == 0
    rows = list(openpyxl.load_workbook(workbook).worksheets[0].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == listed
    report = tmp_path / "inspection.pdf"
    assert run("report", "inspection", iid, "-o", str(report))[0] == 0
    text = _text(report)
    assert "备用电源" in text and "李四" in text and all(number in text for number in listed)
