"""Roles are enforced in the services: staff and auditors are refused every lead-only change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from branchguard.context import AppContext
from branchguard.core.kernel.errors import PermissionDenied
from branchguard.core.kernel.types import Actor, Role
from branchguard.core.people.types import BranchRole, ContactInput, ContactKind, PersonInput

LeadOnlyCall = Callable[[AppContext, Actor, dict[str, int]], Any]

PERSON = PersonInput("新同事", BranchRole.TELLER, "13900000099")
CONTACT = ContactInput("新物业", ContactKind.PROPERTY_MANAGEMENT, "010-63219999")

LEAD_ONLY: dict[str, LeadOnlyCall] = {
    "branch.update": lambda c, a, ids: c.services.branch.update(a, name="改名支行"),
    "auth.add_user": lambda c, a, ids: c.services.auth.add_user(a, "intruder", Role.LEAD, "intruder-2026"),
    "auth.set_role": lambda c, a, ids: c.services.auth.set_role(a, ids["staff"], Role.LEAD),
    "auth.set_active": lambda c, a, ids: c.services.auth.set_active(a, ids["lead"], False),
    "auth.unlock": lambda c, a, ids: c.services.auth.unlock(a, ids["staff"]),
    "auth.set_password(other)": lambda c, a, ids: c.services.auth.set_password(
        a, ids["lead"], "taken-over-2026"
    ),
    "auth.list_users": lambda c, a, ids: c.services.auth.list_users(a),
    "people.add_person": lambda c, a, ids: c.services.people.add_person(a, PERSON),
    "people.update_person": lambda c, a, ids: c.services.people.update_person(a, ids["person"], PERSON),
    "people.remove_person": lambda c, a, ids: c.services.people.remove_person(a, ids["person"]),
    "people.add_contact": lambda c, a, ids: c.services.people.add_contact(a, CONTACT),
    "people.update_contact": lambda c, a, ids: c.services.people.update_contact(a, ids["contact"], CONTACT),
    "people.remove_contact": lambda c, a, ids: c.services.people.remove_contact(a, ids["contact"]),
}


def _ids(ctx: AppContext, lead: Actor) -> dict[str, int]:
    users = {u.username: u.id for u in ctx.services.auth.list_users(lead)}
    person = ctx.services.people.list_people(lead)[0].id
    contact = next(c.id for c in ctx.services.people.list_contacts(lead) if not c.builtin)
    return {"lead": users["lead"], "staff": users["staff"], "person": person, "contact": contact}


@pytest.mark.parametrize("role", ["staff", "auditor"])
def test_lead_only_services_refuse_other_roles_and_write_nothing(
    ctx: AppContext,
    lead: Actor,
    staff: Actor,
    auditor: Actor,
    snapshot: Callable[[], object],
    role: str,
) -> None:
    actor = {"staff": staff, "auditor": auditor}[role]
    ids = _ids(ctx, lead)
    before = snapshot()
    refusals: dict[str, str] = {}
    for name, call in LEAD_ONLY.items():
        try:
            call(ctx, actor, ids)
        except PermissionDenied as exc:
            refusals[name] = exc.message
    allowed = [name for name in LEAD_ONLY if name not in refusals]
    assert allowed == [], f"{role} was allowed: {allowed}"
    # the message says who was refused (in the user's language)
    assert all(actor.username in message for message in refusals.values())
    assert snapshot() == before


def test_the_same_calls_succeed_for_the_lead(ctx: AppContext, lead: Actor) -> None:
    """The refusals above are about the role, not about the calls being broken."""
    ids = _ids(ctx, lead)
    for name in ("people.add_person", "people.update_contact", "auth.list_users", "auth.unlock"):
        LEAD_ONLY[name](ctx, lead, ids)


def test_audit_trail_readable_by_auditor_not_by_staff(
    ctx: AppContext, lead: Actor, staff: Actor, auditor: Actor
) -> None:
    assert ctx.services.audit.list(auditor)
    assert ctx.services.audit.list(lead)
    with pytest.raises(PermissionDenied):
        ctx.services.audit.list(staff)
    with pytest.raises(PermissionDenied):
        ctx.services.audit.actors(staff)


def test_every_role_reads_the_roster_and_contacts(ctx: AppContext, staff: Actor, auditor: Actor) -> None:
    for actor in (staff, auditor):
        assert len(ctx.services.people.list_people(actor)) == 9
        assert any(c.phone == "110" for c in ctx.services.people.list_contacts(actor))


def test_staff_may_change_their_own_password_only(ctx: AppContext, staff: Actor) -> None:
    assert staff.user_id is not None
    ctx.services.auth.set_password(staff, staff.user_id, "staff-new-2026")
    assert ctx.services.auth.login("staff", "staff-new-2026").role is Role.STAFF
