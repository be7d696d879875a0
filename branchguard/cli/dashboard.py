"""`branchguard dashboard`: the dashboard's figures, under the tiles' names, and the list command
that shows the records each one counts (the window opens the same filter on its page)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from branchguard.cli.common import JSON_TEXT_HELP, cli_actor, print_json, print_table, to_jsonable, warn
from branchguard.core.complaints.types import ComplaintFilter
from branchguard.core.dashboard.types import ComplianceFilter, Figure, PeriodFigures, Target
from branchguard.core.early_warnings.types import WarningFilter
from branchguard.core.hazards.types import HazardFilter
from branchguard.core.incidents.types import ActionFilter, IncidentFilter, IncidentStatus
from branchguard.core.kernel.i18n import t
from branchguard.core.schedules.types import DueFilter

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from branchguard.context import AppContext


MONTH_COLUMNS = ("month", "incidents", "drills", "hazards_opened", "hazards_resolved", "hazards_open",
                 "inspections", "drill_score")  # fmt: skip


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("dashboard", help="the branch at a glance: the dashboard's figures and trends")
    p.add_argument("--json", action="store_true", help=JSON_TEXT_HELP)
    p.set_defaults(handler=run_dashboard, role_action="dashboard.view")


def list_command(target: Target) -> list[str]:
    """The command-line words listing exactly the records `target` counts (ValueError for a
    filter part the list commands cannot say, so a new filter cannot go unmatched)."""
    flt = target.filter
    if isinstance(flt, IncidentFilter):
        if flt.level is not None or flt.since is not None or flt.until is not None or flt.search:
            raise ValueError(f"no incident list option for {flt!r}")
        words = ["incident", "list"]
        if flt.status == IncidentStatus.OPEN:
            words.append("--open")
        elif flt.status is not None:
            raise ValueError(f"no incident list option for {flt!r}")
        if flt.drill is not None:
            words.append("--drills" if flt.drill else "--real")
        if flt.checkpoint_overdue:
            words.append("--checkpoint-overdue")
        return words
    if isinstance(flt, ActionFilter):
        if flt.open_only and not flt.overdue_only:
            return ["action", "list", "--open"]
        return ["action", "list", *(["--overdue"] if flt.overdue_only else [])]
    if isinstance(flt, DueFilter):
        words = ["schedule", "due", "--window", flt.window.value]
        for kind in flt.kinds:
            words += ["--kind", kind.value]
        return words
    if isinstance(flt, HazardFilter):
        if flt != HazardFilter(open_only=flt.open_only, overdue_only=flt.overdue_only, severity=flt.severity):
            raise ValueError(f"no hazard list option for {flt!r}")
        words = ["hazard", "list"]
        words += ["--open"] if flt.open_only else []
        words += ["--overdue"] if flt.overdue_only else []
        words += ["--severity", flt.severity.value] if flt.severity is not None else []
        return words
    if isinstance(flt, ComplaintFilter):
        if flt != ComplaintFilter(open_only=flt.open_only, overdue_only=flt.overdue_only):
            raise ValueError(f"no complaint list option for {flt!r}")
        words = ["complaint", "list"]
        words += ["--open"] if flt.open_only else []
        words += ["--overdue"] if flt.overdue_only else []
        return words
    if isinstance(flt, ComplianceFilter):
        words = ["compliance"]
        for status in flt.statuses:
            words += ["--status", status.value]
        return words
    if isinstance(flt, WarningFilter):
        words = ["warning", "list"]
        words += ["--active"] if flt.active_only else []
        words += ["--severe"] if flt.severe_only else []
        return words
    raise ValueError(f"no list command for {target!r}")


def figure_json(f: Figure) -> dict[str, Any]:
    return {
        "name": f.name,
        "value": f.value,
        "unit": f.unit,
        "page": f.target.page,
        "filter": to_jsonable(f.target.filter),
        "list_command": list_command(f.target),
    }


def period_json(p: PeriodFigures) -> dict[str, Any]:
    return {
        "start": p.start.isoformat(),
        "end": p.end.isoformat(),
        "incidents": p.incidents,
        "incidents_by_category": p.incidents_by_category,
        "incidents_by_level": p.incidents_by_level,
        "drills": p.drills,
        "drills_by_category": p.drills_by_category,
        "drills_evaluated": p.drills_evaluated,
        "drill_score_average": p.drill_score_average,
        "hazards_opened": p.hazards_opened,
        "hazards_resolved": p.hazards_resolved,
        "hazards_open_at_end": p.hazards_open_at_end,
        "inspections_due": p.inspections_due,
        "inspections_done": p.inspections_done,
        "inspections_submitted": p.inspections_submitted,
        "complaints_received": p.complaints_received,
        "grumbles_received": p.grumbles_received,
        "objections_received": p.objections_received,
        "complaints_by_channel": p.complaints_by_channel,
        "complaints_by_category": p.complaints_by_category,
        "complaints_by_cause": p.complaints_by_cause,
        "complaints_answered": p.complaints_answered,
        "complaints_on_time": p.complaints_on_time,
        "complaints_rated": p.complaints_rated,
        "complaints_satisfied": p.complaints_satisfied,
    }


def run_dashboard(ctx: AppContext, args: argparse.Namespace) -> int:
    actor = cli_actor(args)
    if not ctx.read_only:  # as the window's scheduler does: what fell due is written first
        ctx.services.schedules.catch_up(actor)
    board = ctx.services.dashboard.dashboard(actor)
    if args.json:
        print_json(
            {
                "today": board.today.isoformat(),
                "figures": {f.name: f.value for f in board.figures()},
                "details": [figure_json(f) for f in board.figures()],
                "tiles": [{"name": x.name, "figures": [f.name for f in x.figures]} for x in board.tiles],
                "months": [period_json(m) for m in board.months],
                "holiday_note": board.holiday_note,
            }
        )
        return 0
    rows = []
    for tile in board.tiles:
        for i, f in enumerate(tile.figures):
            label = t(f"dashboard.figure.{f.name}")
            heading = t(f"dashboard.tile.{tile.name}") if i == 0 else ""
            rows.append((heading, label, f.value, f.name, "branchguard " + " ".join(list_command(f.target))))
    print_table(["", "dashboard.cli.figure", "dashboard.cli.value", "", "dashboard.cli.opens"], rows)
    print()
    print_table(
        [f"dashboard.cli.{key}" for key in MONTH_COLUMNS],
        [
            (m.start.strftime("%Y-%m"), m.incidents, m.drills, m.hazards_opened, m.hazards_resolved,
             m.hazards_open_at_end, f"{m.inspections_done}/{m.inspections_due}",
             "—" if m.drill_score_average is None else m.drill_score_average)
            for m in board.months
        ],
    )  # fmt: skip
    if board.holiday_note:
        warn(board.holiday_note)
    return 0
