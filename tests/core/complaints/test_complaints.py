"""Complaints on SQLite and PostgreSQL: registering, the five steps in order with who and when,
the clock with its extensions (injected now), withdrawal, the handler-is-subject refusal, masking,
reminders fired once each across a restart, permissions and nothing half-written."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from branchguard.core.complaints.service import ComplaintService
from branchguard.core.complaints.types import (
    ComplaintCause,
    ComplaintFilter,
    ComplaintInput,
    ComplaintKind,
    ComplaintStatus,
    ComplaintStep,
    Satisfaction,
    StepInput,
)
from branchguard.core.incidents.types import ActionFilter, FollowUpInput
from branchguard.core.kernel.attachments import sha256_of
from branchguard.core.kernel.errors import BranchGuardError, PermissionDenied, ValidationError
from branchguard.core.schedules.service import ScheduleService
from branchguard.core.schedules.types import ReminderKind, ScheduleKind
from branchguard.db.base import utcnow

ZONE = "Asia/Shanghai"


def _service(ctx) -> ComplaintService:
    return ComplaintService(ctx.sessions, ctx.services.files, ctx.services.schedules, zone=ZONE)


def _register(svc, actor, *, days_ago: float = 1, **kw):
    data = ComplaintInput(
        channel=kw.pop("channel", "counter"),
        received_at=kw.pop("received_at", utcnow() - timedelta(days=days_ago)),
        customer_name=kw.pop("customer_name", "张三丰"),
        customer_phone=kw.pop("customer_phone", "13800138000"),
        customer_id_number=kw.pop("customer_id_number", "110101199003071234"),
        category=kw.pop("category", "attitude"),
        request=kw.pop("request", "柜员态度生硬，要求道歉"),
        subject_person=kw.pop("subject_person", "王柜员"),
        **kw,
    )
    return svc.register(actor, data)


def test_a_complaint_received_20_days_ago_is_overdue_one_of_10_is_extended_to_day_30_and_60(
    ctx, lead, staff
) -> None:
    svc = _service(ctx)
    late = _register(svc, staff, days_ago=20).info
    assert late.status == ComplaintStatus.ACCEPTED and late.overdue
    assert late.days_left is not None and late.days_left < 0
    late_day = late.received_at.astimezone(ZoneInfo(ZONE)).date()
    assert late.due_date == late_day + timedelta(days=15)
    assert [i.id for i in svc.list(staff, ComplaintFilter(overdue_only=True))] == [late.id]
    with pytest.raises(ValidationError) as too_late:  # extended now, it read as answerable on time
        svc.extend(lead, late.id, "需调取录像并核对流水")
    assert late.due_date is not None and late.due_date.isoformat() in str(too_late.value)
    assert too_late.value.field == "field.extension_decided"
    assert svc.get(lead, late.id).info.overdue

    c = _register(svc, staff, days_ago=10).info
    received_day = c.received_at.astimezone(ZoneInfo(ZONE)).date()
    with pytest.raises(PermissionDenied):
        svc.extend(staff, c.id, "需调取录像")
    first = svc.extend(lead, c.id, "需调取录像并核对流水").info
    assert first.due_date == received_day + timedelta(days=30) and not first.overdue and first.extensions == 1
    [ext] = [e for e in svc.get(lead, c.id).events if e.kind.value == "extended"]
    assert ext.details["notice_channel"] == "counter" and ext.details["due_after"] in ext.details["notice"]
    assert datetime.fromisoformat(ext.details["decided_at"]) == ext.at  # decided when entered

    with pytest.raises(ValidationError) as no_approver:
        svc.extend(lead, c.id, "涉及总行系统")
    assert no_approver.value.field == "field.approver"
    second = svc.extend(lead, c.id, "涉及总行系统", approver="分行王行长").info
    assert second.due_date == received_day + timedelta(days=60) and second.extensions == 2
    with pytest.raises(ValidationError) as third:
        svc.extend(lead, c.id, "还要更久", approver="分行王行长")
    assert third.value.field == "field.extension"
    assert svc.get(lead, c.id).info.extensions == 2

    # the schedule follows the date: one active COMPLAINT schedule each, at the new due instant
    active = [s for s in ctx.services.schedules.list(lead) if s.kind is ScheduleKind.COMPLAINT and s.active]
    assert sorted(s.id for s in active) == sorted([late.schedule_id, second.schedule_id])


def test_an_extension_decided_on_paper_in_time_is_entered_days_later(ctx, lead, staff) -> None:
    """Extended on paper on its day 13 and entered on day 20: it was refused as past the deadline
    (entered after it), and the complaint stayed overdue."""
    svc = _service(ctx)
    c = _register(svc, staff, days_ago=20).info
    received_day = c.received_at.astimezone(ZoneInfo(ZONE)).date()
    assert c.overdue and c.due_date == received_day + timedelta(days=15)
    decided = utcnow() - timedelta(days=7)
    extended = svc.extend(lead, c.id, "需调取录像并核对流水", decided_at=decided).info
    assert extended.due_date == received_day + timedelta(days=30) and extended.extensions == 1
    assert not extended.overdue and not svc.list(staff, ComplaintFilter(overdue_only=True))
    [ext] = [e for e in svc.get(lead, c.id).events if e.kind.value == "extended"]
    assert datetime.fromisoformat(ext.details["decided_at"]) == decided
    assert ext.at - decided > timedelta(days=6)  # entered now, beside when it was decided

    with pytest.raises(ValidationError) as before_it:  # the second one comes after the first
        svc.extend(lead, c.id, "涉及总行系统", approver="分行王行长", decided_at=decided - timedelta(days=1))
    assert before_it.value.field == "field.extension_decided"
    naive = (decided + timedelta(days=1)).astimezone(ZoneInfo(ZONE)).replace(tzinfo=None)
    second = svc.extend(lead, c.id, "涉及总行系统", approver="分行王行长", decided_at=naive).info
    assert second.due_date == received_day + timedelta(days=60)
    last = [e for e in svc.get(lead, c.id).events if e.kind.value == "extended"][-1]
    assert datetime.fromisoformat(last.details["decided_at"]) == decided + timedelta(days=1)


def test_an_extension_decided_after_the_deadline_in_the_future_or_before_receipt_is_refused(
    ctx, lead, staff
) -> None:
    svc = _service(ctx)
    c = _register(svc, staff, days_ago=20).info
    assert c.due_at is not None and c.due_date is not None
    refused = {
        c.due_date.isoformat(): c.due_at + timedelta(hours=1),  # the deadline is named
        "晚于当前时间": utcnow() + timedelta(days=1),  # in the future
        "早于投诉受理时间": c.received_at - timedelta(hours=1),
    }
    for words, decided in refused.items():
        with pytest.raises(ValidationError) as err:
            svc.extend(lead, c.id, "需调取录像", decided_at=decided)
        assert err.value.field == "field.extension_decided" and words in str(err.value), words
    after = svc.get(lead, c.id).info
    assert after.overdue and after.extensions == 0 and after.due_date == c.due_date
    assert not [e for e in svc.get(lead, c.id).events if e.kind.value == "extended"]


def test_withdrawal_stops_the_clock_on_the_day_it_is_received(ctx, staff) -> None:
    svc = _service(ctx)
    c = _register(svc, staff, days_ago=20).info
    told = c.received_at + timedelta(days=10)
    w = svc.withdraw(staff, c.id, received_at=told).info
    assert w.status == ComplaintStatus.WITHDRAWN and w.clock_stopped_at == told
    assert not w.overdue and w.days_left is None and w.on_time is True
    assert svc.list(staff, ComplaintFilter(overdue_only=True)) == []
    with pytest.raises(ValidationError) as again:
        svc.withdraw(staff, c.id)
    assert again.value.field == "field.complaint_status"
    assert not [
        s for s in ctx.services.schedules.list(staff) if s.kind is ScheduleKind.COMPLAINT and s.active
    ]


def test_grumbles_and_objections_run_no_clock(ctx, lead, staff) -> None:
    svc = _service(ctx)
    g = _register(svc, staff, days_ago=40, kind=ComplaintKind.GRUMBLE).info
    assert g.due_at is None and not g.overdue and g.schedule_id is None
    with pytest.raises(ValidationError) as err:
        svc.extend(lead, g.id, "无")
    assert err.value.field == "field.extension"


def test_a_step_refused_leaves_no_file_of_it_in_the_store(ctx, lead, staff, tmp_path: Path) -> None:
    """Its first file was copied into the attachment store and stayed there, named by no record,
    when the second was missing or the step was refused: it went into every backup after."""
    svc = _service(ctx)
    c = _register(svc, staff).info
    store = ctx.data_dir / "attachments"
    before = sorted(store.rglob("*")) if store.exists() else []
    memo = tmp_path / "memo.txt"
    memo.write_bytes(b"an investigation memo written for this test only")
    with pytest.raises(ValidationError):  # the second file is not there
        svc.step(staff, c.id, StepInput("investigate", "调阅录像"), [memo, tmp_path / "missing.jpg"])
    decide = StepInput(ComplaintStep.DECIDE, "先处理", basis="服务规范")
    with pytest.raises(ValidationError):  # not a step this status allows
        svc.step(lead, c.id, decide, [memo])
    with pytest.raises(ValidationError):
        svc.step_bytes(lead, c.id, decide, [("m.txt", b"x1")])
    after = sorted(store.rglob("*")) if store.exists() else []
    assert [p for p in after if p.is_file()] == [p for p in before if p.is_file()]
    done = svc.step(staff, c.id, StepInput("investigate", "调阅录像"), [memo])  # and taken when it is
    assert (store / done.evidence[0].sha256[:2] / done.evidence[0].sha256).is_file()


def test_the_five_steps_in_order_with_who_when_and_evidence_hashes(ctx, lead, staff, tmp_path: Path) -> None:
    svc = _service(ctx)
    c = _register(svc, staff, acknowledgement="已当面致歉并告知 15 日内答复").info
    with pytest.raises(ValidationError) as early:
        svc.step(lead, c.id, StepInput(ComplaintStep.DECIDE, "先处理", basis="服务规范"))
    assert early.value.field == "field.complaint_status"
    still = tmp_path / "cctv.jpg"
    still.write_bytes(b"\xff\xd8 cctv still")
    inv = svc.step(staff, c.id, StepInput("investigate", "调阅录像，柜员语气生硬属实"), [still])
    assert inv.info.status == ComplaintStatus.INVESTIGATING
    assert inv.evidence[0].sha256 == sha256_of(still.read_bytes())
    with pytest.raises(PermissionDenied):
        svc.step(staff, c.id, StepInput("decide", "批评教育", basis="服务规范第 3 条"))
    with pytest.raises(ValidationError) as no_basis:
        svc.step(lead, c.id, StepInput("decide", "批评教育"))
    assert no_basis.value.field == "field.decision_basis"
    svc.step(lead, c.id, StepInput("decide", "对柜员批评教育，向客户致歉", basis="《网点服务规范》礼仪条款"))
    with pytest.raises(ValidationError) as no_remedy:
        svc.step(staff, c.id, StepInput("reply", "电话答复", remedies=()))
    assert no_remedy.value.field == "field.remedies"
    replied = svc.step(
        staff,
        c.id,
        StepInput("reply", "电话答复客户", satisfaction=Satisfaction.SATISFIED, reply_channel="phone"),
    ).info
    assert replied.status == ComplaintStatus.REPLIED and replied.on_time and replied.days_left is None
    with pytest.raises(ValidationError) as no_cause:
        svc.step(lead, c.id, StepInput("archive", "归档"))
    assert no_cause.value.field == "field.complaint_cause"
    done = svc.step(
        lead,
        c.id,
        StepInput(
            "archive", "归档", cause=ComplaintCause.EXPERIENCE, root_cause="高峰期情绪", follow_up="礼仪培训"
        ),
    )
    assert done.info.status == ComplaintStatus.ARCHIVED and done.info.cause == ComplaintCause.EXPERIENCE
    assert [s.step for s in done.steps] == list(ComplaintStep)
    assert [s.by for s in done.steps] == ["staff", "staff", "lead", "staff", "lead"]
    assert done.steps[3].details["remedies"] == "review,mediation,arbitration,litigation"
    assert done.steps[3].details["reply_channel"] == "phone"
    actions = [
        e.action
        for e in ctx.services.audit.list(lead)
        if e.entity == "complaint" and e.entity_id == str(c.id)
    ]
    assert {"complaint.register", "complaint.investigate", "complaint.decide", "complaint.reply",
            "complaint.archive"} <= set(actions)  # fmt: skip


def test_the_handler_cannot_be_the_person_complained_about(ctx, lead, staff, snapshot) -> None:
    svc = _service(ctx)
    c = _register(svc, staff, subject_person="王柜员").info
    before = snapshot()
    with pytest.raises(ValidationError) as err:
        svc.assign(lead, c.id, "王柜员")
    assert err.value.field == "field.handler"
    assert snapshot() == before  # nothing half-written
    assert svc.assign(lead, c.id, "李主管").info.handler == "李主管"
    with pytest.raises(PermissionDenied):
        svc.assign(staff, c.id, "赵主任")


def test_identifiers_are_masked_unless_the_lead_asks(ctx, lead, staff, auditor) -> None:
    svc = _service(ctx)
    c = _register(svc, staff, representatives=("刘一", "陈二")).info
    assert (c.customer_name, c.customer_phone, c.customer_id_number) == (
        "张**",
        "138****8000",
        "110***********1234",
    )
    assert c.representatives == ("刘*", "陈*") and c.masked
    [listed] = svc.list(auditor)
    assert listed.customer_phone == "138****8000"
    with pytest.raises(PermissionDenied):
        svc.list(staff, unmask=True)
    full = svc.get(lead, c.id, unmask=True).info
    assert (full.customer_name, full.customer_phone, full.customer_id_number) == (
        "张三丰", "13800138000", "110101199003071234"
    )  # fmt: skip
    assert any(e.action == "complaint.unmask" for e in ctx.services.audit.list(lead))


def test_bad_input_names_the_field_and_writes_nothing(ctx, staff, snapshot) -> None:
    svc = _service(ctx)
    svc.categories(staff)  # seeded before the snapshot
    before = snapshot()
    cases = {
        "field.representatives": {"representatives": tuple("一二三四五六")},
        "field.complaint_category": {"category": "nope"},
        "field.customer_phone": {"customer_phone": "12"},
        "field.complaint_channel": {"channel": "fax"},
        "field.received_at": {"received_at": utcnow() + timedelta(days=1)},
        "field.incident": {"incident_id": 999},
        "field.id_number": {"customer_id_number": "12#"},
    }
    for field, kw in cases.items():
        with pytest.raises(ValidationError) as err:
            _register(svc, staff, **kw)
        assert err.value.field == field
    assert snapshot() == before


def test_a_receipt_before_last_year_is_refused_and_last_years_may_be_entered_late(
    ctx, staff, snapshot
) -> None:
    """1990 registered TS-1990-…, overdue by 36 years. A receipt from 1 January of last year (China)
    on is entered: last year's paper register brought in for the annual report."""
    svc = _service(ctx)
    now = datetime(2026, 12, 7, 4, 0, tzinfo=ZoneInfo(ZONE))
    svc.categories(staff)
    before = snapshot()
    for typo in (datetime(1990, 12, 1, 9, 30), datetime(2024, 12, 31, 23, 59, tzinfo=ZoneInfo(ZONE))):
        data = ComplaintInput(channel="counter", received_at=typo, customer_name="张三丰", category="fees",
                              request="退费")  # fmt: skip
        with pytest.raises(ValidationError) as refused:
            svc.register(staff, data, now=now)
        assert refused.value.field == "field.received_at"
        assert refused.value.reason_message.key == "complaint.received_too_early"
        assert "2025-01-01" in str(refused.value)
    assert snapshot() == before
    late = ComplaintInput(channel="letter", received_at=datetime(2025, 1, 1, 0, 5, tzinfo=ZoneInfo(ZONE)),
                          customer_name="张三丰", category="fees", request="退费")  # fmt: skip
    assert svc.register(staff, late, now=now).info.number.startswith("TS-2025-")


