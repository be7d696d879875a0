"""`branchguard people list|add|edit|remove` and `branchguard contacts list|add|edit|remove|card`: the
roster and the contacts as the window's People page keeps them, through the same services."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import TYPE_CHECKING

from branchguard.cli.choices import codes
from branchguard.cli.common import (
    JSON_TABLE_HELP,
    anchor_warning,
    cli_actor,
    fail,
    print_json,
    print_table,
    record_id,
    warn,
)
from branchguard.core.kernel import validation as v
from branchguard.core.people.types import BranchRole, ContactInput, ContactKind, PersonInput

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from branchguard.context import AppContext


PERSON_HELP = "the person's name in the staff list, or #ID as `people list` shows it"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    people = sub.add_parser("people", help="staff roster").add_subparsers(
        dest="people_command", metavar="ACTION", required=True
    )
    lst = people.add_parser("list", help="list staff")
    lst.add_argument("--json", action="store_true", help=JSON_TABLE_HELP)
    lst.add_argument("--search", default="", help="part of a name or phone number")
    lst.add_argument("--post", type=post_arg, help="only this post (柜员, Teller or teller)")
    duty = lst.add_mutually_exclusive_group()
    duty.add_argument(
        "--on-duty", dest="on_duty", action="store_const", const=True, default=None, help="only staff on duty"
    )
    duty.add_argument(
        "--off-duty", dest="on_duty", action="store_const", const=False, help="only staff off duty"
    )
    lst.set_defaults(handler=run_people_list, role_action="person.list")
    add = people.add_parser("add", help="add a staff member to the roster")
    add.add_argument("name", metavar="NAME", help="the person's name")
    _person_options(add, adding=True)
    add.set_defaults(handler=run_people_add, role_action="person.create")
    edit = people.add_parser("edit", help="change a staff member's details; what is not given stays as it is")
    edit.add_argument("person", metavar="PERSON", help=PERSON_HELP)
    edit.add_argument("--name", help="their new name")
    _person_options(edit, adding=False)
    edit.add_argument(
        "--despite-open-items",
        action="store_true",
        help="rename them although open items name them (the items keep the old name)",
    )
    edit.set_defaults(handler=run_people_edit, role_action="person.update")
    imp = people.add_parser(
        "import", help="add the staff of a CSV file (姓名, 岗位, 手机, 电话, 在岗, 备注), all or none"
    )
    imp.add_argument("file", type=Path, metavar="FILE", help="the roster as CSV (Excel: Save As, CSV)")
    imp.add_argument("--dry-run", action="store_true", help="check the file and say who would be added")
    imp.set_defaults(handler=run_people_import, role_action="person.create")
    remove = people.add_parser("remove", help="remove a staff member from the roster")
    remove.add_argument("person", metavar="PERSON", help=PERSON_HELP)
    remove.add_argument(
        "--despite-open-items",
        action="store_true",
        help="remove them although open hazards, actions, complaints or schedules name them",
    )
    remove.set_defaults(handler=run_people_remove, role_action="person.delete")

    contacts = sub.add_parser("contacts", help="emergency contacts").add_subparsers(
        dest="contacts_command", metavar="ACTION", required=True
    )
    clist = contacts.add_parser("list", help="list emergency contacts")
    clist.add_argument("--json", action="store_true", help=JSON_TABLE_HELP)
    clist.add_argument("--kind", **codes(ContactKind), help="only contacts of this kind")
    clist.add_argument("--search", default="", help="part of a name, phone number or note")
    clist.set_defaults(handler=run_contacts_list, role_action="contact.list")
    cadd = contacts.add_parser("add", help="add an emergency contact; prints its id")
    cadd.add_argument("name", metavar="NAME", help="the contact's name")
    _contact_options(cadd, adding=True)
    cadd.set_defaults(handler=run_contact_add, role_action="contact.create")
    cedit = contacts.add_parser("edit", help="change an emergency contact; what is not given stays as it is")
    cedit.add_argument("id", type=record_id, help="the contact's id, as `contacts list` shows it")
    cedit.add_argument("--name", help="the contact's name")
    _contact_options(cedit, adding=False)
    cedit.set_defaults(handler=run_contact_edit, role_action="contact.update")
    cremove = contacts.add_parser("remove", help="remove an emergency contact (not a public number)")
    cremove.add_argument("id", type=record_id, help="the contact's id, as `contacts list` shows it")
    cremove.set_defaults(handler=run_contact_remove, role_action="contact.delete")
    card = contacts.add_parser("card", help="print the emergency contact card (应急联络卡) as PDF")
    card.add_argument("-o", "--output", required=True, type=Path, help="PDF file to write")
    card.set_defaults(handler=run_contact_card, role_action="contact.list")


def _person_options(parser: argparse.ArgumentParser, adding: bool) -> None:
    parser.add_argument(
        "--post", required=adding, type=post_arg, help="the person's post: 柜员, Teller or teller (and so on)"
    )
    parser.add_argument("--mobile", help="mobile number")
    parser.add_argument("--phone", help="office or other phone number")
    duty = parser.add_mutually_exclusive_group()
    duty.add_argument(
        "--on-duty", dest="on_duty", action="store_const", const=True, help="on duty (the default)"
    )
    duty.add_argument("--off-duty", dest="on_duty", action="store_const", const=False, help="off duty")
    parser.add_argument("--notes", help="notes")


def post_arg(text: str) -> str:
    """A post as the window names it, in either language, or by its code (the code returned): a
    Chinese user typed `--post 安全员` and was refused with a list of English codes."""
    from branchguard.cli.localized import refusal
    from branchguard.core.people.roster import post_named

    post = post_named(text)
    if post is None:
        names = ", ".join(f"{r.value} ({r.translated('zh_CN')}, {r.translated('en')})" for r in BranchRole)
        raise refusal("'%s' is not a post; the posts are %s", text, names)
    return post.value


def _contact_options(parser: argparse.ArgumentParser, adding: bool) -> None:
    parser.add_argument(
        "--kind", required=adding, **codes(ContactKind), help="what the contact is for"
    )
    parser.add_argument("--phone", required=adding, help="phone number")
    parser.add_argument("--alt-phone", help="alternative phone number")
    parser.add_argument("--notes", help="notes")


def _person_id(ctx: AppContext, args: argparse.Namespace) -> int:
    """The person PERSON names: #ID (two people may share a name), else the one of that name."""
    if (found := re.fullmatch(r"#(\d{1,18})", args.person.strip())) is not None:
        return int(found[1])
    return ctx.services.team.person_named(cli_actor(args), args.person, "field.name").id


