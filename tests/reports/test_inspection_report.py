"""The inspection report read back as a user would: the items in the report's language with clear
result marks, photos as thumbnails (a missing one named, not crashing), the hazards it opened,
amendments, signatures, and a draft marked on every page."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image
from pypdf import PdfReader
from reportlab.lib.colors import Color

from branchguard.core.hazards.types import HazardSeverity, HazardSource
from branchguard.core.inspections.types import InspectionDetail, ItemResult
from branchguard.core.kernel.i18n import set_language
from branchguard.reports.fonts import find_cjk_font
from branchguard.reports.hazard_register import OVERDUE_BAND
from branchguard.reports.inspection_report import RESULT_COLOURS, render_inspection_report
from tests.reports.hazard_samples import hazard
from tests.reports.inspection_samples import LONG_NOTE, PhotoStore, inspection

if TYPE_CHECKING:
    from tests.reports.conftest import Pdf

BRANCH = "示范银行城东支行营业部"
HAZARDS = [
    hazard(7, inspection_id=4, item_number=2, source=HazardSource.INSPECTION, description="灭火器压力不足"),
    hazard(
        8,
        inspection_id=4,
        item_number=3,
        source=HazardSource.INSPECTION,
        severity=HazardSeverity.MAJOR,
        description="应急照明灯不亮",
    ),
]


def _write(
    tmp_path: Path, detail: InspectionDetail, store: PhotoStore | None, hazards: list = HAZARDS
) -> Path:
    data, _pages = render_inspection_report(
        detail,
        hazards,
        find_cjk_font(),
        branch_name=BRANCH,
        read_photo=store.read if store is not None else None,
    )
    out = tmp_path / "inspection.pdf"
    out.write_bytes(data)
    return out


def _images(path: Path) -> list[tuple[int, int]]:
    """The pixel size of every picture the PDF holds."""
    sizes = []
    for page in PdfReader(path).pages:
        for image in page.images:
            sizes.append(image.image.size)
    return sizes


def _colour_pixels(path: Path, tmp_path: Path, colour: tuple[int, int, int]) -> int:
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(path), str(tmp_path / "pg")], check=True
    )
    image = Image.open(next(tmp_path.glob("pg*.png"))).convert("RGB")
    return sum(
        1 for px in image.get_flattened_data() if max(abs(a - b) for a, b in zip(px, colour, strict=True)) < 8
    )


def test_report_in_chinese(pdf: type[Pdf], tmp_path: Path) -> None:
    store = PhotoStore()
    out = _write(tmp_path, inspection(store), store)
    assert all(f.embedded for f in pdf.fonts(out))
    text = pdf.squashed(pdf.text(out))
    for needle in (
        BRANCH,
        "检查记录#4",
        "每日防火巡查",
        "每日防火巡查（FIRE_DAILY，第2版）",
        "营业大厅",
        "共5项：合格2项，不合格2项，不适用1项，未检查0项",
        "营业前巡查",
        # items in Chinese, with their pass criteria and clear marks
        "安全出口、疏散通道畅通",
        "标准：无堵塞、未上锁",
        "√合格",
        "×不合格",
        "—不适用",
        pdf.squashed(LONG_NOTE),  # a long note wraps, whole
        "照片2张",
        "已更正，原为合格",
        "隐患YH-2026-0007",
        # photos, captioned by item; the missing one named with its problem
        "第1项：exit.jpg",
        "第2项：灭火器压力.jpg",
        "第3项（更正）：补拍.jpg",
        "丢失的照片.jpg：存储的文件attachments/",
        # hazards this inspection opened
        "本次检查发现的隐患",
        "YH-2026-0008",
        "重大隐患",
        "应急照明灯不亮",
        # the amendment
        "提交后的更正",
        "合格→不合格",
        "复查时两盏应急灯不亮",
        "复核人复查发现",
        # signatures: as recorded, then lines to sign the paper copy
        "张三（staff于2026-11-28",
        "王经理（lead于2026-11-28",
        "（签字）：",
    ):
        assert needle in text, needle
    assert "Exits and escape routes clear" not in text  # the report's language only
    assert "草稿" not in text


def test_photos_are_thumbnails_and_a_missing_one_does_not_stop_the_report(tmp_path: Path) -> None:
    store = PhotoStore()
    out = _write(tmp_path, inspection(store), store)
    sizes = _images(out)
    # Three stored photos pictured (the 1600x1200 ones scaled down); the missing one is not.
    assert len(sizes) == 3
    assert all(max(size) <= 300 for size in sizes)
    assert _colour_pixels(out, tmp_path, (255, 165, 0)) > 100  # the orange amendment photo


def test_without_the_store_the_photos_are_named_not_pictured(pdf: type[Pdf], tmp_path: Path) -> None:
    out = _write(tmp_path, inspection(PhotoStore()), None)
    assert _images(out) == []
    text = pdf.squashed(pdf.text(out))
    assert "第1项：exit.jpg" in text and "第2项：丢失的照片.jpg" in text


def test_report_in_english(pdf: type[Pdf], tmp_path: Path) -> None:
    set_language("en")
    store = PhotoStore()
    out = _write(tmp_path, inspection(store), store)
    text = pdf.text(out)
    squashed = pdf.squashed(text)
    for needle in (
        "Inspection report #4",
        "Daily fire patrol (FIRE_DAILY, version 2)",
        "Exits and escape routes clear",
        "Pass: Nothing blocking, not locked",
        "√ Pass",
        "× Fail",
        "Hazards opened by this inspection",
        "Amendments after submission",
    ):
        assert needle in text, needle
    assert "amended,wasPass" in squashed
    assert "安全出口、疏散通道畅通" not in squashed  # item text in the report's language
    assert "营业大厅" in squashed  # what people typed stays as typed


def test_a_draft_says_so_on_every_page(pdf: type[Pdf], tmp_path: Path) -> None:
    store = PhotoStore()
    out = _write(tmp_path, inspection(store, submitted=False), store, hazards=[])
    text = pdf.squashed(pdf.text(out))
    assert "尚未提交（草稿）" in text and "未检查" in text and "未签名" in text
    assert "本次检查发现的隐患无。" in text and "提交后的更正" not in text
    pages = pdf.pages(out)
    assert all("草稿DRAFT" in pdf.squashed(pdf.text(out, page)) for page in range(1, pages + 1))


def test_a_note_taller_than_a_page_continues_on_the_next(pdf: type[Pdf], tmp_path: Path) -> None:
    """The longest note the service takes (2,000 characters) in the narrow note column."""
    store = PhotoStore()
    detail = inspection(store)
    longest = ("配电间消防通道堆放纸箱杂物阻挡灭火器取用" * 100)[:2000]
    answers = list(detail.answers)
    answers[3] = replace(answers[3], note=longest)
    out = _write(tmp_path, replace(detail, answers=tuple(answers)), store)
    assert pdf.pages(out) >= 3
    raw = subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True, check=True)
    assert raw.stdout.count("配") == 100  # every character printed
    assert "（签字）：" in raw.stdout


def test_results_are_coloured_tags_and_failed_rows_banded(tmp_path: Path) -> None:
    store = PhotoStore()
    out = _write(tmp_path, inspection(store), store)

    def rgb(colour: Color) -> tuple[int, int, int]:
        r, g, b = (round(c * 255) for c in colour.rgb())
        return r, g, b

    for result in ItemResult:
        assert _colour_pixels(out, tmp_path, rgb(RESULT_COLOURS[result])) > 20, result
    assert _colour_pixels(out, tmp_path, rgb(OVERDUE_BAND)) > 500  # items 2 and 3 failed
