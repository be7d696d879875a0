"""Who runs a command: the command line's one way to log in, through the account service the window
uses, so the same lockout rule, role table and audit trail apply (core/accounts/service.py).

The user comes from `--user NAME`, else BRANCHGUARD_USER; the password from `--password-stdin`
(the first line of standard input), else BRANCHGUARD_PASSWORD (for automation), else a prompt that
does not echo when standard input is a terminal. A password is never taken from the command line,
where other users of the PC could read it in the process list.

Every command that reads or changes records needs a login. Exempt (their `needs_login` rule says
so): `--help` and `--version` (argparse answers before anything opens); `demo`, which only ever
fills a database holding no branch data and otherwise does nothing or refuses; `user add` while the
database holds no account (creating the first safety lead); `info`, which shows where the data
lives and the schema, never a record; and `restore` into a data folder whose database holds no
account (disaster recovery on a new PC; otherwise a safety lead logs in first, cli/backup.py);
and `verify` on a database with no account, which acts as a reader (core/kernel/roles.py:
no_account): a database replaced by a new one has nobody to log in as, and checking it against an
anchor is how that is found (it holds nothing but the built-in content to read). A database file
deleted or emptied is refused before anyone logs in (context.open_context, `existing`).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from branchguard.core.kernel.errors import AuthenticationError
from branchguard.core.kernel.i18n import Message, t
from branchguard.core.kernel.types import Actor

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from branchguard.core.services import Services

USER_ENV = "BRANCHGUARD_USER"
PASSWORD_ENV = "BRANCHGUARD_PASSWORD"

# Whether this run of a command needs a login, given the services and the parsed arguments.
LoginRule = Callable[["Services", argparse.Namespace], bool]


def always(_services: Services, _args: argparse.Namespace) -> bool:
    return True


def never(_services: Services, _args: argparse.Namespace) -> bool:
    return False


def once_accounts_exist(services: Services, _args: argparse.Namespace) -> bool:
    """First-run set-up: no login while the database holds no account (nobody could log in)."""
    return services.auth.has_users()


# What a command does, in the role table's words (core/kernel/roles.py): each command says it in its
# defaults as `role_action`: the action, a function of the parsed arguments giving its actions
# (`complaint step decide`), or None for one that any user may run (it shows no record a role is
# refused). tests/cli/test_refused_first_cli.py holds every command to saying it.
RoleAction = str | Callable[[argparse.Namespace], Sequence[str]] | None


def add_login_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--user",
        help=f"log in as this user (default: ${USER_ENV}); commands that read or change records need it",
    )
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help=f"read the password from the first line of standard input (else ${PASSWORD_ENV}, "
        "else a prompt on a terminal)",
    )


def login(services: Services, args: argparse.Namespace) -> Actor:
    """The user named by the options or the environment, logged in with their password; a wrong
    password counts toward the lockout and is audited, as in the window. Then, before the command
    writes anything, a clock behind the newest record is said (core/audit/clock.py)."""
    username = (getattr(args, "user", None) or os.environ.get(USER_ENV) or "").strip()
    if not username:
        raise AuthenticationError(Message("cli.login.no_user", env=USER_ENV))
    actor = services.auth.login(username, read_password(args, username))
    say_clock_behind(services)
    return actor


def refuse_first(actor: Actor, args: argparse.Namespace) -> None:
    """Refuse `actor` a command their role may not do (PermissionDenied, in the window's words),
    before it reads a file, asks for input or looks a record up: a reader told "no hazard 7" or "not
    a date" first learnt what exists, or took the error for the only thing in the way. The services
    check again, and what the arguments do not show (correcting another user's entry)."""
    from branchguard.core.kernel.roles import require

    declared: RoleAction = getattr(args, "role_action", None)
    actions = (declared,) if isinstance(declared, str) else () if declared is None else declared(args)
    for action in actions:
        require(actor, action)


def say_clock_behind(services: Services) -> None:
    """The one warning every logged-in command gets, on standard error (its output stays clean for
    --json): the PC's clock is behind the newest record, so what it writes reads as if it came
    first. One indexed MAX; the login's own audit event cannot hide it (it is older still)."""
    behind = services.audit.clock_behind()
    if behind is not None:
        from branchguard.cli.common import warn

        warn(behind.message.text())


def read_password(args: argparse.Namespace, username: str) -> str:
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline() if sys.stdin is not None else ""
        if not line:
            raise AuthenticationError(Message("cli.login.stdin_empty"))
        return line.rstrip("\r\n")
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env is not None:
        return from_env
    if sys.stdin is not None and sys.stdin.isatty():
        try:
            return getpass.getpass(t("cli.login.prompt", username=username))
        except EOFError:  # Ctrl-D at the prompt
            raise AuthenticationError(Message("cli.login.prompt_ended")) from None
    raise AuthenticationError(Message("cli.login.no_password", env=PASSWORD_ENV))


def doing(args: argparse.Namespace) -> str:
    """The command as typed, without its options: "incident close" (for the audit trail)."""
    words = [args.command] if isinstance(getattr(args, "command", None), str) else []
    words += [v for k, v in vars(args).items() if k.endswith("_command") and isinstance(v, str)]
    return " ".join(words)
