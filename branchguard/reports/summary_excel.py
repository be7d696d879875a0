"""The periodic safety report as an Excel workbook: a summary sheet (the branch, the period, who
prepared it, the headline figures against the previous period as numbers, the open hazards by
age) and one register sheet per list the PDF prints. Same content as the PDF: both read
`DashboardService.period_report`."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from branchguard import APP_NAME
from branchguard.core.dashboard.rules import AGEING_BANDS, Period
from branchguard.core.dashboard.types import (
    ActionLine,
    ChecklistLine,
    DrillLine,
    IncidentLine,
    MajorHazardLine,
    PeriodFigures,
    PeriodReport,
    RuleLine,
)
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor
from branchguard.reports import anchoring
from branchguard.reports.summary_complaints import breakdown_rows
from branchguard.reports.summary_tables import period_said, waiver_text
from branchguard.reports.template import write_atomically
from branchguard.reports.workbook import (
    HEADER_FILL,
    HEADER_FONT,
    PERCENT,
    Column,
    Value,
    fill_integrity,
    fill_register,
    local,
    local_day,
    set_cell,
    share,
    text_width,
)

if TYPE_CHECKING:
    from branchguard.core.services import Services


def headline_values(f: PeriodFigures) -> list[tuple[str, float | int | None]]:
    """The headline figures as numbers (the PDF's first table, by the same keys)."""
    return [
        ("summary.fig.incidents", f.incidents),
        ("summary.fig.drills", f.drills),
        ("summary.fig.drills_evaluated", f.drills_evaluated),
        ("summary.fig.drill_score", f.drill_score_average),
        ("summary.fig.hazards_opened", f.hazards_opened),
        ("summary.fig.hazards_resolved", f.hazards_resolved),
        ("summary.fig.hazards_open_at_end", f.hazards_open_at_end),
        ("summary.fig.majors_waived", f.majors_waived),
        ("summary.fig.inspections_due", f.inspections_due),
        ("summary.fig.inspections_done", f.inspections_done),
        ("summary.fig.inspection_rate", share(f.inspections_done, f.inspections_due)),
        ("summary.fig.inspections_submitted", f.inspections_submitted),
        ("summary.fig.complaints", f.complaints_received),
        ("summary.fig.grumbles", f.grumbles_received),
        ("summary.fig.objections", f.objections_received),
        ("summary.fig.complaint_on_time_rate", share(f.complaints_on_time, f.complaints_answered)),
        ("summary.fig.complaint_satisfaction_rate", share(f.complaints_satisfied, f.complaints_rated)),
    ]


INCIDENTS: tuple[Column[IncidentLine], ...] = (
    Column("summary.col.number", lambda x: x.id),
    Column("summary.col.started", lambda x: local(x.started_at)),
    Column("summary.col.title", lambda x: x.title, wrap=True),
    Column("summary.col.category", lambda x: x.category.label),
    Column("summary.col.level", lambda x: x.level.value),
    Column("summary.col.status", lambda x: x.status.label),
    Column("summary.col.outcome", lambda x: x.outcome, wrap=True),
    Column("field.injuries", lambda x: x.injuries, wrap=True),
    Column("summary.col.losses", lambda x: None if x.losses_cents is None else x.losses_cents / 100),
)
DRILLS: tuple[Column[DrillLine], ...] = (
    Column("summary.col.number", lambda x: x.plan_id),
    Column("summary.col.run_at", lambda x: local(x.run_at)),
    Column("summary.col.drill", lambda x: x.title, wrap=True),
    Column("summary.col.category", lambda x: x.category.label),
    Column("summary.col.score", lambda x: x.score),
    Column("summary.col.actions", lambda x: len(x.actions)),
    Column("summary.col.actions_open", lambda x: sum(1 for a in x.actions if a.done_at is None)),
)
RULES: tuple[Column[RuleLine], ...] = (
    Column("summary.col.rule", lambda x: x.item.rule.name.text, wrap=True),
    Column("summary.col.interval_months", lambda x: x.item.rule.interval_months),
    Column("summary.col.done", lambda x: len(x.drills)),
    Column("summary.col.last", lambda x: local(x.item.last_done)),
    Column("summary.col.next_due", lambda x: x.item.next_due),
    Column("summary.col.state", lambda x: x.item.status.label),
)
CHECKLISTS: tuple[Column[ChecklistLine], ...] = (
    Column("summary.col.checklist", lambda x: x.name.text or x.code or t("summary.unscheduled"), wrap=True),
    Column("summary.col.due", lambda x: x.due),
    Column("summary.col.completed", lambda x: x.done),
    Column("summary.col.submitted", lambda x: x.submitted),
    Column("summary.col.items", lambda x: x.items),
    Column("summary.col.failed", lambda x: x.failed),
    Column("summary.col.failure_rate", lambda x: x.failure_rate),
)
MAJORS: tuple[Column[MajorHazardLine], ...] = (
    Column("summary.col.number", lambda x: x.number),
    Column("summary.col.title", lambda x: x.title, wrap=True),
    Column("summary.col.opened", lambda x: local(x.opened_at)),
    Column("summary.col.interim", lambda x: local(x.interim_due_at)),
    Column("summary.col.interim_done", lambda x: local(x.interim_done_at)),
    Column("summary.col.plan", lambda x: local_day(x.plan_due_at)),
    Column("summary.col.plan_done", lambda x: local(x.plan_done_at)),
    Column("summary.col.report", lambda x: local(x.reported_at)),
    Column("summary.col.fix_due", lambda x: local_day(x.due_at)),
    Column("summary.col.fixed", lambda x: local(x.fixed_at)),
    Column("summary.col.status", lambda x: x.status.label),
    Column("summary.col.waived", lambda x: waiver_text(x.waiver) if x.waiver else None, wrap=True),
)
ACTIONS: tuple[Column[ActionLine], ...] = (
    Column("summary.col.source", lambda x: x.source),
    Column("summary.col.action", lambda x: x.text, wrap=True),
    Column("summary.col.owner", lambda x: x.owner),
    Column("summary.col.action_due", lambda x: x.due),
)


# The twelve months the PDF's charts draw, as numbers (a month by its first day).
TRENDS: tuple[Column[PeriodFigures], ...] = (
    Column("summary.sheet.month", lambda m: m.start.strftime("%Y-%m")),
    Column("summary.chart.incidents", lambda m: m.incidents),
    Column("summary.chart.drills", lambda m: m.drills),
    Column("summary.chart.opened", lambda m: m.hazards_opened),
    Column("summary.chart.resolved", lambda m: m.hazards_resolved),
    Column("summary.chart.open", lambda m: m.hazards_open_at_end),
)


def render_summary_workbook(
    report: PeriodReport,
    period: Period,
    *,
    branch_name: str = "",
    prepared_by: str = "",
    generated_at: datetime | None = None,
    stamp: anchoring.Stamp | None = None,
) -> bytes:
    generated_at = generated_at or datetime.now().astimezone().replace(microsecond=0)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = t("summary.sheet.summary")
    _fill_summary(sheet, report, period, branch_name, prepared_by, generated_at)
    never = lambda _row: False  # noqa: E731 - nothing here is filled red but the actions sheet
    fill_register(book.create_sheet(t("summary.sheet.incidents")), INCIDENTS, report.incidents, never, 1)
    fill_register(
        book.create_sheet(t("summary.sheet.rules")),
        RULES,
        report.rules,
        lambda r: r.item.status.value == "overdue",
        6,
    )
    fill_register(book.create_sheet(t("summary.sheet.drills")), DRILLS, report.drills, never, 1)
    checklists = book.create_sheet(t("summary.sheet.checklists"))
    fill_register(checklists, CHECKLISTS, report.checklists, never, 1)
    for row in checklists.iter_rows(min_row=2, min_col=len(CHECKLISTS), max_col=len(CHECKLISTS)):
        row[0].number_format = PERCENT  # the failure rate
    fill_register(book.create_sheet(t("summary.sheet.majors")), MAJORS, report.major_hazards, never, 1)
    _fill_complaints(book.create_sheet(t("summary.sheet.complaints")), report)
    fill_register(
        book.create_sheet(t("summary.sheet.actions")), ACTIONS, report.actions_overdue, lambda _a: True, 4
    )
    fill_register(book.create_sheet(t("summary.sheet.trends")), TRENDS, report.months, never, 1)
    if stamp is not None:  # as the PDF: head office checks the workbook against the ledger too
        fill_integrity(book, stamp)
    book.properties.creator = APP_NAME
    book.properties.title = " - ".join(x for x in (t("summary.title"), branch_name) if x)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _fill_complaints(sheet: Worksheet, report: PeriodReport) -> None:
    """The PDF's complaint section as numbers: month by month (and the period), then by channel,
    category and cause against the period before."""
    months = list(report.complaint_months())
    labelled = [(m.start.strftime("%Y-%m"), m) for m in months]
    if len(months) != 1:
        labelled.append((t("summary.col.total"), report.figures))
    rows: list[list[Value]] = [[
        t("summary.col.month"), t("summary.col.complaints_received"), t("summary.col.complaints_answered"),
        t("summary.col.complaints_on_time"), t("summary.fig.complaint_on_time_rate"),
        t("summary.col.complaints_rated"), t("summary.fig.complaint_satisfaction_rate"),
    ]]  # fmt: skip
    for label, f in labelled:
        rows.append([label, f.complaints_received, f.complaints_answered, f.complaints_on_time,
                     share(f.complaints_on_time, f.complaints_answered), f.complaints_rated,
                     share(f.complaints_satisfied, f.complaints_rated)])  # fmt: skip
    breakdown_header = len(rows) + 2
    heads = ("summary.col.dimension", "summary.col.item", "summary.fig.this", "summary.fig.previous")
    rows += [[], [t(key) for key in heads]]
    rows += [[str(a), str(b), int(str(c)), int(str(d))] for a, b, c, d in breakdown_rows(report)]
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            set_cell(sheet.cell(row=r, column=c), value)
    for r in (1, breakdown_header):
        for cell in sheet[r]:
            cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for r in range(2, len(labelled) + 2):
        for c in (5, 7):
            sheet.cell(row=r, column=c).number_format = PERCENT
    for c in range(1, 8):
        sheet.column_dimensions[get_column_letter(c)].width = 18


def _fill_summary(
    sheet: Worksheet,
    report: PeriodReport,
    period: Period,
    branch_name: str,
    prepared_by: str,
    generated_at: datetime,
) -> None:
    rows: list[list[Value]] = [
        [t("summary.title")],
        [t("summary.branch"), branch_name],
        [t("summary.period"), period_said(period, report)],
        [t("summary.previous"), period.previous().message().text()],
        [t("summary.prepared_by"), prepared_by],
        [t("summary.prepared_at"), local(generated_at)],
        [t("summary.as_of"), local(report.as_of)],
        [],
        [t("summary.fig.name"), t("summary.fig.this"), t("summary.fig.previous")],
    ]
    header_row = len(rows)
    now, before = headline_values(report.figures), headline_values(report.previous)
    rows += [[t(key), a, b] for (key, a), (_k, b) in zip(now, before, strict=True)]
    rows.append([t("summary.fig.hazards_overdue"), report.hazards_overdue])
    rows.append([t("summary.fig.actions_overdue"), len(report.actions_overdue)])
    rows += [[], [t("summary.col.age"), t("summary.col.count")]]
    ageing_header = len(rows)
    rows += [[t(key), n] for (_low, key), n in zip(AGEING_BANDS, report.ageing, strict=True)]
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=c)
            set_cell(cell, value)
            if isinstance(value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            if c == 1:
                cell.font = Font(bold=True)
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
    for r in (header_row, ageing_header):
        for cell in sheet[r]:
            cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    keys = [k for k, _v in now]
    for key in ("summary.fig.inspection_rate", "summary.fig.complaint_on_time_rate",
                "summary.fig.complaint_satisfaction_rate"):  # fmt: skip
        for c in (2, 3):
            sheet.cell(row=header_row + 1 + keys.index(key), column=c).number_format = PERCENT
    widths = [max((text_width(str(v[0])) for v in rows[1:] if v), default=10) + 2, 18, 18]
    for c, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(c)].width = width


def build_summary_workbook(
    services: Services,
    actor: Actor,
    period: Period,
    out_path: Path,
    on_anchor: anchoring.AnchorNote | None = None,
) -> Path:
    """Read the period as `actor`, write its workbook to `out_path` (whole or not at all) and
    append its signed anchor (`on_anchor` hears whether that worked), as the PDF's."""
    report = services.dashboard.period_report(actor, period)
    branch = services.branch.get()
    who = services.auth.names(actor)(actor.username)
    stamp = anchoring.stamp(
        services, actor, "", "", f"export summary {period.code} xlsx", anchoring.PERIOD_RECORDS
    )
    branch_name = branch.name if branch else ""
    data = render_summary_workbook(report, period, branch_name=branch_name, prepared_by=who, stamp=stamp)
    write_atomically(Path(out_path), data)
    anchoring.finish(services, stamp, on_anchor)
    return Path(out_path)
