"""An edit saved from a form refuses to undo a change made elsewhere since the form was opened.

Two PCs: the first opens 王建国 to edit, the second changes his mobile, the first adds a note and
saves every field of its form. Saved, that would put the old mobile back on the call list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from branchguard.context import AppContext
from branchguard.core.kernel.errors import StaleRecord
from branchguard.core.kernel.types import Actor
from branchguard.core.people.types import ContactInfo, ContactInput, ContactKind, PersonInfo, PersonInput


def person_named(ctx: AppContext, actor: Actor, name: str) -> PersonInfo:
    return next(p for p in ctx.services.people.list_people(actor) if p.name == name)


def as_input(p: PersonInfo) -> PersonInput:
    return PersonInput(p.name, p.branch_role, p.mobile, p.phone, p.on_duty, p.notes)


def contact_input(c: ContactInfo) -> ContactInput:
    return ContactInput(c.name, c.kind, c.phone, c.alt_phone, c.notes)


@pytest.fixture
def partner(ctx: AppContext, lead: Actor) -> ContactInfo:
    return ctx.services.people.add_contact(
        lead, ContactInput("押运公司", ContactKind.CASH_IN_TRANSIT, "01063210000", "13901010123")
    )


def test_a_person_changed_elsewhere_is_not_saved_over(
    ctx: AppContext, lead: Actor, snapshot: Callable[[], object]
) -> None:
    people = ctx.services.people
    opened = person_named(ctx, lead, "王建国")  # PC1 fills its form
    people.update_person(lead, opened.id, replace(as_input(opened), mobile="13912345678"))  # PC2
    before = snapshot()
    with pytest.raises(StaleRecord) as refused:
        people.update_person(lead, opened.id, replace(as_input(opened), notes="PC1 note"), opened)
    assert refused.value.content.key == "error.changed_elsewhere"  # type: ignore[union-attr]
    assert "王建国" in refused.value.message
    assert snapshot() == before  # nothing written, not even an audit event
    assert people.get_person(lead, opened.id).mobile == "13912345678"


def test_a_contact_changed_elsewhere_is_not_saved_over(
    ctx: AppContext, lead: Actor, partner: ContactInfo, snapshot: Callable[[], object]
) -> None:
    people = ctx.services.people
    people.update_contact(lead, partner.id, replace(contact_input(partner), alt_phone=""))  # PC2
    before = snapshot()
    with pytest.raises(StaleRecord):
        people.update_contact(lead, partner.id, replace(contact_input(partner), notes="24小时值班"), partner)
    assert snapshot() == before
    assert people.get_contact(lead, partner.id).alt_phone == ""


def test_an_edit_opened_on_the_record_as_it_is_is_saved_again_and_again(
    ctx: AppContext, lead: Actor, partner: ContactInfo
) -> None:
    """The stored times are no part of the comparison: on SQLite the save's own lock moves the
    person's updated_at, and a form opened on what a save returned saves again."""
    people = ctx.services.people
    opened = person_named(ctx, lead, "王建国")
    saved = people.update_person(lead, opened.id, replace(as_input(opened), notes="第一次"), opened)
    again = people.update_person(lead, opened.id, replace(as_input(saved), notes="第二次"), saved)
    assert again.notes == "第二次" and again.mobile == opened.mobile
    noted = people.update_contact(lead, partner.id, replace(contact_input(partner), notes="夜间"), partner)
    assert people.get_contact(lead, partner.id) == noted and noted.alt_phone == "13901010123"


def test_without_a_form_the_command_line_saves_as_before(
    ctx: AppContext, lead: Actor, partner: ContactInfo
) -> None:
    people = ctx.services.people
    opened = person_named(ctx, lead, "王建国")
    people.update_person(lead, opened.id, replace(as_input(opened), mobile="13912345678"))
    changed = people.update_person(lead, opened.id, replace(as_input(opened), notes="命令行"))
    assert changed.notes == "命令行" and changed.mobile == opened.mobile
    people.update_contact(lead, partner.id, replace(contact_input(partner), alt_phone=""))
    assert people.update_contact(lead, partner.id, contact_input(partner)).alt_phone == "13901010123"
