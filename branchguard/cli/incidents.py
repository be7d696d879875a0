"""`branchguard incident start|log|step|close|show|list` and `branchguard verify`: live incidents headless."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from branchguard.cli.choices import codes
from branchguard.cli.common import (
    DESPITE_OPEN_HELP,
    JSON_TABLE_HELP,
    JSON_TEXT_HELP,
    cli_actor,
    fail,
    follow_up_action,
    local_time,
    print_json,
    print_table,
    printable,
    record_id,
    to_jsonable,
    whole,
)
from branchguard.cli.localized import refusal
from branchguard.core.early_warnings.types import WarningLevel
from branchguard.core.incidents.text import (
    clock_marks,
    elapsed_text,
    entry_text,
    local_stamp,
    step_role_text,
    step_timing,
    yuan_text,
)
from branchguard.core.incidents.types import (
    TYPED_KINDS,
    ActionFilter,
    CloseInput,
    EntryKind,
    FollowUpAction,
    IncidentDetail,
    IncidentFilter,
    IncidentStatus,
    IncidentStep,
    IncidentSummary,
    LogEntry,
)
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor, Level
from branchguard.core.kernel.validation import MAX_CENTS
from branchguard.core.playbooks.text import target_text

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from branchguard.context import AppContext


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("incident", help="live incidents (应急处置)").add_subparsers(
        dest="incident_command", metavar="ACTION", required=True
    )
    start = group.add_parser("start", help="start an incident (ad hoc without --playbook); prints its id")
    start.add_argument("--playbook", metavar="CODE", help="the plan to follow (its approved version)")
    start.add_argument(
        "--level", **codes(Level), help="default: the least severe level the plan allows"
    )
    start.add_argument("--drill", action="store_true", help="a drill (演练), marked as one everywhere")
    start.add_argument("--title", default="", help="default: the plan's title")
    start.add_argument(
        "--warning",
        **codes(WarningLevel),
        help="the four-colour warning (蓝/黄/橙/红色预警) in force: weather and natural-disaster plans only",
    )
    start.add_argument(
        "--despite-open",
        action="store_true",
        help=DESPITE_OPEN_HELP,
    )
    start.set_defaults(handler=run_start, role_action="incident.start")

    warning = group.add_parser(
        "warning", help="set or change a weather incident's four-colour warning level (logged)"
    )
    warning.add_argument("id", type=record_id, help="the incident's id")
    warning.add_argument(
        "level", **codes(WarningLevel), help="the warning level now in force"
    )
    warning.add_argument("--reason", default="", help="why, e.g. the bureau's new signal")
    warning.set_defaults(handler=run_warning, role_action="incident.warning")

    log = group.add_parser("log", help="add an entry to an incident's log; prints its number")
    log.add_argument("id", type=record_id, help="the incident's id")
    log.add_argument("--kind", required=True, **codes(TYPED_KINDS), help="the entry's type")
    log.add_argument("--text", required=True, help="what happened, was done or was said")
    log.add_argument(
        "--corrects", type=record_id, metavar="SEQ", help="the number of the entry this corrects"
    )
    log.set_defaults(handler=run_log, role_action="incident.log")

    step = group.add_parser("step", help="mark a step done or skipped; prints the entry's number")
    step.add_argument("id", type=record_id, help="the incident's id")
    step.add_argument("number", type=whole(1, 10_000), metavar="N", help="the step's number, from 1")
    how = step.add_mutually_exclusive_group(required=True)
    how.add_argument("--done", action="store_true", help="the step was done")
    how.add_argument("--skip", metavar="REASON", help="skipped, not done, because REASON")
    step.set_defaults(handler=run_step, role_action="incident.step")

    close = group.add_parser("close", help="close an incident with its outcome")
    close.add_argument("id", type=record_id, help="the incident's id")
    close.add_argument("--outcome", required=True, help="how the incident ended")
    close.add_argument("--injuries", default="", help="injuries, if any")
    close.add_argument("--losses", type=_yuan, metavar="YUAN", help="losses in yuan, e.g. 1250.50")
    close.add_argument("--root-cause", default="", help="what caused the incident")
    close.add_argument(
        "--action",
        dest="actions",
        action="append",
        type=follow_up_action,
        default=[],
        metavar="TEXT|OWNER|YYYY-MM-DD",
        help="a follow-up action, its owner and due date (the date may be left out); repeatable",
    )
    close.add_argument(
        "--despite-pending",
        action="store_true",
        help="close it although steps are still pending (without it they are listed and nothing is closed)",
    )
    close.set_defaults(handler=run_close, role_action="incident.close")

    show = group.add_parser("show", help="show an incident with its steps and full log")
    show.add_argument("id", type=record_id, help="the incident's id")
    show.add_argument("--json", action="store_true", help=JSON_TEXT_HELP)
    show.set_defaults(handler=run_show, role_action="incident.read")

    lst = group.add_parser("list", help="list incidents, newest first")
    lst.add_argument("--json", action="store_true", help=JSON_TABLE_HELP)
    lst.add_argument("--open", action="store_true", help="only open incidents")
    lst.add_argument("--search", default="", help="words in a title or in any log entry")
    kind = lst.add_mutually_exclusive_group()
    kind.add_argument("--real", dest="drill", action="store_false", default=None, help="real incidents only")
    kind.add_argument("--drills", dest="drill", action="store_true", default=None, help="drills only")
    lst.add_argument(
        "--checkpoint-overdue",
        action="store_true",
        help="only open incidents with a report to head office (上报) past its deadline",
    )
    lst.set_defaults(handler=run_list, role_action="incident.read")

    actions = sub.add_parser(
        "action", help="follow-up and corrective actions of incidents and drills (整改措施)"
    ).add_subparsers(dest="action_command", metavar="ACTION", required=True)
    alist = actions.add_parser("list", help="every action, by due date")
    state = alist.add_mutually_exclusive_group()
    state.add_argument("--open", action="store_true", help="only actions not yet done")
    state.add_argument("--overdue", action="store_true", help="only actions not done and past their due date")
    alist.add_argument("--json", action="store_true", help=JSON_TABLE_HELP)
    alist.set_defaults(handler=run_action_list, role_action="incident.read")
    adone = actions.add_parser("done", help="mark an action done (its reminder ends with it)")
    adone.add_argument("id", type=record_id, help="the action's id")
    adone.set_defaults(handler=run_action_done, role_action="incident.action")


def _yuan(value: str) -> int:
    """Yuan as typed (1250, 1,250.5) to fen; a negative amount is the service's to refuse."""
    try:
        amount = Decimal(value.replace(",", "").strip())
    except InvalidOperation:
        raise refusal("'%s' is not an amount like 1250.50", value) from None
    if not amount.is_finite():  # NaN, Infinity
        raise refusal("'%s' is not an amount like 1250.50", value)
    if abs(amount) > MAX_CENTS // 100:  # 1e400 is finite to Decimal, and too big for anything else
        raise refusal("'%s' is more than %s yuan", value, f"{MAX_CENTS // 100:,}")
    if amount != amount.quantize(Decimal("0.01")):
        raise refusal("'%s' is not an amount in yuan with at most 2 decimals", value)
    return int(amount * 100)


