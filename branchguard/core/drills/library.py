"""Drill criteria sets and compliance rules as data: the built-in defaults file, rows <-> records,
validation, and the per-region overlay (a region's row replaces the default with the same code)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.drills.compliance import MAX_NOTICE_WORKING_DAYS
from branchguard.core.drills.types import ComplianceRule, CriteriaSet, Criterion, DrillScope
from branchguard.core.kernel import validation as v
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.types import Actor, Text2
from branchguard.core.playbooks.types import IncidentCategory, PlanTier
from branchguard.db.base import utcnow
from branchguard.db.locks import locked
from branchguard.db.models.drills import ComplianceRuleRow, DrillCriteriaSetRow
from branchguard.paths import read_resource_yaml, resource_codes, resources_dir

FALLBACK_SET = "GENERAL"
MAX_INTERVAL_MONTHS = 60
R = TypeVar("R", CriteriaSet, ComplianceRule)


def defaults_file() -> Path:
    return resources_dir() / "drills" / "defaults.yaml"


def load_defaults(path: Path | None = None) -> tuple[list[CriteriaSet], list[ComplianceRule]]:
    raw = read_resource_yaml(path or defaults_file())
    sets = [
        CriteriaSet(
            code=s["code"],
            name=Text2(**s["name"]),
            categories=tuple(IncidentCategory(c) for c in s.get("categories") or ()),
            criteria=tuple(
                Criterion(c["code"], Text2(str(c["zh"]), str(c["en"])), int(c["weight"]))
                for c in s["criteria"]
            ),
        )
        for s in raw["criteria_sets"]
    ]
    rules = [
        ComplianceRule(
            code=r["code"],
            name=Text2(**r["name"]),
            interval_months=int(r["interval_months"]),
            categories=tuple(IncidentCategory(c) for c in r.get("categories") or ()),
            scopes=tuple(DrillScope(c) for c in r.get("scopes") or ()),
            source=str(r.get("source") or ""),
            active=bool(r.get("active", True)),
            tiers=tuple(PlanTier(c) for c in r.get("tiers") or ()),
            notice_working_days=r.get("notice_working_days"),
        )
        for r in raw["compliance_rules"]
    ]
    return [check_set(s) for s in sets], [check_rule(r) for r in rules]


def builtin_codes(path: Path | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """The codes of the built-in criteria sets and of the built-in rules, as stored (upper case),
    read off the file's lines without parsing it; tests/core/drills holds them to the parsed file."""
    codes = resource_codes(path or defaults_file())
    def stored(key: str) -> frozenset[str]:
        return frozenset(code.upper() for code in codes.get(key, ()))

    return stored("criteria_sets"), stored("compliance_rules")


def seed_defaults(sessions: sessionmaker[Session], path: Path | None = None) -> bool:
    """Write the built-in sets and rules (region "") the database does not hold yet, by code; True
    when this call wrote any. A built-in record already there, edited or not, is left as it is, so
    a later release adds its new rules without touching a branch's changes. Two processes seeding
    at once cannot duplicate them: the loser's insert hits the unique key.

    Each process asks at its first use of the drills (the dashboard's first read, at every start):
    when the database holds every code the file names, the file is not parsed (`builtin_codes`)."""
    with sessions() as s:
        have_sets = set(s.scalars(select(DrillCriteriaSetRow.code).where(DrillCriteriaSetRow.region == "")))
        have_rules = set(s.scalars(select(ComplianceRuleRow.code).where(ComplianceRuleRow.region == "")))
    file_sets, file_rules = builtin_codes(path)
    if file_sets and file_rules and file_sets <= have_sets and file_rules <= have_rules:
        return False
    sets, rules = load_defaults(path)
    new_sets = [cs for cs in sets if cs.code.strip().upper() not in have_sets]
    new_rules = [r for r in rules if r.code.strip().upper() not in have_rules]
    if not new_sets and not new_rules:
        return False
    try:
        with sessions.begin() as s:
            for cs in new_sets:
                s.add(DrillCriteriaSetRow(region="", updated_by="system", **set_values(cs)))
            for rule in new_rules:
                s.add(ComplianceRuleRow(region="", updated_by="system", **rule_values(rule)))
    except IntegrityError:
        return False
    return True


