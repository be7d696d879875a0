"""`branchguard inspection templates|start|answer|escalate|sign|submit|show` and
`branchguard hazard list|show|add`.

(`report inspection|hazards` live in cli/reports.py.)"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from branchguard.cli import hazard_actions
from branchguard.cli.choices import codes
from branchguard.cli.common import (
    DESPITE_OPEN_HELP,
    JSON_TABLE_HELP,
    JSON_TEXT_HELP,
    cli_actor,
    fail,
    hazard_reference,
    print_json,
    print_table,
    record_id,
    whole,
)
from branchguard.cli.hazard_filters import add_hazard_filter_arguments, hazard_filter_from_args, iso_date
from branchguard.cli.schedules import wall_clock
from branchguard.core.hazards.types import HazardDetail, HazardInfo, HazardInput, HazardSeverity
from branchguard.core.inspections.types import (
    Answer,
    InspectionDetail,
    InspectionInput,
    ItemResult,
    SignatureRole,
    TemplateInfo,
)
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import t
from branchguard.reports.hazard_common import source_text

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from branchguard.context import AppContext

RESULTS = [r.value for r in ItemResult]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser(
        "inspection", help="inspections (隐患排查): checklists, answers, submit"
    ).add_subparsers(dest="inspection_command", metavar="ACTION", required=True)
    templates = group.add_parser("templates", help="the checklist templates")
    templates.add_argument("--json", action="store_true", help=JSON_TABLE_HELP)
    templates.set_defaults(handler=run_templates, role_action="inspection.read")

    start = group.add_parser("start", help="start an inspection of a template; prints its id")
    start.add_argument("template", metavar="TEMPLATE", help="template code, e.g. FIRE_DAILY")
    start.add_argument("--location", default="", help="where, e.g. 营业厅")
    start.add_argument(
        "--occurrence", type=record_id, metavar="ID", help="the due schedule occurrence this run does"
    )
    start.set_defaults(handler=run_start, role_action="inspection.run")

    answer = group.add_parser("answer", help="answer an item (1-based number) or every item still unanswered")
    answer.add_argument("id", type=record_id, help="the inspection's id")
    answer.add_argument("item", metavar="ITEM", help="the item's number, or 'rest'")
    answer.add_argument("result", choices=RESULTS, help="pass, fail or na (not applicable)")
    answer.add_argument("--note", help="a note on the item (not with 'rest')")
    answer.add_argument(
        "--photo", action="append", default=[], type=Path, metavar="FILE", help="attach (repeatable)"
    )
    answer.add_argument(
        "--corrected",
        metavar="TEXT",
        help="a failed item corrected on the spot (当场整改): what was done; its hazard is recorded closed",
    )
    answer.set_defaults(handler=run_answer, role_action="inspection.run")

    escalate = group.add_parser("escalate", help="start the plan a failed item names (e.g. the ATM plan)")
    escalate.add_argument("id", type=record_id, help="the inspection's id")
    escalate.add_argument("item", type=whole(1, 999), metavar="ITEM", help="the failed item's number")
    joined = escalate.add_mutually_exclusive_group()  # while the plan's real incident is open
    joined.add_argument(
        "--into",
        type=record_id,
        metavar="ID",
        help="log the failure in this open incident of the plan instead of starting another",
    )
    joined.add_argument(
        "--despite-open",
        action="store_true",
        help=DESPITE_OPEN_HELP,
    )
    escalate.set_defaults(handler=run_escalate, role_action="inspection.escalate")

    sign = group.add_parser("sign", help="sign as inspector or reviewer")
    sign.add_argument("id", type=record_id, help="the inspection's id")
    sign.add_argument("role", **codes(SignatureRole), help="sign as inspector or reviewer")
    sign.add_argument("name", help="the person signing")
    sign.set_defaults(handler=run_sign, role_action="inspection.run")

    submit = group.add_parser("submit", help="submit: failed items open hazards; no change afterwards")
    submit.add_argument("id", type=record_id, help="the inspection's id")
    submit.add_argument("--inspector", metavar="NAME", help="sign as inspector first")
    submit.set_defaults(handler=run_submit, role_action="inspection.run")

    show = group.add_parser("show", help="an inspection with its answers")
    show.add_argument("id", type=record_id, help="the inspection's id")
    show.add_argument("--json", action="store_true", help=JSON_TEXT_HELP)
    show.set_defaults(handler=run_show, role_action="inspection.read")

    hazard = sub.add_parser("hazard", help="the hazard register (隐患台账)").add_subparsers(
        dest="hazard_command", metavar="ACTION", required=True
    )
    lst = hazard.add_parser("list", help="hazards: overdue first, then by due date")
    add_hazard_filter_arguments(lst)
    lst.add_argument("--json", action="store_true", help=JSON_TABLE_HELP)
    lst.set_defaults(handler=run_hazard_list, role_action="hazard.read")

    one = hazard.add_parser("show", help="a hazard with its remediation steps and history")
    one.add_argument("id", type=hazard_reference, help="as the register shows it (YH-2026-0007), or 7")
    one.add_argument("--json", action="store_true", help=JSON_TEXT_HELP)
    one.set_defaults(handler=run_hazard_show, role_action="hazard.read")

    add = hazard.add_parser("add", help="enter a hazard by hand (it needs an owner)")
    add.add_argument("description", help="what is wrong (the first line is the title unless --title)")
    add.add_argument("--owner", default="", help="who answers for it (gets the due reminders)")
    add.add_argument(
        "--severity",
        **codes(HazardSeverity),
        default=HazardSeverity.GENERAL.value,
        help="general (default) or major",
    )
    add.add_argument("--location", default="", help="where the hazard is")
    add.add_argument("--title", default="", help="a short title (default: the description's first line)")
    add.add_argument(
        "--due", type=iso_date, help="due by this local date (YYYY-MM-DD); default: the policy's"
    )
    add.add_argument(
        "--drill", type=record_id, metavar="ID", help="found by this drill (held: evaluated or recorded)"
    )
    add.add_argument("--json", action="store_true", help=JSON_TEXT_HELP)
    add.set_defaults(handler=run_hazard_add, role_action="hazard.create")
    hazard_actions.register(hazard)


def _zone(ctx: AppContext) -> str:
    return ctx.services.hazards.zone.key


# -- JSON shapes ---------------------------------------------------------------------------------
def template_json(tpl: TemplateInfo) -> dict[str, Any]:
    return {
        "code": tpl.code,
        "name": {"zh": tpl.name.zh, "en": tpl.name.en},
        "cadence": tpl.cadence.value,
        "status": tpl.status.value,
        "version": tpl.version,
        "has_draft": tpl.has_draft,
        "builtin": tpl.builtin,
        "items": tpl.item_count,
    }


def hazard_json(h: HazardInfo, zone: str) -> dict[str, Any]:
    # One literal, the times written inline: a loop over the six optional times cost a tenth of the
    # list's conversion at ten years.
    interim, plan, remediated, verified, closed = (
        h.interim_due_at, h.plan_due_at, h.remediated_at, h.verified_at, h.closed_at
    )  # fmt: skip
    return {
        "id": h.id,
        "number": h.number,
        "title": h.title,
        "description": h.description,
        "severity": h.severity.value,
        "status": h.status.value,
        "source": h.source.value,
        "location": h.location,
        "owner": h.owner,
        "due_date": h.due_date.isoformat(),
        "due_at": h.due_at.isoformat(),
        "overdue": h.overdue,
        "age_days": h.age_days,
        "interim_due_at": interim.isoformat() if interim else None,
        "plan_due_at": plan.isoformat() if plan else None,
        "opened_at": h.opened_at.isoformat() if h.opened_at else None,
        "remediated_at": remediated.isoformat() if remediated else None,
        "verified_at": verified.isoformat() if verified else None,
        "closed_at": closed.isoformat() if closed else None,
        "report_head_office": h.report_head_office,
        "inspection_id": h.inspection_id,
        "item_number": h.item_number,
        "template": h.template_code or None,
        "opened_by": h.opened_by,
        "remediated_by": h.remediated_by,
        "verified_by": h.verified_by,
        "closed_by": h.closed_by,
        "schedule_id": h.schedule_id,
        "drill_id": h.drill_id,
        "milestones_outstanding": [k.value for k in h.outstanding],  # a major hazard's, not recorded
        "opened_local": wall_clock(h.opened_at, zone),
    }


def hazard_detail_json(d: HazardDetail, zone: str) -> dict[str, Any]:
    return {
        **hazard_json(d.info, zone),
        "photos": [{"name": p.name, "sha256": p.sha256} for p in d.photos],
        "steps": [
            {
                "kind": s.kind.value,
                "text": s.text,
                "evidence": [{"name": p.name, "sha256": p.sha256} for p in s.evidence],
                "by": s.added_by,
                "at": s.added_at.isoformat(),
            }
            for s in d.steps
        ],
        "verification_note": d.verification_note,
        "history": [
            {
                "kind": e.kind.value,
                "by": e.actor,
                "at": e.at.isoformat(),
                "note": e.note,
                "changes": {k: list(v) for k, v in e.changes.items()},
            }
            for e in d.events
        ],
    }


def inspection_json(d: InspectionDetail) -> dict[str, Any]:
    i = d.info
    return {
        "id": i.id,
        "template": i.template_code,
        "template_version": i.template_version,
        "status": i.status.value,
        "location": i.location,
        "started_by": i.started_by,
        "started_at": i.started_at.isoformat(),
        "submitted_by": i.submitted_by,
        "submitted_at": i.submitted_at.isoformat() if i.submitted_at else None,
        "answered": i.answered,
        "total": i.total,
        "failed": i.failed,
        "items": [
            {
                "number": a.number,
                "key": a.item.key,
                "text": {"zh": a.item.text.zh, "en": a.item.text.en},
                "result": a.result.value if a.result else None,
                "note": a.note,
                "photos": [p.name for p in a.photos],
                "amended": a.amended,
                "hazard_id": a.hazard_id,
                "correct_on_spot": a.item.correct_on_spot,
                "corrected": a.correction.text if a.correction else None,
                "on_fail_playbook": a.item.on_fail_playbook or None,
                "incident_id": a.incident_id,
            }
            for a in d.answers
        ],
        "signatures": {s.role.value: s.name for s in d.signatures},
        "amendments": [
            {"item": a.item_number, "from": a.old_result.value, "to": a.new_result.value, "reason": a.reason}
            for a in d.amendments
        ],
    }


# -- inspections ---------------------------------------------------------------------------------
def run_templates(ctx: AppContext, args: argparse.Namespace) -> int:
    templates = ctx.services.inspections.templates(cli_actor(args))
    if args.json:
        print_json([template_json(tpl) for tpl in templates])
        return 0
    rows = [(tpl.code, tpl.name.text, tpl.cadence.label, tpl.item_count, f"v{tpl.version}", tpl.status.label)
            for tpl in templates]  # fmt: skip
    headers = ["field.code", "field.template_name", "field.cadence", "field.items"]
    print_table([*headers, "field.version", "field.status"], rows)
    return 0


def run_start(ctx: AppContext, args: argparse.Namespace) -> int:
    data = InspectionInput(location=args.location, occurrence_id=args.occurrence)
    detail = ctx.services.inspections.start(cli_actor(args), args.template, data)
    print(detail.info.id)
    return 0


def run_answer(ctx: AppContext, args: argparse.Namespace) -> int:
    svc = ctx.services.inspections
    result = ItemResult(args.result)
    if args.item.strip().lower() == "rest":
        if args.note is not None or args.photo or args.corrected is not None:
            return fail(t("cli.inspection.rest_note"))
        count = svc.answer_rest(cli_actor(args), args.id, result)
        print(t("cli.inspection.answered_rest", count=count, result=result.label))
        return 0
    try:
        number = int(args.item)
    except ValueError:
        return fail(t("cli.inspection.bad_item", value=args.item))
    answer = svc.answer(
        cli_actor(args), args.id, number, result, note=args.note, photos=args.photo, corrected=args.corrected
    )
    print(t("cli.inspection.answered", n=answer.number, result=result.label, item=answer.item.text.text))
    if answer.result != ItemResult.FAIL:
        return 0
    if answer.correction is not None:
        print(t("cli.inspection.corrected", text=answer.correction.text))
    elif answer.item.correct_on_spot:  # regulation asks for it: say how to record it
        print(t("cli.inspection.ask_correction", id=args.id, n=answer.number))
    if answer.item.on_fail_playbook and answer.incident_id is None:
        print(t("cli.inspection.offer_plan", id=args.id, n=answer.number, code=answer.item.on_fail_playbook))
    return 0


def run_escalate(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.core.incidents.opening import PlanAlreadyOpen  # SQLAlchemy: only when run

    actor = cli_actor(args)
    try:
        incident_id = ctx.services.inspections.escalate(
            actor, args.id, args.item, despite_open=args.despite_open, into=args.into
        )
    except PlanAlreadyOpen as refused:  # the ways past it are this command's own options
        ways = {"id": args.id, "n": args.item, "incident": refused.incident_id}
        return fail(t("cli.inspection.plan_open", refusal=refused.reason, **ways))  # no field label
    summary = ctx.services.incidents.get(actor, incident_id, with_entries=False).summary
    said = "cli.inspection.joined" if args.into is not None else "cli.inspection.escalated"
    print(t(said, incident=incident_id, code=summary.playbook_code or "", title=summary.title))
    return 0


def run_sign(ctx: AppContext, args: argparse.Namespace) -> int:
    signature = ctx.services.inspections.sign(cli_actor(args), args.id, SignatureRole(args.role), args.name)
    print(t("cli.inspection.signed", role=signature.role.label, name=signature.name))
    return 0


def run_submit(ctx: AppContext, args: argparse.Namespace) -> int:
    actor = cli_actor(args)
    try:  # the service says first whether this user may submit at all (a refusal is audited)
        detail = ctx.services.inspections.submit(actor, args.id, inspector=args.inspector or None)
    except ValidationError as exc:  # no inspector's signature: say how to give one here
        if args.inspector or not exc.is_about("field.inspector"):
            raise
        return fail(t("cli.inspection.needs_inspector", id=args.id))
    print(
        t(
            "cli.inspection.submitted",
            id=detail.info.id,
            failed=detail.info.failed,
            hazards=detail.info.hazard_count,
        )
    )
    for answer in detail.answers:
        if answer.hazard_id is not None:
            h = ctx.services.hazards.get(actor, answer.hazard_id).info
            item = t("field.item_n", n=answer.number)
            print(f"  {h.number}  {h.severity.label}  {h.status.label}  {item}  {h.due_date}  {h.title}")
    return 0


def run_show(ctx: AppContext, args: argparse.Namespace) -> int:
    detail = ctx.services.inspections.get(cli_actor(args), args.id)
    if args.json:
        print_json(inspection_json(detail))
        return 0
    i = detail.info
    print(f"#{i.id}  {i.template_name.text} v{i.template_version}  {i.status.label}  {i.location}")
    rows = [(a.number, a.item.text.text, _result(a), a.note, a.hazard_id or "") for a in detail.answers]
    print_table(["#", "field.item", "field.result", "field.notes", "cli.inspection.hazard"], rows)
    return 0


def _result(answer: Answer) -> str:
    """The item's result and, escalated, the incident it went to (started or logged in)."""
    label = answer.result.label if answer.result else "-"
    if answer.incident_id is None:
        return label
    return f"{label} {t('inspection.escalated_to', incident=answer.incident_id)}"


