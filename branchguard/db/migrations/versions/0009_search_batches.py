"""The incident log's search index is written in batches: a one-row table says how far it has read.

Every entry of an older database was indexed when it was appended, so the mark starts at the last
entry. PostgreSQL searches the log's own text (trigram index) and needs nothing here.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 15:05:00.000000
"""

from __future__ import annotations

from alembic import op

from branchguard.db.models.incidents import CREATE_FTS_STATE, FTS_STATE_TABLE, SEED_FTS_STATE

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(CREATE_FTS_STATE)
        op.execute(SEED_FTS_STATE)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    # The older revision expects every entry in the index: index what is pending first, with the
    # same terms an append writes.
    from branchguard.core.incidents.log import search_terms
    from branchguard.db.models.incidents import FTS_TABLE

    pending = bind.exec_driver_sql(
        f"SELECT id, text FROM incident_log WHERE id > (SELECT indexed_upto FROM {FTS_STATE_TABLE}) "
        "AND text != ''"
    ).all()
    for entry_id, body in pending:
        bind.exec_driver_sql(
            f"INSERT INTO {FTS_TABLE}(rowid, terms) VALUES (?, ?)", (entry_id, search_terms(body))
        )
    op.execute(f"DROP TABLE IF EXISTS {FTS_STATE_TABLE}")
