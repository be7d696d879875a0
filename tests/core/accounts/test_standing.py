"""A login stands only while its account does: a window opened by someone a lead then disables or
gives another role writes nothing more (core/accounts/standing.py). The actor a service receives
carries the role it logged in with; every write asks the database again, inside its transaction:
audited changes by the account's id, incident log entries by the writer's name, on both paths of the
log (the log box's connection and a service's session)."""

from __future__ import annotations

from typing import Any

import pytest

from branchguard.core.accounts.standing import AccountChanged
from branchguard.core.audit.service import AuditFilter
from branchguard.core.hazards.types import HazardInput, HazardSeverity
from branchguard.core.incidents.types import EntryKind
from branchguard.core.kernel.errors import PermissionDenied
from branchguard.core.kernel.types import Actor, Role


def _hazard(ctx: Any, actor: Actor) -> Any:
    data = HazardInput(
        description="灯箱松动", severity=HazardSeverity.GENERAL, location="自助区", owner="李安全"
    )
    return ctx.services.hazards.create(actor, data)


def _log_length(ctx: Any, lead: Actor, incident_id: int) -> int:
    return len(ctx.services.incidents.entries_page(lead, incident_id))


def test_a_disabled_accounts_open_login_writes_nothing_more(ctx: Any, lead: Actor, staff: Actor) -> None:
    incident = ctx.services.incidents.start(lead, "FIRE")
    ctx.services.incidents.log(staff, incident.id, EntryKind.NOTE, "before")  # the login stands
    ctx.services.auth.set_active(lead, staff.user_id, False)
    before, hazards_before = _log_length(ctx, lead, incident.id), len(ctx.services.hazards.list(lead))

    with pytest.raises(AccountChanged) as refused:
        ctx.services.incidents.log(staff, incident.id, EntryKind.NOTE, "after")  # the log box's path
    assert "staff" in refused.value.text("en") and "disabled" in refused.value.text("en")
    with pytest.raises(AccountChanged):
        ctx.services.incidents.mark_step(staff, incident.id, 1)  # a service's session
    with pytest.raises(AccountChanged):
        _hazard(ctx, staff)  # an audited change
    assert _log_length(ctx, lead, incident.id) == before
    assert len(ctx.services.hazards.list(lead)) == hazards_before

    ctx.services.auth.set_active(lead, staff.user_id, True)  # enabled again: the same login writes
    ctx.services.incidents.log(staff, incident.id, EntryKind.NOTE, "again")
    assert _log_length(ctx, lead, incident.id) == before + 1


def test_a_login_whose_role_changed_writes_nothing_in_its_old_role(
    ctx: Any, lead: Actor, staff: Actor
) -> None:
    incident = ctx.services.incidents.start(lead, "FIRE")
    ctx.services.auth.set_role(lead, staff.user_id, Role.AUDITOR)
    hazards_before = len(ctx.services.hazards.list(lead))

    with pytest.raises(AccountChanged) as refused:
        ctx.services.incidents.log(staff, incident.id, EntryKind.NOTE, "as staff still")
    assert "auditor" in refused.value.text("en").lower()
    with pytest.raises(AccountChanged):
        _hazard(ctx, staff)
    assert len(ctx.services.hazards.list(lead)) == hazards_before
    assert isinstance(refused.value, PermissionDenied)  # the window and the CLI say it as a refusal

    promoted = Actor(staff.user_id, staff.username, Role.AUDITOR)  # logged in again: its new role
    with pytest.raises(PermissionDenied) as by_role:
        ctx.services.incidents.log(promoted, incident.id, EntryKind.NOTE, "as auditor")
    assert not isinstance(by_role.value, AccountChanged)  # the role table's answer, as for anyone


def test_a_lead_may_change_their_own_role_while_another_lead_remains(
    ctx: Any, lead: Actor, staff: Actor
) -> None:
    ctx.services.auth.set_role(lead, staff.user_id, Role.LEAD)
    ctx.services.auth.set_role(lead, lead.user_id, Role.STAFF)  # checked as the account stood before
    assert ctx.services.auth.user_by_name("lead").role == Role.STAFF


def test_a_refusal_of_a_stale_login_is_still_recorded(ctx: Any, lead: Actor, staff: Actor) -> None:
    ctx.services.auth.set_active(lead, staff.user_id, False)
    try:
        _hazard(ctx, staff)
    except AccountChanged as refused:
        ctx.services.auth.record_refusal(refused, staff, "hazard add")
    events = ctx.services.audit.list(lead, AuditFilter(action_prefix="user.refused"))
    assert [e.actor for e in events] == ["staff"]


def test_the_system_and_a_database_without_accounts_are_no_accounts(ctx: Any, lead: Actor) -> None:
    incident = ctx.services.incidents.start(Actor.system(), "FIRE")
    ctx.services.incidents.log(Actor.system(), incident.id, EntryKind.NOTE, "the scheduler's")
    assert _log_length(ctx, lead, incident.id) >= 2
