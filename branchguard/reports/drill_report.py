"""The drill report (演练报告, AQ/T 9007/9009 style): overview, goals, participants, step timings
against targets as a chart, timeline, scores by criterion, problems, lessons, actions, the hazards
raised from it, signatures."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from branchguard.core.accounts.names import Names
from branchguard.core.anchors.types import Stamp
from branchguard.core.drills.types import DrillRecord, StepResult
from branchguard.core.hazards.types import HazardFilter, HazardInfo
from branchguard.core.incidents.text import elapsed_text, local_stamp
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor
from branchguard.core.people.types import BranchRole
from branchguard.reports import anchoring
from branchguard.reports.fonts import FontChoice, find_cjk_font
from branchguard.reports.incident_report import (
    actions_section,
    chain_section,
    drill_markup,
    drill_meta,
    pairs_table,
    section_heading,
)
from branchguard.reports.incident_tables import step_timings, timeline
from branchguard.reports.template import (
    ACCENT,
    RULE,
    Cell,
    ReportStyles,
    chart_drawing,
    content_width,
    data_table,
    make_styles,
    para,
    render_pdf,
    signature_lines,
    write_atomically,
)

if TYPE_CHECKING:
    from branchguard.core.services import Services

TARGET_COLOUR = colors.HexColor("#90A4AE")
CHART_HEIGHT = 62 * mm


def render_drill_report(
    record: DrillRecord,
    font: FontChoice,
    *,
    branch_name: str = "",
    generated_at: datetime | None = None,
    stamp: Stamp | None = None,
    names: Names | None = None,
    hazards: Sequence[HazardInfo] = (),
) -> tuple[bytes, int]:
    """The report as PDF bytes and its page count; every page's header says 演练 DRILL. `stamp`
    adds the ledger heads, the key, what was proved, and the signed anchor in the PDF's Keywords;
    `names` shows logins as people's names; `hazards` are those raised from the drill."""
    keywords = anchoring.keywords(stamp) if stamp else ""
    meta = drill_meta(t("report.drill.header", id=record.plan.id), branch_name, True, generated_at, keywords)
    return render_pdf(meta, _story(make_styles(font, names=names), record, stamp, hazards), font)


def build_drill_report(
    services: Services,
    actor: Actor,
    plan_id: int,
    out_path: Path,
    font_setting: str = "",
    on_anchor: anchoring.AnchorNote | None = None,
) -> FontChoice:
    """Read drill `plan_id` as `actor`, write its report to `out_path` (whole or not at all) and
    append its signed anchor (`on_anchor` hears whether that worked)."""
    record = services.drills.record_of(actor, plan_id)
    branch = services.branch.get()
    font = find_cjk_font(font_setting)
    # The drill's evidence in the ledger is the log of the incident it ran as.
    run = record.incident.summary.id if record.incident is not None else None
    entity, entity_id = ("incident", run) if run is not None else ("", "")
    hazards = services.hazards.list(actor, HazardFilter(drill_id=plan_id))
    # ...and what else it prints, each record with its parts: the plan with its scores, the playbook
    # version it ran with its steps, and each hazard raised from it with its steps and events
    # (another drill's are not this report's)
    printed = [("drill_plan", plan_id), *(("hazard", h.id) for h in hazards)]
    if record.incident is not None:
        printed += anchoring.plan_of(record.incident.summary)
    what = f"report drill {plan_id}"
    stamp = anchoring.stamp(services, actor, entity, entity_id, what, records=printed)
    data, _pages = render_drill_report(
        record,
        font,
        branch_name=branch.name if branch else "",
        stamp=stamp,
        names=services.auth.names(actor),
        hazards=sorted(hazards, key=lambda h: h.id),
    )
    write_atomically(Path(out_path), data)
    anchoring.finish(services, stamp, on_anchor)
    return font


