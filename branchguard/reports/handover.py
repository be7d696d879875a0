"""The shift handover (交接班): open incidents with every pending step, open follow-up actions and
open hazards, on as many A4 pages as they take, then the two signatures."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from branchguard.core.accounts.names import Names
from branchguard.core.anchors.types import Stamp
from branchguard.core.branch.types import BranchInfo
from branchguard.core.incidents.text import local_stamp, running_for_text, step_role_text
from branchguard.core.incidents.types import FollowUpAction, HandoverSnapshot, IncidentDetail, StepState
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor
from branchguard.reports import anchoring
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
    make_styles,
    para,
    render_pdf,
    sign_off,
    signature_lines,
    write_atomically,
)

if TYPE_CHECKING:
    from branchguard.core.services import Services


def build_handover(
    services: Services,
    actor: Actor,
    path: Path,
    *,
    font_setting: str = "",
    on_anchor: anchoring.AnchorNote | None = None,
    snapshot: HandoverSnapshot | None = None,
) -> Path:
    """Take the handover as `actor` (or print the `snapshot` already taken), write it to `path`
    (whole or not at all) and append its signed anchor (`on_anchor` hears whether that worked)."""
    snapshot = snapshot if snapshot is not None else services.incidents.handover(actor)
    # kinds () with the records: nothing open proves the chain alone, not every record
    stamp = anchoring.stamp(services, actor, "", "", "shift handover", (), records=printed(snapshot))
    branch = services.branch.get()
    names = services.auth.names(actor)
    written = build_handover_pdf(snapshot, branch, path, font_setting=font_setting, stamp=stamp, names=names)
    anchoring.finish(services, stamp, on_anchor)
    return written


def printed(snapshot: HandoverSnapshot) -> list[tuple[str, int]]:
    """The records the handover prints, each proved with its parts: the open incidents (with their
    actions and logs) and the plan versions they run (with the steps whose targets mark a pending
    step late), the open actions, hazards (with steps and events) and complaints (with steps and
    events). Not every record of their kinds: a closed hazard rewritten is not this handover's."""
    return [
        *(("incident", d.summary.id) for d in snapshot.incidents),
        *(plan for d in snapshot.incidents for plan in anchoring.plan_of(d.summary)),
        *(("incident_action", a.id) for a in snapshot.actions),
        *(("hazard", h.id) for h in snapshot.hazards),
        *(("complaint", c.id) for c in snapshot.complaints),
    ]


def build_handover_pdf(
    snapshot: HandoverSnapshot,
    branch: BranchInfo | None,
    path: Path,
    *,
    font_setting: str = "",
    stamp: Stamp | None = None,
    names: Names | None = None,
) -> Path:
    """Write the handover to `path` (whole or not at all) and return the path."""
    font = find_cjk_font(font_setting)
    name = branch.name if branch else ""
    data, _pages = render_handover(snapshot, font, branch_name=name, stamp=stamp, names=names)
    write_atomically(Path(path), data)
    return Path(path)


def render_handover(
    snapshot: HandoverSnapshot,
    font: FontChoice,
    *,
    branch_name: str = "",
    stamp: Stamp | None = None,
    names: Names | None = None,
) -> tuple[bytes, int]:
    """The handover as PDF bytes and its page count. Everything open is listed: a document people
    sign drops nothing, so a long handover continues on further pages (table headers repeat).
    `stamp` adds the integrity block and the signed anchor in the Keywords."""
    meta = ReportMeta(
        title=t("report.handover.title"),
        branch_name=branch_name,
        generated_at=snapshot.taken_at,
        keywords=anchoring.keywords(stamp) if stamp else "",
    )
    styles = make_styles(font, names=names)
    story = _story(styles, snapshot)
    if stamp is not None:
        story[-1:-1] = anchoring.section(styles, stamp, record_entity=False)  # before the signatures
    return render_pdf(meta, story, font)


def _pending(detail: IncidentDetail) -> list[int]:
    return [s.number for s in detail.steps if s.state == StepState.PENDING]


def _story(styles: ReportStyles, snapshot: HandoverSnapshot) -> list[Flowable]:
    width = content_width()
    taken = t("report.handover.taken", at=local_stamp(snapshot.taken_at), who=styles.who(snapshot.taken_by))
    story: list[Flowable] = [para(t("report.handover.title"), styles.title), para(taken, styles.body)]
    story.append(para(t("report.handover.incidents", count=len(snapshot.incidents)), styles.heading))
    if snapshot.incidents:
        story.append(_incidents(styles, snapshot, width))
    else:
        story.append(para(t("report.handover.no_incidents"), styles.body))
    story.append(para(t("report.handover.actions", count=len(snapshot.actions)), styles.heading))
    if snapshot.actions:
        story.append(_actions(styles, snapshot, width))
    else:
        story.append(para(t("report.handover.no_actions"), styles.body))
    story.append(para(t("report.handover.hazards", count=len(snapshot.hazards)), styles.heading))
    if snapshot.hazards:
        story.append(_hazards(styles, snapshot, width))
    else:
        story.append(para(t("report.handover.no_hazards"), styles.body))
    story.append(para(t("report.handover.complaints", count=len(snapshot.complaints)), styles.heading))
    if snapshot.complaints:
        story.append(_complaints(styles, snapshot, width))
    else:
        story.append(para(t("report.handover.no_complaints"), styles.body))
    signers = (t("report.handover.outgoing"), t("report.handover.incoming"))
    sign_off(story, signature_lines(styles, width, signers))
    return story