# -- changing ----------------------------------------------------------------------------------
def run_start(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.core.incidents.opening import PlanAlreadyOpen  # SQLAlchemy: only when run

    try:
        summary = ctx.services.incidents.start(
            cli_actor(args),
            args.playbook,
            Level(args.level) if args.level else None,
            title=args.title,
            drill=args.drill,
            warning=WarningLevel(args.warning) if args.warning else None,
            despite_open=args.despite_open,
        )
    except PlanAlreadyOpen as refused:  # the way past it is this command's own option
        return fail(t("cli.incident.plan_open", refusal=refused.message))
    print(summary.id)
    return 0


def run_warning(ctx: AppContext, args: argparse.Namespace) -> int:
    level = WarningLevel(args.level)
    ctx.services.warnings.change_incident_level(cli_actor(args), args.id, level, args.reason)
    print(t("incident.cli.warning_changed", id=args.id, level=level.label))
    return 0


def run_log(ctx: AppContext, args: argparse.Namespace) -> int:
    entry = ctx.services.incidents.log(
        cli_actor(args), args.id, EntryKind(args.kind), args.text, corrects=args.corrects
    )
    print(entry.seq)
    return 0


def run_step(ctx: AppContext, args: argparse.Namespace) -> int:
    done = args.skip is None
    entry = ctx.services.incidents.mark_step(
        cli_actor(args), args.id, args.number, done=done, reason="" if done else args.skip
    )
    print(entry.seq)
    return 0


def run_close(ctx: AppContext, args: argparse.Namespace) -> int:
    """An open incident (or drill) with steps still pending is closed only with --despite-pending:
    without it they are listed on stderr, as the window's close dialog lists them before it asks
    (the same rule, incidents.rules.open_at_close), and nothing is closed (exit 2)."""
    actor = cli_actor(args)
    if not args.despite_pending and (still_open := _open_at_close(ctx, actor, args.id)) is not None:
        return still_open
    data = CloseInput(
        outcome=args.outcome,
        injuries=args.injuries,
        losses_cents=args.losses,
        root_cause=args.root_cause,
        actions=tuple(args.actions),
    )
    detail = ctx.services.incidents.close(cli_actor(args), args.id, data)
    print(t("cli.incident.closed", id=detail.id, count=detail.summary.entry_count))
    return 0


def _open_at_close(ctx: AppContext, actor: Actor, incident_id: int) -> int | None:
    """The refusal (exit 2) listing what the close would leave open; None when nothing is, or when
    the incident is closed already (the service's close then says so)."""
    from branchguard.core.incidents.rules import open_at_close

    detail = ctx.services.incidents.get(actor, incident_id)
    still_open = open_at_close(detail, datetime.now(UTC))
    if detail.summary.status != IncidentStatus.OPEN or not still_open:
        return None
    fail(
        t(
            "cli.incident.still_open",
            id=incident_id,
            pending=len(still_open.pending),
            overdue=len(still_open.overdue_checkpoints),
        ),
        2,
    )
    for point in still_open.overdue_checkpoints:
        due = local_stamp(point.due_at, "%Y-%m-%d %H:%M")
        _say(t("cli.incident.report_overdue", due=due, step=point.step, text=point.text.text))
    for step in still_open.pending:
        role = step.role_name.text or step.role
        said = t("cli.incident.pending_step", number=step.number, text=step.text.text, role=role)
        _say(said if role else f"{step.number}. {step.text.text}")
    return 2


def _say(line: str) -> None:
    print(f"  {printable(line)}", file=sys.stderr)


# -- reading -----------------------------------------------------------------------------------
def _when(at: datetime | None) -> str | None:
    return at.astimezone(UTC).isoformat() if at else None


def summary_json(s: IncidentSummary) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.title,
        "playbook_code": s.playbook_code,
        "playbook_version": s.playbook_version,
        "category": s.category.value,
        "level": s.level.value,
        "warning_level": s.warning_level.value if s.warning_level else None,
        "drill": s.drill,
        "status": s.status.value,
        "started_by": s.started_by,
        "started_at": _when(s.started_at),
        "closed_at": _when(s.closed_at),
        "entry_count": s.entry_count,
        "chain_head": s.chain_head,
    }


