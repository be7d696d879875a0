"""The initial report to head office (初报): one page, the fields head office asks for, signed.

The same table as the incident report's first section (incident_report.initial_report_table),
on its own page to be faxed or sent while the incident may still be running."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from branchguard.core.anchors.types import Stamp
from branchguard.core.branch.types import place_of
from branchguard.core.incidents.text import local_stamp
from branchguard.core.incidents.types import IncidentDetail
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor
from branchguard.reports import anchoring
from branchguard.reports.fonts import FontChoice, find_cjk_font
from branchguard.reports.incident_report import drill_markup, drill_meta, initial_report_table
from branchguard.reports.template import (
    content_width,
    make_styles,
    para,
    render_pdf,
    sign_off,
    signature_lines,
    write_atomically,
)

if TYPE_CHECKING:
    from branchguard.core.services import Services


def render_initial_report(
    detail: IncidentDetail,
    font: FontChoice,
    *,
    branch_name: str = "",
    generated_at: datetime | None = None,
    stamp: Stamp | None = None,
    place: str = "",
) -> tuple[bytes, int]:
    """The initial report as PDF bytes and its page count; `stamp` adds the integrity lines in
    small type and the signed anchor in the Keywords; `place` (the branch's name and address) is
    the place unless the report or the incident gives one."""
    s = detail.summary
    generated_at = generated_at or datetime.now().astimezone()
    keywords = anchoring.keywords(stamp) if stamp else ""
    meta = drill_meta(t("report.initial.header", id=s.id), branch_name, s.drill, generated_at, keywords)
    styles = make_styles(font)
    width = content_width()
    title = escape(t("report.incident.initial"))
    if s.drill:
        title = f"{drill_markup()}&nbsp; {title}"
    story: list[Flowable] = [
        Paragraph(title, styles.title),
        para(s.title, styles.heading),
        initial_report_table(styles, detail, branch_name, width, place),
        Spacer(1, 2 * mm),
        para(
            t("report.initial.as_of", time=local_stamp(generated_at), id=s.id, status=s.status.label),
            styles.small,
        ),
    ]
    if stamp is not None:
        story += [Spacer(1, 1 * mm), anchoring.compact(styles, stamp)]
    sign_off(story, signature_lines(styles, width))
    return render_pdf(meta, story, font)


def build_initial_report(
    services: Services,
    actor: Actor,
    incident_id: int,
    out_path: Path,
    font_setting: str = "",
    on_anchor: anchoring.AnchorNote | None = None,
) -> FontChoice:
    """Read incident `incident_id` as `actor`, write its initial report to `out_path` (whole or not
    at all), append its signed anchor (`on_anchor` hears whether that worked) and return the font
    used, whose warning the caller shows when set."""
    detail = services.incidents.get(actor, incident_id, with_entries=False)
    branch = services.branch.get()
    font = find_cjk_font(font_setting)
    stamp = anchoring.stamp(services, actor, "incident", incident_id, f"report initial {incident_id}")
    name = branch.name if branch else ""
    data, _pages = render_initial_report(detail, font, branch_name=name, stamp=stamp, place=place_of(branch))
    write_atomically(Path(out_path), data)
    anchoring.finish(services, stamp, on_anchor)
    return font
