"""`branchguard hazard verify|close`: the lead's verification (never by whoever remediated it) and
closing (销号), each with a note. A major hazard whose milestones (interim control, plan, report to
head office) are not recorded is refused, naming them, unless `--reason` says why it goes ahead
without them (core/hazards/rules.py `check_milestones`); the reason is kept in its history."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from branchguard.cli.common import JSON_TEXT_HELP, cli_actor, hazard_reference, print_json
from branchguard.core.hazards import rules
from branchguard.core.hazards.types import HazardDetail
from branchguard.core.kernel.errors import NotFound
from branchguard.core.kernel.i18n import Message, t

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from branchguard.context import AppContext

REFERENCE_HELP = "as the register shows it (YH-2026-0007), or 7"


def register(hazard: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    for name, summary, note_help in (
        ("verify", "verify a remediated hazard's fix (not by whoever remediated it)", "what was checked"),
        ("close", "close (销号) a verified hazard", "the closing note"),
    ):
        cmd = hazard.add_parser(name, help=summary)
        cmd.add_argument("id", type=hazard_reference, help=REFERENCE_HELP)
        cmd.add_argument("--note", required=True, help=note_help)
        cmd.add_argument(
            "--reason",
            default="",
            help="a major hazard with milestones not recorded: why it goes ahead (kept in its history)",
        )
        cmd.add_argument("--json", action="store_true", help=JSON_TEXT_HELP)
        cmd.set_defaults(handler=run_verify if name == "verify" else run_close, role_action=f"hazard.{name}")


def shown_hazard(ctx: AppContext, args: argparse.Namespace) -> HazardDetail:
    """The hazard `args.id` names; given as YH-2026-0007, its year must be the hazard's."""
    reference = getattr(args.id, "reference", "")
    refused = NotFound(Message("hazard.not_found", id=reference or args.id))
    try:
        detail = ctx.services.hazards.get(cli_actor(args), args.id)
    except NotFound:
        raise refused from None
    if reference and detail.info.number != reference:
        raise refused
    return detail


def run_verify(ctx: AppContext, args: argparse.Namespace) -> int:
    hazard_id = shown_hazard(ctx, args).info.id
    return _print(ctx, args, ctx.services.hazards.verify(cli_actor(args), hazard_id, args.note, args.reason))


def run_close(ctx: AppContext, args: argparse.Namespace) -> int:
    hazard_id = shown_hazard(ctx, args).info.id
    return _print(ctx, args, ctx.services.hazards.close(cli_actor(args), hazard_id, args.note, args.reason))


def _print(ctx: AppContext, args: argparse.Namespace, detail: HazardDetail) -> int:
    from branchguard.cli.inspections import hazard_detail_json

    if args.json:
        print_json(hazard_detail_json(detail, ctx.services.hazards.zone.key))
        return 0
    print(f"{detail.info.number}  {detail.info.status.label}  {detail.info.title}")
    short = outstanding_line(detail)
    if short:
        print(short)
    return 0


def outstanding_line(detail: HazardDetail) -> str:
    """A hazard verified or closed with milestones outstanding, as `hazard show` and these say it
    ("" for any other)."""
    if not detail.info.closed_short:
        return ""
    return t("cli.hazard.closed_short", milestones=str(rules.Milestones(detail.info.outstanding)))
