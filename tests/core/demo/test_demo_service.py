"""Demo data: fills an empty database once; refuses one that holds branch data."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from branchguard.context import AppContext
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor, Role
from branchguard.core.people.types import BranchRole, ContactInput, ContactKind, PersonInput


def test_fills_an_empty_database_once(ctx: AppContext, snapshot: Callable[[], object]) -> None:
    demo = ctx.services.demo
    assert demo.is_empty()
    accounts = demo.fill()
    assert not demo.is_empty()

    assert {(a.username, a.role) for a in accounts} == {
        ("lead", Role.LEAD),
        ("staff", Role.STAFF),
        ("auditor", Role.AUDITOR),
    }
    branch = ctx.services.branch.get()
    assert branch is not None
    assert branch.name == "示范银行城东支行营业部"
    lead = ctx.services.auth.login("lead", "lead-demo-2026")
    assert lead.role is Role.LEAD
    assert len(ctx.services.people.list_people(lead)) == 9
    contacts = ctx.services.people.list_contacts(lead)
    assert sum(not c.builtin for c in contacts) == 6
    assert sum(c.builtin for c in contacts) == 4
    assert [u.username for u in ctx.services.auth.list_users(lead)] == ["auditor", "lead", "staff"]
    for account in accounts:
        assert ctx.services.auth.login(account.username, account.password).role is account.role

    before = snapshot()
    with pytest.raises(ValidationError) as refused:
        demo.fill()
    assert refused.value.reason == t("validation.branch_exists")
    assert snapshot() == before


def test_builtin_contacts_alone_are_not_branch_data(ctx: AppContext) -> None:
    assert len(ctx.services.people.list_contacts(Actor.system())) == 4
    assert ctx.services.demo.is_empty()


@pytest.mark.parametrize("what", ["branch", "account", "person", "contact"])
def test_refuses_a_database_with_any_branch_data(
    ctx: AppContext, snapshot: Callable[[], object], what: str
) -> None:
    system = Actor.system()
    s = ctx.services
    if what == "branch":
        s.branch.update(system, name="自建支行")
    elif what == "account":
        s.auth.create_first_lead("chief", "chief-pass-2026")
    elif what == "person":
        s.people.add_person(system, PersonInput("唯一员工", BranchRole.TELLER))
    else:
        s.people.add_contact(system, ContactInput("自家物业", ContactKind.PROPERTY_MANAGEMENT, "95566"))
    assert not s.demo.is_empty()
    before = snapshot()
    with pytest.raises(ValidationError):
        s.demo.fill()
    assert snapshot() == before


def test_the_demo_complaints_stand_in_every_state(ctx: AppContext, records_filled: bool) -> None:
    """`make run`'s complaint register: one complaint in each state of the five steps, one past its
    15 days without an answer, one extended to 30 days and a grumble, each step by its own account
    and at its own time."""
    lead = ctx.services.auth.login("lead", "lead-demo-2026")
    complaints = ctx.services.complaints
    infos = complaints.list(lead)
    assert {i.status.value for i in infos} == {
        "accepted", "investigating", "decided", "replied", "archived", "withdrawn"
    }  # fmt: skip
    assert [i.status.value for i in infos if i.overdue] == ["investigating"]
    assert [i.extensions for i in infos if i.extensions] == [1]
    assert {i.kind.value for i in infos} == {"complaint", "grumble"}
    archived = next(i for i in infos if i.status.value == "archived")
    detail = complaints.get(lead, archived.id)
    assert [s.step.value for s in detail.steps] == ["accept", "investigate", "decide", "reply", "archive"]
    assert [s.by for s in detail.steps] == ["staff", "staff", "lead", "staff", "lead"]
    assert [s.at for s in detail.steps] == sorted(s.at for s in detail.steps)
    assert detail.steps[-1].at - detail.steps[0].at > timedelta(days=5)  # not all written at once
