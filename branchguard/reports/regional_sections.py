"""The regional report's parts beyond its table: its title and the line under it, the months each
branch has not sent, and the period set against the one before as head office holds it
(regional.py counts both alike). Each part returns text or flowables for reports/regional_report.py."""

from __future__ import annotations

from datetime import timedelta

from reportlab.platypus import Flowable

from branchguard.core.dashboard.rules import PeriodKind
from branchguard.core.headoffice.types import PeriodRow, RegionalPeriod
from branchguard.core.kernel.i18n import t
from branchguard.reports.summary_tables import change, score
from branchguard.reports.template import ReportStyles, data_table, para


def titles(head_office: str, report: RegionalPeriod) -> tuple[str, str]:
    """The title and the page header's: a year's is the annual summary (年度网点安全管理工作汇总)."""
    period = report.period
    if period.kind == PeriodKind.YEAR:
        title, short, words = "ho.report.year_title", "ho.report.year_short_title", period.message().text()
    else:
        title, short, words = "ho.report.title", "ho.report.short_title", period.code
    return t(title, name=head_office, period=words), t(short, period=words)


def subtitle(report: RegionalPeriod) -> str:
    """The period in words and its days; while it runs, the day its figures are taken to."""
    period = report.period
    words, first, last = period.message().text(), period.start.isoformat(), period.end - timedelta(days=1)
    if report.as_of < last:
        return t("summary.subtitle_running", period=words, first=first, last=last.isoformat(),
                 as_of=report.as_of.isoformat())  # fmt: skip
    return t("summary.subtitle", period=words, first=first, last=last.isoformat())


def months_sent(row: PeriodRow, over: int) -> str:
    return t("ho.report.months_sent", sent=over - len(row.months_missing), over=over)


def missing(styles: ReportStyles, report: RegionalPeriod, width: float) -> list[Flowable]:
    """Which months each branch has sent no package of (none while no month of the period is over)."""
    if not report.months_over:
        return []
    short = [r for r in report.rows if r.months_missing]
    story: list[Flowable] = [para(t("ho.report.missing.heading"), styles.heading)]
    if not short:
        return [*story, para(t("ho.report.missing.none", over=report.months_over), styles.body)]
    sep = t("incident.list_sep")
    headers = [t(k) for k in ("ho.report.col.code", "ho.report.col.name", "ho.report.col.months_sent",
                              "ho.report.missing.heading")]  # fmt: skip
    cells = [[r.code, r.name, months_sent(r, report.months_over), sep.join(r.months_missing)] for r in short]
    widths = [width * w / 20 for w in (3, 5, 2, 10)]
    table = data_table(styles, headers, cells, widths, valign="TOP")
    return [*story, para(t("ho.report.missing.note"), styles.small), table]


# (figure, its heading's message key, decimals of its change: None for a count)
COMPARED = (
    ("incidents", "summary.fig.incidents", None),
    ("drills", "ho.report.col.drills", None),
    ("drill_score_average", "summary.fig.drill_score", 1),
    ("inspections", "summary.fig.inspections_submitted", None),
    ("hazards_opened", "summary.fig.hazards_opened", None),
    ("hazards_open_at_end", "summary.fig.hazards_open_at_end", None),
    ("complaints", "summary.fig.complaints", None),
)


def _shown(value: float | None, places: int | None) -> str:
    return score(value) if places else str(value)


def _compared(row: PeriodRow, before: PeriodRow | None, report: RegionalPeriod) -> list[str]:
    assert report.previous is not None
    then_words, sent = report.previous.period.message().text(), months_sent(row, report.months_over)
    if before is None:
        return [sent + "\n" + t("ho.report.before.not_held", period=then_words),
                *(_shown(getattr(row, name), places) for name, _key, places in COMPARED)]  # fmt: skip
    cells = [sent + "\n" + t("ho.report.before.months", period=then_words,
                             sent=months_sent(before, report.previous.months_over))]  # fmt: skip
    for name, _key, places in COMPARED:
        now, then = getattr(row, name), getattr(before, name)
        diff = change(now, then, places)
        shown = t("ho.report.before.cell", period=then_words, value=_shown(then, places), change=diff)
        cells.append(f"{_shown(now, places)}\n{shown}")
    return cells


def comparison(styles: ReportStyles, report: RegionalPeriod, width: float) -> list[Flowable]:
    """The period's figures over the period before's (a month's over the month before, a
    quarter's, a year's), branch by branch, where head office holds that."""
    before = report.previous
    if before is None:
        return []
    now_words, then_words = report.period.message().text(), before.period.message().text()
    headers = [t("ho.report.col.code"), t("ho.report.col.name"), t("ho.report.col.months_sent"),
               *(t(key) for _name, key, _places in COMPARED)]  # fmt: skip
    cells = [
        [r.code, r.name, *_compared(r, report.held_before(r.code), report)]
        for r in report.rows
    ]
    # each figure's column as wide as the others: "2026年第2季度：" on one line in the last one too
    widths = [width * w / 40 for w in (3, 5, 4, 4, 4, 4, 4, 4, 4, 4)]
    return [
        para(t("ho.report.before.heading", period=then_words), styles.heading),
        para(t("ho.report.before.note", now=now_words, before=then_words), styles.small),
        data_table(styles, headers, cells, widths, valign="TOP"),
    ]
