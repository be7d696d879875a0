"""Head office's regional report for a whole year (年度网点安全管理工作汇总), on SQLite and PostgreSQL:
a year is read as the branch's periodic report reads it, and counted as a quarter is, so its
figures are its quarters' and its months' added up (what stands at its end, its last quarter's and
month's); the months each branch has not sent are named (a quarter's package sends its months);
the year before is set beside it where head office holds a package of it; the PDF says all this in
both languages. A period that is none, or has not begun, is refused naming the field."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pypdfium2
import pytest
from openpyxl import load_workbook

from branchguard.context import open_context
from branchguard.core.dashboard.rules import PeriodKind, parse_period
from branchguard.core.headoffice.periods import ending, missing_months, report_period, sending, within
from branchguard.core.headoffice.types import PeriodRow
from branchguard.core.kernel.china_time import china_year
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import set_language, t
from branchguard.db.engine import sqlite_url
from branchguard.reports.regional_report import build_regional_report
from branchguard.reports.summary_tables import change
from tests import headoffice_year as fleet_of
from tests.conftest import copy_fresh_sqlite
from tests.headoffice_year import BEFORE, EAST, MISSING, WEST, YEAR

# what happened in a period: a longer one's is the sum of its parts'
ADDED = ("incidents", "drills", "inspections", "hazards_opened", "complaints", "complaint_months",
         "complaints_answered", "complaints_on_time", "complaints_rated", "complaints_satisfied")  # fmt: skip
AT_END = ("hazards_open_at_end", "actions_overdue", "compliance_overdue")  # what stood at its end


@pytest.fixture(scope="module")
def fleet(records_template: Callable[[], Path], tmp_path_factory: pytest.TempPathFactory) -> fleet_of.Fleet:
    """Both branches' packages, made once for the module (a year and more of history: ~15 s)."""
    return fleet_of.build(tmp_path_factory.mktemp("year-fleet"), records_template(), history=True)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def head_office(
    request: pytest.FixtureRequest, fleet: fleet_of.Fleet, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Any, Any]]:
    """Head office holding both branches' packages, on each engine, once for the module: its tests
    only read it (reports, figures), and taking the packages in takes 1-2 s."""
    folder = tmp_path_factory.mktemp("ho")
    taken: tuple[Any, str] | None = None
    if request.param == "sqlite":
        copy_fresh_sqlite(request, folder / "test.sqlite")
        url = sqlite_url(folder / "test.sqlite")
    else:  # a fresh copy of the run's template, put back after the module (tests/pg_fresh.py)
        databases = request.getfixturevalue("pg_fresh")
        taken = (databases, databases.take())
        url = request.getfixturevalue("pg_cluster").url(taken[1])
    ctx = open_context(folder / "data", db=url)
    try:
        yield ctx, fleet_of.take_in(ctx, fleet)
    finally:
        ctx.close()
        if taken is not None:
            taken[0].give_back(taken[1])


def _rows(hos: Any, admin: Any, period: str) -> dict[str, PeriodRow]:
    name, rows = hos.period_rows(admin, period)
    assert name == period
    return {r.code: r for r in rows}


def _summed(rows: list[PeriodRow], field: str) -> int:
    return sum(getattr(r, field) for r in rows)


def test_a_years_figures_are_its_quarters_and_its_months_added_up(head_office: tuple[Any, Any]) -> None:
    ctx, admin = head_office
    hos = ctx.services.headoffice
    year = _rows(hos, admin, str(YEAR))
    quarters = [_rows(hos, admin, f"{YEAR}-Q{q}") for q in range(1, 5)]
    months = [_rows(hos, admin, f"{YEAR}-{m:02d}") for m in range(1, 13)]
    east = year[EAST]
    assert east.incidents > 0 and east.inspections > 0 and east.drills > 0  # a busy branch's year
    for code in (EAST, WEST):
        for field in ADDED:
            by_quarter, by_month = (_summed([p[code] for p in parts], field) for parts in (quarters, months))
            assert getattr(year[code], field) == by_quarter == by_month, field
        for field in AT_END:
            at_end = getattr(year[code], field)
            assert at_end == getattr(quarters[-1][code], field) == getattr(months[-1][code], field), field
        levels = sum((Counter(q[code].incidents_by_level) for q in quarters), Counter())
        assert Counter(year[code].incidents_by_level) == levels
        # the year's packages: its quarters' (each its months' and its own)
        assert year[code].packages == _summed([q[code] for q in quarters], "packages")
        scores = [q[code].drill_score_average for q in quarters if q[code].drill_score_average is not None]
        if scores:  # the mean of the year's drills lies within its quarters' means
            assert year[code].drill_score_average is not None
            assert min(scores) <= year[code].drill_score_average <= max(scores)
    assert east.packages == len(fleet_of.SENT[EAST]) - 1  # all but December of the year before
    assert year[WEST].packages == 2

    # the months not sent: the second quarter's package sends April to June
    assert year[EAST].months_missing == MISSING[EAST] and year[WEST].months_missing == MISSING[WEST]
    assert quarters[1][EAST].months_missing == () and quarters[2][EAST].months_missing == (f"{YEAR}-08",)
    assert months[7][EAST].months_missing == (f"{YEAR}-08",) and months[4][EAST].months_missing == ()


