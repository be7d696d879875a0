"""A training's kind given by the name the lists show (保安员证, Security guard licence) as well as
by its code: `training add 周强 --kind 保安员证` was refused as "not a training kind" though
`training list` shows exactly that name. The record keeps the code either way."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.types import Actor
from branchguard.core.team import library
from branchguard.core.team.types import TrainingInput

TODAY = date.today()


@pytest.mark.parametrize(
    "given", ["guard_licence", "保安员证", "Security guard licence", " security GUARD licence "]
)
def test_a_kind_is_named_by_its_code_or_its_name_in_either_language(given: str) -> None:
    assert library.kind_named(given) == "guard_licence"


def test_a_name_of_no_kind_names_none() -> None:
    assert library.kind_named("karate") is None
    assert library.kind_named("") is None


@pytest.mark.parametrize("given", ["保安员证", "Security guard licence"])
def test_a_training_recorded_by_its_kinds_name_keeps_the_code(ctx: Any, lead: Actor, given: str) -> None:
    team = ctx.services.team
    person = team.person_named(lead, "周强", "field.person")
    added = team.add_training(
        lead, TrainingInput(person.id, given, TODAY - timedelta(days=1), TODAY + timedelta(days=1000))
    )
    assert added.kind == "guard_licence" and added.kind_name.zh == "保安员证"
    with pytest.raises(ValidationError) as bad:
        team.add_training(lead, TrainingInput(person.id, "空手道", TODAY))
    assert bad.value.field == "field.training_kind"
