"""What a failed checklist item can lead to besides an open hazard (issue 18).

On-the-spot correction (当场整改): fire regulations (MPS Order 61 art. 31) require some faults to be
corrected at once — a locked or blocked exit, a blocked extinguisher, a fire door propped open,
smoking or open flame, patrol staff off post. Their template items carry `correct_on_spot` and a
fail asks what was done; any failed item may be marked so. While the inspection is a draft the
correction is a row of its own (what, by whom, when; the item's photos are its evidence); at submit
it becomes a hazard recorded closed (HazardService.record_corrected_in), not an open one, so the
register and its statistics still count the fault.

Escalation: an item may name a plan to start on failure (the card slot with an added reader starts
ATM). Accepted, the plan's incident is opened in the same transaction as the record of it, with a
first entry saying the device stays in place as evidence until the police agree to its removal.
One emergency, one log: while a real incident of that plan is open the escalation is refused
(opening.PlanAlreadyOpen) unless it is logged in that incident (`into`) or is a second, separate
event (`despite_open`), as F9 is.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from branchguard.core.hazards.service import CorrectedOnSpot
from branchguard.core.incidents import log as incident_log
from branchguard.core.incidents import opening
from branchguard.core.incidents.service import IncidentService
from branchguard.core.incidents.types import SAID, EntryKind, IncidentStatus
from branchguard.core.inspections import store
from branchguard.core.inspections.types import Correction, ItemResult
from branchguard.core.kernel import validation
from branchguard.core.kernel.errors import NotFound, ValidationError
from branchguard.core.kernel.i18n import Message, both, saying, worded
from branchguard.core.kernel.types import Actor
from branchguard.db.base import utcnow
from branchguard.db.models.incidents import IncidentRow
from branchguard.db.models.inspections import CorrectionRow, EscalationRow, InspectionRow

TEXT_LIMIT = 1000


# -- correction ---------------------------------------------------------------------------------------
def clean_text(text: str) -> str:
    return validation.text(text, "field.corrected", limit=TEXT_LIMIT)


def _row(inspection: InspectionRow, number: int) -> CorrectionRow | None:
    return next((c for c in inspection.corrections if c.number == number), None)


def set_correction(
    inspection: InspectionRow, number: int, text: str, result: str | None, actor: Actor
) -> None:
    """Record (or replace) the item's correction; the item must stand failed."""
    if result != ItemResult.FAIL.value:
        raise ValidationError("field.corrected", Message("inspection.correct_needs_fail"))
    row = _row(inspection, number)
    if row is None:
        row = CorrectionRow(number=number)
        inspection.corrections.append(row)
    row.text, row.corrected_by, row.corrected_at = text, actor.username, utcnow()


def drop_correction(inspection: InspectionRow, number: int) -> bool:
    """The item no longer fails (or the correction is withdrawn): its correction goes."""
    row = _row(inspection, number)
    if row is None:
        return False
    inspection.corrections.remove(row)
    return True


def correction_of(inspection: InspectionRow, number: int) -> Correction | None:
    row = _row(inspection, number)
    return None if row is None else Correction(row.text, row.corrected_by, row.corrected_at)


def corrected_on_spot(inspection: InspectionRow, number: int) -> CorrectedOnSpot | None:
    row = _row(inspection, number)
    return None if row is None else CorrectedOnSpot(row.text, row.corrected_by, row.corrected_at)


# -- escalation ---------------------------------------------------------------------------------------
def incident_of(inspection: InspectionRow, number: int) -> int | None:
    return next((e.incident_id for e in inspection.escalations if e.number == number), None)


def _joined(s: Session, incident_id: int, playbook_code: str, number: int) -> int:
    """The incident an escalation is logged in instead of starting its plan again: it must be an
    open, real incident of the item's plan (the one PlanAlreadyOpen named), not any open one."""
    row = s.get(IncidentRow, incident_id)
    if row is None:
        raise NotFound(Message("incident.not_found", id=incident_id))
    if row.drill or row.playbook_code != playbook_code:  # first: "start it anew" fits the plan's own
        raise ValidationError(
            "field.incident",
            Message("inspection.into_other_plan", incident=incident_id, n=number, code=playbook_code),
        )
    if row.status == IncidentStatus.CLOSED.value:  # ended meanwhile: escalating again starts it anew
        raise ValidationError(
            "field.incident", Message("inspection.into_closed", incident=incident_id, n=number)
        )
    return row.id


def escalate(
    s: Session,
    incidents: IncidentService,
    actor: Actor,
    inspection: InspectionRow,
    number: int,
    *,
    despite_open: bool = False,
    into: int | None = None,
) -> int:
    """Start the plan the failed item names; the incident's id. The caller checked the roles and
    holds the inspection's lock; all of it commits, or none of it. While a real incident of the
    plan is open this is refused (PlanAlreadyOpen) unless `into` names it, which logs the failure
    in it instead of starting another, or `despite_open` starts a second one on purpose."""
    answer = store.answer_row(inspection, number)
    ctx = store.Context(s, [inspection])
    item = store.rendered_items(ctx.versions[inspection.version_id])[number - 1]
    if not item.on_fail_playbook:
        raise ValidationError("field.item", Message("inspection.no_on_fail_plan", n=number))
    if store.effective(answer, inspection).result != ItemResult.FAIL:
        raise ValidationError("field.result", Message("inspection.escalate_needs_fail", n=number))
    done = incident_of(inspection, number)
    if done is not None:
        raise ValidationError("field.item", Message("inspection.escalated_already", n=number, incident=done))
    if into is not None:
        incident_id = _joined(s, into, item.on_fail_playbook, number)
    else:
        if not despite_open:  # before start_in: the plan's row stays locked until this commits
            opening.refuse_if_open(s, item.on_fail_playbook)
        incident_id = incidents.start_in(s, actor, item.on_fail_playbook, location=inspection.location).id
    # Logged in an open incident, the entry follows its last one and says so: someone else started
    # it, so "started from inspection #…" would be false evidence in its log and its report.
    key = "inspection.escalation_entry" if into is None else "inspection.joined_entry"
    said = saying(key, id=inspection.id, n=number, item=both(item.text.zh, item.text.en))
    # On the session, as the start's entries were: their ledger entries are all written at commit,
    # in the log's order (a plain connection's would be written at once, ahead of them).
    incident_log.append(
        s, incident_id, actor.username, EntryKind.DECISION, worded(said) or "", data={SAID: said}
    )
    inspection.escalations.append(
        EscalationRow(
            number=number,
            playbook_code=item.on_fail_playbook,
            incident_id=incident_id,
            escalated_by=actor.username,
            escalated_at=utcnow(),
        )
    )
    return incident_id
