"""Reports name people as people (王建国, not "lead") and say where: an incident without a place of
its own takes the branch's name and address, in the incident report and the initial report; the
drill report numbers the drill as a drill and gives its end and duration."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from branchguard.core.drills.types import DrillPlanInput
from branchguard.core.incidents.types import CloseInput
from branchguard.reports.drill_report import build_drill_report
from branchguard.reports.handover import build_handover
from branchguard.reports.incident_report import build_incident_report
from branchguard.reports.initial_report import build_initial_report

if TYPE_CHECKING:
    from tests.reports.conftest import Demo, Pdf

ADDRESS = "示范市城东区建设路 88 号"


def test_the_incident_reports_name_people_and_the_branchs_place(demo: Demo, pdf: Pdf, tmp_path: Path) -> None:
    services, lead = demo.ctx.services, demo.actor
    staff = services.auth.login("staff", "staff-demo-2026")
    incident = services.incidents.start(staff, "FIRE")  # no place of its own
    services.incidents.mark_step(lead, incident.id, 1)
    services.incidents.close(lead, incident.id, CloseInput(outcome="已处置"))
    report = tmp_path / "incident.pdf"
    build_incident_report(services, lead, incident.id, report)
    text = pdf.squashed(pdf.text(report))
    assert "李晓梅" in text and "王建国" in text  # who started it, who closed it, who marked step 1
    assert "启动人staff" not in text and "(staff)" not in text
    assert pdf.squashed(ADDRESS) in text
    initial = tmp_path / "initial.pdf"
    build_initial_report(services, lead, incident.id, initial)
    assert pdf.squashed(ADDRESS) in pdf.squashed(pdf.text(initial))
    handover = tmp_path / "handover.pdf"
    build_handover(services, staff, handover)
    assert "李晓梅" in pdf.squashed(pdf.text(handover))


def test_the_drill_report_numbers_the_drill_and_gives_its_end(demo: Demo, pdf: Pdf, tmp_path: Path) -> None:
    services, lead = demo.ctx.services, demo.actor
    plan = services.drills.plan(lead, DrillPlanInput("FIRE", datetime.now()))
    run = services.drills.run(lead, plan.id)
    services.incidents.close(lead, run.incident_id, CloseInput(outcome="演练结束"))
    report = tmp_path / "drill.pdf"
    build_drill_report(services, lead, plan.id, report)
    text = pdf.squashed(pdf.text(report))
    assert f"演练编号#{plan.id}" in text and "事件编号" not in text
    assert "结束时间" in text and "历时" in text
