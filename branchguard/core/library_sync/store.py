"""Rows ↔ records for the library: the trusted key, the working-day years, the applied libraries,
and the templates and rules a library brings, classified and written. Takes a session; never commits."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from branchguard.core.drills import library as drills_data
from branchguard.core.drills.types import ComplianceRule
from branchguard.core.inspections import library as templates_data
from branchguard.core.inspections import store as inspection_rows
from branchguard.core.inspections.types import TemplateContent
from branchguard.core.kernel import versioned as ver
from branchguard.core.kernel import working_days
from branchguard.core.kernel.types import Actor
from branchguard.core.kernel.working_days import YearTable
from branchguard.core.library_sync import table as year_rows
from branchguard.core.library_sync.types import Changes, ImportInfo, TrustedKey
from branchguard.db.base import utcnow
from branchguard.db.models.drills import ComplianceRuleRow
from branchguard.db.models.inspections import TemplateRow, TemplateVersionRow
from branchguard.db.models.library_sync import LibraryImportRow, TrustedKeyRow, WorkingDayYearRow

HEAD_OFFICE = "head_office"


# -- the trusted key -------------------------------------------------------------------------------
def trusted(s: Session) -> TrustedKey | None:
    row = s.get(TrustedKeyRow, HEAD_OFFICE)
    return None if row is None else TrustedKey(row.fingerprint, row.public_key, row.added_by, row.added_at)


def set_trusted(s: Session, public_hex: str, fp: str, actor: Actor) -> None:
    row = s.get(TrustedKeyRow, HEAD_OFFICE)
    if row is None:
        s.add(
            TrustedKeyRow(purpose=HEAD_OFFICE, public_key=public_hex, fingerprint=fp, added_by=actor.username)
        )
        return
    row.public_key, row.fingerprint, row.added_by, row.added_at = public_hex, fp, actor.username, utcnow()


# -- working-day years -----------------------------------------------------------------------------
def stored_years(s: Session) -> list[YearTable]:
    return year_rows.stored(s)


def classify_years(tables: Sequence[YearTable]) -> Changes:
    """Against the tables in force now (stored years installed, else the built-in data)."""
    added, updated, unchanged = [], [], []
    for table in tables:
        now = working_days.table_for(table.year)
        if now is None:
            added.append(str(table.year))
        elif now.same_days(table):
            unchanged.append(str(table.year))
        else:
            updated.append(str(table.year))
    return Changes(tuple(added), tuple(updated), tuple(unchanged))


def write_years(s: Session, tables: Iterable[YearTable], actor: Actor) -> None:
    for table in tables:
        row = s.get(WorkingDayYearRow, table.year) or WorkingDayYearRow(year=table.year)
        row.holidays = [[d.isoformat(), name] for d, name in sorted(table.holidays.items())]
        row.workdays = sorted(d.isoformat() for d in table.workdays)
        row.source = table.source[:200]
        row.updated_by, row.updated_at = actor.username, utcnow()
        s.add(row)


# -- applied libraries -----------------------------------------------------------------------------
def last_import(s: Session) -> ImportInfo | None:
    row = s.scalar(
        select(LibraryImportRow).order_by(LibraryImportRow.created_at.desc(), LibraryImportRow.id.desc())
    )
    if row is None:
        return None
    return ImportInfo(row.issuer, row.created_at, row.signer, row.imported_by, row.imported_at)


# -- checklist templates ---------------------------------------------------------------------------
def _templates(s: Session) -> dict[str, TemplateRow]:
    query = select(TemplateRow).options(
        selectinload(TemplateRow.versions).selectinload(TemplateVersionRow.items)
    )
    return {t.code: t for t in s.scalars(query)}


def approved_templates(s: Session) -> list[TemplateContent]:
    out = []
    for code, template in sorted(_templates(s).items()):
        row = ver.approved(template.versions)
        if row is not None:
            out.append(templates_data.content_of(row, code))
    return out


def classify_templates(s: Session, contents: Sequence[TemplateContent]) -> Changes:
    have = _templates(s)
    added, updated, unchanged = [], [], []
    for c in contents:
        template = have.get(c.code)
        row = ver.approved(template.versions) if template is not None else None
        if template is None:
            added.append(c.code)
        elif row is not None and templates_data.content_of(row, c.code) == c:
            unchanged.append(c.code)
        else:
            updated.append(c.code)
    return Changes(tuple(added), tuple(updated), tuple(unchanged))


def write_templates(
    s: Session, contents: Sequence[TemplateContent], changes: Changes, actor: Actor, note: str
) -> None:
    """New templates and new approved versions of changed ones; a local draft stays the draft,
    numbered after the version from head office. Each is published as the lead's approval
    publishes one (inspections/store.publish): refused while an item starts a plan with no
    approved version (the library's own plans are written first, in the same transaction)."""
    wanted = set(changes.added) | set(changes.updated)
    have = _templates(s)
    for c in contents:
        if c.code not in wanted:
            continue
        template = have.get(c.code)
        if template is None:
            template = TemplateRow(code=c.code, builtin=False)
            s.add(template)
        local_draft = ver.draft(template.versions)
        row = templates_data.new_version(template, c, actor, note)
        if local_draft is not None:
            row.number, local_draft.number = local_draft.number, -local_draft.number
            s.flush()  # numbers are unique per template: the draft steps aside first
            local_draft.number = row.number + 1
        inspection_rows.publish(s, actor, template, row)


# -- compliance rules (the defaults every region inherits) ----------------------------------------
def default_rules(s: Session) -> list[ComplianceRule]:
    rows = s.scalars(
        select(ComplianceRuleRow).where(ComplianceRuleRow.region == "").order_by(ComplianceRuleRow.id)
    )
    return [drills_data.rule_of(r) for r in rows]


def classify_rules(s: Session, rules: Sequence[ComplianceRule]) -> Changes:
    have = {r.code: r for r in default_rules(s)}
    added, updated, unchanged = [], [], []
    for rule in rules:
        mine = have.get(rule.code)
        if mine is None:
            added.append(rule.code)
        elif drills_data.without_time(drills_data.rule_values(mine)) == drills_data.without_time(
            drills_data.rule_values(rule)
        ):
            unchanged.append(rule.code)
        else:
            updated.append(rule.code)
    return Changes(tuple(added), tuple(updated), tuple(unchanged))


def write_rules(s: Session, rules: Sequence[ComplianceRule], changes: Changes, actor: Actor) -> None:
    wanted = set(changes.added) | set(changes.updated)
    for rule in rules:
        if rule.code not in wanted:
            continue
        row = s.scalar(
            select(ComplianceRuleRow).where(
                ComplianceRuleRow.region == "", ComplianceRuleRow.code == rule.code
            )
        )
        drills_data.upsert(s, row, ComplianceRuleRow, drills_data.rule_values(rule), "", actor)
