"""Opens everything below the GUI once: settings, engine, schema, built-in content, services.

The CLI and the window both start here, so they share one start-up path.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from branchguard.config import RuntimeConfig, resolve
from branchguard.core.kernel.errors import SchemaError
from branchguard.core.kernel.i18n import Message, set_language
from branchguard.core.people.service import ensure_builtin_contacts
from branchguard.core.services import Services, build_services
from branchguard.db.engine import make_engine, make_session_factory, refresh_statistics
from branchguard.db.migrate import SchemaAction, SchemaProblem, SchemaReport, prepare_database

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    config: RuntimeConfig
    engine: Engine
    sessions: sessionmaker[Session]
    services: Services
    schema: SchemaReport

    @property
    def data_dir(self) -> Path:
        return self.config.data_dir

    def close(self) -> None:
        try:
            refresh_statistics(self.engine)
        except SQLAlchemyError as exc:  # a locked or read-only database: statistics wait for next time
            log.warning("statistics not refreshed: %s", exc)
        self.engine.dispose()


def open_context(
    data_dir: str | Path | None = None, db: str | None = None, lang: str | None = None
) -> AppContext:
    config = resolve(data_dir, db, lang)
    set_language(config.language)
    engine = make_engine(config.db_url)
    try:
        try:
            schema = prepare_database(engine, config.backup_dir)
        except SchemaProblem as problem:  # the db layer names the message; words are core's
            log.error("schema: %s %s", problem.key, problem.params)
            raise SchemaError(Message(problem.key, **problem.params)) from problem
        if schema.action != SchemaAction.CURRENT:
            change = (schema.action, schema.from_revision, schema.to_revision, schema.backup)
            log.info("schema %s: %s -> %s (backup: %s)", *change)
        sessions = make_session_factory(engine)
        with sessions.begin() as s:
            ensure_builtin_contacts(s)
        services = build_services(engine, sessions, config.data_dir)
        if _starter_library_missing(sessions):  # a new (or upgraded) database
            services.playbooks.load_starter_library()
    except BaseException:
        engine.dispose()
        raise
    return AppContext(config, engine, sessions, services, schema)


def _starter_library_missing(sessions: sessionmaker[Session]) -> bool:
    """Whether the built-in playbooks still need loading, without importing the playbook layer
    (most starts find them, and need no playbook model until a playbook page opens)."""
    with sessions() as s:
        return s.scalar(text("SELECT 1 FROM playbooks WHERE builtin = :yes LIMIT 1"), {"yes": True}) is None


@dataclass(frozen=True)
class StartRestore:
    """What a restore asked for in Settings did at this start (core/backup/pending.py)."""

    note: Message
    ok: bool


def open_after_pending_restore(
    data_dir: str | Path | None = None, db: str | None = None, lang: str | None = None
) -> tuple[AppContext, StartRestore | None]:
    """The window's start: a pending restore first, before anything opens the database; then the
    context (an older restored schema is upgraded there), the restore recorded in the restored
    audit trail and its incident logs verified, as `branchguard restore` does."""
    from branchguard.core.backup import pending
    from branchguard.core.backup.archive import BackupError
    from branchguard.core.kernel.types import Actor
    from branchguard.db.migrate import known_revisions

    config = resolve(data_dir, db, lang)
    set_language(config.language)
    outcome: StartRestore | None = None
    done = None
    try:
        done = pending.apply_pending(config.data_dir, config.db_url, known_revisions())
    except BackupError as exc:
        log.warning("pending restore not done: %s", exc.text("en"))
        outcome = StartRestore(Message("backup.restore_at_start_failed", error=exc.content), ok=False)
    ctx = open_context(data_dir, db, lang)
    if done is None:
        return ctx, outcome
    asked, result = done
    log.info("restored %s (set aside: %s)", asked.archive, result.set_aside)
    try:
        ctx.services.backup.record_restore(asked, result)
        report = ctx.services.incidents.verify(Actor.system())
    except BaseException:
        ctx.close()
        raise
    where = {
        "archive": str(asked.archive),
        "aside": str(result.set_aside) if result.set_aside is not None else "-",
    }
    if report.ok:
        made = result.manifest.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        note = Message(
            "backup.restored_at_start", at=made, user=asked.requested_by,
            incidents=report.incidents, entries=report.entries, **where,
        )
        return ctx, StartRestore(note, ok=True)
    problems = "; ".join(f"{p.incident_id}: {p.reason}" for p in report.problems)
    log.error("restored %s: incident log check failed: %s", asked.archive, problems)
    return ctx, StartRestore(Message("backup.restored_check_failed", problems=problems, **where), ok=False)
