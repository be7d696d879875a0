"""What a hazard's input and the severity policy must satisfy, and the audit views of both."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from branchguard.core.hazards.types import (
    HazardInput,
    HazardSeverity,
    HazardStatus,
    SeverityPolicy,
    SeverityRule,
)
from branchguard.core.kernel import validation
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.db.models.hazards import HazardRow

TITLE_LIMIT = 200
TEXT_LIMIT = 4000
MAX_DAYS = 365
MAX_HOURS = 24 * 30


def expect(row: HazardRow, *allowed: HazardStatus) -> None:
    """The hazard is in one of the `allowed` states, or a ValidationError names both."""
    if row.status not in {a.value for a in allowed}:
        raise ValidationError(
            "field.hazard_status",
            Message(
                "hazard.wrong_status",
                status=HazardStatus(row.status),
                allowed=" / ".join(a.label for a in allowed),
            ),
        )


def clean_input(data: HazardInput) -> dict[str, Any]:
    description = validation.text(data.description, "field.hazard_description", limit=TEXT_LIMIT)
    title = validation.text(data.title, "field.title", required=False, limit=TITLE_LIMIT)
    return {
        "title": title or description.splitlines()[0][:TITLE_LIMIT],
        "description": description,
        "severity": validation.choice(data.severity, HazardSeverity, "field.severity").value,
        "location": validation.text(data.location, "field.location", required=False, limit=200),
        "owner": validation.text(data.owner, "field.owner", required=False, limit=100),
    }


def check_policy(policy: SeverityPolicy) -> SeverityPolicy:
    return SeverityPolicy(
        general=_check_rule(policy.general, HazardSeverity.GENERAL),
        major=_check_rule(policy.major, HazardSeverity.MAJOR),
    )


def _check_rule(rule: SeverityRule, severity: HazardSeverity) -> SeverityRule:
    label = Message("field.severity_rule", severity=severity)

    def days(value: int | None, high: int, optional: bool) -> int | None:
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= high:
            raise ValidationError(label, Message("validation.range", low=1, high=high))
        return value

    fix = days(rule.fix_days, MAX_DAYS, optional=False)
    assert fix is not None
    return SeverityRule(
        severity,
        fix,
        interim_hours=days(rule.interim_hours, MAX_HOURS, optional=True),
        plan_days=days(rule.plan_days, MAX_DAYS, optional=True),
        report_head_office=bool(rule.report_head_office),
    )


def policy_view(policy: SeverityPolicy) -> dict[str, Any]:
    return {
        r.severity.value: {
            "fix_days": r.fix_days,
            "interim_hours": r.interim_hours,
            "plan_days": r.plan_days,
            "report_head_office": r.report_head_office,
        }
        for r in (policy.general, policy.major)
    }


def audit_view(row: HazardRow) -> dict[str, Any]:
    return {
        "title": row.title,
        "severity": row.severity,
        "status": row.status,
        "location": row.location,
        "owner": row.owner,
        "due_at": row.due_at.astimezone(UTC),
        "inspection": row.inspection_id,
        "item": row.item_number,
    }
