"""Drills: plans, evaluations, criteria sets and compliance rules.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 09:39:14.454900
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "drill_compliance_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region", sa.String(length=32), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("interval_months", sa.Integer(), nullable=False),
        sa.Column("categories", sa.JSON(), nullable=False),
        sa.Column("scopes", sa.JSON(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drill_compliance_rules")),
        sa.UniqueConstraint("region", "code", name=op.f("uq_drill_compliance_rules_region")),
    )
    op.create_table(
        "drill_criteria_sets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region", sa.String(length=32), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("categories", sa.JSON(), nullable=False),
        sa.Column("criteria", sa.JSON(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drill_criteria_sets")),
        sa.UniqueConstraint("region", "code", name=op.f("uq_drill_criteria_sets_region")),
    )
    op.create_table(
        "drill_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("playbook_code", sa.String(length=32), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("announced", sa.Boolean(), nullable=False),
        sa.Column("planned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("schedule_id", sa.Integer(), nullable=True),
        sa.Column("series_id", sa.Integer(), nullable=True),
        sa.Column("participants", sa.JSON(), nullable=False),
        sa.Column("observers", sa.JSON(), nullable=False),
        sa.Column("goals", sa.JSON(), nullable=False),
        sa.Column("expected_headcount", sa.Integer(), nullable=True),
        sa.Column("criteria_set", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=True),
        sa.Column("run_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_drill_plans_incident_id_incidents"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["schedule_id"],
            ["schedules.id"],
            name=op.f("fk_drill_plans_schedule_id_schedules"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["drill_plans.id"],
            name=op.f("fk_drill_plans_series_id_drill_plans"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drill_plans")),
    )
    with op.batch_alter_table("drill_plans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_drill_plans_incident_id"), ["incident_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_drill_plans_planned_at"), ["planned_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_drill_plans_playbook_code"), ["playbook_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_drill_plans_schedule_id"), ["schedule_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_drill_plans_series_id"), ["series_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_drill_plans_status"), ["status"], unique=False)

    op.create_table(
        "drill_evaluations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("criteria_set", sa.String(length=32), nullable=False),
        sa.Column("criteria", sa.JSON(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("problems", sa.Text(), nullable=False),
        sa.Column("lessons", sa.Text(), nullable=False),
        sa.Column("evaluator", sa.String(length=64), nullable=False),
        sa.Column("evaluated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["drill_plans.id"],
            name=op.f("fk_drill_evaluations_plan_id_drill_plans"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drill_evaluations")),
        sa.UniqueConstraint("plan_id", name=op.f("uq_drill_evaluations_plan_id")),
    )


def downgrade() -> None:
    op.drop_table("drill_evaluations")
    with op.batch_alter_table("drill_plans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_drill_plans_status"))
        batch_op.drop_index(batch_op.f("ix_drill_plans_series_id"))
        batch_op.drop_index(batch_op.f("ix_drill_plans_schedule_id"))
        batch_op.drop_index(batch_op.f("ix_drill_plans_playbook_code"))
        batch_op.drop_index(batch_op.f("ix_drill_plans_planned_at"))
        batch_op.drop_index(batch_op.f("ix_drill_plans_incident_id"))

    op.drop_table("drill_plans")
    op.drop_table("drill_criteria_sets")
    op.drop_table("drill_compliance_rules")
