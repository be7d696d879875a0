"""A major hazard (重大隐患) is not verified or closed with its policy milestones (interim control,
remediation plan, report to head office) silently outstanding: refused with the milestones named,
unless a reason is given, which its history, the audit trail and the register keep."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from branchguard.core.hazards import rules
from branchguard.core.hazards.types import (
    HazardEventKind,
    HazardInput,
    HazardSeverity,
    HazardStatus,
    RemediationKind,
)
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.db.models.hazards import HazardRow

K = RemediationKind
WHEN = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _opened(ctx, staff, severity=HazardSeverity.MAJOR) -> int:
    data = HazardInput(description="金库报警线路被切断", severity=severity, location="金库", owner="李安全")
    return ctx.services.hazards.create(staff, data).info.id


def _remediated(ctx, staff, severity=HazardSeverity.MAJOR, steps=(K.ACTION,), hid=None) -> int:
    svc = ctx.services.hazards
    hid = hid or _opened(ctx, staff, severity)
    for kind in steps:
        svc.add_step(staff, hid, kind, f"{kind.value} 已完成")
    svc.remediate(staff, hid)
    return hid


def test_outstanding_milestones_are_those_its_policy_set_with_no_step_of_their_kind() -> None:
    owed = rules.outstanding_milestones
    assert owed("major", WHEN, WHEN, True, []) == (K.INTERIM_CONTROL, K.PLAN, K.HEAD_OFFICE_REPORT)
    assert owed("major", WHEN, WHEN, True, ["plan", "action"]) == (K.INTERIM_CONTROL, K.HEAD_OFFICE_REPORT)
    assert owed("major", None, WHEN, False, []) == (K.PLAN,)  # a policy without interim hours
    assert owed("general", WHEN, WHEN, True, []) == ()  # a general hazard owes none
    assert owed("major", WHEN, WHEN, True, ["on_the_spot"]) == ()  # nor one corrected on the spot
    with pytest.raises(ValidationError) as refused:
        rules.check_milestones((K.PLAN, K.HEAD_OFFICE_REPORT), "  ")
    assert "整改方案、上报上级行" in str(refused.value)
    named = rules.Milestones((K.PLAN, K.HEAD_OFFICE_REPORT))
    shown = Message("hazard.milestones_outstanding", milestones=named)
    assert "not recorded: Remediation plan, Reported to head office." in shown.text("en")
    assert rules.check_milestones((K.PLAN,), " 总行口头批复 ") == "总行口头批复"
    assert rules.check_milestones((), "not recorded when nothing is outstanding") == ""


def test_verifying_with_milestones_outstanding_is_refused_and_changes_nothing(ctx, staff, lead) -> None:
    svc = ctx.services.hazards
    hid = _remediated(ctx, staff, steps=(K.INTERIM_CONTROL, K.ACTION))
    with pytest.raises(ValidationError, match="整改方案、上报上级行") as refused:
        svc.verify(lead, hid, "复查合格")
    assert refused.value.field == "field.waiver"
    after = svc.get(lead, hid)
    assert after.info.status == HazardStatus.REMEDIATED and after.info.verified_by is None
    assert after.info.outstanding == (K.PLAN, K.HEAD_OFFICE_REPORT)


def test_a_reason_lets_it_through_and_is_kept_in_history_audit_and_register(ctx, staff, lead) -> None:
    svc = ctx.services.hazards
    hid = _remediated(ctx, staff, steps=(K.INTERIM_CONTROL, K.ACTION))
    verified = svc.verify(lead, hid, "复查合格", waiver="总行安保部电话确认无需书面方案")
    waived = [e for e in verified.events if e.kind == HazardEventKind.WAIVED]
    assert len(waived) == 1 and waived[0].actor == lead.username
    assert "整改方案、上报上级行" in waived[0].note and "总行安保部电话确认无需书面方案" in waived[0].note
    closed = svc.close(lead, hid, "销号")  # the waiver given at verification carries to the close
    assert closed.info.status == HazardStatus.CLOSED and closed.info.closed_short
    assert [e.kind for e in closed.events].count(HazardEventKind.WAIVED) == 1
    listed = next(h for h in svc.list(lead) if h.id == hid)
    assert listed.outstanding == (K.PLAN, K.HEAD_OFFICE_REPORT) and listed.closed_short
    entries = [e for e in ctx.services.audit.list(lead) if e.action == "hazard.waiver"]
    assert entries and entries[0].after["reason"] == "总行安保部电话确认无需书面方案"
    assert entries[0].after["milestones"] == ["plan", "head_office_report"]


def test_a_hazard_verified_without_a_waiver_is_asked_for_one_at_closing(ctx, staff, lead) -> None:
    """Verified before the rule (or a reopen since the waiver): closing asks for the reason."""
    svc = ctx.services.hazards
    hid = _remediated(ctx, staff, steps=(K.ACTION,))
    with ctx.sessions.begin() as s:  # as a register kept before this rule left it
        row = s.get(HazardRow, hid)
        row.status, row.verified_by, row.verified_at = HazardStatus.VERIFIED.value, lead.username, WHEN
    with pytest.raises(ValidationError, match="临时管控措施、整改方案、上报上级行"):
        svc.close(lead, hid, "销号")
    closed = svc.close(lead, hid, "销号", waiver="该网点已撤并，上级行同意销号")
    assert closed.events[-1].kind == HazardEventKind.WAIVED


def test_milestones_all_recorded_need_no_reason_and_late_ones_count(ctx, staff, lead) -> None:
    svc = ctx.services.hazards
    hid = _opened(ctx, staff)
    with ctx.sessions.begin() as s:  # its interim control and plan deadlines long past
        row = s.get(HazardRow, hid)
        row.interim_due_at -= timedelta(days=10)
        row.plan_due_at -= timedelta(days=10)
    _remediated(ctx, staff, steps=(K.INTERIM_CONTROL, K.PLAN, K.HEAD_OFFICE_REPORT, K.ACTION), hid=hid)
    done = svc.close(lead, svc.verify(lead, hid, "复查合格").info.id, "销号")
    assert done.info.status == HazardStatus.CLOSED and done.info.outstanding == ()
    assert HazardEventKind.WAIVED not in [e.kind for e in done.events]


def test_a_general_hazard_is_unaffected(ctx, staff, lead) -> None:
    svc = ctx.services.hazards
    hid = _remediated(ctx, staff, severity=HazardSeverity.GENERAL)
    closed = svc.close(lead, svc.verify(lead, hid, "复查合格").info.id, "销号")
    assert closed.info.status == HazardStatus.CLOSED and not closed.info.closed_short
    assert HazardEventKind.WAIVED not in [e.kind for e in closed.events]
