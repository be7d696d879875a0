"""The emergency contact card (应急联络卡): one A4 page to pin by the counter."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from branchguard.core.anchors.types import Stamp
from branchguard.core.branch.types import BranchInfo
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor
from branchguard.core.people.types import BranchRole, ContactInfo, ContactKind, PersonInfo
from branchguard.reports import anchoring
from branchguard.reports.fonts import FontChoice, find_cjk_font
from branchguard.reports.template import (
    ACCENT_LIGHT,
    MUTED,
    Cell,
    ReportMeta,
    ReportStyles,
    content_width,
    data_table,
    fit_columns,
    frame_height,
    make_styles,
    make_table,
    para,
    render_pdf,
    story_height,
    write_atomically,
)

if TYPE_CHECKING:
    from branchguard.core.services import Services

# Text sizes tried, largest first, until the card fits one page (a small branch gets big type);
# at each size the roster is tried in one column, then in two. The emergency numbers keep theirs.
SCALES = (1.4, 1.25, 1.12, 1.0, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6)
NUMBER_SIZE = 36  # points: readable from a step back from the wall
COLUMN_GAP = 4 * mm

# Conventional colours of the public services; white on each is at least 4.5:1.
KIND_COLOURS = {
    ContactKind.POLICE: colors.HexColor("#0D47A1"),
    ContactKind.FIRE: colors.HexColor("#B71C1C"),
    ContactKind.AMBULANCE: colors.HexColor("#1B5E20"),
    ContactKind.ANTI_FRAUD: colors.HexColor("#BF360C"),
}
OTHER_COLOUR = colors.HexColor("#37474F")
ON_DUTY = colors.HexColor("#1B5E20")


@dataclass(frozen=True)
class _Group:
    """A titled run of table rows: the staff of one post, or the contacts of one kind."""

    name: str
    title: str
    rows: list[list[Flowable]]


@dataclass(frozen=True)
class _Section:
    """What a grouped table shows, and which columns must stay on one line."""

    headers: list[str]
    groups: list[_Group]
    texts: list[list[str]]  # every column's texts, to size the columns
    nowrap: tuple[int, ...]


class _NoFit(Exception):
    """At this text size the layout cannot keep every phone number on one line."""


# Which sections go into two columns, tried in this order at each text size.
LAYOUTS = ((False, False), (False, True), (True, True))


def render_contact_card(
    branch: BranchInfo | None,
    people: Sequence[PersonInfo],
    contacts: Sequence[ContactInfo],
    font: FontChoice,
    *,
    generated_at: datetime | None = None,
    stamp: Stamp | None = None,
) -> tuple[bytes, int]:
    """The card as PDF bytes and its page count (1 unless the lists are far beyond a branch's);
    `stamp` adds the integrity lines in small type and the signed anchor in the Keywords."""
    meta = ReportMeta(
        title=t("report.card.title"),
        branch_name=branch.name if branch else "",
        generated_at=generated_at or datetime.now().astimezone(),
        keywords=anchoring.keywords(stamp) if stamp else "",
    )
    for scale in SCALES:
        styles = make_styles(font, scale)
        # The cells are made once per size; each layout only arranges them differently.
        sections = (_contacts(styles, contacts), _staff(styles, people))
        for layout in LAYOUTS:
            try:
                story = _story(styles, branch, contacts, sections, layout, stamp)
            except _NoFit:
                continue
            # Measuring is much cheaper than rendering: only a likely fit is rendered to check.
            if story_height(story, content_width()) > frame_height():
                continue
            data, pages = render_pdf(meta, story, font)
            if pages == 1:
                return data, pages
    # Far more than a branch has: let it run over, at the smallest size in full-width tables.
    smallest = make_styles(font, SCALES[-1])
    sections = (_contacts(smallest, contacts), _staff(smallest, people))
    return render_pdf(meta, _story(smallest, branch, contacts, sections, LAYOUTS[0], stamp), font)


def build_contact_card(
    services: Services,
    actor: Actor,
    out_path: Path,
    font_setting: str = "",
    on_anchor: anchoring.AnchorNote | None = None,
) -> FontChoice:
    """Read the branch, staff and contacts as `actor`, write the card to `out_path` (whole or not
    at all), append its signed anchor (`on_anchor` hears whether that worked) and return the font
    used, whose warning the caller shows when set."""
    branch = services.branch.get()
    people = services.people.list_people(actor)
    contacts = services.people.list_contacts(actor)
    font = find_cjk_font(font_setting)
    stamp = anchoring.stamp(services, actor, "", "", "contact card", anchoring.CONTACT_RECORDS)
    data, _pages = render_contact_card(branch, people, contacts, font, stamp=stamp)
    write_atomically(Path(out_path), data)
    anchoring.finish(services, stamp, on_anchor)
    return font


def _story(
    styles: ReportStyles,
    branch: BranchInfo | None,
    contacts: Sequence[ContactInfo],
    sections: tuple[_Section, _Section],
    layout: tuple[bool, bool],
    stamp: Stamp | None = None,
) -> list[Flowable]:
    width = content_width()
    story: list[Flowable] = [para(t("report.card.title"), styles.title)]
    if branch is not None:
        story.append(para(branch.name, styles.heading))
        if branch.address:
            story.append(para(t("report.card.address", address=branch.address), styles.body))
    public = sorted((c for c in contacts if c.builtin), key=lambda c: (c.sort_order, c.id))
    if public:
        story += [para(t("report.card.emergency"), styles.heading), _numbers(styles, public, width)]
    story += [Spacer(1, 2 * mm * styles.scale), para(t("report.card.call_hint"), styles.body)]
    story.append(para(t("report.card.contacts"), styles.heading))
    story.append(_grouped(styles, sections[0], width, layout[0]))
    story.append(para(t("report.card.staff"), styles.heading))
    story.append(_grouped(styles, sections[1], width, layout[1]))
    story += [Spacer(1, 3 * mm * styles.scale), para(t("report.card.reprint"), styles.small)]
    if stamp is not None:
        story += [Spacer(1, 1 * mm * styles.scale), anchoring.compact(styles, stamp, record_entity=False)]
    return story


def _numbers(styles: ReportStyles, public: Sequence[ContactInfo], width: float) -> Table:
    """One coloured box per public number: the number huge, what it is for beneath."""
    number = ParagraphStyle(
        "number",
        fontName=styles.font.bold_name,
        fontSize=NUMBER_SIZE,
        leading=NUMBER_SIZE * 1.15,
        alignment=TA_CENTER,
        textColor=colors.white,
    )
    label = ParagraphStyle(
        "number_label",
        parent=styles.body,
        fontName=styles.font.bold_name,
        fontSize=12,
        leading=15,
        alignment=TA_CENTER,
        textColor=colors.white,
    )
    cells = [[para(c.phone, number), para(c.kind.label, label)] for c in public]
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
    ]
    for i, contact in enumerate(public):
        commands.append(("BACKGROUND", (i, 0), (i, 0), KIND_COLOURS.get(contact.kind, OTHER_COLOUR)))
        # White gaps between the boxes keep neighbouring numbers apart at a glance.
        commands.append(("LINEAFTER", (i, 0), (i, 0), 4, colors.white))
    return make_table(styles, [cells], [width / len(public)] * len(public), commands)


def _contacts(styles: ReportStyles, contacts: Sequence[ContactInfo]) -> _Section:
    """The branch's own contacts (not the public numbers) grouped by kind, in the kinds' order."""
    kinds = {kind: i for i, kind in enumerate(ContactKind)}
    ordered = sorted(
        (c for c in contacts if not c.builtin), key=lambda c: (kinds[c.kind], c.sort_order, c.name, c.id)
    )
    groups: list[_Group] = []
    for contact in ordered:
        if not groups or groups[-1].name != contact.kind.label:
            groups.append(_Group(contact.kind.label, contact.kind.label, []))
        groups[-1].rows.append(
            [
                para(contact.name, styles.cell),
                para(contact.phone, styles.cell_bold),
                para(contact.alt_phone, styles.cell_bold),
            ]
        )
    return _Section(
        headers=[t("field.name"), t("field.phone"), t("field.alt_phone")],
        groups=groups,
        texts=[[c.name for c in ordered], [c.phone for c in ordered], [c.alt_phone for c in ordered]],
        nowrap=(1, 2),
    )


def _staff(styles: ReportStyles, people: Sequence[PersonInfo]) -> _Section:
    """Staff grouped by post, posts by rank (BranchRole order), then by name."""
    ranks = {role: i for i, role in enumerate(BranchRole)}
    people = sorted(people, key=lambda p: (ranks[p.branch_role], p.name, p.id))
    off = ParagraphStyle("off_duty", parent=styles.cell, textColor=MUTED)
    on_mark = ParagraphStyle("on_duty", parent=styles.cell_bold, textColor=ON_DUTY)
    groups: list[_Group] = []
    for person in people:
        post = person.branch_role.label
        if not groups or groups[-1].name != post:
            count = sum(1 for p in people if p.branch_role == person.branch_role)
            groups.append(_Group(post, t("report.card.post_count", post=post, count=count), []))
        if person.on_duty:
            row = [
                para(person.name, styles.cell_bold),
                para(person.mobile, styles.cell),
                para(person.phone, styles.cell),
                para(t("report.card.on_duty"), on_mark),
            ]
        else:
            # Greyed out: whoever reads the card in a hurry calls someone who is actually here.
            texts = (person.name, person.mobile, person.phone, t("report.card.off_duty"))
            row = [para(text, off) for text in texts]
        groups[-1].rows.append(row)
    statuses = [t("report.card.on_duty"), t("report.card.off_duty")]
    return _Section(
        headers=[t("field.name"), t("field.mobile"), t("field.phone"), t("report.card.status")],
        groups=groups,
        texts=[[p.name for p in people], [p.mobile for p in people], [p.phone for p in people], statuses],
        nowrap=(1, 2, 3),
    )


_Entry = _Group | list[Flowable]  # a group heading, or one row of cells


def _grouped(styles: ReportStyles, section: _Section, width: float, two_columns: bool) -> Flowable:
    if not section.groups:
        return para(t("report.card.none"), styles.body)
    entries: list[_Entry] = []
    for group in section.groups:
        entries += [group, *group.rows]
    if not two_columns:
        return _table(styles, section, entries, _widths(styles, section, width))
    half = (width - COLUMN_GAP) / 2
    widths = _widths(styles, section, half)  # from all rows, so both halves line up
    left, right = _split(entries)
    halves = [[_table(styles, section, left, widths), _table(styles, section, right, widths)]]
    return make_table(
        styles,
        halves,
        [half + COLUMN_GAP, half],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (0, 0), COLUMN_GAP),
            ("RIGHTPADDING", (1, 0), (1, 0), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ],
    )


def _widths(styles: ReportStyles, section: _Section, width: float) -> list[float]:
    widths = fit_columns(styles, width, section.texts, nowrap=section.nowrap, bold=True)
    if widths is None:
        raise _NoFit
    return widths


def _split(entries: list[_Entry]) -> tuple[list[_Entry], list[_Entry]]:
    """Halve the list without leaving a heading alone at the foot of the left column; a group
    cut in two gets a "continued" heading at the top of the right column."""
    cut = (len(entries) + 1) // 2
    if isinstance(entries[cut - 1], _Group):
        cut -= 1
    left, right = entries[:cut], entries[cut:]
    if right and not isinstance(right[0], _Group):
        group = next(e for e in reversed(left) if isinstance(e, _Group))
        right.insert(0, _Group(group.name, t("report.card.continued", post=group.name), []))
    return left, right


def _table(styles: ReportStyles, section: _Section, entries: Sequence[_Entry], widths: list[float]) -> Table:
    cells: list[Sequence[Cell]] = []
    extra: list[tuple[Any, ...]] = []
    for index, entry in enumerate(entries, start=1):  # row 0 is the column header
        if isinstance(entry, _Group):
            cells.append([para(entry.title, styles.cell_bold), *[""] * (len(widths) - 1)])
            extra.append(("SPAN", (0, index), (-1, index)))
            extra.append(("BACKGROUND", (0, index), (-1, index), ACCENT_LIGHT))
        else:
            cells.append(entry)
    return data_table(styles, section.headers, cells, widths, extra_style=extra)
