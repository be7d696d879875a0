"""A schedule changed on another PC after a form was filled from it is not overwritten by that form:
the inspection schedule dialog sends every field, so its save put back the assignee another PC had
just named (a lost update, found with two PCs on one PostgreSQL database)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from branchguard.core.kernel.errors import StaleRecord
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.types import Actor
from tests.core.schedules.test_schedules import one_off


def test_a_form_filled_before_another_pcs_change_saves_nothing(ctx: Any, lead: Actor) -> None:
    svc = ctx.services.schedules
    data = one_off("Alarm check", rule="daily")
    shown = svc.add(lead, data)  # what the lead's form was filled from
    svc.update(lead, shown.id, replace(data, owner="李娜"))  # the other PC
    with pytest.raises(StaleRecord) as refused:
        svc.update(lead, shown.id, replace(data, rule="weekly"), shown.updated_at)
    record = Message("schedule.record", title="Alarm check")
    assert refused.value.message == Message("error.changed_elsewhere", record=record).text()
    now = svc.get(lead, shown.id)
    assert (now.owner, now.rule) == ("李娜", "FREQ=DAILY")  # the other PC's change kept, nothing written
    again = svc.update(lead, shown.id, replace(data, owner="李娜", rule="weekly"), now.updated_at)
    assert (again.owner, again.rule) == ("李娜", "FREQ=WEEKLY")  # made again on what is now shown
    assert svc.update(lead, shown.id, replace(data, notes="by code")).notes == "by code"  # no form: no check
