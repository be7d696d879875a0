"""Customer complaints: the categories (data), complaints with their clock, their steps with
evidence hashes, and their history.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 00:20:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "complaint_categories",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name_zh", sa.String(length=100), nullable=False),
        sa.Column("name_en", sa.String(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_complaint_categories")),
    )
    op.create_table(
        "complaints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("extensions", sa.Integer(), nullable=False),
        sa.Column("clock_stopped_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("customer_name", sa.String(length=100), nullable=False),
        sa.Column("customer_phone", sa.String(length=32), nullable=False),
        sa.Column("customer_id_number", sa.String(length=32), nullable=False),
        sa.Column("representatives", sa.JSON(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=True),
        sa.Column("subject_person", sa.String(length=100), nullable=False),
        sa.Column("subject_post", sa.String(length=100), nullable=False),
        sa.Column("business_line", sa.String(length=100), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("request", sa.Text(), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("first_responsible", sa.String(length=100), nullable=False),
        sa.Column("handler", sa.String(length=100), nullable=False),
        sa.Column("cause", sa.String(length=16), nullable=True),
        sa.Column("satisfaction", sa.String(length=16), nullable=True),
        sa.Column("registered_by", sa.String(length=64), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("schedule_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["category"],
            ["complaint_categories.code"],
            name=op.f("fk_complaints_category_complaint_categories"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_complaints_incident_id_incidents"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["schedule_id"],
            ["schedules.id"],
            name=op.f("fk_complaints_schedule_id_schedules"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaints")),
    )
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        for column in ("category", "channel", "due_at", "kind", "received_at", "status"):
            batch_op.create_index(batch_op.f(f"ix_complaints_{column}"), [column], unique=False)

    op.create_table(
        "complaint_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.id"],
            name=op.f("fk_complaint_events_complaint_id_complaints"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_events")),
    )
    with op.batch_alter_table("complaint_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_complaint_events_complaint_id"), ["complaint_id"], unique=False)

    op.create_table(
        "complaint_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("by", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.id"],
            name=op.f("fk_complaint_steps_complaint_id_complaints"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_steps")),
    )
    with op.batch_alter_table("complaint_steps", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_complaint_steps_complaint_id"), ["complaint_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("complaint_steps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_complaint_steps_complaint_id"))
    op.drop_table("complaint_steps")
    with op.batch_alter_table("complaint_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_complaint_events_complaint_id"))
    op.drop_table("complaint_events")
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        for column in ("status", "received_at", "kind", "due_at", "channel", "category"):
            batch_op.drop_index(batch_op.f(f"ix_complaints_{column}"))
    op.drop_table("complaints")
    op.drop_table("complaint_categories")
