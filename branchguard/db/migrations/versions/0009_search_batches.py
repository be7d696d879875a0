"""The incident log's search index is written in batches: a one-row table says how far it has read.

Every entry of an older database was indexed when it was appended, so the mark starts at the last
entry. PostgreSQL searches the log's own text (trigram index) and needs nothing here.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 15:05:00.000000
"""

from __future__ import annotations

import unicodedata

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# Frozen with this revision (a migration imports no live code, so it never changes with it); the
# models in db/models/incidents.py declare the same DDL for a new database.
FTS_TABLE = "incident_log_fts"
FTS_STATE_TABLE = f"{FTS_TABLE}_state"
CREATE_FTS_STATE = (
    f"CREATE TABLE IF NOT EXISTS {FTS_STATE_TABLE} "
    "(id INTEGER PRIMARY KEY CHECK (id = 1), indexed_upto INTEGER NOT NULL)"
)
SEED_FTS_STATE = (  # every entry of an older database was indexed when it was appended
    f"INSERT OR IGNORE INTO {FTS_STATE_TABLE} (id, indexed_upto) "
    "SELECT 1, coalesce(max(id), 0) FROM incident_log"
)


def _search_terms(value: str) -> str:
    """The index's terms for a text as revision 0008 expects them (core/incident_log.py's
    search_terms at this revision): each CJK character on its own, anything else as it is."""
    return "".join(
        f" {ch} " if unicodedata.category(ch) == "Lo" and ord(ch) >= 0x2E80 else ch for ch in value
    )


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(CREATE_FTS_STATE)
        op.execute(SEED_FTS_STATE)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    # The older revision expects every entry in the index: index what is pending first, with the
    # same terms an append wrote at that revision.
    pending = bind.exec_driver_sql(
        f"SELECT id, text FROM incident_log WHERE id > (SELECT indexed_upto FROM {FTS_STATE_TABLE}) "
        "AND text != ''"
    ).all()
    for entry_id, body in pending:
        bind.exec_driver_sql(
            f"INSERT INTO {FTS_TABLE}(rowid, terms) VALUES (?, ?)", (entry_id, _search_terms(body))
        )
    op.execute(f"DROP TABLE IF EXISTS {FTS_STATE_TABLE}")
