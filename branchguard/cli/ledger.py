"""`branchguard verify`: every record, incident log and attachment against the ledger."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from branchguard.cli.common import cli_actor, fail, print_json
from branchguard.cli.login import once_accounts_exist
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor, Role

if TYPE_CHECKING:
    from branchguard.context import AppContext


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    verify = sub.add_parser(
        "verify",
        help="check the ledger's hash chain and every record, incident log and attachment against it",
    )
    verify.add_argument("--json", action="store_true", help="the report as JSON")
    verify.add_argument(
        "--anchor",
        dest="anchors",
        action="append",
        type=Path,
        default=[],
        metavar="FILE",
        help="also check the data against the signed anchors in FILE: an anchor file, a report PDF "
        "or a head-office package (repeatable)",
    )
    verify.set_defaults(handler=run_verify, needs_login=once_accounts_exist)


def run_verify(ctx: AppContext, args: argparse.Namespace) -> int:
    if args.logged_in is None:  # a database with no account: nobody could log in (cli/login.py)
        args.logged_in = Actor(user_id=None, username="cli:no-account", role=Role.AUDITOR)
    code = _verify_ledger(ctx, args)
    if args.anchors:
        from branchguard.cli.anchors import check_anchors

        for source in args.anchors:
            code = check_anchors(ctx, args, source) or code
    return code


def _verify_ledger(ctx: AppContext, args: argparse.Namespace) -> int:
    report = ctx.services.ledger.verify(cli_actor(args))
    if args.json:
        print_json(
            {
                "ok": report.ok,
                "empty": report.empty,
                "head": {"seq": report.head.seq, "hash": report.head.hash},
                "entries": report.entries,
                "records": report.records,
                "incidents": report.incidents,
                "log_entries": report.log_entries,
                "attachments": report.attachments,
                "proved": report.proved.text(),
                "problems": [
                    {"entity": p.entity, "id": p.entity_id, "problem": p.message.text()}
                    for p in report.problems
                ],
            }
        )
        return 0 if report.ok else 1
    if report.ok and report.empty:
        print(t("cli.ledger.empty", entries=report.entries, records=report.records))
        return 0
    if report.ok:
        print(
            t(
                "cli.ledger.ok",
                entries=report.entries,
                records=report.records,
                incidents=report.incidents,
                log_entries=report.log_entries,
                files=report.attachments,
                seq=report.head.seq,
                hash=report.head.hash,
                proved=report.proved.text(),
            )
        )
        return 0
    for problem in report.problems:
        fail(problem.message.text())
    print(t("cli.ledger.failed", count=len(report.problems), entries=report.entries, records=report.records))
    return 1
