"""Which actions a hazard's status opens and who may take them, the second-person verification
rule, the lead's say over downgrades, verification and closing (each with a reason or note),
what a hazard's input and the severity policy must satisfy, and the audit views of both.

The window asks `available_actions` which controls to show; the service checks the same table with
`expect` (and the role table with `require`) before it changes anything, so a control the window
hides is refused on the command line too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

from branchguard.core.hazards.types import (
    HazardAction,
    HazardEventKind,
    HazardInfo,
    HazardInput,
    HazardSeverity,
    HazardStatus,
    RemediationKind,
    SeverityPolicy,
    SeverityRule,
)
from branchguard.core.kernel import validation
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message, t
from branchguard.core.kernel.roles import may, require
from branchguard.core.kernel.types import Actor
from branchguard.db.models.hazards import HazardRow

TITLE_LIMIT = 200
TEXT_LIMIT = 4000
MAX_DAYS = 365
MAX_HOURS = 24 * 30

_NOT_CLOSED = frozenset({HazardStatus.OPEN, HazardStatus.REMEDIATED, HazardStatus.VERIFIED})

# Per action: the role-table action that allows it, and the statuses it is open in.
# open -> remediated -> verified -> closed; reopen goes back to open from any later status.
ACTIONS: MappingProxyType[HazardAction, tuple[str, frozenset[HazardStatus]]] = MappingProxyType(
    {
        HazardAction.EDIT: ("hazard.update", _NOT_CLOSED),
        HazardAction.SET_DUE: ("hazard.set_due", _NOT_CLOSED),
        HazardAction.DOWNGRADE: ("hazard.downgrade", _NOT_CLOSED),
        HazardAction.ADD_STEP: ("hazard.remediate", frozenset({HazardStatus.OPEN, HazardStatus.REMEDIATED})),
        HazardAction.REMEDIATE: ("hazard.remediate", frozenset({HazardStatus.OPEN})),
        HazardAction.VERIFY: ("hazard.verify", frozenset({HazardStatus.REMEDIATED})),
        HazardAction.CLOSE: ("hazard.close", frozenset({HazardStatus.VERIFIED})),
        HazardAction.REOPEN: (
            "hazard.reopen",
            frozenset({HazardStatus.REMEDIATED, HazardStatus.VERIFIED, HazardStatus.CLOSED}),
        ),
    }
)


def open_in(status: HazardStatus | str) -> frozenset[HazardAction]:
    """The actions a hazard in `status` allows, whoever asks."""
    return frozenset(a for a, (_role, statuses) in ACTIONS.items() if HazardStatus(status) in statuses)


def allowed(actor: Actor, action: HazardAction) -> bool:
    """Whether `actor`'s role may take `action` on some hazard (the role table's answer)."""
    return may(actor, ACTIONS[action][0])


def available_actions(info: HazardInfo, actor: Actor) -> frozenset[HazardAction]:
    """What the window offers `actor` on this hazard: open in its status and allowed to the role.

    Verifying is offered to the remediator too (to say why they may not): ask `can_verify`."""
    return frozenset(a for a in open_in(info.status) if allowed(actor, a))


def is_remediator(remediated_by: str | None, actor: Actor) -> bool:
    """Whether `actor` marked the hazard remediated: they cannot also verify it."""
    return bool(remediated_by) and remediated_by == actor.username


def can_verify(info: HazardInfo, actor: Actor) -> bool:
    """Verifying takes a second person: open in the status, allowed to the role, not the remediator."""
    offered = HazardAction.VERIFY in available_actions(info, actor)
    return offered and not is_remediator(info.remediated_by, actor)


def is_downgrade(before: HazardSeverity | str, after: HazardSeverity | str) -> bool:
    """Whether `after` is a lower severity than `before` (major → general): it drops duties, so it
    is the lead's, with a reason."""
    order = list(HazardSeverity)
    return order.index(HazardSeverity(after)) < order.index(HazardSeverity(before))


def check_downgrade(actor: Actor, status: HazardStatus | str, reason: str) -> str:
    """A downgrade by the lead, in a status that allows it, with a reason; the trimmed reason."""
    require(actor, "hazard.downgrade")
    expect(status, HazardAction.DOWNGRADE)
    return validation.text(reason, "field.reason", limit=1000)


def work_recorded(step_kinds: Iterable[str]) -> bool:
    """A hazard is marked remediated only after at least one step of work done (kind ACTION, or a
    correction made on the spot)."""
    return any(kind in (RemediationKind.ACTION, RemediationKind.ON_THE_SPOT) for kind in step_kinds)


