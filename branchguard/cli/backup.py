"""`branchguard backup` and `branchguard restore`: one archive of the data folder, checked and restored."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from branchguard.cli.common import cli_actor, fail, warn
from branchguard.core.kernel.i18n import t

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from branchguard.cli.progress_line import Say
    from branchguard.config import RuntimeConfig
    from branchguard.context import AppContext
    from branchguard.core.backup.archive import Progress


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "backup",
        help="write one archive of the database, attachments, keys and settings",
        description="Without -o the archive goes to the backup folder, named by its time, and older "
        "automatic backups beyond the kept ones (by default the newest of each of 14 days and 12 "
        "months) are removed: run it daily from the system's scheduler.",
    )
    p.add_argument("-o", "--output", type=Path, help="archive file to write (.zip)")
    p.add_argument("--folder", type=Path, help="backup folder (default: setting backup_dir)")
    p.set_defaults(handler=run_backup, role_action="backup.create")
    r = sub.add_parser(
        "restore",
        help="check a backup and restore it into the data folder (the data there is moved aside first)",
    )
    r.add_argument("archive", type=Path, help="the backup archive to restore (.zip)")
    r.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    r.set_defaults(config_handler=run_restore)


def run_backup(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.cli.progress_line import terminal_line
    from branchguard.core.kernel.attachments import format_size

    backups = ctx.services.backup
    if args.output and args.output.suffix.lower() != ".zip":  # a usage error, as a report's: nothing written
        return fail(t("cli.zip_suffix", path=args.output), 2)
    # 300 MB at ten years take 9 s: on a terminal the bytes read are said meanwhile, the line cleared
    # before the result's (a stop, Ctrl-C, leaves no archive: core/backup/archive.py).
    with terminal_line() as say:
        read = None if say is None else _bytes_read(say)
        if args.output:
            result = backups.create(cli_actor(args), ctx.config.db_url, args.output, progress=read)
        else:
            settings = ctx.config.settings
            result = backups.create_in_folder(
                cli_actor(args),
                ctx.config.db_url,
                args.folder or ctx.config.backup_dir,
                settings.get_int("backup_keep_daily"),
                settings.get_int("backup_keep_monthly"),
                progress=read,
            )
    manifest = result.manifest
    size = format_size(manifest.total_bytes)
    print(t("cli.backup.written", path=str(result.path), files=len(manifest.files), size=size))
    if result.pruned:
        print(t("cli.backup.pruned", count=len(result.pruned)))
    if not manifest.has_database:
        print(t("cli.backup.postgres_note"))
    return 0


def _bytes_read(say: Say) -> Progress:
    """The backup's bytes read of those to read, said when the whole percent moves: a hundred or so
    rewrites of the line (11 a second at ten years, fewer than verify's), not one for each step the
    core reports (the copy's 4 MB, the zip's 1 MB: some 370 there)."""
    from branchguard.core.kernel.attachments import format_size

    shown = [-1]

    def heard(done: int, total: int) -> None:
        percent = 100 * done // total if total > 0 else 0
        if percent != shown[0]:
            shown[0] = percent
            say(t("cli.backup.progress", done=format_size(done), total=format_size(total), percent=percent))

    return heard


def _replaces_data(config: RuntimeConfig) -> bool:
    """Whether a restore replaces a database: a server's always might; the embedded one when its
    file is there. Into a new folder it only creates, and asked to confirm it said it "replaces the
    data in" a folder that had none."""
    from sqlalchemy.engine import make_url

    url = make_url(config.db_url)
    return url.get_backend_name() != "sqlite" or bool(url.database and Path(url.database).exists())


def _log_in_restorer(config: RuntimeConfig, args: argparse.Namespace) -> str:
    """Restoring replaces the database: when the one in place holds accounts, a user who may make
    backups (a safety lead) logs in first; a refusal is audited there. Nobody logs in when nobody
    could: no database yet, or one without accounts (a new PC). A database in use by another
    BranchGuard is refused before the login, which would wait for it to write. Returns who logged
    in ("" for nobody), for the restored database's audit trail."""
    from sqlalchemy.engine import make_url

    from branchguard.cli.login import doing, login
    from branchguard.context import open_context
    from branchguard.core.backup.in_use import damage_of, refuse_if_in_use
    from branchguard.core.kernel.errors import PermissionDenied

    if not _replaces_data(config):  # no database yet: nobody could log in
        return ""
    url = make_url(config.db_url)
    if url.get_backend_name() == "sqlite" and url.database:
        # Nobody can log in to a damaged database, and restoring is the way back its message gives:
        # it is set aside, not deleted (anyone who can damage the file can replace it as well).
        if (damage := damage_of(Path(url.database))) is not None:
            print(t("cli.restore.over_damaged", path=url.database, error=damage))
            return ""
        refuse_if_in_use(Path(url.database))
    ctx = open_context(config.data_dir, config.db_url, config.language)
    try:
        if not ctx.services.auth.has_users():
            return ""
        actor = login(ctx.services, args)
        try:
            ctx.services.backup.check_restorer(actor)
        except PermissionDenied as refused:
            ctx.services.auth.record_refusal(refused, actor, doing(args))
            raise
        return actor.username
    finally:
        ctx.close()


def run_restore(config: RuntimeConfig, args: argparse.Namespace) -> int:
    from branchguard.core.backup.archive import check_backup, restore_backup
    from branchguard.core.backup.unpack import check_room
    from branchguard.core.kernel.errors import ValidationError
    from branchguard.core.kernel.i18n import Message
    from branchguard.core.kernel.types import Actor
    from branchguard.db.migrate import known_revisions

    if not args.archive.exists():  # said as `playbook import` says it, not "is not a backup file"
        raise ValidationError("field.file", Message("input.no_file", path=str(args.archive)))
    revisions = known_revisions()
    manifest = check_backup(args.archive, revisions)  # a bad archive is refused before any login
    check_room(manifest, config.data_dir, args.archive)  # as is one that would not fit on the disk
    restorer = _log_in_restorer(config, args)
    print(
        t(
            "cli.restore.holds",
            path=str(args.archive),
            at=manifest.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            version=manifest.app_version,
            revision=manifest.schema_revision or "—",
            files=len(manifest.files),
            attachments=manifest.attachment_count,
            incidents=manifest.counts.get("incidents", 0),
            entries=manifest.counts.get("incident_log", 0),
        )
    )
    if not args.yes and _replaces_data(config):  # into an empty folder: nothing to ask about
        if not sys.stdin.isatty():
            return fail(t("cli.restore.needs_yes", path=str(config.data_dir)))
        answer = input(t("cli.restore.confirm", path=str(config.data_dir)))
        if answer.strip().lower() not in {"y", "yes", "是"}:
            print(t("cli.restore.cancelled"))
            return 1
    result = restore_backup(args.archive, config.data_dir, config.db_url, revisions)
    print(t("cli.restore.done", path=str(config.data_dir)))
    if result.set_aside is not None:
        print(t("cli.restore.aside", path=str(result.set_aside)))
    for pid, since in result.stale_windows:
        print(t("cli.restore.stale_window", pid=pid, since=since))
    if result.upgraded is not None:
        print(t("cli.restore.upgraded", old=result.upgraded[0], new=result.upgraded[1]))
    for name, value in result.settings_left_out:
        print(t("cli.restore.setting_left_out", name=name, value=value))
    # Open what was restored as the app would (an older schema is upgraded here) and check it as a
    # whole against its ledger: every record, log and attachment, as `branchguard verify` does.
    from branchguard.cli.progress_line import on_terminal
    from branchguard.context import open_context
    from branchguard.core.backup.pending import PendingRestore

    ctx = open_context(config.data_dir, config.db_url, config.language)
    try:
        # On the restored database's own trail, as a restore done at the window's start is.
        asked = PendingRestore(args.archive.resolve(), restorer, datetime.now(UTC))
        ctx.services.backup.record_restore(asked, result)
        # The restored database has its own accounts: the check is the system's, as at the
        # window's start after a restore (context.open_after_pending_restore). On a terminal it says
        # how far it is as `verify` does (13 s at ten years, the longest part of a restore).
        with on_terminal():
            report = ctx.services.ledger.verify(Actor.system())
    finally:
        ctx.close()
    for warning in report.warnings:  # no failure (a PC clock behind the records), as verify says them
        warn(warning.message.text())
    if not report.ok:
        for problem in report.problems:
            fail(f"{problem.entity} {problem.entity_id}: {problem.message.text()}")
        return 1
    print(
        t(
            "cli.restore.checked",
            records=report.records,
            incidents=report.incidents,
            entries=report.log_entries,
            attachments=report.attachments,
            ledger=report.entries,
        )
    )
    return 0
