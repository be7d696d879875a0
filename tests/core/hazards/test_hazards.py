"""Hazard register on SQLite and PostgreSQL: entering by hand, remediation with evidence, the
second-person verification rule, close and reopen with their due schedules, edits with history,
filters and ageing, the dashboard's counts, the severity policy, permissions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from branchguard.core.hazards.types import (
    HazardEventKind,
    HazardFilter,
    HazardInput,
    HazardSeverity,
    HazardSource,
    HazardStatus,
    RemediationKind,
    SeverityPolicy,
    SeverityRule,
)
from branchguard.core.kernel.china_time import china_year
from branchguard.core.kernel.errors import NotFound, PermissionDenied, ValidationError
from branchguard.core.kernel.types import Actor, Role
from tests.core.inspections.inspection_helpers import JPEG, run_inspection
from tests.hazard_helpers import make_overdue


def _manual(ctx, actor, **kw):
    data = HazardInput(
        description=kw.pop("description", "ATM 区域灯箱松动\n有坠落风险"),
        severity=kw.pop("severity", HazardSeverity.GENERAL),
        location=kw.pop("location", "自助区"),
        owner=kw.pop("owner", "李安全"),
        **kw,
    )
    return ctx.services.hazards.create(actor, data)


def test_a_hand_entered_hazard_takes_its_deadlines_from_the_policy(ctx, staff) -> None:
    general = _manual(ctx, staff).info
    assert general.source == HazardSource.MANUAL and general.status == HazardStatus.OPEN
    # its year China's (YH-2027 from 16:00 UTC on 31 December), not the year of this PC's today
    year = china_year(general.opened_at)
    assert general.title == "ATM 区域灯箱松动" and general.number == f"YH-{year}-{general.id:04d}"
    local_opened = general.opened_at.astimezone(ctx.services.hazards.zone).date()
    assert general.due_date == local_opened + timedelta(days=7)
    assert general.interim_due_at is None and not general.report_head_office
    major = _manual(ctx, staff, severity=HazardSeverity.MAJOR, description="金库报警线路被切断").info
    assert major.due_date == local_opened + timedelta(days=30) and major.report_head_office
    assert major.interim_due_at == major.opened_at + timedelta(hours=24)
    assert major.plan_due_at.astimezone(ctx.services.hazards.zone).date() == local_opened + timedelta(days=3)
    chosen = _manual(ctx, staff, due=date.today() + timedelta(days=2)).info
    assert chosen.due_date == date.today() + timedelta(days=2)
    with pytest.raises(ValidationError, match="隐患描述"):
        _manual(ctx, staff, description="  ")
    with pytest.raises(ValidationError, match="隐患等级"):
        _manual(ctx, staff, severity="fatal")


def test_whoever_remediated_a_hazard_cannot_verify_it(ctx, staff, lead) -> None:
    svc = ctx.services.hazards
    hid = _manual(ctx, staff).info.id
    with pytest.raises(ValidationError, match="整改措施"):
        svc.remediate(staff, hid)  # no work recorded yet
    svc.add_step(staff, hid, RemediationKind.INTERIM_CONTROL, "设置警示围挡")
    step = svc.add_step_bytes(staff, hid, RemediationKind.ACTION, "重新固定灯箱", [("fixed.jpg", JPEG)])
    assert (
        step.evidence[0].name == "fixed.jpg" and svc.attachment_bytes(lead, step.evidence[0].sha256) == JPEG
    )
    done = svc.remediate(staff, hid, "已加固")
    assert done.info.status == HazardStatus.REMEDIATED and done.info.remediated_by == "staff"
    with pytest.raises(PermissionDenied):
        svc.verify(staff, hid, "我自己看过了")  # verifying is the lead's
    with pytest.raises(ValidationError) as no_note:
        svc.verify(lead, hid, "  ")  # the lead says what was checked
    assert no_note.value.field == "field.notes"
    assert svc.get(lead, hid).info.status == HazardStatus.REMEDIATED
    verified = svc.verify(lead, hid, "现场复查牢固")
    assert verified.info.verified_by == "lead" and verified.verification_note == "现场复查牢固"
    with pytest.raises(PermissionDenied):
        svc.close(staff, hid, "销号")  # closing is the lead's
    with pytest.raises(ValidationError) as no_note:
        svc.close(lead, hid, "")
    assert no_note.value.field == "field.notes"
    assert svc.get(lead, hid).info.status == HazardStatus.VERIFIED
    closed = svc.close(lead, hid, "已销号")
    assert closed.info.status == HazardStatus.CLOSED and closed.info.closed_by == "lead"
    assert closed.events[-1].note == "已销号"
    kinds = [e.kind for e in closed.events]
    assert kinds == [
        HazardEventKind.OPENED,
        HazardEventKind.STEP_ADDED,
        HazardEventKind.STEP_ADDED,
        HazardEventKind.REMEDIATED,
        HazardEventKind.VERIFIED,
        HazardEventKind.CLOSED,
    ]
    assert [s.kind for s in closed.steps] == [RemediationKind.INTERIM_CONTROL, RemediationKind.ACTION]
    assert closed.evidence == step.evidence


def test_the_lead_who_remediated_cannot_verify_either(ctx, staff, lead) -> None:
    svc = ctx.services.hazards
    hid = _manual(ctx, staff).info.id
    svc.add_step(lead, hid, RemediationKind.ACTION, "更换灯箱")
    svc.remediate(lead, hid)
    with pytest.raises(ValidationError, match="lead"):
        svc.verify(lead, hid, "复查合格")
    with pytest.raises(PermissionDenied):
        svc.verify(staff, hid, "复查合格")
    deputy = Actor(user_id=None, username="deputy", role=Role.LEAD)  # a second safety lead
    assert svc.verify(deputy, hid, "复查合格").info.status == HazardStatus.VERIFIED


def test_transitions_follow_the_order_and_reopen_needs_a_reason(ctx, staff, lead) -> None:
    svc = ctx.services.hazards
    hid = _manual(ctx, staff).info.id
    with pytest.raises(ValidationError, match="待整改"):
        svc.close(lead, hid, "销号")  # not verified
    with pytest.raises(ValidationError):
        svc.verify(lead, hid, "复查合格")  # not remediated
    with pytest.raises(ValidationError):
        svc.reopen(lead, hid, "x")  # already open
    svc.add_step(staff, hid, RemediationKind.ACTION, "修复")
    svc.remediate(staff, hid)
    svc.verify(lead, hid, "复查合格")
    svc.close(lead, hid, "销号")
    with pytest.raises(ValidationError, match="原因"):
        svc.reopen(lead, hid, " ")
    with pytest.raises(ValidationError):
        svc.add_step(staff, hid, RemediationKind.ACTION, "closed hazards take no steps")
    again = svc.reopen(lead, hid, "灯箱再次松动")
    assert again.info.status == HazardStatus.OPEN
    assert (
        again.info.remediated_by is None and again.info.verified_by is None and again.info.closed_at is None
    )
    assert again.events[-1].kind == HazardEventKind.REOPENED and again.events[-1].note == "灯箱再次松动"
    assert len(again.steps) == 1  # history stays


def test_the_due_schedule_ends_on_verify_and_a_reopen_gets_a_new_one(ctx, staff, lead) -> None:
    svc, schedules = ctx.services.hazards, ctx.services.schedules
    hazard = _manual(ctx, staff).info
    make_overdue(ctx, lead, hazard.id)
    hazard = ctx.services.hazards.get(lead, hazard.id).info
    first = schedules.get(lead, hazard.schedule_id)
    assert first.owner == "李安全" and first.active and first.kind == "hazard"
    schedules.catch_up(lead)
    overdue = [o for o in schedules.open_items(lead) if o.schedule_id == first.id]
    assert overdue and overdue[0].overdue  # the owner hears of it
    svc.add_step(staff, hazard.id, RemediationKind.ACTION, "修复")
    svc.remediate(staff, hazard.id)
    assert schedules.get(lead, first.id).active  # still due until someone verifies it
    svc.verify(lead, hazard.id, "复查合格")
    assert not schedules.get(lead, first.id).active
    assert not [o for o in schedules.open_items(lead) if o.schedule_id == first.id]  # no stale item
    reopened = svc.reopen(lead, hazard.id, "复发").info
    assert reopened.schedule_id != first.id and schedules.get(lead, reopened.schedule_id).active


def test_an_edit_records_its_changes_and_moves_the_due_schedule(ctx, staff, lead) -> None:
    svc, schedules = ctx.services.hazards, ctx.services.schedules
    hazard = _manual(ctx, staff).info
    new_due = date.today() + timedelta(days=3)
    data = HazardInput(
        description=hazard.description,
        severity=HazardSeverity.GENERAL,
        location="二楼",
        owner="王五",
        due=new_due,
    )
    edited = svc.update(lead, hazard.id, data, reason="移交物业")
    assert edited.info.location == "二楼" and edited.info.owner == "王五" and edited.info.due_date == new_due
    event = edited.events[-1]
    assert event.kind == HazardEventKind.EDITED and event.note == "移交物业"
    assert set(event.changes) == {"location", "owner", "due_date"} and event.changes["owner"] == (
        "李安全",
        "王五",
    )
    assert not schedules.get(lead, hazard.schedule_id).active
    moved = schedules.get(lead, edited.info.schedule_id)
    assert moved.owner == "王五" and moved.next_due == edited.info.due_at
    # a severity change without a date takes the new severity's deadlines from when it opened
    major = svc.update(
        lead,
        hazard.id,
        HazardInput(
            description=hazard.description, severity=HazardSeverity.MAJOR, owner="王五", location="二楼"
        ),
    )
    opened = hazard.opened_at.astimezone(svc.zone).date()
    assert major.info.due_date == opened + timedelta(days=30) and major.info.report_head_office
    same = svc.update(
        lead,
        hazard.id,
        HazardInput(
            description=hazard.description, severity=HazardSeverity.MAJOR, owner="王五", location="二楼"
        ),
    )
    assert len(same.events) == len(major.events)  # nothing changed, nothing recorded


def test_only_the_lead_moves_a_due_date_and_a_refusal_changes_nothing(ctx, staff, lead) -> None:
    svc = ctx.services.hazards
    hazard = _manual(ctx, staff).info
    later = HazardInput(
        description=hazard.description, severity=HazardSeverity.GENERAL, location="自助区", owner="李安全",
        due=hazard.due_date + timedelta(days=20),
    )
    with pytest.raises(PermissionDenied):
        svc.update(staff, hazard.id, later)
    assert svc.get(lead, hazard.id).info.due_date == hazard.due_date
    # the same date is no move: staff may still edit the other fields
    same = HazardInput(
        description=hazard.description, severity=HazardSeverity.GENERAL, location="二楼", owner="李安全",
        due=hazard.due_date,
    )
    assert svc.update(staff, hazard.id, same).info.location == "二楼"
    assert svc.update(lead, hazard.id, later).info.due_date == hazard.due_date + timedelta(days=20)


def test_a_downgrade_is_the_leads_with_a_reason_and_a_refusal_changes_nothing(
    ctx, staff, lead, snapshot
) -> None:
    svc = ctx.services.hazards
    major = _manual(ctx, staff, severity=HazardSeverity.MAJOR, description="金库报警线路被切断").info
    assert major.interim_due_at is not None and major.plan_due_at is not None
    general = HazardInput(
        description=major.description,
        severity=HazardSeverity.GENERAL,
        location=major.location,
        owner=major.owner,
    )
    before = snapshot()
    with pytest.raises(PermissionDenied):
        svc.update(staff, major.id, general, reason="只是小问题")
    with pytest.raises(ValidationError) as no_reason:
        svc.update(lead, major.id, general)
    assert no_reason.value.field == "field.reason"
    assert snapshot() == before
    lowered = svc.update(lead, major.id, general, reason="复核后认定为一般隐患")
    assert lowered.info.severity == HazardSeverity.GENERAL and lowered.info.interim_due_at is None
    event = lowered.events[-1]
    assert event.note == "复核后认定为一般隐患" and event.changes["severity"] == ("major", "general")
    # raising stays open to staff, without a reason
    raised = HazardInput(
        description=major.description,
        severity=HazardSeverity.MAJOR,
        location=major.location,
        owner=major.owner,
    )
    assert svc.update(staff, major.id, raised).info.severity == HazardSeverity.MAJOR


def test_filters_ageing_and_counts(ctx, staff, lead) -> None:
    svc = ctx.services.hazards
    det = run_inspection(ctx, staff, "VAULT", fail=(1, 2))  # dual control (major), access log (general)
    late = _manual(ctx, staff, description="消防通道堆放杂物", owner="赵六").info
    make_overdue(ctx, lead, late.id, days_late=3)
    # found ten days ago: in a year's first ten days (in China), last year's, its number YH-<last year>
    late = svc.get(lead, late.id).info
    late_opened = late.opened_at
    fixed = _manual(ctx, staff, description="灭火器过期").info
    svc.add_step(staff, fixed.id, RemediationKind.ACTION, "更换")
    svc.remediate(staff, fixed.id)
    svc.verify(lead, fixed.id, "复查合格")
    everything = svc.list(lead)
    assert everything[0].id == late.id and everything[0].overdue  # overdue first
    assert everything[-1].id == fixed.id  # verified last
    assert {h.id for h in svc.list(lead, HazardFilter(open_only=True))} == {h.id for h in everything} - {
        fixed.id
    }
    assert [h.id for h in svc.list(lead, HazardFilter(overdue_only=True))] == [late.id]
    assert [h.item_number for h in svc.list(lead, HazardFilter(severity=HazardSeverity.MAJOR))] == [1]
    assert [h.id for h in svc.list(lead, HazardFilter(owner="赵六"))] == [late.id]
    assert [h.id for h in svc.list(lead, HazardFilter(text="杂物"))] == [late.id]
    assert [h.id for h in svc.list(lead, HazardFilter(text=late.number))] == [late.id]
    assert [h.id for h in svc.list(lead, HazardFilter(text="100%_"))] == []
    assert len(svc.list(lead, HazardFilter(inspection_id=det.info.id))) == 2
    assert len(svc.list(lead, HazardFilter(source=HazardSource.MANUAL))) == 2
    assert [h.id for h in svc.list(lead, HazardFilter(statuses=(HazardStatus.VERIFIED,)))] == [fixed.id]
    today = date.today()
    assert len(svc.list(lead, HazardFilter(opened_from=today, opened_to=today))) == 3
    found_late = late_opened.astimezone(svc.zone).date()  # ten days ago: late by three days
    assert [h.id for h in svc.list(lead, HazardFilter(opened_to=today - timedelta(days=1)))] == [late.id]
    assert [h.id for h in svc.list(lead, HazardFilter(opened_from=found_late, opened_to=found_late))] == [
        late.id
    ]
    in_ten_days = datetime.now(UTC) + timedelta(days=10)
    aged = {h.id: h for h in svc.list(lead, now=in_ten_days)}
    assert aged[late.id].age_days == 20 and aged[fixed.id].overdue is False
    counts = svc.counts(lead)
    assert counts.open_by_severity == {HazardSeverity.GENERAL: 2, HazardSeverity.MAJOR: 1}
    assert counts.overdue_by_severity == {HazardSeverity.GENERAL: 1, HazardSeverity.MAJOR: 0}
    assert (counts.open_total, counts.overdue_total) == (3, 1)
    assert svc.counts(lead, now=in_ten_days).overdue_total == 2  # the general one from the vault, too


def test_the_severity_policy_is_configurable_and_checked(ctx, lead, staff) -> None:
    svc = ctx.services.hazards
    assert svc.policy(staff) == SeverityPolicy()
    strict = SeverityPolicy(
        general=SeverityRule(HazardSeverity.GENERAL, fix_days=3),
        major=SeverityRule(
            HazardSeverity.MAJOR, fix_days=15, interim_hours=12, plan_days=2, report_head_office=True
        ),
    )
    with pytest.raises(PermissionDenied):
        svc.set_policy(staff, strict)
    assert svc.set_policy(lead, strict) == strict
    assert svc.policy(staff) == strict
    hazard = _manual(ctx, staff, severity=HazardSeverity.MAJOR).info
    opened = hazard.opened_at.astimezone(svc.zone).date()
    assert hazard.due_date == opened + timedelta(days=15)
    assert hazard.interim_due_at == hazard.opened_at + timedelta(hours=12)
    with pytest.raises(ValidationError, match="一般隐患"):
        svc.set_policy(lead, SeverityPolicy(general=SeverityRule(HazardSeverity.GENERAL, fix_days=0)))
    assert svc.policy(lead) == strict  # a refused change writes nothing


def test_permissions_per_role(ctx, staff, lead, auditor, tmp_path: Path) -> None:
    svc = ctx.services.hazards
    hid = _manual(ctx, staff).info.id
    photo = tmp_path / "p.jpg"
    photo.write_bytes(JPEG)
    for call in (
        lambda: _manual(ctx, auditor),
        lambda: svc.add_step(auditor, hid, RemediationKind.ACTION, "x", [photo]),
        lambda: svc.remediate(auditor, hid),
        lambda: svc.verify(auditor, hid),
        lambda: svc.close(auditor, hid),
        lambda: svc.reopen(auditor, hid, "x"),
        lambda: svc.update(auditor, hid, HazardInput(description="x")),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert svc.get(auditor, hid).info.id == hid and len(svc.list(auditor)) == 1
    assert svc.counts(auditor).open_total == 1
    step = svc.add_step(staff, hid, RemediationKind.ACTION, "x", [photo])
    assert step.evidence[0].name == "p.jpg"
    with pytest.raises(NotFound):
        svc.get(lead, 9999)


def test_a_major_hazard_reminds_of_each_milestone_until_it_is_met(ctx, staff, lead) -> None:
    svc, schedules = ctx.services.hazards, ctx.services.schedules

    def active(hazard_id: int) -> dict[str, object]:
        return {
            sc.title.split("：")[0]: sc.next_due
            for sc in schedules.list(lead)
            if sc.kind == "hazard" and sc.subject_id == hazard_id and sc.active
        }

    hazard = _manual(ctx, staff, severity=HazardSeverity.MAJOR, description="金库报警线路被切断").info
    number = hazard.number
    assert active(hazard.id) == {
        f"隐患 {number}": hazard.due_at,
        f"隐患 {number} 临时管控": hazard.interim_due_at.replace(microsecond=0),
        f"隐患 {number} 整改方案": hazard.plan_due_at,
    }
    svc.add_step(staff, hazard.id, RemediationKind.INTERIM_CONTROL, "安排专人值守金库")
    assert set(active(hazard.id)) == {f"隐患 {number}", f"隐患 {number} 整改方案"}
    svc.add_step(staff, hazard.id, RemediationKind.ACTION, "报警公司到场接线")  # not a milestone
    assert len(active(hazard.id)) == 2
    svc.update(
        lead,
        hazard.id,
        HazardInput(description="金库报警线路被切断", severity=HazardSeverity.MAJOR, owner="周强"),
    )
    assert {sc.owner for sc in schedules.list(lead) if sc.subject_id == hazard.id and sc.active} == {"周强"}
    assert set(active(hazard.id)) == {f"隐患 {number}", f"隐患 {number} 整改方案"}  # met stays met
    svc.add_step(staff, hazard.id, RemediationKind.PLAN, "更换报警线路并加装防护管")
    svc.add_step(staff, hazard.id, RemediationKind.HEAD_OFFICE_REPORT, "已报上级行安保部")  # no reminder
    assert set(active(hazard.id)) == {f"隐患 {number}"}
    svc.remediate(staff, hazard.id)
    assert set(active(hazard.id)) == {f"隐患 {number}"}
    svc.verify(lead, hazard.id, "复查合格")
    assert active(hazard.id) == {}
    general = _manual(ctx, staff).info
    assert len(active(general.id)) == 1  # a general hazard has the due date only


def test_a_hand_entered_hazard_needs_an_owner_and_is_not_due_before_it_was_found(ctx, staff, lead) -> None:
    svc = ctx.services.hazards
    before = len(svc.list(lead))
    with pytest.raises(ValidationError) as no_owner:
        _manual(ctx, staff, owner="  ")
    assert no_owner.value.field == "field.owner"
    today = datetime.now(UTC).astimezone(svc.zone).date()
    with pytest.raises(ValidationError) as early:
        _manual(ctx, staff, due=today - timedelta(days=1))
    assert early.value.field == "field.due_at" and str(today) in str(early.value)
    assert len(svc.list(lead)) == before  # nothing half-written
    assert _manual(ctx, staff, due=today).info.due_date == today  # due the day it was found is fine
    # an edit cannot move the due date before the day it opened either
    hazard = _manual(ctx, staff).info
    data = HazardInput(description=hazard.description, owner=hazard.owner, due=today - timedelta(days=2))
    with pytest.raises(ValidationError) as moved:
        svc.update(lead, hazard.id, data)
    assert moved.value.field == "field.due_at"
    assert svc.get(lead, hazard.id).info.due_date == hazard.due_date
    # nor take the owner away: the reminders go to them
    cleared = HazardInput(description=hazard.description, owner=" ", location="自助区")
    with pytest.raises(ValidationError) as ownerless:
        svc.update(lead, hazard.id, cleared)
    assert ownerless.value.field == "field.owner"
    assert svc.get(lead, hazard.id).info.owner == hazard.owner
