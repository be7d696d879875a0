"""The initial report saved from a form that another PC changed it under, on SQLite and PostgreSQL.
Found: the form sends the place it shows prefilled (the branch's) as well as what was typed, so
PC2's place was replaced without a word by PC1's cause-only save. With what the form read
(`opened`), a field sent that holds other words now is refused; fields not sent are merged."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from branchguard.core.kernel.errors import StaleRecord
from branchguard.core.kernel.types import Actor


def test_a_sent_field_another_pc_filled_since_the_form_read_it_is_refused(
    ctx: Any, lead: Actor, snapshot: Callable[[], Any]
) -> None:
    incidents = ctx.services.incidents
    made = incidents.start(lead, None, title="初报测试")
    opened = incidents.get(lead, made.id).report_fields  # PC1's form: nothing filled in yet
    incidents.set_report_fields(lead, made.id, {"place": "ATM 区 2 号机"})  # PC2
    before = snapshot()
    with pytest.raises(StaleRecord) as refused:  # PC1: the prefilled place and a typed cause
        incidents.set_report_fields(lead, made.id, {"place": "营业厅", "cause": "PC1"}, opened=opened)
    assert str(made.id) in refused.value.message
    assert snapshot() == before
    assert incidents.get(lead, made.id).report_fields == {"place": "ATM 区 2 号机"}


def test_fields_not_sent_are_merged_and_the_command_line_is_not_compared(ctx: Any, lead: Actor) -> None:
    incidents = ctx.services.incidents
    made = incidents.start(lead, None, title="初报测试")
    opened = incidents.get(lead, made.id).report_fields
    incidents.set_report_fields(lead, made.id, {"place": "ATM 区 2 号机"})  # PC2
    saved = incidents.set_report_fields(lead, made.id, {"cause": "PC1"}, opened=opened)
    assert saved.report_fields == {"place": "ATM 区 2 号机", "cause": "PC1"}
    incidents.set_report_fields(lead, made.id, {"place": "营业厅"})  # no form: nothing to compare
    assert incidents.get(lead, made.id).report_fields["place"] == "营业厅"
