"""`branchguard report summary --period P -o FILE`: a month as PDF and a quarter as Excel on the
demo data; a period that is none, or another suffix, is refused with nothing written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from tests.cli.cli_support import Run


def test_summary_as_pdf_and_xlsx(demo_run: Run, tmp_path: Path) -> None:
    run = demo_run
    today = date.today()
    pdf = tmp_path / "month.pdf"
    code, out, err = run("report", "summary", "--period", f"{today:%Y-%m}", "-o", str(pdf))
    assert code == 0, err
    assert out.strip() == str(pdf) and pdf.read_bytes().startswith(b"%PDF")
    xlsx = tmp_path / "quarter.xlsx"
    quarter = f"{today.year}-Q{(today.month - 1) // 3 + 1}"
    code, out, err = run("report", "summary", "--period", quarter, "-o", str(xlsx), lang="zh_CN")
    assert code == 0, err
    assert load_workbook(xlsx).sheetnames[0] == "概要"


def test_a_bad_period_or_suffix_writes_nothing(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    code, _out, err = run("report", "summary", "--period", "2026-13", "-o", str(out))
    assert code == 1 and "Period" in err and "2026-13" in err and not out.exists()
    text = tmp_path / "x.txt"
    code, _out, err = run("report", "summary", "--period", "2026", "-o", str(text))
    assert code == 2 and ".xlsx" in err and not text.exists()
    # a period still to come gave a whole report of today's state (45 hazards open at its end)
    future = f"{date.today().year + 1}-01"
    for name in ("x.pdf", "x.xlsx"):
        code, _out, err = run("report", "summary", "--period", future, "-o", str(tmp_path / name))
        assert code == 1 and f"{future} has not begun" in err and not (tmp_path / name).exists()