def test_categories_are_data_with_both_names(ctx, auditor) -> None:
    cats = _service(ctx).categories(auditor)
    codes = [c.code for c in cats]
    assert {"attitude", "fees", "wealth", "self_service", "cards"} <= set(codes)
    assert all(c.name_zh and c.name_en for c in cats)
    assert len(set(codes)) == len(codes)


def test_reminders_fire_once_each_and_survive_a_restart(ctx, lead, staff) -> None:
    svc = _service(ctx)
    c = svc.assign(lead, _register(svc, staff, days_ago=0.01).info.id, "李主管").info
    assert c.due_at is not None
    ahead = c.due_at - timedelta(days=2)
    schedules = ctx.services.schedules
    schedules.catch_up(lead, ahead)
    fired = [r for r in schedules.announce(lead, ahead) if r.schedule_id == c.schedule_id]
    assert [r.kind for r in fired] == [ReminderKind.AHEAD]
    assert schedules.announce(lead, ahead + timedelta(minutes=1)) == []
    restarted = ScheduleService(ctx.sessions)  # a new process over the same database
    restarted.catch_up(lead, ahead + timedelta(hours=1))
    assert restarted.announce(lead, ahead + timedelta(hours=1)) == []
    late = c.due_at + timedelta(minutes=1)
    restarted.catch_up(lead, late)
    [over] = [r for r in restarted.announce(lead, late) if r.schedule_id == c.schedule_id]
    assert over.kind is ReminderKind.OVERDUE
    assert restarted.announce(lead, late + timedelta(minutes=5)) == []
    # the reply ends the schedule: its open occurrence is marked done
    svc.step(lead, c.id, StepInput("investigate", "核实"))
    svc.step(lead, c.id, StepInput("decide", "致歉", basis="服务规范"))
    svc.step(lead, c.id, StepInput("reply", "已答复"))
    assert [r for r in restarted.reminders(lead, late) if r.schedule_id == c.schedule_id] == []


