"""The periodic report's tables, one function a section part: each takes the report's content
(core/dashboard PeriodReport) and the width it gets, and returns a flowable."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from branchguard.core.dashboard.rules import AGEING_BANDS, Period
from branchguard.core.dashboard.types import ActionLine, MajorHazardLine, PeriodFigures, PeriodReport, Waiver
from branchguard.core.drills.types import ComplianceItem
from branchguard.core.hazards.rules import Milestones
from branchguard.core.incidents.text import local_stamp, yuan_text
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Level
from branchguard.core.playbooks.types import IncidentCategory
from branchguard.reports.cjk_paragraph import TextParagraph
from branchguard.reports.hazard_register import SHORT_COLOUR
from branchguard.reports.incident_tables import ALERT
from branchguard.reports.template import ACCENT_LIGHT, Cell, ReportStyles, data_table, para

DAY = "%Y-%m-%d"
DASH = "—"


def day(at: datetime | None) -> str:
    return local_stamp(at, DAY) if at else DASH


def period_said(period: Period, report: PeriodReport) -> str:
    """The period with its first and last day, as the PDF and the workbook both head it: the
    workbook said "2026 (2026)" for a year, its code where the PDF gave its days."""
    last_day = report.end - timedelta(days=1)
    return f"{period.message().text()} ({report.start.isoformat()} – {last_day.isoformat()})"


def percent(value: float | None) -> str:
    return DASH if value is None else f"{100 * value:.0f}%"


def change(now: float | None, before: float | None, places: int | None = None) -> str:
    """+3, −2, 0, or a dash when either side is missing; with `places`, always that many decimals
    (an average score's "+7.0" beside 88.0 and 81.0, where "+7" read as a count)."""
    if now is None or before is None:
        return DASH
    diff = now - before if places is None else round(now - before, places)
    if places is not None:
        text = f"{abs(diff):.{places}f}"
        return text if diff == 0 else ("+" if diff > 0 else "−") + text
    whole = not isinstance(diff, float) or diff.is_integer()
    text = f"{abs(int(diff))}" if whole else f"{abs(diff):.1f}"
    return "0" if diff == 0 else ("+" if diff > 0 else "−") + text


def score(value: float | None) -> str:
    """An average drill score as the dashboard shows it: one decimal ("92.0"), a dash for none."""
    return DASH if value is None else f"{value:.1f}"


def headline_rows(
    this: PeriodFigures, before: PeriodFigures, hazards_overdue: int, actions_overdue: int
) -> list[tuple[str, str, str, str]]:
    """(figure, this period, previous period, change): the report's first table and the workbook's."""

    def row(key: str, now: float | None, prev: float | None) -> tuple[str, str, str, str]:
        a, b = DASH if now is None else f"{now:g}", DASH if prev is None else f"{prev:g}"
        return (t(key), a, b, change(now, prev))

    def rate_row(key: str, now: float | None, prev: float | None) -> tuple[str, str, str, str]:
        """A rate's change in percentage points ("+27 pp"): "+27" read as 27 %."""
        if now is None or prev is None:
            return (t(key), percent(now), percent(prev), DASH)
        points = change(round(100 * now), round(100 * prev))
        return (t(key), percent(now), percent(prev), t("summary.points", change=points))

    return [
        row("summary.fig.incidents", this.incidents, before.incidents),
        row("summary.fig.drills", this.drills, before.drills),
        row("summary.fig.drills_evaluated", this.drills_evaluated, before.drills_evaluated),
        (  # one decimal always, as the dashboard shows it: "92.0" beside "82.7", not "92"; "+7.0"
            t("summary.fig.drill_score"),
            score(this.drill_score_average),
            score(before.drill_score_average),
            change(this.drill_score_average, before.drill_score_average, places=1),
        ),
        row("summary.fig.hazards_opened", this.hazards_opened, before.hazards_opened),
        row("summary.fig.hazards_resolved", this.hazards_resolved, before.hazards_resolved),
        row("summary.fig.hazards_open_at_end", this.hazards_open_at_end, before.hazards_open_at_end),
        row("summary.fig.majors_waived", this.majors_waived, before.majors_waived),
        row("summary.fig.inspections_due", this.inspections_due, before.inspections_due),
        row("summary.fig.inspections_done", this.inspections_done, before.inspections_done),
        rate_row("summary.fig.inspection_rate", this.inspection_completion, before.inspection_completion),
        row("summary.fig.inspections_submitted", this.inspections_submitted, before.inspections_submitted),
        row("summary.fig.complaints", this.complaints_received, before.complaints_received),
        row("summary.fig.grumbles", this.grumbles_received, before.grumbles_received),
        row("summary.fig.objections", this.objections_received, before.objections_received),
        rate_row(
            "summary.fig.complaint_on_time_rate", this.complaint_on_time_rate, before.complaint_on_time_rate
        ),
        rate_row(
            "summary.fig.complaint_satisfaction_rate",
            this.complaint_satisfaction_rate,
            before.complaint_satisfaction_rate,
        ),
        (t("summary.fig.hazards_overdue"), str(hazards_overdue), DASH, DASH),
        (t("summary.fig.actions_overdue"), str(actions_overdue), DASH, DASH),
    ]


def headline(styles: ReportStyles, report: PeriodReport, width: float) -> Flowable:
    rows = headline_rows(report.figures, report.previous, report.hazards_overdue, len(report.actions_overdue))
    headers = [
        t("summary.fig.name"),
        t("summary.fig.this"),
        t("summary.fig.previous"),
        t("summary.fig.change"),
    ]
    number = width * 0.16
    right = [("ALIGN", (1, 1), (-1, -1), "RIGHT")]
    return data_table(styles, headers, rows, [width - 3 * number, number, number, number], extra_style=right)


def by_category(styles: ReportStyles, report: PeriodReport, width: float) -> Flowable:
    """Rows: each category with incidents; columns: each level and the total (the figures' sums)."""
    counts: dict[tuple[str, str], int] = {}
    for line in report.incidents:
        key = (line.category.value, line.level.value)
        counts[key] = counts.get(key, 0) + 1
    categories = [c for c in IncidentCategory if report.figures.incidents_by_category.get(c.value)]
    rows: list[list[Cell]] = []
    for c in categories:
        cells = [str(counts.get((c.value, lv.value), 0)) for lv in Level]
        rows.append([c.label, *cells, str(report.figures.incidents_by_category.get(c.value, 0))])
    totals = [str(report.figures.incidents_by_level.get(lv.value, 0)) for lv in Level]
    rows.append([t("summary.col.total"), *totals, str(report.figures.incidents)])
    headers = [t("summary.col.category"), *(lv.label for lv in Level), t("summary.col.total")]
    column = width * 0.16
    first = width - column * (len(Level) + 1)
    extra = [
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("BACKGROUND", (0, len(rows)), (-1, len(rows)), ACCENT_LIGHT),
    ]
    return data_table(styles, headers, rows, [first] + [column] * (len(Level) + 1), extra_style=extra)


def incident_list(styles: ReportStyles, report: PeriodReport, width: float) -> Flowable:
    rows: list[list[Cell]] = []
    for line in report.incidents:
        outcome = line.outcome or (t("summary.still_open") if line.closed_at is None else DASH)
        if line.injuries:
            outcome += f"\n{t('field.injuries')}: {line.injuries}"
        rows.append(
            [
                f"#{line.id}",
                local_stamp(line.started_at, "%Y-%m-%d %H:%M"),
                line.title,
                line.category.label,
                line.level.value,
                line.status.label,
                outcome,
                yuan_text(line.losses_cents) or DASH,
            ]
        )
    headers = [
        "#",
        t("summary.col.started"),
        t("summary.col.title"),
        t("summary.col.category"),
        t("summary.col.level"),
        t("summary.col.status"),
        t("summary.col.outcome"),
        t("summary.col.losses"),
    ]
    fractions = [0.05, 0.12, 0.17, 0.15, 0.05, 0.07, 0.27, 0.12]
    return data_table(styles, headers, rows, [width * f for f in fractions], valign="TOP", split_rows=True)


def _never(item: ComplianceItem) -> str:
    """A rule never met: since when it was counted (the branch's first day in BranchGuard)."""
    if item.first_since is None:
        return t("summary.never")
    return t("drill.compliance.none_since", day=item.first_since.isoformat())


def rules_table(styles: ReportStyles, report: PeriodReport, width: float) -> Flowable:
    overdue = ParagraphStyle("overdue", parent=styles.cell_bold, textColor=ALERT)
    rows: list[list[Cell]] = []
    for line in report.rules:
        item = line.item
        state: Cell = item.status.label
        if item.status.value == "overdue":
            state = para(item.status.label, overdue)
        rows.append(
            [
                item.rule.name.text,
                t("summary.months", n=item.rule.interval_months),
                _drills_done(line.drills),
                day(item.last_done) if item.last_done else _never(item),
                item.next_due.isoformat() if item.next_due else DASH,
                state,
            ]
        )
    headers = [
        t("summary.col.rule"),
        t("summary.col.interval"),
        t("summary.col.done"),
        t("summary.col.last"),
        t("summary.col.next_due"),
        t("summary.col.state"),
    ]
    fractions = [0.3, 0.1, 0.14, 0.2, 0.14, 0.12]  # "Last done" holds "none since <day>" on a line
    return data_table(styles, headers, rows, [width * f for f in fractions], valign="TOP", split_rows=True)


SHOWN_DRILLS = 8  # a year's 49 drill numbers made a row taller than half a page; the annex lists all


def _drills_done(drills: Sequence[int]) -> str:
    """How many drills a rule saw and the first of their numbers: "13 (#549, #550, … and 5 more)"."""
    if not drills:
        return "0"
    shown = [f"#{i}" for i in drills[:SHOWN_DRILLS]]
    if len(drills) > SHOWN_DRILLS:
        shown.append(t("summary.and_more", n=len(drills) - SHOWN_DRILLS))
    return f"{len(drills)} ({', '.join(shown)})"


def drills_table(styles: ReportStyles, report: PeriodReport, width: float) -> Flowable:
    rows: list[list[Cell]] = []
    for d in report.drills:
        open_ = sum(1 for a in d.actions if a.done_at is None)
        actions = "\n".join(_action_text(a) for a in d.actions) if d.actions else DASH
        if d.actions:
            actions = t("summary.actions_cell", n=len(d.actions), open=open_) + "\n" + actions
        rows.append(
            [
                f"#{d.plan_id}",
                local_stamp(d.run_at, "%Y-%m-%d %H:%M"),
                d.title,
                d.category.label,
                t("summary.not_scored") if d.score is None else f"{d.score:.1f}",
                actions,
            ]
        )
    headers = [
        "#",
        t("summary.col.run_at"),
        t("summary.col.drill"),
        t("summary.col.category"),
        t("summary.col.score"),
        t("summary.col.actions"),
    ]
    fractions = [0.06, 0.13, 0.21, 0.16, 0.08, 0.36]  # "Business-system failure" unbroken
    return data_table(styles, headers, rows, [width * f for f in fractions], valign="TOP", split_rows=True)


def _action_text(a: ActionLine) -> str:
    state = f"✓ {day(a.done_at)}" if a.done_at else (a.due.isoformat() if a.due else DASH)
    return f"• {a.text} ({a.owner}; {state})"


def checklists_table(styles: ReportStyles, report: PeriodReport, width: float) -> Flowable:
    rows: list[list[Cell]] = []
    for c in report.checklists:
        name = c.name.text or c.code or t("summary.unscheduled")
        rate = c.done / c.due if c.due else None
        rows.append(
            [name, str(c.due), str(c.done), percent(rate), str(c.submitted), str(c.items), str(c.failed),
             percent(c.failure_rate)]
        )  # fmt: skip
    f = report.figures
    items = sum(c.items for c in report.checklists)
    failed = sum(c.failed for c in report.checklists)
    done_rate = percent(f.inspection_completion)
    overall = percent(failed / items if items else None)
    rows.append(
        [t("summary.overall"), str(f.inspections_due), str(f.inspections_done), done_rate,
         str(f.inspections_submitted), str(items), str(failed), overall]
    )  # fmt: skip
    headers = [
        t("summary.col.checklist"),
        t("summary.col.due"),
        t("summary.col.completed"),
        t("summary.col.rate"),
        t("summary.col.submitted"),
        t("summary.col.items"),
        t("summary.col.failed"),
        t("summary.col.failure_rate"),
    ]
    column = width * 0.1
    extra = [
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("BACKGROUND", (0, len(rows)), (-1, len(rows)), ACCENT_LIGHT),
    ]
    return data_table(styles, headers, rows, [width - 7 * column] + [column] * 7, extra_style=extra)


def ageing_table(styles: ReportStyles, report: PeriodReport, width: float) -> Flowable:
    rows: list[list[Cell]] = [
        [t(key), str(n)] for (_low, key), n in zip(AGEING_BANDS, report.ageing, strict=True)
    ]
    rows.append([t("summary.col.total"), str(sum(report.ageing))])
    extra = [
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("BACKGROUND", (0, len(rows)), (-1, len(rows)), ACCENT_LIGHT),
    ]
    return data_table(
        styles,
        [t("summary.col.age"), t("summary.col.count")],
        rows,
        [width * 0.7, width * 0.3],
        extra_style=extra,
    )


def _milestone(due: datetime | None, done: datetime | None, as_of: datetime) -> str:
    if due is None:
        return t("summary.not_required")
    if done is not None:
        state = t("summary.milestone_done", at=day(done))
    else:
        state = t("summary.milestone_late") if due < as_of else t("summary.milestone_open")
    return t("summary.milestone", due=day(due), done=state)


def _fix_milestone(h: MajorHazardLine, as_of: datetime) -> str:
    """The remediation deadline: met once verified (or closed); a remediation reported and not
    yet verified by then says so, as the deadline still runs until the verification."""
    if h.fixed_at is None and h.remediated_at is not None and h.remediated_at < as_of:
        state = t("summary.milestone_unverified", at=day(h.remediated_at))
        if h.due_at < as_of:
            state = t("summary.milestone_overdue", state=state)
        return t("summary.milestone", due=day(h.due_at), done=state)
    return _milestone(h.due_at, h.fixed_at, as_of)


def waiver_text(waiver: Waiver) -> str:
    """Which milestones a major hazard went without at its verification or closing, and why."""
    milestones = str(Milestones(waiver.milestones)) if waiver.milestones else DASH
    return t("summary.waived", day=day(waiver.at), milestones=milestones, reason=waiver.reason or DASH)


def majors_table(styles: ReportStyles, report: PeriodReport, width: float) -> Flowable:
    """The annex's major hazards; one verified or closed with milestones outstanding is marked so in
    its status (as the hazard register marks it), the milestones and the reason under its title."""
    short = ParagraphStyle("short", parent=styles.cell_bold, textColor=SHORT_COLOUR)
    colour = SHORT_COLOUR.hexval()[2:]
    rows: list[list[Cell]] = []
    for h in report.major_hazards:
        reported = day(h.reported_at) if h.reported_at else t("summary.milestone_open")
        title: Cell = h.title
        status: Cell = h.status.label
        if h.waiver is not None:
            waived = f'<font color="#{colour}">{escape(waiver_text(h.waiver))}</font>'
            title = TextParagraph(f"{escape(h.title)}<br/>{waived}".replace("\n", "<br/>"), styles.cell)
            status = para(f"{h.status.label}\n{t('report.hazards.short_mark')}", short)
        rows.append(
            [
                h.number,
                title,
                day(h.opened_at),
                _milestone(h.interim_due_at, h.interim_done_at, report.as_of),
                _milestone(h.plan_due_at, h.plan_done_at, report.as_of),
                reported if h.report_head_office else t("summary.not_required"),
                _fix_milestone(h, report.as_of),
                status,
            ]
        )
    headers = [
        t("summary.col.number"),
        t("summary.col.title"),
        t("summary.col.opened"),
        t("summary.col.interim"),
        t("summary.col.plan"),
        t("summary.col.report"),
        t("summary.col.fix_due"),
        t("summary.col.status"),
    ]
    fractions = [0.1, 0.2, 0.09, 0.14, 0.14, 0.1, 0.14, 0.09]
    return data_table(styles, headers, rows, [width * f for f in fractions], valign="TOP", split_rows=True)


def actions_table(
    styles: ReportStyles, actions: Sequence[ActionLine], as_of: datetime, width: float
) -> Flowable:
    today = as_of.astimezone().date()
    rows: list[list[Cell]] = []
    for a in actions:
        source = a.source
        late = (today - a.due).days if a.due else 0
        rows.append([source, a.text, a.owner, a.due.isoformat() if a.due else DASH, str(late)])
    headers = [
        t("summary.col.source"),
        t("summary.col.action"),
        t("summary.col.owner"),
        t("summary.col.action_due"),
        t("summary.col.days_over"),
    ]
    fractions = [0.16, 0.44, 0.14, 0.13, 0.13]
    return data_table(styles, headers, rows, [width * f for f in fractions], valign="TOP", split_rows=True)
