"""The shift handover (交接班) on one A4 page: open incidents, their pending steps, open follow-up actions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from branchguard.core.branch.types import BranchInfo
from branchguard.core.incidents.text import elapsed_text, local_stamp
from branchguard.core.incidents.types import FollowUpAction, HandoverSnapshot, IncidentDetail, StepState
from branchguard.core.kernel.i18n import t
from branchguard.reports.fonts import FontChoice, find_cjk_font
from branchguard.reports.incident_report import drill_markup, level_markup
from branchguard.reports.incident_tables import ALERT
from branchguard.reports.template import (
    MUTED,
    Cell,
    ReportMeta,
    ReportStyles,
    content_width,
    data_table,
    frame_height,
    make_styles,
    para,
    render_pdf,
    signature_block,
    story_height,
    write_atomically,
)


@dataclass(frozen=True)
class _Keep:
    """What fits on the page: per incident, how many of its pending steps (None: the incident
    itself is left out), and how many of the open actions."""

    steps: tuple[int | None, ...]
    actions: int


def build_handover_pdf(
    snapshot: HandoverSnapshot, branch: BranchInfo | None, path: Path, *, font_setting: str = ""
) -> Path:
    """Write the handover page to `path` (whole or not at all) and return the path."""
    font = find_cjk_font(font_setting)
    data, _pages = render_handover(snapshot, font, branch_name=branch.name if branch else "")
    write_atomically(Path(path), data)
    return Path(path)


def render_handover(
    snapshot: HandoverSnapshot, font: FontChoice, *, branch_name: str = ""
) -> tuple[bytes, int]:
    """The page as PDF bytes and its page count (1): what does not fit is counted, not printed."""
    meta = ReportMeta(
        title=t("report.handover.title"), branch_name=branch_name, generated_at=snapshot.taken_at
    )
    styles = make_styles(font)
    order = _priorities(snapshot)
    # The most that fits, found by halving: measuring a story is far cheaper than rendering it.
    low, high = 0, len(order)
    while low < high:
        middle = (low + high + 1) // 2
        if (
            story_height(_story(styles, snapshot, _keep(snapshot, order[:middle])), content_width())
            <= frame_height()
        ):
            low = middle
        else:
            high = middle - 1
    for count in range(low, -1, -1):
        data, pages = render_pdf(meta, _story(styles, snapshot, _keep(snapshot, order[:count])), font)
        if pages == 1:
            break
    return data, pages


def _priorities(snapshot: HandoverSnapshot) -> list[tuple[str, int]]:
    """Everything the page could show, most important first: each incident with its current
    step, then overdue actions, the other actions, and last the later pending steps."""
    today = snapshot.taken_at.astimezone().date()
    order: list[tuple[str, int]] = [("incident", i) for i in range(len(snapshot.incidents))]
    overdue = [i for i, a in enumerate(snapshot.actions) if a.overdue(today)]
    order += [("action", i) for i in overdue]
    order += [("action", i) for i in range(len(snapshot.actions)) if i not in set(overdue)]
    # Later steps in turns, so that every incident keeps its next few.
    counts = [len(_pending(d)) for d in snapshot.incidents]
    for rank in range(1, max(counts, default=0)):
        order += [("step", i) for i, count in enumerate(counts) if count > rank]
    return order


def _keep(snapshot: HandoverSnapshot, chosen: Sequence[tuple[str, int]]) -> _Keep:
    steps: list[int | None] = [None] * len(snapshot.incidents)
    actions: set[int] = set()
    for what, i in chosen:
        if what == "incident":
            steps[i] = min(1, len(_pending(snapshot.incidents[i])))
        elif what == "step":
            steps[i] = (steps[i] or 0) + 1
        else:
            actions.add(i)
    # Actions are listed by due date, as the snapshot holds them; overdue ones came first above.
    return _Keep(tuple(steps), len(actions))


def _pending(detail: IncidentDetail) -> list[int]:
    return [s.number for s in detail.steps if s.state == StepState.PENDING]


def _story(styles: ReportStyles, snapshot: HandoverSnapshot, keep: _Keep) -> list[Flowable]:
    width = content_width()
    taken = t("report.handover.taken", at=local_stamp(snapshot.taken_at), who=snapshot.taken_by)
    story: list[Flowable] = [para(t("report.handover.title"), styles.title), para(taken, styles.body)]
    story.append(para(t("report.handover.incidents", count=len(snapshot.incidents)), styles.heading))
    if snapshot.incidents:
        story.append(_incidents(styles, snapshot, keep, width))
    else:
        story.append(para(t("report.handover.no_incidents"), styles.body))
    story.append(para(t("report.handover.actions", count=len(snapshot.actions)), styles.heading))
    if snapshot.actions:
        story.append(_actions(styles, snapshot, keep, width))
    else:
        story.append(para(t("report.handover.no_actions"), styles.body))
    omitted = _omitted(snapshot, keep)
    if omitted:
        warning = ParagraphStyle("omitted", parent=styles.body, textColor=ALERT, spaceBefore=2 * mm)
        story.append(para(omitted, warning))
    signers = (t("report.handover.outgoing"), t("report.handover.incoming"))
    block = signature_block(styles, width, signers)
    # Flat, so that the page is measured by what it holds (a KeepTogether claims endless height).
    story += block._content if isinstance(block, KeepTogether) else [block]
    return story


def _incidents(styles: ReportStyles, snapshot: HandoverSnapshot, keep: _Keep, width: float) -> Flowable:
    late = f'<font color="#{ALERT.hexval()[2:]}"><b>{escape(t("report.handover.late"))}</b></font>'
    muted = ParagraphStyle("muted", parent=styles.cell, textColor=MUTED)
    rows: list[list[Cell]] = []
    for detail, shown in zip(snapshot.incidents, keep.steps, strict=True):
        if shown is None:
            continue
        s = detail.summary
        title = f"#{s.id} {escape(s.title)}"
        if s.drill:
            title = f"{drill_markup()} {title}"
        since = t("report.handover.since", at=local_stamp(s.started_at, "%Y-%m-%d %H:%M"))
        elapsed = elapsed_text(snapshot.taken_at - s.started_at)
        lines = []
        for number in _pending(detail)[:shown]:
            step = detail.steps[number - 1]
            text = t(
                "report.handover.step", n=number, text=step.text.text, role=step.role_name.text or step.role
            )
            target = step.target_at(s.started_at)
            overdue = target is not None and target < snapshot.taken_at
            lines.append(escape(text) + (f" {late}" if overdue else ""))
        pending: Cell = (
            Paragraph("<br/>".join(lines), styles.cell)
            if lines
            else para(
                t("report.handover.no_steps") if not detail.steps else t("report.handover.all_steps_done"),
                muted,
            )
        )
        rows.append(
            [
                Paragraph(level_markup(s.level), styles.cell_bold),
                Paragraph(title, styles.cell_bold),
                f"{since}\n{elapsed}",
                pending,
            ]
        )
    headers = [
        t("field.level"),
        t("field.incident"),
        t("report.handover.col.elapsed"),
        t("report.handover.col.pending"),
    ]
    font, size, pad = styles.font.bold_name, styles.cell.fontSize, 2 * 3 * styles.scale + 2
    # The level tag on one line (its spaces included), the start time on one line.
    level_w = max(stringWidth(f"  {s.summary.level.label}  ", font, size) for s in snapshot.incidents) + pad
    since_w = stringWidth(t("report.handover.since", at="0000-00-00 00:00"), styles.font.name, size) + pad
    fixed = [level_w, width * 0.2, since_w]
    return data_table(styles, headers, rows, [*fixed, width - sum(fixed)], valign="TOP")


def _actions(styles: ReportStyles, snapshot: HandoverSnapshot, keep: _Keep, width: float) -> Flowable:
    today = snapshot.taken_at.astimezone().date()
    overdue = ParagraphStyle("overdue", parent=styles.cell_bold, textColor=ALERT)
    ordered = sorted(enumerate(snapshot.actions), key=lambda p: (not p[1].overdue(today), p[0]))
    rows: list[list[Cell]] = [_action_row(styles, a, today, overdue) for _i, a in ordered[: keep.actions]]
    headers = [
        t("report.incident.col.action"),
        t("report.incident.col.owner"),
        t("report.incident.col.due"),
        t("field.incident"),
    ]
    fixed = [width * 0.15, width * 0.2, width * 0.1]
    return data_table(styles, headers, rows, [width - sum(fixed), *fixed], valign="TOP")


def _action_row(styles: ReportStyles, a: FollowUpAction, today: date, overdue: ParagraphStyle) -> list[Cell]:
    due: Cell = a.due.isoformat() if a.due else "—"
    if a.overdue(today):
        due = para(t("report.handover.overdue", due=due), overdue)
    return [a.text, a.owner, due, f"#{a.incident_id}"]


def _omitted(snapshot: HandoverSnapshot, keep: _Keep) -> str:
    """ "另有 1 起事件、3 个待办步骤未列出" for what did not fit; "" when everything did."""
    incidents = sum(1 for n in keep.steps if n is None)
    steps = sum(
        len(_pending(d)) - (n or 0)
        for d, n in zip(snapshot.incidents, keep.steps, strict=True)
        if n is not None
    )
    actions = len(snapshot.actions) - keep.actions
    parts = [
        t(f"report.handover.omitted.{what}", count=count)
        for what, count in (("incidents", incidents), ("steps", steps), ("actions", actions))
        if count
    ]
    if not parts:
        return ""
    return t("report.handover.omitted", items=t("incident.list_sep").join(parts))
