"""The hazard register PDF read back as a user would: the filters stated, the counts, exactly the
rows given, Chinese intact and extractable, long text wrapped, overdue rows banded red, landscape."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image

from branchguard.core.hazards.types import HazardFilter, HazardSeverity, HazardStatus
from branchguard.core.kernel.i18n import set_language, t
from branchguard.reports.fonts import find_cjk_font
from branchguard.reports.hazard_register import OVERDUE_BAND, render_hazard_register
from tests.reports.hazard_samples import hazard, register

if TYPE_CHECKING:
    from tests.reports.conftest import Pdf

BRANCH = "示范银行城东支行营业部"
LONG = "配电间消防通道堆放纸箱杂物，阻挡灭火器取用，且应急照明灯具外罩破损需要更换。" * 5


def _write(tmp_path: Path, hazards: list, hazard_filter: HazardFilter, name: str = "register.pdf") -> Path:
    data, _pages = render_hazard_register(hazards, hazard_filter, find_cjk_font(), branch_name=BRANCH)
    out = tmp_path / name
    out.write_bytes(data)
    return out


def _band_pixels(path: Path, tmp_path: Path, page: int = 1) -> int:
    """Pixels in the overdue band's colour on `page` (nothing else in the register uses it)."""
    prefix = tmp_path / f"band{page}"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", str(page), "-l", str(page), str(path), str(prefix)], check=True
    )
    image = Image.open(next(tmp_path.glob(f"band{page}*.png"))).convert("RGB")
    want = tuple(round(c * 255) for c in OVERDUE_BAND.rgb())
    return sum(1 for px in image.get_flattened_data() if px == want)


def test_register_states_its_filters_counts_and_lists_exactly_the_rows_given(
    pdf: type[Pdf], tmp_path: Path
) -> None:
    everything = register()
    chosen = [h for h in everything if h.status.is_open and h.severity == HazardSeverity.MAJOR]
    assert [h.number for h in chosen] == ["YH-2026-0012", "YH-2026-0002", "YH-2026-0005"]
    out = _write(
        tmp_path, chosen, HazardFilter(open_only=True, severity=HazardSeverity.MAJOR, owner="王经理")
    )
    text = pdf.squashed(pdf.text(out))
    for needle in (
        BRANCH,
        "隐患台账",
        "筛选条件",
        "未验收（待整改、已整改）",
        "隐患等级重大隐患",
        "责任人王经理",
        "共列出3条隐患，其中逾期1条。",
        "ATM插卡口发现疑似加装装置，已报警并暂停该机具使用",
        "金库双人管库制度未落实",
        "紧急按钮未能联通报警中心",
        "自助银行区2号ATM",
        "存续天数",
        "逾期",
    ):
        assert needle in text, needle
    # Exactly the rows given: the hazards left out by the filter are nowhere.
    listed = set(re.findall(r"YH-\d{4}-\d{4}", text))
    assert listed == {"YH-2026-0012", "YH-2026-0002", "YH-2026-0005"}
    assert "安全出口指示灯不亮" not in text and "灭火器压力不足" not in text
    # Landscape A4, every font embedded.
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    assert size and float(size[1]) > float(size[2])
    assert all(f.embedded for f in pdf.fonts(out))


def test_counts_by_severity_and_status(pdf: type[Pdf], tmp_path: Path) -> None:
    out = _write(tmp_path, register(), HazardFilter())
    # The summary table's rows, read in layout mode: severity, open, remediated, verified,
    # closed, total, overdue.
    lines = [re.sub(r"\s+", " ", line).strip() for line in pdf.text(out, 1, layout=True).splitlines()]
    assert "一般隐患 1 0 0 1 2 0" in lines
    assert "重大隐患 2 1 0 0 3 1" in lines
    assert "合计 3 1 0 1 5 1" in lines
    text = pdf.squashed(pdf.text(out))
    assert "无（全部隐患）" in text
    assert "FIRE_DAILY" not in text  # the source is the Excel sheet's business, not the PDF's


