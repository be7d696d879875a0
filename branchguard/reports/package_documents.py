"""The PDF reports a period package carries: each incident's and each drill's report, made by
the same builders as `branchguard report incident|drill` (each signs and appends its own anchor)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from branchguard.core.kernel.types import Actor

if TYPE_CHECKING:
    from branchguard.core.exchange.service import Documents
    from branchguard.core.services import Services


def period_documents(services: Services, actor: Actor, font_setting: str = "") -> Documents:
    def build(kind: str, record_id: int, path: Path) -> None:
        if kind == "incident":
            from branchguard.reports.incident_report import build_incident_report

            build_incident_report(services, actor, record_id, path, font_setting)
        elif kind == "drill":
            from branchguard.reports.drill_report import build_drill_report

            build_drill_report(services, actor, record_id, path, font_setting)
        else:
            raise KeyError(kind)

    return build
