"""The regional report's xlsx stores every name and code as text: a head office named
'=HYPERLINK(…)' or a branch coded '=1+1' (or starting with + - @) is data, never a live formula;
and it is laid out as the branch registers are, its figures numbers head office can sort."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from branchguard.core.anchors.types import Head, Stamp
from branchguard.core.headoffice.types import HeldHead, PeriodRow
from branchguard.core.kernel.i18n import Message, t
from branchguard.reports.regional_report import write_workbook

RISKY = ('=HYPERLINK("http://x","click")', "=1+1", "+1+1", "-1+1", "@SUM(A1)")


def _row(code: str, name: str) -> PeriodRow:
    return PeriodRow(code, name, 1, 0, {}, 0, None, 0, 0, 0, 0, 0, 0)


@pytest.mark.parametrize("risky", RISKY)
def test_names_and_codes_starting_like_a_formula_are_stored_as_text(tmp_path: Path, risky: str) -> None:
    out = tmp_path / "regional.xlsx"
    stamp = Stamp(Head(0, "0" * 64), None, Message("anchor.report.no_record"), None, None)
    heads = [HeldHead(risky, risky, "ab" * 8, 1, 0, "0" * 64, "2026-11", "")]
    write_workbook(risky, "2026-11", [_row(risky, risky)], heads, stamp, out)

    with zipfile.ZipFile(out) as zf:
        sheets = [n for n in zf.namelist() if n.startswith("xl/worksheets/")]
        assert sheets
        assert not any("<f>" in zf.read(n).decode() for n in sheets)
    book = load_workbook(out)
    period, held = book.worksheets[0], book.worksheets[1]
    title, code, name = period["A1"], period["A4"], period["B4"]  # the title, a blank row, the header
    assert title.data_type == "s" and risky in str(title.value)
    assert (code.value, code.data_type) == (risky, "s")
    assert (name.value, name.data_type) == (risky, "s")
    held_code = held["A5"]
    assert (held_code.value, held_code.data_type) == (risky, "s")


def test_the_sheet_is_a_register_with_rates_as_numbers(tmp_path: Path) -> None:
    """Before: every column Excel's default width (a branch name showed four characters), no frozen
    header or filter, the rates text ("1/1 (100%)") that sorts as text, the creator "openpyxl"."""
    out = tmp_path / "regional.xlsx"
    stamp = Stamp(Head(0, "0" * 64), None, Message("anchor.report.no_record"), None, None)
    east = PeriodRow("DEMO-0101", "示范银行城东支行营业部", 1, 2, {"II": 2}, 1, 87.5, 30, 3, 1, 4, 0, 0,
                     complaint_months=1, complaints_answered=4, complaints_on_time=3, complaints_rated=2,
                     complaints_satisfied=2)  # fmt: skip
    west = _row("DEMO-0202", "城西支行")  # no complaint statistics in its packages
    write_workbook("总行", "2026-11", [east, west], [], stamp, out)

    book = load_workbook(out)
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[3]]
    last = sheet.cell(3, len(headers)).column_letter
    assert sheet.freeze_panes == "B4" and sheet.auto_filter.ref == f"A3:{last}5"
    assert sheet.column_dimensions["B"].width >= 2 * len("示范银行城东支行营业部")  # a Chinese char: two
    values = dict(zip(headers, (c.value for c in sheet[4]), strict=True))
    rate = t("ho.report.col.complaints_on_time")
    assert values[rate] == 0.75 and sheet.cell(4, headers.index(rate) + 1).number_format == "0%"
    assert values[t("summary.col.complaints_answered")] == 4
    assert values[t("summary.col.complaints_on_time")] == 3
    assert values[t("summary.fig.drill_score")] == 87.5
    west_values = dict(zip(headers, (c.value for c in sheet[5]), strict=True))
    assert west_values[rate] is None  # no statistics: empty, not 0 or "-"
    assert west_values[t("summary.col.complaints_answered")] is None
    assert book.properties.creator == "BranchGuard" and "总行" in (book.properties.title or "")
