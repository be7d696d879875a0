"""What still refers to a person (core/people/references.py): a refused removal names the team
roles they hold or back up and how many training records they have; open items that name them
(hazards, corrective actions, complaints, schedules) are listed, and a removal is refused over them
unless the lead goes ahead knowingly."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from branchguard.core.complaints.types import ComplaintInput
from branchguard.core.hazards.types import HazardInput, HazardStatus
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import translate
from branchguard.core.kernel.types import Actor
from branchguard.core.people.types import BranchRole, PersonInput
from branchguard.core.schedules.types import ScheduleInput
from branchguard.core.team.types import TrainingInput
from branchguard.db.base import utcnow
from branchguard.db.models.hazards import HazardRow
from branchguard.db.models.incidents import IncidentActionRow

TODAY = date.today()


def _person(ctx: Any, lead: Actor, name: str) -> int:
    return int(ctx.services.people.add_person(lead, PersonInput(name, BranchRole.TELLER)).id)


def _refusal(ctx: Any, lead: Actor, person_id: int) -> str:
    with pytest.raises(ValidationError) as refused:
        ctx.services.people.remove_person(lead, person_id)
    assert refused.value.field == "field.name"
    return translate(refused.value.content, "en")


def test_a_refused_removal_names_the_roles_held_or_backed_up_and_the_training_records(
    ctx: Any, lead: Actor
) -> None:
    team = ctx.services.team
    qian = _person(ctx, lead, "钱七")
    other = _person(ctx, lead, "孔八")
    team.assign(lead, "firefighting_team", qian, other)
    team.assign(lead, "evacuation_team", other, qian)
    team.add_training(lead, TrainingInput(qian, "fire", TODAY - timedelta(days=30)))
    team.add_training(lead, TrainingInput(qian, "first_aid_aed", TODAY - timedelta(days=20)))
    said = _refusal(ctx, lead, qian)
    fire, evacuation = (
        r.name.en for r in team.roles(lead) if r.code in ("firefighting_team", "evacuation_team")
    )
    assert "钱七" in said
    assert f"holds the role {fire}" in said and f"backs up the role {evacuation}" in said
    assert "has 2 training record(s)" in said
    assert ctx.services.people.get_person(lead, qian).name == "钱七"


def _owns_one_of_each(ctx: Any, lead: Actor, name: str) -> dict[str, int]:
    """A hazard, a corrective action, a complaint and a schedule of their own naming `name` (the
    reminders of the first three are theirs too, not listed twice); a closed hazard and a done
    action naming them, which are not open."""
    s = ctx.services
    hazard = s.hazards.create(lead, HazardInput("灭火器压力不足", owner=name)).info.id
    closed = s.hazards.create(lead, HazardInput("已修好的门禁", owner=name)).info.id
    complaint = s.complaints.register(
        lead,
        ComplaintInput(
            channel="counter",
            received_at=utcnow() - timedelta(hours=2),
            customer_name="张三",
            category="waiting",
            request="排队太久",
            first_responsible=name,
        ),
    ).info
    schedule = s.schedules.add(lead, ScheduleInput("月度消防检查", utcnow() + timedelta(days=3), owner=name))
    with ctx.sessions.begin() as session:
        session.get(HazardRow, closed).status = HazardStatus.CLOSED.value  # its history is not the point
        action = IncidentActionRow(text="更换应急灯电池", owner=name)
        done = IncidentActionRow(text="已完成的整改", owner=name, done_at=utcnow(), done_by="lead")
        session.add_all([action, done])
        session.flush()
        action_id = action.id
    return {"hazard": hazard, "action": action_id, "complaint": complaint.id, "schedule": schedule.id}


def test_open_items_are_listed_and_a_removal_over_them_needs_the_lead_to_go_ahead(
    ctx: Any, lead: Actor
) -> None:
    people = ctx.services.people
    peng = _person(ctx, lead, "彭强")
    ids = _owns_one_of_each(ctx, lead, "彭强")
    items = people.open_items(lead, peng)
    assert sorted((i.kind, i.id) for i in items) == sorted(ids.items())
    said = _refusal(ctx, lead, peng)
    assert "彭强 still owns 4 open item(s)" in said and "--despite-open-items" in said
    assert f"hazard #{ids['hazard']} 灭火器压力不足" in said and "更换应急灯电池" in said
    assert "已修好的门禁" not in said and "已完成的整改" not in said
    assert people.get_person(lead, peng).name == "彭强"
    people.remove_person(lead, peng, despite_open_items=True)
    assert "彭强" not in {p.name for p in people.list_people(lead)}


def test_items_of_a_name_someone_else_on_the_roster_keeps_are_not_left_to_nobody(
    ctx: Any, lead: Actor
) -> None:
    people = ctx.services.people
    first = _person(ctx, lead, "魏志强")
    people.add_person(lead, PersonInput("魏志强", BranchRole.SECURITY_GUARD, mobile="13901010077"))
    _owns_one_of_each(ctx, lead, "魏志强")
    assert people.open_items(lead, first) == []
    people.remove_person(lead, first)
