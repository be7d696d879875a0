"""The window's automatic backup: once a day it runs, in the background, into the backup folder, with
the same retention as `branchguard backup`: at the start and at each new day while the window stays
open (gui/shell/day_change.py). A failure (a USB stick not plugged in, a full share) is said in the
status bar and the log, not in a box that would stand in the way at start-up. Quitting while it runs
stops it between steps (gui/kit/tasks.py): the partial file goes, no archive is left.

One backup at a time in the window: this one and Settings' "Back up now" (`track`) are counted here,
on the GUI thread where both start, so neither starts beside the other (the other's retention would
remove the archive this one just reported; core/backup/folder.py). A day's backup not started while
"Back up now" runs is asked for again at the next look (day_change.py), and made unless that one
made the day's."""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING

import shiboken6

from branchguard.core.backup.archive import BackupCancelled
from branchguard.core.backup.folder import finished_archives
from branchguard.core.backup.rules import made_on
from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor
from branchguard.gui.kit.tasks import TaskCancelled, TaskHandle, TaskProgress, run_task

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from branchguard.context import AppContext
    from branchguard.core.backup.types import BackupResult

log = logging.getLogger(__name__)
STATUS_MS = 15_000
# The window's backups under way (the automatic one, "Back up now"): a day that begins while one still
# copies (a big database to a slow share, started at 23:58) starts no second one beside it.
_under_way: list[TaskHandle] = []


def due(ctx: AppContext, today: date) -> bool:
    """No finished backup of `today` in the folder (an empty reservation is one in flight, or one
    stopped dead: core/backup/folder.py)."""
    return not made_on(finished_archives(ctx.config.backup_dir), today)


def running() -> bool:
    """Whether a backup of the window (the automatic one or "Back up now") is still under way."""
    return any(not handle.done for handle in _under_way)


def track(handle: TaskHandle) -> TaskHandle:
    """Count the backup `handle` runs as under way until it ends (call it where it starts, on the GUI
    thread, after asking `running`)."""
    _under_way[:] = [*(h for h in _under_way if not h.done), handle]
    return handle


def start(window: QMainWindow, ctx: AppContext, today: date | None = None) -> bool:
    """Start today's backup unless one was made or a backup of the window still runs (never on
    read-only data, which it would write: its audit record); whether one was started."""
    if ctx.read_only or running() or not due(ctx, today or date.today()):
        return False
    settings = ctx.config.settings

    def work(progress: TaskProgress) -> BackupResult:
        # Logged here, not in the callbacks: a backup that ends as the window quits reports to
        # no window (gui/kit/tasks.py), and the log still says what became of it.
        try:
            result = ctx.services.backup.create_in_folder(
                Actor.system(),
                ctx.config.db_url,
                ctx.config.backup_dir,
                settings.get_int("backup_keep_daily"),
                settings.get_int("backup_keep_monthly"),
                cancelled=lambda: progress.cancelled,  # the window quits: no half archive is left
            )
        except BackupCancelled:
            log.info("automatic backup stopped: the window closed; nothing was written")
            raise TaskCancelled from None
        except BranchGuardError as exc:
            log.warning("automatic backup failed: %s", exc.text("en"))
            raise
        log.info("automatic backup %s (%d files)", result.path, len(result.manifest.files))
        return result

    def say(text: str, msecs: int = 0) -> None:
        # The window may be gone by the end (destroyed while the copy ran on): the log said it.
        if shiboken6.isValid(window):
            window.statusBar().showMessage(text, msecs)

    def done(result: BackupResult) -> None:
        say(t("backup.auto_done", path=str(result.path)), STATUS_MS)

    def failed(message: str) -> None:
        say(t("backup.auto_failed", error=message.rstrip("。.")))  # its own stop

    track(run_task(work, on_done=done, on_error=failed))
    return True
