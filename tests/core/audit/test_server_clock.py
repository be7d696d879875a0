"""This PC's clock off the PostgreSQL server's is measured when the context opens, said in both
languages and recorded once in the audit trail with the user and the PC; within the tolerance, and
on SQLite (no second clock), nothing is."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from branchguard.context import open_context
from branchguard.core.audit.server_clock import TOLERANCE, ClockOff, clock_off
from branchguard.core.audit.service import AuditFilter
from branchguard.core.audit.text import summary_text
from branchguard.core.faults.holders import host_name
from branchguard.core.kernel.types import Actor
from tests.server_clock_support import BEHIND, clock_events, shift_pc_clock


def test_a_clock_seven_minutes_behind_the_server_is_measured_on_postgresql_alone(
    ctx: Any, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    shift_pc_clock(monkeypatch, BEHIND)
    off = clock_off(ctx.engine)
    if db_url.startswith("sqlite"):
        assert off is None  # the database is a file on this PC: its clock is the only one
        return
    assert off is not None and off.seconds == -420 and not off.ahead
    assert off.message.text("en").startswith(
        "This PC's clock is 7 min 0 s behind the database server's: the times this PC records"
    )
    assert "ask IT" in off.message.text("en")
    assert off.message.text("zh_CN").startswith("本机时钟比数据库服务器慢 7 分 0 秒：")


@pytest.mark.postgres
@pytest.mark.parametrize("shift", [TOLERANCE - timedelta(seconds=5), -TOLERANCE + timedelta(seconds=5)])
def test_within_the_tolerance_nothing_is_said(
    tmp_path: Path, pg_fresh: Any, pg_cluster: Any, monkeypatch: pytest.MonkeyPatch, shift: timedelta
) -> None:
    name = pg_fresh.take()
    try:
        shift_pc_clock(monkeypatch, shift)
        ctx = open_context(tmp_path / "data", db=pg_cluster.url(name))
        try:
            assert ctx.clock_off is None
        finally:
            ctx.close()
    finally:
        pg_fresh.give_back(name)


@pytest.mark.postgres
def test_the_context_opened_on_a_server_whose_clock_differs_holds_the_offset(
    tmp_path: Path, pg_fresh: Any, pg_cluster: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = pg_fresh.take()
    try:
        shift_pc_clock(monkeypatch, timedelta(hours=2, minutes=5))
        ctx = open_context(tmp_path / "data", db=pg_cluster.url(name))
        try:
            assert ctx.clock_off is not None and ctx.clock_off.ahead
            assert "2 h 5 min ahead of the database server's" in ctx.clock_off.message.text("en")
            assert "本机时钟比数据库服务器快 2 小时 5 分" in ctx.clock_off.message.text("zh_CN")
        finally:
            ctx.close()
    finally:
        pg_fresh.give_back(name)


def test_the_audit_event_names_the_user_the_pc_and_the_offset(ctx: Any, lead: Actor) -> None:
    ctx.services.audit.record_clock_off(lead, ClockOff(BEHIND))
    [event] = clock_events(ctx)
    assert event.actor == "lead" and event.entity == "user" and event.entity_id == str(lead.user_id)
    [record] = ctx.services.audit.list(lead, AuditFilter(action_prefix="user.pc_clock_off"))
    from branchguard.core.kernel.i18n import set_language

    try:
        set_language("en")
        english = summary_text(record)
        set_language("zh_CN")
        chinese = summary_text(record)
    finally:
        set_language("zh_CN")
    assert english == (
        f"PC {host_name()}: its clock was 7 min 0 s behind the database server's (-420 s); "
        "the times it records are that much early"
    )
    assert chinese == f"电脑 {host_name()}：时钟比数据库服务器慢 7 分 0 秒（-420 秒），其记录的时间相应偏早"
