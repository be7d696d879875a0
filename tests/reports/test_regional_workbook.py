"""The regional report's xlsx stores every name and code as text: a head office named
'=HYPERLINK(…)' or a branch coded '=1+1' (or starting with + - @) is data, never a live formula."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from branchguard.core.anchors.types import Head, Stamp
from branchguard.core.headoffice.types import HeldHead, PeriodRow
from branchguard.core.kernel.i18n import Message
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
    title, code, name = period["A1"], period["A3"], period["B3"]
    assert title.data_type == "s" and risky in str(title.value)
    assert (code.value, code.data_type) == (risky, "s")
    assert (name.value, name.data_type) == (risky, "s")
    held_code = held["A4"]
    assert (held_code.value, held_code.data_type) == (risky, "s")
