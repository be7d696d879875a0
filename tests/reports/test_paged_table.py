"""A plain table of hundreds of rows laid out a page at a time (reports/paged_table.py): every row
once and in order, the header atop each page and nowhere else, stripes and bands on their rows
across page breaks, a row taller than a page still split, a short table still one Table."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape
from reportlab.platypus import Flowable, Table

from branchguard.reports.fonts import find_cjk_font
from branchguard.reports.paged_table import PagedTable
from branchguard.reports.template import (
    ACCENT,
    PAGE_SIZE,
    PAGED_FROM,
    ZEBRA,
    ReportMeta,
    content_width,
    data_table,
    frame_height,
    make_styles,
    para,
    render_pdf,
)

if TYPE_CHECKING:
    from tests.reports.conftest import Pdf

PAGE = landscape(PAGE_SIZE)
HEADERS = ["编号", "隐患描述", "天数"]
BAND = colors.HexColor("#FDE2E1")
LAST = colors.HexColor("#D0E8D0")


def _rows(count: int) -> list[list[Any]]:
    """Rows of one or two lines, so that pages hold different numbers of them."""
    return [
        [f"R{n:04d}", f"第{n}行：配电间消防通道" + ("\n检查人备注：堆放杂物" if n % 3 == 0 else ""), str(n)]
        for n in range(1, count + 1)
    ]


def _table(rows: list[list[Any]], **kwargs: Any) -> Any:
    width = content_width(PAGE)
    styles = make_styles(find_cjk_font())
    widths = [width * 0.15, width * 0.7, width * 0.15]
    return data_table(styles, HEADERS, rows, widths, valign="TOP", plain=True, split_rows=True, **kwargs)


def _render(tmp_path: Path, table: Flowable) -> Path:
    font = find_cjk_font()
    body = make_styles(font).body
    story = [para("表前文字", body), table, para("表后文字", body)]
    data, _pages = render_pdf(ReportMeta("分页表格"), story, font, PAGE)
    out = tmp_path / "paged.pdf"
    out.write_bytes(data)
    return out


def _pieces(table: Flowable) -> list[Table]:
    """The tables each page gets, split as a document would on empty pages."""
    width, height = content_width(PAGE), frame_height() - (PAGE_SIZE[1] - PAGE[1])
    pieces = []
    while True:
        table.wrap(width, height)
        parts = table.split(width, height)
        pieces.append(parts[0])
        if len(parts) == 1:
            return pieces
        table = parts[1]


def _fill(piece: Table, row: int) -> Any:
    """The background ReportLab paints behind `row` of `piece` (its last command reaching it)."""
    fill = None
    rows = len(piece._cellvalues)
    for op, (_sc, sr), (_ec, er), arg in piece._bkgrndcmds:
        sr, er = sr + rows if sr < 0 else sr, er + rows if er < 0 else er
        if sr <= row <= er:
            fill = arg if op == "BACKGROUND" else arg[(row - sr) % len(arg)]
    return fill


def _header_atop_each_page(pdf: type[Pdf], out: Path) -> None:
    """The table's header once on every page, above anything else of the table."""
    for page in range(1, pdf.pages(out) + 1):
        lines = pdf.text(out, page, layout=True).splitlines()
        heads = [i for i, line in enumerate(lines) if "隐患描述" in line]
        rows = [i for i, line in enumerate(lines) if re.search(r"R\d{4}|长行", line)]
        assert len(heads) == 1 and heads[0] < rows[0], page


def test_a_long_table_lists_every_row_once_in_order_under_its_header_on_each_page(
    pdf: type[Pdf], tmp_path: Path
) -> None:
    table = _table(_rows(600))
    assert isinstance(table, PagedTable)
    out = _render(tmp_path, table)
    pages = pdf.pages(out)
    assert pages > 10
    assert re.findall(r"R\d{4}", pdf.text(out)) == [f"R{n:04d}" for n in range(1, 601)]
    _header_atop_each_page(pdf, out)
    assert "表后文字" in pdf.squashed(pdf.text(out, pages))


