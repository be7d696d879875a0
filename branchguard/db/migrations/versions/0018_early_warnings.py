"""Four-colour warning level on incidents and the early-warning log.

`incidents.warning_level` holds the national four-colour warning (blue, yellow, orange, red) of a
weather or disaster incident; older incidents have none. Two new record tables, both append-only:
`early_warnings` (a warning as received) and `early_warning_events` (its lifting, cancelling, or
the incident it started).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05 05:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        batch.add_column(sa.Column("warning_level", sa.String(length=8), nullable=True))
    op.create_table(
        "early_warnings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("level", sa.String(length=8), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_early_warnings")),
    )
    op.create_index(op.f("ix_early_warnings_received_at"), "early_warnings", ["received_at"])
    op.create_table(
        "early_warning_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("warning_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_early_warning_events_incident_id_incidents"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["warning_id"],
            ["early_warnings.id"],
            name=op.f("fk_early_warning_events_warning_id_early_warnings"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_early_warning_events")),
    )
    op.create_index(op.f("ix_early_warning_events_incident_id"), "early_warning_events", ["incident_id"])
    op.create_index(op.f("ix_early_warning_events_warning_id"), "early_warning_events", ["warning_id"])


def downgrade() -> None:
    # Warnings and the colours on incidents are evidence (ledgered): going back would lose them.
    bind = op.get_bind()
    warnings = bind.execute(sa.text("SELECT count(*) FROM early_warnings")).scalar()
    coloured = bind.execute(
        sa.text("SELECT count(*) FROM incidents WHERE warning_level IS NOT NULL")
    ).scalar()
    if warnings or coloured:
        raise RuntimeError(
            "cannot go back before revision 0018: early warnings or incidents' warning levels are "
            "recorded; restore a backup made before the upgrade instead"
        )
    op.drop_index(op.f("ix_early_warning_events_warning_id"), table_name="early_warning_events")
    op.drop_index(op.f("ix_early_warning_events_incident_id"), table_name="early_warning_events")
    op.drop_table("early_warning_events")
    op.drop_index(op.f("ix_early_warnings_received_at"), table_name="early_warnings")
    op.drop_table("early_warnings")
    # ALTER TABLE … DROP COLUMN in place (SQLite 3.35+, PostgreSQL): a batch copy of `incidents`
    # would drop the table that the log's and the escalations' foreign keys point at.
    op.execute("ALTER TABLE incidents DROP COLUMN warning_level")