def _story(
    styles: ReportStyles, record: DrillRecord, stamp: Stamp | None = None, hazards: Sequence[HazardInfo] = ()
) -> list[Flowable]:
    width, plan, detail = content_width(), record.plan, record.incident
    title = f"{drill_markup()}&nbsp; {escape(plan.title)}"
    story: list[Flowable] = [Paragraph(title, styles.title)]
    if record.voided is not None:  # above all: what follows no longer counts
        story.append(para(t("report.drill.voided_note"), styles.heading))
    story += section_heading(styles, t("report.drill.overview"), _overview(styles, record, width))
    story += section_heading(styles, t("report.drill.goals"), _lines(styles, plan.goals))
    story += section_heading(styles, t("report.drill.participants"), _participants(styles, record, width))
    if detail is None:
        missing = "report.drill.no_log" if plan.recorded_afterwards else "report.drill.not_run"
        story.append(para(t(missing), styles.body))
    else:
        if detail.steps:
            story += section_heading(
                styles, t("report.drill.timings"), timing_chart(styles, record.steps, width)
            )
            story += [
                para(t("report.drill.chart_caption"), styles.small),
                step_timings(styles, detail, width),
            ]
        count = len(detail.entries)
        story += section_heading(
            styles, t("report.incident.timeline", count=count), timeline(styles, detail.entries, width)
        )
    story += section_heading(styles, t("report.drill.scores"), _scores(styles, record, width))
    if record.evaluation is not None:
        ev = record.evaluation
        none = t("report.drill.none")
        pairs: list[tuple[str, Cell]] = [
            (t("report.drill.problems"), ev.problems or none),
            (t("report.drill.lessons"), ev.lessons or none),
        ]
        story += section_heading(
            styles, t("report.drill.findings"), pairs_table(styles, pairs, width, columns=1)
        )
    if detail is not None and detail.actions:
        story += section_heading(styles, t("report.drill.actions"), actions_section(styles, detail, width))
    if hazards:
        story += section_heading(styles, t("report.drill.hazards"), _hazards(styles, hazards, width))
    signers = (BranchRole.BRANCH_HEAD.label, t("report.drill.signer.evaluator"), t("report.signer.handler"))
    flat = signature_lines(styles, width, signers)
    closing: list[Flowable] = []
    if detail is not None:
        closing = [para(t("report.incident.integrity"), styles.heading), *chain_section(styles, detail)]
    if stamp is not None:
        closing = closing or [para(t("report.incident.integrity"), styles.heading)]
        closing += anchoring.flowables(styles, stamp, record_entity=detail is not None)
    story.append(KeepTogether([*closing, *flat]))
    return story


def _overview(styles: ReportStyles, record: DrillRecord, width: float) -> Table:
    plan = record.plan
    headcount = t("report.drill.not_counted")
    if record.headcount is not None:
        present, expected = record.headcount
        headcount = t(
            "report.drill.headcount_value",
            present=present,
            expected=expected if expected is not None else "-",
        )
    score = f"{record.evaluation.score:g} / 100" if record.evaluation else t("report.drill.not_evaluated")
    run = record.incident.summary if record.incident is not None else None
    ended = run.closed_at if run is not None else None  # the drill ends when its incident is closed
    run_id = f"#{plan.incident_id}" if plan.incident_id else "—"
    incident: tuple[str, Cell] = (t("report.drill.incident"), run_id)
    if plan.recorded_afterwards:  # no live log: when and from what it was entered, in its place
        recorded = t(
            "report.drill.recorded_from",
            reference=plan.notes,
            who=styles.who(plan.created_by),
            at=local_stamp(plan.created_at),
        )
        incident = (t("report.drill.recorded_afterwards"), recorded)
    status: list[tuple[str, Cell]] = [(t("report.playbook.status"), plan.status.label)]
    if (voided := record.voided) is not None:
        said = t("report.drill.voided_by", who=styles.who(voided.by), at=local_stamp(voided.at))
        status = [
            (t("report.playbook.status"), t("report.drill.voided_status")),
            (t("report.drill.voided"), said),
            (t("report.drill.void_reason"), voided.reason),
        ]
    pairs: list[tuple[str, Cell]] = [
        (t("report.drill.number"), f"#{plan.id}"),
        *status,
        (t("field.playbook"), plan.playbook_code),
        (t("field.category"), plan.category.label),
        (t("field.drill_scope"), plan.scope.label),
        (t("field.drill_mode"), plan.mode.label),
        (
            t("report.drill.announced"),
            t("report.drill.announced_yes") if plan.announced else t("report.drill.announced_no"),
        ),
        (t("report.drill.planned_at"), local_stamp(plan.planned_at) if plan.planned_at else "—"),
        (t("report.drill.run_at"), local_stamp(plan.run_at) if plan.run_at else t("report.drill.not_run")),
        (t("report.drill.ended_at"), local_stamp(ended) if ended else "—"),
        (t("report.incident.duration"), elapsed_text(ended - plan.run_at) if ended and plan.run_at else "—"),
        incident,
        (t("report.drill.headcount"), headcount),
        (t("field.scores"), score),
    ]
    return pairs_table(styles, pairs, width)


