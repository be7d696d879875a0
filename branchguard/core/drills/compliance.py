"""Drill compliance: per rule, the last matching drill run, when the next is due, and a status."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from dateutil.relativedelta import relativedelta

from branchguard.core.drills.types import (
    ComplianceItem,
    ComplianceRule,
    ComplianceStatus,
    DrillPlan,
    DrillStatus,
)

DEFAULT_DUE_SOON_DAYS = 30
DONE = (DrillStatus.RUNNING, DrillStatus.EVALUATED)


def matches(rule: ComplianceRule, plan: DrillPlan) -> bool:
    return (not rule.categories or plan.category in rule.categories) and (
        not rule.scopes or plan.scope in rule.scopes
    )


def status_for(next_due: date | None, today: date, due_soon_days: int) -> ComplianceStatus:
    """Never done or past due: overdue; due within `due_soon_days` (inclusive): due soon."""
    if next_due is None or today > next_due:
        return ComplianceStatus.OVERDUE
    if (next_due - today).days <= due_soon_days:
        return ComplianceStatus.DUE_SOON
    return ComplianceStatus.ON_TIME


def evaluate_rules(
    rules: Sequence[ComplianceRule],
    plans: Sequence[DrillPlan],
    now: datetime,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
) -> list[ComplianceItem]:
    """Dates are counted in local days: a drill run on 1 March every 6 months is due by 1 September."""
    today = now.astimezone().date()
    items = []
    for rule in rules:
        if not rule.active:
            continue
        mine = [p for p in plans if matches(rule, p)]
        runs = [p for p in mine if p.status in DONE and p.run_at is not None]
        last = max(runs, key=lambda p: p.run_at or now, default=None)
        last_at = last.run_at if last else None
        next_due = (
            last_at.astimezone().date() + relativedelta(months=rule.interval_months) if last_at else None
        )
        upcoming = [
            p.planned_at
            for p in mine
            if p.status == DrillStatus.PLANNED and p.planned_at is not None and p.planned_at >= now
        ]
        items.append(
            ComplianceItem(
                rule=rule,
                last_done=last_at,
                last_plan_id=last.id if last else None,
                next_due=next_due,
                next_planned=min(upcoming, default=None),
                status=status_for(next_due, today, due_soon_days),
            )
        )
    return items
