"""The complaint file (客户投诉处理档案) for the archive, one PDF per complaint: the register entry,
every step with who and when and its own fields, the history (extensions with their reasons,
approvers and notices to the customer; the withdrawal), every evidence file with its SHA-256, and
the signature lines. Identifiers as the record gave them: masked unless the lead asked."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, Table

from branchguard.core.accounts.names import Names
from branchguard.core.anchors.types import Stamp
from branchguard.core.complaints.types import ComplaintDetail
from branchguard.core.incidents.text import local_stamp
from branchguard.core.kernel.attachments import format_size
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor
from branchguard.core.people.types import BranchRole
from branchguard.reports import anchoring
from branchguard.reports.complaint_common import (
    STAMP,
    clock_text,
    customer_text,
    event_note_lines,
    step_detail_lines,
)
from branchguard.reports.fonts import FontChoice, find_cjk_font
from branchguard.reports.incident_report import pairs_table, section_heading
from branchguard.reports.template import (
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


def render_complaint_file(
    detail: ComplaintDetail,
    font: FontChoice,
    *,
    branch_name: str = "",
    generated_at: datetime | None = None,
    stamp: Stamp | None = None,
    names: Names | None = None,
) -> tuple[bytes, int]:
    """The file as PDF bytes and its page count; `stamp` adds the integrity block and the anchor;
    `names` shows logins as people's names."""
    meta = ReportMeta(
        title=t("report.complaint_file.title"),
        branch_name=branch_name,
        generated_at=generated_at or datetime.now().astimezone(),
        keywords=anchoring.keywords(stamp) if stamp else "",
    )
    return render_pdf(meta, _story(make_styles(font, names=names), detail, stamp), font)


def build_complaint_file(
    services: Services,
    actor: Actor,
    complaint_id: int,
    out_path: Path,
    font_setting: str = "",
    unmask: bool = False,
    on_anchor: anchoring.AnchorNote | None = None,
) -> FontChoice:
    """Read the complaint as `actor`, write its file PDF (whole or not at all) and append its
    signed anchor (`on_anchor` hears whether that worked)."""
    detail = services.complaints.get(actor, complaint_id, unmask=unmask)
    branch = services.branch.get()
    font = find_cjk_font(font_setting)
    what = f"report complaint {complaint_id}"
    stamp = anchoring.stamp(services, actor, "complaint", complaint_id, what, records=_categories(detail))
    name = branch.name if branch else ""
    data, _pages = render_complaint_file(
        detail, font, branch_name=name, stamp=stamp, names=services.auth.names(actor)
    )
    write_atomically(Path(out_path), data)
    anchoring.finish(services, stamp, on_anchor)
    return font


def _categories(detail: ComplaintDetail) -> list[tuple[str, str]]:
    """The categories the file names (the complaint's and the archive's final one), as records to
    prove: it prints their names, looked up by code."""
    codes = [detail.info.category, *(step.details.get("classification", "") for step in detail.steps)]
    return [("complaint_category", code) for code in dict.fromkeys(codes) if code]


def _story(styles: ReportStyles, detail: ComplaintDetail, stamp: Stamp | None = None) -> list[Flowable]:
    width = content_width()
    c = detail.info
    story: list[Flowable] = [para(f"{t('report.complaint_file.title')}  {c.number}", styles.title)]
    overview: list[tuple[str, Cell]] = [
        (t("field.complaint_kind"), c.kind.label),
        (t("field.complaint_status"), c.status.label),
        (t("field.complaint_channel"), c.channel.label),
        (t("field.received_at"), local_stamp(c.received_at, STAMP)),
        (t("field.due_date"), clock_text(c)),
        (t("report.complaints.stopped"), local_stamp(c.clock_stopped_at, STAMP) or "—"),
        (t("field.customer_name"), customer_text(c) or "—"),
        (t("field.complaint_category"), c.category_name),
        (t("field.subject_person"), " / ".join(x for x in (c.subject_person, c.subject_post) if x) or "—"),
        (t("field.business_line"), c.business_line or "—"),
        (t("field.first_responsible"), styles.who(c.first_responsible)),
        (t("field.handler"), styles.who(c.handler) or "—"),
        (t("field.incident"), f"#{c.incident_id}" if c.incident_id else "—"),
        (t("field.complaint_cause"), c.cause.label if c.cause else "—"),
    ]
    story += section_heading(
        styles, t("report.complaint_file.overview"), pairs_table(styles, overview, width)
    )
    texts: list[tuple[str, Cell]] = [
        (t("field.complaint_request"), c.request),
        (t("field.complaint_facts"), c.facts or "—"),
    ]
    story += section_heading(
        styles, t("report.complaint_file.request"), pairs_table(styles, texts, width, columns=1)
    )
    story += section_heading(styles, t("report.complaint_file.steps"), _steps(styles, detail, width))
    story += section_heading(styles, t("report.complaint_file.history"), _history(styles, detail, width))
    follow: Flowable = para(t("report.complaint_file.no_actions"), styles.body)
    if detail.actions or detail.hazards:
        follow = _follow_up(styles, detail, width)
    story += section_heading(styles, t("report.complaint_file.actions"), follow)
    evidence: Flowable = para(t("report.complaint_file.no_evidence"), styles.body)
    if detail.evidence:
        evidence = _evidence(styles, detail, width)
    story += section_heading(styles, t("report.complaint_file.evidence"), evidence)
    if stamp is not None:
        story += anchoring.section(styles, stamp)
    signers = (BranchRole.BRANCH_HEAD.label, t("field.handler"), t("report.signer.handler"))
    sign_off(story, signature_lines(styles, width, signers))
    return story


