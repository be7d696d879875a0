"""The initial report to head office (上报): its fields checked as every other text is, and saving
it is making it, so its reporting checkpoint is marked done with it."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.orm import Session

from branchguard.core.incidents import log as incident_log
from branchguard.core.incidents.rules import initial_report_step
from branchguard.core.incidents.store import detail_of
from branchguard.core.incidents.types import REPORT_FIELDS, SAID, EntryKind, IncidentStatus, StepState
from branchguard.core.kernel import validation
from branchguard.core.kernel.errors import ValidationError, refuse_if_changed
from branchguard.core.kernel.i18n import Message, both
from branchguard.core.kernel.types import Actor
from branchguard.db.models.incidents import IncidentRow

# Characters of one field: a few sentences each (place, cause, measures …), as the report's form
# and its PDF hold them; the whole report stays well inside one log entry's data.
FIELD_LIMIT = 1000


def clean_fields(fields: Mapping[str, str | None]) -> dict[str, str]:
    """The fields as stored: known names only, trimmed, without control characters (`validation.
    text`), each within FIELD_LIMIT; an empty one clears that field."""
    unknown = set(fields) - set(REPORT_FIELDS)
    if unknown:
        raise ValidationError(
            "field.report_fields", Message("incident.unknown_fields", names=", ".join(sorted(unknown)))
        )
    return {
        name: validation.text(value, Message(f"report_field.{name}"), required=False, limit=FIELD_LIMIT)
        for name, value in fields.items()
    }


def refuse_if_overwritten(
    incident_id: int, sent: Mapping[str, str], stored: Mapping[str, str], opened: Mapping[str, str] | None
) -> None:
    """StaleRecord when a field the form sends (`sent`) holds now, under the save's lock, another
    value than when the form read it (`opened`; None from the command line): the form sends a field
    it shows prefilled (the place) as well as those typed, so another PC's words would be replaced
    without a word. Fields the form does not send are merged, not compared: theirs stay."""
    if opened is not None:
        refuse_if_changed(
            {name: opened.get(name, "") for name in sent},
            {name: stored.get(name, "") for name in sent},
            Message("incident.report_record", id=incident_id),
        )


def complete_initial_report(s: Session, actor: Actor, row: IncidentRow) -> int | None:
    """Saving the initial report is making it: its reporting checkpoint, when still pending on
    an open incident, is marked done in the same transaction (logged). The step's number, or None."""
    if row.status != IncidentStatus.OPEN.value:
        return None
    step = initial_report_step(detail_of(s, row, with_entries=False).steps)
    if step is None or step.state != StepState.PENDING:
        return None
    incident_log.append(
        s,
        row.id,
        actor.username,
        EntryKind.STEP_DONE,
        step.text.text,
        step=step.number,
        data={"key": step.key, "by": "initial_report", SAID: both(step.text.zh, step.text.en)},
    )
    return step.number