def test_each_page_is_a_table_of_its_own_rows(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """ReportLab made a Table of every row left at each page (rows × pages); now the rows are
    measured in one Table and each page gets a Table of its own rows."""
    made: list[int] = []
    make = Table.__init__

    def counted(self: Table, data: Any, *args: Any, **kwargs: Any) -> None:
        made.append(len(data))
        make(self, data, *args, **kwargs)

    monkeypatch.setattr(Table, "__init__", counted)
    _render(tmp_path, _table(_rows(600)))
    assert [n for n in made if n > 60] == [601]


def test_stripes_and_bands_stay_on_their_rows_across_page_breaks() -> None:
    """Rows keep the stripe they have in one table, and a band given for a row (by its number in the
    whole table, or counted from its end) lands on it on whichever page it is."""
    first, second = _pieces(_table(_rows(600)))[:2]
    ends = [int(first._cellvalues[-1][0][1:]), int(second._cellvalues[1][0][1:])]  # around the break
    banded = {*ends, 2, 599}
    bands = [("BACKGROUND", (0, n), (-1, n), BAND) for n in sorted(banded)]
    pieces = _pieces(_table(_rows(600), extra_style=[*bands, ("BACKGROUND", (0, -1), (-1, -1), LAST)]))
    assert len(pieces) > 10
    starts = set()
    for piece in pieces:
        assert _fill(piece, 0) == ACCENT  # the header, on every page
        starts.add(int(piece._cellvalues[1][0][1:]) % 2)
        for row in range(1, len(piece._cellvalues)):
            n = int(piece._cellvalues[row][0][1:])
            want = LAST if n == 600 else BAND if n in banded else [colors.white, ZEBRA][(n - 1) % 2]
            assert _fill(piece, row) == want, n
    assert starts == {0, 1}  # pages start on either stripe


def test_a_row_that_does_not_fit_waits_for_the_next_page_and_one_taller_than_a_page_is_split() -> None:
    rows = _rows(300)
    rows[0][1] = "\n".join(f"第{n}行" for n in range(1, 6))
    table = _table(rows)
    width = content_width(PAGE)
    table.wrap(width, 10_000)
    # Room for the header and two lines: an ordinary row moves whole to the next page...
    assert table.split(width, 40) == []
    # ...and on that page, still too tall, it is split inside (as the document asks again).
    table._postponed = 1
    top, rest = table.split(width, 40)
    assert isinstance(top, Table) and isinstance(rest, PagedTable)
    assert len(top._cellvalues) == 2 and rest.wrap(width, 10_000)[1] < table.wrap(width, 10_000)[1]


def test_a_row_taller_than_a_page_continues_on_the_next(pdf: type[Pdf], tmp_path: Path) -> None:
    giant = "\n".join(f"长行{n}号" for n in range(1, 200)) + "\n长行完"
    rows = _rows(300)
    rows[0][1] = rows[150][1] = giant  # the first row, right under the text before, and one further on
    table = _table(rows)
    assert isinstance(table, PagedTable)
    out = _render(tmp_path, table)
    text = pdf.squashed(pdf.text(out))
    assert re.findall(r"R\d{4}", text) == [f"R{n:04d}" for n in range(1, 301)]
    assert all(text.count(f"长行{n}号") == 2 for n in range(1, 200)) and text.count("长行完") == 2
    # The first row starts on the first page, under the text before the table; the one further on
    # starts under the rows before it, and no header is printed above what is left of either.
    assert "长行1号" in pdf.squashed(pdf.text(out, 1))
    _header_atop_each_page(pdf, out)


def test_a_short_plain_table_is_one_table() -> None:
    table = _table(_rows(PAGED_FROM - 1))
    assert isinstance(table, Table) and len(table._cellvalues) == PAGED_FROM
