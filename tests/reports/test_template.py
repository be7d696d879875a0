"""The shared page template: header and numbered footer on every page, tables, signatures, safe writes."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from reportlab.platypus import PageBreak

from branchguard.core.kernel.i18n import set_language
from branchguard.reports.fonts import find_cjk_font
from branchguard.reports.template import (
    ACCENT,
    ReportMeta,
    content_width,
    data_table,
    make_styles,
    para,
    sign_off,
    signature_lines,
    write_atomically,
    write_report,
)

if TYPE_CHECKING:
    from tests.reports.conftest import Pdf

BRANCH = "示范银行城东支行营业部"
AT = datetime(2026, 3, 5, 6, 7, tzinfo=UTC)


def three_pages(tmp_path: Path, meta: ReportMeta) -> Path:
    font = find_cjk_font()
    styles = make_styles(font)
    story = [para("第一页正文", styles.body), PageBreak(), para("第二页正文", styles.body), PageBreak(),
             para("第三页正文", styles.body)]
    out = tmp_path / "three.pdf"
    assert write_report(out, meta, story, font) == 3
    return out


def test_every_page_has_header_and_numbered_footer(tmp_path: Path, pdf: type[Pdf]) -> None:
    out = three_pages(tmp_path, ReportMeta(title="演练报告", branch_name=BRANCH, generated_at=AT))
    assert pdf.pages(out) == 3
    local = AT.astimezone().strftime("%Y-%m-%d %H:%M")
    for page in (1, 2, 3):
        text = pdf.squashed(pdf.text(out, page))
        assert BRANCH in text and "演练报告" in text
        assert f"第{page}页/共3页" in text
        assert "内部资料注意保密" in text
        assert pdf.squashed(f"生成时间：{local}") in text


def test_english_footer_and_badge_on_every_page(tmp_path: Path, pdf: type[Pdf]) -> None:
    set_language("en")
    out = three_pages(tmp_path, ReportMeta(title="Drill report", branch_name=BRANCH, badge="演练 DRILL"))
    for page in (1, 2, 3):
        text = pdf.text(out, page)
        assert f"Page {page} of 3" in text
        assert "Internal — confidential" in text
        assert "Generated 20" in text
        assert "DRILL" in text and "Drill report" in text


def test_header_without_branch_shows_the_title(tmp_path: Path, pdf: type[Pdf]) -> None:
    out = three_pages(tmp_path, ReportMeta(title="应急联络卡"))
    assert "应急联络卡" in pdf.text(out, 2)


def test_generated_at_is_local_time_with_full_date(
    tmp_path: Path, pdf: type[Pdf], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Half past eleven on New Year's Eve in UTC is already the next year in Beijing.
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        late = datetime(2025, 12, 31, 23, 30, tzinfo=UTC)
        out = three_pages(tmp_path, ReportMeta(title="x", generated_at=late))
    finally:
        monkeypatch.undo()
        time.tzset()
    assert "2026-01-01 07:30" in pdf.text(out, 1)


def test_table_cells_wrap_and_keep_user_text_literal(tmp_path: Path, pdf: type[Pdf]) -> None:
    font = find_cjk_font()
    styles = make_styles(font)
    long_text = "大堂经理负责引导客户有序疏散并清点人数" * 6
    table = data_table(styles, ["岗位", "职责"], [["大堂经理 <b>&", long_text]], [80, 120])
    out = tmp_path / "table.pdf"
    write_report(out, ReportMeta(title="表格"), [table], font)
    text = pdf.text(out)
    assert long_text in pdf.squashed(text)  # all of it, wrapped over lines rather than cut off
    assert "大堂经理 <b>&" in text
    lines_with_cell_text = [line for line in text.splitlines() if "引导" in line or "疏散" in line]
    assert len(lines_with_cell_text) > 3  # a 120-point column cannot hold it on one line


def test_signature_block_has_both_signers_and_dates(tmp_path: Path, pdf: type[Pdf]) -> None:
    font = find_cjk_font()
    out = tmp_path / "sign.pdf"
    write_report(out, ReportMeta(title="签字"), signature_lines(make_styles(font), content_width()), font)
    text = pdf.text(out)
    assert "网点负责人（签字）：" in text and "经办人（签字）：" in text
    assert text.count("日期：") == 2
    assert all(f.embedded for f in pdf.fonts(out))  # not even the blank lines pull in Helvetica


def test_signature_lines_never_stand_alone_on_the_last_page(tmp_path: Path, pdf: type[Pdf]) -> None:
    """The English complaint file's page 2 held its three signature lines and nothing else: what
    was signed was on the page before. The paragraphs before them go with them now."""
    font = find_cjk_font()
    styles = make_styles(font)
    width = content_width()
    for filler in range(32, 48):  # somewhere in this range the lines alone would overflow
        rows = [[f"第 {n} 行", "内容"] for n in range(filler)]
        story = [data_table(styles, ["序号", "内容"], rows, [width / 2, width / 2])]
        story.append(para("正文结束。", styles.body))
        story += [para(f"完整性第 {n} 行", styles.body) for n in range(1, 4)]
        sign_off(story, signature_lines(styles, content_width()))
        out = tmp_path / f"{filler}.pdf"
        pages = write_report(out, ReportMeta(title="签字"), story, font)
        last = pdf.text(out, pages)
        assert "网点负责人（签字）：" in last
        assert "完整性第 3 行" in last, filler  # never the lines alone


def test_header_colour_keeps_white_text_readable() -> None:
    def luminance(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (luminance(c) for c in (ACCENT.red, ACCENT.green, ACCENT.blue))
    background = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    assert (1.0 + 0.05) / (background + 0.05) >= 7  # WCAG AAA for normal text


def test_write_atomically_replaces_whole_file_and_leaves_nothing_behind(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    target = folder / "report.pdf"
    target.write_bytes(b"old")
    write_atomically(target, b"%PDF-new")
    assert target.read_bytes() == b"%PDF-new"
    assert [p.name for p in folder.iterdir()] == ["report.pdf"]


def test_write_into_missing_folder_names_the_target(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "report.pdf"
    with pytest.raises(FileNotFoundError) as raised:
        write_atomically(target, b"%PDF")
    assert raised.value.filename == str(target)
    assert not target.parent.exists()


def test_timestamps_are_not_naive() -> None:
    assert ReportMeta(title="x").generated_at.utcoffset() is not None
    assert ReportMeta(title="x").generated_at - datetime.now().astimezone() < timedelta(seconds=5)
