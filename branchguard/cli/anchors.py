"""`branchguard anchor show|folder PATH`, and the `--anchor FILE` part of `branchguard verify`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from branchguard.cli.common import cli_actor, fail, named_path, warn
from branchguard.core.kernel.i18n import t

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from pathlib import Path

    from branchguard.context import AppContext
    from branchguard.core.anchors.types import AnchorReport, Head


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser(
        "anchor", help="signed ledger heads kept outside the database (锚点): the key and the folder"
    ).add_subparsers(dest="anchor_command", metavar="ACTION", required=True)
    show = group.add_parser("show", help="the signing key's fingerprint, the anchor folder and file")
    show.set_defaults(handler=run_show, role_action=None)
    folder = group.add_parser("folder", help="choose the folder the anchor file goes to (USB stick, share)")
    folder.add_argument("path", type=named_path, help="an existing folder, apart from the data folder")
    folder.set_defaults(handler=run_folder, role_action="anchor.configure")


def run_show(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.core.anchors.rules import grouped

    anchors = ctx.services.anchors
    key = anchors.key()  # made now on the first run
    print(t("anchor.cli.fingerprint", fingerprint=grouped(key.fingerprint)))
    print(t("anchor.cli.key_file", path=key.path))
    print(t("anchor.cli.folder", path=anchors.folder()))
    path = anchors.anchor_file()
    try:
        with path.open("rb") as fh:
            count = sum(1 for line in fh if line.strip())
    except FileNotFoundError:
        print(t("anchor.cli.no_file", path=path))
    else:
        print(t("anchor.cli.file", path=path, count=count))
    return 0


def run_folder(ctx: AppContext, args: argparse.Namespace) -> int:
    chosen = ctx.services.anchors.choose_folder(
        cli_actor(args), args.path, lambda value: ctx.config.settings.set("anchor_dir", value)
    )
    print(t("anchor.cli.folder_set", path=chosen))
    return 0


def require_sources(sources: list[Path]) -> None:
    """Every anchor source named is there: said as every command says it of a missing file."""
    from branchguard.core.kernel.errors import ValidationError
    from branchguard.core.kernel.i18n import Message

    for source in sources:
        if not source.exists():
            raise ValidationError("field.file", Message("input.no_file", path=str(source)))


def read_anchors(ctx: AppContext, args: argparse.Namespace, proved: tuple[Head, bool]) -> list[AnchorReport]:
    """`verify --anchor SOURCE…`: every source (each there: `require_sources`) read and its anchors
    checked against the ledger now, before verify prints anything. A source that cannot be read or
    holds no anchor refuses the whole run (AnchorSourceError, one line), not after the ledger's
    line saying all is well. `proved`: the ledger's check just made (AnchorService.check)."""
    from branchguard.core.anchors.store import AnchorSourceError
    from branchguard.core.kernel.i18n import Message

    reports = []
    for source in args.anchors:
        report = ctx.services.anchors.check(cli_actor(args), source, proved)
        if not report.results:
            raise AnchorSourceError(Message("anchor.cli.none", source=str(source)))
        reports.append(report)
    return reports


def show_anchors(report: AnchorReport) -> int:
    """What one source's anchors proved: each failing anchor named with why. 0 only when every
    anchor holds."""
    from branchguard.core.anchors.rules import grouped, local_minute, proof

    kind = t(f"anchor.kind.{report.kind.value}")
    count, end = len(report.results), report.head.seq
    print(t("anchor.cli.checked", source=report.source, kind=kind, count=count, end=end))
    for r in report.failures:
        what = r.anchor.what if r.anchor else "-"
        at = local_minute(r.anchor.at) if r.anchor else "-"
        fail(t("anchor.cli.bad_anchor", where=r.where, what=what, at=at, reason=r.reason or ""))
    for r in report.results:
        if r.ok and r.anchor is not None and not r.own_key:
            warn(t("anchor.cli.other_key", where=r.where, fingerprint=grouped(r.anchor.fingerprint)))
    if not report.chain_consistent:
        fail(t("anchor.cli.chain_broken"))
    if report.failures:
        print(t("anchor.cli.failed", failed=len(report.failures), count=len(report.results)))
    print(proof(report, report.chain_consistent).text())
    return 0 if report.ok else 1


def anchors_json(report: AnchorReport) -> dict[str, Any]:
    """One source's anchors for `verify --json --anchor`: what `show_anchors` prints, as data."""
    from branchguard.core.anchors.rules import proof

    return {
        "source": report.source,
        "kind": report.kind.value,
        "ok": report.ok,
        "checked_to": report.head.seq,
        "chain_consistent": report.chain_consistent,
        "proved": proof(report, report.chain_consistent).text(),
        "anchors": [
            {
                "where": r.where,
                "ok": r.ok,
                "what": r.anchor.what if r.anchor else None,
                "at": r.anchor.at.isoformat() if r.anchor else None,
                "ledger_seq": r.anchor.ledger_seq if r.anchor else None,
                "own_key": r.own_key,
                "problem": r.reason.text() if r.reason else None,
            }
            for r in report.results
        ],
    }
