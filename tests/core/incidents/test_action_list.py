"""The list of every incident's and drill run's follow-up actions (`action list`, the drills page's
corrective-actions tab) on SQLite and PostgreSQL: all, open, overdue (past the due day, not done),
by due date with the undated last."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from branchguard.core.incidents.types import ActionFilter, CloseInput, FollowUpInput
from tests.complaint_helpers import YEAR, archived_at_new_year
from tests.pc_clock import incidents_back_then


def test_all_open_and_overdue_actions(ctx, lead, monkeypatch: pytest.MonkeyPatch) -> None:
    incidents, today = ctx.services.incidents, date.today()
    with incidents_back_then(monkeypatch, datetime.now(UTC) - timedelta(days=10)):  # its actions since due
        fire = incidents.start(lead, None, title="配电箱冒烟")
    actions = (
        FollowUpInput("更换配电箱", "李安全", today - timedelta(days=5)),
        FollowUpInput("培训用电安全", "王经理", today + timedelta(days=5)),
        FollowUpInput("张贴警示", "赵敏"),
        FollowUpInput("检查线路", "李安全", today - timedelta(days=1)),
        FollowUpInput("今日复查", "李安全", today),
    )
    detail = incidents.close(lead, fire.id, CloseInput(outcome="已断电处置", actions=actions))
    done = next(a for a in detail.actions if a.text == "检查线路")
    incidents.complete_action(lead, done.id)
    now = datetime.now(UTC)
    every = incidents.list_actions(lead, now=now)
    assert [i.action.text for i in every] == [
        "更换配电箱",
        "检查线路",
        "今日复查",
        "培训用电安全",
        "张贴警示",
    ]
    assert all(i.incident_title == "配电箱冒烟" and not i.drill for i in every)
    open_ = incidents.list_actions(lead, ActionFilter(open_only=True), now=now)
    assert [i.action.text for i in open_] == ["更换配电箱", "今日复查", "培训用电安全", "张贴警示"]
    overdue = incidents.list_actions(lead, ActionFilter(overdue_only=True), now=now)
    assert [i.action.text for i in overdue] == ["更换配电箱"]  # the due day itself is not overdue
    tomorrow = incidents.list_actions(lead, ActionFilter(overdue_only=True), now=now + timedelta(days=1))
    assert [i.action.text for i in tomorrow] == ["更换配电箱", "今日复查"]


def test_a_complaints_action_names_it_as_the_register_does_on_a_pc_set_to_utc(ctx, lead, pc_zone) -> None:
    """A complaint received at 00:30 on 1 January in Beijing is TS-<that year>-…; the action list
    named it by the year before on a PC set to UTC (its year taken in the PC's zone)."""
    pc_zone("UTC")
    cid, number = archived_at_new_year(ctx, lead, "更新收费公示", "李安全", date.today())
    assert number.startswith(f"TS-{YEAR}-")
    listed = [i for i in ctx.services.incidents.list_actions(lead) if i.action.complaint_id == cid]
    assert [i.complaint_number for i in listed] == [number]
