"""What a person types in a list's search is text to find, on both databases: `%` and `_` are
characters, not wildcards, and a search longer than `validation.SEARCH_LIMIT` is refused with the
field named (core/kernel/validation.py `search`), in every list that takes one.

`%` once listed every person and contact and `_` every plan; a search of some 50,000 bytes made
SQLite refuse its LIKE pattern ("too complex") and the command printed a traceback with SQL.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from branchguard.core.audit.service import AuditFilter
from branchguard.core.hazards.types import HazardFilter
from branchguard.core.incidents.types import IncidentFilter
from branchguard.core.kernel.errors import AuthenticationError, ValidationError
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.paging import Slice, Window
from branchguard.core.kernel.types import Actor, Text2
from branchguard.core.kernel.validation import SEARCH_LIMIT
from branchguard.core.people.types import BranchRole, ContactInput, ContactKind, PersonInput
from branchguard.core.playbooks.service import PlaybookFilter
from tests.core.playbooks.playbook_samples import sample_plan

MARKED = "找零 50% 的 cash_box"  # the one record of each kind holding a `%` and a `_`
WILDCARDS = ("%", "_", "50%", "cash_b", "% 的 cash_")


def test_percent_and_underscore_find_only_the_staff_who_have_them(ctx: Any, lead: Actor) -> None:
    people = ctx.services.people
    marked = people.add_person(lead, PersonInput("钱七", BranchRole.TELLER, notes=MARKED))
    for typed in WILDCARDS:
        assert [p.id for p in people.list_people(lead, search=typed)] == [marked.id], typed
    assert people.list_people(lead, search="5_%") == []  # "_" is no "any one character"


def test_percent_and_underscore_find_only_the_contacts_who_have_them(ctx: Any, lead: Actor) -> None:
    people = ctx.services.people
    data = ContactInput("城西物业", ContactKind.PROPERTY_MANAGEMENT, "010-88886666", notes=MARKED)
    marked = people.add_contact(lead, data)
    for typed in WILDCARDS:
        assert [c.id for c in people.list_contacts(lead, search=typed)] == [marked.id], typed


def test_percent_and_underscore_find_only_the_plans_that_have_them(ctx: Any, lead: Actor) -> None:
    books = ctx.services.playbooks
    plan = sample_plan("TILL_50")
    books.create(lead, replace(plan, triggers=Text2(MARKED, "Till 50% short, cash_box open")))
    for typed in WILDCARDS:
        found = books.list_playbooks(lead, PlaybookFilter(search=typed))
        assert [p.code for p in found] == ["TILL_50"], typed


def test_percent_and_underscore_find_only_the_hazards_that_have_them(ctx: Any, staff: Actor) -> None:
    from branchguard.core.hazards.types import HazardInput

    hazards = ctx.services.hazards
    hazards.create(staff, HazardInput("ATM 区域灯箱松动", owner="李安全"))
    marked = hazards.create(staff, HazardInput(MARKED, owner="李安全")).info
    for typed in WILDCARDS:
        assert [h.id for h in hazards.list(staff, HazardFilter(text=typed))] == [marked.id], typed


def test_an_underscore_in_an_action_prefix_is_no_wildcard(ctx: Any, lead: Actor) -> None:
    with pytest.raises(AuthenticationError):
        ctx.services.auth.login("nobody", "x")  # a "user.login_failed" event
    audit = ctx.services.audit
    found = audit.list(lead, AuditFilter(action_prefix="user.login_"))
    assert [e.action for e in found] == ["user.login_failed"]
    assert audit.list(lead, AuditFilter(action_prefix="user_login")) == []


def _lists(ctx: Any, lead: Actor) -> dict[str, Callable[[str], object]]:
    """Every list that takes search text, called with it."""
    s = ctx.services
    return {
        "incident list": lambda q: s.incidents.list_incidents(lead, IncidentFilter(search=q)),
        "incident window": lambda q: s.incidents.window(lead, IncidentFilter(search=q), Window()),
        "incident search": lambda q: s.incidents.search(lead, q),
        "audit list": lambda q: s.audit.list(lead, AuditFilter(text=q)),
        "audit page": lambda q: s.audit.page(lead, AuditFilter(text=q)),
        "audit window": lambda q: s.audit.window(lead, AuditFilter(text=q), Window()),
        "hazard list": lambda q: s.hazards.list(lead, HazardFilter(text=q)),
        "people": lambda q: s.people.list_people(lead, search=q),
        "contacts": lambda q: s.people.list_contacts(lead, search=q),
        "playbooks": lambda q: s.playbooks.list_playbooks(lead, PlaybookFilter(search=q)),
    }


@pytest.mark.parametrize("typed", ["ab " * 20_000, "火" * 17_000, "x" * (SEARCH_LIMIT + 1)])
def test_a_search_longer_than_the_limit_is_refused_naming_the_field(
    ctx: Any, lead: Actor, typed: str
) -> None:
    for name, listed in _lists(ctx, lead).items():
        with pytest.raises(ValidationError) as refused:
            listed(typed)
        assert refused.value.field == "field.search", name
        assert refused.value.reason == t("validation.too_long", limit=SEARCH_LIMIT), name


def test_a_search_of_the_limit_is_searched(ctx: Any, lead: Actor) -> None:
    typed = f"  {'火' * SEARCH_LIMIT}  "  # the spaces around are not counted
    for name, listed in _lists(ctx, lead).items():
        found = listed(typed)
        assert (found.total if isinstance(found, Slice) else found) in (0, []), name