def _given(value: str | None, kept: str) -> str:
    return kept if value is None else value


def run_people_list(ctx: AppContext, args: argparse.Namespace) -> int:
    post = v.choice(args.post, BranchRole, "field.branch_role") if args.post else None
    people = ctx.services.people.list_people(
        cli_actor(args), search=args.search, branch_role=post, on_duty=args.on_duty
    )
    if args.json:
        print_json(people)
        return 0
    print_table(
        ["#", "field.name", "field.branch_role", "field.mobile", "field.phone", "field.on_duty"],
        [
            (f"#{p.id}", p.name, p.branch_role.label, p.mobile, p.phone, "✓" if p.on_duty else "-")
            for p in people
        ],
    )
    return 0


def run_people_add(ctx: AppContext, args: argparse.Namespace) -> int:
    """Checked and refused as the window's form is, by the service (a name and mobile on the roster
    already, a mobile that is none)."""
    data = PersonInput(
        name=args.name,
        branch_role=BranchRole(args.post),
        mobile=_given(args.mobile, ""),
        phone=_given(args.phone, ""),
        on_duty=args.on_duty is not False,
        notes=_given(args.notes, ""),
    )
    print(ctx.services.people.add_person(cli_actor(args), data).name)
    return 0


def run_people_import(ctx: AppContext, args: argparse.Namespace) -> int:
    """Every row checked as `people add` checks it, the first refusal naming line and column; all
    added in one transaction, or none (core/people/roster.py)."""
    from branchguard.core.kernel.i18n import Message
    from branchguard.core.kernel.intake import read_file
    from branchguard.core.people.roster import MAX_BYTES, read_roster

    roster = read_roster(read_file(args.file, MAX_BYTES, "field.file"), args.file.name)
    added = ctx.services.people.import_roster(cli_actor(args), roster, dry_run=args.dry_run)
    names = "、".join(p.name for p in added)
    print(Message("roster.would_add" if args.dry_run else "roster.added", n=len(added), names=names).text())
    return 0


