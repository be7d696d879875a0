"""Team roster and training records.

`team_assignments`: who holds each plan role (a team such as 灭火行动组, or a post) and the backup;
`training_records`: a person's training and the certificate's expiry (calendar dates), with the
one-off schedule that reminds of the expiry.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05 05:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "team_assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("role_code", sa.String(length=40), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("backup_id", sa.Integer(), nullable=True),
        sa.Column("assigned_by", sa.String(length=64), nullable=False),
        sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_team_assignments_person_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["backup_id"], ["people.id"], name=op.f("fk_team_assignments_backup_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_assignments")),
        sa.UniqueConstraint("role_code", name=op.f("uq_team_assignments_role_code")),
    )
    op.create_index(op.f("ix_team_assignments_person_id"), "team_assignments", ["person_id"])
    op.create_index(op.f("ix_team_assignments_backup_id"), "team_assignments", ["backup_id"])
    op.create_table(
        "training_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("trained_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("certificate", sa.String(length=100), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("schedule_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_training_records_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_records")),
    )
    op.create_index(op.f("ix_training_records_person_id"), "training_records", ["person_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_training_records_person_id"), table_name="training_records")
    op.drop_table("training_records")
    op.drop_index(op.f("ix_team_assignments_backup_id"), table_name="team_assignments")
    op.drop_index(op.f("ix_team_assignments_person_id"), table_name="team_assignments")
    op.drop_table("team_assignments")
