"""Drill and schedule demo records, added through the services after the demo accounts exist: a
recurring fire-evacuation drill plan, one drill run and evaluated with an open corrective action,
an anti-robbery tabletop every 6 months and a comprehensive-plan tabletop every year (the plans
match the compliance rules' intervals: fire and on-site 6 months, anti-robbery 6 months,
comprehensive or special 12 months), and the CCTV retention test — so the Drills page, the
compliance view and the calendar are not empty after `make run`."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from branchguard.core.drills.service import DrillService
from branchguard.core.drills.types import DrillMode, DrillPlanInput, DrillScope, EvaluationInput
from branchguard.core.incidents.service import IncidentService
from branchguard.core.incidents.types import CloseInput, FollowUpInput
from branchguard.core.kernel.types import Actor
from branchguard.core.people.types import BranchRole
from branchguard.core.schedules.service import ScheduleService
from branchguard.core.schedules.types import ScheduleInput, ScheduleKind, WorkingDayPolicy

FIRE_TEAMS = {
    BranchRole.BRANCH_HEAD.value: ("王建国",),
    BranchRole.SAFETY_OFFICER.value: ("赵敏",),
    "疏散引导组": ("李晓梅", "周强"),
    "通讯联络组": ("张伟",),
}
FIRE_GOALS = ("3 分钟内全员撤离营业大厅", "现金、重要凭证入库加锁", "集合点清点人数无遗漏")
# The demo run's scores on the built-in fire and evacuation criteria (weighted total 81.0).
FIRE_SCORES = {
    "alarm": 100,
    "call_119": 100,
    "teams": 50,
    "evacuation": 80,
    "guidance": 100,
    "cash_vault": 0,
    "headcount": 100,
    "report": 100,
}


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    """A local wall-clock time, as the forms submit it."""
    return datetime.combine(day, time(hour, minute))


def _next_weekday(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def fill(
    drills: DrillService,
    incidents: IncidentService,
    schedules: ScheduleService,
    lead: Actor,
    staff: Actor,
    today: date | None = None,
) -> None:
    today = today or date.today()
    # A fire-evacuation drill every 6 months, the next one three weeks ahead.
    drills.plan(
        lead,
        DrillPlanInput(
            playbook_code="FIRE",
            date=_at(_next_weekday(today + timedelta(days=21)), 15, 30),
            scope=DrillScope.COMPREHENSIVE,
            mode=DrillMode.LIVE,
            rrule="semiannual",
            participants=FIRE_TEAMS,
            observers=("分行安全保卫部 刘主任",),
            goals=FIRE_GOALS,
            expected_headcount=9,
        ),
    )
    # This morning's evacuation drill: run, steps marked, headcount taken, closed and evaluated.
    done = drills.plan(
        lead,
        DrillPlanInput(
            playbook_code="FIRE",
            date=_at(today, 9, 0),
            title="营业大厅疏散专项演练",
            participants=FIRE_TEAMS,
            goals=FIRE_GOALS[:1],
            expected_headcount=9,
        ),
    )
    run = drills.run(staff, done.id)
    assert run.incident_id is not None
    for number in (1, 2, 3, 4):
        incidents.mark_step(staff, run.incident_id, number)
    drills.record_headcount(staff, run.id, 8)
    incidents.close(lead, run.incident_id, CloseInput(outcome="演练按计划完成，1 名柜员在金库未及时撤离"))
    drills.evaluate(
        lead,
        run.id,
        EvaluationInput(
            FIRE_SCORES,
            problems="金库门未按规定关闭；1 名柜员未听到广播，未及时撤离。",
            lessons="疏散前由柜组长逐一确认金库、尾箱上锁；二楼广播音量需调高。",
            actions=(
                FollowUpInput("更换二楼过期灭火器 2 具并调高广播音量", "赵敏", today + timedelta(days=14)),
            ),
        ),
    )
    # An unannounced robbery tabletop exercise in six weeks, then every 6 months (the anti-robbery rule).
    drills.plan(
        lead,
        DrillPlanInput(
            playbook_code="ROB",
            date=_at(_next_weekday(today + timedelta(days=42)), 16, 0),
            mode=DrillMode.TABLETOP,
            announced=False,
            rrule="semiannual",
            participants={
                BranchRole.LOBBY_MANAGER.value: ("李晓梅",),
                BranchRole.SECURITY_GUARD.value: ("周强",),
            },
            goals=("30 秒内触发一键报警",),
            expected_headcount=6,
        ),
    )
    # The comprehensive plan as a yearly tabletop exercise (the comprehensive or special plan rule).
    drills.plan(
        lead,
        DrillPlanInput(
            playbook_code="GEN",
            date=_at(_next_weekday(today + timedelta(days=60)), 15, 0),
            title="综合应急预案年度桌面推演",
            scope=DrillScope.COMPREHENSIVE,
            mode=DrillMode.TABLETOP,
            rrule="yearly",
            participants={
                BranchRole.BRANCH_HEAD.value: ("王建国",),
                BranchRole.SAFETY_OFFICER.value: ("赵敏",),
            },
            goals=("明确分级、上报路径和指挥替代",),
            expected_headcount=8,
        ),
    )
    # A routine schedule of the branch's own: the CCTV checklist's monthly retention test (the
    # daily checks are the CCTV inspection schedule's; extinguishers and emergency lights are the
    # monthly fire check's and the weekly exits check's, so no custom schedule repeats them).
    schedules.add(
        lead,
        ScheduleInput(
            title="监控录像保存期调阅测试（每月）",
            start=_at(_next_weekday(today + timedelta(days=10)), 14, 0),
            kind=ScheduleKind.CUSTOM,
            owner="郑浩",
            rule="monthly",
            working_days=WorkingDayPolicy.NEXT,
        ),
    )