def test_auditors_read_but_never_act(ctx, auditor, staff) -> None:
    svc = _service(ctx)
    c = _register(svc, staff).info
    assert svc.get(auditor, c.id).info.id == c.id
    with pytest.raises(PermissionDenied):
        _register(svc, auditor)
    with pytest.raises(PermissionDenied):
        svc.step(auditor, c.id, StepInput("investigate", "看看"))
    with pytest.raises(PermissionDenied):
        svc.withdraw(auditor, c.id)


def test_an_archive_follow_up_can_open_a_hazard_in_the_same_transaction(ctx, lead, staff) -> None:
    svc = ctx.services.complaints
    c = _register(svc, staff).info
    svc.assign(lead, c.id, "李主管")
    svc.step(lead, c.id, StepInput("investigate", "核实"))
    svc.step(lead, c.id, StepInput("decide", "致歉", basis="服务规范"))
    svc.step(lead, c.id, StepInput("reply", "已答复"))
    with pytest.raises(ValidationError) as no_text:
        svc.step(lead, c.id, StepInput("archive", "归档", cause=ComplaintCause.LOSS, open_hazard=True))
    assert no_text.value.field == "field.complaint_follow_up"
    assert svc.get(lead, c.id).info.status == ComplaintStatus.REPLIED  # nothing half-written
    done = svc.step(
        lead,
        c.id,
        StepInput("archive", "归档", cause=ComplaintCause.LOSS, follow_up="叫号机故障报修", open_hazard=True),
    )
    hazard_id = int(done.steps[-1].details["hazard_id"])
    hazard = ctx.services.hazards.get(lead, hazard_id).info
    assert hazard.owner == "李主管" and "叫号机故障报修" in hazard.description and c.number in hazard.title


