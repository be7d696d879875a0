"""Schedules: one-off and recurring dates, their occurrences and reminders.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 12:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "schedules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("owner", sa.String(length=100), nullable=False),
        sa.Column("rrule", sa.String(length=300), nullable=False),
        sa.Column("start_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("lead_minutes", sa.Integer(), nullable=False),
        sa.Column("working_days", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("catch_up_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_schedules")),
    )
    with op.batch_alter_table("schedules", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_schedules_active"), ["active"], unique=False)
        batch_op.create_index(batch_op.f("ix_schedules_kind"), ["kind"], unique=False)

    op.create_table(
        "schedule_occurrences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("schedule_id", sa.Integer(), nullable=False),
        sa.Column("rule_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_by", sa.String(length=64), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["schedule_id"],
            ["schedules.id"],
            name=op.f("fk_schedule_occurrences_schedule_id_schedules"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_schedule_occurrences")),
        sa.UniqueConstraint("schedule_id", "rule_at", name=op.f("uq_schedule_occurrences_schedule_id")),
    )
    with op.batch_alter_table("schedule_occurrences", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_schedule_occurrences_due_at"), ["due_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_schedule_occurrences_schedule_id"), ["schedule_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_schedule_occurrences_status"), ["status"], unique=False)

    op.create_table(
        "schedule_reminders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurrence_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("fire_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("snooze_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("notified_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("dismissed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("dismissed_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["occurrence_id"],
            ["schedule_occurrences.id"],
            name=op.f("fk_schedule_reminders_occurrence_id_schedule_occurrences"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_schedule_reminders")),
        sa.UniqueConstraint("occurrence_id", "kind", name=op.f("uq_schedule_reminders_occurrence_id")),
    )
    with op.batch_alter_table("schedule_reminders", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_schedule_reminders_fire_at"), ["fire_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_schedule_reminders_occurrence_id"), ["occurrence_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("schedule_reminders")
    op.drop_table("schedule_occurrences")
    op.drop_table("schedules")
