"""Command line: `branchguard` opens the window; sub-commands do the same work headless.

Each sub-command module exposes `register(subparsers)`; a handler receives the opened AppContext
and the parsed arguments and returns an exit code. Before it runs, the user logs in (cli/login.py):
the handler acts as `cli_actor(args)`, with that user's role. A command exempt from the login says
so with `needs_login` in its defaults (a rule; default: always). What it does in the role table's
words is `role_action` there: a role that may not do it is refused before the handler runs. Expected
failures print one line on stderr and exit 1; usage errors exit 2 (argparse).
"""

from __future__ import annotations

import argparse
import codecs
import importlib
import io
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from branchguard.cli.localized import Language, LocalizedParser, help_language, localize
from branchguard.collector import Pause

if TYPE_CHECKING:
    from pathlib import Path

    from branchguard.cli.common import ConfigHandler, Handler

TRACE_ENV = "BRANCHGUARD_TRACE_STARTUP"  # as the window's (app.py): marks the start-up's end


class _VersionAction(argparse.Action):
    """--version, reading the version only when asked: the package metadata costs the window's first
    frame ~20 ms otherwise."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        from branchguard import __version__

        print(f"{parser.prog} {__version__}")  # on standard output, as argparse's own version action
        parser.exit()


def _global_parser(add_help: bool = True, with_version: bool = True) -> argparse.ArgumentParser:
    parser = LocalizedParser(
        prog="branchguard",
        description="BranchGuard: emergency response, drills and inspections for a bank branch. "
        "Without a sub-command it opens the window.",
        add_help=add_help,
    )
    if with_version:
        parser.add_argument("--version", action=_VersionAction, nargs=0, help="show the version and exit")
    parser.add_argument("--data-dir", help="data folder (database, settings, backups, attachments)")
    parser.add_argument(
        "--db",
        help="database URL, e.g. postgresql://user@host/branchguard (default: SQLite in the data folder)",
    )
    parser.add_argument("--lang", help="language: zh_CN (default) or en")
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="open the data read-only: viewing, reports and verify work, nothing is written "
        "(also chosen by itself when the data folder cannot be written)",
    )
    from branchguard.cli.login import add_login_options  # standard library only: no cost to the window

    add_login_options(parser)
    return parser


# Each command and the module that registers it (its `register(subparsers)`), in the order of the
# help; tests/cli/test_cli.py checks the table against what each module registers.
COMMAND_MODULES: dict[str, str] = {
    "demo": "demo",
    "dashboard": "dashboard",
    "branch": "branch",
    "user": "accounts",
    "people": "people",
    "contacts": "people",
    "team": "team",
    "training": "team",
    "playbook": "playbooks",
    "incident": "incidents",
    "action": "incidents",
    "warning": "early_warnings",
    "drill": "drills",
    "compliance": "drills",
    "inspection": "inspections",
    "hazard": "inspections",
    "complaint": "complaints",
    "report": "reports",
    "handover": "reports",
    "schedule": "schedules",
    "calendar": "schedules",
    "audit": "audit",
    "verify": "ledger",
    "backup": "backup",
    "restore": "backup",
    "anchor": "anchors",
    "export": "exchange",
    "key": "exchange",
    "ho": "headoffice",
    "library": "library",
    "trust": "library",
    "info": "info",
}


def build_parser(command: str | None = None, language: Language | None = None) -> argparse.ArgumentParser:
    """The full parser; given the command word, with that command's module only. Its help and usage
    errors speak `language` (default: the data folder's setting, else zh_CN; cli/localized.py).

    A speed trick (docs/architecture.md, "Speed tricks"): each command module imports its domain's
    types, and all of them together the whole domain (every model module among them), which every
    command paid before it began. The parser of one command parses its arguments as the full one
    does; an unknown word, or none, gets every command (argparse lists them all). The modules are
    imported by name: the frozen build bundles every `branchguard.cli` module."""
    wanted = [COMMAND_MODULES[command]] if command in COMMAND_MODULES else COMMAND_MODULES.values()
    parser = _global_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in dict.fromkeys(wanted):
        importlib.import_module(f"branchguard.cli.{module}").register(sub)
    localize(parser, language or help_language())
    return parser


def _command_word(argv: Sequence[str]) -> tuple[str | None, Language]:
    """The sub-command given, or None when only global options are (the window opens; --help and
    --version, which the pre-parser does not know, count as a word and go to the full parser, as
    does a sub-command's own --version, e.g. `playbook show CODE --version 2`); and the language of
    the help and usage errors, from --lang and --data-dir."""
    known, rest = _global_parser(add_help=False, with_version=False).parse_known_args(list(argv))
    return (rest[0] if rest else None), help_language(known.lang, known.data_dir)


def main(argv: Sequence[str] | None = None) -> int:
    from_process = argv is None  # the process's own entry point, not a caller (or a test) in-process
    argv = list(sys.argv[1:] if argv is None else argv)
    command, language = _command_word(argv)
    opens_window = command is None
    if sys.stdout is None and not opens_window:
        return _no_console(argv)
    if not opens_window and from_process:
        _STARTING.start()
    if from_process:
        _utf8_output()  # the help and argparse's errors too
    if opens_window:
        parser = _global_parser()
        localize(parser, language)
    else:
        parser = build_parser(command, language)
    args = parser.parse_args(argv)
    if from_process:  # not for a caller in-process (a test): the umask is the whole process's
        _private_by_default(args.data_dir)
    if not args.read_only:
        # a command someone must log in for makes no data folder: it refuses one that is not there
        makes_folder = opens_window or _makes_data(args)
        _start_diagnostics(
            args.data_dir,
            getattr(args, "command", None),
            entry_point=from_process,
            makes_folder=makes_folder,
            db=args.db,
        )
    if args.lang:
        from branchguard.core.kernel.i18n import normalize_language

        try:
            args.lang = normalize_language(args.lang)
        except ValueError as exc:
            parser.error(str(exc))
    config_handler: ConfigHandler | None = getattr(args, "config_handler", None)
    if config_handler is not None:
        return _run_without_context(config_handler, args)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        from branchguard.app import run_gui

        return run_gui(args.data_dir, args.db, args.lang, read_only=args.read_only)
    return _run_command(handler, args)


def _utf8_output() -> None:
    """What a command prints is UTF-8 when it goes to a file or a pipe, whatever the system's code
    page: on a Chinese Windows PC Python writes redirected output in GBK, so `people list > f.txt`
    failed on the roster's own "✓" with nothing written, and `--json` (UTF-8 by RFC 8259) stopped
    at the first emoji in a title. A terminal keeps its own encoding (Windows' console is UTF-8
    already); a character it cannot show is replaced there, not a traceback."""
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue  # replaced by a caller: theirs to encode
        if stream.isatty():
            stream.reconfigure(errors="replace")
        elif codecs.lookup(stream.encoding).name != "utf-8":
            stream.reconfigure(encoding="utf-8")


def _run_command(handler: Handler, args: argparse.Namespace) -> int:
    """Open the context and run the command. Faults of the machine (a locked, full, read-only or
    damaged database, a server gone) end in one worded line and exit 1, never a traceback."""
    from branchguard.cli.common import fail, warn
    from branchguard.cli.login import LoginRule, always, doing, login, refuse_first
    from branchguard.context import open_context
    from branchguard.core.faults.holders import Announcement
    from branchguard.core.faults.rules import system_words
    from branchguard.core.faults.types import FaultKind
    from branchguard.core.kernel.errors import BranchGuardError, PermissionDenied
    from branchguard.core.kernel.i18n import Message, translate

    said: set[str] = set()

    def lock_wait(note: Message) -> None:  # each different notice once, not at every retry
        line = translate(note)
        if line not in said:
            said.add(line)
            warn(line)

    needs_login: LoginRule = getattr(args, "needs_login", always)
    try:
        ctx = open_context(
            args.data_dir,
            args.db,
            args.lang,
            read_only=args.read_only,
            on_lock_wait=lock_wait,
            existing=not _makes_data(args),  # no one can log in to a database made now
        )
    except BranchGuardError as exc:
        return fail(exc.message)
    except Exception as exc:  # the database cannot be reached or opened
        return fail(f"{type(exc).__name__}: {exc}")
    if ctx.read_only and not args.read_only:
        warn(translate(Message("fault.opened_read_only", folder=str(ctx.data_dir))))
    if ctx.upgrade_notice is not None:  # the copy taken before is the way back: say where it is
        warn(translate(ctx.upgrade_notice))
    if ctx.clock_off is not None:  # this PC's clock off the server's: so is every time it records
        warn(translate(ctx.clock_off.message))
    announced = None if ctx.read_only else Announcement(ctx.data_dir)
    from branchguard.cli.common import printable_output

    try:
        from branchguard.cli.headoffice import refused_here

        wrong_mode = refused_here(ctx, getattr(args, "command", None))
        if wrong_mode is not None:
            return fail(wrong_mode.text())
        args.logged_in = None
        if needs_login(ctx.services, args):
            args.logging_in = True  # a lock now is on the login's record (said so below)
            args.logged_in = login(ctx.services, args)
            args.logging_in = False
            if ctx.clock_off is not None and not ctx.read_only:  # once per command: who, which PC
                ctx.services.audit.record_clock_off(args.logged_in, ctx.clock_off)
            refuse_first(args.logged_in, args)  # before the command reads a file or a record
        _STARTING.end()
        if os.environ.get(TRACE_ENV) == "1":  # tools/bench/cli_startup.py: the command's work begins
            print("startup command", file=sys.stderr, flush=True)
        with printable_output():
            return handler(ctx, args)
    except PermissionDenied as refused:
        if args.logged_in is not None:  # audited under the user's own name, in its own transaction
            ctx.services.auth.record_refusal(refused, args.logged_in, doing(args))
        return fail(refused.message)
    except KeyboardInterrupt:  # Ctrl-C: every change is one transaction, rolled back by now
        print(file=sys.stderr)  # off the line a prompt or a progress line was on
        fail(translate(Message("fault.interrupted")))
        return INTERRUPTED_EXIT
    except BrokenPipeError:
        # The reader went away (`| head`): not an error of ours; silence the final flush too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except BranchGuardError as exc:
        return fail(exc.message)
    except Exception as exc:
        fault = ctx.explain(exc)  # a file of the user's (-o on a full disk) is named, not the data's
        if fault is not None and fault.kind is FaultKind.LOCKED and getattr(args, "logging_in", False):
            # the login's record could not be written: a command that only reads waited ~28 s for it
            return fail(f"{fault.message} {translate(Message('cli.login_locked_read_only'))}")
        if fault is not None:
            return fail(fault.message)
        if isinstance(exc, OSError):
            return fail(f"{exc.filename or ''}: {translate(system_words(exc))}".lstrip(": "))
        raise
    finally:
        if announced is not None:
            announced.end()
        ctx.close()


INTERRUPTED_EXIT = 130  # as a shell reports a command stopped by Ctrl-C (128 + SIGINT)

# No garbage collection while a command starts (imports, models declared, the context opened, the
# login), then start-up's objects frozen before the command's own work: branchguard/collector.py.
# `dashboard --json` and `schedule list` ~0.1 s faster (docs/architecture.md, "Speed tricks"). Only
# a command run as the process pauses it, not a test calling main().
_STARTING = Pause()


NO_CONSOLE = (
    "BranchGuard.exe opens the window and has no console. For commands, run branchguard-cli.exe "
    "from the same folder in a command prompt.\n"
    "BranchGuard.exe 只用于打开窗口，没有控制台。命令请在命令提示符中使用同一文件夹中的 branchguard-cli.exe。"
)


def _no_console(argv: Sequence[str]) -> int:
    """The frozen window's executable on Windows (no console: sys.stdout is None) given a command:
    it could print nothing and read nothing, so it says where the command line is instead."""
    text = f"{NO_CONSOLE}\n\nbranchguard-cli.exe {' '.join(argv)}"
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.user32.MessageBoxW(None, text, "BranchGuard", 0x30)  # MB_ICONWARNING
    elif sys.stderr is not None:
        print(text, file=sys.stderr)
    return 2


def _run_without_context(handler: ConfigHandler, args: argparse.Namespace) -> int:
    """A command that must not open the database first (restore replaces it): it gets the settings."""
    from branchguard.cli.common import fail
    from branchguard.config import resolve
    from branchguard.core.faults.rules import system_words
    from branchguard.core.kernel.errors import BranchGuardError
    from branchguard.core.kernel.i18n import set_language, translate

    config = None
    _STARTING.end()
    if args.lang:  # before settings.ini is read: a refusal there is in the language asked for too
        set_language(args.lang)
    try:
        config = resolve(args.data_dir, args.db, args.lang)
        set_language(config.language)
        return handler(config, args)
    except BranchGuardError as exc:
        return fail(exc.message)
    except Exception as exc:
        from branchguard.context import explain_fault, place_of

        fault = explain_fault(exc, place_of(config)) if config is not None else None
        if fault is not None:
            return fail(fault.message)
        if isinstance(exc, OSError):
            return fail(f"{exc.filename or ''}: {translate(system_words(exc))}".lstrip(": "))
        raise


def _private_by_default(data_dir: str | None) -> None:
    """Whatever this process creates in the data folder, or through a library anywhere (SQLite's
    journal, the log, archives), is its owner's only (paths.py: a group-shared folder keeps the
    group). Set before the log and crash files are opened."""
    from pathlib import Path

    from branchguard.config import default_data_dir
    from branchguard.paths import restrict_new_files

    restrict_new_files(Path(data_dir).expanduser() if data_dir else default_data_dir())


def _makes_data(args: argparse.Namespace) -> bool:
    """Whether the command may make a new data folder and database: one that needs no login
    (`demo`, `ho init`) or makes the first account (`user add`), unless it says it makes none
    (`info`); any other refuses a folder without data (`verify` once made one and passed it as
    empty, `info` on a mistyped folder made one and showed it as if it were the branch's)."""
    from branchguard.cli.login import never

    makes: bool | None = getattr(args, "makes_data", None)
    return getattr(args, "needs_login", None) is never if makes is None else makes


def _log_pc(folder: Path, db: str | None) -> str | None:
    """This PC's name for its own log files where the database is a server's, else None."""
    from branchguard.config import on_server
    from branchguard.core.faults.holders import pc_tag

    try:
        return pc_tag() if on_server(folder, db) else None
    except Exception:  # settings.ini unreadable: the command says so; the folder's log meanwhile
        return None


def _start_diagnostics(
    data_dir: str | None,
    command: str | None,
    entry_point: bool,
    makes_folder: bool = True,
    db: str | None = None,
) -> None:
    """Crash capture when this is the process's entry point, and the log file in the data folder: at
    once for a command, for the window after its first frame (app.ContextOpening starts it). No log
    is written in a folder that is not there when the command makes none. On a database server the
    files are this PC's (diagnostics.own_name): the PCs share the folder."""
    from pathlib import Path

    from branchguard import diagnostics
    from branchguard.config import default_data_dir

    folder = Path(data_dir).expanduser() if data_dir else default_data_dir()
    if not makes_folder and not folder.is_dir():
        return  # the command refuses it at once: no crash file, no log made in a mistyped folder
    try:
        pc = _log_pc(folder, db)
        if entry_point:
            diagnostics.install_crash_capture(folder, pc)
        if command is not None:
            from branchguard import __version__

            diagnostics.start_logging(folder, pc)
            diagnostics.log().info("BranchGuard %s started: %s", __version__, command)
    except OSError:  # a read-only or missing data folder: the command itself will say so
        return