def _replied(svc, lead, staff):
    c = _register(svc, staff).info
    svc.assign(lead, c.id, "李主管")
    svc.step(lead, c.id, StepInput("investigate", "核实"))
    svc.step(lead, c.id, StepInput("decide", "致歉", basis="服务规范"))
    svc.step(lead, c.id, StepInput("reply", "已答复"))
    return c


def test_archive_actions_go_to_the_action_list_linked_to_the_complaint(ctx, lead, staff, snapshot) -> None:
    svc = ctx.services.complaints
    c = _replied(svc, lead, staff)
    due = (utcnow() + timedelta(days=10)).date()
    before = snapshot()
    with pytest.raises(ValidationError) as no_owner:
        svc.step(
            lead,
            c.id,
            StepInput(
                "archive",
                "归档",
                cause=ComplaintCause.EXPERIENCE,
                actions=(FollowUpInput("礼仪培训", "张行长", due), FollowUpInput("叫号机报修", " ")),
            ),
        )
    assert no_owner.value.field == "field.follow_up"  # the second action, named by its number
    assert "2" in str(no_owner.value)
    assert snapshot() == before  # nothing half-written: neither action, nor the archive

    done = svc.step(
        lead,
        c.id,
        StepInput(
            "archive",
            "归档",
            cause=ComplaintCause.EXPERIENCE,
            actions=(FollowUpInput("礼仪培训", "张行长", due), FollowUpInput("高峰期加开窗口", "李主管")),
            hazards=("叫号机经常卡纸",),
        ),
    )
    assert done.info.status == ComplaintStatus.ARCHIVED
    assert [(a.text, a.owner, a.due, a.complaint_id, a.incident_id) for a in done.actions] == [
        ("礼仪培训", "张行长", due, c.id, None),
        ("高峰期加开窗口", "李主管", None, c.id, None),
    ]
    listed = {item.action.id: item for item in ctx.services.incidents.list_actions(lead)}
    for action in done.actions:
        assert listed[action.id].complaint_number == c.number
        assert not listed[action.id].drill
    # the dated one reminds its owner like any corrective action
    reminders = ctx.services.schedules.list(lead)
    dated = done.actions[0].id
    assert any(r.kind == ScheduleKind.ACTION and r.subject_id == dated for r in reminders)
    assert not any(r.kind == ScheduleKind.ACTION and r.subject_id == done.actions[1].id for r in reminders)
    # the hazard is open, owned by the handler, naming the complaint
    [(hazard_id, text)] = done.hazards
    assert text == "叫号机经常卡纸"
    hazard = ctx.services.hazards.get(lead, hazard_id).info
    assert hazard.owner == "李主管" and c.number in hazard.title and "叫号机经常卡纸" in hazard.description
    # marking it done on the action list shows on the complaint
    ctx.services.incidents.complete_action(lead, dated)
    again = svc.get(lead, c.id)
    assert again.actions[0].done_at is not None and again.actions[1].done_at is None
    [audit] = [e for e in ctx.services.audit.list(lead) if e.action == "complaint.archive"]
    assert str(dated) in str(audit.after) and str(hazard_id) in str(audit.after)


