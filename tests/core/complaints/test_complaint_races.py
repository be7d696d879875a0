"""A complaint changed from two PCs at once, on SQLite and PostgreSQL: the second takes its turn
after the first and checks the status the first left (tests/interleave_support.py interleaves them by
hand). Found with three processes at once: one reply recorded three times."""

from __future__ import annotations

from datetime import timedelta

import pytest

from branchguard.core.complaints.service import ComplaintService
from branchguard.core.complaints.types import ComplaintInput, ComplaintStatus, StepInput
from branchguard.core.kernel.errors import ValidationError
from branchguard.db.base import utcnow
from tests.interleave_support import race


def _decided(svc: ComplaintService, lead, staff) -> int:
    data = ComplaintInput(
        channel="counter",
        received_at=utcnow() - timedelta(days=1),
        customer_name="张三丰",
        customer_phone="13800138000",
        category="attitude",
        request="柜员态度生硬，要求道歉",
    )
    cid = svc.register(staff, data).info.id
    svc.assign(lead, cid, "李主管")
    svc.step(lead, cid, StepInput("investigate", "核实"))
    svc.step(lead, cid, StepInput("decide", "致歉", basis="服务规范"))
    return cid


def test_a_reply_recorded_from_two_pcs_at_once_is_recorded_once(ctx, lead, staff, monkeypatch) -> None:
    svc = ctx.services.complaints
    cid = _decided(svc, lead, staff)
    reply = StepInput("reply", "replied by PC B", reply_channel="phone")
    race(monkeypatch, svc, lambda s: ComplaintService._row(s, cid), lambda: svc.step(staff, cid, reply))
    with pytest.raises(ValidationError):
        svc.step(staff, cid, StepInput("reply", "replied by PC A", reply_channel="phone"))
    detail = svc.get(lead, cid)
    assert detail.info.status == ComplaintStatus.REPLIED
    assert [st.text for st in detail.steps if st.step.value == "reply"] == ["replied by PC B"]
