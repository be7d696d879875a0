"""The periodic safety report (网点安全管理工作报告) for a month, a quarter or a year: the branch,
the period and who prepared it; the headline figures against the previous period; incidents by
category and level with outcomes and losses; drills against each compliance rule, with scores and
corrective actions; inspections done against scheduled and the failure rate per checklist; hazards
opened, closed, overdue, ageing and the major ones' milestones; customer complaints month by month
and by channel, category and cause, with the on-time and satisfaction rates; actions overdue;
charts; a sign-off
block; and the ledger head with its signed anchor (reports/anchoring.py).

Every number comes from `DashboardService.period_report`, whose figures are the dashboard's own
`figures_for_period`: the report and the dashboard agree by construction. The wide tables (the
incident list, the major hazards) are set on landscape pages."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
)

from branchguard.core.anchors.types import Stamp
from branchguard.core.dashboard.rules import Period
from branchguard.core.dashboard.types import PeriodReport
from branchguard.core.incidents.text import local_stamp
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor
from branchguard.core.people.types import BranchRole
from branchguard.reports import anchoring, summary_charts, summary_complaints, summary_tables
from branchguard.reports.fonts import FontChoice, find_cjk_font
from branchguard.reports.incident_report import pairs_table
from branchguard.reports.summary_complaints import has_complaints
from branchguard.reports.template import (
    LANDSCAPE,
    PAGE_SIZE,
    ReportMeta,
    ReportStyles,
    content_width,
    make_styles,
    make_table,
    para,
    render_mixed_pdf,
    signature_lines,
    write_atomically,
)

if TYPE_CHECKING:
    from branchguard.core.services import Services

HEADING_ROOM = 30 * mm


def render_summary_report(
    report: PeriodReport,
    period: Period,
    font: FontChoice,
    *,
    branch_name: str = "",
    prepared_by: str = "",
    generated_at: datetime | None = None,
    stamp: Stamp | None = None,
) -> tuple[bytes, int]:
    """The report as PDF bytes and its page count."""
    generated_at = generated_at or datetime.now().astimezone()
    meta = ReportMeta(
        title=t("summary.header", period=period.message().text()),
        branch_name=branch_name,
        generated_at=generated_at,
        keywords=anchoring.keywords(stamp) if stamp else "",
    )
    styles = make_styles(font)
    story = _story(styles, report, period, branch_name, prepared_by, generated_at, stamp)
    return render_mixed_pdf(meta, story, font)


def build_summary_report(
    services: Services,
    actor: Actor,
    period: Period,
    out_path: Path,
    font_setting: str = "",
    on_anchor: anchoring.AnchorNote | None = None,
    now: datetime | None = None,
) -> FontChoice:
    """Read the period as `actor`, write the report to `out_path` (whole or not at all), append
    its signed anchor (`on_anchor` hears whether that worked) and return the font used."""
    report = services.dashboard.period_report(actor, period, now=now)
    branch = services.branch.get()
    font = find_cjk_font(font_setting)
    stamp = anchoring.stamp(
        services, actor, "", "", f"report summary {period.code}", anchoring.PERIOD_RECORDS
    )
    data, _pages = render_summary_report(
        report,
        period,
        font,
        branch_name=branch.name if branch else "",
        prepared_by=services.auth.names(actor)(actor.username),
        stamp=stamp,
    )
    write_atomically(Path(out_path), data)
    anchoring.finish(services, stamp, on_anchor)
    return font


def _section(styles: ReportStyles, heading: str, *body: Flowable) -> list[Flowable]:
    return [CondPageBreak(HEADING_ROOM * styles.scale), para(heading, styles.heading), *body]


def _sub(styles: ReportStyles, heading: str, body: Flowable | None, keep: bool = False) -> list[Flowable]:
    """A sub-heading kept with the start of its body (with all of it when `keep`); "none in this
    period" when there is none."""
    sub = para(heading, styles.cell_bold)
    if body is None:
        return [sub, para(t("summary.none"), styles.small), Spacer(1, 2 * mm)]
    if keep:
        return [KeepTogether([sub, Spacer(1, 1 * mm), body]), Spacer(1, 3 * mm)]
    return [CondPageBreak(HEADING_ROOM * styles.scale), sub, Spacer(1, 1 * mm), body, Spacer(1, 3 * mm)]


def _ageing(styles: ReportStyles, report: PeriodReport, width: float) -> Flowable:
    """The open hazards by age: the table and its chart side by side."""
    left = width * 0.38
    table = summary_tables.ageing_table(styles, report, left)
    chart = summary_charts.ageing_chart(styles, report.ageing, width - left - 4 * mm)
    return make_table(
        styles,
        [[table, chart]],
        [left + 4 * mm, width - left - 4 * mm],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (0, 0), 4 * mm),
        ],
    )


def _turn(template: str) -> list[Flowable]:
    return [NextPageTemplate(template), PageBreak()]


