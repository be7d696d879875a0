"""Checklist templates and compliance rules as the library's JSON members, and back. Reading a
member checks each record by the same rules as the window's editors (clean_template, check_rule);
the first problem names the member and the record."""

from __future__ import annotations

from typing import Any

from branchguard.core.drills import library as drills_data
from branchguard.core.drills.types import ComplianceRule, DrillScope
from branchguard.core.hazards.types import HazardSeverity
from branchguard.core.inspections import library as templates_data
from branchguard.core.inspections.types import (
    Cadence,
    ItemCategory,
    TemplateContent,
    TemplateItem,
    TemplateParam,
)
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.types import Text2
from branchguard.core.playbooks.types import IncidentCategory, PlanTier

TEMPLATES_FORMAT = "branchguard.templates"
RULES_FORMAT = "branchguard.compliance_rules"


def _t2(value: Text2) -> dict[str, str]:
    return {"zh": value.zh, "en": value.en}


def _text2(raw: Any) -> Text2:
    if raw is None:
        return Text2()
    if not isinstance(raw, dict):
        raise TypeError("not a {zh, en} text")
    return Text2(str(raw.get("zh") or ""), str(raw.get("en") or ""))


def template_document(c: TemplateContent) -> dict[str, Any]:
    return {
        "code": c.code,
        "name": _t2(c.name),
        "cadence": c.cadence.value,
        "description": _t2(c.description),
        "source": c.source,
        "params": [{"key": p.key, "name": _t2(p.name), "value": p.value} for p in c.params],
        "items": [
            {
                "key": i.key,
                "text": _t2(i.text),
                "category": i.category.value,
                "criterion": _t2(i.criterion),
                "photo_required_on_fail": i.photo_required_on_fail,
                "severity_on_fail": i.severity_on_fail.value,
                "correct_on_spot": i.correct_on_spot,
                "on_fail_playbook": i.on_fail_playbook,
            }
            for i in c.items
        ],
    }


def rule_document(r: ComplianceRule) -> dict[str, Any]:
    return {
        "code": r.code,
        "name": _t2(r.name),
        "interval_months": r.interval_months,
        "categories": [c.value for c in r.categories],
        "scopes": [s.value for s in r.scopes],
        "tiers": [t.value for t in r.tiers],
        "notice_working_days": r.notice_working_days,
        "source": r.source,
        "active": r.active,
    }


def templates_document(contents: list[TemplateContent]) -> dict[str, Any]:
    return {
        "format": TEMPLATES_FORMAT,
        "format_version": 1,
        "templates": [template_document(c) for c in contents],
    }


def rules_document(rules: list[ComplianceRule]) -> dict[str, Any]:
    return {"format": RULES_FORMAT, "format_version": 1, "rules": [rule_document(r) for r in rules]}


def _records(doc: Any, fmt: str, key: str, member: str) -> list[Any]:
    if not isinstance(doc, dict) or doc.get("format") != fmt or doc.get("format_version") != 1:
        raise ValidationError(
            Message("field.library_member", name=member), Message("library.member_format", expected=fmt)
        )
    records = doc.get(key)
    if not isinstance(records, list):
        raise ValidationError(
            Message("field.library_member", name=member), Message("library.member_format", expected=fmt)
        )
    return records


def _bad(member: str, n: int, reason: Message) -> ValidationError:
    return ValidationError(
        Message("field.library_member", name=member), Message("library.record_bad", n=n, error=reason)
    )


def templates_of(doc: Any, member: str) -> tuple[TemplateContent, ...]:
    out: list[TemplateContent] = []
    seen: set[str] = set()
    for n, raw in enumerate(_records(doc, TEMPLATES_FORMAT, "templates", member), 1):
        try:
            content = TemplateContent(
                code=str(raw["code"]),
                name=_text2(raw["name"]),
                cadence=Cadence(raw["cadence"]),
                description=_text2(raw.get("description")),
                source=str(raw.get("source") or ""),
                params=tuple(
                    TemplateParam(str(p["key"]), _text2(p.get("name")), p["value"])
                    for p in raw.get("params") or ()
                ),
                items=tuple(
                    TemplateItem(
                        key=str(i["key"]),
                        text=_text2(i["text"]),
                        category=ItemCategory(i["category"]),
                        criterion=_text2(i.get("criterion")),
                        photo_required_on_fail=bool(i.get("photo_required_on_fail", False)),
                        severity_on_fail=HazardSeverity(i.get("severity_on_fail", "general")),
                        # absent from a library exported before they were: not set, as then
                        correct_on_spot=bool(i.get("correct_on_spot", False)),
                        on_fail_playbook=str(i.get("on_fail_playbook") or ""),
                    )
                    for i in raw["items"]
                ),
            )
            content = templates_data.clean_template(content)
        except ValidationError as exc:
            raise _bad(member, n, exc.as_message()) from None
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise _bad(member, n, Message("library.record_field", error=repr(exc)[:200])) from None
        if content.code in seen:
            raise _bad(member, n, Message("library.code_twice", code=content.code))
        seen.add(content.code)
        out.append(content)
    return tuple(out)


def rules_of(doc: Any, member: str) -> tuple[ComplianceRule, ...]:
    out: list[ComplianceRule] = []
    seen: set[str] = set()
    for n, raw in enumerate(_records(doc, RULES_FORMAT, "rules", member), 1):
        try:
            notice = raw.get("notice_working_days")
            rule = ComplianceRule(
                code=str(raw["code"]).strip().upper(),
                name=_text2(raw["name"]),
                interval_months=int(raw["interval_months"]),
                categories=tuple(IncidentCategory(c) for c in raw.get("categories") or ()),
                scopes=tuple(DrillScope(s) for s in raw.get("scopes") or ()),
                tiers=tuple(PlanTier(t) for t in raw.get("tiers") or ()),
                notice_working_days=notice,
                source=str(raw.get("source") or ""),
                active=bool(raw.get("active", True)),
            )
            rule = drills_data.check_rule(rule)
        except ValidationError as exc:
            raise _bad(member, n, exc.as_message()) from None
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise _bad(member, n, Message("library.record_field", error=repr(exc)[:200])) from None
        if rule.code in seen:
            raise _bad(member, n, Message("library.code_twice", code=rule.code))
        seen.add(rule.code)
        out.append(rule)
    return tuple(out)
