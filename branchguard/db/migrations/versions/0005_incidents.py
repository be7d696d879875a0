"""Live incidents: incidents, their hash-chained log (with full-text search) and follow-up actions.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Frozen with this revision (a migration imports no live code, so it never changes with it); the
# models in db/models/incidents.py declare the same indexes and DDL for a new database.
CORRECTIONS_WHERE = "corrects IS NOT NULL"
STEP_MARKS_WHERE = "kind IN ('step_done', 'step_skipped', 'correction')"
CREATE_FTS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS incident_log_fts "
    "USING fts5(terms, content='', tokenize='unicode61 remove_diacritics 2')"
)
CREATE_TRGM = (
    "DO $$ BEGIN "
    "CREATE EXTENSION IF NOT EXISTS pg_trgm; "
    "CREATE INDEX IF NOT EXISTS ix_incident_log_text_trgm ON incident_log USING gin (text gin_trgm_ops); "
    "EXCEPTION WHEN OTHERS THEN NULL; END $$"
)


def upgrade() -> None:
    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("playbook_code", sa.String(length=32), nullable=True),
        sa.Column("playbook_version_id", sa.Integer(), nullable=True),
        sa.Column("playbook_version", sa.Integer(), nullable=True),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("level", sa.String(length=4), nullable=False),
        sa.Column("drill", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("started_by", sa.String(length=64), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("report_fields", sa.JSON(), nullable=False),
        sa.Column("closed_by", sa.String(length=64), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("injuries", sa.Text(), nullable=False),
        sa.Column("losses_cents", sa.BigInteger(), nullable=True),
        sa.Column("root_cause", sa.Text(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("chain_head", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["playbook_version_id"],
            ["playbook_versions.id"],
            name=op.f("fk_incidents_playbook_version_id_playbook_versions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
    )
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_incidents_playbook_code"), ["playbook_code"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_incidents_playbook_version_id"), ["playbook_version_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_incidents_started_at"), ["started_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_incidents_status"), ["status"], unique=False)

    op.create_table(
        "incident_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("step", sa.Integer(), nullable=True),
        sa.Column("corrects", sa.Integer(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_incident_log_incident_id_incidents"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_log")),
        sa.UniqueConstraint("incident_id", "seq", name=op.f("uq_incident_log_incident_id")),
    )
    with op.batch_alter_table("incident_log", schema=None) as batch_op:
        for name, columns, where in (
            ("ix_incident_log_corrections", ["incident_id", "corrects"], CORRECTIONS_WHERE),
            ("ix_incident_log_step_marks", ["incident_id", "seq"], STEP_MARKS_WHERE),
        ):
            batch_op.create_index(
                name, columns, unique=False, sqlite_where=sa.text(where), postgresql_where=sa.text(where)
            )

    op.create_table(
        "incident_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=100), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_incident_actions_incident_id_incidents"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_actions")),
    )
    with op.batch_alter_table("incident_actions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_incident_actions_incident_id"), ["incident_id"], unique=False)

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(CREATE_FTS)
    elif dialect == "postgresql":
        op.execute(CREATE_TRGM)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS incident_log_fts")
    op.drop_table("incident_actions")
    op.drop_table("incident_log")
    op.drop_table("incidents")
