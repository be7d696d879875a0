"""A complaint step as entered (investigate, decide, reply, archive): the step named, the role
that may take it, its text and its own fields checked before the service opens a transaction."""

from __future__ import annotations

from typing import Any

from branchguard.core.complaints import rules as rules_
from branchguard.core.complaints.types import (
    ComplaintCause,
    ComplaintChannel,
    ComplaintStep,
    Remedy,
    Satisfaction,
    StepInput,
)
from branchguard.core.kernel import validation
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.roles import require
from branchguard.core.kernel.types import Actor


def prepare(actor: Actor, data: StepInput) -> tuple[ComplaintStep, str, dict[str, Any]]:
    """The step named (one of the four after acceptance), the role check, its text and fields."""
    step = validation.choice(data.step, ComplaintStep, "field.complaint_step")
    if step not in rules_.STEPS:
        choices = ", ".join(s.value for s in rules_.STEPS)
        raise ValidationError(
            "field.complaint_step", Message("validation.choice", value=step.value, choices=choices)
        )
    require_step(actor, step)
    text = validation.text(data.text, "field.complaint_step_text", limit=rules_.TEXT_LIMIT)
    return step, text, step_details(step, data)


def require_step(actor: Actor, step: ComplaintStep) -> None:
    if step == ComplaintStep.INVESTIGATE:
        require(actor, "complaint.investigate")
    elif step == ComplaintStep.DECIDE:
        require(actor, "complaint.decide")
    elif step == ComplaintStep.REPLY:
        require(actor, "complaint.reply")
    else:
        require(actor, "complaint.archive")


def step_details(step: ComplaintStep, data: StepInput) -> dict[str, Any]:
    """The step's own fields, checked: the decision's basis, the reply's remedies and response,
    the archive's cause and follow-up."""
    if step == ComplaintStep.DECIDE:
        return {"basis": validation.text(data.basis, "field.decision_basis", limit=1000)}
    if step == ComplaintStep.REPLY:
        remedies = [
            validation.choice(r, Remedy, "field.remedies").value for r in dict.fromkeys(data.remedies)
        ]
        if not remedies:
            raise ValidationError("field.remedies", Message("complaint.remedies_needed"))
        details: dict[str, Any] = {
            "remedies": ",".join(remedies),
            "customer_response": validation.text(
                data.customer_response, "field.customer_response", required=False, limit=2000
            ),
            "satisfaction": validation.choice(data.satisfaction, Satisfaction, "field.satisfaction").value,
        }
        if data.reply_channel:
            details["reply_channel"] = validation.choice(
                data.reply_channel, ComplaintChannel, "field.complaint_channel"
            ).value
        return details
    if step == ComplaintStep.ARCHIVE:
        cause = (
            validation.choice(data.cause, ComplaintCause, "field.complaint_cause").value if data.cause else ""
        )
        return {
            "actions": rules_.check_actions(data.actions),
            "hazards": [
                validation.text(h, Message("field.complaint_hazard", n=i), limit=2000)
                for i, h in enumerate(data.hazards, start=1)
            ],
            "open_hazard": bool(data.open_hazard),
            "cause": cause,
            "classification": validation.text(
                data.classification, "field.complaint_category", required=False, limit=32
            ),
            "root_cause": validation.text(data.root_cause, "field.root_cause", required=False, limit=2000),
            "follow_up": validation.text(
                data.follow_up, "field.complaint_follow_up", required=False, limit=2000
            ),
        }
    return {}
