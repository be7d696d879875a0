"""Command line: `branchguard` opens the window; sub-commands do the same work headless.

Each sub-command module exposes `register(subparsers)`; a handler receives the opened AppContext
and the parsed arguments and returns an exit code. Expected failures print one line on stderr and
exit 1; usage errors exit 2 (argparse).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from branchguard import __version__
from branchguard.cli import accounts, audit, demo, info, people, playbooks
from branchguard.cli.common import Handler, fail
from branchguard.core.errors import BranchGuardError

COMMAND_MODULES = (demo, accounts, people, playbooks, audit, info)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="branchguard",
        description="BranchGuard: emergency response, drills and inspections for a bank branch. "
        "Without a sub-command it opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data-dir", help="data folder (database, settings, backups, attachments)")
    parser.add_argument(
        "--db",
        help="database URL, e.g. postgresql://user@host/branchguard (default: SQLite in the data folder)",
    )
    parser.add_argument("--lang", help="language: zh_CN (default) or en")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        from branchguard.core.i18n import normalize_language

        try:
            args.lang = normalize_language(args.lang)
        except ValueError as exc:
            parser.error(str(exc))
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        from branchguard.app import run_gui

        return run_gui(args.data_dir, args.db, args.lang)
    from branchguard.context import open_context

    try:
        ctx = open_context(args.data_dir, args.db, args.lang)
    except BranchGuardError as exc:
        return fail(exc.message)
    except Exception as exc:  # the database cannot be reached or opened
        return fail(f"{type(exc).__name__}: {exc}")
    try:
        return handler(ctx, args)
    except BrokenPipeError:
        # The reader went away (`| head`): not an error of ours; silence the final flush too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except BranchGuardError as exc:
        return fail(exc.message)
    except OSError as exc:
        return fail(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
    finally:
        ctx.close()