# -- hazards -------------------------------------------------------------------------------------
def run_hazard_list(ctx: AppContext, args: argparse.Namespace) -> int:
    hazards = ctx.services.hazards.list(cli_actor(args), hazard_filter_from_args(args))
    zone = _zone(ctx)
    if args.json:
        print_json([hazard_json(h, zone) for h in hazards])
        return 0
    if not hazards:
        print(t("cli.hazard.none"))
        return 0
    rows = [
        (
            h.number + (" !" if h.overdue else ""),
            h.severity.label,
            h.status.label,
            h.title,
            h.location,
            h.owner,
            h.due_date.isoformat(),
            h.age_days,
        )
        for h in hazards
    ]
    headers = ["#", "field.severity", "field.hazard_status", "field.title", "field.location",
               "field.owner", "field.due_at", "cli.hazard.age"]  # fmt: skip
    print_table(headers, rows)
    return 0


def run_hazard_add(ctx: AppContext, args: argparse.Namespace) -> int:
    data = HazardInput(
        description=args.description,
        severity=HazardSeverity(args.severity),
        location=args.location,
        owner=args.owner,
        due=args.due,
        title=args.title,
    )
    detail = ctx.services.hazards.create(cli_actor(args), data, drill_id=args.drill)
    if args.json:
        print_json(hazard_detail_json(detail, _zone(ctx)))
    else:
        print(f"{detail.info.number}  {detail.info.due_date}  {detail.info.title}")
    return 0


