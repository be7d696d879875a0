"""`branchguard warning add|list|lift|start|apply`: the early-warning log (预警记录) headless.

A warning received (weather bureau, police, head office, emergency management) is recorded with
its colour and hazard; `--start` (or `warning start ID` later) starts the natural-disaster plan
from it. A warning is never edited: `warning lift ID` records its lifting (or, with --cancelled,
its cancelling) as a later event. While the plan's real incident is open nothing is started (one
emergency, one log): the refusal names `warning apply ID --incident N`, which logs the warning in
that incident (raising its level only to a higher one), and `warning start ID --despite-open`,
which starts a second, separate event. `warning add` keeps the warning either way and then exits
RECORDED_NOT_STARTED, so that a script does not add it again.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from branchguard.cli.choices import codes
from branchguard.cli.common import (
    DESPITE_OPEN_HELP,
    JSON_TABLE_HELP,
    cli_actor,
    fail,
    print_json,
    print_table,
    record_id,
)
from branchguard.core.early_warnings.types import (
    EarlyWarning,
    WarningFilter,
    WarningKind,
    WarningLevel,
    WarningSource,
)
from branchguard.core.incidents.text import local_stamp
from branchguard.core.kernel.i18n import t

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from branchguard.context import AppContext
    from branchguard.core.incidents.opening import PlanAlreadyOpen

# `warning add --start`'s exit when the warning was recorded but the plan's incident is open: not
# 1 (nothing written), so a script retrying on failure does not record the warning twice.
RECORDED_NOT_STARTED = 3


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("warning", help="early warnings received (预警记录)").add_subparsers(
        dest="warning_command", metavar="ACTION", required=True
    )
    add = group.add_parser("add", help="record a warning received; prints its id")
    add.add_argument(
        "--source", required=True, **codes(WarningSource), help="who issued it"
    )
    add.add_argument("--level", required=True, **codes(WarningLevel), help="its colour")
    add.add_argument("--kind", required=True, **codes(WarningKind), help="the hazard")
    add.add_argument(
        "--received", required=True, metavar="YYYY-MM-DD HH:MM", help="when it came (local time)"
    )
    add.add_argument("--text", required=True, help="the warning as received")
    add.add_argument(
        "--start", action="store_true", help="also start the natural-disaster plan (NAT) at this warning"
    )
    add.add_argument(
        "--despite-open",
        action="store_true",
        help="with --start: start a second, separate event though the plan's incident is open",
    )
    add.set_defaults(handler=run_add, role_action="warning.record", usage_error=add.error)

    lst = group.add_parser("list", help="the warnings, newest received first")
    lst.add_argument("--active", action="store_true", help="only those in force (not lifted or cancelled)")
    lst.add_argument("--severe", action="store_true", help="only orange and red (the dashboard's count)")
    lst.add_argument("--json", action="store_true", help=JSON_TABLE_HELP)
    lst.set_defaults(handler=run_list, role_action="warning.read")

    lift = group.add_parser("lift", help="record that a warning was lifted (or cancelled)")
    lift.add_argument("id", type=record_id, help="the warning's id")
    lift.add_argument("--note", default="", help="a note, e.g. who announced the lifting")
    lift.add_argument("--cancelled", action="store_true", help="cancelled by its issuer, not lifted")
    lift.set_defaults(handler=run_lift, role_action="warning.lift")

    start = group.add_parser(
        "start", help="start the natural-disaster plan from a warning; prints the incident id"
    )
    start.add_argument("id", type=record_id, help="the warning's id")
    start.add_argument("--despite-open", action="store_true", help=DESPITE_OPEN_HELP)
    start.set_defaults(handler=run_start, role_action="incident.start")

    apply = group.add_parser(
        "apply", help="log a warning in an incident already open, raising its level to a higher one"
    )
    apply.add_argument("id", type=record_id, help="the warning's id")
    apply.add_argument(
        "--incident", required=True, type=record_id, metavar="N", help="the open incident's id"
    )
    apply.set_defaults(handler=run_apply, role_action="incident.log")


def run_add(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.core.early_warnings.rules import parse_received
    from branchguard.core.early_warnings.types import WarningInput

    if args.despite_open and not args.start:  # it says how to start: nothing to start without --start
        args.usage_error(t("warning.cli.despite_open_alone"))
    data = WarningInput(
        received_at=parse_received(args.received),
        source=WarningSource(args.source),
        level=WarningLevel(args.level),
        kind=WarningKind(args.kind),
        text=args.text,
    )
    from branchguard.core.early_warnings.service import RecordedPlanOpen  # SQLAlchemy: only when run

    try:
        warning = ctx.services.warnings.add(
            cli_actor(args), data, start=args.start, despite_open=args.despite_open
        )
    except RecordedPlanOpen as refused:  # the warning is kept: its id, then what to do instead
        print(refused.warning.id)
        advice = open_advice(refused, refused.warning)
        said = t("warning.cli.recorded_not_started", warning=refused.warning.id, advice=advice)
        return fail(said, RECORDED_NOT_STARTED)
    print(warning.id)
    if warning.incident_id is not None:
        started = ctx.services.incidents.get(cli_actor(args), warning.incident_id, with_entries=False)
        print(t("warning.cli.started", id=warning.incident_id, title=started.summary.title))
    return 0


def run_lift(ctx: AppContext, args: argparse.Namespace) -> int:
    warning = ctx.services.warnings.lift(cli_actor(args), args.id, args.note, cancelled=args.cancelled)
    ended = warning.ended
    print(t("warning.cli.lifted", id=warning.id, event=ended.kind.label if ended else ""))
    return 0


def run_start(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.core.incidents.opening import PlanAlreadyOpen  # SQLAlchemy: only when run

    actor = cli_actor(args)
    try:
        summary = ctx.services.warnings.start_preparation(actor, args.id, despite_open=args.despite_open)
    except PlanAlreadyOpen as refused:
        return fail(open_advice(refused, ctx.services.warnings.get(actor, args.id)))
    print(summary.id)
    return 0


def run_apply(ctx: AppContext, args: argparse.Namespace) -> int:
    summary = ctx.services.warnings.apply_to_open(cli_actor(args), args.id, args.incident)
    level = summary.warning_level.label if summary.warning_level else "-"
    print(t("warning.cli.applied", id=args.id, incident=summary.id, level=level))
    return 0


def open_advice(refused: PlanAlreadyOpen, warning: EarlyWarning) -> str:
    """The refusal to start the plan while its incident is open (its reason, without the field's
    label), with the way to do what was meant: the warning logged in that incident, which raises
    its level when the warning's is higher, or a second, separate event started from it."""
    found, level = refused.incident, warning.level
    key = "warning.cli.open_raise" if level.above(found.warning_level) else "warning.cli.open_log"
    return t(key, refusal=refused.reason, id=found.id, level=level.label, warning=warning.id)


