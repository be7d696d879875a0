"""`branchguard complaint add|list|show|assign|step|extend|withdraw|categories`: customer
complaints (投诉处理) from the command line. The register's filter options are shared with
`report complaints` (cli/reports.py), so both select the same complaints for the same words.

Identifiers (the complainant's name, phone, identity number) are masked unless `--unmask` is given:
the command line acts with the lead's rights, and each unmasked read is in the audit trail."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from branchguard.cli.choices import codes
from branchguard.cli.common import (
    JSON_TABLE_HELP,
    JSON_TEXT_HELP,
    cli_actor,
    complaint_reference,
    follow_up_action,
    local_time,
    print_json,
    print_table,
    record_id,
    within_years,
)
from branchguard.cli.localized import refusal
from branchguard.core.complaints.types import (
    ComplaintCause,
    ComplaintChannel,
    ComplaintDetail,
    ComplaintFilter,
    ComplaintInfo,
    ComplaintInput,
    ComplaintKind,
    ComplaintStatus,
    Remedy,
    Satisfaction,
    StepInput,
)
from branchguard.core.kernel.errors import NotFound
from branchguard.core.kernel.i18n import Message, t
from branchguard.reports.complaint_common import event_note_lines, history, step_detail_lines

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from branchguard.context import AppContext

STEP_NAMES = ("investigate", "decide", "reply", "archive")
ID_HELP = "as the register shows it (TS-2026-0007), or 7"


def received_time(text: str) -> datetime:
    """A "YYYY-MM-DD HH:MM" wall-clock time within 1900-2200."""
    try:
        when = datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")
    except ValueError:  # argparse would say "invalid received_time value"
        raise refusal("'%s' is not a time like 2026-12-31 09:30", text) from None
    return within_years(when)


PERIOD_REFUSAL = "'%s' is not a period like 2026, 2026-11, 2026-Q4 or 2026-11-01..2026-11-15"


def period(text: str) -> tuple[date, date]:
    """YYYY, YYYY-MM, YYYY-Qn or YYYY-MM-DD..YYYY-MM-DD as (first day, last day), within 1900–2200."""
    try:
        start, end = _period(text.strip())
    except ValueError:  # argparse would say "invalid period value"
        raise refusal(PERIOD_REFUSAL, text) from None
    return within_years(start), within_years(end)


def _period(text: str) -> tuple[date, date]:
    if ".." in text:
        start, end = (date.fromisoformat(x.strip()) for x in text.split("..", 1))
        if end < start:
            raise ValueError(text)
        return start, end
    if m := re.fullmatch(r"(\d{4})", text):
        year = int(m[1])
        return date(year, 1, 1), date(year, 12, 31)
    if m := re.fullmatch(r"(\d{4})-[Qq]([1-4])", text):
        year, quarter = int(m[1]), int(m[2])
        first = date(year, 3 * quarter - 2, 1)
        return first, _month_end(year, 3 * quarter)
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})", text):
        year, month = int(m[1]), int(m[2])
        return date(year, month, 1), _month_end(year, month)
    raise ValueError(text)


def _month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def unmasking(action: str) -> Callable[[argparse.Namespace], tuple[str, ...]]:
    """A command's role actions (cli/login.py `RoleAction`): `action`, and with --unmask the
    complainant's identifiers in full, which only a role that may unmask is shown."""
    return lambda args: (action, "complaint.unmask") if args.unmask else (action,)


def step_action(args: argparse.Namespace) -> tuple[str, ...]:
    """`complaint step`'s role action: the step's own (a decision is the lead's, a reply anyone's)."""
    return (f"complaint.{args.step}",)


def add_complaint_filter_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filters (all given must hold)")
    group.add_argument("--open", action="store_true", help="not yet archived or withdrawn")
    group.add_argument("--overdue", action="store_true", help="past the due date with no reply yet")
    group.add_argument(
        "--status", **codes(ComplaintStatus), help="only complaints in this status"
    )
    group.add_argument(
        "--kind",
        **codes(ComplaintKind),
        help="only this type: complaint, grumble or objection",
    )
    group.add_argument(
        "--channel",
        **codes(ComplaintChannel),
        help="only complaints received through this channel",
    )
    group.add_argument("--category", default="", metavar="CODE", help="see `complaint categories`")
    group.add_argument(
        "--period",
        type=period,
        metavar="P",
        help="received in YYYY, YYYY-MM, YYYY-Qn or YYYY-MM-DD..YYYY-MM-DD",
    )
    group.add_argument(
        "--text",
        default="",
        help=(
            "in the number (TS-2026-0007; TS-2026 or 2026: that year's), the customer's name (in full "
            "only for a role that may unmask, and audited when it finds one; else as masked: 张*), the "
            "request, the facts or the person complained about"
        ),
    )
    parser.add_argument(
        "--unmask", action="store_true", help="show the complainant's name, phone and identity number in full"
    )