def step_json(s: IncidentStep) -> dict[str, Any]:
    return {
        "number": s.number,
        "key": s.key,
        "text_zh": s.text.zh,
        "text_en": s.text.en,
        "role": s.role,
        "role_name_zh": s.role_name.zh,
        "role_name_en": s.role_name.en,
        "holder": s.holder,
        "backup": s.backup,
        "target_minutes": s.target_minutes,
        "checkpoint": s.checkpoint,
        "deadline_minutes": s.deadline_minutes,
        "state": s.state.value,
        "by": s.by,
        "at": _when(s.at),
        "reason": s.reason,
    }


def entry_json(e: LogEntry, clock_warning: str | None = None) -> dict[str, Any]:
    """An entry as JSON; with `clock_warning` only when its time is earlier than an entry before it
    (the PC's clock was changed between them), so that every other entry reads as it always has."""
    shown: dict[str, Any] = {
        "seq": e.seq,
        "at": _when(e.at),
        "actor": e.actor,
        "kind": e.kind.value,
        "text": e.text,
        "step": e.step,
        "corrects": e.corrects,
        "corrected_by": list(e.corrected_by),
        "data": e.data,
        "prev_hash": e.prev_hash,
        "hash": e.hash,
    }
    return shown if clock_warning is None else {**shown, "clock_warning": clock_warning}