def run_people_edit(ctx: AppContext, args: argparse.Namespace) -> int:
    """The values not given are the person's as read here, passed as `opened`: a change made on
    another PC between the read and the save refuses the save (StaleRecord) rather than undoing it.
    A rename is refused while open items name the person (they keep the name they were written
    with, which nobody on the roster will have), as the window asks first, unless
    --despite-open-items."""
    from branchguard.core.kernel.i18n import Message
    from branchguard.core.people.references import listed

    actor, people = cli_actor(args), ctx.services.people
    opened = people.get_person(actor, _person_id(ctx, args))
    data = PersonInput(
        name=_given(args.name, opened.name),
        branch_role=BranchRole(args.post) if args.post else opened.branch_role,
        mobile=_given(args.mobile, opened.mobile),
        phone=_given(args.phone, opened.phone),
        on_duty=opened.on_duty if args.on_duty is None else args.on_duty,
        notes=_given(args.notes, opened.notes),
    )
    renamed = data.name.strip() not in ("", opened.name)
    if renamed and not args.despite_open_items and (items := people.open_items(actor, opened.id)):
        said = Message("person.rename_open_items", name=opened.name, n=len(items), items=listed(items))
        return fail(said.text())
    print(people.update_person(actor, opened.id, data, opened).name)
    return 0


def run_people_remove(ctx: AppContext, args: argparse.Namespace) -> int:
    """Refused, nothing removed, while open items name the person (the refusal lists them and
    names the flag), unless --despite-open-items says the lead goes ahead knowingly."""
    actor = cli_actor(args)
    person = ctx.services.people.get_person(actor, _person_id(ctx, args))
    ctx.services.people.remove_person(actor, person.id, despite_open_items=args.despite_open_items)
    print(person.name)
    return 0


def run_contacts_list(ctx: AppContext, args: argparse.Namespace) -> int:
    kind = ContactKind(args.kind) if args.kind else None
    contacts = ctx.services.people.list_contacts(cli_actor(args), search=args.search, kind=kind)
    if args.json:
        print_json(contacts)
        return 0
    print_table(
        ["#", "field.name", "field.kind", "field.phone", "field.alt_phone"],
        [(c.id, c.shown_name, c.kind.label, c.phone, c.alt_phone) for c in contacts],
    )
    return 0


def run_contact_add(ctx: AppContext, args: argparse.Namespace) -> int:
    data = ContactInput(
        name=args.name,
        kind=ContactKind(args.kind),
        phone=args.phone,
        alt_phone=_given(args.alt_phone, ""),
        notes=_given(args.notes, ""),
    )
    print(ctx.services.people.add_contact(cli_actor(args), data).id)
    return 0


def run_contact_edit(ctx: AppContext, args: argparse.Namespace) -> int:
    """As `people edit`: what is not given is the contact's as read, passed as `opened`. A public
    number keeps its number and kind (the service refuses a change of either)."""
    actor, people = cli_actor(args), ctx.services.people
    opened = people.get_contact(actor, args.id)
    data = ContactInput(
        name=_given(args.name, opened.name),
        kind=ContactKind(args.kind) if args.kind else opened.kind,
        phone=_given(args.phone, opened.phone),
        alt_phone=_given(args.alt_phone, opened.alt_phone),
        notes=_given(args.notes, opened.notes),
    )
    saved = people.update_contact(actor, args.id, data, opened)
    print(f"{saved.id} {saved.shown_name}")
    return 0


def run_contact_remove(ctx: AppContext, args: argparse.Namespace) -> int:
    actor, people = cli_actor(args), ctx.services.people
    contact = people.get_contact(actor, args.id)
    people.remove_contact(actor, args.id)
    print(f"{contact.id} {contact.shown_name}")
    return 0


def run_contact_card(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.reports.contact_card import build_contact_card

    setting = ctx.config.settings.get("report_font")
    font = build_contact_card(ctx.services, cli_actor(args), args.output, setting, anchor_warning)
    if font.warning:
        warn(font.warning)
    print(args.output)
    return 0