def run_hazard_show(ctx: AppContext, args: argparse.Namespace) -> int:
    detail = hazard_actions.shown_hazard(ctx, args)  # YH-2026-0007 as typed: its year must be the hazard's
    zone = _zone(ctx)
    if args.json:
        print_json(hazard_detail_json(detail, zone))
        return 0
    h = detail.info
    late = f"  {t('cli.hazard.overdue')}" if h.overdue else ""
    print(f"{h.number}  {h.severity.label}  {h.status.label}{late}")
    print(h.title)
    # the title is the description's first line unless given: that line is not said twice
    first, _, rest = h.description.strip().partition("\n")
    more = rest.strip() if first.strip() == h.title.strip() else h.description.strip()
    if more:
        print(more)
    where, who, due = t("field.location"), t("field.owner"), t("field.due_at")
    print(f"{where}: {h.location}  {who}: {h.owner}  {due}: {h.due_date}")
    print(f"{t('report.hazards.col.source')}: {source_text(h)}")  # the drill or inspection it came from
    short = hazard_actions.outstanding_line(detail)
    if short:
        print(short)
    for step in detail.steps:
        print(f"  - {wall_clock(step.added_at, zone)}  {step.kind.label}: {step.text}  ({step.added_by})")
    for event in detail.events:
        print(f"  * {wall_clock(event.at, zone)}  {event.kind.label}  {event.actor}  {event.note}")
    return 0
