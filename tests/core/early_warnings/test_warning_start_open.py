"""A warning that would start the natural-disaster plan while its real incident is open (NAT #4
at yellow, an orange typhoon warning arrives): one emergency, one log. The warning is recorded,
nothing is started, and the refusal names the open incident, whose level the caller may raise;
a second, separate event is started with `despite_open`."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from branchguard.core.early_warnings.service import RecordedPlanOpen
from branchguard.core.early_warnings.types import WarningLevel
from branchguard.core.incidents import opening
from branchguard.core.incidents.opening import PlanAlreadyOpen
from branchguard.core.incidents.types import IncidentFilter, IncidentStatus
from branchguard.db.models.playbooks import PlaybookRow
from tests.core.early_warnings.test_early_warnings import a_warning, audit_actions
from tests.interleave_support import rival_before


def _open_nat(ctx: Any, lead: Any) -> list[int]:
    flt = IncidentFilter(status=IncidentStatus.OPEN, drill=False)
    return sorted(i.id for i in ctx.services.incidents.list_incidents(lead, flt) if i.playbook_code == "NAT")


def test_a_warning_with_start_while_nat_is_open_is_recorded_and_starts_nothing(ctx, staff, lead) -> None:
    svc = ctx.services.warnings
    first = svc.add(staff, a_warning(WarningLevel.YELLOW), start=True)
    before = audit_actions(ctx)
    with pytest.raises(RecordedPlanOpen) as err:
        svc.add(staff, a_warning(WarningLevel.ORANGE), start=True)
    refused = err.value
    assert isinstance(refused, PlanAlreadyOpen) and refused.incident_id == first.incident_id
    assert refused.incident.warning_level == WarningLevel.YELLOW
    assert refused.who == "李晓梅"  # who started it, by name
    assert f"#{first.incident_id}" in refused.text("en") and "NAT" in refused.text("zh_CN")
    kept = svc.get(lead, refused.warning.id)  # the warning received is kept, not started
    assert kept.level == WarningLevel.ORANGE and kept.active
    assert kept.incident_id is None and kept.events == ()
    assert audit_actions(ctx) == [*before, "warning.record"]  # no incident.start
    assert _open_nat(ctx, lead) == [first.incident_id]
    assert ctx.services.ledger.verify(lead).ok


def test_start_preparation_while_nat_is_open_is_refused_and_writes_nothing(ctx, staff, lead) -> None:
    svc = ctx.services.warnings
    first = ctx.services.incidents.start(lead, "NAT", warning=WarningLevel.YELLOW)
    orange = svc.add(staff, a_warning(WarningLevel.ORANGE))
    before = audit_actions(ctx)
    with pytest.raises(PlanAlreadyOpen) as err:
        svc.start_preparation(staff, orange.id)
    assert not isinstance(err.value, RecordedPlanOpen) and err.value.incident_id == first.id
    assert svc.get(lead, orange.id).incident_id is None and audit_actions(ctx) == before
    assert _open_nat(ctx, lead) == [first.id]


def test_despite_open_starts_a_second_separate_event_from_the_warning(ctx, staff, lead) -> None:
    svc = ctx.services.warnings
    first = ctx.services.incidents.start(lead, "NAT")
    second = svc.add(staff, a_warning(WarningLevel.ORANGE), start=True, despite_open=True)
    later = svc.add(staff, a_warning(WarningLevel.RED))
    third = svc.start_preparation(staff, later.id, despite_open=True)
    assert _open_nat(ctx, lead) == [first.id, second.incident_id, third.id]
    assert third.warning_level == WarningLevel.RED


def test_drills_of_nat_are_not_in_the_way(ctx, staff, lead) -> None:
    ctx.services.incidents.start(lead, "NAT", drill=True)
    started = ctx.services.warnings.add(staff, a_warning(WarningLevel.ORANGE), start=True)
    assert _open_nat(ctx, lead) == [started.incident_id]


def test_a_warning_started_on_two_pcs_at_once_opens_one_incident(ctx, staff, lead, monkeypatch) -> None:
    svc = ctx.services.warnings
    mine, theirs = svc.add(staff, a_warning(WarningLevel.ORANGE)), svc.add(staff, a_warning())
    with ctx.sessions() as s:
        plan_id = s.scalar(select(PlaybookRow.id).where(PlaybookRow.code == "NAT"))
    other_pc = lambda: svc.start_preparation(lead, theirs.id)  # noqa: E731
    # The other PC starts from its warning just after this one checked and before it inserts.
    with rival_before(ctx, monkeypatch, opening, "utcnow", ("playbooks", plan_id), other_pc) as rival:
        started = svc.start_preparation(staff, mine.id)
    (refused,) = rival
    assert isinstance(refused, PlanAlreadyOpen) and refused.incident_id == started.id
    assert _open_nat(ctx, lead) == [started.id]
