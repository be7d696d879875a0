"""The audit trail taken away as evidence: exactly the events a filter selects (those `audit list`
lists for it, in its order), worded as the Audit page words them, as an .xlsx workbook (any number,
streamed) or a landscape PDF (up to `PDF_MOST`), then the export itself recorded in the trail.

The events are read `EXPORT_CHUNK` at a time; `progress(done, total)` hears after each chunk and once
the file is complete, and may raise to stop (the window's Cancel): the file is then not written at
all, nor anything recorded."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from branchguard.core.accounts.names import Names
from branchguard.core.audit.service import AuditFilter
from branchguard.core.audit.text import action_text, entity_text, field_text, summary_text, value_text
from branchguard.core.audit.types import AuditRecord
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message, has_message, t
from branchguard.core.kernel.output import FIELD, writing
from branchguard.core.kernel.types import Actor, Role
from branchguard.reports import anchoring

if TYPE_CHECKING:
    from branchguard.core.services import Services

PDF, EXCEL = "pdf", "xlsx"
# A PDF of more events is thousands of pages nobody reads on paper, and ReportLab holds every page
# until the last is laid out: above this the PDF is refused, the workbook offered instead.
PDF_MOST = 5000
LEDGER_KINDS = ("audit_event",)  # what the integrity block proves: the trail's own ledger entries

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class EventLine:
    """One event as the export prints it."""

    number: int
    at: datetime
    user: str
    name: str
    role: str
    action: str
    record: str
    record_id: str
    summary: str
    before: str
    after: str


@dataclass(frozen=True)
class Exported:
    path: Path
    events: int
    warning: str = ""  # the PDF font's, "" when there is nothing to say


def export_format(path: Path) -> str:
    """The format the file name asks for; a refusal naming the file for any other."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in (PDF, EXCEL):
        raise ValidationError(FIELD, Message("report.audit.bad_suffix", path=str(path)))
    return suffix


def role_text(code: str | None) -> str:
    try:
        return Role(code).label if code else ""
    except ValueError:
        return code or ""


def values_text(values: dict[str, object], entity: str) -> str:
    """A before or after, one field a line, worded as the page's "What changed" words it (a field
    without a value left out, as the summary leaves it)."""
    return "\n".join(
        t("audit.value", field=field_text(k, entity), value=value_text(k, v, entity))
        for k, v in values.items()
        if v not in ("", None, [])
    )


def event_line(record: AuditRecord, names: Names, roles: dict[str, str]) -> EventLine:
    return EventLine(
        number=record.id,
        at=record.at,
        user=record.actor,
        name=names(record.actor),
        role=role_text(roles.get(record.actor)),
        action=action_text(record.action),
        record=entity_text(record.entity),
        record_id=record.entity_id,
        summary=summary_text(record),
        before=values_text(record.before, record.entity),
        after=values_text(record.after, record.entity),
    )


def _day(at: datetime) -> str:
    return at.astimezone().date().isoformat()


def period_text(flt: AuditFilter) -> str:
    """The filter's dates as the local days they name (its `until` is the next day's midnight)."""
    since = _day(flt.since) if flt.since else ""
    until = _day(flt.until - timedelta(days=1)) if flt.until else ""
    if since and until:
        return t("report.audit.period_range", since=since, until=until)
    if since:
        return t("report.audit.from_on", since=since)
    if until:
        return t("report.audit.up_to", until=until)
    return t("report.audit.all_time")


def kind_text(prefix: str | None) -> str:
    """A filter by action: its kind of change by name (the page's), else as typed."""
    if not prefix:
        return t("report.audit.every_kind")
    category = prefix.rstrip(".")
    if "." not in category and has_message(f"audit.category.{category}"):
        return t(f"audit.category.{category}")
    return action_text(category) if has_message(f"action.{category}") else prefix


def describe_filter(flt: AuditFilter) -> list[tuple[str, str]]:
    """What the export holds, every filter said (one left open says so)."""
    pairs = [
        (t("report.audit.period"), period_text(flt)),
        (t("report.audit.user"), flt.actor or t("report.audit.everyone")),
        (t("report.audit.kind"), kind_text(flt.action_prefix)),
    ]
    if flt.entity:
        pairs.append((t("report.audit.entity"), entity_text(flt.entity)))
    if flt.text:
        pairs.append((t("report.audit.text"), flt.text))
    return pairs


@dataclass(frozen=True)
class Heading:
    """What a file says about itself besides its events."""

    branch_name: str
    generated_at: datetime
    exported_by: str
    filters: list[tuple[str, str]]


def build_audit_export(
    services: Services,
    actor: Actor,
    flt: AuditFilter,
    out: Path,
    *,
    font_setting: str = "",
    on_anchor: anchoring.AnchorNote | None = None,
    progress: Progress | None = None,
) -> Exported:
    """Write the events `flt` selects to `out` (.xlsx or .pdf by its suffix), whole or not at all,
    record the export in the trail and append the file's signed anchor (`on_anchor` hears whether
    that worked)."""
    fmt = export_format(out)
    audit = services.audit
    total = audit.export_count(actor, flt)
    if fmt == PDF and total > PDF_MOST:
        raise ValidationError(FIELD, Message("report.audit.too_many", count=total, most=PDF_MOST))
    names, roles = services.auth.names(actor), audit.roles(actor)
    branch = services.branch.get()
    heading = Heading(
        branch_name=branch.name if branch else "",
        generated_at=datetime.now().astimezone().replace(microsecond=0),
        exported_by=names(actor.username),
        filters=describe_filter(flt),
    )
    stamp = anchoring.stamp(services, actor, "", "", f"export audit trail {fmt}", LEDGER_KINDS)
    said = progress or (lambda _done, _total: None)

    def lines() -> Iterator[EventLine]:
        done = 0
        for chunk in audit.export_chunks(actor, flt):
            yield from (event_line(r, names, roles) for r in chunk)
            done += len(chunk)
            said(done, total)

    warning = ""
    with writing(out) as fh:
        if fmt == EXCEL:
            from branchguard.reports.audit_excel import write_audit_workbook

            events = write_audit_workbook(fh, lines(), heading, stamp)
        else:
            from branchguard.reports.audit_pdf import render_audit_pdf
            from branchguard.reports.fonts import find_cjk_font

            font = find_cjk_font(font_setting)
            data, events = render_audit_pdf(list(lines()), heading, font, stamp)
            fh.write(data)
            warning = font.warning or ""
        said(events, total)  # once more before the file replaces anything: a Cancel now leaves none
    audit.record_export(actor, flt, fmt, events, Path(out).name)
    anchoring.finish(services, stamp, on_anchor)
    return Exported(Path(out), events, warning)