def test_the_year_before_is_set_beside_it_where_head_office_holds_it(
    head_office: tuple[Any, Any], tmp_path: Path
) -> None:
    ctx, admin = head_office
    hos = ctx.services.headoffice
    report = hos.regional(admin, str(YEAR))
    assert report.period.code == str(YEAR) and report.months_over == 12
    before = report.previous
    assert before is not None and before.period.code == str(BEFORE)
    counted = _rows(hos, admin, str(BEFORE))  # counted as any year is
    assert report.held_before(EAST) == counted[EAST]
    assert counted[EAST].packages == 1 and counted[EAST].months_missing == tuple(
        f"{BEFORE}-{m:02d}" for m in range(1, 12)
    )
    assert report.held_before(WEST) is None  # head office holds no package of it

    for lang, words in (
        ("en", ("annual summary of branch safety management", "Months not sent", f"Compared with {BEFORE}",
                f"{BEFORE}: none held", "11 of 12", "2 of 12", f"{BEFORE}: 1 of 12")),
        ("zh_CN", (f"{YEAR}年度网点安全管理工作汇总", "未报送月份", f"与{BEFORE}年度对比",
                   f"{BEFORE}年度：总行未持有", "11/12", "2/12", f"{BEFORE}年度：1/12")),
    ):  # fmt: skip
        set_language(lang)
        out = tmp_path / f"regional-{lang}.pdf"
        assert build_regional_report(ctx.services, admin, str(YEAR), out) == str(YEAR)
        text = _text(out)
        for word in words:
            assert _squeezed(word) in text, (lang, word)
        # which months each branch has not sent, as they are named
        assert f"{YEAR}-08" in text and _squeezed(t("incident.list_sep").join(MISSING[WEST])) in text
        then, now = counted[EAST].incidents, report.rows[0].incidents
        shown = t("ho.report.before.cell", period=t("dashboard.period.year", year=BEFORE), value=then,
                  change=change(now, then))  # fmt: skip
        assert f"{now}{_squeezed(shown)}" in text  # the year's incidents, the year before's under them
        book = tmp_path / f"regional-{lang}.xlsx"
        build_regional_report(ctx.services, admin, str(YEAR), book)
        title = load_workbook(book)[str(YEAR)].cell(row=1, column=1).value
        assert _squeezed(words[0]) in _squeezed(str(title))  # titled as the PDF is: the annual summary


def test_a_month_and_a_quarter_are_set_beside_the_one_before(
    head_office: tuple[Any, Any], tmp_path: Path
) -> None:
    """As the branch's own report sets a month against the month before: a quarter against the
    quarter before, a month against the month before, held where a package sent that month (its
    own or its quarter's: June came in the second quarter's), not where none did (August)."""
    ctx, admin = head_office
    hos = ctx.services.headoffice
    q3 = hos.regional(admin, f"{YEAR}-Q3")
    assert q3.previous is not None and q3.previous.period.code == f"{YEAR}-Q2"
    assert q3.held_before(EAST) == _rows(hos, admin, f"{YEAR}-Q2")[EAST]
    assert q3.held_before(WEST) is None
    july = hos.regional(admin, f"{YEAR}-07")
    assert july.previous is not None and july.previous.period.code == f"{YEAR}-06"
    june = _rows(hos, admin, f"{YEAR}-06")[EAST]
    assert june.packages == 0 and june.months_missing == ()  # sent by the quarter's package
    assert july.held_before(EAST) == june
    september = hos.regional(admin, f"{YEAR}-09")
    assert september.held_before(EAST) is None  # August: no package sent it

    set_language("en")
    out = tmp_path / "q3.pdf"
    build_regional_report(ctx.services, admin, f"{YEAR}-Q3", out)
    text = _text(out)
    assert _squeezed(f"Compared with Q2 {YEAR}") in text and _squeezed(f"Q2 {YEAR}: none held") in text
    then, now = q3.held_before(EAST).incidents, q3.rows[0].incidents  # type: ignore[union-attr]
    shown = t("ho.report.before.cell", period=f"Q2 {YEAR}", value=then, change=change(now, then))
    assert f"{now}{_squeezed(shown)}" in text

    book_path = tmp_path / "q3.xlsx"
    build_regional_report(ctx.services, admin, f"{YEAR}-Q3", book_path)
    sheet = load_workbook(book_path)[f"Compared with Q2 {YEAR}"]
    headers = [c.value for c in sheet[4]]
    lines = [dict(zip(headers, (c.value for c in r), strict=True)) for r in sheet.iter_rows(min_row=5)]
    east = {line["Figure"]: line for line in lines if line["Branch code"] == EAST}
    incidents = east[t("summary.fig.incidents")]
    assert (incidents["This period"], incidents["Previous period"], incidents["Change"]) == (
        now, then, now - then)
    assert incidents["Months sent, period before"] == "3 of 3"
    west = [line for line in lines if line["Branch code"] == WEST]
    assert len(west) == len(east) and all(line["Previous period"] is None for line in west)
    assert {line["Months sent, period before"] for line in west} == {"none held"}


