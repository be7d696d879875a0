"""The periodic report's content on SQLite and PostgreSQL: for a month, a quarter and a year its
figures are the dashboard's `figures_for_period` (and the previous period's), every detail list
adds up to those figures, and the overdue actions and major-hazard milestones are those of the
period's end; periods parse or are refused naming the field."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from branchguard.core.dashboard.rules import Period, PeriodKind, ageing_band, parse_period
from branchguard.core.dashboard.types import PeriodReport
from branchguard.core.hazards.types import HazardInput, HazardSeverity, RemediationKind
from branchguard.core.incidents.types import CloseInput, FollowUpInput
from branchguard.core.kernel.errors import PermissionDenied, ValidationError
from branchguard.core.kernel.types import Actor, Level, Role
from tests.complaint_helpers import archived_at_new_year


def _lead(ctx) -> Actor:
    info = ctx.services.auth.user_by_name("lead")
    return Actor(user_id=info.id, username=info.username, role=Role(info.role))


def _periods_of(day: date) -> list[Period]:
    quarter = (day.month - 1) // 3 + 1
    return [
        Period(PeriodKind.MONTH, day.year, day.month),
        Period(PeriodKind.QUARTER, day.year, quarter),
        Period(PeriodKind.YEAR, day.year),
    ]


def _assert_adds_up(report: PeriodReport) -> None:
    f = report.figures
    assert len(report.incidents) == f.incidents
    for category, n in f.incidents_by_category.items():
        assert sum(1 for i in report.incidents if i.category.value == category) == n
    for level, n in f.incidents_by_level.items():
        assert sum(1 for i in report.incidents if i.level.value == level) == n
    assert sum(c.due for c in report.checklists) == f.inspections_due
    assert sum(c.done for c in report.checklists) == f.inspections_done
    assert sum(c.submitted for c in report.checklists) == f.inspections_submitted
    assert sum(1 for d in report.drills if d.score is not None) == f.drills_evaluated
    assert sum(report.ageing) == f.hazards_open_at_end  # nothing happens after `now`


def test_month_quarter_and_year_figures_are_the_dashboards(ctx, records_filled) -> None:
    lead = _lead(ctx)
    incidents = ctx.services.incidents
    fire = incidents.start(lead, None, Level.II, title="营业厅冒烟")
    incidents.close(lead, fire.id, CloseInput(outcome="已扑灭，无人员伤亡", losses_cents=123456))
    incidents.start(lead, None, Level.III, title="ATM 故障")
    board = ctx.services.dashboard
    now = datetime.now(UTC) + timedelta(minutes=1)  # after every record above
    today = now.astimezone(board.zone).date()
    for period in _periods_of(today):
        report = board.period_report(lead, period, now=now)
        assert report.figures == board.figures_for_period(lead, period.start, period.end), period
        before = period.previous()
        assert report.previous == board.figures_for_period(lead, before.start, before.end), period
        assert report.as_of == now and report.months[-1].end == period.end
        _assert_adds_up(report)
        assert report.figures.incidents >= 2 and report.figures.drills >= 1
        closed = next(i for i in report.incidents if i.id == fire.id)
        assert closed.outcome == "已扑灭，无人员伤亡" and closed.losses_cents == 123456
        assert report.drills and report.drills[0].score is not None  # the demo's evaluated drill
        assert {line.item.rule.code for line in report.rules}  # the built-in rules, each with a state
    month = board.period_report(lead, _periods_of(today)[0], now=now)
    assert month.months[-1] == month.figures  # the chart's last month is the report's month
    tiles = board.dashboard(lead, now=now)
    assert month.hazards_overdue == tiles.figure("hazards_overdue").value  # as of now, the same
    assert month.ageing[ageing_band(0)] >= 1  # the demo's hazards opened today


def test_a_past_period_is_read_as_of_its_end(ctx, lead, staff) -> None:
    board, incidents = ctx.services.dashboard, ctx.services.incidents
    today = date.today()
    run = incidents.start(lead, None, Level.III, title="门禁失灵")
    late = FollowUpInput("更换门禁控制器", "李安全", today)  # overdue from tomorrow, read below
    later = FollowUpInput("复查门禁", "李安全", today + timedelta(days=10))
    incidents.close(lead, run.id, CloseInput(outcome="已修复", actions=(late, later)))
    major = ctx.services.hazards.create(
        staff, HazardInput(description="金库门禁失效", severity=HazardSeverity.MAJOR, owner="李安全")
    ).info
    ctx.services.hazards.add_step(staff, major.id, RemediationKind.INTERIM_CONTROL, "安排专人值守")
    this_month = Period(PeriodKind.MONTH, today.year, today.month)
    now = datetime.now(UTC) + timedelta(days=1, minutes=1)  # after every record above, the next day
    report = board.period_report(lead, this_month, now=now)
    assert [a.text for a in report.actions_overdue] == ["更换门禁控制器"]
    assert not report.actions_overdue[0].drill
    line = next(h for h in report.major_hazards if h.id == major.id)
    assert line.number == major.number and line.interim_due_at is not None
    assert line.interim_done_at is not None and line.plan_done_at is None and line.fixed_at is None
    # the month before: nothing had happened yet, and its end is before today
    earlier = board.period_report(lead, this_month.previous(), now=now)
    assert earlier.as_of < now
    assert earlier.actions_overdue == () and earlier.major_hazards == () and earlier.incidents == ()
    assert earlier.figures.hazards_opened == 0 and sum(earlier.ageing) == 0


def test_an_overdue_action_names_its_complaint_as_the_register_does_on_a_pc_set_to_utc(
    ctx, lead, pc_zone
) -> None:
    """The report's overdue actions named a complaint received at 00:30 on 1 January in Beijing
    TS-2025-… on a PC set to UTC, where the register and the action list say TS-2026-…."""
    pc_zone("UTC")
    today = date.today()
    _cid, number = archived_at_new_year(ctx, lead, "更新收费公示", "李安全", today)
    now = datetime.now(UTC) + timedelta(days=1, minutes=1)  # the action is overdue the next day
    month = Period(PeriodKind.MONTH, today.year, today.month)
    report = ctx.services.dashboard.period_report(lead, month, now)
    assert [(a.text, a.complaint_number) for a in report.actions_overdue] == [("更新收费公示", number)]


def test_only_the_lead_and_the_auditor_read_the_report(ctx, auditor, staff) -> None:
    period = parse_period(f"{date.today().year}")
    assert ctx.services.dashboard.period_report(auditor, period).start == date(date.today().year, 1, 1)
    with pytest.raises(PermissionDenied):
        ctx.services.dashboard.period_report(staff, period)


@pytest.mark.parametrize(
    ("text", "start", "end", "previous"),
    [
        ("2026-11", date(2026, 11, 1), date(2026, 12, 1), "2026-10"),
        ("2026-01", date(2026, 1, 1), date(2026, 2, 1), "2025-12"),
        ("2026-Q4", date(2026, 10, 1), date(2027, 1, 1), "2026-Q3"),
        ("2026-q1", date(2026, 1, 1), date(2026, 4, 1), "2025-Q4"),
        ("2026", date(2026, 1, 1), date(2027, 1, 1), "2025"),
        (" 2026-12 ", date(2026, 12, 1), date(2027, 1, 1), "2026-11"),
    ],
)
def test_periods_parse(text: str, start: date, end: date, previous: str) -> None:
    period = parse_period(text)
    assert (period.start, period.end, period.previous().code) == (start, end, previous)
    assert parse_period(period.code) == period


@pytest.mark.parametrize(
    "text", ["", "2026-13", "2026-00", "2026-Q5", "26-11", "2026/11", "1999", "2026-11-01"]
)
def test_a_bad_period_is_refused_naming_the_field(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_period(text)
    assert caught.value.field == "field.period"


def test_ageing_bands() -> None:
    assert [ageing_band(d) for d in (0, 29, 30, 89, 90, 179, 180, 4000)] == [0, 0, 1, 1, 2, 2, 3, 3]


def test_a_drill_recorded_afterwards_is_among_the_periods_drills_and_says_so(
    ctx, records_filled, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It says on which day it was entered: the report of a past period printed again after it
    differs from the one sent, and the reader sees why."""
    from branchguard.core.drills.types import EvaluationInput, HeldDrillInput
    from branchguard.core.kernel.i18n import set_language
    from tests.core.drills.test_drill_held import FIRE_SCORES

    lead = _lead(ctx)
    month = (date.today().replace(day=1) - timedelta(days=70)).replace(day=10)  # a past month, whatever today
    held = datetime.combine(month, datetime.min.time()).replace(hour=9, minute=30)
    entered = date.today() - timedelta(days=2)
    at_noon = datetime.combine(entered, datetime.min.time(), tzinfo=UTC).replace(hour=12)  # that day anywhere
    monkeypatch.setattr("branchguard.core.drills.service.utcnow", lambda: at_noon)
    plan = ctx.services.drills.record_held(
        lead, HeldDrillInput("FIRE", held, "安全管理台账第3页", EvaluationInput(FIRE_SCORES))
    )
    period = Period(PeriodKind.MONTH, month.year, month.month)
    report = ctx.services.dashboard.period_report(lead, period)
    [line] = [d for d in report.drills if d.plan_id == plan.id]
    assert line.title == f"{plan.title}（{entered.isoformat()} 补录）"  # the branch's language
    assert line.score == plan.score and line.actions == ()
    set_language("en")
    [english] = [d for d in ctx.services.dashboard.period_report(lead, period).drills if d.plan_id == plan.id]
    assert english.title.endswith(f" (recorded afterwards on {entered.isoformat()})")
    _assert_adds_up(report)
    ctx.services.drills.void_held(lead, plan.id, "录错了月份")
    voided = ctx.services.dashboard.period_report(lead, period)
    assert all(d.plan_id != plan.id for d in voided.drills)
    assert voided.figures.drills_evaluated == report.figures.drills_evaluated - 1
    _assert_adds_up(voided)
