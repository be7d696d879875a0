"""`branchguard drill plan|list|run|move|headcount|evaluate|record-held|void` and `branchguard compliance`."""

from __future__ import annotations

import argparse
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from branchguard.cli.choices import codes
from branchguard.cli.common import (
    JSON_TABLE_HELP,
    JSON_TEXT_HELP,
    cli_actor,
    print_json,
    print_table,
    record_id,
    warn,
    whole,
)
from branchguard.cli.schedules import parse_day, parse_start, wall_clock
from branchguard.core.drills.types import (
    ComplianceItem,
    ComplianceStatus,
    DrillMode,
    DrillPlan,
    DrillPlanInput,
    DrillScope,
    DrillStatus,
    EvaluationInput,
    HeldDrillInput,
)
from branchguard.core.incidents.types import FollowUpInput
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message, t
from branchguard.core.kernel.intake import InputRejected, Limits, load_yaml, read_file

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from branchguard.context import AppContext

TEXT_KEYS = ("problems", "lessons", "actions")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("drill", help="drills (应急演练): plan, run, evaluate").add_subparsers(
        dest="drill_command", metavar="ACTION", required=True
    )
    plan = group.add_parser("plan", help="plan a drill of a playbook; prints its id")
    plan.add_argument("--playbook", required=True, metavar="CODE", help="the scenario, e.g. FIRE")
    plan.add_argument("--date", required=True, help="'YYYY-MM-DD HH:MM' local time (a date alone: 09:00)")
    plan.add_argument(
        "--rrule", default="", help="repeat: monthly, quarterly, semiannual, yearly or an RFC 5545 rule"
    )
    _kind_arguments(plan, "staff are not told in advance")
    plan.add_argument(
        "--participant",
        action="append",
        default=[],
        metavar="ROLE=NAME[,NAME]",
        help="participants by role or team (repeatable), e.g. branch_head=王经理",
    )
    plan.add_argument(
        "--observer", action="append", default=[], metavar="NAME", help="an observer's name; repeatable"
    )
    plan.add_argument(
        "--goal", action="append", default=[], metavar="TEXT", help="a goal of the drill; repeatable"
    )
    plan.add_argument("--headcount", type=whole(0, 100_000), help="expected headcount at the assembly point")
    plan.add_argument("--json", action="store_true", help=JSON_TEXT_HELP)
    plan.set_defaults(handler=run_plan, role_action="drill.plan")

    lst = group.add_parser("list", help="drills, the newest first")
    lst.add_argument("--status", **codes(DrillStatus), help="only drills in this status")
    lst.add_argument("--json", action="store_true", help=JSON_TABLE_HELP)
    lst.set_defaults(handler=run_list, role_action="drill.read")

    run = group.add_parser("run", help="start the drill's incident (flagged as a drill); prints its id")
    run.add_argument("id", type=record_id, help="the drill's id")
    run.set_defaults(handler=run_run, role_action="drill.run")

    move = group.add_parser("move", help="move a planned drill to another date (its calendar entry follows)")
    move.add_argument("id", type=record_id, help="the drill's id")
    move.add_argument("--date", required=True, help="'YYYY-MM-DD HH:MM' local time (a date alone: 09:00)")
    move.set_defaults(handler=run_move, role_action="drill.plan")

    head = group.add_parser("headcount", help="record the headcount at the assembly point")
    head.add_argument("id", type=record_id, help="the drill's id")
    head.add_argument(
        "present", type=whole(0, 100_000), help="how many people were counted at the assembly point"
    )
    head.set_defaults(handler=run_headcount, role_action="drill.run")

    ev = group.add_parser("evaluate", help="score a drill that was run")
    ev.add_argument("id", type=record_id, help="the drill's id")
    ev.add_argument(
        "--scores",
        required=True,
        type=Path,
        metavar="FILE",
        help="JSON or YAML: {criterion_code: 0-100, ..., problems: text, lessons: text, "
        "actions: [{text, owner, due: YYYY-MM-DD}]}",
    )
    ev.set_defaults(handler=run_evaluate, role_action="drill.evaluate")

    held = group.add_parser(
        "record-held",
        help="record a drill held without BranchGuard (before the install, or on paper), with its "
        "scores; it counts towards the compliance rules from the day it was held; prints its id",
    )
    held.add_argument("--playbook", required=True, metavar="CODE", help="the scenario drilled, e.g. FIRE")
    held.add_argument("--held", required=True, help="when it was held: 'YYYY-MM-DD HH:MM' local time")
    held.add_argument(
        "--reference", required=True, metavar="TEXT", help="where its paper record is kept, e.g. 台账第14页"
    )
    held.add_argument(
        "--scores",
        required=True,
        type=Path,
        metavar="FILE",
        help="JSON or YAML: {criterion_code: 0-100, ..., problems: text, lessons: text}",
    )
    held.add_argument(
        "--evaluator",
        default="",
        metavar="NAME",
        help="who scored it, as the paper form names them (default: you)",
    )
    _kind_arguments(held, "staff were not told in advance")
    held.add_argument("--json", action="store_true", help=JSON_TEXT_HELP)
    held.set_defaults(handler=run_record_held, role_action="drill.record_held")

    void = group.add_parser(
        "void", help="void a drill recorded afterwards by mistake: it stops counting; the record stays"
    )
    void.add_argument("id", type=record_id, help="the drill's id")
    void.add_argument("--reason", required=True, metavar="TEXT", help="why the record is void (kept)")
    void.set_defaults(handler=run_void, role_action="drill.void")

    comp = sub.add_parser("compliance", help="required drills per rule: last done, next due, status")
    comp.add_argument("--region", default="", help="the region's rules (default: the built-in ones)")
    comp.add_argument(
        "--due-soon-days", type=whole(0, 3660), default=30, help="'due soon' within this many days"
    )
    comp.add_argument("--json", action="store_true", help=JSON_TABLE_HELP)
    comp.add_argument(
        "--status", action="append", default=[], **codes(ComplianceStatus),
        help="only rules in this state (repeat for several)",
    )  # fmt: skip
    comp.set_defaults(handler=run_compliance, role_action="drill.read")