def _hazards(styles: ReportStyles, hazards: Sequence[HazardInfo], width: float) -> Table:
    """The hazards raised from the drill: number, title, status now."""
    rows: list[list[Cell]] = [[h.number, h.title, h.status.label] for h in hazards]
    headers = [t("report.drill.col.hazard"), t("field.title"), t("field.hazard_status")]
    fixed = [width * 0.24, width * 0.16]
    return data_table(styles, headers, rows, [fixed[0], width - sum(fixed), fixed[1]], split_rows=True)


def _lines(styles: ReportStyles, lines: Sequence[str]) -> Flowable:
    if not lines:
        return para(t("report.drill.none"), styles.body)
    return para("\n".join(f"{i}. {line}" for i, line in enumerate(lines, start=1)), styles.body)


def _participants(styles: ReportStyles, record: DrillRecord, width: float) -> Table:
    plan = record.plan
    sep = t("incident.list_sep")
    pairs: list[tuple[str, Cell]] = [
        (_role_label(role), sep.join(names)) for role, names in plan.participants.items()
    ]
    pairs.append((t("report.drill.observers"), sep.join(plan.observers) or t("report.drill.none")))
    if plan.expected_headcount is not None:
        pairs.append((t("field.expected_headcount"), str(plan.expected_headcount)))
    return pairs_table(styles, pairs, width, columns=1)


def _role_label(role: str) -> str:
    """A branch role's name in the current language; a team or role typed by hand as it is."""
    known = {r.value: r for r in BranchRole}
    return known[role].label if role in known else role


def _scores(styles: ReportStyles, record: DrillRecord, width: float) -> Flowable:
    ev = record.evaluation
    if ev is None:
        return para(t("report.drill.not_evaluated"), styles.body)
    rows: list[list[Cell]] = [
        [str(i), c.text.text, str(c.weight), str(c.score), f"{c.points:g}"]
        for i, c in enumerate(ev.criteria, start=1)
    ]
    rows.append(
        [
            "",
            para(t("report.drill.total"), styles.cell_bold),
            "100",
            "",
            para(f"{ev.score:g}", styles.cell_bold),
        ]
    )
    headers = [
        "#",
        t("report.drill.col.criterion"),
        t("report.drill.col.weight"),
        t("report.drill.col.score"),
        t("report.drill.col.points"),
    ]
    number_w = styles.cell.fontSize * 2 + 7
    fixed = [width * 0.12] * 3
    widths = [number_w, width - number_w - sum(fixed), *fixed]
    table = data_table(styles, headers, rows, widths, split_rows=True)  # a criterion of many lines
    who = t("report.drill.evaluator", who=styles.who(ev.evaluator), at=local_stamp(ev.evaluated_at))
    return KeepTogether([table, para(who, styles.small)])


def timing_chart(styles: ReportStyles, steps: Sequence[StepResult], width: float) -> Drawing:
    """Grouped bars per step: the plan's target and the minutes actually taken from the start."""
    drawing = chart_drawing(styles, width, CHART_HEIGHT * styles.scale)
    chart = VerticalBarChart()
    chart.x, chart.y = 28, 30
    chart.width, chart.height = width - 40, drawing.height - 48
    # A missing value draws no bar: a step without a target, or skipped / not done.
    chart.data = [
        [float(s.target_minutes) if s.target_minutes is not None else None for s in steps],
        [s.actual_minutes for s in steps],
    ]
    chart.categoryAxis.categoryNames = [str(s.number) for s in steps]
    # each actual time written above its bar: a step done in its first minute has a bar of no
    # height, which once read as "skipped" beside the caption; its label says 0
    chart.barLabelFormat = "values"
    chart.barLabelArray = [
        ["" for _s in steps],
        ["" if s.actual_minutes is None else f"{s.actual_minutes:.0f}" for s in steps],
    ]
    chart.barLabels.fontName, chart.barLabels.fontSize = styles.font.name, 6 * styles.scale
    chart.barLabels.nudge = 5
    for axis in (chart.categoryAxis.labels, chart.valueAxis.labels):
        axis.fontName, axis.fontSize = styles.font.name, 7 * styles.scale
    chart.valueAxis.valueMin = 0
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.bars[0].fillColor, chart.bars[1].fillColor = TARGET_COLOUR, ACCENT
    chart.bars.strokeColor = None
    chart.barSpacing, chart.groupSpacing = 1, 6
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 30, drawing.height - 6
    legend.fontName, legend.fontSize = styles.font.name, 8 * styles.scale
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 90
    legend.colorNamePairs = [
        (TARGET_COLOUR, t("report.drill.chart_target")),
        (ACCENT, t("report.drill.chart_actual")),
    ]
    drawing.add(legend)
    return drawing
