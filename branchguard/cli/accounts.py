"""`branchguard user add|unlock|list`: login accounts (the new password is read from standard input).

`user add` needs a safety lead's login, except on a database without any account, where it creates
the first safety lead and, as the window's first-start dialog does, names the branch in the same
transaction (--branch-name, required while the database holds no branch record). With
--password-stdin the first line is the password of the user logging in, the next the new one.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING

from branchguard.cli.choices import codes
from branchguard.cli.common import JSON_TABLE_HELP, cli_actor, local_time, print_json, print_table
from branchguard.cli.login import once_accounts_exist
from branchguard.core.kernel.errors import NotFound, ValidationError
from branchguard.core.kernel.i18n import Message, t
from branchguard.core.kernel.roles import may
from branchguard.core.kernel.types import Actor, Role

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
    add.add_argument(
        "--role",
        required=True,
        **codes(Role),
        help="the account's role: lead (safety lead), staff or auditor",
    )
    add.add_argument("--display-name", default="", help="name shown in the window and the audit trail")
    add.add_argument(
        "--branch-name", default="", help="the first account only: the branch's name (required then)"
    )
    add.add_argument("--branch-code", default="", help="the first account only: the branch's code")
    # the first account of a new branch's data: the one command someone logs in for that may make it
    add.set_defaults(
        handler=run_add, role_action="user.create", needs_login=once_accounts_exist, makes_data=True
    )
    unlock = group.add_parser(
        "unlock", help="end the lock (or a safety lead's wait) after wrong passwords, at once"
    )
    unlock.add_argument("name", help="user name")
    unlock.set_defaults(handler=run_unlock, role_action="user.unlock")
    lst = group.add_parser("list", help="list accounts")
    lst.add_argument("--json", action="store_true", help=JSON_TABLE_HELP)
    lst.set_defaults(handler=run_list, role_action="user.list")


def read_new_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass(f"{t('field.password')}: ")
        if getpass.getpass(f"{t('field.password')} (2): ") != first:
            raise ValidationError("field.password", Message("cli.account.password_mismatch"))
        return first
    return sys.stdin.readline().rstrip("\r\n")


def run_add(ctx: AppContext, args: argparse.Namespace) -> int:
    if args.logged_in is None:  # no account yet: the first one, who must be able to add the others
        if not may(Actor(None, args.name, Role(args.role)), "user.create"):
            raise ValidationError("field.role", Message("cli.account.first_must_lead"))
        from branchguard.core.branch.service import branch_values

        branch = None
        if ctx.services.branch.get() is None:  # checked before the password is asked for
            if not args.branch_name.strip():
                raise ValidationError("field.branch_name", Message("cli.account.first_names_branch"))
            branch = branch_values(args.branch_name, args.branch_code)
        user = ctx.services.auth.create_first_lead(
            args.name, read_new_password(), args.display_name, branch
        )
        print(user.id)
        return 0
    actor = cli_actor(args)
    password = read_new_password()
    user = ctx.services.auth.add_user(actor, args.name, args.role, password, args.display_name)
    print(user.id)
    return 0


def run_unlock(ctx: AppContext, args: argparse.Namespace) -> int:
    auth, actor = ctx.services.auth, cli_actor(args)
    user = auth.user_by_name(args.name)
    if user is None:
        raise NotFound(Message("notfound", what=Message("entity.user"), id=args.name))
    auth.unlock(actor, user.id)
    print(t("cli.account.unlocked", username=user.username))
    return 0


def run_list(ctx: AppContext, args: argparse.Namespace) -> int:
    users = ctx.services.auth.list_users(cli_actor(args))
    if args.json:
        print_json(users)
        return 0
    print_table(
        ["field.username", "field.display_name", "field.role", "field.active", "field.locked_until"],
        [
            (u.username, u.display_name, u.role.label, "✓" if u.active else "-", local_time(u.locked_until))
            for u in users
        ],
    )
    return 0
