"""ORM models of live incidents: the incident, its append-only hash-chained log, follow-up actions.

The log table has no UPDATE or DELETE path anywhere in the code. Full-text search over it uses an
FTS5 table on SQLite (created with the log table, written by each append, with a one-row table
saying how far) and a trigram index on PostgreSQL when the pg_trgm extension is available.
"""

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    DDL,
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from branchguard.db.base import Base, UTCDateTime, utcnow
from branchguard.db.models import playbooks as playbook_models  # noqa: F401  (tables its foreign keys point at)

GENESIS_HASH = "0" * 64
# Literal conditions (not bound parameters): SQLite uses a partial index only when the query
# repeats the index's condition verbatim.
CORRECTIONS_WHERE = "corrects IS NOT NULL"
STEP_MARKS_WHERE = "kind IN ('step_done', 'step_skipped', 'correction')"

# Contentless FTS5 table: rowid = incident_log.id, one column of search terms (core.incident_log).
FTS_TABLE = "incident_log_fts"
CREATE_FTS = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} "
    "USING fts5(terms, content='', tokenize='unicode61 remove_diacritics 2')"
)
# How far the search index has read the log, in one row: each append indexes what lies past it
# (core/incidents/log.py), normally only its own entry.
FTS_STATE_TABLE = f"{FTS_TABLE}_state"
CREATE_FTS_STATE = (
    f"CREATE TABLE IF NOT EXISTS {FTS_STATE_TABLE} "
    "(id INTEGER PRIMARY KEY CHECK (id = 1), indexed_upto INTEGER NOT NULL)"
)
SEED_FTS_STATE = (  # on creation, and on upgrade from a revision that indexed every append at once
    f"INSERT OR IGNORE INTO {FTS_STATE_TABLE} (id, indexed_upto) "
    "SELECT 1, coalesce(max(id), 0) FROM incident_log"
)
CREATE_TRGM = (
    "DO $$ BEGIN "
    "CREATE EXTENSION IF NOT EXISTS pg_trgm; "
    "CREATE INDEX IF NOT EXISTS ix_incident_log_text_trgm ON incident_log USING gin (text gin_trgm_ops); "
    "EXCEPTION WHEN OTHERS THEN NULL; END $$"
)


class IncidentRow(Base):
    """An incident (or a drill run). `last_seq` and `chain_head` seal the log's end."""

    __tablename__ = "incidents"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    playbook_code: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)
    playbook_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("playbook_versions.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    playbook_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    category: Mapped[str] = mapped_column(String(32), default="other")
    level: Mapped[str] = mapped_column(String(4))
    # The national four-colour warning (blue/yellow/orange/red) of a weather or disaster incident.
    warning_level: Mapped[str | None] = mapped_column(String(8), nullable=True)
    drill: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    location: Mapped[str] = mapped_column(String(200), default="")
    started_by: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    # Initial report to head office (上报): cause, nature, amounts, people, harm, reaction, trend, measures.
    report_fields: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    closed_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    outcome: Mapped[str] = mapped_column(Text, default="")
    injuries: Mapped[str] = mapped_column(Text, default="")
    losses_cents: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    root_cause: Mapped[str] = mapped_column(Text, default="")
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    chain_head: Mapped[str] = mapped_column(String(64), default=GENESIS_HASH)


class LogEntryRow(Base):
    """One log entry. `hash` = SHA-256 over `prev_hash` and the entry's canonical content."""

    __tablename__ = "incident_log"
    __table_args__ = (
        UniqueConstraint("incident_id", "seq"),
        # Partial indexes: a view paging through a million-entry log finds the few corrections
        # and step marks without scanning the whole incident (and appends pay nothing for them).
        # On PostgreSQL the same partial indexes are made by PARTIAL_INDEXES_PG below: a
        # `postgresql_where` here made every start on SQLite import SQLAlchemy's whole PostgreSQL
        # dialect (~35 ms, with its asyncpg module) to check the keyword.
        Index(
            "ix_incident_log_corrections", "incident_id", "corrects", sqlite_where=text(CORRECTIONS_WHERE)
        ).ddl_if(dialect="sqlite"),
        Index("ix_incident_log_step_marks", "incident_id", "seq", sqlite_where=text(STEP_MARKS_WHERE)).ddl_if(
            dialect="sqlite"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # No index of its own: the unique (incident_id, seq) index serves every lookup by incident,
    # and each index is one more page written (and synced) per append.
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id", ondelete="RESTRICT"))
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(24))
    text: Mapped[str] = mapped_column(Text, default="")
    step: Mapped[int | None] = mapped_column(Integer, nullable=True)
    corrects: Mapped[int | None] = mapped_column(Integer, nullable=True)  # seq of the corrected entry
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class IncidentActionRow(Base):
    """A follow-up or corrective action: decided at an incident's close, a drill's evaluation or a
    complaint's archive (then `complaint_id`, and no incident); owner, due date, when it was done."""

    __tablename__ = "incident_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int | None] = mapped_column(
        ForeignKey("incidents.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    complaint_id: Mapped[int | None] = mapped_column(
        ForeignKey("complaints.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(100))
    due: Mapped[date | None] = mapped_column(Date, nullable=True)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    done_by: Mapped[str | None] = mapped_column(String(64), nullable=True)


for _ddl in (CREATE_FTS, CREATE_FTS_STATE, SEED_FTS_STATE):
    event.listen(LogEntryRow.__table__, "after_create", DDL(_ddl).execute_if(dialect="sqlite"))
event.listen(LogEntryRow.__table__, "after_create", DDL(CREATE_TRGM).execute_if(dialect="postgresql"))
PARTIAL_INDEXES_PG = (
    "CREATE INDEX ix_incident_log_corrections ON incident_log (incident_id, corrects) "
    f"WHERE {CORRECTIONS_WHERE}",
    f"CREATE INDEX ix_incident_log_step_marks ON incident_log (incident_id, seq) WHERE {STEP_MARKS_WHERE}",
)
for _ddl in PARTIAL_INDEXES_PG:
    event.listen(LogEntryRow.__table__, "after_create", DDL(_ddl).execute_if(dialect="postgresql"))

# The table a complaint's actions point at (imported last: complaints point at incidents too).
from branchguard.db.models import complaints as complaint_models  # noqa: E402, F401
