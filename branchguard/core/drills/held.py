"""A drill held without BranchGuard, recorded afterwards (补录): one held before the branch installed
it, or on paper while the PC was down. Without it a new branch's compliance rules read "never done"
although last month's fire drill is in the paper register, and head office reads them so too.

It is recorded in one step, as it was held and scored: the plan it drilled, when it was held, where
its paper record is kept, and its evaluation against the criteria set a planned drill of that plan
gets. It counts towards the compliance rules from the day it was held. It has no live log (no
incident: nothing was timed as it happened), so it takes no headcount and no corrective actions
here, and everything that shows it says it was recorded afterwards, by whom and when (the plan's
`created_by` and `created_at`; the audit trail keeps the reference). The same plan's drill on the
same day is refused as the same record entered twice. One recorded by mistake is voided with a
reason (`void_held`): it stops counting, and what was entered stays, as evidence."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchguard.core.audit.service import record
from branchguard.core.drills import rules as drill_rules
from branchguard.core.drills import store as drills_store
from branchguard.core.drills.types import (
    VOID_AUDIT_ACTION,
    DrillAction,
    DrillPlan,
    DrillStatus,
    HeldDrillInput,
    Voided,
)
from branchguard.core.kernel import validation
from branchguard.core.kernel.errors import NotFound, ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.types import Actor
from branchguard.core.schedules import rules
from branchguard.db.base import utcnow
from branchguard.db.locks import locked
from branchguard.db.models.drills import DrillPlanRow
from branchguard.db.models.foundation import AuditEventRow
from branchguard.db.models.playbooks import PlaybookRow

REFERENCE_LIMIT = 200  # characters: a register's name and page, a file number
EARLIEST_HELD = datetime(2000, 1, 1)  # local: before it, a year mistyped (and no register kept)


def record_held(s: Session, actor: Actor, data: HeldDrillInput, now: datetime) -> DrillPlan:
    """The drill, written with its evaluation inside the caller's transaction (the caller has
    checked the role); a time not yet come, a missing reference or a bad score is refused before
    anything is written, in the words of the field it concerns."""
    if data.evaluation.actions:
        raise ValidationError("field.actions", Message("drill.held_no_actions"))
    held = rules.start_utc(data.held_at, rules.local_zone_name())  # naive: this PC's wall clock
    if held > now:
        raise ValidationError("field.held_at", Message("drill.held_future"))
    if held <= rules.start_utc(EARLIEST_HELD, rules.local_zone_name()):
        raise ValidationError("field.held_at", Message("drill.held_too_early", day=EARLIEST_HELD.date()))
    reference = validation.text(data.reference, "field.held_reference", limit=REFERENCE_LIMIT)
    problems = validation.text(data.evaluation.problems, "field.problems", required=False, limit=5000)
    lessons = validation.text(data.evaluation.lessons, "field.lessons", required=False, limit=5000)
    evaluator = validation.text(data.evaluator, "field.evaluator", required=False, limit=64) or actor.username
    values = drills_store.clean_kind(data.title, data.scope, data.mode)
    row, chosen = drills_store.plan_row(
        s,
        data.playbook_code,
        values,
        announced=bool(data.announced),
        planned_at=held,
        run_at=held,
        status=DrillStatus.EVALUATED.value,
        notes=reference,
        created_by=actor.username,
        created_at=now,
    )
    _refuse_a_twin(s, row.playbook_code, held)
    s.add(row)
    s.flush()
    ev = drills_store.evaluation_row(chosen, data.evaluation.scores, problems, lessons, row.id, evaluator)
    s.add(ev)
    s.flush()
    after = drills_store.audit_view(row, "") | {
        "held_at": held,
        "held_reference": reference,
        "score": ev.score,
        "scores": drills_store.scores_of(ev),
    }
    record(s, actor, "drill.record_held", "drill_plan", row.id, after=after)
    return drills_store.plan_infos(s, [row], now)[0]


def void_held(s: Session, actor: Actor, plan_id: int, reason: str) -> DrillPlan:
    """A drill recorded afterwards by mistake (a wrong plan, a wrong day, a record entered twice)
    stops counting: cancelled, with the reason, audited; its record and evaluation stay, as
    evidence of what was entered. Only such a drill: a drill run lives in its incident's log."""
    reason = validation.text(reason, "field.reason", limit=500)
    row = locked(s, DrillPlanRow, plan_id)
    if row is None:
        raise NotFound(Message("drill.not_found", id=plan_id))
    if row.incident_id is not None or row.run_at is None:
        raise ValidationError("field.drill", Message("drill.void_not_recorded", id=plan_id))
    if row.status == DrillStatus.CANCELLED.value:  # a drill recorded afterwards is cancelled only by a void
        raise ValidationError("field.drill", Message("drill.already_voided", id=plan_id))
    drill_rules.expect(row.id, row.status, DrillAction.VOID)
    row.status = DrillStatus.CANCELLED.value
    record(s, actor, VOID_AUDIT_ACTION, "drill_plan", row.id, after={"status": row.status, "reason": reason})
    return drills_store.plan_infos(s, [row], utcnow())[0]


def voided_of(s: Session, plan_id: int) -> Voided | None:
    """When, by whom and why the drill was voided, from its audit event (the row keeps only its
    status); None for a drill never voided."""
    event = s.scalar(
        select(AuditEventRow)
        .where(
            AuditEventRow.action == VOID_AUDIT_ACTION,
            AuditEventRow.entity == "drill_plan",
            AuditEventRow.entity_id == str(plan_id),
        )
        .order_by(AuditEventRow.id.desc())
        .limit(1)
    )
    if event is None:
        return None
    return Voided(event.at, event.actor, str((event.after or {}).get("reason", "")))


def _refuse_a_twin(s: Session, code: str, held: datetime) -> None:
    """A drill of the same plan on the same local day, recorded or run, is the same paper record
    entered twice, as a rule (it would count twice). The plan's row is locked first (db/locks.py):
    of two PCs entering the same record at once, the second finds the first's."""
    locked(s, PlaybookRow, s.scalar(select(PlaybookRow.id).where(PlaybookRow.code == code)))
    zone = rules.local_zone_name()
    day = held.astimezone(rules.zone(zone)).date()
    start = rules.start_utc(datetime.combine(day, time.min), zone)
    end = rules.start_utc(datetime.combine(day + timedelta(days=1), time.min), zone)
    same = select(DrillPlanRow.id).where(
        DrillPlanRow.playbook_code == code,
        DrillPlanRow.run_at >= start,
        DrillPlanRow.run_at < end,
        DrillPlanRow.status != DrillStatus.CANCELLED.value,  # a voided record is entered anew
    )
    if (twin := s.scalar(same.limit(1))) is not None:
        raise ValidationError("field.held_at", Message("drill.held_twice", id=twin, day=day))
