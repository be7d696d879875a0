"""One emergency, one incident: a plan started while a real incident of it is open (two staff on
two PCs, or F9 pressed twice) is refused with the open incident named, unless the caller says it
is a second, separate event (`despite_open`). Drills and ad hoc incidents are not checked.

The check and the insert are one decision on the plan's row, locked (db/locks.py): the other PC's
start is made between this call's check and its insert (tests/interleave_support.py).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from branchguard.core.incidents import opening
from branchguard.core.incidents.opening import PlanAlreadyOpen
from branchguard.core.incidents.types import CloseInput, IncidentFilter, IncidentStatus
from branchguard.db.models.playbooks import PlaybookRow
from tests.interleave_support import rival_before


def _open_real(ctx: Any, lead: Any, code: str) -> list[int]:
    flt = IncidentFilter(status=IncidentStatus.OPEN, drill=False)
    return sorted(i.id for i in ctx.services.incidents.list_incidents(lead, flt) if i.playbook_code == code)


def _refused(call: Any) -> PlanAlreadyOpen:
    try:
        call()
    except PlanAlreadyOpen as refused:
        return refused
    raise AssertionError("started, not refused")


def test_a_plan_started_twice_is_refused_naming_the_open_incident(ctx, lead, staff) -> None:
    inc = ctx.services.incidents
    first = inc.start(lead, "FIRE")
    refused = _refused(lambda: inc.start(staff, "fire"))
    assert refused.incident_id == first.id and refused.incident.started_by == "lead"
    assert refused.is_about("field.playbook")
    at = first.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
    for lang in ("en", "zh_CN"):
        text = refused.text(lang)
        assert f"#{first.id}" in text and at in text and "FIRE" in text, text
        assert "王建国" in text and "lead" not in text, text  # the person who started it, not a login
    assert refused.who == "王建国"
    assert "Fire" in refused.text("en") and "火灾" in refused.text("zh_CN")  # the plan's title, as read
    assert _open_real(ctx, lead, "FIRE") == [first.id]


def test_despite_open_starts_a_second_separate_event(ctx, lead) -> None:
    inc = ctx.services.incidents
    first = inc.start(lead, "FIRE")
    second = inc.start(lead, "FIRE", despite_open=True)
    assert _open_real(ctx, lead, "FIRE") == [first.id, second.id]


def test_drills_ad_hoc_other_plans_and_closed_incidents_are_not_in_the_way(ctx, lead) -> None:
    inc = ctx.services.incidents
    inc.start(lead, "FIRE", drill=True)
    inc.start(lead, "FIRE", drill=True)  # a drill runs its own incident
    first = inc.start(lead, "FIRE")  # an open drill is no reason to refuse the real one
    inc.start(lead, "FIRE", drill=True)
    inc.start(lead, None, title="门口可疑人员")
    inc.start(lead, None, title="门口可疑人员")
    inc.start(lead, "ROB")
    inc.close(lead, first.id, CloseInput("已扑灭"))
    again = inc.start(lead, "FIRE")
    assert _open_real(ctx, lead, "FIRE") == [again.id]


def test_a_plan_started_on_two_pcs_at_once_opens_one_incident(ctx, lead, staff, monkeypatch) -> None:
    inc = ctx.services.incidents
    with ctx.sessions() as s:
        plan_id = s.scalar(select(PlaybookRow.id).where(PlaybookRow.code == "FIRE"))
    other_pc = lambda: inc.start(staff, "FIRE")  # noqa: E731
    # The other PC starts the plan just after this one checked and before it inserts its row.
    with rival_before(ctx, monkeypatch, opening, "utcnow", ("playbooks", plan_id), other_pc) as rival:
        mine = inc.start(lead, "FIRE")
    (refused,) = rival
    assert isinstance(refused, PlanAlreadyOpen) and refused.incident_id == mine.id
    assert _open_real(ctx, lead, "FIRE") == [mine.id]
