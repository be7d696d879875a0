"""Staff roster and emergency contacts: validation, phone spelling, search and filters, built-ins."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from branchguard.context import AppContext
from branchguard.core.kernel.errors import NotFound, ValidationError
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor
from branchguard.core.people.types import BranchRole, ContactInput, ContactKind, PersonInput

BUILTIN_NUMBERS = {"110", "119", "120", "96110"}


@pytest.mark.parametrize(
    ("data", "field", "needle"),
    [
        (PersonInput("   ", BranchRole.TELLER), "field.name", t("validation.required")),
        (PersonInput("钱七", BranchRole.TELLER, mobile="12345abc"), "field.mobile", "12345abc"),
        (PersonInput("钱七", BranchRole.TELLER, phone="110-abc"), "field.phone", "110-abc"),
        (PersonInput("钱七", "boss"), "field.branch_role", "teller"),  # type: ignore[arg-type]
    ],
    ids=["empty-name", "bad-mobile", "bad-phone", "unknown-post"],
)
def test_person_validation_names_the_field_and_writes_nothing(
    ctx: AppContext,
    lead: Actor,
    snapshot: Callable[[], object],
    data: PersonInput,
    field: str,
    needle: str,
) -> None:
    before = snapshot()
    with pytest.raises(ValidationError) as refused:
        ctx.services.people.add_person(lead, data)
    assert refused.value.field == field
    assert needle in refused.value.reason
    assert snapshot() == before


def test_contact_needs_a_valid_phone(ctx: AppContext, lead: Actor, snapshot: Callable[[], object]) -> None:
    before = snapshot()
    for phone in ("", "12345abc", "1" * 25):
        with pytest.raises(ValidationError) as refused:
            ctx.services.people.add_contact(
                lead, ContactInput("物业", ContactKind.PROPERTY_MANAGEMENT, phone)
            )
        assert refused.value.field == "field.phone"
    assert snapshot() == before


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("010 6321 0001", "010-63210001"),
        ("(0755) 8888-1234", "0755-88881234"),
        ("139 0101 0099", "13901010099"),
        ("4001234567", "400-123-4567"),
        ("800 820 8820", "800-820-8820"),
        ("95566", "95566"),
    ],
)
def test_phone_numbers_are_stored_in_one_spelling(
    ctx: AppContext, lead: Actor, typed: str, stored: str
) -> None:
    contact = ctx.services.people.add_contact(lead, ContactInput("服务商", ContactKind.OTHER, typed))
    assert contact.phone == stored
    listed = ctx.services.people.list_contacts(lead, search=stored)
    assert [c.id for c in listed] == [contact.id]


@pytest.mark.parametrize("typed", ["1234567", "139 0101 009", "23901010099", "010-63210001"])
def test_a_mobile_is_eleven_digits_starting_with_1(ctx: AppContext, lead: Actor, typed: str) -> None:
    with pytest.raises(ValidationError) as refused:
        ctx.services.people.add_person(lead, PersonInput("钱七", BranchRole.TELLER, mobile=typed))
    assert refused.value.field == "field.mobile" and refused.value.reason_message.key == "validation.mobile"
    assert ctx.services.people.add_person(lead, PersonInput("钱七", BranchRole.TELLER, "+86 139 0101 0099"))


@pytest.mark.parametrize("typed", ["1234567", "63210001"])
def test_a_landline_needs_its_area_code(ctx: AppContext, lead: Actor, typed: str) -> None:
    with pytest.raises(ValidationError) as refused:
        ctx.services.people.add_contact(lead, ContactInput("物业", ContactKind.PROPERTY_MANAGEMENT, typed))
    assert refused.value.field == "field.phone"


def test_person_edit_and_remove(ctx: AppContext, lead: Actor) -> None:
    people = ctx.services.people
    added = people.add_person(
        lead, PersonInput(" 钱七 ", BranchRole.TELLER, "139 0101 0099", "4008208820", on_duty=False)
    )
    assert added.name == "钱七"
    assert added.mobile == "13901010099"
    assert added.phone == "400-820-8820"
    changed = people.update_person(
        lead, added.id, PersonInput("钱七", BranchRole.LOBBY_MANAGER, "13901010099")
    )
    assert changed.branch_role is BranchRole.LOBBY_MANAGER
    assert changed.on_duty is True
    assert people.get_person(lead, added.id) == changed
    people.remove_person(lead, added.id)
    with pytest.raises(NotFound):
        people.get_person(lead, added.id)
    with pytest.raises(NotFound):
        people.remove_person(lead, added.id)


def test_search_by_name_and_phone(ctx: AppContext, staff: Actor) -> None:
    people = ctx.services.people
    assert [p.name for p in people.list_people(staff, search="晓梅")] == ["李晓梅"]
    assert [p.name for p in people.list_people(staff, search="13901010007")] == ["周强"]
    assert [p.name for p in people.list_people(staff, search="1010008")] == ["吴刚"]
    assert [p.name for p in people.list_people(staff, search="6321")] == ["王建国"]  # desk phone
    assert people.list_people(staff, search="无此人") == []


def test_filter_by_post_and_duty(ctx: AppContext, staff: Actor) -> None:
    people = ctx.services.people
    tellers = people.list_people(staff, branch_role=BranchRole.TELLER)
    assert sorted(p.name for p in tellers) == ["刘洋", "孙丽", "张伟"]
    off_duty = people.list_people(staff, on_duty=False)
    assert sorted(p.name for p in off_duty) == ["吴刚", "孙丽"]
    assert [p.name for p in people.list_people(staff, branch_role=BranchRole.TELLER, on_duty=False)] == [
        "孙丽"
    ]
    assert len(people.list_people(staff, on_duty=True)) == 7
    # the roster lists the branch head first (posts in their fixed order)
    assert people.list_people(staff)[0].branch_role is BranchRole.BRANCH_HEAD


def test_contact_search_and_kind_filter(ctx: AppContext, staff: Actor) -> None:
    people = ctx.services.people
    assert [c.name for c in people.list_contacts(staff, search="物业")] == ["城东物业服务中心"]
    assert {c.phone for c in people.list_contacts(staff, search="66880")} == {
        "010-66880110",
        "010-66880120",
        "010-66880999",
    }
    security = people.list_contacts(staff, kind=ContactKind.SUPERIOR_SECURITY)
    assert len(security) == 2


def test_a_contact_stored_under_the_former_head_office_kind_reads_as_the_superior_branch_duty(
    ctx: AppContext, lead: Actor
) -> None:
    """A database written before the rename holds "head_office_security": it still lists, filters
    and reads as the superior-branch security duty, and a new contact is stored under the new value."""
    from sqlalchemy import select

    from branchguard.db.models.foundation import ContactRow

    people = ctx.services.people
    duty = ContactInput("分行保卫值班", ContactKind.SUPERIOR_SECURITY, "010-66881234")
    old = people.add_contact(lead, duty)
    with ctx.sessions.begin() as s:
        row = s.get(ContactRow, old.id)
        assert row is not None and row.kind == "superior_security"
        row.kind = "head_office_security"
    found = people.list_contacts(lead, kind=ContactKind.SUPERIOR_SECURITY)
    assert old.id in {c.id for c in found}
    assert next(c for c in found if c.id == old.id).kind is ContactKind.SUPERIOR_SECURITY
    assert ContactKind("head_office_security") is ContactKind.SUPERIOR_SECURITY
    with pytest.raises(ValueError, match="no_such_kind"):
        ContactKind("no_such_kind")
    with ctx.sessions() as s:
        assert s.scalar(select(ContactRow.kind).where(ContactRow.id == old.id)) == "head_office_security"


def test_builtin_numbers_present_from_the_start(ctx: AppContext) -> None:
    contacts = ctx.services.people.list_contacts(Actor.system())
    assert {c.phone for c in contacts} == BUILTIN_NUMBERS
    assert all(c.builtin for c in contacts)
    assert [c.phone for c in contacts] == ["110", "119", "120", "96110"]  # in their fixed order


def test_builtin_numbers_cannot_be_removed_or_renumbered(
    ctx: AppContext, lead: Actor, snapshot: Callable[[], object]
) -> None:
    people = ctx.services.people
    police = next(c for c in people.list_contacts(lead) if c.phone == "110")
    before = snapshot()
    with pytest.raises(ValidationError) as removed:
        people.remove_contact(lead, police.id)
    assert "110" in removed.value.reason
    with pytest.raises(ValidationError):
        people.update_contact(lead, police.id, ContactInput(police.name, police.kind, "112"))
    with pytest.raises(ValidationError):
        people.update_contact(lead, police.id, ContactInput(police.name, ContactKind.FIRE, "110"))
    assert snapshot() == before

    noted = people.update_contact(
        lead, police.id, ContactInput(police.name, police.kind, "110", notes="辖区派出所：城东派出所")
    )
    assert noted.notes == "辖区派出所：城东派出所"
    assert noted.phone == "110"
    assert noted.builtin


def test_own_contacts_can_be_edited_and_removed(ctx: AppContext, lead: Actor) -> None:
    people = ctx.services.people
    added = people.add_contact(lead, ContactInput("保安公司", ContactKind.ALARM_COMPANY, "01063210000"))
    assert added.phone == "010-63210000"
    assert not added.builtin
    changed = people.update_contact(
        lead, added.id, ContactInput("保安公司", ContactKind.ALARM_COMPANY, "110")
    )
    assert changed.phone == "110"
    people.remove_contact(lead, added.id)
    assert added.id not in {c.id for c in people.list_contacts(lead)}


def test_builtin_numbers_are_named_in_the_language_shown_unless_renamed(ctx: AppContext, lead: Actor) -> None:
    """Stored in Chinese as first made, an English window showed 公安报警 beside "Fire" and "Ambulance"
    in an incident's call list; a name the branch gave a built-in number stays as it is."""
    from branchguard.core.incidents.store import call_list
    from branchguard.core.kernel.i18n import current_language, set_language

    people = ctx.services.people
    was = current_language()
    try:
        set_language("en")
        shown = {c.phone: c.shown_name for c in people.list_contacts(lead)}
        assert shown["110"] == "Police" and shown["96110"] == "Anti-fraud hotline"
        with ctx.sessions() as s:
            assert ("police", "Police", "110") in call_list(s, None)
        police = next(c for c in people.list_contacts(lead) if c.phone == "110")
        assert police.name == "公安报警"  # as stored: what an edit starts from
        people.update_contact(lead, police.id, ContactInput("城东派出所", police.kind, "110"))
        renamed = next(c for c in people.list_contacts(lead) if c.phone == "110")
        assert renamed.shown_name == "城东派出所"
        set_language("zh_CN")
        assert next(c for c in people.list_contacts(lead) if c.phone == "96110").shown_name == "反诈骗专线"
    finally:
        set_language(was)


def test_the_same_person_entered_twice_is_refused_a_namesake_is_not(
    ctx: AppContext, lead: Actor, snapshot: Callable[[], object]
) -> None:
    """王建国 with 王建国's mobile number was saved as a second row of the roster."""
    people = ctx.services.people
    first = people.add_person(lead, PersonInput("张伟", BranchRole.TELLER, "13901010099"))
    before = snapshot()
    with pytest.raises(ValidationError) as twin:
        people.add_person(lead, PersonInput("张伟", BranchRole.TELLER, "139 0101 0099"))
    assert twin.value.is_about("field.mobile") and f"#{first.id}" in twin.value.reason
    assert snapshot() == before
    other = people.add_person(lead, PersonInput("张伟", BranchRole.CLEANER, "13901010098"))  # a namesake
    with pytest.raises(ValidationError):
        people.update_person(lead, other.id, PersonInput("张伟", BranchRole.CLEANER, "13901010099"))
    people.update_person(lead, first.id, PersonInput("张伟", BranchRole.LOBBY_MANAGER, "13901010099"))