def test_overdue_complaint_actions_count_on_the_dashboard_and_in_the_list(ctx, lead, staff) -> None:
    svc = ctx.services.complaints
    c = _replied(svc, lead, staff)
    late = (utcnow() - timedelta(days=3)).date()
    svc.step(
        lead,
        c.id,
        StepInput("archive", "归档", cause=ComplaintCause.LOSS, actions=(FollowUpInput("补偿", "张", late),)),
    )
    overdue = ctx.services.incidents.list_actions(lead, ActionFilter(overdue_only=True))
    assert [(i.action.text, i.complaint_number) for i in overdue] == [("补偿", c.number)]


def test_each_event_is_stamped_with_the_time_of_its_change(ctx, lead, staff) -> None:
    """A change given its time (a backdated entry, the demo's history) records its event then, the
    same instant as its step: not when the service happened to run."""
    svc = _service(ctx)
    received = utcnow() - timedelta(days=10)
    c = svc.register(
        staff,
        ComplaintInput(
            channel="counter", received_at=received, customer_name="张三丰", category="fees", request="退费"
        ),
        now=received,
    ).info
    times = {"assigned": received + timedelta(hours=1), "step": received + timedelta(days=2)}
    svc.assign(lead, c.id, "李晓梅", now=times["assigned"])
    detail = svc.step(staff, c.id, StepInput("investigate", "核实扣费记录"), now=times["step"])
    assert {e.kind.value: e.at for e in detail.events} == {"registered": received, **times}
    [investigated] = [s for s in detail.steps if s.step == ComplaintStep.INVESTIGATE]
    assert investigated.at == times["step"]


