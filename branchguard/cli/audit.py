"""`branchguard audit list`: the audit trail with filters; `audit export -o FILE.xlsx|FILE.pdf`: the
same events taken away as evidence (reports/audit_export.py)."""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from branchguard.cli.common import (
    JSON_TABLE_HELP,
    anchor_warning,
    cli_actor,
    local_time,
    print_json,
    print_table,
    warn,
    whole,
    within_years,
)
from branchguard.cli.localized import refusal
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message, t

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from branchguard.context import AppContext
    from branchguard.core.audit.service import AuditFilter


def _local_day(value: str) -> date:
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise refusal("'%s' is not a date like 2026-11-29", value) from None
    return within_years(parsed)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("audit", help="audit trail").add_subparsers(
        dest="audit_command", metavar="ACTION", required=True
    )
    lst = group.add_parser("list", help="list audit events, newest first")
    lst.add_argument("--json", action="store_true", help=JSON_TABLE_HELP)
    _filter_arguments(lst)
    lst.add_argument(
        "--limit", type=whole(1, 1_000_000), default=1000, help="at most this many events (default 1000)"
    )
    lst.set_defaults(handler=run_list, role_action="audit.list")
    export = group.add_parser(
        "export", help="write the events that audit list lists for the same filters to an .xlsx or a PDF"
    )
    _filter_arguments(export)
    export.add_argument(
        "-o", "--output", required=True, type=Path, help="FILE.pdf or FILE.xlsx: the suffix picks the format"
    )
    export.set_defaults(handler=run_export, role_action="audit.export")


def _filter_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--actor", help="only this user")
    parser.add_argument("--action", help="only actions starting with this, e.g. person or user.login")
    parser.add_argument("--since", type=_local_day, help="from this local date (YYYY-MM-DD)")
    parser.add_argument("--until", type=_local_day, help="up to and including this local date")
    parser.add_argument("--text", help="summary contains this text")


def _utc_start(day: date) -> datetime:
    return datetime.combine(day, time.min).astimezone().astimezone(UTC)


def _filter(args: argparse.Namespace, limit: int = 1000) -> AuditFilter:
    from branchguard.core.audit.service import AuditFilter

    if args.since and args.until and args.until < args.since:  # it listed nothing, saying nothing
        raise ValidationError("field.date_range", Message("schedule.bad_range"))
    return AuditFilter(
        actor=args.actor,
        action_prefix=args.action,
        since=_utc_start(args.since) if args.since else None,
        until=_utc_start(args.until + timedelta(days=1)) if args.until else None,
        text=args.text,
        limit=limit,
    )


def run_export(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.reports.audit_export import build_audit_export, export_format

    export_format(args.output)  # an unknown suffix is refused before anything is read
    setting = ctx.config.settings.get("report_font")
    flt, actor = _filter(args), cli_actor(args)
    exported = build_audit_export(
        ctx.services, actor, flt, args.output, font_setting=setting, on_anchor=anchor_warning
    )
    if exported.warning:
        warn(exported.warning)
    print(exported.path)
    return 0


def run_list(ctx: AppContext, args: argparse.Namespace) -> int:
    flt = _filter(args, args.limit)
    events = ctx.services.audit.list(cli_actor(args), flt)
    if len(events) == args.limit:  # a year's trail was cut at 1000, saying nothing
        total = ctx.services.audit.count(cli_actor(args), flt)
        if total > len(events):
            warn(t("audit.cli.cut", shown=len(events), total=total))
    if args.json:
        print_json(events)
        return 0
    from branchguard.core.audit.text import action_text, entity_text, summary_text

    print_table(
        [
            "audit.column.at",
            "audit.column.actor",
            "audit.column.action",
            "audit.column.entity",
            "audit.column.id",
            "audit.column.summary",
        ],
        [
            (
                local_time(e.at),
                e.actor,
                action_text(e.action),
                entity_text(e.entity),
                e.entity_id,
                summary_text(e)[:80],
            )
            for e in events
        ],
    )
    return 0
