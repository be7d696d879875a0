"""Head office counts a branch's period as the branch's own periodic report does, on SQLite and
PostgreSQL: from the package of a month holding a drill incident, a cancelled drill plan and a hazard
verified but not closed, the regional report's figures are the month's summary figures (real
incidents only, drills run, a hazard open until verified or closed), under the summary's words
(its drills under its own: they count drills recorded afterwards too, test_held_drills.py). A
hazard verified in a month and reopened after it, and a later month's package imported after the
month's, leave the month's figures as its summary has them."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from branchguard.core.dashboard.rules import Period, PeriodKind
from branchguard.core.dashboard.types import PeriodReport
from branchguard.core.drills.types import ComplianceStatus, DrillPlanInput, DrillStatus
from branchguard.core.exchange import rules as package
from branchguard.core.hazards.types import HazardInput, HazardStatus, RemediationKind
from branchguard.core.headoffice.types import ImportOutcome, PeriodRow
from branchguard.core.incidents.types import CloseInput
from branchguard.core.kernel.i18n import set_language, t
from branchguard.core.kernel.types import Level
from branchguard.reports import regional_report
from tests.branch_age import in_use_since
from tests.core.dashboard.test_hazard_history_figures import _clock
from tests.core.headoffice.test_headoffice_exchange import (  # noqa: F401  (make_db is a fixture)
    HO_PASSWORD,
    _actor,
    _branch,
    make_db,
)

# The branch's PC keeps China's time, as head office counts its days in (core/headoffice/rules.py):
# on a PC kept in UTC, a complaint received in the first eight hours of a month (UTC) was last
# month's in the branch's summary and this month's at head office, and the figures differed.
pytestmark = pytest.mark.usefixtures("shanghai_time")


def _this_month() -> Period:
    today = datetime.now().astimezone().date()
    return Period(PeriodKind.MONTH, today.year, today.month)


def _month_of_trouble(ctx: Any, lead: Any) -> None:
    """This month: a real incident, a drill run (a drill incident), a drill plan cancelled unrun,
    and a hazard fixed and verified but not closed."""
    staff = _actor(ctx, "staff")
    incidents, drills, hazards = ctx.services.incidents, ctx.services.drills, ctx.services.hazards
    incidents.start(lead, None, Level.II, title="营业厅冒烟", location="大堂")
    run = drills.plan(lead, DrillPlanInput("FIRE", datetime.now()))
    assert drills.run(staff, run.id).incident_id is not None
    cancelled = drills.plan(lead, DrillPlanInput("ROB", datetime.now()))
    assert drills.cancel(lead, cancelled.id).status == DrillStatus.CANCELLED
    found = hazards.create(staff, HazardInput(description="安全出口指示灯不亮", owner="李安全")).info
    hazards.add_step(staff, found.id, RemediationKind.ACTION, "更换灯管")
    hazards.remediate(staff, found.id)
    assert hazards.verify(lead, found.id, "复查合格").info.status == HazardStatus.VERIFIED


def _head_office(
    make_db: Callable[[str], Any],  # noqa: F811  (the fixture's value, passed on)
    tmp_path: Path,
    branch: Any,
    lead: Any,
    months: list[Period],
) -> tuple[Any, Any]:
    """Head office's service and administrator, with the branch's packages of `months` imported
    in that order."""
    branch.services.exchange.export_key(lead, tmp_path / "a.pem")
    zips = []
    for month in months:
        zips.append(tmp_path / f"{month.code}.zip")
        branch.services.exchange.export(lead, month.code, zips[-1])
    ho = make_db("ho")
    hos = ho.services.headoffice
    hos.init("华东区总行", "admin", HO_PASSWORD)
    admin = _actor(ho, "admin")
    hos.add_branch(admin, "DEMO-0101", "城东", tmp_path / "a.pem")
    for zip_path in zips:
        assert hos.import_package(admin, zip_path).outcome == ImportOutcome.IMPORTED
    return hos, admin


def _regional(row: PeriodRow) -> tuple[Any, ...]:
    """A branch's figures in the regional report, in the order of `_summary`'s."""
    return (
        row.incidents,
        row.incidents_by_level,
        row.drills,
        None if row.drill_score_average is None else round(row.drill_score_average, 1),
        row.inspections,
        row.hazards_opened,
        row.hazards_open_at_end,
        row.complaints,
        row.actions_overdue,
        row.compliance_overdue,
    )


def _summary(report: PeriodReport) -> tuple[Any, ...]:
    """The same figures as the branch's periodic report shows them."""
    f = report.figures
    overdue_rules = sum(1 for line in report.rules if line.item.status == ComplianceStatus.OVERDUE)
    return (
        f.incidents,
        f.incidents_by_level,
        f.drills,
        f.drill_score_average,
        f.inspections_submitted,
        f.hazards_opened,
        f.hazards_open_at_end,
        f.complaints_received,
        len(report.actions_overdue),
        overdue_rules,
    )