def action_json(a: FollowUpAction) -> dict[str, Any]:
    return {
        "id": a.id,
        "text": a.text,
        "owner": a.owner,
        "due": a.due.isoformat() if a.due else None,
        "done_at": _when(a.done_at),
        "done_by": a.done_by,
    }


def detail_json(d: IncidentDetail) -> dict[str, Any]:
    went_back = clock_marks(d.entries)
    return {
        **summary_json(d.summary),
        "location": d.location,
        "report_fields": d.report_fields,
        "closed_by": d.closed_by,
        "outcome": d.outcome,
        "injuries": d.injuries,
        "losses_cents": d.losses_cents,
        "root_cause": d.root_cause,
        "steps": [step_json(s) for s in d.steps],
        "entries": [entry_json(e, went_back.get(e.seq)) for e in d.entries],
        "actions": [action_json(a) for a in d.actions],
    }


def run_show(ctx: AppContext, args: argparse.Namespace) -> int:
    detail = ctx.services.incidents.get(cli_actor(args), args.id)
    if args.json:
        print_json(detail_json(detail))
    else:
        print("\n".join(readable(detail)))
    return 0


def readable(d: IncidentDetail) -> list[str]:
    """The incident as the report tells it, as plain text lines."""
    s = d.summary
    drill = f"  [{t('incident.drill_badge')}]" if s.drill else ""
    plan = t("report.incident.plan", code=s.playbook_code, n=s.playbook_version) if s.playbook_code else ""
    warning = s.warning_level.label if s.warning_level else ""
    lines = [
        f"#{s.id}  {s.title}{drill}",
        " · ".join(x for x in (s.level.label, warning, s.status.label, s.category.label, plan) if x),
        _started_line(s),
    ]
    if d.location:
        lines.append(t("cli.incident.field", label=t("report.incident.location"), value=d.location))
    if d.steps:
        lines += ["", t("field.steps")]
        marks = {"pending": "○", "skipped": "–", "late": "!", "on_time": "✓", "done": "✓"}
        for step in d.steps:
            timing = step_timing(step, s.started_at)
            facts = " · ".join(f for f in (step_role_text(step), target_text(step.target_minutes)) if f)
            lines.append(f"  {marks[timing.verdict]} {step.number:>2}. {step.text.text}  [{facts}]")
            if timing.verdict != "pending":
                took = f"+{timing.took}" if step.at and step.at >= s.started_at else timing.took
                lines.append(f"        {timing.result} · {step.by} {local_stamp(step.at)} ({took})")
    lines += ["", t("report.incident.timeline", count=len(d.entries))]
    went_back = clock_marks(d.entries)
    for e in d.entries:
        text = entry_text(e)
        if e.corrected_by:
            text += "  " + t("cli.incident.corrected", seqs=", ".join(map(str, e.corrected_by)))
        lines.append(f"  {e.seq:>4}  {local_stamp(e.at)}  {e.actor}  {e.kind.label}  {text}")
        if e.seq in went_back:  # times stay as the PC gave them; that they run backwards is said
            lines.append(f"        ! {went_back[e.seq]}")
    if s.status == IncidentStatus.CLOSED:
        lines += ["", t("cli.incident.field", label=t("field.outcome"), value=d.outcome)]
        for key, value in (
            ("field.injuries", d.injuries),
            ("field.losses", yuan_text(d.losses_cents)),
            ("field.root_cause", d.root_cause),
        ):
            if value:
                lines.append(t("cli.incident.field", label=t(key), value=value))
    if d.actions:
        lines += ["", t("report.incident.actions")]
        for a in d.actions:
            state = (
                t("report.incident.action_done", at=local_time(a.done_at), who=a.done_by) if a.done_at else ""
            )
            due = a.due.isoformat() if a.due else "—"
            lines.append(f"  [{a.id}] {a.text} · {a.owner} · {due}{'  ' + state if state else ''}")
    lines += ["", t("cli.incident.chain", count=s.entry_count, head=s.chain_head)]
    return lines


