"""A role a plan's new approved version drops, while someone still holds it (found: the holder could
never leave the staff list, nothing could clear the role, and the roster named it by its raw code):
the roster keeps it under the name its last plan version gave, marked as no longer in an approved
plan; the lead unassigns it (audited, refused to staff and to a form opened before another PC's
change), and its holder can then be removed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from branchguard.core.audit.service import AuditFilter
from branchguard.core.audit.text import summary_text
from branchguard.core.kernel.errors import PermissionDenied, StaleRecord, ValidationError
from branchguard.core.kernel.i18n import set_language
from branchguard.core.kernel.types import Actor
from branchguard.core.team import rules
from branchguard.core.team.types import TeamRole
from tests.team_support import FORMER_ROLE, held_former_role

ROLE = FORMER_ROLE


def role(ctx: Any, lead: Actor, code: str) -> TeamRole | None:
    return next((r for r in ctx.services.team.roles(lead) if r.code == code), None)


def test_a_role_no_approved_plan_names_keeps_its_plan_name_marked_as_such(ctx: Any, lead: Actor) -> None:
    assert role(ctx, lead, ROLE).in_plans  # type: ignore[union-attr]
    held_former_role(ctx, lead)
    former = role(ctx, lead, ROLE)
    assert former is not None and former.holder is not None and former.holder.name == "钱七"
    assert (former.name.zh, former.name.en) == ("指定接待人员", "Designated officer")
    assert not former.in_plans
    assert role(ctx, lead, "firefighting_team").in_plans  # type: ignore[union-attr]
    try:
        set_language("en")
        assert rules.shown_name(former) == "Designated officer (no longer in an approved plan)"
        set_language("zh_CN")
        assert rules.shown_name(former) == "指定接待人员（已不在已批准预案中）"
    finally:
        set_language("zh_CN")


def test_unassigning_the_role_frees_its_holder_to_leave_the_staff_list(ctx: Any, lead: Actor) -> None:
    person = held_former_role(ctx, lead)
    with pytest.raises(ValidationError):  # still holds a role
        ctx.services.people.remove_person(lead, person)
    name = ctx.services.team.unassign(lead, ROLE)
    assert (name.zh, name.en) == ("指定接待人员", "Designated officer")
    assert role(ctx, lead, ROLE) is None  # no plan names it and nobody holds it: off the roster
    ctx.services.people.remove_person(lead, person)
    assert all(p.name != "钱七" for p in ctx.services.team.people(lead))
    event = ctx.services.audit.list(lead, AuditFilter(action_prefix="team.assign"))[0]  # newest first
    assert event.before == {"role": ROLE, "holder": person, "backup": None}
    try:
        set_language("en")
        assert summary_text(event) == "Designated officer: 钱七 no longer holds it"
    finally:
        set_language("zh_CN")
    assert ctx.services.ledger.verify(lead).ok


def test_unassigning_is_refused_to_staff_and_to_a_form_opened_before_another_pcs_change(
    ctx: Any, lead: Actor, staff: Actor, snapshot: Callable[[], Any]
) -> None:
    held_former_role(ctx, lead)
    opened = rules.holders_of(role(ctx, lead, ROLE))  # the window asked about 钱七
    before = snapshot()
    with pytest.raises(PermissionDenied):
        ctx.services.team.unassign(staff, ROLE)
    other = ctx.services.team.person_named(lead, "周强", "field.person").id
    ctx.services.team.assign(lead, ROLE, other)  # another PC names 周强 meanwhile
    before = snapshot()
    with pytest.raises(StaleRecord):
        ctx.services.team.unassign(lead, ROLE, opened)
    assert snapshot() == before
    with pytest.raises(ValidationError):  # a role nobody holds
        ctx.services.team.unassign(lead, "firefighting_team")
