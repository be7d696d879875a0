"""The four-colour warning on paper: the incident report's facts and the initial report carry it for
a weather incident, and its change is in the timeline; an incident without one shows no such row."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from branchguard.core.early_warnings.types import WarningLevel
from branchguard.core.kernel.types import Actor, Role
from branchguard.reports.incident_report import build_incident_report
from branchguard.reports.initial_report import build_initial_report
from tests.reports.conftest import Pdf


def lead_of(ctx: Any) -> Actor:
    ctx.services.demo.fill()
    info = ctx.services.auth.user_by_name("lead")
    return Actor(user_id=info.id, username=info.username, role=Role(info.role))


def test_the_warning_level_is_on_both_reports(ctx: Any, tmp_path: Path) -> None:
    lead = lead_of(ctx)
    nat = ctx.services.incidents.start(lead, "NAT", warning=WarningLevel.YELLOW).id
    ctx.services.warnings.change_incident_level(lead, nat, WarningLevel.ORANGE, "气象台升级预警")
    report, initial = tmp_path / "report.pdf", tmp_path / "initial.pdf"
    build_incident_report(ctx.services, lead, nat, report)
    build_initial_report(ctx.services, lead, nat, initial)
    text = Pdf.squashed(Pdf.text(report))
    assert "预警级别" in text and "橙色预警" in text
    assert "预警级别黄色预警→橙色预警" in text and "气象台升级预警" in text  # the change, in the timeline
    first = Pdf.squashed(Pdf.text(initial))
    assert "预警级别" in first and "橙色预警" in first

    fire = ctx.services.incidents.start(lead, "FIRE").id
    plain = tmp_path / "fire.pdf"
    build_initial_report(ctx.services, lead, fire, plain)
    assert "预警级别" not in Pdf.squashed(Pdf.text(plain))
