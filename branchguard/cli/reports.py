"""`branchguard report incident|initial|drill|inspection|complaint ID -o FILE.pdf`,
`report hazards|complaints -o FILE.pdf|FILE.xlsx`,
`report summary --period P -o FILE.pdf|FILE.xlsx` and `branchguard handover -o FILE.pdf`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from branchguard.cli.common import anchor_warning, cli_actor, complaint_reference, fail, record_id, warn
from branchguard.cli.complaints import (
    ID_HELP,
    add_complaint_filter_arguments,
    complaint_filter_from_args,
    complaint_id,
    unmasking,
)
from branchguard.cli.hazard_filters import add_hazard_filter_arguments, hazard_filter_from_args

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from branchguard.context import AppContext
    from branchguard.reports.fonts import FontChoice

# The report modules (and ReportLab) are imported where needed: every command starts faster.


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = sub.add_parser("report", help="PDF reports; the hazard register also as Excel").add_subparsers(
        dest="report_command", metavar="KIND", required=True
    )
    incident = report.add_parser("incident", help="an incident's report (事件报告) as PDF")
    incident.add_argument("id", type=record_id, help="the incident's id")
    incident.add_argument("-o", "--output", required=True, type=Path, help="PDF file to write")
    incident.set_defaults(handler=run_incident_report, role_action="incident.read")

    initial = report.add_parser("initial", help="an incident's initial report to head office (初报) as PDF")
    initial.add_argument("id", type=record_id, help="the incident's id")
    initial.add_argument("-o", "--output", required=True, type=Path, help="PDF file to write")
    initial.set_defaults(handler=run_initial_report, role_action="incident.read")

    drill = report.add_parser("drill", help="a drill's report (演练报告) as PDF")
    drill.add_argument("id", type=record_id, help="the drill's id")
    drill.add_argument("-o", "--output", required=True, type=Path, help="PDF file to write")
    drill.set_defaults(handler=run_drill_report, role_action="drill.read")

    inspection = report.add_parser("inspection", help="an inspection's record (检查记录) as PDF")
    inspection.add_argument("id", type=record_id, help="the inspection's id")
    inspection.add_argument("-o", "--output", required=True, type=Path, help="PDF file to write")
    inspection.set_defaults(handler=run_inspection_report, role_action="inspection.read")

    hazards = report.add_parser(
        "hazards", help="the hazard register (隐患台账) as PDF or Excel, with the filters given"
    )
    hazards.add_argument(
        "-o", "--output", required=True, type=Path, help="FILE.pdf or FILE.xlsx: the suffix picks the format"
    )
    add_hazard_filter_arguments(hazards)
    hazards.set_defaults(handler=run_hazard_register, role_action="hazard.read")

    complaint = report.add_parser("complaint", help="a complaint's file (投诉处理档案) as PDF")
    complaint.add_argument("id", type=complaint_reference, help=ID_HELP)
    complaint.add_argument("-o", "--output", required=True, type=Path, help="PDF file to write")
    complaint.add_argument("--unmask", action="store_true", help="the complainant's identifiers in full")
    complaint.set_defaults(handler=run_complaint_file, role_action=unmasking("complaint.read"))

    complaints = report.add_parser(
        "complaints", help="the complaint register with statistics as PDF or Excel, with the filters given"
    )
    complaints.add_argument(
        "-o", "--output", required=True, type=Path, help="FILE.pdf or FILE.xlsx: the suffix picks the format"
    )
    add_complaint_filter_arguments(complaints)
    complaints.set_defaults(handler=run_complaint_register, role_action=unmasking("complaint.read"))

    summary = report.add_parser(
        "summary", help="the periodic safety report (网点安全管理工作报告) as PDF or Excel"
    )
    summary.add_argument(
        "--period", required=True, help="a month (2026-11), a quarter (2026-Q4) or a year (2026)"
    )
    summary.add_argument(
        "-o", "--output", required=True, type=Path, help="FILE.pdf or FILE.xlsx: the suffix picks the format"
    )
    summary.set_defaults(handler=run_summary_report, role_action="dashboard.view")

    handover = sub.add_parser("handover", help="the shift handover (交接班) as a PDF, every open item listed")
    handover.add_argument("-o", "--output", required=True, type=Path, help="PDF file to write")
    handover.set_defaults(handler=run_handover, role_action="incident.read")


def run_incident_report(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.reports.incident_report import build_incident_report

    setting = ctx.config.settings.get("report_font")
    font = build_incident_report(ctx.services, cli_actor(args), args.id, args.output, setting, anchor_warning)
    return _written(args.output, font)


def run_initial_report(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.reports.initial_report import build_initial_report

    setting = ctx.config.settings.get("report_font")
    font = build_initial_report(ctx.services, cli_actor(args), args.id, args.output, setting, anchor_warning)
    return _written(args.output, font)


def run_drill_report(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.reports.drill_report import build_drill_report

    setting = ctx.config.settings.get("report_font")
    font = build_drill_report(ctx.services, cli_actor(args), args.id, args.output, setting, anchor_warning)
    return _written(args.output, font)


def run_inspection_report(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.reports.inspection_report import build_inspection_report

    setting = ctx.config.settings.get("report_font")
    font = build_inspection_report(
        ctx.services, cli_actor(args), args.id, args.output, setting, anchor_warning
    )
    return _written(args.output, font)


def run_hazard_register(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.core.kernel.i18n import t

    suffix = args.output.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        # A usage error, like argparse's own (exit status 2), and nothing is written.
        return fail(t("report.hazards.bad_suffix", path=args.output), 2)
    hazard_filter = hazard_filter_from_args(args)
    if suffix == ".xlsx":
        from branchguard.reports.hazard_excel import build_hazard_workbook

        build_hazard_workbook(ctx.services, cli_actor(args), hazard_filter, args.output, anchor_warning)
    else:
        from branchguard.reports.hazard_register import build_hazard_register

        setting = ctx.config.settings.get("report_font")
        font = build_hazard_register(
            ctx.services, cli_actor(args), hazard_filter, args.output, setting, anchor_warning
        )
        return _written(args.output, font)
    return _written(args.output)


def run_complaint_file(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.reports.complaint_file import build_complaint_file

    setting = ctx.config.settings.get("report_font")
    actor, complaint = cli_actor(args), complaint_id(ctx, args)
    font = build_complaint_file(
        ctx.services, actor, complaint, args.output, setting, unmask=args.unmask, on_anchor=anchor_warning
    )
    return _written(args.output, font)


def run_complaint_register(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.core.kernel.i18n import t

    suffix = args.output.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        return fail(t("report.complaints.bad_suffix", path=args.output), 2)
    flt = complaint_filter_from_args(args)
    if suffix == ".xlsx":
        from branchguard.reports.complaint_excel import build_complaint_workbook

        build_complaint_workbook(
            ctx.services, cli_actor(args), flt, args.output, unmask=args.unmask, on_anchor=anchor_warning
        )
    else:
        from branchguard.reports.complaint_register import build_complaint_register

        setting = ctx.config.settings.get("report_font")
        font = build_complaint_register(
            ctx.services,
            cli_actor(args),
            flt,
            args.output,
            setting,
            unmask=args.unmask,
            on_anchor=anchor_warning,
        )
        return _written(args.output, font)
    return _written(args.output)


def run_summary_report(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.core.dashboard.rules import parse_period
    from branchguard.core.kernel.i18n import t

    suffix = args.output.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        return fail(t("summary.bad_suffix", path=args.output), 2)
    period = parse_period(args.period)
    actor = cli_actor(args)
    if suffix == ".xlsx":
        from branchguard.reports.summary_excel import build_summary_workbook

        build_summary_workbook(ctx.services, actor, period, args.output, anchor_warning)
    else:
        from branchguard.reports.summary import build_summary_report

        setting = ctx.config.settings.get("report_font")
        font = build_summary_report(ctx.services, actor, period, args.output, setting, anchor_warning)
        return _written(args.output, font)
    return _written(args.output)


def run_handover(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.reports.fonts import find_cjk_font
    from branchguard.reports.handover import build_handover

    setting = ctx.config.settings.get("report_font")
    build_handover(ctx.services, cli_actor(args), args.output, font_setting=setting, on_anchor=anchor_warning)
    # The same (cached) choice the page was set in: say when it is not a proper embedded font.
    font = find_cjk_font(setting)
    return _written(args.output, font)


def _written(path: Path, font: FontChoice | None = None) -> int:
    """A report is written: its font's fallback said on stderr, its path printed; exit 0."""
    if font is not None and font.warning:
        warn(font.warning)
    print(path)
    return 0