def _kind_arguments(parser: argparse.ArgumentParser, unannounced: str) -> None:
    """What kind of drill: its type, mode, whether announced (`unannounced`: the flag's help, in the
    tense of the command), its title."""
    parser.add_argument(
        "--type",
        dest="scope",
        **codes(DrillScope),
        default=DrillScope.SINGLE_TOPIC.value,
        help="comprehensive or single_topic (default) drill",
    )
    parser.add_argument(
        "--mode",
        **codes(DrillMode),
        default=DrillMode.LIVE.value,
        help="live (default) or tabletop exercise",
    )
    parser.add_argument("--unannounced", action="store_true", help=unannounced)
    parser.add_argument("--title", default="", help="default: the plan's title")


def _zone() -> str:
    from branchguard.core.schedules.rules import local_zone_name

    return local_zone_name()


def _participants(values: list[str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for value in values:
        role, sep, names = value.partition("=")
        if not sep or not role.strip():
            raise ValidationError(
                "report.drill.participants", Message("cli.drill.bad_participants", value=value)
            )
        out[role.strip()] = (*out.get(role.strip(), ()), *(n.strip() for n in names.split(",") if n.strip()))
    return out


def plan_json(p: DrillPlan) -> dict[str, Any]:
    return {
        "id": p.id,
        "title": p.title,
        "playbook": p.playbook_code,
        "category": p.category.value,
        "type": p.scope.value,
        "mode": p.mode.value,
        "announced": p.announced,
        "planned_at": p.planned_at.isoformat() if p.planned_at else None,
        "planned_local": wall_clock(p.planned_at, _zone()),
        "rrule": p.rule,
        "schedule_id": p.schedule_id,
        "series_id": p.series_id,
        "participants": {k: list(v) for k, v in p.participants.items()},
        "observers": list(p.observers),
        "goals": list(p.goals),
        "expected_headcount": p.expected_headcount,
        "criteria_set": p.criteria_set,
        "status": p.status.value,
        "incident_id": p.incident_id,
        "run_at": p.run_at.isoformat() if p.run_at else None,
        "score": p.score,
        "recorded_afterwards": p.recorded_afterwards,
        "voided": p.voided,
    }


def run_plan(ctx: AppContext, args: argparse.Namespace) -> int:
    data = DrillPlanInput(
        playbook_code=args.playbook,
        date=parse_start(args.date, "field.planned_at"),
        scope=DrillScope(args.scope),
        mode=DrillMode(args.mode),
        announced=not args.unannounced,
        rrule=args.rrule,
        title=args.title,
        participants=_participants(args.participant),
        observers=tuple(args.observer),
        goals=tuple(args.goal),
        expected_headcount=args.headcount,
    )
    plan = ctx.services.drills.plan(cli_actor(args), data)
    if args.json:
        print_json(plan_json(plan))
    elif plan.recurring:
        print(
            t(
                "cli.drill.planned_series",
                id=plan.id,
                rule=plan.rule,
                when=wall_clock(plan.planned_at, _zone()),
            )
        )
    else:
        # A date gone already is said, as the window's plan dialog says it.
        passed = plan.planned_at is not None and plan.planned_at < datetime.now(UTC)
        key = "cli.drill.planned_past" if passed else "cli.drill.planned"
        print(t(key, id=plan.id, when=wall_clock(plan.planned_at, _zone())))
    return 0


def run_list(ctx: AppContext, args: argparse.Namespace) -> int:
    status = DrillStatus(args.status) if args.status else None
    plans = ctx.services.drills.list(cli_actor(args), status)
    if args.json:
        print_json([plan_json(p) for p in plans])
        return 0
    if not plans:
        print(t("cli.drill.none"))
        return 0
    from branchguard.core.schedules.rules import describe

    zone = _zone()
    rows = [
        (
            p.id,
            p.playbook_code,
            p.title,
            p.scope.label,
            wall_clock(p.run_at or p.planned_at, zone),
            # the window's words (每半年, not the RRULE); a series' run names its series, as there
            t("cli.drill.run_of", id=p.series_id) if p.series_id is not None else describe(p.rule),
            t("report.drill.voided_status") if p.voided else p.status.label,  # as the window and head office
            t("cli.drill.recorded_afterwards") if p.recorded_afterwards else p.incident_id or "-",
            "-" if p.score is None or p.voided else f"{p.score:g}",  # counted nowhere
        )
        for p in plans
    ]
    headers = [
        "cli.id",
        "field.playbook",
        "field.title",
        "field.drill_scope",
        "field.start",
        "field.rule",
        "report.playbook.status",
        "report.drill.incident",
        "field.scores",
    ]
    print_table(headers, rows)
    return 0


def run_move(ctx: AppContext, args: argparse.Namespace) -> int:
    plan = ctx.services.drills.move(cli_actor(args), args.id, parse_start(args.date, "field.planned_at"))
    print(t("cli.drill.moved", id=plan.id, when=wall_clock(plan.planned_at, _zone())))
    return 0


def run_run(ctx: AppContext, args: argparse.Namespace) -> int:
    plan = ctx.services.drills.run(cli_actor(args), args.id)
    print(plan.incident_id)
    return 0


def run_headcount(ctx: AppContext, args: argparse.Namespace) -> int:
    entry = ctx.services.drills.record_headcount(cli_actor(args), args.id, args.present)
    print(entry.text)
    return 0


# A scores file is a few dozen lines: 1 MB, 8 levels and 10,000 values are far beyond one.
SCORES_LIMITS = Limits(1024 * 1024, max_depth=8, max_items=10_000)


def read_scores(path: Path) -> EvaluationInput:
    """A scores file as an evaluation; a file that cannot be read or has the wrong shape says which."""

    def bad(error: str | Message) -> ValidationError:
        return ValidationError("field.scores", Message("cli.drill.scores_file", path=path, error=error))

    try:  # JSON is YAML too
        raw = load_yaml(
            read_file(path, SCORES_LIMITS.max_bytes, "field.scores"), SCORES_LIMITS, "field.scores"
        )
    except InputRejected as exc:
        place = (
            Message("cli.drill.scores_line", line=exc.line, reason=exc.reason_message) if exc.line else None
        )
        raise bad(place or exc.reason_message) from None
    if not isinstance(raw, dict):
        raise bad(Message("cli.drill.scores_shape"))
    nested = raw.get("scores")
    scores = nested if isinstance(nested, dict) else {k: v for k, v in raw.items() if k not in TEXT_KEYS}
    actions = raw.get("actions") or []
    if not isinstance(actions, list) or not all(isinstance(a, dict) for a in actions):
        raise bad(Message("cli.drill.scores_shape"))

    def due(action: dict[Any, Any], n: int) -> date | None:
        """An action's due date; a bad one said in the user's language, naming the action."""
        if not action.get("due"):
            return None
        try:
            return parse_day(str(action["due"]), "field.due_date")
        except ValidationError as exc:
            place = Message("field.follow_up", n=n)
            raise bad(Message("error.in_field", field=place, reason=exc.reason_message)) from None

    follow_ups = tuple(
        FollowUpInput(str(a.get("text") or ""), str(a.get("owner") or ""), due(a, n))
        for n, a in enumerate(actions, start=1)
    )
    return EvaluationInput(
        scores={str(k): v for k, v in scores.items()},
        problems=str(raw.get("problems") or ""),
        lessons=str(raw.get("lessons") or ""),
        actions=follow_ups,
    )


def run_evaluate(ctx: AppContext, args: argparse.Namespace) -> int:
    evaluation = ctx.services.drills.evaluate(cli_actor(args), args.id, read_scores(args.scores))
    print(t("cli.drill.evaluated", id=args.id, score=f"{evaluation.score:g}"))
    return 0


def run_record_held(ctx: AppContext, args: argparse.Namespace) -> int:
    data = HeldDrillInput(
        playbook_code=args.playbook,
        held_at=_held_at(args.held),
        reference=args.reference,
        evaluation=read_scores(args.scores),
        scope=DrillScope(args.scope),
        mode=DrillMode(args.mode),
        announced=not args.unannounced,
        title=args.title,
        evaluator=args.evaluator,
    )
    plan = ctx.services.drills.record_held(cli_actor(args), data)
    if args.json:
        print_json(plan_json(plan))
    else:
        when = wall_clock(plan.run_at, _zone())
        print(t("cli.drill.recorded_held", id=plan.id, when=when, score=f"{plan.score:g}"))
    return 0


# A day and a time of day written out ("2026-10-15 14:30", "2026-10-15T14:30:00+08:00"): a day alone
# in any of the forms ISO 8601 allows ("2026-10-15", "20261015", "2026-W42-3") has no time.
_DAY_AND_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}")


def _held_at(value: str) -> datetime:
    """When the drill was held, with its time: a day alone would be taken at 09:00 (parse_start) or
    at midnight (a compact ISO day), a time no paper record gave; it is asked for instead, as the
    window asks (gui/drills/held_when.py)."""
    text = value.strip()
    if not _DAY_AND_TIME.match(text):
        try:
            datetime.fromisoformat(text)
        except ValueError:
            return parse_start(text, "field.held_at")  # not a time at all: refused as such
        raise ValidationError("field.held_at", Message("cli.drill.held_needs_time", value=text))
    return parse_start(text, "field.held_at")


def run_void(ctx: AppContext, args: argparse.Namespace) -> int:
    plan = ctx.services.drills.void_held(cli_actor(args), args.id, args.reason)
    print(t("cli.drill.voided", id=plan.id))
    return 0


def _none_since(item: ComplianceItem) -> str:
    """A rule never met: since when it has been counted (its first interval), or "-"."""
    return t("drill.compliance.none_since", day=item.first_since) if item.first_since else "-"


def run_compliance(ctx: AppContext, args: argparse.Namespace) -> int:
    items = ctx.services.drills.compliance(cli_actor(args), args.region, args.due_soon_days)
    if args.status:
        items = [i for i in items if i.status.value in args.status]
    zone = _zone()
    if args.json:
        print_json(
            [
                {
                    "rule": i.rule.code,
                    "name": i.rule.name.text,
                    "interval_months": i.rule.interval_months,
                    "tiers": [tier.value for tier in i.rule.tiers],
                    # a notice rule: next_due is the last day to notify for next_planned
                    "notice_working_days": i.rule.notice_working_days,
                    "source": i.rule.source,
                    "last_done": i.last_done.isoformat() if i.last_done else None,
                    "last_drill_id": i.last_plan_id,
                    "next_due": i.next_due.isoformat() if i.next_due else None,
                    # never done: the day the branch began with BranchGuard, next_due counted from it
                    "first_period_from": i.first_since.isoformat() if i.first_since else None,
                    "next_planned": i.next_planned.isoformat() if i.next_planned else None,
                    "status": i.status.value,
                }
                for i in items
            ]
        )
        return 0
    rows = [
        (
            i.rule.code,
            i.rule.name.text,
            i.rule.interval_months,
            wall_clock(i.last_done, zone) or _none_since(i),
            i.next_due.isoformat() if i.next_due else "-",
            wall_clock(i.next_planned, zone) or "-",
            i.status.label,
        )
        for i in items
    ]
    headers = [
        "field.code",
        "field.compliance_rule",
        "field.interval_months",
        "report.drill.run_at",
        "cli.compliance.next_due",
        "report.drill.planned_at",
        "report.playbook.status",
    ]
    print_table(headers, rows)
    for i in items:
        if i.note is not None:
            warn(f"{i.rule.code}: {i.note.text()}")
    return 0