# -- validation ----------------------------------------------------------------------------------
def check_set(cs: CriteriaSet) -> CriteriaSet:
    field = "field.criteria_set"
    if not cs.code.strip() or not cs.criteria:
        raise ValidationError(field, Message("drill.set_empty", code=cs.code))
    v.text(cs.code, field, limit=32)  # as long as their columns hold
    for name in (cs.name.zh, cs.name.en):
        v.text(name, field, required=False, limit=200)
    codes = [c.code for c in cs.criteria]
    duplicate = next((c for c in codes if codes.count(c) > 1), None)
    if duplicate:
        raise ValidationError(field, Message("drill.criterion_twice", criterion=duplicate))
    for c in cs.criteria:
        if not c.code.strip() or not c.text or c.weight <= 0:
            raise ValidationError(field, Message("drill.criterion_bad", criterion=c.code or "?"))
    total = sum(c.weight for c in cs.criteria)
    if total != 100:
        raise ValidationError(field, Message("drill.weights_sum", code=cs.code, total=total))
    return cs


def check_rule(rule: ComplianceRule) -> ComplianceRule:
    if not rule.code.strip() or not rule.name:
        raise ValidationError("field.compliance_rule", Message("validation.required"))
    # as long as their columns hold (a library's rule once stored a code of 5,000 characters)
    v.text(rule.code, "field.compliance_rule", limit=32)
    for name in (rule.name.zh, rule.name.en):
        v.text(name, "field.compliance_rule", required=False, limit=200)
    if rule.notice_working_days is not None:  # a notice rule: its interval is not used
        days = rule.notice_working_days
        if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_NOTICE_WORKING_DAYS:
            raise ValidationError(
                "field.notice_working_days", Message("validation.range", low=1, high=MAX_NOTICE_WORKING_DAYS)
            )
        return rule
    if not 1 <= rule.interval_months <= MAX_INTERVAL_MONTHS:
        raise ValidationError(
            "field.interval_months", Message("validation.range", low=1, high=MAX_INTERVAL_MONTHS)
        )
    return rule


# -- rows <-> records ------------------------------------------------------------------------------
def set_values(cs: CriteriaSet) -> dict[str, Any]:
    return {
        "code": cs.code.strip().upper(),
        "name_zh": cs.name.zh,
        "name_en": cs.name.en,
        "categories": [c.value for c in cs.categories],
        "criteria": [
            {"code": c.code, "zh": c.text.zh, "en": c.text.en, "weight": c.weight} for c in cs.criteria
        ],
        "updated_at": utcnow(),
    }


def rule_values(rule: ComplianceRule) -> dict[str, Any]:
    return {
        "code": rule.code.strip().upper(),
        "name_zh": rule.name.zh,
        "name_en": rule.name.en,
        "interval_months": rule.interval_months,
        "categories": [c.value for c in rule.categories],
        "scopes": [s.value for s in rule.scopes],
        "tiers": [tier.value for tier in rule.tiers],
        "notice_working_days": rule.notice_working_days,
        "source": rule.source,
        "active": rule.active,
        "updated_at": utcnow(),
    }


def criteria_of(raw: Iterable[dict[str, Any]]) -> tuple[Criterion, ...]:
    return tuple(Criterion(c["code"], Text2(c.get("zh", ""), c.get("en", "")), int(c["weight"])) for c in raw)


def set_of(row: DrillCriteriaSetRow) -> CriteriaSet:
    return CriteriaSet(
        code=row.code,
        name=Text2(row.name_zh, row.name_en),
        categories=tuple(IncidentCategory(c) for c in row.categories),
        criteria=criteria_of(row.criteria),
        region=row.region,
    )


