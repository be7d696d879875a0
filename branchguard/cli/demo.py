"""`branchguard demo`: fill an empty database with a demo branch, its people and accounts; with
`--years N`, also N years of a busy branch's history (the fixture of `make bench`)."""

from __future__ import annotations

import argparse
import time
from datetime import date, timedelta
from typing import TYPE_CHECKING

from branchguard.cli.common import day, print_table, whole
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
    p.add_argument(
        "--years",
        type=whole(0, 30),
        default=0,
        help="also write this many years of a busy branch's history, in bulk (1-30)",
    )
    p.add_argument(
        "--seed", type=whole(0, 2**31 - 1), default=1, help="the history's random seed (same seed, same rows)"
    )
    p.add_argument(
        "--until",
        type=day,
        default=None,
        help="the history's last day, YYYY-MM-DD, before today (default yesterday)",
    )
    # No login: it only fills a database without branch data (no account either), else does nothing
    # (--if-empty, which `make run` gives at every start) or refuses.
    p.set_defaults(handler=run_demo, needs_login=never)


def run_demo(ctx: AppContext, args: argparse.Namespace) -> int:
    demo = ctx.services.demo
    if args.if_empty and not demo.is_empty():
        return 0
    started = time.perf_counter()
    accounts = demo.fill(records=True)
    if args.years:
        totals = demo.fill_history(
            args.years,
            args.seed,
            args.until or date.today() - timedelta(days=1),
            progress=lambda n, counts: print(
                t("demo.history_year", n=n, rows=sum(counts.values())), flush=True
            ),
        )
        print_table(["demo.table", "demo.rows"], sorted(totals.items()))
        seconds = f"{time.perf_counter() - started:.1f}"
        print(t("demo.history_done", years=args.years, seconds=seconds))
    branch = ctx.services.branch.get()
    print(f"{t('field.branch_name')}: {branch.name if branch else ''}")
    print_table(
        ["field.username", "field.role", "field.password"],
        [(a.username, a.role.label, a.password) for a in accounts],
    )
    return 0