def test_overdue_rows_are_banded_and_only_those(pdf: type[Pdf], tmp_path: Path) -> None:
    overdue = _write(tmp_path, register()[:3], HazardFilter(), "overdue.pdf")
    assert _band_pixels(overdue, tmp_path) > 500
    in_time = [replace(h, overdue=False) for h in register()]
    calm = _write(tmp_path, in_time, HazardFilter(), "calm.pdf")
    assert _band_pixels(calm, tmp_path) == 0
    listing = pdf.squashed(pdf.text(calm)).split("隐患明细")[1]
    assert "逾期" not in listing


def test_long_text_wraps_inside_its_column(pdf: type[Pdf], tmp_path: Path) -> None:
    long_one = hazard(
        4, description=LONG, location="二楼配电间及相邻的消防通道" * 2, owner="物业管理处张工程师"
    )
    out = _write(tmp_path, [long_one], HazardFilter())
    # Nothing cut off: in drawing order the description's lines follow each other.
    raw = subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True, check=True)
    assert LONG in pdf.squashed(raw.stdout)
    # Wrapped: the description is spread over several lines, none running into the next column.
    row_lines = [line for line in pdf.text(out, 1, layout=True).splitlines() if "配电间消防通道" in line]
    assert len(row_lines) >= 4
    assert all(len(line) < 220 for line in row_lines)


def test_english_register(pdf: type[Pdf], tmp_path: Path) -> None:
    set_language("en")
    out = _write(
        tmp_path,
        register()[:2],
        HazardFilter(statuses=(HazardStatus.OPEN, HazardStatus.REMEDIATED), overdue_only=True, text="ATM"),
    )
    text = pdf.squashed(pdf.text(out))
    for needle in (
        "Hazardregister",
        "Filtersapplied",
        "Open,Remediated",
        "OverdueonlyYes",
        "Textcontains“ATM”",
        "Days",
        "OVERDUE",
        "Major",
    ):
        assert needle in text, needle
    assert "金库双人管库制度未落实" in text  # user text stays as typed
    assert pdf.squashed(t("report.signature", role=t("report.signer.handler"))) in text


def test_an_empty_register_says_so(pdf: type[Pdf], tmp_path: Path) -> None:
    out = _write(tmp_path, [], HazardFilter(overdue_only=True))
    text = pdf.squashed(pdf.text(out))
    assert "没有符合筛选条件的隐患。" in text and "共列出0条隐患" in text
    assert pdf.squashed(t("report.signature", role=t("report.signer.handler"))) in text  # signed even so


def test_a_long_register_repeats_its_header_and_lists_every_hazard(pdf: type[Pdf], tmp_path: Path) -> None:
    """How long it takes is measured by `make bench` (tools/bench/hazards.py), not here."""
    many = [
        hazard(n, description=f"第 {n} 条隐患：" + "消防通道堆放杂物" * (n % 7 + 1)) for n in range(1, 801)
    ]
    out = _write(tmp_path, many, HazardFilter())
    pages = pdf.pages(out)
    assert pages > 10
    assert all("隐患描述" in pdf.squashed(pdf.text(out, page)) for page in (2, pages))
    assert len(set(re.findall(r"YH-\d{4}-\d{4}", pdf.text(out)))) == 800


def test_a_description_taller_than_a_page_continues_on_the_next(pdf: type[Pdf], tmp_path: Path) -> None:
    """The longest description the service takes (4,000 characters) with a 200-character title."""
    longest = ("配电间消防通道堆放纸箱杂物阻挡灭火器取用" * 200)[:4000]
    out = _write(tmp_path, [hazard(1, description=longest, title="标题" * 100), hazard(2)], HazardFilter())
    assert pdf.pages(out) >= 3
    raw = subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True, check=True)
    assert raw.stdout.count("配") == 200 and raw.stdout.count("标") == 100  # every character printed
    assert "YH-2026-0002" in raw.stdout
