"""The PDF reports a period package carries: each incident's and each drill's report and the
periodic safety report of the period, made by the same builders as `branchguard report
incident|drill|summary` (each signs and appends its own anchor)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from branchguard.core.kernel.types import Actor

if TYPE_CHECKING:
    from branchguard.core.exchange.service import Documents
    from branchguard.core.services import Services


def period_documents(services: Services, actor: Actor, font_setting: str = "") -> Documents:
    def build(kind: str, ref: int | str, path: Path) -> None:
        if kind == "incident":
            from branchguard.reports.incident_report import build_incident_report

            build_incident_report(services, actor, int(ref), path, font_setting)
        elif kind == "drill":
            from branchguard.reports.drill_report import build_drill_report

            build_drill_report(services, actor, int(ref), path, font_setting)
        elif kind == "summary":
            from branchguard.core.dashboard.rules import parse_period
            from branchguard.reports.summary import build_summary_report

            build_summary_report(services, actor, parse_period(str(ref)), path, font_setting)
        else:
            raise KeyError(kind)

    return build