def name_searches(ctx, lead) -> list:
    return [e for e in ctx.services.audit.list(lead) if e.action == "complaint.search_name"]


def test_a_leads_search_by_a_customers_full_name_is_in_the_audit_trail(ctx, lead, staff) -> None:
    """Results are masked, yet a lead's search by a full name confirms that the person complained:
    audited as an unmask is (the complaints found so, their count, the name as the register shows
    it), not the name in full; a search by number, date, words or a surname alone (which the masked
    name shows), or by a staff member (who searches the masked names), is not."""
    svc = _service(ctx)
    first = _register(svc, staff).info
    other = _register(svc, staff, customer_name="李四", facts="排队等了一小时").info

    for text in (other.number, str(other.id), str(date.today().year), "排队", "王柜员", "张"):
        assert svc.list(lead, ComplaintFilter(text=text))  # each finds complaints, none by a name in full
    assert svc.list(lead, ComplaintFilter(text="张*")) == []  # no name in full holds a star
    assert svc.list(staff, ComplaintFilter(text="张三丰")) == []  # the staff search the masked names
    assert svc.list(staff, ComplaintFilter(text="赵六")) == []
    assert name_searches(ctx, lead) == []

    [found] = svc.list(lead, ComplaintFilter(text="张三丰"))
    assert found.id == first.id and found.customer_name == "张**"  # shown masked all the same
    [event] = name_searches(ctx, lead)
    assert (event.actor, event.entity, event.entity_id) == ("lead", "complaint", str(first.id))
    assert event.after == {"count": 1, "search": "张**"}
    assert "张三丰" not in event.summary  # the trail does not keep the name searched in full
    svc.list(lead, ComplaintFilter(text="三丰"))  # part of the name, past what the mask shows
    assert len(name_searches(ctx, lead)) == 2


