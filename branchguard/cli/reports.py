"""`branchguard report incident|drill ID -o FILE.pdf` and `branchguard handover -o FILE.pdf`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from branchguard.cli.common import cli_actor, warn

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from branchguard.context import AppContext

# The report modules (and ReportLab) are imported where needed: every command starts faster.


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = sub.add_parser("report", help="PDF reports").add_subparsers(
        dest="report_command", metavar="KIND", required=True
    )
    incident = report.add_parser("incident", help="an incident's report (事件报告) as PDF")
    incident.add_argument("id", type=int)
    incident.add_argument("-o", "--output", required=True, type=Path, help="PDF file to write")
    incident.set_defaults(handler=run_incident_report)

    drill = report.add_parser("drill", help="a drill's report (演练报告) as PDF")
    drill.add_argument("id", type=int)
    drill.add_argument("-o", "--output", required=True, type=Path, help="PDF file to write")
    drill.set_defaults(handler=run_drill_report)

    handover = sub.add_parser("handover", help="the shift handover snapshot (交接班) as a one-page PDF")
    handover.add_argument("-o", "--output", required=True, type=Path, help="PDF file to write")
    handover.set_defaults(handler=run_handover)


def run_incident_report(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.reports.incident_report import build_incident_report

    setting = ctx.config.settings.get("report_font")
    font = build_incident_report(ctx.services, cli_actor(), args.id, args.output, setting)
    if font.warning:
        warn(font.warning)
    print(args.output)
    return 0


def run_drill_report(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.reports.drill_report import build_drill_report

    setting = ctx.config.settings.get("report_font")
    font = build_drill_report(ctx.services, cli_actor(), args.id, args.output, setting)
    if font.warning:
        warn(font.warning)
    print(args.output)
    return 0


def run_handover(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.reports.fonts import find_cjk_font
    from branchguard.reports.handover import build_handover_pdf

    setting = ctx.config.settings.get("report_font")
    snapshot = ctx.services.incidents.handover(cli_actor())
    build_handover_pdf(snapshot, ctx.services.branch.get(), args.output, font_setting=setting)
    # The same (cached) choice the page was set in: say when it is not a proper embedded font.
    font = find_cjk_font(setting)
    if font.warning:
        warn(font.warning)
    print(args.output)
    return 0