def rule_of(row: ComplianceRuleRow) -> ComplianceRule:
    return ComplianceRule(
        code=row.code,
        name=Text2(row.name_zh, row.name_en),
        interval_months=row.interval_months,
        categories=tuple(IncidentCategory(c) for c in row.categories),
        scopes=tuple(DrillScope(s) for s in row.scopes),
        source=row.source,
        active=row.active,
        region=row.region,
        tiers=tuple(PlanTier(tier) for tier in row.tiers or ()),
        notice_working_days=row.notice_working_days,
    )


def overlay(records: Sequence[R], region: str) -> list[R]:
    """The defaults with the region's own records in place of those with the same code."""
    chosen: dict[str, R] = {}
    for rec in sorted(records, key=lambda r: r.region != ""):  # defaults first, region after
        if rec.region in ("", region):
            chosen[rec.code] = rec
    return list(chosen.values())


def criteria_sets(s: Session, region: str) -> list[CriteriaSet]:
    rows = s.scalars(select(DrillCriteriaSetRow).order_by(DrillCriteriaSetRow.id))
    return overlay([set_of(r) for r in rows], region)


def compliance_rules(s: Session, region: str) -> list[ComplianceRule]:
    rows = s.scalars(select(ComplianceRuleRow).order_by(ComplianceRuleRow.id))
    return overlay([rule_of(r) for r in rows], region)


def set_for_category(sets: Sequence[CriteriaSet], category: IncidentCategory) -> CriteriaSet:
    """The set made for the plan's category, else the general one (the first without categories)."""
    match = next((cs for cs in sets if category in cs.categories), None)
    fallback = next((cs for cs in sets if cs.code == FALLBACK_SET), None) or next(
        (cs for cs in sets if not cs.categories), None
    )
    found = match or fallback
    if found is None:
        raise ValidationError("field.criteria_set", Message("drill.no_set", category=category))
    return found


def check_scores(cs: CriteriaSet, scores: dict[str, Any]) -> dict[str, int]:
    """Every criterion of the set scored 0–100, and nothing else; the error names the criterion
    (every one without a score, when several are: a scores file is put right in one go)."""
    known = {c.code: c for c in cs.criteria}
    field = "field.scores"
    for code in scores:
        if code not in known:
            raise ValidationError(
                field, Message("drill.unknown_criterion", criterion=code, set=cs.code, known=", ".join(known))
            )
    missing = [c for code, c in known.items() if code not in scores]
    if len(missing) == 1:
        only = missing[0]
        raise ValidationError(field, Message("drill.missing_score", criterion=only.code, text=only.text))
    if missing:
        codes = ", ".join(c.code for c in missing)
        raise ValidationError(field, Message("drill.missing_scores", count=len(missing), codes=codes))
    checked: dict[str, int] = {}
    for code in known:
        value = scores[code]
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not 0 <= value <= 100
            or value != int(value)
        ):
            raise ValidationError(field, Message("drill.bad_score", criterion=code, value=value))
        checked[code] = int(value)
    return checked


def locked_of(s: Session, model: Any, code: str, region: str) -> dict[str, Any]:
    """The rows of `code` that `region` sees, its own and the default, by region, each locked and
    read fresh for a change (db/locks.py): what a save compares with what its form showed."""
    ids = list(s.scalars(select(model.id).where(model.code == code, model.region.in_(("", region)))))
    rows = (locked(s, model, ident) for ident in ids)
    return {row.region: row for row in rows if row is not None}


def upsert(s: Session, row: Any, model: Any, values: dict[str, Any], region: str, actor: Actor) -> Any:
    if row is None:
        row = model(region=region, **values, updated_by=actor.username)
        s.add(row)
    else:
        for key, value in values.items():
            setattr(row, key, value)
        row.updated_by = actor.username
    s.flush()
    return row


def without_time(values: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if values is None else {k: v for k, v in values.items() if k != "updated_at"}