def test_head_office_counts_the_month_as_the_branch_summary_does(
    make_db: Callable[[str], Any],  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
) -> None:
    branch, lead = _branch(make_db, "a", "DEMO-0101", 0)
    _month_of_trouble(branch, lead)
    month = _this_month()
    hos, admin = _head_office(make_db, tmp_path, branch, lead, [month])
    report = branch.services.dashboard.period_report(lead, month)
    assert report.figures.drills >= 1 and report.figures.incidents >= 1  # real and drill incidents
    _name, [row] = hos.period_rows(admin, month.code)
    assert _regional(row) == _summary(report)


def test_a_hazard_reopened_after_the_month_counts_at_its_end_as_the_summary_does(
    make_db: Callable[[str], Any],  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
) -> None:
    """Verified in last month and reopened this month: resolved at last month's end by its history,
    though its columns (cleared by the reopening) now read open."""
    branch, lead = _branch(make_db, "a", "DEMO-0101", 0)
    staff, hazards = _actor(branch, "staff"), branch.services.hazards
    last_month = _this_month().previous()
    with _clock(branch, last_month.start.replace(day=10)):
        found = hazards.create(staff, HazardInput(description="应急灯不亮", owner="李安全")).info
        hazards.add_step(staff, found.id, RemediationKind.ACTION, "更换电池")
        hazards.remediate(staff, found.id)
        assert hazards.verify(lead, found.id, "复查合格").info.status == HazardStatus.VERIFIED
    hazards.reopen(lead, found.id, "整改未落实")
    hos, admin = _head_office(make_db, tmp_path, branch, lead, [last_month])
    _name, [row] = hos.period_rows(admin, last_month.code)
    assert _regional(row) == _summary(branch.services.dashboard.period_report(lead, last_month))


def test_a_later_months_package_leaves_the_months_drill_rules_as_they_stood(
    make_db: Callable[[str], Any],  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
) -> None:
    """A fire drill run this month puts its rule on time this month; last month's package, imported
    before this month's, still has it as last month's summary does."""
    branch, lead = _branch(make_db, "a", "DEMO-0101", 0)
    in_use_since(branch, datetime(2021, 3, 1, tzinfo=UTC))  # a branch of years: the fire rule was overdue
    drills = branch.services.drills
    ran = drills.run(_actor(branch, "staff"), drills.plan(lead, DrillPlanInput("FIRE", datetime.now())).id)
    assert ran.incident_id is not None
    branch.services.incidents.close(lead, ran.incident_id, CloseInput("演练结束"))
    this_month = _this_month()
    months = [this_month.previous(), this_month]
    hos, admin = _head_office(make_db, tmp_path, branch, lead, months)
    summaries = [_summary(branch.services.dashboard.period_report(lead, m)) for m in months]
    assert summaries[0][-1] != summaries[1][-1]  # the months' drill rules stand differently
    for month, summary in zip(months, summaries, strict=True):
        _name, [row] = hos.period_rows(admin, month.code)
        assert _regional(row) == summary, month.code
    assert hos.branches(admin)[0].compliance == {  # the roll-up: as the newest package has them
        line.item.rule.code: line.item.status.value
        for line in branch.services.dashboard.period_report(lead, this_month).rules
    }


def test_the_regional_report_names_the_figures_as_the_summary_does() -> None:
    set_language("zh_CN")
    try:
        headers = regional_report._headers()
        for key in (
            "summary.fig.incidents",
            "summary.fig.hazards_opened",
            "summary.fig.hazards_open_at_end",
            "summary.fig.inspections_submitted",
            "summary.fig.complaints",
        ):
            assert t(key) in headers, key
        assert "期末未验收隐患" in headers and "期末未整改隐患" not in headers
        # its drills are those held, recorded afterwards too: not the summary's incident-log figure
        assert "演练（含补录）" in headers and t("summary.fig.drills") not in headers
    finally:
        set_language("en")


def test_the_package_reports_drill_rules_as_of_the_periods_end(
    make_db: Callable[[str], Any],  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
) -> None:
    """A drill run this month is not in last month's package: its rules stand as last month's
    summary shows them, not as on the day the package is made."""
    branch, lead = _branch(make_db, "a", "DEMO-0101", 0)
    drills = branch.services.drills
    plan = drills.plan(lead, DrillPlanInput("FIRE", datetime.now()))
    ran = drills.run(_actor(branch, "staff"), plan.id)
    assert ran.incident_id is not None
    branch.services.incidents.close(lead, ran.incident_id, CloseInput("演练结束"))
    last_month = _this_month().previous()
    zip_path = tmp_path / "p.zip"
    branch.services.exchange.export(lead, last_month.code, zip_path)
    with zipfile.ZipFile(zip_path) as zf:
        carried = json.loads(zf.read(f"{package.RECORDS}compliance.json"))
    summary = branch.services.dashboard.period_report(lead, last_month)
    expected = [
        {
            "rule": line.item.rule.code,
            "status": line.item.status.value,
            "last_done": line.item.last_done.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            if line.item.last_done
            else None,
            "next_due": line.item.next_due.isoformat() if line.item.next_due else None,
        }
        for line in summary.rules
    ]
    assert [{k: v for k, v in c.items() if k != "name"} for c in carried] == expected
    preview = branch.services.exchange.preview(lead, last_month.code)
    assert preview.counts["compliance"] == len(carried)
