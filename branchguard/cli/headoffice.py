"""`branchguard ho …`: head office on its own database. `ho init --name NAME --user USER` (the
password on standard input) makes one; `ho branch add`, `ho import FILE.zip…`, `ho branches
[--json]`, `ho report --period P -o FILE.pdf|xlsx`, `ho working-days FILE.yaml` (the years `ho
export library` carries). A branch database refuses these, and a head-office database refuses the
branch's own commands (`refused_here`)."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from branchguard.cli.common import JSON_TABLE_HELP, anchor_warning, cli_actor, fail, print_json, print_table
from branchguard.cli.login import never
from branchguard.core.kernel.errors import AuthenticationError, BranchGuardError
from branchguard.core.kernel.i18n import Message, t

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from branchguard.context import AppContext

TIME_FORMAT = "%Y-%m-%d %H:%M"  # an earlier import's time, on this PC's clock
# What a head-office database may run besides `ho`: its accounts, where its data is, its backups,
# its audit trail and the ledger's check.
HEAD_OFFICE_COMMANDS = frozenset({"ho", "user", "info", "backup", "audit", "verify"})


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ho = sub.add_parser("ho", help="head office (总行): branches' packages rolled up").add_subparsers(
        dest="ho_command", metavar="ACTION", required=True
    )
    init = ho.add_parser("init", help="make this (new, empty) database head office's, with its first account")
    init.add_argument("--name", required=True, help="the head office's name")
    init.add_argument("--user", required=True, help="the first account (administrator); password on stdin")
    init.add_argument(
        "--display-name", default="", help="the first account's name shown in the window and the audit trail"
    )
    init.set_defaults(handler=run_init, needs_login=never)

    branch = ho.add_parser("branch", help="registered branches").add_subparsers(
        dest="ho_branch_command", metavar="ACTION", required=True
    )
    add = branch.add_parser("add", help="register a branch with its public key (`branchguard key export`)")
    add.add_argument("code", help="the branch's code")
    add.add_argument("--name", required=True, help="the branch's name")
    add.add_argument("--key", required=True, type=Path, help="the branch's public key file")
    add.set_defaults(handler=run_branch_add, role_action="ho.branch")

    imp = ho.add_parser("import", help="import branch packages (each checked whole, one transaction each)")
    imp.add_argument("files", nargs="+", type=Path, help="branch package files (from `branchguard export`)")
    imp.set_defaults(handler=run_import, role_action="ho.import")

    branches = ho.add_parser("branches", help="every branch side by side")
    branches.add_argument("--json", action="store_true", help=JSON_TABLE_HELP)
    branches.set_defaults(handler=run_branches, role_action="ho.read")

    report = ho.add_parser("report", help="the regional period report, branches side by side (PDF or xlsx)")
    report.add_argument(
        "--period", required=True, help="a month (2026-11), a quarter (2026-Q4) or a year (2026)"
    )
    report.add_argument("-o", "--output", required=True, type=Path, help="FILE.pdf or FILE.xlsx")
    report.set_defaults(handler=run_report, role_action="ho.read")

    from branchguard.cli.library import register_export, register_working_days

    down = ho.add_parser("export", help="what head office sends down to its branches").add_subparsers(
        dest="ho_export_command", metavar="WHAT", required=True
    )
    register_export(down, "library")
    register_working_days(ho, "working-days")  # the years `ho export library` carries from then on


def refused_here(ctx: AppContext, command: str | None) -> Message | None:
    """A branch command on a head-office database: the message refusing it; else None."""
    if command is None or command in HEAD_OFFICE_COMMANDS or not ctx.head_office:
        return None  # the context asked once, of the bare table (declaring head office's models cost ~20 ms)
    if command == "library":  # what head office does of it has its `ho` commands
        return Message("ho.library_command")
    return Message("ho.branch_command", command=command)


def _password(args: argparse.Namespace) -> str:
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(t("cli.login.prompt", username=args.user))
        if getpass.getpass(t("cli.login.prompt", username=args.user)) != first:
            raise AuthenticationError(Message("cli.login.stdin_empty"))
        return first
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise AuthenticationError(Message("cli.login.stdin_empty"))
    return line.rstrip("\r\n")


def run_init(ctx: AppContext, args: argparse.Namespace) -> int:
    name = ctx.services.headoffice.init(args.name, args.user, _password(args), args.display_name)
    print(t("ho.cli.made", name=name, user=args.user))
    return 0


def run_branch_add(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.core.anchors.rules import grouped

    b = ctx.services.headoffice.add_branch(cli_actor(args), args.code, args.name, args.key)
    print(t("ho.cli.branch_added", code=b.code, name=b.name, fingerprint=grouped(b.fingerprint)))
    return 0


def run_import(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.core.headoffice.package_zip import ledger_order
    from branchguard.core.headoffice.service import NotHeadOffice
    from branchguard.core.headoffice.types import ImportOutcome

    actor, failed = cli_actor(args), 0
    for path in ledger_order(args.files):
        try:
            r = ctx.services.headoffice.import_package(actor, path)
        except NotHeadOffice:
            raise
        except BranchGuardError as exc:
            failed += 1
            fail(t("ho.cli.refused", file=path, reason=exc.message))
            continue
        key = "ho.cli.imported" if r.outcome is ImportOutcome.IMPORTED else "ho.cli.already"
        earlier = r.replaces.astimezone().strftime(TIME_FORMAT) if r.replaces else ""
        if earlier:
            key = "ho.cli.imported_again"
        print(
            t(
                key,
                file=path,
                code=r.branch_code,
                period=r.period,
                records=r.records,
                entries=r.ledger_entries,
                earlier=earlier,
            )
        )
    return 1 if failed else 0


def run_branches(ctx: AppContext, args: argparse.Namespace) -> int:
    rows = ctx.services.headoffice.branches(cli_actor(args))
    if args.json:
        print_json(rows)
        return 0
    headers = [
        "ho.cli.code",
        "ho.cli.name",
        "ho.cli.last_period",
        "ho.cli.incidents",
        "ho.cli.hazards_open",
        "ho.cli.overdue",
        "ho.cli.drill_score",
        "ho.cli.actions_overdue",
        "ho.cli.complaints_open",
        "ho.cli.complaints_overdue",
    ]
    print_table(
        headers,
        [
            [
                r.code,
                r.name,
                r.last_period or "-",
                r.incidents,
                r.hazards_open,
                r.hazards_overdue,
                "-" if r.drill_score_average is None else f"{r.drill_score_average:.1f}",
                r.actions_overdue,
                r.complaints_open,
                r.complaints_overdue,
            ]
            for r in rows
        ],
    )
    return 0


def run_report(ctx: AppContext, args: argparse.Namespace) -> int:
    suffix = args.output.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        return fail(t("ho.report.bad_suffix", path=args.output), 2)
    from branchguard.reports.regional_report import build_regional_report

    build_regional_report(
        ctx.services,
        cli_actor(args),
        args.period,
        args.output,
        ctx.config.settings.get("report_font"),
        on_anchor=anchor_warning,
    )
    print(args.output)
    return 0
