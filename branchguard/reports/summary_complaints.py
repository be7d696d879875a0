"""The periodic report's complaint section: month by month (received, answered, on time,
satisfaction), and the period's complaints by channel, category and the deck's cause against the
period before. Every number is a field of the dashboard's `PeriodFigures` (core/dashboard), so the
report, the dashboard's months and the head-office package count alike."""

from __future__ import annotations

from reportlab.platypus import Flowable

from branchguard.core.complaints.types import ComplaintCause, ComplaintChannel
from branchguard.core.dashboard.types import PeriodFigures, PeriodReport
from branchguard.core.kernel.i18n import t
from branchguard.reports.summary_tables import percent
from branchguard.reports.template import ACCENT_LIGHT, Cell, ReportStyles, data_table


def has_complaints(report: PeriodReport) -> bool:
    return bool(report.figures.complaints_received or report.figures.complaints_answered)


def month_rows(report: PeriodReport) -> list[list[Cell]]:
    """One row a month of the period, and the period's total when it has more than one month."""

    def row(label: str, f: PeriodFigures) -> list[Cell]:
        return [
            label,
            str(f.complaints_received),
            str(f.complaints_answered),
            str(f.complaints_on_time),
            percent(f.complaint_on_time_rate),
            str(f.complaints_rated),
            percent(f.complaint_satisfaction_rate),
        ]

    months = report.complaint_months()
    rows = [row(m.start.strftime("%Y-%m"), m) for m in months]
    if len(months) != 1:
        rows.append(row(t("summary.col.total"), report.figures))
    return rows


def months_table(styles: ReportStyles, report: PeriodReport, width: float) -> Flowable:
    rows = month_rows(report)
    headers = [
        t("summary.col.month"),
        t("summary.col.complaints_received"),
        t("summary.col.complaints_answered"),
        t("summary.col.complaints_on_time"),
        t("summary.fig.complaint_on_time_rate"),
        t("summary.col.complaints_rated"),
        t("summary.fig.complaint_satisfaction_rate"),
    ]
    first = width * 0.16
    column = (width - first) / 6
    extra: list[tuple[object, ...]] = [("ALIGN", (1, 1), (-1, -1), "RIGHT")]
    if len(report.complaint_months()) != 1:
        extra.append(("BACKGROUND", (0, len(rows)), (-1, len(rows)), ACCENT_LIGHT))
    return data_table(styles, headers, rows, [first] + [column] * 6, extra_style=extra)


def breakdown_rows(report: PeriodReport) -> list[list[Cell]]:
    """(dimension, item, this period, previous period): every channel, category and cause counted
    in either period, in the enums' order (categories by their order in the data)."""
    now, before = report.figures, report.previous
    rows: list[list[Cell]] = []

    def add(dimension: str, key: str, label: str, this: dict[str, int], prev: dict[str, int]) -> None:
        if this.get(key) or prev.get(key):
            rows.append([dimension, label, str(this.get(key, 0)), str(prev.get(key, 0))])

    for c in ComplaintChannel:
        add(
            t("summary.col.channel"),
            c.value,
            c.label,
            now.complaints_by_channel,
            before.complaints_by_channel,
        )
    codes = list(report.complaint_categories)
    codes += sorted({*now.complaints_by_category, *before.complaints_by_category} - set(codes))
    for code in codes:
        name = report.complaint_categories.get(code)
        add(
            t("summary.col.category"),
            code,
            name.text if name else code,
            now.complaints_by_category,
            before.complaints_by_category,
        )
    for cause in ComplaintCause:
        add(
            t("summary.col.cause"),
            cause.value,
            cause.label,
            now.complaints_by_cause,
            before.complaints_by_cause,
        )
    return rows


def breakdown_table(styles: ReportStyles, report: PeriodReport, width: float) -> Flowable | None:
    rows = breakdown_rows(report)
    if not rows:
        return None
    headers = [
        t("summary.col.dimension"),
        t("summary.col.item"),
        t("summary.fig.this"),
        t("summary.fig.previous"),
    ]
    number = width * 0.16
    right = [("ALIGN", (2, 1), (-1, -1), "RIGHT")]
    return data_table(
        styles,
        headers,
        rows,
        [width * 0.18, width - width * 0.18 - 2 * number, number, number],
        extra_style=right,
    )
