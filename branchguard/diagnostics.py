"""The log file and crash capture: warnings, errors, start-up and schema steps go to a rotating log in
the data folder (`logs/branchguard.log`), and an uncaught exception or a crash of the interpreter
leaves its traceback there, so a fault on a Windows PC without a console is not lost.

The PCs of a shared deployment (a database server) share the data folder: each writes its own log
(`logs/branchguard-<pc>.log`, `logs/crash-<pc>.log`). A rotating file is not safe written by several
processes: on a Windows share the rotation of one PC fails while another holds the file open, and
their lines interleave or are lost.

Nothing logged carries a password or a customer's data: the database URL is written with its
password hidden, and the services log no record contents.
"""

from __future__ import annotations

import faulthandler
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    import logging.handlers

LOG_FOLDER = "logs"
LOG_FILE = "branchguard.log"
CRASH_FILE = "crash.log"  # faulthandler writes here: a segfault or abort cannot use logging
MAX_BYTES = 1_000_000
KEEP = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [pid %(process)d]: %(message)s"

# logging (with logging.handlers, ~15 ms) loads when the log starts: the window starts it on the
# thread that opens the database, after its first frame; the hooks below need it only to report.
_handler: logging.handlers.RotatingFileHandler | None = None
_crash_file: IO[str] | None = None
_early: list[str] = []  # warnings met before the log file started, written to it once it has


def log_folder(data_dir: Path) -> Path:
    return Path(data_dir) / LOG_FOLDER


def own_name(name: str, pc: str | None) -> str:
    """A log file's name in the data folder: the folder's one, or this PC's with `pc` (its name as
    core/faults/holders.pc_tag makes it, where the folder is shared by a database server's PCs)."""
    if not pc:
        return name
    stem, dot, suffix = name.partition(".")
    return f"{stem}-{pc}{dot}{suffix}"


def start_logging(data_dir: Path, pc: str | None = None) -> Path:
    """Send the app's log (INFO and above) to the data folder's rotating log file, this PC's with
    `pc` (own_name); calling it again for another data folder moves the file there. Returns the log
    file's path."""
    global _handler
    import logging
    import logging.handlers

    folder = log_folder(data_dir)
    path = folder / own_name(LOG_FILE, pc)
    if _handler is not None and Path(_handler.baseFilename) == path.resolve():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    # Libraries log at INFO about their own chatter (SQL echo, scheduler ticks): warnings only.
    for noisy in ("sqlalchemy", "apscheduler", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    _handler = handler
    for message in _early:
        log().warning(message)
    _early.clear()
    return path


def install_crash_capture(data_dir: Path, pc: str | None = None) -> None:
    """For the process's own entry point only: uncaught exceptions (any thread) are logged with their
    traceback before the usual report, and faulthandler writes a hard crash's stack to crash.log
    (this PC's with `pc`: own_name)."""
    global _crash_file
    folder = log_folder(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    if _crash_file is None:
        _crash_file = (folder / own_name(CRASH_FILE, pc)).open("a", encoding="utf-8")
        faulthandler.enable(file=_crash_file, all_threads=True)
    previous = sys.excepthook

    def excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if not issubclass(kind, KeyboardInterrupt):
            log().critical("uncaught exception", exc_info=(kind, value, tb))
        previous(kind, value, tb)

    previous_thread_hook = threading.excepthook

    def thread_excepthook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is not SystemExit and args.exc_value is not None:
            name = args.thread.name if args.thread else "?"
            info = (args.exc_type, args.exc_value, args.exc_traceback)
            log().critical("uncaught exception in thread %s", name, exc_info=info)
        previous_thread_hook(args)

    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook


def warn_when_logging(message: str) -> None:
    """A warning for the log file, kept until `start_logging` has started it when met before (the
    window's lock, taken before the first frame)."""
    if _handler is not None:
        log().warning(message)
    else:
        _early.append(message)


def log() -> logging.Logger:
    """The app's logger (a no-op until `start_logging` gave it a file)."""
    import logging

    return logging.getLogger("branchguard")


def log_path() -> Path | None:
    """The current log file, for messages that tell the user where to look."""
    return Path(_handler.baseFilename) if _handler is not None else None