def _incidents(styles: ReportStyles, snapshot: HandoverSnapshot, width: float) -> Flowable:
    late = _alert(t("report.handover.late"))
    muted = ParagraphStyle("muted", parent=styles.cell, textColor=MUTED)
    rows: list[list[Cell]] = []
    for detail in snapshot.incidents:
        s = detail.summary
        title = f"#{s.id} {escape(s.title)}"
        if s.drill:
            title = f"{drill_markup()} {title}"
        since = t("report.handover.since", at=local_stamp(s.started_at, "%Y-%m-%d %H:%M"))
        elapsed: Cell = f"{since}\n{running_for_text(snapshot.taken_at - s.started_at)}"
        if snapshot.taken_at < s.started_at:  # the start as written, and that it is later than now
            elapsed = Paragraph(
                f"{escape(since)}<br/>{_alert(t('report.handover.started_later'))}", styles.cell
            )
        lines = []
        for number in _pending(detail):
            step = detail.steps[number - 1]
            text = t("report.handover.step", n=number, text=step.text.text, role=step_role_text(step))
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
                elapsed,
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
    # A long list of pending steps continues on the next page rather than pushing its row off.
    return data_table(styles, headers, rows, [*fixed, width - sum(fixed)], valign="TOP", split_rows=True)


def _alert(text: str) -> str:
    """`text` as paragraph markup in bold red: what the next shift must not miss."""
    return f'<font color="#{ALERT.hexval()[2:]}"><b>{escape(text)}</b></font>'


def _actions(styles: ReportStyles, snapshot: HandoverSnapshot, width: float) -> Flowable:
    today = snapshot.taken_at.astimezone().date()
    overdue = ParagraphStyle("overdue", parent=styles.cell_bold, textColor=ALERT)
    ordered = sorted(enumerate(snapshot.actions), key=lambda p: (not p[1].overdue(today), p[0]))
    rows: list[list[Cell]] = [_action_row(styles, a, today, overdue) for _i, a in ordered]
    headers = [
        t("report.incident.col.action"),
        t("report.incident.col.owner"),
        t("report.incident.col.due"),
        t("field.incident"),
    ]
    return _list(styles, headers, rows, width, (0.15, 0.2, 0.1))


def _action_row(styles: ReportStyles, a: FollowUpAction, today: date, overdue: ParagraphStyle) -> list[Cell]:
    due: Cell = a.due.isoformat() if a.due else "—"
    if a.overdue(today):
        due = para(t("report.handover.overdue", due=due), overdue)
    return [a.text, a.owner, due, f"#{a.incident_id}"]


def _complaints(styles: ReportStyles, snapshot: HandoverSnapshot, width: float) -> Flowable:
    """Open complaints, overdue first, then the soonest reply due; the statutory clock's state as
    the register words it, an overdue one in red."""
    from branchguard.reports.complaint_common import clock_text

    overdue = ParagraphStyle("complaint_overdue", parent=styles.cell_bold, textColor=ALERT)
    rows: list[list[Cell]] = []
    for c in snapshot.complaints:
        subject = Paragraph(f"<b>{escape(c.number)}</b> {escape(c.request)}", styles.cell)
        due: Cell = para(clock_text(c), overdue) if c.overdue else clock_text(c)
        rows.append([subject, c.status.label, c.handler or "—", due])
    headers = [
        t("report.handover.col.complaint"),
        t("field.complaint_status"),
        t("field.handler"),
        t("report.handover.col.complaint_due"),
    ]
    return _list(styles, headers, rows, width, (0.17, 0.15, 0.2))


def _hazards(styles: ReportStyles, snapshot: HandoverSnapshot, width: float) -> Flowable:
    """Open hazards, soonest due first; an overdue one says so in red."""
    overdue = ParagraphStyle("hazard_overdue", parent=styles.cell_bold, textColor=ALERT)
    rows: list[list[Cell]] = []
    for h in snapshot.hazards:
        due: Cell = h.due_date.isoformat()
        if h.overdue:
            due = para(t("report.handover.overdue", due=due), overdue)
        title = Paragraph(f"<b>{escape(h.number)}</b> {escape(h.title)}", styles.cell)
        rows.append([title, f"{h.severity.label}\n{h.status.label}", h.owner or "—", due])
    headers = [
        t("report.handover.col.hazard"),
        t("report.handover.col.hazard_state"),
        t("field.owner"),
        t("report.handover.col.hazard_due"),
    ]
    return _list(styles, headers, rows, width, (0.17, 0.15, 0.2))


def _list(
    styles: ReportStyles, headers: list[str], rows: list[list[Cell]], width: float, shares: tuple[float, ...]
) -> Flowable:
    """One of the handover's lists: the first column takes what the others' shares of `width` leave;
    a title of many lines continues on the next page."""
    fixed = [width * share for share in shares]
    return data_table(styles, headers, rows, [width - sum(fixed), *fixed], valign="TOP", split_rows=True)
