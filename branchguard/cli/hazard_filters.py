"""The hazard register's filter options, shared by `hazard list` and `report hazards` so both
select the same hazards for the same words."""

from __future__ import annotations

import argparse
from datetime import date

from branchguard.cli.choices import codes
from branchguard.cli.common import record_id, within_years
from branchguard.cli.localized import refusal
from branchguard.core.hazards.types import HazardFilter, HazardSeverity, HazardSource, HazardStatus


def add_hazard_filter_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filters (all given must hold)")
    group.add_argument("--open", action="store_true", help="still open: open or remediated, not yet verified")
    group.add_argument(
        "--status",
        action="append",
        default=[],
        **codes(HazardStatus),
        help="this status (repeat for several)",
    )
    group.add_argument(
        "--severity", **codes(HazardSeverity), help="only hazards of this severity"
    )
    group.add_argument("--owner", default="", metavar="NAME", help="the owner's name")
    group.add_argument("--overdue", action="store_true", help="past the due date and not yet verified")
    group.add_argument("--text", default="", help="in the number, title, description or location")
    group.add_argument(
        "--from",
        dest="opened_from",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="opened on or after this local date",
    )
    group.add_argument(
        "--to",
        dest="opened_to",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="opened on or before this local date",
    )
    group.add_argument("--inspection", type=record_id, metavar="ID", help="opened by this inspection")
    group.add_argument("--drill", type=record_id, metavar="ID", help="raised from this drill")
    group.add_argument(
        "--source",
        **codes(HazardSource),
        help="only hazards found by an inspection or a drill, or entered by hand",
    )


def hazard_filter_from_args(args: argparse.Namespace) -> HazardFilter:
    return HazardFilter(
        statuses=tuple(HazardStatus(s) for s in dict.fromkeys(args.status)),
        open_only=args.open,
        severity=HazardSeverity(args.severity) if args.severity else None,
        owner=args.owner.strip(),
        overdue_only=args.overdue,
        text=args.text.strip(),
        opened_from=args.opened_from,
        opened_to=args.opened_to,
        inspection_id=args.inspection,
        source=HazardSource(args.source) if args.source else None,
        drill_id=args.drill,
    )


def iso_date(text: str) -> date:
    """A YYYY-MM-DD date within 1900-2200."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:  # argparse would say "invalid iso_date value"
        raise refusal("'%s' is not a date like 2026-12-31", text) from None
    return within_years(day)
