"""The hazard register's Excel file read back with openpyxl: exactly the rows given, real local dates,
the header frozen and filterable, overdue rows filled, the filters sheet, and text kept as text."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from branchguard.core.hazards.types import HazardFilter, HazardSeverity, HazardStatus
from branchguard.core.kernel.i18n import set_language
from branchguard.reports.hazard_excel import COLUMNS, render_hazard_workbook, write_hazard_workbook
from branchguard.reports.workbook import OVERDUE_FILL
from tests.reports.hazard_samples import NOW, hazard, register

BRANCH = "示范银行城东支行营业部"


@pytest.fixture
def shanghai() -> Iterator[None]:
    """Local time is Asia/Shanghai (UTC+8) while the test runs."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def _open(tmp_path: Path, hazards: list, hazard_filter: HazardFilter) -> openpyxl.Workbook:
    out = write_hazard_workbook(
        tmp_path / "register.xlsx", hazards, hazard_filter, branch_name=BRANCH, generated_at=NOW
    )
    return openpyxl.load_workbook(out)


def test_holds_exactly_the_filtered_rows(tmp_path: Path, shanghai: None) -> None:
    everything = register()
    hazard_filter = HazardFilter(open_only=True, severity=HazardSeverity.MAJOR)
    chosen = [h for h in everything if h.status.is_open and h.severity == HazardSeverity.MAJOR]
    book = _open(tmp_path, chosen, hazard_filter)
    assert book.sheetnames == ["隐患台账", "筛选条件"]
    sheet = book["隐患台账"]
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header[:4] == ("编号", "等级", "状态", "逾期")
    assert [r[0] for r in body] == ["YH-2026-0012", "YH-2026-0002", "YH-2026-0005"]
    assert sheet.max_row == 4  # nothing below them
    first = dict(zip(header, body[0], strict=True))
    assert first["等级"] == "重大隐患" and first["状态"] == "待整改" and first["逾期"] == "逾期"
    assert first["隐患描述"] == "ATM 插卡口发现疑似加装装置，已报警并暂停该机具使用"
    assert first["部位"] == "自助银行区 2 号 ATM" and first["责任人"] == "王经理"
    # Real dates, in local time: opened 04:00 UTC is noon in Shanghai.
    assert first["发现时间"] == datetime(2026, 11, 17, 12, 0)
    assert sheet["H2"].number_format == "yyyy-mm-dd hh:mm"
    assert first["整改期限"] == datetime(2026, 11, 24) and sheet["I2"].is_date
    assert first["存续天数"] == 12
    remediated = dict(zip(header, body[2], strict=True))
    assert remediated["整改人"] == "staff" and isinstance(remediated["整改完成时间"], datetime)


def test_header_is_frozen_filterable_and_bold_and_columns_are_sized(tmp_path: Path) -> None:
    book = _open(tmp_path, register(), HazardFilter())
    sheet = book.worksheets[0]
    assert sheet.freeze_panes == "B2"
    assert sheet.auto_filter.ref == f"A1:{get_column_letter(len(COLUMNS))}6"
    assert all(cell.font.b for cell in sheet[1])
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABFH"}
    assert widths["F"] > widths["B"] >= 8  # the description gets the most room
    assert widths["A"] >= len("YH-2026-0012") and widths["H"] >= len("2026-11-17 12:00")
    assert sheet["F2"].alignment.wrap_text


def test_overdue_rows_are_filled_and_only_those(tmp_path: Path) -> None:
    hazards = register()
    sheet = _open(tmp_path, hazards, HazardFilter()).worksheets[0]
    for row, h in enumerate(hazards, start=2):
        colours = {sheet.cell(row=row, column=c).fill.fgColor.rgb for c in range(1, len(COLUMNS) + 1)}
        if h.overdue:
            assert colours == {"00" + OVERDUE_FILL.fgColor.rgb[2:]}, h.number
        else:
            assert "00" + OVERDUE_FILL.fgColor.rgb[2:] not in colours, h.number
    assert sum(h.overdue for h in hazards) == 1


def test_filters_sheet_states_the_filters_and_the_generation_time(tmp_path: Path, shanghai: None) -> None:
    hazard_filter = HazardFilter(
        statuses=(HazardStatus.OPEN,), owner="王经理", overdue_only=True, opened_from=date(2026, 11, 1)
    )
    book = _open(tmp_path, register()[:1], hazard_filter)
    facts = dict(book["筛选条件"].iter_rows(values_only=True))
    assert facts["网点"] == BRANCH
    assert facts["生成时间"] == datetime(2026, 11, 29, 12, 0)  # NOW in Shanghai
    assert facts["记录数"] == 1
    assert facts["状态"] == "待整改" and facts["责任人"] == "王经理" and facts["仅逾期"] == "是"
    assert facts["发现日期"] == "2026-11-01 起"


def test_english_workbook(tmp_path: Path) -> None:
    set_language("en")
    book = _open(tmp_path, register()[:2], HazardFilter())
    assert book.sheetnames == ["Hazards", "Filters"]
    header = next(book["Hazards"].iter_rows(values_only=True))
    assert header[:5] == ("No.", "Severity", "Status", "Overdue", "Location")
    facts = dict(book["Filters"].iter_rows(values_only=True))
    assert facts["Filters applied"] == "None: every hazard" and facts["Rows"] == 2


def test_text_stays_text(tmp_path: Path) -> None:
    """A description that looks like a formula is not run, and control characters Excel refuses
    are dropped rather than failing the export."""
    tricky = hazard(1, description='=HYPERLINK("http://example.com","点我")', owner="张\x07三")
    sheet = _open(tmp_path, [tricky], HazardFilter()).worksheets[0]
    assert sheet["F2"].data_type == "s" and sheet["F2"].value.startswith("=HYPERLINK")
    assert sheet["G2"].value == "张三"


def test_writes_whole_or_not_at_all(tmp_path: Path) -> None:
    missing = tmp_path / "no such folder" / "register.xlsx"
    with pytest.raises(OSError, match=r"register\.xlsx"):
        write_hazard_workbook(missing, register(), HazardFilter())
    assert not missing.parent.exists()
    data = render_hazard_workbook(register(), HazardFilter())
    assert data[:2] == b"PK"  # an .xlsx is a zip