def warning_json(w: EarlyWarning) -> dict[str, Any]:
    return {
        "id": w.id,
        "received_at": w.received_at.isoformat(),
        "source": w.source.value,
        "level": w.level.value,
        "kind": w.kind.value,
        "text": w.text,
        "recorded_by": w.recorded_by,
        "recorded_at": w.recorded_at.isoformat(),
        "active": w.active,
        "incident_id": w.incident_id,
        "events": [
            {"kind": e.kind.value, "at": e.at.isoformat(), "actor": e.actor, "note": e.note,
             "incident_id": e.incident_id}
            for e in w.events
        ],
    }  # fmt: skip


def state_text(w: EarlyWarning) -> str:
    """In force, or how and when it ended (local time)."""
    ended = w.ended
    if ended is None:
        return t("warning.state.active")
    return f"{ended.kind.label} {local_stamp(ended.at, '%Y-%m-%d %H:%M')}"


def run_list(ctx: AppContext, args: argparse.Namespace) -> int:
    flt = WarningFilter(active_only=args.active, severe_only=args.severe)
    warnings = ctx.services.warnings.list(cli_actor(args), flt)
    if args.json:
        print_json([warning_json(w) for w in warnings])
        return 0
    if not warnings:
        print(t("warning.cli.none"))
        return 0
    keys = ("id", "received", "source", "level", "kind", "state", "incident", "text")
    print_table(
        [f"warning.col.{k}" for k in keys],
        [
            (
                w.id,
                local_stamp(w.received_at, "%Y-%m-%d %H:%M"),
                w.source.label,
                w.level.label,
                w.kind.label,
                state_text(w),
                f"#{w.incident_id}" if w.incident_id else "-",
                w.text,
            )
            for w in warnings
        ],
    )
    return 0
