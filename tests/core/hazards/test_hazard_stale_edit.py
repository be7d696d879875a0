"""An edit saved from a form that another PC changed the hazard under, on SQLite and PostgreSQL: the
form says what it was filled from (`opened`) and the service refuses the save when the hazard's
stored fields differ now, before anything else (found: PC1's description-only save put back the
owner and location PC2 had just set, and read the severity PC2 had just raised as a downgrade)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from branchguard.core.hazards import rules
from branchguard.core.hazards.types import HazardEventKind, HazardInput, HazardSeverity
from branchguard.core.kernel.errors import StaleRecord


def _opened(ctx, staff):
    """A hazard as a form shows it: its info and the fields the form was filled from."""
    made = ctx.services.hazards.create(
        staff, HazardInput(description="灯箱松动", location="自助区", owner="李安全")
    )
    return made.info, rules.as_edited(made.info)


def _edits(ctx, lead, hid: int) -> int:
    return sum(e.kind == HazardEventKind.EDITED for e in ctx.services.hazards.get(lead, hid).events)


def test_a_save_from_a_form_opened_before_another_pcs_change_is_refused(ctx, staff, lead, snapshot) -> None:
    svc = ctx.services.hazards
    info, opened = _opened(ctx, staff)
    svc.update(staff, info.id, replace(opened, owner="王建国", location="PC2 的位置", due=None))
    before = snapshot()
    with pytest.raises(StaleRecord) as refused:
        svc.update(staff, info.id, replace(opened, description="PC1 的描述", due=None), opened=opened)
    assert info.number in refused.value.message
    assert snapshot() == before  # nothing written
    now = svc.get(lead, info.id).info
    assert (now.owner, now.location, now.description) == ("王建国", "PC2 的位置", "灯箱松动")


def test_a_raised_severity_refuses_a_stale_save_instead_of_asking_for_a_reason(ctx, staff, lead) -> None:
    svc = ctx.services.hazards
    info, opened = _opened(ctx, staff)
    svc.update(staff, info.id, replace(opened, severity=HazardSeverity.MAJOR, due=None))
    with pytest.raises(StaleRecord):  # not "Reason: is required": PC1 never lowered anything
        svc.update(lead, info.id, replace(opened, description="PC1 的描述", due=None), opened=opened)
    assert svc.get(lead, info.id).info.severity == HazardSeverity.MAJOR


def test_a_save_from_a_current_form_or_the_command_line_is_saved(ctx, staff, lead) -> None:
    svc = ctx.services.hazards
    info, opened = _opened(ctx, staff)
    saved = svc.update(staff, info.id, replace(opened, description="PC1 的描述", due=None), opened=opened)
    assert saved.info.description == "PC1 的描述"
    assert rules.as_edited(saved.info) == replace(opened, description="PC1 的描述")  # the next save's
    svc.update(staff, info.id, replace(opened, owner="王建国", due=None))  # no form: nothing to compare
    assert svc.get(lead, info.id).info.owner == "王建国"
    assert _edits(ctx, lead, info.id) == 2