def test_a_leads_search_for_a_full_name_that_finds_nobody_is_in_the_audit_trail(ctx, lead, staff) -> None:
    """That 赵六 never complained is learnt by the search as much as that 张三丰 did: the lookup is
    the event. Recorded with no complaint and the name as masked; a search finding nothing that no
    name could match (a number) is not."""
    svc = _service(ctx)
    _register(svc, staff)
    assert svc.list(lead, ComplaintFilter(text="赵六")) == []
    assert svc.list(lead, ComplaintFilter(text="TS-1999-0001")) == []
    assert svc.list(lead, ComplaintFilter(text="9")) == []
    [event] = name_searches(ctx, lead)
    assert (event.actor, event.entity_id, event.after) == ("lead", "", {"count": 0, "search": "赵*"})


def test_a_search_listed_again_is_recorded_once(ctx, lead, staff) -> None:
    """The window lists its filter again at every refresh: one record per search made, not per reload
    (`again`); the same name searched anew is a new record."""
    svc = _service(ctx)
    _register(svc, staff)
    for again in (False, True, True):
        assert len(svc.list(lead, ComplaintFilter(text="张三丰"), again=again)) == 1
        assert svc.list(lead, ComplaintFilter(text="赵六"), again=again) == []
    assert [e.after["search"] for e in name_searches(ctx, lead)] == ["赵*", "张**"]  # newest first
    svc.list(lead, ComplaintFilter(text="张三丰"))
    assert len(name_searches(ctx, lead)) == 3


def test_on_data_opened_read_only_a_lookup_that_cannot_be_recorded_shows_nothing(ctx, lead, staff) -> None:
    """Unmasking and a search by a full name leave a record; where none can be written (data opened
    read-only) they are refused, saying why, not "this change was NOT saved" as if the lead had
    changed something; a search by number or words lists as before, and nothing is recorded."""
    first = _register(_service(ctx), staff).info
    services = ctx.services
    svc = ComplaintService(ctx.sessions, services.files, services.schedules, zone=ZONE, read_only=True)
    for text in ("张三丰", "赵六"):
        for again in (False, True):
            with pytest.raises(BranchGuardError) as refused:
                svc.list(lead, ComplaintFilter(text=text), again=again)
            assert "audit trail" in refused.value.text("en") and "审计记录" in refused.value.text("zh_CN")
            assert "read-only" in refused.value.text("en") and "NOT saved" not in refused.value.text("en")
    for unmasked in (lambda: svc.get(lead, first.id, unmask=True), lambda: svc.list(lead, unmask=True)):
        with pytest.raises(BranchGuardError) as refused:
            unmasked()
        assert refused.value.text("en").startswith("Names, phone and identity numbers in full are shown only")
    with pytest.raises(PermissionDenied):  # a role that may not unmask hears that first
        svc.get(staff, first.id, unmask=True)
    assert [c.id for c in svc.list(lead, ComplaintFilter(text="王柜员"))] == [first.id]
    assert svc.get(lead, first.id).info.customer_name == "张**"
    audited = {e.action for e in ctx.services.audit.list(lead)}
    assert not audited & {"complaint.search_name", "complaint.unmask"}


def test_a_step_records_its_files_in_the_trail_only_when_it_added_some(ctx, lead, staff, tmp_path) -> None:
    """Every step without a file read "Files:  → 0" in the audit trail."""
    svc = _service(ctx)
    plain_one, with_file = _register(svc, staff).info, _register(svc, staff).info
    svc.step(staff, plain_one.id, StepInput("investigate", "调阅录像"))
    still = tmp_path / "cctv.jpg"
    still.write_bytes(b"\xff\xd8 cctv still")
    svc.step(staff, with_file.id, StepInput("investigate", "调阅录像"), [still])
    steps = {
        int(e.entity_id): e for e in ctx.services.audit.list(lead) if e.action == "complaint.investigate"
    }
    assert "files" not in steps[plain_one.id].after and "files" not in steps[plain_one.id].summary
    assert steps[with_file.id].after["files"] == "1"
