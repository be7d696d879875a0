"""The integrity block every report and export prints, and the signed anchor it leaves outside the
database: the ledger head, the record's own head, the signing key's fingerprint and the one
sentence of what was proved when the document was made (core/anchors). The anchor travels inside
the PDF (its Keywords) and is appended to the anchor file once the document is written; a failure
to append keeps the document and is handed back to be shown.

Wired into every report and export: the incident, initial and drill reports (the drill's incident
log), the inspection report, the hazard and complaint registers (PDF and xlsx), the complaint file,
the contact card, the shift handover and the playbook card. A document about one record names it
(`stamp(services, actor, "inspection", 7, ...)`); a register or card names none (`entity` "").
Besides, a document proves each other record it prints by itself, with its parts (`records`: a
drill report the drill's plan and the hazards raised from it; an incident's plan version with its
steps, `plan_of`), not every record of their kinds: one drill's score rewritten is not another
drill's report's.

    s = stamp(services, actor, entity, entity_id, "report inspection 7")
    data = render(..., stamp=s)          # section()/compact() in the story, keywords() in the meta
    write_atomically(out, data)
    finish(services, s, on_anchor)       # on_anchor hears when the anchor was NOT written
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from branchguard.core.anchors import store
from branchguard.core.anchors.rules import grouped
from branchguard.core.anchors.types import AnchorWrite, Stamp
from branchguard.core.incidents.types import IncidentSummary
from branchguard.core.kernel.i18n import t, translate
from branchguard.core.kernel.types import Actor
from branchguard.reports.template import ReportStyles, para

if TYPE_CHECKING:
    from branchguard.core.services import Services

AnchorNote = Callable[[AnchorWrite], None]


# What a document about many records prints, by the ledger's kinds of record: its proof checks the
# chain and these records (the whole database is `branchguard verify`'s, not every register's).
HAZARD_RECORDS = ("hazard", "hazard_step", "hazard_event")
COMPLAINT_RECORDS = ("complaint", "complaint_step", "complaint_event")
# The contact card prints the branch, its staff (the roster) and its emergency contacts.
CONTACT_RECORDS = ("branch", "person", "contact")
# The periodic report counts scheduled inspections due and done from the schedules' occurrences, and
# sets the drills against the compliance rules: proved with the rest (an occurrence marked done by
# raw SQL was printed as done under "unchanged since anchor").
PERIOD_RECORDS = (
    "incident", "incident_action", "drill_plan", "drill_evaluation", "inspection", *HAZARD_RECORDS,
    *COMPLAINT_RECORDS, "early_warning", "schedule", "schedule_occurrence", "compliance_rule",
)  # fmt: skip


def stamp(
    services: Services,
    actor: Actor,
    entity: str,
    entity_id: object,
    what: str,
    kinds: tuple[str, ...] | None = None,
    records: Sequence[tuple[str, object]] = (),
) -> Stamp:
    """The heads and proof for a document about `entity` `entity_id` (with its parts, the
    `records` (entity, id) it prints besides with theirs, and the records of `kinds`), or ("" for
    none) about the `records` and those of `kinds` (neither: every record), and its anchor."""
    proved = [(kind, str(kind_id)) for kind, kind_id in records]
    return services.anchors.stamp(
        actor, entity, str(entity_id) if entity else "", what, kinds, records=proved
    )


def plan_of(summary: IncidentSummary) -> list[tuple[str, int]]:
    """The plan version an incident runs, as a record to prove with its steps (their words, roles
    and target minutes are printed in its report, its drill's and the handover); none when ad hoc."""
    version = summary.playbook_version_id
    return [] if version is None else [("playbook_version", version)]


def keywords(s: Stamp) -> str:
    """The PDF Keywords that carry the anchor (`verify --anchor REPORT.pdf` reads it back)."""
    return store.pdf_keyword(s.anchor) if s.anchor is not None else ""


def proved(s: Stamp) -> str:
    """What the document proves; a document is never stamped without a proof."""
    if s.proof is None:
        raise ValueError("a document's integrity block needs a stamp made with its proof")
    return t("anchor.report.proved", proof=s.proof.text())


def lines(s: Stamp, record_entity: bool = True) -> list[str]:
    """The integrity block as plain lines, for exports that are not PDFs and for the command line;
    `record_entity` false for a document about no single record (a register, the contact card)."""
    out = [f"{t('anchor.report.ledger', seq=s.ledger.seq)} {s.ledger.hash}"]
    if s.record is not None:
        out.append(f"{t('anchor.report.record', seq=s.record.seq)} {s.record.hash}")
    elif record_entity:
        out.append(t("anchor.report.no_record"))
    if s.key is not None:
        out.append(t("anchor.report.key", fingerprint=grouped(s.key.fingerprint)))
    else:
        out.append(t("anchor.report.unsigned", error=translate(s.problem or "")))
    out.append(proved(s))
    return out


def flowables(styles: ReportStyles, s: Stamp, record_entity: bool = True) -> list[Flowable]:
    """The integrity block as paragraphs: each head with its full hash, the key, what was proved."""
    bold = ParagraphStyle("anchor-bold", parent=styles.body, fontName=styles.font.bold_name)
    out: list[Flowable] = [
        para(t("anchor.report.ledger", seq=s.ledger.seq), styles.body),
        para(s.ledger.hash, bold),
    ]
    if s.record is not None:
        out += [para(t("anchor.report.record", seq=s.record.seq), styles.body), para(s.record.hash, bold)]
    elif record_entity:
        out.append(para(t("anchor.report.no_record"), styles.body))
    if s.key is not None:
        out.append(para(t("anchor.report.key", fingerprint=grouped(s.key.fingerprint)), styles.body))
    else:
        out.append(para(t("anchor.report.unsigned", error=translate(s.problem or "")), styles.body))
    out += [
        Spacer(1, 1 * mm),
        para(proved(s), bold),
        Spacer(1, 1 * mm),
        para(t("anchor.report.hint"), styles.small),
    ]
    return out


def section(styles: ReportStyles, s: Stamp, record_entity: bool = True) -> list[Flowable]:
    """The integrity block under its own heading, for documents that have no log chain to show."""
    return [para(t("anchor.report.heading"), styles.heading), *flowables(styles, s, record_entity)]


def compact(styles: ReportStyles, s: Stamp, record_entity: bool = True) -> Flowable:
    """The integrity block run together in one small paragraph, for the one-page cards."""
    return para("  ·  ".join(lines(s, record_entity)), styles.small)


def finish(services: Services, s: Stamp, note: AnchorNote | None) -> AnchorWrite:
    """After the document is written: append its anchor, and hand the outcome to `note`."""
    written = services.anchors.append(s)
    if note is not None:
        note(written)
    return written
