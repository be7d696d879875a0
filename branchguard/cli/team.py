"""`branchguard team list|assign|unassign` and `branchguard training list|add`: the team roster (who holds
each plan role, with a backup) and training records with their certificates' expiry."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from branchguard.cli.common import JSON_TABLE_HELP, cli_actor, day, print_json, print_table, whole
from branchguard.core.kernel.i18n import t

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from branchguard.context import AppContext
    from branchguard.core.team.types import TeamRole, TrainingRecord


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    team = sub.add_parser("team", help="team roster: who holds each plan role").add_subparsers(
        dest="team_command", metavar="ACTION", required=True
    )
    lst = team.add_parser("list", help="every role the approved plans name, its holder, backup and gaps")
    lst.add_argument("--json", action="store_true", help=JSON_TABLE_HELP)
    lst.set_defaults(handler=run_team_list, role_action="team.list")
    assign = team.add_parser("assign", help="give a role its holder (and backup)")
    assign.add_argument("role", metavar="ROLE", help="the role's code, as `team list` shows it")
    assign.add_argument("--person", required=True, metavar="NAME", help="the holder's name in the staff list")
    assign.add_argument("--backup", metavar="NAME", help="the backup's name (B角)")
    assign.set_defaults(handler=run_team_assign, role_action="team.assign")
    unassign = team.add_parser(
        "unassign",
        help="nobody holds the role any more (frees its holder and backup to leave the staff list)",
    )
    unassign.add_argument("role", metavar="ROLE", help="the role's code, as `team list` shows it")
    unassign.set_defaults(handler=run_team_unassign, role_action="team.assign")

    training = sub.add_parser("training", help="training records and certificates").add_subparsers(
        dest="training_command", metavar="ACTION", required=True
    )
    tlist = training.add_parser("list", help="training records")
    tlist.add_argument("--json", action="store_true", help=JSON_TABLE_HELP)
    tlist.add_argument(
        "--expiring",
        type=whole(0, 3650),
        metavar="DAYS",
        help="only certificates expiring within DAYS (or expired)",
    )
    tlist.set_defaults(handler=run_training_list, role_action="training.list")
    add = training.add_parser("add", help="record a training")
    add.add_argument("person", metavar="PERSON", help="the person's name in the staff list")
    add.add_argument("--kind", required=True, help="training kind (first_aid_aed, fire, guard_licence, …)")
    add.add_argument("--date", required=True, type=day, help="training date YYYY-MM-DD")
    add.add_argument("--expires", type=day, help="certificate's expiry date YYYY-MM-DD")
    add.add_argument("--certificate", default="", help="certificate number")
    add.add_argument("--notes", default="", help="notes on the training")
    add.set_defaults(handler=run_training_add, role_action="training.add")


def role_json(r: TeamRole) -> dict[str, Any]:
    return {
        "role": r.code,
        "name": {"zh": r.name.zh, "en": r.name.en},
        "in_plans": r.in_plans,
        "holder": r.holder.name if r.holder else None,
        "holder_on_duty": r.holder.on_duty if r.holder else None,
        "backup": r.backup.name if r.backup else None,
        "needs": list(r.needs),
        "gaps": [{"gap": g.gap.value, "person": g.person, "kind": g.kind} for g in r.gaps],
    }


def record_json(r: TrainingRecord) -> dict[str, Any]:
    return {
        "id": r.id,
        "person": r.person,
        "kind": r.kind,
        "kind_name": {"zh": r.kind_name.zh, "en": r.kind_name.en},
        "trained_on": r.trained_on.isoformat(),
        "expires_on": r.expires_on.isoformat() if r.expires_on else None,
        "certificate": r.certificate,
        "expiry": r.expiry.value,
        "renewed": r.renewed,
    }


def run_team_list(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.core.team.rules import shown_name

    roles = ctx.services.team.roles(cli_actor(args))
    if args.json:
        print_json([role_json(r) for r in roles])
        return 0
    print_table(
        ["field.team_role", "field.code", "field.holder", "field.backup", "field.team_gaps"],
        [
            (
                shown_name(r),
                r.code,
                r.holder.name if r.holder else "-",
                r.backup.name if r.backup else "-",
                t("incident.list_sep").join(g.gap.label for g in r.gaps) or "✓",
            )
            for r in roles
        ],
    )
    return 0


def run_team_assign(ctx: AppContext, args: argparse.Namespace) -> int:
    actor, team = cli_actor(args), ctx.services.team
    holder = team.person_named(actor, args.person, "field.holder")
    backup = team.person_named(actor, args.backup, "field.backup") if args.backup is not None else None
    role = team.assign(actor, args.role, holder.id, backup.id if backup else None)
    from branchguard.core.team.rules import role_text

    print(
        role_text(
            role.name.text, role.holder.name if role.holder else "", role.backup.name if role.backup else ""
        )
    )
    return 0


def run_team_unassign(ctx: AppContext, args: argparse.Namespace) -> int:
    name = ctx.services.team.unassign(cli_actor(args), args.role)
    print(t("team.unassigned", role=name.text))
    return 0


def run_training_list(ctx: AppContext, args: argparse.Namespace) -> int:
    found = ctx.services.team.trainings(cli_actor(args), expiring_days=args.expiring)
    if args.json:
        print_json([record_json(r) for r in found])
        return 0
    print_table(
        [
            "field.person",
            "field.training_kind",
            "field.trained_on",
            "field.expires_on",
            "field.expiry",
            "field.certificate",
        ],
        [
            (r.person, r.kind_name.text, r.trained_on, r.expires_on or "-", r.expiry.label, r.certificate)
            for r in found
        ],
    )
    return 0


def run_training_add(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.core.team.types import TrainingInput

    actor, team = cli_actor(args), ctx.services.team
    person = team.person_named(actor, args.person, "field.person")
    added = team.add_training(
        actor,
        TrainingInput(person.id, args.kind, args.date, args.expires, args.certificate, args.notes),
    )
    expiry = added.expires_on.isoformat() if added.expires_on else added.expiry.label
    print(
        t("team.training_added", id=added.id, person=added.person, kind=added.kind_name.text, expires=expiry)
    )
    return 0
