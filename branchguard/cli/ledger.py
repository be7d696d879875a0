"""`branchguard verify`: every record, incident log and attachment against the ledger."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from branchguard.cli.common import cli_actor, fail, print_json, warn
from branchguard.cli.login import once_accounts_exist
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.roles import no_account

if TYPE_CHECKING:
    from branchguard.context import AppContext
    from branchguard.core.anchors.types import AnchorReport
    from branchguard.core.ledger.types import LedgerReport


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
        "or a head-office package (repeatable); without it, the branch's own anchor file",
    )
    verify.set_defaults(handler=run_verify, role_action="ledger.verify", needs_login=once_accounts_exist)


def run_verify(ctx: AppContext, args: argparse.Namespace) -> int:
    if args.logged_in is None:  # a database with no account: nobody could log in (cli/login.py)
        args.logged_in = no_account("cli:no-account")
    from branchguard.core.anchors.types import Head

    if args.anchors:  # a named source that is not there is refused before the long check
        from branchguard.cli.anchors import require_sources

        require_sources(args.anchors)
    from branchguard.cli.progress_line import on_terminal

    with on_terminal():
        report = ctx.services.ledger.verify(cli_actor(args))
    # The anchors' checks take the ledger's consistency from this report while its head holds:
    # each once checked every record again (twice the work of `verify` with one anchor source).
    held = (Head(report.head.seq, report.head.hash), report.ok)
    anchored = []
    if args.anchors:  # every anchor source read before the ledger's line is printed
        from branchguard.cli.anchors import read_anchors

        anchored = read_anchors(ctx, args, held)
    elif ctx.services.anchors.anchor_file().is_file():
        # the branch's own anchor file when none is named: a history cut back and re-chained
        # passed plain `verify`, which looked at nothing outside the database
        own = ctx.services.anchors.check(cli_actor(args), ctx.services.anchors.anchor_file(), held)
        anchored = [own] if own.results else []
    # With anchors the ledger's line says what the chain proved; the anchors' lines follow.
    proved = Message("ledger.proved.chain") if anchored and report.ok else report.proved
    if args.json:
        return _print_json(report, proved, anchored)
    code = _print_ledger(report, proved)
    if anchored:
        from branchguard.cli.anchors import show_anchors

        for checked in anchored:
            code = show_anchors(checked) or code
    return code


def _print_json(report: LedgerReport, proved: Message, anchored: list[AnchorReport]) -> int:
    from branchguard.cli.anchors import anchors_json

    print_json(
        {
            "ok": report.ok and all(a.ok for a in anchored),
            "empty": report.empty,
            "head": {"seq": report.head.seq, "hash": report.head.hash},
            "entries": report.entries,
            "records": report.records,
            "incidents": report.incidents,
            "log_entries": report.log_entries,
            "attachments": report.attachments,
            "proved": proved.text(),
            "problems": [
                {"entity": p.entity, "id": p.entity_id, "problem": p.message.text()} for p in report.problems
            ],
            "warnings": [
                {"entity": w.entity, "id": w.entity_id, "warning": w.message.text()} for w in report.warnings
            ],
            "anchors": [anchors_json(a) for a in anchored],
        }
    )
    return 0 if report.ok and all(a.ok for a in anchored) else 1


def _print_ledger(report: LedgerReport, proved: Message) -> int:
    for warning in report.warnings:  # not failures: on stderr, before the verdict, which they do not change
        warn(warning.message.text())
    if report.ok:
        print(report.verdict(proved).text())
        return 0
    for problem in report.problems:
        fail(problem.message.text())
    print(report.verdict(proved).text())
    return 1
