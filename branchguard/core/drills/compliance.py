"""Drill compliance: per rule, the last matching completed drill, when the next is due, and a status;
per notice rule, by when the authority must hear of the next matching drill."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from branchguard.core.drills.types import (
    ComplianceItem,
    ComplianceRule,
    ComplianceStatus,
    DrillPlan,
    DrillStatus,
)
from branchguard.core.kernel import working_days
from branchguard.core.kernel.working_days import is_working_day
from branchguard.core.playbooks.types import PlanTier

DEFAULT_DUE_SOON_DAYS = 30
# The longest a notice can be asked for, in working days (a month of them).
MAX_NOTICE_WORKING_DAYS = 22


@dataclass(frozen=True)
class DrillFacts:
    """A drill plan with what a rule needs beyond it: the tier of the playbook it drills (its
    current version; None once the playbook is gone) and whether its run's incident is closed."""

    plan: DrillPlan
    tier: PlanTier | None
    finished: bool = False


def completed(facts: DrillFacts) -> bool:
    """A drill counts once evaluated, or run and its incident closed; a run still going does not."""
    plan = facts.plan
    if plan.run_at is None:
        return False
    return plan.status == DrillStatus.EVALUATED or (plan.status == DrillStatus.RUNNING and facts.finished)


def matches(rule: ComplianceRule, facts: DrillFacts) -> bool:
    plan = facts.plan
    return (
        (not rule.categories or plan.category in rule.categories)
        and (not rule.scopes or plan.scope in rule.scopes)
        and (not rule.tiers or facts.tier in rule.tiers)
    )


def status_for(next_due: date | None, today: date, due_soon_days: int) -> ComplianceStatus:
    """Never done or past due: overdue; due within `due_soon_days` (inclusive): due soon."""
    if next_due is None or today > next_due:
        return ComplianceStatus.OVERDUE
    if (next_due - today).days <= due_soon_days:
        return ComplianceStatus.DUE_SOON
    return ComplianceStatus.ON_TIME


def working_days_before(day: date, n: int) -> date:
    """The working day `n` working days before `day`: with n = 3 and a drill on a Thursday, the
    notice is due by the Monday (Mon, Tue, Wed are the three days that must pass in between)."""
    found = 0
    while found < n:
        day -= timedelta(days=1)
        if is_working_day(day):
            found += 1
    return day


def _notice_item(
    rule: ComplianceRule, mine: Sequence[DrillFacts], now: datetime, today: date, due_soon_days: int
) -> ComplianceItem:
    next_drill = next_planned(mine, now)
    if next_drill is None:  # nothing planned, nobody to notify
        return ComplianceItem(rule, None, None, None, None, ComplianceStatus.ON_TIME)
    drill_day = next_drill.astimezone().date()
    notify_by = working_days_before(drill_day, rule.notice_working_days or 0)
    status = status_for(notify_by, today, due_soon_days)
    note = working_days.beyond([notify_by, drill_day])  # counted over weekdays only: say so
    return ComplianceItem(rule, None, None, notify_by, next_drill, status, note)


def next_planned(mine: Sequence[DrillFacts], now: datetime) -> datetime | None:
    """The earliest matching drill still planned from now on."""
    upcoming = [
        f.plan.planned_at
        for f in mine
        if f.plan.status == DrillStatus.PLANNED and f.plan.planned_at is not None and f.plan.planned_at >= now
    ]
    return min(upcoming, default=None)


def evaluate_rules(
    rules: Sequence[ComplianceRule],
    drills: Sequence[DrillFacts],
    now: datetime,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
    since: datetime | None = None,
) -> list[ComplianceItem]:
    """Dates are counted in local days: a drill run on 1 March every 6 months is due by 1 September.
    A rule with no matching drill done is due within its first interval from `since`, when the
    branch began with BranchGuard (a branch set up on 1 March owes its half-yearly fire drill by 1
    September, not at once); a drill held before then is recorded afterwards and counts from its
    day. Without `since` (no branch yet) such a rule is overdue."""
    today = now.astimezone().date()
    start = since.astimezone().date() if since is not None else None
    items = []
    for rule in rules:
        if not rule.active:
            continue
        mine = [f for f in drills if matches(rule, f)]
        if rule.notice:
            items.append(_notice_item(rule, mine, now, today, due_soon_days))
            continue
        runs = [f.plan for f in mine if completed(f)]
        last = max(runs, key=lambda p: p.run_at or now, default=None)
        last_at = last.run_at if last else None
        counted_from = last_at.astimezone().date() if last_at else start
        next_due = counted_from + relativedelta(months=rule.interval_months) if counted_from else None
        items.append(
            ComplianceItem(
                rule=rule,
                last_done=last_at,
                last_plan_id=last.id if last else None,
                next_due=next_due,
                next_planned=next_planned(mine, now),
                status=status_for(next_due, today, due_soon_days),
                first_since=None if last_at else start,
            )
        )
    return items


def facts_of(
    plans: Sequence[DrillPlan], tiers: Mapping[str, PlanTier], closed_incidents: set[int | None]
) -> list[DrillFacts]:
    """`closed_incidents`: the ids of the closed run incidents among the plans'."""
    return [DrillFacts(p, tiers.get(p.playbook_code), p.incident_id in closed_incidents) for p in plans]
