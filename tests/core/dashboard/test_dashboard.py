"""The dashboard's figures on SQLite and PostgreSQL: each tile counts what its target's list shows
(demo data and a small hand-made branch), the hazards' overdue / due-today edge, the role, and the
periodic figures that a trend month and a report share."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from branchguard.core.complaints.types import ComplaintFilter
from branchguard.core.dashboard.service import month_starts, period_targets, tile_targets
from branchguard.core.dashboard.types import ComplianceFilter, Dashboard, Target
from branchguard.core.early_warnings.types import WarningFilter
from branchguard.core.hazards.types import HazardFilter, HazardInput, HazardSeverity
from branchguard.core.incidents.types import ActionFilter, CloseInput, FollowUpInput, IncidentFilter
from branchguard.core.kernel.errors import PermissionDenied
from branchguard.core.kernel.i18n import has_message
from branchguard.core.kernel.types import Actor, PlaybookStatus, Role
from branchguard.core.schedules.types import DueFilter, ScheduleInput, ScheduleKind
from tests.branch_age import in_use_since
from tests.pc_clock import incidents_back_then


def _listed(ctx, actor, target: Target, now: datetime) -> int:
    """How many records the target's page lists, through the services the pages use."""
    flt = target.filter
    services = ctx.services
    if isinstance(flt, IncidentFilter):
        return len(services.incidents.list_incidents(actor, flt, now=now))
    if isinstance(flt, ActionFilter):
        return len(services.incidents.list_actions(actor, flt, now=now))
    if isinstance(flt, DueFilter):
        return len(services.schedules.due_items(actor, flt, now=now))
    if isinstance(flt, HazardFilter):
        return len(services.hazards.list(actor, flt, now=now))
    if isinstance(flt, ComplaintFilter):
        return len(services.complaints.list(actor, flt, now=now))
    if isinstance(flt, WarningFilter):
        return len(services.warnings.list(actor, flt))
    if isinstance(flt, ComplianceFilter):
        return sum(1 for item in services.drills.compliance(actor, now=now) if item.status in flt.statuses)
    raise AssertionError(f"no list for {target!r}")


def _assert_counts_match_lists(ctx, actor, board: Dashboard, now: datetime) -> None:
    for figure in board.figures():
        if figure.is_count:
            assert figure.value == _listed(ctx, actor, figure.target, now), figure.name


def _hazard(ctx, actor, due: date, severity: HazardSeverity = HazardSeverity.GENERAL):
    data = HazardInput(
        description=f"隐患 {due}", severity=severity, location="营业厅", owner="李安全", due=due
    )
    return ctx.services.hazards.create(actor, data).info


def _noon(ctx, day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=ctx.services.dashboard.zone)


def test_every_tile_counts_what_its_page_lists_on_the_demo_data(ctx, records_filled) -> None:
    info = ctx.services.auth.user_by_name("lead")
    lead = Actor(user_id=info.id, username=info.username, role=Role(info.role))
    now = _noon(ctx, date.today())
    in_use_since(ctx, now - timedelta(days=800))  # a branch of years: the rules its drill missed are due
    board = ctx.services.dashboard.dashboard(lead, now=now)
    _assert_counts_match_lists(ctx, lead, board, now)
    assert board.figure("hazards_open").value > 0  # the demo inspection failed items
    assert board.figure("compliance_overdue").value > 0
    names = [f.name for f in board.figures()]
    assert len(names) == len(set(names))
    for name in names:
        assert has_message(f"dashboard.figure.{name}"), name
    for tile in board.tiles:
        assert has_message(f"dashboard.tile.{tile.name}"), tile.name


