"""`branchguard info`: where the data lives, the schema in use and the report font.

No login (it shows no record), so it also helps whoever cannot log in find the data folder."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from branchguard.cli.common import JSON_TEXT_HELP, print_json, warn
from branchguard.cli.login import never

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from branchguard.context import AppContext


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("info", help="show the data folder, database, schema revision and report font")
    p.add_argument("--json", action="store_true", help=JSON_TEXT_HELP)
    # It shows what is there: a folder without data is said so, as by every other command, not
    # given a new empty database whose lines would read as the branch's.
    p.set_defaults(handler=run_info, needs_login=never, makes_data=False)


def run_info(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard import __version__
    from branchguard.db.migrate import current_revision
    from branchguard.reports.fonts import find_cjk_font

    font = find_cjk_font(ctx.config.settings.get("report_font"))
    values = {
        "version": __version__,
        "data_dir": str(ctx.data_dir),
        "database": ctx.engine.url.render_as_string(hide_password=True),
        "schema_revision": current_revision(ctx.engine),
        "language": ctx.config.language,
        "branch_code": branch.code if (branch := ctx.services.branch.get()) is not None else "",
        "report_font": font.name,
        "report_font_file": str(font.path or ""),
        "report_font_embedded": font.embedded,
    }
    if args.json:
        print_json(values)
    else:
        for key, value in values.items():
            print(f"{key}: {value}")
    if font.warning:
        warn(font.warning)
    return 0
