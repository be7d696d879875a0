"""Which actions each hazard status opens, to which role, and the second-person verification rule:
the pure rules the detail window shows (every status × every action × every role), and the service
refusing every action the window withholds, so the command line cannot do what the window hides."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from branchguard.core.hazards import rules
from branchguard.core.hazards.types import (
    HazardAction,
    HazardInfo,
    HazardInput,
    HazardSeverity,
    HazardStatus,
    RemediationKind,
)
from branchguard.core.kernel.errors import PermissionDenied, ValidationError
from branchguard.core.kernel.roles import ROLE_TABLE
from branchguard.core.kernel.types import Actor, Role
from tests.reports.hazard_samples import hazard as sample_hazard

A = HazardAction
OPEN_IN: dict[HazardStatus, set[HazardAction]] = {
    HazardStatus.OPEN: {A.EDIT, A.SET_DUE, A.DOWNGRADE, A.ADD_STEP, A.REMEDIATE},
    HazardStatus.REMEDIATED: {A.EDIT, A.SET_DUE, A.DOWNGRADE, A.ADD_STEP, A.VERIFY, A.REOPEN},
    HazardStatus.VERIFIED: {A.EDIT, A.SET_DUE, A.DOWNGRADE, A.CLOSE, A.REOPEN},
    HazardStatus.CLOSED: {A.REOPEN},
}
# Staff work hazards; the safety lead alone moves a due date by hand, lowers a severity, verifies
# and closes; auditors only read.
FOR_ROLE: dict[Role, set[HazardAction]] = {
    Role.LEAD: set(HazardAction),
    Role.STAFF: set(HazardAction) - {A.SET_DUE, A.DOWNGRADE, A.VERIFY, A.CLOSE},
    Role.AUDITOR: set(),
}
WHEN = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def person(role: Role, name: str = "") -> Actor:
    return Actor(user_id=None, username=name or role.value, role=role)


def hazard(status: HazardStatus, remediated_by: str | None = None) -> HazardInfo:
    return sample_hazard(
        1, status=status, remediated_by=remediated_by, remediated_at=WHEN if remediated_by else None
    )


@pytest.mark.parametrize("status", list(HazardStatus))
@pytest.mark.parametrize("action", list(HazardAction))
@pytest.mark.parametrize("role", list(Role))
def test_an_action_is_offered_when_the_status_opens_it_and_the_role_may(
    status: HazardStatus, action: HazardAction, role: Role
) -> None:
    expected = action in OPEN_IN[status] and action in FOR_ROLE[role]
    assert (action in rules.available_actions(hazard(status), person(role))) is expected
    assert (action in rules.open_in(status)) is (action in OPEN_IN[status])
    assert (action in rules.open_in(status.value)) is (action in OPEN_IN[status])  # a row's string
    assert rules.allowed(person(role), action) is (action in FOR_ROLE[role])


@pytest.mark.parametrize("status", list(HazardStatus))
@pytest.mark.parametrize("action", list(HazardAction))
def test_the_service_check_refuses_exactly_what_the_status_does_not_open(
    status: HazardStatus, action: HazardAction
) -> None:
    if action in OPEN_IN[status]:
        rules.expect(status.value, action)
    else:
        with pytest.raises(ValidationError) as refused:
            rules.expect(status.value, action)
        assert status.label in refused.value.message


def test_every_action_is_asked_of_the_role_table() -> None:
    assert {role_action for role_action, _statuses in rules.ACTIONS.values()} <= ROLE_TABLE.keys()
    assert set(rules.ACTIONS) == set(HazardAction)


def test_whoever_remediated_a_hazard_is_offered_verify_but_cannot_verify() -> None:
    fixed = hazard(HazardStatus.REMEDIATED, remediated_by="zhang")
    zhang, li = person(Role.LEAD, "zhang"), person(Role.LEAD, "li")
    assert A.VERIFY in rules.available_actions(fixed, zhang)  # shown, to say why not
    assert rules.is_remediator(fixed.remediated_by, zhang) and not rules.can_verify(fixed, zhang)
    assert not rules.is_remediator(fixed.remediated_by, li) and rules.can_verify(fixed, li)
    assert not rules.can_verify(fixed, person(Role.STAFF, "wang"))  # verifying is the lead's
    assert not rules.can_verify(fixed, person(Role.AUDITOR, "zhou"))  # auditors never act
    for status in (HazardStatus.OPEN, HazardStatus.VERIFIED, HazardStatus.CLOSED):
        assert not rules.can_verify(hazard(status, remediated_by="zhang"), li)
    with pytest.raises(ValidationError, match="zhang"):
        rules.check_verifier("zhang", zhang)
    rules.check_verifier("zhang", li)


def test_a_lower_severity_is_a_downgrade_and_the_leads_with_a_reason() -> None:
    general, major = HazardSeverity.GENERAL, HazardSeverity.MAJOR
    assert rules.is_downgrade(major, general) and rules.is_downgrade("major", "general")
    assert not rules.is_downgrade(general, major) and not rules.is_downgrade(major, major)
    lead = person(Role.LEAD)
    assert rules.check_downgrade(lead, HazardStatus.OPEN, "  误判为重大  ") == "误判为重大"
    with pytest.raises(ValidationError) as empty:
        rules.check_downgrade(lead, HazardStatus.OPEN, "  ")
    assert empty.value.field == "field.reason"
    with pytest.raises(PermissionDenied):
        rules.check_downgrade(person(Role.STAFF), HazardStatus.OPEN, "误判")
    with pytest.raises(ValidationError):
        rules.check_downgrade(lead, HazardStatus.CLOSED, "误判")


def test_nobody_is_the_remediator_of_a_hazard_nobody_remediated() -> None:
    nobody = person(Role.STAFF, "")
    assert not rules.is_remediator(None, nobody) and not rules.is_remediator("", nobody)


def test_a_hazard_is_marked_remediated_only_after_work_was_recorded() -> None:
    assert not rules.work_recorded([])
    assert not rules.work_recorded([RemediationKind.INTERIM_CONTROL, RemediationKind.PLAN])
    assert rules.work_recorded([RemediationKind.PLAN, RemediationKind.ACTION])
    assert rules.work_recorded(["action"])  # a row's kind
    with pytest.raises(ValidationError):
        rules.check_work_recorded(["plan"])
    rules.check_work_recorded(["action"])


# -- the service refuses what the window withholds -------------------------------------------------
def _in_status(ctx, staff, lead, status: HazardStatus) -> int:
    svc = ctx.services.hazards
    data = HazardInput(description=f"{status.value} 灯箱松动", severity=HazardSeverity.MAJOR, owner="李安全")
    hid = svc.create(staff, data).info.id
    if status is HazardStatus.OPEN:
        return hid
    for kind in (*rules.MILESTONE_KINDS, RemediationKind.ACTION):  # a major hazard's milestones met
        svc.add_step(staff, hid, kind, "重新固定")
    svc.remediate(staff, hid)
    if status is HazardStatus.REMEDIATED:
        return hid
    svc.verify(lead, hid, "复查牢固")
    if status is HazardStatus.CLOSED:
        svc.close(lead, hid, "销号")
    return hid


def test_the_service_refuses_every_action_the_status_does_not_open(ctx, staff, lead, snapshot) -> None:
    svc = ctx.services.hazards
    later = date.today().replace(year=date.today().year + 1)
    attempts = {
        A.EDIT: lambda hid: svc.update(
            lead, hid, HazardInput(description="改了", severity=HazardSeverity.MAJOR)
        ),
        A.DOWNGRADE: lambda hid: svc.update(
            lead, hid, HazardInput(description="改了", severity=HazardSeverity.GENERAL), reason="误判"
        ),
        A.SET_DUE: lambda hid: svc.update(
            lead,
            hid,
            HazardInput(
                description=svc.get(lead, hid).info.description, severity=HazardSeverity.MAJOR, due=later
            ),
        ),
        A.ADD_STEP: lambda hid: svc.add_step(lead, hid, RemediationKind.ACTION, "再修"),
        A.REMEDIATE: lambda hid: svc.remediate(lead, hid),
        A.VERIFY: lambda hid: svc.verify(lead, hid, "复查"),
        A.CLOSE: lambda hid: svc.close(lead, hid, "销号"),
        A.REOPEN: lambda hid: svc.reopen(lead, hid, "复查未通过"),
    }
    assert set(attempts) == set(HazardAction)
    hazards = {status: _in_status(ctx, staff, lead, status) for status in HazardStatus}
    before = snapshot()
    for status, hid in hazards.items():
        for action in set(HazardAction) - OPEN_IN[status]:
            with pytest.raises(ValidationError):
                attempts[action](hid)
    assert snapshot() == before
    assert {s: svc.get(lead, hid).info.status for s, hid in hazards.items()} == {s: s for s in HazardStatus}
