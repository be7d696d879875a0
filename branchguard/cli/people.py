"""`branchguard people list|remove` and `branchguard contacts list|card`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from branchguard.cli.common import JSON_TABLE_HELP, anchor_warning, cli_actor, print_json, print_table, warn
from branchguard.core.kernel import validation as v
from branchguard.core.people.types import BranchRole, ContactKind

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from branchguard.context import AppContext


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    people = sub.add_parser("people", help="staff roster").add_subparsers(
        dest="people_command", metavar="ACTION", required=True
    )
    lst = people.add_parser("list", help="list staff")
    lst.add_argument("--json", action="store_true", help=JSON_TABLE_HELP)
    lst.add_argument("--search", default="", help="part of a name or phone number")
    lst.add_argument("--post", choices=[r.value for r in BranchRole], help="only this post")
    duty = lst.add_mutually_exclusive_group()
    duty.add_argument(
        "--on-duty", dest="on_duty", action="store_const", const=True, default=None, help="only staff on duty"
    )
    duty.add_argument(
        "--off-duty", dest="on_duty", action="store_const", const=False, help="only staff off duty"
    )
    lst.set_defaults(handler=run_people_list)
    remove = people.add_parser("remove", help="remove a staff member from the roster")
    remove.add_argument("person", metavar="PERSON", help="the person's name in the staff list")
    remove.add_argument(
        "--despite-open-items",
        action="store_true",
        help="remove them although open hazards, actions, complaints or schedules name them",
    )
    remove.set_defaults(handler=run_people_remove)

    contacts = sub.add_parser("contacts", help="emergency contacts").add_subparsers(
        dest="contacts_command", metavar="ACTION", required=True
    )
    clist = contacts.add_parser("list", help="list emergency contacts")
    clist.add_argument("--json", action="store_true", help=JSON_TABLE_HELP)
    clist.add_argument("--kind", choices=[k.value for k in ContactKind], help="only contacts of this kind")
    clist.set_defaults(handler=run_contacts_list)
    card = contacts.add_parser("card", help="print the emergency contact card (应急联络卡) as PDF")
    card.add_argument("-o", "--output", required=True, type=Path, help="PDF file to write")
    card.set_defaults(handler=run_contact_card)


def run_people_list(ctx: AppContext, args: argparse.Namespace) -> int:
    post = v.choice(args.post, BranchRole, "field.branch_role") if args.post else None
    people = ctx.services.people.list_people(
        cli_actor(args), search=args.search, branch_role=post, on_duty=args.on_duty
    )
    if args.json:
        print_json(people)
        return 0
    print_table(
        ["field.name", "field.branch_role", "field.mobile", "field.phone", "field.on_duty"],
        [(p.name, p.branch_role.label, p.mobile, p.phone, "✓" if p.on_duty else "-") for p in people],
    )
    return 0


def run_people_remove(ctx: AppContext, args: argparse.Namespace) -> int:
    """Refused, nothing removed, while open items name the person (the refusal lists them and
    names the flag), unless --despite-open-items says the lead goes ahead knowingly."""
    actor = cli_actor(args)
    person = ctx.services.team.person_named(actor, args.person, "field.name")
    ctx.services.people.remove_person(actor, person.id, despite_open_items=args.despite_open_items)
    print(person.name)
    return 0


def run_contacts_list(ctx: AppContext, args: argparse.Namespace) -> int:
    kind = ContactKind(args.kind) if args.kind else None
    contacts = ctx.services.people.list_contacts(cli_actor(args), kind=kind)
    if args.json:
        print_json(contacts)
        return 0
    print_table(
        ["field.name", "field.kind", "field.phone", "field.alt_phone"],
        [(c.shown_name, c.kind.label, c.phone, c.alt_phone) for c in contacts],
    )
    return 0


def run_contact_card(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.reports.contact_card import build_contact_card

    setting = ctx.config.settings.get("report_font")
    font = build_contact_card(ctx.services, cli_actor(args), args.output, setting, anchor_warning)
    if font.warning:
        warn(font.warning)
    print(args.output)
    return 0
