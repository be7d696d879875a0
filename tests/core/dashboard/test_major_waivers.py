"""A major hazard verified or closed with its milestones outstanding, under a reason (core/hazards),
in the period's figures and its report's annex of major hazards: counted, and the line says which
milestones it went without and why; a reopening undoes both, as it asks for the reason again."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from branchguard.core.dashboard.rules import Period, PeriodKind
from branchguard.core.dashboard.waivers import standing_waiver
from branchguard.core.hazards.types import RemediationKind
from tests.core.hazards.test_major_milestones import _remediated

K = RemediationKind
T0 = datetime(2026, 11, 3, 9, 0, tzinfo=UTC)
REASON = "传感器当日更换，整改方案与上报已无必要"


def test_a_waiver_stands_until_a_reopening_after_it() -> None:
    later = T0 + timedelta(days=2)
    assert standing_waiver([("waived", T0)], later) == T0
    assert standing_waiver([("waived", T0)], T0) is None  # not yet recorded at that instant
    assert standing_waiver([("reopened", later), ("waived", T0)], later + timedelta(hours=1)) is None
    assert standing_waiver([("reopened", later), ("waived", T0)], later) == T0  # reopened after the end
    again = [("waived", T0), ("reopened", later), ("verified", later), ("waived", later + timedelta(days=1))]
    assert standing_waiver(again, later + timedelta(days=5)) == later + timedelta(days=1)
    assert standing_waiver([("verified", T0), ("closed", later)], later + timedelta(days=1)) is None


def _month() -> Period:
    today = date.today()
    return Period(PeriodKind.MONTH, today.year, today.month)


def test_the_period_counts_it_and_its_annex_line_says_which_milestones_and_why(ctx, lead, staff) -> None:
    hazards, dashboard = ctx.services.hazards, ctx.services.dashboard
    short = _remediated(ctx, staff, steps=(K.INTERIM_CONTROL, K.ACTION))
    hazards.verify(lead, short, "复查合格", waiver=REASON)
    full = _remediated(ctx, staff, steps=(K.INTERIM_CONTROL, K.PLAN, K.HEAD_OFFICE_REPORT, K.ACTION))
    hazards.verify(lead, full, "复查合格")  # every milestone recorded: no waiver

    report = dashboard.period_report(lead, _month())
    assert report.figures.majors_waived == 1
    lines = {h.id: h for h in report.major_hazards}
    waiver = lines[short].waiver
    assert waiver is not None and waiver.milestones == (K.PLAN, K.HEAD_OFFICE_REPORT)
    assert waiver.reason == REASON and lines[full].waiver is None
    # the trend's month and figures_for_period count it alike
    month = _month()
    assert dashboard.figures_for_period(lead, month.start, month.end).majors_waived == 1

    hazards.reopen(lead, short, "整改未落实")  # a reopening asks again: the waiver no longer stands
    report = dashboard.period_report(lead, _month())
    assert report.figures.majors_waived == 0
    assert {h.id: h for h in report.major_hazards}[short].waiver is None
