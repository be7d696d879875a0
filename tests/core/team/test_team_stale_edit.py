"""A role's assignment and a training record saved from a form that another PC changed them under,
on SQLite and PostgreSQL: the form says what it was filled from (`opened`) and the service refuses
the save when the stored fields differ now (found: PC1's backup-only change put back the holder PC2
had just named; PC1's note on a training record put back the certificate number PC2 had corrected)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from branchguard.core.kernel.errors import StaleRecord
from branchguard.core.kernel.types import Actor
from branchguard.core.team import rules
from branchguard.core.team.types import TeamRole, TrainingInput

TODAY = date.today()
FIRE = "firefighting_team"


def pid(ctx: Any, lead: Actor, name: str) -> int:
    return int(ctx.services.team.person_named(lead, name, "field.person").id)


def role(ctx: Any, lead: Actor, code: str) -> TeamRole:
    return next(r for r in ctx.services.team.roles(lead) if r.code == code)


def test_an_assignment_from_a_form_opened_before_another_pcs_change_is_refused(
    ctx: Any, lead: Actor, snapshot: Callable[[], Any]
) -> None:
    team = ctx.services.team
    team.assign(lead, FIRE, pid(ctx, lead, "周强"), pid(ctx, lead, "张伟"))
    opened = rules.holders_of(role(ctx, lead, FIRE))  # PC1's form
    team.assign(lead, FIRE, pid(ctx, lead, "刘洋"), pid(ctx, lead, "张伟"))  # PC2 names a new holder
    before = snapshot()
    with pytest.raises(StaleRecord) as refused:  # PC1 changes only the backup
        team.assign(lead, FIRE, pid(ctx, lead, "周强"), pid(ctx, lead, "王建国"), opened=opened)
    assert "灭火行动组" in refused.value.message
    assert snapshot() == before  # nothing written
    now = role(ctx, lead, FIRE)
    assert (now.holder.name, now.backup.name) == ("刘洋", "张伟")  # type: ignore[union-attr]


def test_an_assignment_from_a_current_form_or_the_command_line_is_saved(ctx: Any, lead: Actor) -> None:
    team = ctx.services.team
    opened = rules.holders_of(role(ctx, lead, FIRE))
    assert opened == (None, None)  # never assigned
    saved = team.assign(lead, FIRE, pid(ctx, lead, "周强"), opened=opened)
    again = team.assign(
        lead, FIRE, pid(ctx, lead, "周强"), pid(ctx, lead, "张伟"), opened=rules.holders_of(saved)
    )
    team.assign(lead, FIRE, pid(ctx, lead, "刘洋"), pid(ctx, lead, "张伟"))  # no form: nothing to compare
    assert again.backup is not None and role(ctx, lead, FIRE).holder.name == "刘洋"  # type: ignore[union-attr]


def _record(ctx: Any, lead: Actor) -> Any:
    data = TrainingInput(
        person=pid(ctx, lead, "周强"),
        kind="fire",
        trained_on=TODAY - timedelta(days=10),
        expires_on=TODAY + timedelta(days=700),
        certificate="XF-001",
    )
    return ctx.services.team.add_training(lead, data)


def test_a_training_correction_from_a_stale_form_is_refused(
    ctx: Any, lead: Actor, snapshot: Callable[[], Any]
) -> None:
    team = ctx.services.team
    made = _record(ctx, lead)
    opened = rules.as_edited(made)  # PC1's form
    team.update_training(lead, made.id, replace(opened, certificate="XF-002"))  # PC2 corrects it
    before = snapshot()
    with pytest.raises(StaleRecord) as refused:
        team.update_training(lead, made.id, replace(opened, notes="PC1 的备注"), opened=opened)
    assert f"#{made.id}" in refused.value.message
    assert snapshot() == before
    now = next(r for r in team.trainings(lead) if r.id == made.id)
    assert (now.certificate, now.notes) == ("XF-002", "")


def test_a_training_correction_from_a_current_form_or_the_command_line_is_saved(
    ctx: Any, lead: Actor
) -> None:
    team = ctx.services.team
    made = _record(ctx, lead)
    opened = rules.as_edited(made)
    saved = team.update_training(lead, made.id, replace(opened, notes="PC1 的备注"), opened=opened)
    assert rules.as_edited(saved) == replace(opened, notes="PC1 的备注")  # the next save's `opened`
    team.update_training(lead, made.id, replace(opened, certificate="XF-003"))
    assert next(r for r in team.trainings(lead) if r.id == made.id).certificate == "XF-003"