def _story(
    styles: ReportStyles,
    report: PeriodReport,
    period: Period,
    branch_name: str,
    prepared_by: str,
    generated_at: datetime,
    stamp: Stamp | None,
) -> list[Flowable]:
    width = content_width()
    wide = content_width(landscape(PAGE_SIZE))
    story: list[Flowable] = [
        Paragraph(t("summary.title"), styles.title),
        para(_subtitle(report, period), styles.body),
        Spacer(1, 3 * mm),
        _facts(styles, report, period, branch_name, prepared_by, generated_at, width),
    ]
    headline: list[Flowable] = [summary_tables.headline(styles, report, width)]
    if _running(report):  # a part of this period set against the whole of the last: said under it
        headline.append(para(t("summary.running_note"), styles.small))
    story += _section(styles, t("summary.section.headline"), *headline)
    story += _section(
        styles,
        t("summary.section.trends"),
        summary_charts.activity_chart(styles, report.months, width),
        Spacer(1, 3 * mm),
        summary_charts.hazard_chart(styles, report.months, width),
    )
    # the portrait sections; the wide lists (incidents, major hazards) follow on landscape pages
    annex: list[Flowable] = []
    story += _section(styles, t("summary.section.incidents"))
    story += _sub(
        styles,
        t("summary.sub.by_category"),
        summary_tables.by_category(styles, report, width) if report.incidents else None,
    )
    if report.incidents:
        story.append(para(t("summary.see_annex", table=t("summary.sub.incident_list")), styles.small))
        annex += _sub(
            styles, t("summary.sub.incident_list"), summary_tables.incident_list(styles, report, wide)
        )
    story += _section(styles, t("summary.section.drills"))
    story += _sub(
        styles,
        t("summary.sub.rules"),
        summary_tables.rules_table(styles, report, width) if report.rules else None,
    )
    story += _sub(
        styles,
        t("summary.sub.runs"),
        summary_tables.drills_table(styles, report, width) if report.drills else None,
    )
    story += _section(styles, t("summary.section.inspections"))
    story += _sub(styles, t("summary.sub.checklists"), summary_tables.checklists_table(styles, report, width))
    story += _section(styles, t("summary.section.hazards"))
    story += _sub(styles, t("summary.sub.ageing"), _ageing(styles, report, width), keep=True)
    if report.major_hazards:
        story.append(para(t("summary.see_annex", table=t("summary.sub.majors")), styles.small))
        annex += _sub(styles, t("summary.sub.majors"), summary_tables.majors_table(styles, report, wide))
    else:
        story += _sub(styles, t("summary.sub.majors"), None)
    months = summary_complaints.months_table(styles, report, width)
    first = _sub(styles, t("summary.sub.complaint_months"), months if has_complaints(report) else None, True)
    heading = para(t("summary.section.complaints"), styles.heading)
    story += [CondPageBreak(HEADING_ROOM * styles.scale), KeepTogether([heading, *first])]
    breakdown = summary_complaints.breakdown_table(styles, report, width)
    story += _sub(styles, t("summary.sub.complaint_breakdown"), breakdown)
    story += _section(styles, t("summary.section.actions"))
    story += (
        [summary_tables.actions_table(styles, report.actions_overdue, report.as_of, width)]
        if report.actions_overdue
        else [para(t("summary.none"), styles.small)]
    )
    # signed at the end of the report's body, section 8, before the annex's tables (after them,
    # the sign-off once came after pages of landscape lists)
    closing: list[Flowable] = [para(t("summary.section.signoff"), styles.heading)]
    signers = (BranchRole.BRANCH_HEAD.label, t("summary.signers.lead"), t("report.signer.handler"))
    closing += signature_lines(styles, width, signers)
    story.append(KeepTogether(closing))
    if annex:
        story += [*_turn(LANDSCAPE), para(t("summary.section.annex"), styles.heading), *annex]
    if stamp is not None:
        story += _section(
            styles, t("summary.section.integrity"), *anchoring.flowables(styles, stamp, record_entity=False)
        )
    return story


def _running(report: PeriodReport) -> bool:
    """Whether the period had not ended when its figures were taken."""
    return report.as_of.astimezone().date() < report.end


def _subtitle(report: PeriodReport, period: Period) -> str:
    """The line under the title: the period and its days; while it runs, that it does and the
    moment its figures are taken (`as_of`: now, before the period's end)."""
    words, first, last = period.message().text(), report.start.isoformat(), report.end - timedelta(days=1)
    if _running(report):
        as_of = local_stamp(report.as_of, "%Y-%m-%d %H:%M")
        return t("summary.subtitle_running", period=words, first=first, last=last.isoformat(), as_of=as_of)
    return t("summary.subtitle", period=words, first=first, last=last.isoformat())


def _facts(
    styles: ReportStyles,
    report: PeriodReport,
    period: Period,
    branch_name: str,
    prepared_by: str,
    generated_at: datetime,
    width: float,
) -> Flowable:
    previous = period.previous()
    pairs: list[tuple[str, str | Flowable]] = [
        (t("summary.branch"), branch_name or "—"),
        (t("summary.period"), summary_tables.period_said(period, report)),
        (t("summary.previous"), previous.message().text()),
        (t("summary.prepared_by"), prepared_by or "—"),
        (t("summary.prepared_at"), generated_at.strftime("%Y-%m-%d %H:%M")),
        (t("summary.as_of"), local_stamp(report.as_of, "%Y-%m-%d %H:%M")),
    ]
    return pairs_table(styles, pairs, width)