def complaint_filter_from_args(args: argparse.Namespace) -> ComplaintFilter:
    start, end = args.period or (None, None)
    return ComplaintFilter(
        open_only=args.open,
        overdue_only=args.overdue,
        status=ComplaintStatus(args.status) if args.status else None,
        kind=ComplaintKind(args.kind) if args.kind else None,
        channel=ComplaintChannel(args.channel) if args.channel else None,
        category=args.category.strip(),
        received_from=start,
        received_to=end,
        text=args.text.strip(),
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("complaint", help="customer complaints (投诉处理)").add_subparsers(
        dest="complaint_command", metavar="ACTION", required=True
    )
    add = group.add_parser("add", help="register (受理) a complaint; prints its id")
    add.add_argument(
        "--channel",
        required=True,
        **codes(ComplaintChannel),
        help="how the complaint came in",
    )
    add.add_argument(
        "--received",
        required=True,
        type=received_time,
        metavar='"YYYY-MM-DD HH:MM"',
        help="when it was received, local time",
    )
    add.add_argument("--customer", required=True, metavar="NAME", help="the complainant's name")
    add.add_argument("--phone", default="", metavar="P", help="the complainant's phone number")
    add.add_argument(
        "--id-number", default="", metavar="ID", help="the complainant's identity document number"
    )
    add.add_argument("--subject-person", default="", metavar="NAME", help="the staff member complained about")
    add.add_argument("--subject-post", default="", metavar="POST", help="the post complained about")
    add.add_argument("--category", required=True, metavar="C", help="a code from `complaint categories`")
    add.add_argument("--text", required=True, metavar="T", help="the customer's request")
    add.add_argument(
        "--kind",
        default=ComplaintKind.COMPLAINT.value,
        **codes(ComplaintKind),
        help="complaint (default), grumble or objection",
    )
    add.add_argument("--facts", default="", metavar="T", help="the facts as the customer tells them")
    add.add_argument(
        "--business-line",
        default="",
        metavar="LINE",
        help="the business line concerned, e.g. deposits or cards",
    )
    add.add_argument(
        "--representative", action="append", default=[], metavar="NAME", help="repeat, at most 5"
    )
    add.add_argument("--incident", type=record_id, metavar="ID", help="the incident it came with")
    add.add_argument("--first-responsible", default="", metavar="NAME", help="首问负责人 (default: you)")
    add.add_argument(
        "--acknowledgement", default="", metavar="T", help="what the customer was told on acceptance"
    )
    add.set_defaults(handler=run_add, role_action="complaint.register")

    lst = group.add_parser("list", help="the register: overdue first, then by due date")
    add_complaint_filter_arguments(lst)
    lst.add_argument("--json", action="store_true", help=JSON_TABLE_HELP)
    lst.set_defaults(handler=run_list, role_action=unmasking("complaint.read"))

    show = group.add_parser("show", help="a complaint with its steps and history")
    show.add_argument("id", type=complaint_reference, help=ID_HELP)
    show.add_argument("--json", action="store_true", help=JSON_TEXT_HELP)
    show.add_argument("--unmask", action="store_true", help="identifiers in full")
    show.set_defaults(handler=run_show, role_action=unmasking("complaint.read"))

    assign = group.add_parser("assign", help="name the handler (never the person complained about)")
    assign.add_argument("id", type=complaint_reference, help=ID_HELP)
    assign.add_argument(
        "--handler", dest="handler_name", required=True, metavar="NAME", help="the handler's name"
    )
    assign.set_defaults(handler=run_assign, role_action="complaint.assign")

    step = group.add_parser("step", help="record a step: investigate, decide, reply, archive (in order)")
    step.add_argument("id", type=complaint_reference, help=ID_HELP)
    step.add_argument(
        "step", choices=STEP_NAMES, help="the step to record: investigate, decide, reply or archive"
    )
    step.add_argument("--text", required=True, metavar="T", help="what was done in this step")
    step.add_argument(
        "--attach", action="append", default=[], type=Path, metavar="FILE", help="evidence; repeat"
    )
    step.add_argument("--basis", default="", help="decide: the rule or contract clause")
    step.add_argument("--reply-channel", **codes(ComplaintChannel), help="reply: how")
    step.add_argument(
        "--remedy",
        action="append",
        **codes(Remedy),
        help="reply: a remedy stated to the customer; repeat (default: all four)",
    )
    step.add_argument("--response", default="", help="reply: the customer's response")
    step.add_argument(
        "--satisfaction",
        default=Satisfaction.UNKNOWN.value,
        **codes(Satisfaction),
        help="reply: the customer's satisfaction (default: unknown)",
    )
    step.add_argument("--cause", **codes(ComplaintCause), help="archive: the cause")
    step.add_argument("--classification", default="", metavar="CODE", help="archive: final category")
    step.add_argument("--root-cause", default="", help="archive: the root cause in words")
    step.add_argument("--follow-up", default="", help="archive: the follow-up in words")
    step.add_argument("--open-hazard", action="store_true", help="archive: the follow-up also opens a hazard")
    step.add_argument(
        "--action",
        dest="actions",
        action="append",
        type=follow_up_action,
        default=[],
        metavar="TEXT|OWNER|YYYY-MM-DD",
        help="archive: a corrective action for `action list`, its owner and due date; repeatable",
    )
    step.add_argument(
        "--hazard",
        dest="hazards",
        action="append",
        default=[],
        metavar="TEXT",
        help="archive: open a hazard (隐患) for this follow-up, owned by the handler; repeatable",
    )
    step.set_defaults(handler=run_step, role_action=step_action)

    extend = group.add_parser("extend", help="extend the deadline: to 30 days, then 60 with an approver")
    extend.add_argument("id", type=complaint_reference, help=ID_HELP)
    extend.add_argument("--reason", required=True, metavar="R", help="why more time is needed")
    extend.add_argument(
        "--approver", default="", metavar="NAME", help="the superior's approver (second extension)"
    )
    extend.add_argument(
        "--notice-channel",
        **codes(ComplaintChannel),
        help="how the customer was told (default: the complaint's channel)",
    )
    extend.add_argument(
        "--decided",
        type=received_time,
        metavar='"YYYY-MM-DD HH:MM"',
        help="when the extension was decided, if entered later (default: now)",
    )
    extend.set_defaults(handler=run_extend, role_action="complaint.extend")

    withdraw = group.add_parser("withdraw", help="the customer withdrew: the complaint and its clock end")
    withdraw.add_argument("id", type=complaint_reference, help=ID_HELP)
    withdraw.add_argument(
        "--received",
        type=received_time,
        metavar='"YYYY-MM-DD HH:MM"',
        help="when the withdrawal came (default: now)",
    )
    withdraw.add_argument("--note", default="", help="a note on the withdrawal")
    withdraw.set_defaults(handler=run_withdraw, role_action="complaint.withdraw")

    cats = group.add_parser("categories", help="the complaint categories: code and both names")
    cats.add_argument("--json", action="store_true", help=JSON_TABLE_HELP)
    cats.set_defaults(handler=run_categories, role_action="complaint.read")


# -- JSON shapes -----------------------------------------------------------------------------------
def complaint_json(c: ComplaintInfo) -> dict[str, Any]:
    return {
        "id": c.id,
        "number": c.number,
        "kind": c.kind.value,
        "channel": c.channel.value,
        "status": c.status.value,
        "received_at": c.received_at.isoformat(),
        "due_at": c.due_at.isoformat() if c.due_at else None,
        "due_date": c.due_date.isoformat() if c.due_date else None,
        "overdue": c.overdue,
        "days_left": c.days_left,
        "extensions": c.extensions,
        "clock_stopped_at": c.clock_stopped_at.isoformat() if c.clock_stopped_at else None,
        "on_time": c.on_time,
        "customer": c.customer_name,
        "phone": c.customer_phone,
        "id_number": c.customer_id_number,
        "masked": c.masked,
        "representatives": list(c.representatives),
        "incident_id": c.incident_id,
        "subject_person": c.subject_person,
        "subject_post": c.subject_post,
        "business_line": c.business_line,
        "category": c.category,
        "request": c.request,
        "facts": c.facts,
        "first_responsible": c.first_responsible,
        "handler": c.handler,
        "registered_by": c.registered_by,
        "cause": c.cause.value if c.cause else None,
        "satisfaction": c.satisfaction.value if c.satisfaction else None,
        "schedule_id": c.schedule_id,
    }


def complaint_detail_json(d: ComplaintDetail) -> dict[str, Any]:
    return {
        **complaint_json(d.info),
        "steps": [
            {
                "step": s.step.value,
                "text": s.text,
                "details": s.details,
                "evidence": [{"name": r.name, "sha256": r.sha256, "size": r.size} for r in s.evidence],
                "by": s.by,
                "at": s.at.isoformat(),
            }
            for s in d.steps
        ],
        "actions": [
            {
                "id": a.id,
                "text": a.text,
                "owner": a.owner,
                "due": a.due.isoformat() if a.due else None,
                "done_at": a.done_at.isoformat() if a.done_at else None,
            }
            for a in d.actions
        ],
        "hazards": [{"id": hazard_id, "text": text} for hazard_id, text in d.hazards],
        "events": [
            {
                "kind": e.kind.value,
                "actor": e.actor,
                "at": e.at.isoformat(),
                "note": e.note,
                "details": e.details,
            }
            for e in d.events
        ],
    }


# -- handlers --------------------------------------------------------------------------------------
def complaint_id(ctx: AppContext, args: argparse.Namespace) -> int:
    """The complaint `args.id` names; typed as TS-2026-0007, its year must be the complaint's (the
    command line acts on no other complaint than the one the register shows so)."""
    reference = getattr(args.id, "reference", "")
    if reference:
        refused = NotFound(Message("complaint.not_found", id=reference))
        try:
            number = ctx.services.complaints.get(cli_actor(args), args.id).info.number
        except NotFound:
            raise refused from None
        if number != reference:
            raise refused
    return int(args.id)


def run_add(ctx: AppContext, args: argparse.Namespace) -> int:
    detail = ctx.services.complaints.register(
        cli_actor(args),
        ComplaintInput(
            channel=args.channel,
            received_at=args.received,
            customer_name=args.customer,
            customer_phone=args.phone,
            customer_id_number=args.id_number,
            category=args.category,
            request=args.text,
            kind=args.kind,
            representatives=tuple(args.representative),
            incident_id=args.incident,
            subject_person=args.subject_person,
            subject_post=args.subject_post,
            business_line=args.business_line,
            facts=args.facts,
            first_responsible=args.first_responsible,
            acknowledgement=args.acknowledgement,
        ),
    )
    print(detail.info.id)
    return 0


def _clock(c: ComplaintInfo) -> str:
    if c.due_date is None:
        return "—"
    if c.overdue:
        return f"{c.due_date.isoformat()} {t('cli.complaint.overdue')}"
    if c.days_left is not None:
        return f"{c.due_date.isoformat()} ({t('cli.complaint.days_left', days=c.days_left)})"
    return c.due_date.isoformat()


def run_list(ctx: AppContext, args: argparse.Namespace) -> int:
    flt = complaint_filter_from_args(args)
    found = ctx.services.complaints.list(cli_actor(args), flt, unmask=args.unmask)
    if args.json:
        print_json([complaint_json(c) for c in found])
        return 0
    if not found:
        print(t("cli.complaint.none"))
        return 0
    rows = [
        (c.id, c.number, c.kind.label, c.status.label, local_time(c.received_at)[:16], _clock(c),
         c.customer_name, c.customer_phone, c.category_name, c.handler or "—")
        for c in found
    ]  # fmt: skip
    headers = ["#", "cli.complaint.number", "field.complaint_kind", "field.complaint_status",
               "field.received_at", "field.due_date", "field.customer_name",
               "field.customer_phone", "field.complaint_category", "field.handler"]  # fmt: skip
    print_table(headers, rows)
    return 0


def run_show(ctx: AppContext, args: argparse.Namespace) -> int:
    detail = ctx.services.complaints.get(cli_actor(args), complaint_id(ctx, args), unmask=args.unmask)
    if args.json:
        print_json(complaint_detail_json(detail))
        return 0
    c = detail.info
    who = ctx.services.auth.names(cli_actor(args))
    print(f"{c.number}  {c.kind.label}  {c.status.label}")
    for label, value in (
        (t("field.complaint_channel"), c.channel.label),
        (t("field.received_at"), local_time(c.received_at)),
        (t("field.due_date"), _clock(c)),
        (t("field.customer_name"), c.customer_name),
        (t("field.customer_phone"), c.customer_phone or "—"),
        (t("field.id_number"), c.customer_id_number or "—"),
        (t("field.representatives"), "、".join(c.representatives) or "—"),
        (t("field.subject_person"), c.subject_person or "—"),
        (t("field.complaint_category"), c.category_name),
        (t("field.complaint_request"), c.request),
        (t("field.first_responsible"), who(c.first_responsible)),
        (t("field.handler"), who(c.handler) or "—"),
    ):
        print(f"  {label}: {value}")
    for s in detail.steps:
        said = f": {s.text}" if s.text else ""  # an acceptance without words ended "王建国: "
        print(f"- {local_time(s.at)}  {s.step.label}  {who(s.by)}{said}")
        for line in step_detail_lines(s):
            print(f"    {line}")
        for ref in s.evidence:
            print(f"    {ref.name}  sha256:{ref.sha256}")
    for e in history(detail):
        print(f"- {local_time(e.at)}  {e.kind.label}  {who(e.actor)}")
        for line in event_note_lines(e):
            print(f"    {line}")
    for a in detail.actions:
        state = t("cli.action.done") if a.done_at is not None else t("cli.action.open")
        due = a.due.isoformat() if a.due else "-"
        print(f"* {t('cli.complaint.action', id=a.id)}  {a.text}  {a.owner}  {due}  {state}")
    for hazard_id, text in detail.hazards:
        print(f"* {t('report.complaint_file.hazard_line', id=hazard_id)}  {text}")
    return 0


def run_assign(ctx: AppContext, args: argparse.Namespace) -> int:
    detail = ctx.services.complaints.assign(cli_actor(args), complaint_id(ctx, args), args.handler_name)
    print(t("cli.complaint.assigned", number=detail.info.number, handler=detail.info.handler))
    return 0


def run_step(ctx: AppContext, args: argparse.Namespace) -> int:
    data = StepInput(
        step=args.step,
        text=args.text,
        basis=args.basis,
        reply_channel=args.reply_channel,
        remedies=tuple(Remedy(r) for r in args.remedy) if args.remedy else tuple(Remedy),
        customer_response=args.response,
        satisfaction=args.satisfaction,
        cause=args.cause,
        classification=args.classification,
        root_cause=args.root_cause,
        follow_up=args.follow_up,
        open_hazard=args.open_hazard,
        actions=tuple(args.actions),
        hazards=tuple(args.hazards),
    )
    detail = ctx.services.complaints.step(cli_actor(args), complaint_id(ctx, args), data, args.attach)
    print(t("cli.complaint.now", number=detail.info.number, status=detail.info.status.label))
    return 0


def run_extend(ctx: AppContext, args: argparse.Namespace) -> int:
    detail = ctx.services.complaints.extend(
        cli_actor(args),
        complaint_id(ctx, args),
        args.reason,
        approver=args.approver,
        notice_channel=args.notice_channel,
        decided_at=args.decided,
    )
    c = detail.info
    print(t("cli.complaint.extended", number=c.number, due=c.due_date.isoformat() if c.due_date else "—"))
    return 0


def run_withdraw(ctx: AppContext, args: argparse.Namespace) -> int:
    detail = ctx.services.complaints.withdraw(
        cli_actor(args), complaint_id(ctx, args), received_at=args.received, note=args.note
    )
    print(t("cli.complaint.now", number=detail.info.number, status=detail.info.status.label))
    return 0


def run_categories(ctx: AppContext, args: argparse.Namespace) -> int:
    cats = ctx.services.complaints.categories(cli_actor(args))
    if args.json:
        print_json([{"code": c.code, "name_zh": c.name_zh, "name_en": c.name_en} for c in cats])
        return 0
    print_table(["field.code", "cli.name_zh", "cli.name_en"], [(c.code, c.name_zh, c.name_en) for c in cats])
    return 0
