"""`branchguard library export|import|show|working-days|day` and `branchguard trust head-office KEY_FILE`.

Head office exports the signed library (`library export -o FILE.zip --public-key KEY.pem`); a
branch trusts head office's public key once (`trust head-office KEY.pem`) and imports each library
(`library import FILE.zip`, with `--dry-run` for the preview alone). `register_export` and
`register_working_days` add the export and the working-day table under another group too (`ho
export library`, `ho working-days`: a head-office database refuses `library`).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from branchguard.cli.common import JSON_TEXT_HELP, cli_actor, fail, print_json, print_table, warn
from branchguard.core.kernel.i18n import t

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from branchguard.context import AppContext
    from branchguard.core.library_sync.types import LibraryPreview


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser(
        "library", help="the head-office library (总行资料库): export signed, import with a preview"
    ).add_subparsers(dest="library_command", metavar="ACTION", required=True)
    register_export(group, "export")
    imp = group.add_parser("import", help="check a library's signature and contents, preview, apply (lead)")
    imp.add_argument("file", type=Path, help="the library .zip from head office")
    imp.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    imp.add_argument("--json", action="store_true", help="the preview (or result) as JSON")
    imp.set_defaults(handler=run_import, role_action="library.import")
    show = group.add_parser(
        "show", help="the trusted head-office key, the last import, the working-day years"
    )
    show.add_argument("--json", action="store_true", help=JSON_TEXT_HELP)
    show.set_defaults(handler=run_show, role_action="library.read")
    register_working_days(group, "working-days")
    day = group.add_parser("day", help="is DATE a working day? (exit 1 when no table covers its year)")
    day.add_argument("date", help="YYYY-MM-DD")
    day.set_defaults(handler=run_day, role_action="library.read")
    refresh = group.add_parser(
        "refresh", help="add the built-in plans and checklists this database lacks, touching no other (lead)"
    )
    refresh.add_argument("--dry-run", action="store_true", help="list what would be added; write nothing")
    refresh.add_argument("--json", action="store_true", help=JSON_TEXT_HELP)
    refresh.set_defaults(handler=run_refresh, role_action="library.refresh")

    trust = sub.add_parser(
        "trust", help="trust head office's public key for libraries (lead)"
    ).add_subparsers(dest="trust_command", metavar="WHOM", required=True)
    ho = trust.add_parser("head-office", help="the key file head office gave (PEM or 64 hex digits)")
    ho.add_argument("key_file", type=Path, help="the head office's public key file")
    ho.set_defaults(handler=run_trust, role_action="library.trust")


def register_export(group: argparse._SubParsersAction[argparse.ArgumentParser], name: str) -> None:
    """The export command under `group` as `name` (`library export`; `ho export library`)."""
    export = group.add_parser(name, help="write the library signed by this installation's key (head office)")
    export.add_argument("-o", "--output", type=Path, required=True, help="the .zip to write")
    export.add_argument(
        "--public-key", type=Path, help="also write the public key branches trust (PEM), e.g. head-office.pem"
    )
    export.set_defaults(handler=run_export, role_action="library.export")


def register_working_days(group: argparse._SubParsersAction[argparse.ArgumentParser], name: str) -> None:
    """The working-day table command under `group` as `name` (`library working-days`; `ho
    working-days` on a head-office database, where `library` is refused)."""
    days = group.add_parser(
        name, help="head office: store the working-day table file (YAML) its libraries carry (lead)"
    )
    days.add_argument("file", type=Path, help="a branchguard.working_days file (docs/library-format.md)")
    days.set_defaults(handler=run_working_days, role_action="library.calendar")


def run_refresh(ctx: AppContext, args: argparse.Namespace) -> int:
    result = ctx.services.playbooks.refresh_builtins(cli_actor(args), dry_run=args.dry_run)
    if args.json:
        print_json({"playbooks": list(result.playbooks), "templates": list(result.templates)})
    elif not result:
        print(t("library.cli.refresh_none"))
    else:
        print(
            t(
                "library.cli.would_refresh" if args.dry_run else "library.cli.refreshed",
                playbooks=len(result.playbooks),
                codes=", ".join(result.playbooks) or "-",
                templates=len(result.templates),
                names=", ".join(result.templates) or "-",
            )
        )
    return 0


def run_export(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.core.anchors.rules import grouped

    result = ctx.services.library.export(cli_actor(args), args.output, args.public_key)
    years = ", ".join(str(y) for y in result.years) or "-"
    print(
        t(
            "library.cli.exported",
            path=result.path,
            playbooks=result.playbooks,
            templates=result.templates,
            rules=result.rules,
            years=years,
        )
    )
    print(t("library.cli.signed_by", fingerprint=grouped(result.fingerprint)))
    if result.public_key_path:
        print(t("library.cli.key_written", path=result.public_key_path))
    return 0


def run_trust(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.core.anchors.rules import grouped

    result = ctx.services.library.trust(cli_actor(args), args.key_file)
    fp = grouped(result.key.fingerprint)
    if not result.changed:
        print(t("library.cli.already_trusted", fingerprint=fp))
    elif result.replaced:
        print(t("library.cli.trust_replaced", fingerprint=fp, before=grouped(result.replaced)))
    else:
        print(t("library.cli.trusted", fingerprint=fp))
    return 0


def _preview_lines(p: LibraryPreview) -> list[tuple[str, str, str, str]]:
    def codes(items: tuple[str, ...]) -> str:
        return ", ".join(items) if items else "-"

    return [
        (t(f"library.kind.{kind}"), codes(c.added), codes(c.updated), str(len(c.unchanged)))
        for kind, c in (
            ("playbooks", p.playbooks),
            ("templates", p.templates),
            ("rules", p.rules),
            ("years", p.years),
        )
    ]


def run_import(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.core.anchors.rules import grouped, local_minute

    library = ctx.services.library
    actor = cli_actor(args)
    read = library.read(actor, args.file)
    result = library.preview(actor, read) if args.dry_run else library.apply(actor, read)
    if args.json:
        print_json(result)
        return 0
    print(
        t(
            "library.cli.from",
            issuer=result.issuer or "-",
            made=local_minute(result.created_at),
            fingerprint=grouped(result.fingerprint),
        )
    )
    print_table(
        ["library.cli.kind", "library.cli.added", "library.cli.updated", "library.cli.unchanged"],
        _preview_lines(result),
    )
    if not result.any:
        print(t("library.cli.nothing"))
    elif result.plan_problems:  # a preview's: the apply refuses them before writing
        print(t("library.cli.plans_block"))
        for problem in result.plan_problems:
            print(f"  {problem.message.text()}")
    elif args.dry_run:
        print(t("library.cli.dry_run"))
    else:
        print(t("library.cli.applied"))
    return 0


def run_show(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.core.anchors.rules import grouped, local_minute
    from branchguard.core.kernel import working_days

    state = ctx.services.library.state(cli_actor(args))
    if args.json:
        print_json(state)
        return 0
    if state.trusted is None:
        print(t("library.cli.no_trust"))
    else:
        print(
            t(
                "library.cli.trusted_key",
                fingerprint=grouped(state.trusted.fingerprint),
                by=state.trusted.added_by,
            )
        )
    last = state.last_import
    if last is None:
        print(t("library.cli.no_import"))
    else:
        print(
            t(
                "library.cli.last_import",
                issuer=last.issuer or "-",
                made=local_minute(last.created_at),
                at=local_minute(last.imported_at),
                by=last.imported_by,
            )
        )
    print(t("library.cli.covered", years=working_days.spans(y.year for y in state.years)))
    print_table(
        [
            "library.cli.year",
            "library.cli.days_off",
            "library.cli.workdays",
            "library.cli.source",
        ],
        [(y.year, y.holidays, y.workdays, y.source) for y in state.years if not y.built_in],
    )
    this_year = date.today().year
    if not any(y.year == this_year + 1 for y in state.years):
        warn(t("library.cli.next_year_missing", year=this_year + 1))
    return 0


def run_working_days(ctx: AppContext, args: argparse.Namespace) -> int:
    changes = ctx.services.library.set_working_days(cli_actor(args), args.file)
    if not changes.any:
        print(t("library.cli.days_unchanged", years=", ".join(changes.unchanged)))
        return 0
    print(
        t(
            "library.cli.days_stored",
            added=", ".join(changes.added) or "-",
            updated=", ".join(changes.updated) or "-",
        )
    )
    return 0


def run_day(ctx: AppContext, args: argparse.Namespace) -> int:
    try:
        day = date.fromisoformat(args.date)
    except ValueError:
        return fail(t("library.days.bad_date", value=args.date))
    working, holiday, source = ctx.services.library.check_day(cli_actor(args), day)
    key = "library.cli.working" if working else "library.cli.day_off"
    print(t(key, date=day.isoformat(), holiday=holiday or "-", source=source))
    return 0