def _started_line(s: IncidentSummary) -> str:
    """Who started it when, and how long it ran (closed) or has run (open); a close written before
    the start, or a start later than now, says the clock changed instead of a duration of 0."""
    at = local_stamp(s.started_at)
    if s.closed_at is not None:
        elapsed = elapsed_text(s.closed_at - s.started_at)
        return t(
            "cli.incident.lasted", at=at, who=s.started_by, end=local_stamp(s.closed_at), elapsed=elapsed
        )
    now = datetime.now(UTC)
    if now < s.started_at:
        return t("cli.incident.started_later", at=at, who=s.started_by, now=local_stamp(now))
    return t("cli.incident.started", at=at, who=s.started_by, elapsed=elapsed_text(now - s.started_at))


def run_list(ctx: AppContext, args: argparse.Namespace) -> int:
    status = IncidentStatus.OPEN if args.open else None
    if args.checkpoint_overdue:
        status = IncidentStatus.OPEN
    flt = IncidentFilter(
        status=status, drill=args.drill, search=args.search, checkpoint_overdue=args.checkpoint_overdue
    )
    incidents = ctx.services.incidents.list_incidents(cli_actor(args), flt)
    if args.json:
        print_json([summary_json(s) for s in incidents])
        return 0
    print_table(
        [
            "cli.id",
            "field.title",
            "field.level",
            "report.playbook.status",
            "field.playbook",
            "report.incident.started_at",
            "report.incident.entries",
        ],
        [
            (
                s.id,
                s.title + (f" [{t('incident.drill_badge')}]" if s.drill else ""),
                s.level.value + (f" {s.warning_level.label}" if s.warning_level else ""),
                s.status.label,
                s.playbook_code or "-",
                local_stamp(s.started_at, "%Y-%m-%d %H:%M"),
                s.entry_count,
            )
            for s in incidents
        ],
    )
    return 0


def run_action_done(ctx: AppContext, args: argparse.Namespace) -> int:
    action = ctx.services.incidents.complete_action(cli_actor(args), args.id)
    print(t("cli.action.marked", id=action.id, text=action.text))
    return 0


def run_action_list(ctx: AppContext, args: argparse.Namespace) -> int:
    today = datetime.now().astimezone().date()
    flt = ActionFilter(open_only=args.open, overdue_only=args.overdue)
    items = ctx.services.incidents.list_actions(cli_actor(args), flt)
    if args.json:
        print_json(
            [
                {
                    **to_jsonable(item.action),
                    "due": item.action.due.isoformat() if item.action.due else None,
                    "incident_title": item.incident_title,
                    "drill": item.drill,
                    "complaint_number": item.complaint_number or None,
                    "overdue": item.action.overdue(today),
                }
                for item in items
            ]
        )
        return 0
    print_table(
        ["cli.id", "field.title", "cli.action.text", "cli.action.owner", "cli.action.due",
         "cli.action.state"],
        [
            (
                item.action.id,
                item.complaint_number
                or f"#{item.action.incident_id} {item.incident_title}"
                + (f" [{t('incident.drill_badge')}]" if item.drill else ""),
                item.action.text,
                item.action.owner,
                item.action.due.isoformat() if item.action.due else "-",
                t("cli.action.done") if item.action.done_at is not None
                else t("cli.action.overdue") if item.action.overdue(today) else t("cli.action.open"),
            )
            for item in items
        ],
    )  # fmt: skip
    return 0
