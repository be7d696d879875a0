"""`ho report --period 2026` on the command line: the year's regional report as PDF (in both
languages: the annual summary, the months not sent, the year before) and as xlsx (its months not
sent a column); a period that is none, or not begun, refused naming --period's field."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from branchguard.context import open_context
from branchguard.core.kernel.china_time import china_year
from tests import headoffice_year as fleet_of
from tests.cli.cli_support import as_user, runner
from tests.headoffice_year import BEFORE, EAST, HO_PASSWORD, HO_USER, MISSING, WEST, YEAR


def _text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return "".join(out.split())


def test_ho_report_writes_the_years_report(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    records_template: Callable[[], Path],
) -> None:
    fleet = fleet_of.build(tmp_path / "fleet", records_template(), history=False)
    ctx = open_context(tmp_path / "ho")
    try:
        fleet_of.take_in(ctx, fleet)
    finally:
        ctx.close()
    ho = runner(capsys, tmp_path / "ho")
    as_user(monkeypatch, HO_USER, HO_PASSWORD)

    for lang, words in (
        ("en", ("annualsummaryofbranchsafetymanagement", "Monthsnotsent", f"Comparedwith{BEFORE}",
                f"{BEFORE}:noneheld", f"{BEFORE}:1of12", "11of12")),
        ("zh_CN", (f"{YEAR}年度网点安全管理工作汇总", "未报送月份", f"与{BEFORE}年度对比",
                   f"{BEFORE}年度：总行未持有")),
    ):  # fmt: skip
        out = tmp_path / f"regional-{lang}.pdf"
        code, stdout, err = ho("ho", "report", "--period", str(YEAR), "-o", str(out), lang=lang)
        assert code == 0, err
        assert stdout.strip() == str(out)
        text = _text(out)
        for word in words:
            assert word in text, (lang, word)
        assert f"{YEAR}-08" in text and f"{YEAR}-10" in text

    book = tmp_path / "regional.xlsx"
    code, _out, err = ho("ho", "report", "--period", str(YEAR), "-o", str(book))
    assert code == 0, err
    sheet = load_workbook(book).worksheets[0]
    assert sheet.title == str(YEAR)
    headers = [c.value for c in sheet[3]]
    column = headers.index("Months not sent") + 1
    assert {sheet.cell(r, 1).value: sheet.cell(r, column).value for r in (4, 5)} == {
        EAST: MISSING[EAST][0], WEST: ", ".join(MISSING[WEST])
    }

    # the year after next in China (head office's day): YEAR + 2, YEAR taken at import from this
    # PC's date, had begun in China from 16:00 UTC on 31 December, or once a run passed New Year
    ahead = china_year(datetime.now(UTC)) + 2
    for period, said in (
        ("2026-13", "error: Period: “2026-13” is not a period: write a month (2026-11), a quarter (2026-Q4)"),
        (str(ahead), f"error: Period: The period {ahead} has not begun"),
    ):  # fmt: skip
        code, _out, err = ho("ho", "report", "--period", period, "-o", str(tmp_path / "bad.pdf"))
        assert code == 1 and said in err, err
    assert not (tmp_path / "bad.pdf").exists()