# 10:00 UTC on 31 December 2026, and 00:30 on 1 January 2027 in China (head office's day) though
# still 31 December on a PC kept in UTC: 2027 had begun there and was not refused as not begun.
@pytest.mark.parametrize(
    "now",
    [datetime(2026, 12, 31, 10, tzinfo=UTC), datetime(2026, 12, 31, 16, 30, tzinfo=UTC)],
    ids=["day", "new-year-in-china"],
)
def test_a_period_that_is_none_or_not_begun_is_refused_naming_the_field(
    head_office: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch, now: datetime
) -> None:
    ctx, admin = head_office
    hos = ctx.services.headoffice
    monkeypatch.setattr(hos, "_clock", lambda: now)
    ahead = china_year(now) + 1
    set_language("en")
    for text, said in (
        ("2026-13", "“2026-13” is not a period: write a month (2026-11), a quarter (2026-Q4) or a year"),
        ("20266", "“20266” is not a period"),
        (str(ahead), f"The period {ahead} has not begun"),
    ):
        with pytest.raises(ValidationError) as caught:
            hos.regional(admin, text)
        assert caught.value.field == "field.period" and said in caught.value.message, text
        assert caught.value.message.startswith("Period: ")


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _text(path: Path) -> str:
    """The PDF's text without its spaces and line breaks (a cell wraps where its width ends)."""
    doc = pypdfium2.PdfDocument(path)
    try:
        return _squeezed("".join(doc[i].get_textpage().get_text_range() for i in range(len(doc))))
    finally:
        doc.close()


def test_a_year_is_made_of_its_quarters_and_months_packages() -> None:
    """A pure check of the periods: what a year counts, what sends its months, what ends with it;
    a month still running is not missing yet."""
    year = report_period("2026", date(2026, 3, 15))
    assert year.kind == PeriodKind.YEAR and year.code == "2026"
    quarters, months = [f"2026-Q{q}" for q in range(1, 5)], [f"2026-{m:02d}" for m in range(1, 13)]
    assert within(year) == ["2026", *quarters, *months]
    assert sending(year) == within(year)
    assert sending(parse_period("2026-05")) == ["2026-05", "2026-Q2"]  # its quarter's package sends it
    assert ending(year) == ["2026", "2026-12", "2026-Q4"] and ending(parse_period("2026-11")) == ["2026-11"]
    assert missing_months(year, {"2026-01"}, date(2026, 3, 15)) == ["2026-02"]  # March still runs
    assert missing_months(year, {"2026-Q1"}, date(2026, 4, 1)) == []


def test_the_comparisons_cells_keep_the_period_before_on_one_line(
    head_office: tuple[Any, Any], tmp_path: Path
) -> None:
    """Every figure's column of the comparison is as wide as the others: the last one's cells said
    "2026年第2季" on one line and "度：10（−3）" on the next."""
    ctx, admin = head_office
    set_language("zh_CN")
    out = tmp_path / "q3.pdf"
    build_regional_report(ctx.services, admin, f"{YEAR}-Q3", out)
    doc = pypdfium2.PdfDocument(out)
    try:
        text = "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
        lines = [line.strip() for line in text.splitlines()]
    finally:
        doc.close()
    before = f"{YEAR}年第2季度："
    assert any(before in line for line in lines)
    assert not [line for line in lines if line.endswith(before[:-2])], lines  # "…第2季" cut before 度
