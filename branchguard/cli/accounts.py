"""`branchguard user add|list`: login accounts (the new password is read from standard input)."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING

from branchguard.cli.common import cli_actor, local_time, print_json, print_table
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message, t
from branchguard.core.kernel.types import Role

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from branchguard.context import AppContext


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("user", help="login accounts").add_subparsers(
        dest="user_command", metavar="ACTION", required=True
    )
    add = group.add_parser(
        "add", help="create an account; the password is read from standard input (one line)"
    )
    add.add_argument("name", help="user name (2-32 letters, digits, '.', '_' or '-')")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--display-name", default="", help="name shown in the window and the audit trail")
    add.set_defaults(handler=run_add)
    lst = group.add_parser("list", help="list accounts")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=run_list)


def read_new_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass(f"{t('field.password')}: ")
        if getpass.getpass(f"{t('field.password')} (2): ") != first:
            raise ValidationError("field.password", Message("cli.account.password_mismatch"))
        return first
    return sys.stdin.readline().rstrip("\r\n")


def run_add(ctx: AppContext, args: argparse.Namespace) -> int:
    password = read_new_password()
    user = ctx.services.auth.add_user(cli_actor(), args.name, args.role, password, args.display_name)
    print(user.id)
    return 0


def run_list(ctx: AppContext, args: argparse.Namespace) -> int:
    users = ctx.services.auth.list_users(cli_actor())
    if args.json:
        print_json(users)
        return 0
    print_table(
        [t("field.username"), t("field.display_name"), t("field.role"), "active", "locked_until"],
        [(u.username, u.display_name, u.role.label, u.active, local_time(u.locked_until)) for u in users],
    )
    return 0
