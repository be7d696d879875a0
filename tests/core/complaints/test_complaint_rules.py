"""The complaint clocks and masking as pure rules, with an injected clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from branchguard.core.complaints import rules
from branchguard.core.complaints.types import ComplaintKind, ComplaintStatus, ComplaintStep
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.types import Actor, Role

ZONE = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 12, 4, 10, 0, tzinfo=ZONE)


def test_a_complaint_received_20_days_ago_is_overdue_and_one_of_14_is_not() -> None:
    old = NOW - timedelta(days=20)
    due = rules.due_at(ComplaintKind.COMPLAINT, old, 0, ZONE)
    assert due == datetime(2026, 11, 29, 23, 59, 59, tzinfo=ZONE)  # day 15 after 11-14
    assert rules.is_overdue(ComplaintStatus.INVESTIGATING, due, NOW)
    assert rules.days_left(ComplaintStatus.INVESTIGATING, due, NOW, ZONE) == -5
    recent = rules.due_at(ComplaintKind.COMPLAINT, NOW - timedelta(days=14), 0, ZONE)
    assert not rules.is_overdue(ComplaintStatus.ACCEPTED, recent, NOW)
    assert rules.days_left(ComplaintStatus.ACCEPTED, recent, NOW, ZONE) == 1


def test_extensions_make_it_day_30_then_day_60_with_an_approver_and_refuse_a_third() -> None:
    received = NOW - timedelta(days=20)
    assert rules.check_extension(0, "需调取三个月流水", "") == 1
    assert rules.due_at(ComplaintKind.COMPLAINT, received, 1, ZONE) == datetime(
        2026, 12, 14, 23, 59, 59, tzinfo=ZONE
    )
    with pytest.raises(ValidationError) as no_approver:
        rules.check_extension(1, "涉及总行系统", "")
    assert no_approver.value.field == "field.approver"
    assert rules.check_extension(1, "涉及总行系统", "分行王行长") == 2
    assert (
        rules.due_at(ComplaintKind.COMPLAINT, received, 2, ZONE).date()
        == (received + timedelta(days=60)).date()
    )
    with pytest.raises(ValidationError) as third:
        rules.check_extension(2, "还要更久", "分行王行长")
    assert third.value.field == "field.extension"
    with pytest.raises(ValidationError) as no_reason:
        rules.check_extension(0, "  ", "")
    assert no_reason.value.field == "field.reason"


def test_only_complaints_run_the_clock_and_a_reply_or_withdrawal_stops_it() -> None:
    received = NOW - timedelta(days=20)
    assert rules.due_at(ComplaintKind.GRUMBLE, received, 0, ZONE) is None
    assert rules.due_at(ComplaintKind.OBJECTION, received, 0, ZONE) is None
    due = rules.due_at(ComplaintKind.COMPLAINT, received, 0, ZONE)
    for stopped in (ComplaintStatus.REPLIED, ComplaintStatus.WITHDRAWN, ComplaintStatus.ARCHIVED):
        assert not rules.is_overdue(stopped, due, NOW)
        assert rules.days_left(stopped, due, NOW, ZONE) is None
    assert rules.on_time(due, received + timedelta(days=3))
    assert rules.on_time(due, NOW) is False
    assert rules.on_time(due, None) is None


def test_the_last_second_of_the_due_day_still_counts() -> None:
    due = rules.due_at(ComplaintKind.COMPLAINT, datetime(2026, 11, 1, 9, 0, tzinfo=ZONE), 0, ZONE)
    assert due is not None
    assert not rules.is_overdue(ComplaintStatus.ACCEPTED, due, due)
    assert rules.is_overdue(ComplaintStatus.ACCEPTED, due, due + timedelta(seconds=1))
    # received at 00:30 Shanghai (16:30 UTC the day before) counts from the Shanghai day
    early = datetime(2026, 11, 1, 16, 30, tzinfo=UTC)
    assert (
        rules.due_at(ComplaintKind.COMPLAINT, early, 0, ZONE).astimezone(ZONE).date().isoformat()
        == "2026-11-17"
    )


def test_the_handler_cannot_be_the_person_complained_about() -> None:
    with pytest.raises(ValidationError) as err:
        rules.check_handler(" 王柜员 ", "王柜员")
    assert err.value.field == "field.handler"
    rules.check_handler("李主管", "王柜员")
    rules.check_handler("李主管", "")  # nobody named: anyone may handle it


def test_at_most_five_representatives() -> None:
    assert rules.check_representatives(["甲", "乙", "甲", " "]) == ("甲", "乙")
    assert len(rules.check_representatives(["1", "2", "3", "4", "5"])) == 5
    with pytest.raises(ValidationError) as err:
        rules.check_representatives(["1", "2", "3", "4", "5", "6"])
    assert err.value.field == "field.representatives"


def test_masking_keeps_only_what_identifies_nobody() -> None:
    assert rules.mask_name("张三丰") == "张**"
    assert rules.mask_name("李") == "*"
    assert rules.mask_phone("13800138000") == "138****8000"
    assert rules.mask_phone("010-12345678") == "010*****5678"
    assert rules.mask_id_number("110101199003071234") == "110***********1234"
    assert rules.mask_phone("") == rules.mask_id_number("") == rules.mask_name("") == ""


def test_steps_follow_the_order_and_the_role_table() -> None:
    lead, staff, auditor = (Actor(None, r.value, r) for r in (Role.LEAD, Role.STAFF, Role.AUDITOR))
    assert rules.open_steps(ComplaintStatus.ACCEPTED) == {ComplaintStep.INVESTIGATE}
    assert rules.open_steps(ComplaintStatus.INVESTIGATING) == {
        ComplaintStep.INVESTIGATE,
        ComplaintStep.DECIDE,
    }
    assert rules.available_steps(ComplaintStatus.INVESTIGATING, staff) == {ComplaintStep.INVESTIGATE}
    assert rules.available_steps(ComplaintStatus.REPLIED, lead) == {ComplaintStep.ARCHIVE}
    assert rules.available_steps(ComplaintStatus.REPLIED, staff) == frozenset()
    assert rules.available_steps(ComplaintStatus.DECIDED, auditor) == frozenset()
    assert rules.open_steps(ComplaintStatus.WITHDRAWN) == frozenset()


def test_an_extension_is_decided_before_the_deadline_it_extends() -> None:
    """Extended after its day 15, a late complaint read as on time: its lateness gone from the
    register, the dashboard and the period's on-time rate."""
    due = rules.due_at(ComplaintKind.COMPLAINT, NOW - timedelta(days=14), 0, ZONE)
    rules.check_extension_in_time(due, NOW, ZONE)  # due tomorrow
    rules.check_extension_in_time(None, NOW, ZONE)  # no clock: the service says so
    late = rules.due_at(ComplaintKind.COMPLAINT, NOW - timedelta(days=20), 0, ZONE)
    with pytest.raises(ValidationError) as refused:
        rules.check_extension_in_time(late, NOW, ZONE)
    assert refused.value.field == "field.extension_decided" and "2026-11-29" in str(refused.value)
    rules.check_extension_in_time(late, NOW - timedelta(days=7), ZONE)  # decided in time, entered now


def test_an_extension_is_decided_after_receipt_and_the_one_before_and_not_ahead_of_the_clock() -> None:
    received = NOW - timedelta(days=20)
    week_ago = NOW - timedelta(days=7)
    assert rules.check_extension_decided(week_ago, NOW, received, None, ZONE) == week_ago
    assert rules.check_extension_decided(NOW + timedelta(minutes=4), NOW, received, week_ago, ZONE)
    refusals = {
        "晚于当前时间": (NOW + timedelta(hours=1), None),
        "早于投诉受理时间（2026-11-14 10:00）": (received - timedelta(hours=1), None),
        "早于上一次延期的决定时间（2026-11-27 10:00）": (week_ago - timedelta(days=1), week_ago),
    }
    for words, (decided, previous) in refusals.items():
        with pytest.raises(ValidationError) as refused:
            rules.check_extension_decided(decided, NOW, received, previous, ZONE)
        assert refused.value.field == "field.extension_decided" and words in str(refused.value), words
    recorded = datetime(2026, 12, 4, 2, 0, tzinfo=UTC)
    assert rules.decided_at({}, recorded) == recorded  # recorded before the time was asked
    assert rules.decided_at({"decided_at": week_ago.isoformat()}, recorded) == week_ago