def test_hand_made_branch_overdue_due_today_and_running(ctx, lead, staff) -> None:
    today = date.today()
    late = _hazard(ctx, staff, today + timedelta(days=1))
    due_today = _hazard(ctx, staff, today + timedelta(days=5))
    major = _hazard(ctx, staff, today + timedelta(days=30), HazardSeverity.MAJOR)
    ctx.services.incidents.start(lead, None, title="营业厅漏水")
    ctx.services.incidents.start(lead, None, title="消防演练", drill=True)
    ctx.services.incidents.start(lead, None, title="第二次演练", drill=True)
    now = _noon(ctx, today + timedelta(days=5))  # `due_today` falls due at the end of this day
    board = ctx.services.dashboard.dashboard(lead, now=now)
    figures = {f.name: f.value for f in board.figures()}
    assert figures["hazards_open"] == 3
    assert figures["hazards_open_general"] == 2 and figures["hazards_open_major"] == 1
    assert figures["hazards_overdue"] == 1 and figures["hazards_overdue_general"] == 1
    assert figures["hazards_overdue_major"] == 0
    assert figures["incidents_open"] == 1 and figures["drills_running"] == 2
    oldest = max(h.age_days for h in ctx.services.hazards.list(lead, HazardFilter(open_only=True), now=now))
    assert figures["hazards_oldest_age_days"] == oldest >= 4
    overdue = ctx.services.hazards.list(lead, HazardFilter(overdue_only=True), now=now)
    assert [h.id for h in overdue] == [late.id]
    assert due_today.id != major.id
    _assert_counts_match_lists(ctx, lead, board, now)
    # a day later the hazard due "today" is overdue too
    later = ctx.services.dashboard.dashboard(lead, now=now + timedelta(days=1))
    assert later.figure("hazards_overdue").value == 2


def test_the_auditor_sees_the_dashboard_and_staff_do_not(ctx, auditor, staff) -> None:
    board = ctx.services.dashboard.dashboard(auditor)
    assert len(board.months) == 12
    with pytest.raises(PermissionDenied):
        ctx.services.dashboard.dashboard(staff)
    with pytest.raises(PermissionDenied):
        ctx.services.dashboard.figures_for_period(staff, date(2026, 1, 1), date(2026, 2, 1))


def test_a_month_of_the_trend_equals_the_period_figures_of_that_month(ctx, lead, staff) -> None:
    today = date.today()
    _hazard(ctx, staff, today + timedelta(days=3))
    ctx.services.incidents.start(lead, None, title="停电")
    ctx.services.incidents.start(lead, None, title="演练", drill=True)
    board = ctx.services.dashboard.dashboard(lead)
    this_month = board.months[-1]
    assert this_month.start == date(today.year, today.month, 1) and this_month.end > today
    assert this_month.hazards_opened == 1 and this_month.hazards_open_at_end == 1
    assert this_month.incidents == 1 and this_month.drills == 1
    assert this_month.incidents_by_category == {"other": 1}
    alone = ctx.services.dashboard.figures_for_period(lead, this_month.start, this_month.end)
    assert alone == this_month
    for name, target in period_targets(this_month, ctx.services.dashboard.zone).items():
        expected = this_month.incidents if name == "incidents" else this_month.drills
        assert len(ctx.services.incidents.list_incidents(lead, target.filter)) == expected == 1
    before = ctx.services.dashboard.figures_for_period(lead, board.months[0].start, this_month.start)
    assert before.incidents == before.drills == before.hazards_opened == 0


def test_month_bounds_cross_the_year() -> None:
    starts = month_starts(date(2026, 2, 14))
    assert starts[0] == date(2025, 3, 1) and starts[-2] == date(2026, 2, 1) and starts[-1] == date(2026, 3, 1)
    assert len(starts) == 13


def test_every_count_target_is_a_page_of_the_window() -> None:
    pages = {t.page for t in tile_targets().values()}
    assert pages == {"incidents", "hazards", "complaints", "drills", "inspections", "calendar", "warnings"}


def _checkpoint_incident(ctx, lead):
    """An incident started from the first approved plan with a reporting checkpoint, and that step."""
    for plan in ctx.services.playbooks.list_playbooks(lead):
        if plan.status != PlaybookStatus.APPROVED:
            continue
        started = ctx.services.incidents.start(lead, plan.code, title=f"{plan.code} 测试")
        detail = ctx.services.incidents.get(lead, started.id, with_entries=False)
        step = next((s for s in detail.steps if s.checkpoint and s.deadline_minutes), None)
        if step is not None:
            return detail, step
        ctx.services.incidents.close(lead, started.id, CloseInput(outcome="无"))
    raise AssertionError("no approved plan with a reporting checkpoint")


