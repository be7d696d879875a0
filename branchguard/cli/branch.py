"""`branchguard branch show|set`: the branch's name, code, address and login lockout policy, as the
window's Settings → Branch shows and saves them (core/branch/service.py)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from branchguard.cli.common import JSON_TEXT_HELP, cli_actor, number, print_json
from branchguard.core.kernel.i18n import t

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from branchguard.context import AppContext
    from branchguard.core.branch.types import BranchInfo


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    branch = sub.add_parser("branch", help="the branch's name, code, address and login lockout")
    group = branch.add_subparsers(dest="branch_command", metavar="ACTION", required=True)
    show = group.add_parser("show", help="show the branch's settings")
    show.add_argument("--json", action="store_true", help=JSON_TEXT_HELP)
    show.set_defaults(handler=run_show, role_action=None)
    change = group.add_parser(
        "set", help="change the branch's settings (lead); what is not given stays as it is"
    )
    change.add_argument("--name", help="the branch's name")
    change.add_argument("--code", help="the branch's code (empty: none)")
    change.add_argument("--address", help="the branch's address (empty: none)")
    change.add_argument(
        "--lockout-threshold",
        type=number,
        metavar="N",
        help="wrong passwords before an account is locked (1-20)",
    )
    change.add_argument(
        "--lockout-minutes", type=number, metavar="M", help="how long a locked account stays locked (1-1440)"
    )
    change.set_defaults(handler=run_set, role_action="branch.update")


def run_show(ctx: AppContext, args: argparse.Namespace) -> int:
    branch = ctx.services.branch.get()
    if args.json:
        print_json(branch)
    else:
        _print(branch)
    return 0


def run_set(ctx: AppContext, args: argparse.Namespace) -> int:
    """The values not given are the record's as read here, which is passed as `opened`: when another
    PC changes it between the read and the save, the save is refused (StaleRecord), never undoing
    that change with what was read. Checked and refused as the window's save is, by the service."""
    from branchguard.core.branch.service import DEFAULT_LOCKOUT_MINUTES, DEFAULT_LOCKOUT_THRESHOLD
    from branchguard.core.branch.types import BranchInfo

    opened = ctx.services.branch.get()
    kept = opened or BranchInfo(0, "", "", "", DEFAULT_LOCKOUT_THRESHOLD, DEFAULT_LOCKOUT_MINUTES)
    threshold, minutes = args.lockout_threshold, args.lockout_minutes
    saved = ctx.services.branch.update(
        cli_actor(args),
        name=kept.name if args.name is None else args.name,
        code=kept.code if args.code is None else args.code,
        address=kept.address if args.address is None else args.address,
        lockout_threshold=kept.lockout_threshold if threshold is None else threshold,
        lockout_minutes=kept.lockout_minutes if minutes is None else minutes,
        opened=opened,
    )
    _print(saved)
    return 0


def _print(branch: BranchInfo | None) -> None:
    if branch is None:
        print(t("cli.branch.not_set_up"))
        return
    for key, value in (
        ("field.branch_name", branch.name),
        ("field.branch_code", branch.code),
        ("field.address", branch.address),
        ("field.lockout_threshold", branch.lockout_threshold),
        ("field.lockout_minutes", branch.lockout_minutes),
    ):
        print(t("cli.incident.field", label=t(key), value=value))