def expect(status: HazardStatus | str, action: HazardAction) -> None:
    """`action` is open in `status`, or a ValidationError names the status and those it needs."""
    needed = ACTIONS[action][1]
    if HazardStatus(status) not in needed:
        raise ValidationError(
            "field.hazard_status",
            Message(
                "hazard.wrong_status",
                status=HazardStatus(status),
                allowed=" / ".join(s.label for s in HazardStatus if s in needed),
            ),
        )


def check_verifier(remediated_by: str | None, actor: Actor) -> None:
    if is_remediator(remediated_by, actor):
        raise ValidationError("field.verified_by", Message("hazard.verify_own", username=actor.username))


def check_work_recorded(step_kinds: Iterable[str]) -> None:
    if not work_recorded(step_kinds):
        raise ValidationError("field.remediation_steps", Message("hazard.no_action_step"))


MILESTONE_KINDS = (RemediationKind.INTERIM_CONTROL, RemediationKind.PLAN, RemediationKind.HEAD_OFFICE_REPORT)


@dataclass(frozen=True)
class Milestones:
    """Milestones named in a message, worded in the language it is shown in."""

    kinds: tuple[RemediationKind, ...]

    def translated(self, lang: str | None = None) -> str:
        return t("hazard.milestones_joiner", lang).join(k.translated(lang) for k in self.kinds)

    def __str__(self) -> str:
        return self.translated()


def outstanding_milestones(
    severity: HazardSeverity | str,
    interim_due_at: datetime | None,
    plan_due_at: datetime | None,
    report_head_office: bool,
    step_kinds: Iterable[str],
) -> tuple[RemediationKind, ...]:
    """A major hazard's policy milestones with no step of their kind recorded: interim control and
    the remediation plan when its deadlines carry them (the policy it opened under), the report to
    head office when its rule asked for one. A step recorded after its deadline still meets it (its
    date shows the lateness), and steps recorded before a reopen still count. A general hazard owes
    none, nor a major one downgraded (the downgrade has its own reason), nor one corrected on the
    spot while the inspector watched (an exit unblocked there and then: gone before any deadline)."""
    if HazardSeverity(severity) != HazardSeverity.MAJOR:
        return ()
    done = {str(kind) for kind in step_kinds}
    if RemediationKind.ON_THE_SPOT.value in done:
        return ()
    owed = (interim_due_at is not None, plan_due_at is not None, bool(report_head_office))
    return tuple(k for k, due in zip(MILESTONE_KINDS, owed, strict=True) if due and k.value not in done)


def waived_since_reopen(event_kinds: Sequence[str]) -> bool:
    """Whether a waiver was recorded since the hazard last opened (at its verification): closing it
    then needs no second one; a reopen asks again at the next verification."""
    for kind in reversed(event_kinds):
        if kind == HazardEventKind.WAIVED.value:
            return True
        if kind == HazardEventKind.REOPENED.value:
            return False
    return False


def check_milestones(outstanding: tuple[RemediationKind, ...], waiver: str) -> str:
    """Verifying or closing a major hazard with milestones outstanding takes an explicit reason (the
    waiver, recorded in its history); without one a ValidationError names the missing milestones.
    The trimmed reason, "" when nothing is outstanding (a reason then is not recorded)."""
    reason = validation.text(waiver, "field.waiver", required=False, limit=1000)
    if not outstanding:
        return ""
    if not reason:
        raise ValidationError(
            "field.waiver", Message("hazard.milestones_outstanding", milestones=Milestones(outstanding))
        )
    return reason


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


def as_edited(hazard: HazardInfo | HazardRow) -> HazardInput:
    """The stored fields an edit changes, as the form shows them: what a form was opened with (from
    the info it read) and what the hazard holds at the save (from the row, under its lock), built
    the same so that `update` can tell whether someone else changed them in between. The due date
    as stored; nothing computed from the clock (ageing, overdue), which moves on its own."""
    return HazardInput(
        description=hazard.description,
        severity=HazardSeverity(hazard.severity),
        location=hazard.location,
        owner=hazard.owner,
        due=hazard.due_date,
        title=hazard.title,
    )


def require_owner(values: dict[str, Any]) -> None:
    """A hazard entered by hand names who answers for it (the owner gets the due reminders)."""
    if not values["owner"]:
        raise ValidationError("field.owner", Message("validation.required"))


def check_due(due: date | None, found_on: date) -> None:
    """A hazard cannot be due before the day it was found (its opening day in the branch's zone)."""
    if due is not None and due < found_on:
        raise ValidationError(
            "field.due_at",
            Message("hazard.due_before_found", due=due.isoformat(), found=found_on.isoformat()),
        )


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
        "due_date": row.due_date,
        "inspection": row.inspection_id,
        "item": row.item_number,
        **({"drill": row.drill_id} if row.drill_id is not None else {}),  # as before for every other
    }
