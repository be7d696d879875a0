"""Two PCs changing one hazard at once, on SQLite and PostgreSQL: the second takes its turn after the
first and checks the state the first left (tests/interleave_support.py interleaves them by hand). Found
with three processes at once: a hazard closed three times, reopened three times with three live
reminder schedules, verified after a reopen into a state the rules forbid."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from branchguard.core.hazards.service import HazardService
from branchguard.core.hazards.types import HazardEventKind, HazardInput, HazardStatus, RemediationKind
from branchguard.core.kernel.errors import ValidationError
from branchguard.db.models.schedules import ScheduleRow
from tests.interleave_support import race


def _remediated(ctx, staff) -> int:
    svc = ctx.services.hazards
    hid = svc.create(staff, HazardInput(description="灯箱松动", location="自助区", owner="李安全")).info.id
    svc.add_step(staff, hid, RemediationKind.ACTION, "重新固定")
    svc.remediate(staff, hid)
    return hid


def _read(hid: int):
    return lambda s: HazardService._row(s, hid)


def _events(ctx, lead, hid: int, kind: HazardEventKind) -> int:
    return sum(e.kind == kind for e in ctx.services.hazards.get(lead, hid).events)


def test_a_hazard_closed_from_two_pcs_at_once_is_closed_once(ctx, staff, lead, monkeypatch) -> None:
    svc = ctx.services.hazards
    hid = _remediated(ctx, staff)
    svc.verify(lead, hid, "复查合格")
    race(monkeypatch, svc, _read(hid), lambda: svc.close(lead, hid, "PC B 销号"))
    with pytest.raises(ValidationError, match="已销号"):
        svc.close(lead, hid, "PC A 销号")
    assert _events(ctx, lead, hid, HazardEventKind.CLOSED) == 1


def test_a_hazard_reopened_from_two_pcs_at_once_has_one_live_reminder(ctx, staff, lead, monkeypatch) -> None:
    svc = ctx.services.hazards
    hid = _remediated(ctx, staff)
    svc.verify(lead, hid, "复查合格")
    svc.close(lead, hid, "销号")
    race(monkeypatch, svc, _read(hid), lambda: svc.reopen(lead, hid, "PC B: 复发"))
    with pytest.raises(ValidationError):
        svc.reopen(lead, hid, "PC A: 复发")
    assert _events(ctx, lead, hid, HazardEventKind.REOPENED) == 1
    with ctx.sessions() as s:
        live = s.scalar(
            select(func.count())
            .select_from(ScheduleRow)
            .where(ScheduleRow.kind == "hazard", ScheduleRow.subject_id == hid, ScheduleRow.active)
        )
    assert live == 1


def test_a_verify_after_another_pc_reopened_is_refused(ctx, staff, lead, monkeypatch) -> None:
    svc = ctx.services.hazards
    hid = _remediated(ctx, staff)
    race(monkeypatch, svc, _read(hid), lambda: svc.reopen(lead, hid, "PC B: 没修好"))
    with pytest.raises(ValidationError):
        svc.verify(lead, hid, "PC A: 复查合格")
    info = svc.get(lead, hid).info
    assert info.status == HazardStatus.OPEN and info.remediated_by is None and info.verified_by is None
    assert ctx.services.schedules.get(lead, info.schedule_id).active  # still reminds its owner


def test_a_step_after_another_pc_verified_is_refused(ctx, staff, lead, monkeypatch) -> None:
    svc = ctx.services.hazards
    hid = _remediated(ctx, staff)
    race(monkeypatch, svc, _read(hid), lambda: svc.verify(lead, hid, "PC B: 复查合格"))
    with pytest.raises(ValidationError):
        svc.add_step(staff, hid, RemediationKind.ACTION, "PC A: 又加固了一次")
    assert len(svc.get(lead, hid).steps) == 1