def _steps(styles: ReportStyles, detail: ComplaintDetail, width: float) -> Table:
    rows: list[list[Cell]] = []
    for s in detail.steps:
        body = "\n".join([s.text or "—", *step_detail_lines(s)])
        files = "\n".join(f"{r.name} ({r.sha256[:12]}…)" for r in s.evidence)
        rows.append([s.step.label, local_stamp(s.at, STAMP), styles.who(s.by), body, files or "—"])
    headers = [
        t("field.complaint_step"),
        t("report.complaint_file.when"),
        t("report.complaint_file.who"),
        t("field.complaint_step_text"),
        t("report.complaint_file.files"),
    ]
    shares = [0.12, 0.15, 0.11, 0.42, 0.2]
    return data_table(styles, headers, rows, [width * x for x in shares], valign="TOP", split_rows=True)


def _history(styles: ReportStyles, detail: ComplaintDetail, width: float) -> Table:
    rows: list[list[Cell]] = []
    for e in detail.events:
        note = "\n".join(event_note_lines(e))
        rows.append([local_stamp(e.at, STAMP), e.kind.label, styles.who(e.actor), note or "—"])
    headers = [
        t("report.complaint_file.when"),
        t("report.complaint_file.event"),
        t("report.complaint_file.who"),
        t("report.complaint_file.note"),
    ]
    # A reason or note of many lines continues on the next page.
    shares = (0.16, 0.16, 0.13, 0.55)
    return data_table(styles, headers, rows, [width * x for x in shares], valign="TOP", split_rows=True)


def _evidence(styles: ReportStyles, detail: ComplaintDetail, width: float) -> Table:
    rows: list[list[Cell]] = [
        [s.step.label, r.name, format_size(r.size), r.sha256] for s in detail.steps for r in s.evidence
    ]
    headers = [
        t("field.complaint_step"),
        t("report.complaint_file.file"),
        t("report.complaint_file.size"),
        "SHA-256",
    ]
    return data_table(styles, headers, rows, [width * x for x in (0.13, 0.25, 0.1, 0.52)], valign="TOP")


def _follow_up(styles: ReportStyles, detail: ComplaintDetail, width: float) -> Table:
    """The archive's corrective actions as they stand on the action list, and the hazards opened."""
    rows: list[list[Cell]] = []
    for a in detail.actions:
        state = (
            t("report.complaint_file.action_done", at=local_stamp(a.done_at, STAMP), by=a.done_by or "")
            if a.done_at is not None
            else t("report.complaint_file.action_open")
        )
        rows.append([f"#{a.id}", a.text, a.owner, a.due.isoformat() if a.due else "—", state])
    for hazard_id, text in detail.hazards:
        rows.append([t("report.complaint_file.hazard_line", id=hazard_id), text, "", "—", ""])
    headers = [
        "#",
        t("cli.action.text"),
        t("cli.action.owner"),
        t("cli.action.due"),
        t("cli.action.state"),
    ]
    shares = (0.14, 0.44, 0.14, 0.12, 0.16)
    return data_table(styles, headers, rows, [width * x for x in shares], valign="TOP", split_rows=True)
