"""Drill service: plan (one-off and recurring), run as a drill incident, evaluate, permissions."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from branchguard.core.demo.drills import FIRE_SCORES  # weighted total 81.0
from branchguard.core.drills.types import DrillMode, DrillPlanInput, DrillScope, DrillStatus, EvaluationInput
from branchguard.core.incidents.types import CloseInput, FollowUpInput, StepState
from branchguard.core.kernel.errors import NotFound, PermissionDenied, ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.paging import Window
from branchguard.core.schedules.rules import local_zone_name
from branchguard.core.schedules.types import OccurrenceStatus, ReminderKind, ScheduleKind


def _tomorrow() -> datetime:
    return (datetime.now() + timedelta(days=1)).replace(hour=10, minute=0, second=0, microsecond=0)


def _end(ctx, lead, run) -> None:
    """End a drill that is running (close its incident): only then is it evaluated."""
    ctx.services.incidents.close(lead, run.incident_id, CloseInput(outcome="演练结束"))


def _plan(ctx, lead, **kw):
    data = DrillPlanInput(
        playbook_code=kw.pop("code", "FIRE"),
        date=kw.pop("date", _tomorrow()),
        participants={"疏散引导组": ("张三", "李四")},
        goals=("3 分钟内完成疏散",),
        expected_headcount=12,
        **kw,
    )
    return ctx.services.drills.plan(lead, data)


def test_plan_a_one_off_drill_owns_a_drill_schedule_and_picks_the_fire_criteria(ctx, lead) -> None:
    plan = _plan(ctx, lead, scope=DrillScope.COMPREHENSIVE, mode=DrillMode.TABLETOP, announced=False)
    assert plan.status == DrillStatus.PLANNED and plan.criteria_set == "FIRE" and not plan.recurring
    assert (plan.scope, plan.mode, plan.announced) == (DrillScope.COMPREHENSIVE, DrillMode.TABLETOP, False)
    assert plan.participants == {"疏散引导组": ("张三", "李四")} and plan.expected_headcount == 12
    sched = ctx.services.schedules.get(lead, plan.schedule_id)
    assert sched.kind == ScheduleKind.DRILL and sched.subject_id == plan.id and sched.rule == ""
    assert sched.next_due == plan.planned_at
    assert ctx.services.drills.list(lead) == [plan]
    lead_name = ctx.services.auth.user_by_name("lead").display_name
    assert lead_name and sched.owner == lead_name  # a person, as the calendar names owners, not a login


def test_a_recurring_plan_stays_planned_and_each_run_is_a_drill_of_its_own(ctx, lead, staff) -> None:
    drills = ctx.services.drills
    series = _plan(ctx, lead, code="ROB", rrule="semiannual")
    assert series.recurring and "MONTHLY" in series.rule and series.criteria_set == "ROBBERY"
    run = drills.run(staff, series.id)
    assert run.id != series.id and run.series_id == series.id and run.status == DrillStatus.RUNNING
    assert drills.get(lead, series.id).status == DrillStatus.PLANNED
    second = drills.run(staff, series.id)
    assert second.incident_id not in (None, run.incident_id)


def test_a_window_of_the_list_gives_each_plan_as_get_does(ctx, lead, staff) -> None:
    """The list's window reads the plans' columns rather than ORM rows (drills/store.PlanRow): every
    derived field comes out as `get` gives it: a series' next date and rule, a run whose incident
    ended, a cancelled plan, participants and goals."""
    drills = ctx.services.drills
    series = _plan(ctx, lead, code="ROB", rrule="semiannual")
    ended = drills.run(staff, _plan(ctx, lead).id)
    ctx.services.incidents.close(lead, ended.incident_id, CloseInput("演练结束"))
    running = drills.run(staff, series.id)
    cancelled = drills.cancel(lead, _plan(ctx, lead, code="ROB").id)
    window = drills.window(lead, None, Window())
    assert window.total == 4
    # the series first: run, it shows its next date, six months on
    assert window.rows == [drills.get(lead, p.id) for p in (series, cancelled, running, ended)]
    got = {p.id: p for p in window.rows}
    assert got[ended.id].ended and not got[running.id].ended
    assert got[series.id].rule and got[series.id].planned_at is not None
    assert got[series.id].participants == {"疏散引导组": ("张三", "李四")}


def test_run_starts_a_drill_incident_with_step_times_and_headcount(ctx, lead, staff) -> None:
    drills, incidents = ctx.services.drills, ctx.services.incidents
    plan = _plan(ctx, lead)
    run = drills.run(staff, plan.id)
    assert run.id == plan.id and run.status == DrillStatus.RUNNING and run.run_at is not None
    incident = incidents.get(lead, run.incident_id)
    assert incident.summary.drill and incident.summary.playbook_code == "FIRE"
    incidents.mark_step(staff, run.incident_id, 1)
    incidents.mark_step(staff, run.incident_id, 2, done=False, reason="演练不涉及")
    drills.record_headcount(staff, plan.id, 11)
    record = drills.record_of(lead, plan.id)
    assert record.headcount == (11, 12)
    first, second = record.steps[0], record.steps[1]
    assert first.actual_minutes is not None and first.actual_minutes < 1 and first.verdict == "on_time"
    assert second.actual_minutes is None and second.verdict == "skipped"
    assert all(s.verdict == "pending" for s in record.steps[2:])
    assert incidents.get(lead, run.incident_id).steps[0].state == StepState.DONE
    with pytest.raises(ValidationError, match="#"):
        drills.run(staff, plan.id)  # once only


def test_evaluate_weights_the_scores_and_files_the_actions(ctx, lead, staff) -> None:
    drills = ctx.services.drills
    plan = _plan(ctx, lead)
    _end(ctx, lead, drills.run(staff, plan.id))
    for bad, field in (  # checked as an incident's closing checks them (year 1 was once stored)
        (FollowUpInput("补" * 2001, "王五"), "field.follow_up"),
        (FollowUpInput("补充灭火器", "王五", date(1, 1, 1)), "field.due_date"),
    ):
        with pytest.raises(ValidationError) as refused:
            drills.evaluate(lead, plan.id, EvaluationInput(FIRE_SCORES, actions=(bad,)))
        assert refused.value.is_about(field), field
    run_day = drills.get(lead, plan.id).run_at.astimezone().date()
    early = FollowUpInput("补充灭火器", "王五", run_day - timedelta(days=1))  # due before the drill was run
    with pytest.raises(ValidationError) as refused:
        drills.evaluate(lead, plan.id, EvaluationInput(FIRE_SCORES, actions=(early,)))
    assert refused.value.is_about("field.follow_up", n=1)
    assert refused.value.reason == f"完成期限 {early.due} 早于演练实施日期（{run_day}）"
    action = FollowUpInput("补充灭火器", "王五", date.today() + timedelta(days=14))
    ev = drills.evaluate(
        lead,
        plan.id,
        EvaluationInput(FIRE_SCORES, problems="金库未锁", lessons="分工要明确", actions=(action,)),
    )
    # 15 + 10 + 5 + 16 + 10 + 0 + 15 + 10
    assert ev.score == 81.0 and ev.evaluator == "lead" and len(ev.criteria) == 8
    assert sum(c.weight for c in ev.criteria) == 100
    record = drills.record_of(lead, plan.id)
    assert record.plan.status == DrillStatus.EVALUATED and record.plan.score == 81.0
    assert record.evaluation == ev and [a.owner for a in record.actions] == ["王五"]
    # the actions are the run incident's follow-up actions: the handover lists the open one
    assert any(a.text == "补充灭火器" for a in ctx.services.incidents.handover(lead).actions)
    with pytest.raises(ValidationError):
        drills.evaluate(lead, plan.id, EvaluationInput(FIRE_SCORES))


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"alarm": 101}, "alarm"),
        ({"teams": -1}, "teams"),
        ({"teams": "good"}, "teams"),
        ({"panic_button": 50}, "panic_button"),
        ({"cash_vault": None}, "cash_vault"),
    ],
)
def test_a_bad_score_is_refused_naming_the_criterion_and_nothing_is_written(
    ctx, lead, staff, snapshot, change, named
) -> None:
    drills = ctx.services.drills
    plan = _plan(ctx, lead)
    _end(ctx, lead, drills.run(staff, plan.id))
    scores = {**FIRE_SCORES, **change}
    if change.get(named, 0) is None:
        del scores[named]
    before = snapshot()
    with pytest.raises(ValidationError, match=named):
        drills.evaluate(lead, plan.id, EvaluationInput(scores))
    assert snapshot() == before
    assert drills.get(lead, plan.id).status == DrillStatus.RUNNING


def test_unknown_plan_bad_rule_and_bad_headcount_write_nothing(ctx, lead, snapshot) -> None:
    drills = ctx.services.drills
    assert len(drills.criteria_sets(lead)) == 5  # the built-in data is written on first use
    before = snapshot()
    with pytest.raises(NotFound, match="NOPE"):
        _plan(ctx, lead, code="NOPE")
    with pytest.raises(ValidationError):
        _plan(ctx, lead, rrule="FREQ=SOMETIMES")
    with pytest.raises(ValidationError):
        drills.plan(lead, DrillPlanInput("FIRE", _tomorrow(), expected_headcount=-3))
    assert snapshot() == before


def test_roles_plan_and_evaluate_lead_run_staff_read_auditor(ctx, lead, staff, auditor) -> None:
    drills = ctx.services.drills
    with pytest.raises(PermissionDenied):
        _plan(ctx, staff)
    plan = _plan(ctx, lead)
    with pytest.raises(PermissionDenied):
        drills.run(auditor, plan.id)
    drills.run(staff, plan.id)
    with pytest.raises(PermissionDenied):
        drills.evaluate(staff, plan.id, EvaluationInput(FIRE_SCORES))
    assert drills.get(auditor, plan.id).status == DrillStatus.RUNNING
    assert [p.id for p in drills.list(auditor)] == [plan.id]


def test_cancel_pauses_the_schedule_and_a_cancelled_drill_cannot_run(ctx, lead, staff) -> None:
    drills = ctx.services.drills
    plan = _plan(ctx, lead)
    assert drills.cancel(lead, plan.id).status == DrillStatus.CANCELLED
    assert not ctx.services.schedules.get(lead, plan.schedule_id).active
    with pytest.raises(ValidationError):
        drills.run(staff, plan.id)


def test_plan_evaluate_and_run_are_audited(ctx, lead, staff) -> None:
    drills = ctx.services.drills
    plan = _plan(ctx, lead)
    _end(ctx, lead, drills.run(staff, plan.id))
    drills.evaluate(lead, plan.id, EvaluationInput(FIRE_SCORES))
    actions = [e.action for e in ctx.services.audit.list(lead) if e.entity == "drill_plan"]
    assert {"drill.plan", "drill.run", "drill.evaluate"} <= set(actions)


def test_a_run_whose_incident_cannot_start_leaves_the_plan_planned(ctx, lead, staff, monkeypatch) -> None:
    drills = ctx.services.drills
    plan = _plan(ctx, lead)

    def broken(*_args, **_kw):
        raise ValidationError("field.playbook", Message("incident.no_approved", code="FIRE"))

    with monkeypatch.context() as m:
        m.setattr(ctx.services.incidents, "start", broken)
        with pytest.raises(ValidationError) as refused:
            drills.run(staff, plan.id)
        assert refused.value.reason_message == Message("incident.no_approved", code="FIRE")
    assert drills.get(lead, plan.id).status == DrillStatus.PLANNED
    assert drills.run(staff, plan.id).status == DrillStatus.RUNNING


def test_a_corrective_action_with_a_due_date_reminds_its_owner_ahead_and_when_overdue(
    ctx, lead, staff
) -> None:
    drills, schedules = ctx.services.drills, ctx.services.schedules
    plan = _plan(ctx, lead)
    _end(ctx, lead, drills.run(staff, plan.id))
    due = date.today() + timedelta(days=10)
    actions = (FollowUpInput("更换过期灭火器", "赵敏", due), FollowUpInput("复盘会议", "王建国"))
    drills.evaluate(lead, plan.id, EvaluationInput(FIRE_SCORES, actions=actions))
    [action] = [a for a in drills.record_of(lead, plan.id).actions if a.due is not None]
    [sched] = [s for s in schedules.list(lead) if s.kind is ScheduleKind.ACTION]
    # one schedule, for the dated action only: its owner, at the end of the due day (local time)
    assert sched.subject_id == action.id and sched.owner == "赵敏" and sched.rule == ""
    assert "更换过期灭火器" in sched.title
    due_at = datetime.combine(due, time(17, 0), ZoneInfo(local_zone_name())).astimezone(UTC)
    assert sched.start_at == due_at and sched.next_due == due_at
    # on the calendar of its day
    shown = schedules.calendar(lead, due_at - timedelta(days=1), due_at + timedelta(days=1))
    assert [(o.kind, o.title) for o in shown] == [(ScheduleKind.ACTION, sched.title)]

    # the owner is reminded days ahead, then again once it is overdue (the drill has its own)
    def mine(now: datetime) -> list:
        schedules.catch_up(lead, now)
        return [r for r in schedules.announce(lead, now) if r.schedule_id == sched.id]

    assert mine(due_at - timedelta(days=5)) == []
    [ahead] = mine(due_at - timedelta(days=2))
    assert ahead.kind is ReminderKind.AHEAD and ahead.owner == "赵敏"
    late = due_at + timedelta(hours=1)
    [over] = mine(late)
    assert over.kind is ReminderKind.OVERDUE
    assert [o.overdue for o in schedules.open_items(lead, late) if o.schedule_id == sched.id] == [True]


def test_a_failed_evaluation_leaves_no_action_schedule(ctx, lead, staff, monkeypatch) -> None:
    drills, schedules = ctx.services.drills, ctx.services.schedules
    plan = _plan(ctx, lead)
    _end(ctx, lead, drills.run(staff, plan.id))
    heard: list[int] = []
    schedules.add_listener(lambda: heard.append(1))
    actions = (FollowUpInput("补充应急照明", "周强", date.today() + timedelta(days=3)),)

    def broken(*_args, **_kw):
        disk_full = Message("attachment.unreadable", name="audit", error="disk full")
        raise ValidationError("field.attachment", disk_full)

    monkeypatch.setattr("branchguard.core.drills.service.record", broken)
    with pytest.raises(ValidationError, match="disk full"):
        drills.evaluate(lead, plan.id, EvaluationInput(FIRE_SCORES, actions=actions))
    assert [s for s in schedules.list(lead) if s.kind is ScheduleKind.ACTION] == []
    assert heard == [] and drills.get(lead, plan.id).status == DrillStatus.RUNNING


def test_a_drill_run_before_its_reminder_window_never_falls_due(ctx, lead, staff) -> None:
    drills, schedules = ctx.services.drills, ctx.services.schedules
    plan = _plan(ctx, lead, date=datetime.now() + timedelta(days=5))
    drills.run(staff, plan.id)
    later = datetime.now(UTC) + timedelta(days=6)
    schedules.catch_up(lead, later)
    assert [o for o in schedules.open_items(lead, later) if o.schedule_id == plan.schedule_id] == []
    assert [r for r in schedules.reminders(lead, later) if r.schedule_id == plan.schedule_id] == []
    series = _plan(ctx, lead, code="ROB", rrule="semiannual", date=datetime.now() + timedelta(days=5))
    first_due = schedules.get(lead, series.schedule_id).next_due
    assert first_due is not None
    drills.run(staff, series.id)  # this cycle's drill is done early: its occurrence shows done
    window = schedules.calendar(lead, first_due - timedelta(days=1), first_due + timedelta(days=1))
    [done] = [o for o in window if o.schedule_id == series.schedule_id]
    assert done.id is not None and done.status is OccurrenceStatus.DONE and not done.overdue
    schedules.catch_up(lead, first_due + timedelta(days=1))
    assert [o for o in schedules.open_items(lead, later) if o.schedule_id == series.schedule_id] == []


def test_demo_records_fill_the_drills_compliance_and_calendar(ctx, lead, staff) -> None:
    from branchguard.core.demo import drills as drill_demo
    from branchguard.core.drills.types import ComplianceStatus
    from branchguard.core.playbooks.types import IncidentCategory

    s = ctx.services
    drill_demo.fill(s.drills, s.incidents, s.schedules, lead, staff)
    plans = s.drills.list(lead)
    assert sorted(p.status.value for p in plans) == ["evaluated", "planned", "planned", "planned"]
    series = {p.playbook_code: p.rule for p in plans if p.recurring}
    # every plan recurs within its compliance rule's interval: fire and robbery 6 months, GEN yearly
    assert "INTERVAL=6" in series["FIRE"] and "INTERVAL=6" in series["ROB"] and "YEARLY" in series["GEN"]
    [done] = [p for p in plans if p.status == DrillStatus.EVALUATED]
    record = s.drills.record_of(lead, done.id)
    assert done.score == 81.0 and record.headcount == (8, 9)
    assert [a.done_at for a in record.actions] == [None]  # an open corrective action, with a reminder
    assert any(sc.kind is ScheduleKind.ACTION for sc in s.schedules.list(lead))
    assert [sc.title for sc in s.schedules.list(lead) if sc.kind is ScheduleKind.CUSTOM] != []
    custom = [sc for sc in s.schedules.list(lead) if sc.kind is ScheduleKind.CUSTOM]
    assert all("FREQ=MONTHLY" in sc.rule for sc in custom)  # the CCTV checklist's monthly retention test
    fire = [i for i in s.drills.compliance(lead) if IncidentCategory.FIRE_EVACUATION in i.rule.categories]
    assert fire and all(i.status is ComplianceStatus.ON_TIME for i in fire)
    assert s.incidents.open_incidents(lead) == []  # the demo drill is closed: no banner after start


def test_marking_a_corrective_action_done_stops_its_reminders(ctx, lead, staff) -> None:
    drills, schedules = ctx.services.drills, ctx.services.schedules
    plan = _plan(ctx, lead)
    _end(ctx, lead, drills.run(staff, plan.id))
    due = date.today() + timedelta(days=2)
    drills.evaluate(
        lead, plan.id, EvaluationInput(FIRE_SCORES, actions=(FollowUpInput("复训", "赵敏", due),))
    )
    [action] = drills.record_of(lead, plan.id).actions
    [sched] = [s for s in schedules.list(lead) if s.kind is ScheduleKind.ACTION]
    with pytest.raises(PermissionDenied):
        drills.complete_action(staff, plan.id, action.id)
    other = _plan(ctx, lead, code="ROB")
    with pytest.raises(NotFound):  # not this drill's action
        drills.complete_action(lead, other.id, action.id)
    done = drills.complete_action(lead, plan.id, action.id)
    assert done.done_at is not None and done.done_by == "lead"
    assert drills.complete_action(lead, plan.id, action.id).done_at == done.done_at  # once
    late = datetime.now(UTC) + timedelta(days=5)
    schedules.catch_up(lead, late)
    assert [r for r in schedules.reminders(lead, late) if r.schedule_id == sched.id] == []
    assert [o for o in schedules.open_items(lead, late) if o.schedule_id == sched.id] == []
    audit = [e.action for e in ctx.services.audit.list(lead) if e.entity == "incident_action"]
    assert audit == ["drill.action_done"]


def test_a_drill_still_running_cannot_be_evaluated(ctx, lead, staff, snapshot) -> None:
    from branchguard.core.drills import rules as drill_rules
    from branchguard.core.drills.types import DrillAction

    drills = ctx.services.drills
    plan = _plan(ctx, lead)
    run = drills.run(staff, plan.id)
    assert not run.ended and DrillAction.EVALUATE not in drill_rules.available_actions(run, lead)
    before = snapshot()
    with pytest.raises(ValidationError) as refused:
        drills.evaluate(lead, plan.id, EvaluationInput(FIRE_SCORES))
    assert refused.value.reason_message.key == "drill.still_running"
    assert snapshot() == before
    _end(ctx, lead, run)
    ended = drills.get(lead, plan.id)
    assert ended.ended and DrillAction.EVALUATE in drill_rules.available_actions(ended, lead)
    assert drills.evaluate(lead, plan.id, EvaluationInput(FIRE_SCORES)).score == 81.0
