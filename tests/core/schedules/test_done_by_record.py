"""An item whose record ends it (a hazard, a complaint, a certificate, a corrective action) or does
it (a drill run, a submitted inspection) is not marked done by hand: the reminder would end for
good, the one-off schedule with it, while the work stays undone. Skipping with a reason stays for a
drill or an inspection that could not be held; a schedule owned by no record is done by hand."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from branchguard.core.audit.service import AuditFilter
from branchguard.core.hazards.types import HazardInput, HazardSeverity, RemediationKind
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.types import Actor
from branchguard.core.schedules.links import by_hand_refusal
from branchguard.core.schedules.types import OccurrenceStatus, ScheduleKind
from tests.core.schedules.test_schedules import one_off, soon
from tests.hazard_helpers import make_overdue

ENDED = {
    ScheduleKind.HAZARD: "schedule.ends_with_hazard",
    ScheduleKind.COMPLAINT: "schedule.ends_with_complaint",
    ScheduleKind.ACTION: "schedule.ends_with_action",
}
DONE_BY = {
    ScheduleKind.DRILL: "schedule.done_by_drill",
    ScheduleKind.INSPECTION: "schedule.done_by_inspection",
    ScheduleKind.TRAINING: "schedule.ends_with_training",  # renewed; one that will not be is skipped
}


def _item(
    svc: Any, lead: Actor, kind: ScheduleKind, subject_id: int | None, rule: str = ""
) -> tuple[int, int]:
    """A schedule of `kind` owned by record `subject_id`, and its first item, written (overdue)."""
    made = svc.add(lead, one_off(kind=kind, subject_id=subject_id, rule=rule))
    [occ] = [o for o in svc.catch_up(lead, soon(days=1)).occurrences if o.schedule_id == made.id]
    assert occ.id is not None
    return made.id, occ.id


@pytest.mark.parametrize("skipped", [False, True])
@pytest.mark.parametrize("kind", list(ENDED))
def test_an_item_its_record_ends_is_neither_done_nor_skipped_by_hand(
    ctx: Any, lead: Actor, staff: Actor, kind: ScheduleKind, skipped: bool
) -> None:
    svc = ctx.services.schedules
    schedule_id, occ_id = _item(svc, lead, kind, subject_id=7)
    later = soon(days=1)
    with pytest.raises(ValidationError) as refused:
        svc.complete(staff, occ_id, skipped=skipped, note="停业" if skipped else "", now=later)
    assert refused.value.is_about("field.occurrence")
    assert refused.value.reason == Message(ENDED[kind]).text()
    # nothing changed: the item is still owed, its schedule still on, no "done" in the audit trail
    assert [o.id for o in svc.open_items(lead, later) if o.schedule_id == schedule_id] == [occ_id]
    assert svc.get(lead, schedule_id, later).active
    assert [r.occurrence_id for r in svc.reminders(lead, later) if r.schedule_id == schedule_id] == [occ_id]
    done = ctx.services.audit.list(lead, AuditFilter(action_prefix="schedule.done"))
    assert done == [] and ctx.services.audit.list(lead, AuditFilter(action_prefix="schedule.skipped")) == []


@pytest.mark.parametrize("kind", list(DONE_BY))
def test_a_drill_or_inspection_is_done_by_its_record_but_may_be_skipped_with_a_reason(
    ctx: Any, lead: Actor, kind: ScheduleKind
) -> None:
    svc = ctx.services.schedules
    _schedule_id, occ_id = _item(svc, lead, kind, subject_id=3, rule="weekly")
    with pytest.raises(ValidationError) as refused:
        svc.complete(lead, occ_id)
    assert refused.value.reason == Message(DONE_BY[kind]).text()
    skipped = svc.complete(lead, occ_id, skipped=True, note="网点装修停业")
    assert skipped.status is OccurrenceStatus.SKIPPED and skipped.note == "网点装修停业"


def test_a_planned_drills_only_date_is_not_skipped_either(ctx: Any, lead: Actor) -> None:
    """Its plan would stay planned with its one reminder ended: the drill is run, moved or cancelled."""
    svc = ctx.services.schedules
    schedule_id, occ_id = _item(svc, lead, ScheduleKind.DRILL, subject_id=5)
    with pytest.raises(ValidationError) as refused:
        svc.complete(lead, occ_id, skipped=True, note="停业")
    assert refused.value.reason == Message("schedule.ends_with_drill").text()
    assert svc.get(lead, schedule_id).active


@pytest.mark.parametrize("kind", [ScheduleKind.CUSTOM, *ENDED, *DONE_BY])
def test_a_schedule_of_the_leads_own_is_done_by_hand(ctx: Any, lead: Actor, kind: ScheduleKind) -> None:
    """No record owns it (the New schedule dialog, `schedule add --kind`): nothing else could end it."""
    svc = ctx.services.schedules
    _schedule_id, occ_id = _item(svc, lead, kind, subject_id=None)
    assert svc.complete(lead, occ_id).status is OccurrenceStatus.DONE
    assert by_hand_refusal(kind, None) is None


def test_a_hazards_reminder_ends_only_when_the_hazard_is_verified(
    ctx: Any, lead: Actor, staff: Actor
) -> None:
    """The reviewers' case: "Mark done" on an overdue hazard's reminder left the hazard open and
    overdue and its reminder gone for good. Refused now; verifying the hazard ends it."""
    hazards, svc = ctx.services.hazards, ctx.services.schedules
    data = HazardInput(description="自助区灯箱松动", severity=HazardSeverity.GENERAL, owner="李安全")
    hazard = hazards.create(staff, data).info
    make_overdue(ctx, lead, hazard.id)
    schedule_id = hazards.get(lead, hazard.id).info.schedule_id
    svc.catch_up(lead)
    [reminder] = [r for r in svc.reminders(lead) if r.schedule_id == schedule_id]
    assert reminder.schedule_kind is ScheduleKind.HAZARD and reminder.subject_id == hazard.id
    with pytest.raises(ValidationError):
        svc.complete(staff, reminder.occurrence_id)
    assert hazards.get(lead, hazard.id).info.overdue
    later = soon(days=30)
    svc.catch_up(lead, later)
    assert [r.occurrence_id for r in svc.reminders(lead, later) if r.schedule_id == schedule_id] == [
        reminder.occurrence_id
    ]
    hazards.add_step(staff, hazard.id, RemediationKind.ACTION, "灯箱已紧固")
    hazards.remediate(staff, hazard.id)
    hazards.verify(lead, hazard.id, "复查合格")
    assert not svc.get(lead, schedule_id).active
    assert not [o for o in svc.open_items(lead, later) if o.schedule_id == schedule_id]
    assert svc.reminders(lead, later + timedelta(minutes=1)) == []