def test_checkpoints_inspections_actions_and_reminders(ctx, lead, monkeypatch: pytest.MonkeyPatch) -> None:
    services, zone = ctx.services, ctx.services.dashboard.zone
    detail, step = _checkpoint_incident(ctx, lead)
    started = detail.summary.started_at
    late = started + timedelta(minutes=step.deadline_minutes + 1)
    today = late.astimezone(zone).date()
    at = lambda day, hour: datetime.combine(day, time(hour), tzinfo=zone).replace(tzinfo=None)  # noqa: E731
    inspection = ScheduleKind.INSPECTION
    services.schedules.add(lead, ScheduleInput("昨日防火巡查", at(today - timedelta(days=1), 9), inspection))
    tonight = (late + timedelta(minutes=30)).astimezone(zone)  # due later today, unless past midnight
    closing = ScheduleInput("闭店检查", tonight.replace(tzinfo=None), inspection, lead_minutes=30)
    services.schedules.add(lead, closing)
    services.schedules.add(
        lead, ScheduleInput("三天后培训", at(today + timedelta(days=3), 10), lead_minutes=60)
    )
    services.schedules.add(lead, ScheduleInput("八天后演练", at(today + timedelta(days=8), 10)))
    services.schedules.catch_up(lead, late)
    with incidents_back_then(monkeypatch, late - timedelta(days=3)):  # its action has fallen due since
        fire = services.incidents.start(lead, None, title="漏水")
    due = (late - timedelta(days=2)).astimezone().date()
    services.incidents.close(
        lead, fire.id, CloseInput("已处置", actions=(FollowUpInput("换水管", "李安全", due),))
    )
    before = services.dashboard.dashboard(lead, now=started + timedelta(minutes=1))
    assert before.figure("checkpoints_overdue").value == 0
    board = services.dashboard.dashboard(lead, now=late)
    figures = {f.name: f.value for f in board.figures()}
    assert figures["checkpoints_overdue"] == 1
    assert figures["inspections_overdue"] == 1
    assert figures["inspections_due_today"] == (1 if tonight.date() == today else 0)
    assert figures["actions_overdue"] == 1
    assert figures["reminders_next_7_days"] >= 2  # the inspection tonight and the training in three days
    _assert_counts_match_lists(ctx, lead, board, late)
    # the checkpoint reported: no longer overdue
    services.incidents.mark_step(lead, detail.id, step.number)
    assert services.dashboard.dashboard(lead, now=late).figure("checkpoints_overdue").value == 0


def test_a_months_inspections_due_are_those_due_by_now(ctx, lead) -> None:
    """The month's completion rate counted checks due tomorrow (5/9 on one screen, 5/5 on another):
    once written ahead of time, a check not yet owed counted as due and undone."""
    from branchguard.core.inspections.types import Cadence

    year = date.today().year + 1  # a schedule owes nothing from before it was made: a month to come
    start = datetime(year, 3, 2, 9, 0).astimezone()
    ctx.services.inspections.schedule(lead, "FIRE_DAILY", Cadence.DAILY, "张伟", start)
    written_to = datetime(year, 3, 10, 12, 0).astimezone()
    ctx.services.schedules.catch_up(lead, written_to)  # the checks of 2 to 10 March are written
    dashboard = ctx.services.dashboard
    march = [date(year, 3, 1), date(year, 4, 1)]
    assert dashboard._periods(march, written_to)[0].inspections_due == 9
    earlier = datetime(year, 3, 5, 12, 0).astimezone()
    assert dashboard._periods(march, earlier)[0].inspections_due == 4  # 2 to 5 March, not 6 to 10


def test_the_dashboard_warns_while_a_year_the_schedules_reach_has_no_holiday_table() -> None:
    """Said once, when a schedule was added on the command line; the window never said it, and
    the tables shipped end with 2026 (it is December 2026)."""
    from datetime import date

    from branchguard.core.dashboard.service import holiday_note
    from branchguard.core.kernel import working_days
    from branchguard.core.kernel.i18n import set_language

    set_language("en")
    last = working_days.covered_years()[1]
    assert holiday_note(date(last, 6, 1)) is None  # next year's notice is not out yet
    for day in (date(last, 11, 20), date(last, 12, 31), date(last + 1, 3, 1)):
        note = holiday_note(day)
        assert note is not None and f"dates in {last + 1}" in note, day
