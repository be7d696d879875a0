"""`branchguard export package --period 2026-11 -o FILE.zip`, `key show`, `key export -o FILE`:
the period package for head office and the public key head office checks it with."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from branchguard.cli.common import cli_actor, entry_number, fail, warn

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from branchguard.context import AppContext


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = sub.add_parser("export", help="exports for head office").add_subparsers(
        dest="export_command", metavar="WHAT", required=True
    )
    pkg = export.add_parser("package", help="the signed period package for head office (数据包) as a zip")
    pkg.add_argument("--period", required=True, help="a month (2026-11) or a quarter (2026-Q4)")
    pkg.add_argument("-o", "--output", type=Path, help="the zip file to write")
    pkg.add_argument("--unmask", action="store_true", help="complainants' identifiers in full (safety lead)")
    pkg.add_argument("--no-reports", action="store_true", help="leave the PDF reports out")
    pkg.add_argument("--preview", action="store_true", help="only say what the package would hold")
    pkg.add_argument(
        "--after",
        type=entry_number,
        metavar="ENTRY",
        help="send the ledger again from after this entry: the one head office holds, when a "
        "package was lost or refused (0: from the start)",
    )
    pkg.set_defaults(handler=run_package, role_action="exchange.export")

    key = sub.add_parser(
        "key", help="this branch's signing key (the one anchors and packages use)"
    ).add_subparsers(dest="key_command", metavar="ACTION", required=True)
    key.add_parser("show", help="the key's fingerprint").set_defaults(handler=run_key_show, role_action=None)
    key_export = key.add_parser("export", help="write the public key for head office")
    key_export.add_argument("-o", "--output", required=True, type=Path, help="the file to write (PEM)")
    key_export.set_defaults(handler=run_key_export, role_action="exchange.key")


def _counts(counts: dict[str, int]) -> str:
    """Records per kind, each kind by name in the command's language (a kind from elsewhere as is)."""
    from branchguard.core.kernel.i18n import current_language, has_message, t

    def name(kind: str) -> str:
        return t(f"exchange.kind.{kind}") if has_message(f"exchange.kind.{kind}") else kind

    separator = "，" if current_language() == "zh_CN" else ", "
    return separator.join(f"{name(kind)} {n}" for kind, n in counts.items())


def run_package(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.core.kernel.i18n import t

    actor = cli_actor(args)
    service = ctx.services.exchange
    if args.preview:
        p = service.preview(actor, args.period, after=args.after)
        print(
            t(
                "exchange.cli.preview",
                code=p.branch_code,
                name=p.branch_name,
                period=p.period.name,
                counts=_counts(p.counts),
                reports=p.documents,
                start=p.ledger_from,
                end=p.ledger_to,
            )
        )
        return 0
    if args.output is None:
        return fail(t("exchange.cli.output_required"))
    if args.output.suffix.lower() != ".zip":  # a usage error, as a report's: nothing written
        return fail(t("cli.zip_suffix", path=args.output), 2)
    documents = None
    if not args.no_reports:
        from branchguard.reports.package_documents import period_documents

        documents = period_documents(ctx.services, actor, ctx.config.settings.get("report_font"))
    from branchguard.core.anchors.rules import grouped

    result = service.export(
        actor, args.period, args.output, unmask=args.unmask, documents=documents, after=args.after
    )
    print(
        t(
            "exchange.cli.written",
            path=result.path,
            period=result.period.name,
            files=result.files,
            start=result.ledger_from,
            end=result.ledger_to,
            fingerprint=grouped(result.fingerprint),
        )
    )
    print(t("exchange.cli.counts", counts=_counts(result.counts), reports=result.documents))
    for note in result.notes:
        warn(note.text())
    if result.anchor_problem is not None:
        warn(result.anchor_problem.text())
    return 0


def run_key_show(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.core.anchors.rules import grouped
    from branchguard.core.kernel.i18n import t

    cli_actor(args)
    print(t("exchange.cli.fingerprint", fingerprint=grouped(ctx.services.anchors.key().fingerprint)))
    return 0


def run_key_export(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.core.anchors.rules import grouped
    from branchguard.core.kernel.i18n import t

    fp = ctx.services.exchange.export_key(cli_actor(args), args.output)
    print(t("exchange.cli.key_written", path=args.output, fingerprint=grouped(fp)))
    return 0
