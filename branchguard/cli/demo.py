"""`branchguard demo`: fill an empty database with a demo branch, its people and accounts."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from branchguard.cli.common import print_table
from branchguard.cli.login import never
from branchguard.core.kernel.i18n import t

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from branchguard.context import AppContext


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help="fill an empty database with demo data and print the demo accounts")
    p.add_argument(
        "--if-empty",
        action="store_true",
        help="do nothing (and succeed) when the database already holds branch data",
    )
    # No login: it only fills a database without branch data (no account either), else does nothing
    # (--if-empty, which `make run` gives at every start) or refuses.
    p.set_defaults(handler=run_demo, needs_login=never)


def run_demo(ctx: AppContext, args: argparse.Namespace) -> int:
    demo = ctx.services.demo
    if args.if_empty and not demo.is_empty():
        return 0
    accounts = demo.fill(records=True)
    branch = ctx.services.branch.get()
    print(f"{t('field.branch_name')}: {branch.name if branch else ''}")
    print_table(
        [t("field.username"), t("field.role"), t("field.password")],
        [(a.username, a.role.label, a.password) for a in accounts],
    )
    return 0
