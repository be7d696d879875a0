"""Inspections and the hazard register: versioned checklist templates and their items, inspections
with answers and amendments, hazards with remediation steps and history, the severity policy.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 11:24:33.216534
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hazard_severity_rules",
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.Column("fix_days", sa.Integer(), nullable=False),
        sa.Column("interim_hours", sa.Integer(), nullable=True),
        sa.Column("plan_days", sa.Integer(), nullable=True),
        sa.Column("report_head_office", sa.Boolean(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("severity", name=op.f("pk_hazard_severity_rules")),
    )
    op.create_table(
        "inspection_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_templates")),
        sa.UniqueConstraint("code", name=op.f("uq_inspection_templates_code")),
    )
    op.create_table(
        "inspection_template_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("cadence", sa.String(length=16), nullable=False),
        sa.Column("description_zh", sa.Text(), nullable=False),
        sa.Column("description_en", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("approved_by", sa.String(length=64), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["inspection_templates.id"],
            name=op.f("fk_inspection_template_versions_template_id_inspection_templates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_template_versions")),
        sa.UniqueConstraint(
            "template_id", "number", name=op.f("uq_inspection_template_versions_template_id")
        ),
    )
    with op.batch_alter_table("inspection_template_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inspection_template_versions_status"), ["status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_inspection_template_versions_template_id"), ["template_id"], unique=False
        )

    op.create_table(
        "inspection_template_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("text_zh", sa.Text(), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("criterion_zh", sa.Text(), nullable=False),
        sa.Column("criterion_en", sa.Text(), nullable=False),
        sa.Column("photo_required_on_fail", sa.Boolean(), nullable=False),
        sa.Column("severity_on_fail", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["inspection_template_versions.id"],
            name=op.f("fk_inspection_template_items_version_id_inspection_template_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_template_items")),
        sa.UniqueConstraint("version_id", "position", name=op.f("uq_inspection_template_items_version_id")),
    )
    with op.batch_alter_table("inspection_template_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_inspection_template_items_version_id"), ["version_id"], unique=False
        )

    op.create_table(
        "inspections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("occurrence_id", sa.Integer(), nullable=True),
        sa.Column("started_by", sa.String(length=64), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("submitted_by", sa.String(length=64), nullable=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("inspector_name", sa.String(length=100), nullable=True),
        sa.Column("inspector_signed_by", sa.String(length=64), nullable=True),
        sa.Column("inspector_signed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reviewer_name", sa.String(length=100), nullable=True),
        sa.Column("reviewer_signed_by", sa.String(length=64), nullable=True),
        sa.Column("reviewer_signed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["occurrence_id"],
            ["schedule_occurrences.id"],
            name=op.f("fk_inspections_occurrence_id_schedule_occurrences"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["inspection_templates.id"],
            name=op.f("fk_inspections_template_id_inspection_templates"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["inspection_template_versions.id"],
            name=op.f("fk_inspections_version_id_inspection_template_versions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspections")),
    )
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inspections_started_at"), ["started_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_inspections_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_inspections_template_id"), ["template_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_inspections_version_id"), ["version_id"], unique=False)

    op.create_table(
        "hazards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("owner", sa.String(length=100), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("interim_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("plan_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("report_head_office", sa.Boolean(), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=True),
        sa.Column("item_number", sa.Integer(), nullable=True),
        sa.Column("template_code", sa.String(length=32), nullable=False),
        sa.Column("photos", sa.JSON(), nullable=False),
        sa.Column("opened_by", sa.String(length=64), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("remediated_by", sa.String(length=64), nullable=True),
        sa.Column("remediated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("verified_by", sa.String(length=64), nullable=True),
        sa.Column("verified_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("verification_note", sa.Text(), nullable=False),
        sa.Column("closed_by", sa.String(length=64), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("schedule_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name=op.f("fk_hazards_inspection_id_inspections"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["schedule_id"],
            ["schedules.id"],
            name=op.f("fk_hazards_schedule_id_schedules"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hazards")),
        sa.UniqueConstraint("inspection_id", "item_number", name=op.f("uq_hazards_inspection_id")),
    )
    with op.batch_alter_table("hazards", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hazards_due_at"), ["due_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_hazards_opened_at"), ["opened_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_hazards_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_hazards_severity"), ["severity"], unique=False)
        batch_op.create_index(batch_op.f("ix_hazards_status"), ["status"], unique=False)

    op.create_table(
        "inspection_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("result", sa.String(length=8), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("photos", sa.JSON(), nullable=False),
        sa.Column("answered_by", sa.String(length=64), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name=op.f("fk_inspection_answers_inspection_id_inspections"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_answers")),
        sa.UniqueConstraint("inspection_id", "number", name=op.f("uq_inspection_answers_inspection_id")),
    )
    with op.batch_alter_table("inspection_answers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_inspection_answers_inspection_id"), ["inspection_id"], unique=False
        )

    op.create_table(
        "hazard_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hazard_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["hazard_id"], ["hazards.id"], name=op.f("fk_hazard_events_hazard_id_hazards"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hazard_events")),
    )
    with op.batch_alter_table("hazard_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hazard_events_hazard_id"), ["hazard_id"], unique=False)

    op.create_table(
        "hazard_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hazard_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("added_by", sa.String(length=64), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["hazard_id"], ["hazards.id"], name=op.f("fk_hazard_steps_hazard_id_hazards"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hazard_steps")),
    )
    with op.batch_alter_table("hazard_steps", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hazard_steps_hazard_id"), ["hazard_id"], unique=False)

    op.create_table(
        "inspection_amendments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("old_result", sa.String(length=8), nullable=False),
        sa.Column("new_result", sa.String(length=8), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("photos", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("amended_by", sa.String(length=64), nullable=False),
        sa.Column("amended_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hazard_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["hazard_id"],
            ["hazards.id"],
            name=op.f("fk_inspection_amendments_hazard_id_hazards"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name=op.f("fk_inspection_amendments_inspection_id_inspections"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_amendments")),
    )
    with op.batch_alter_table("inspection_amendments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_inspection_amendments_inspection_id"), ["inspection_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("inspection_amendments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspection_amendments_inspection_id"))

    op.drop_table("inspection_amendments")
    with op.batch_alter_table("hazard_steps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hazard_steps_hazard_id"))

    op.drop_table("hazard_steps")
    with op.batch_alter_table("hazard_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hazard_events_hazard_id"))

    op.drop_table("hazard_events")
    with op.batch_alter_table("inspection_answers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspection_answers_inspection_id"))

    op.drop_table("inspection_answers")
    with op.batch_alter_table("hazards", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hazards_status"))
        batch_op.drop_index(batch_op.f("ix_hazards_severity"))
        batch_op.drop_index(batch_op.f("ix_hazards_owner"))
        batch_op.drop_index(batch_op.f("ix_hazards_opened_at"))
        batch_op.drop_index(batch_op.f("ix_hazards_due_at"))

    op.drop_table("hazards")
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspections_version_id"))
        batch_op.drop_index(batch_op.f("ix_inspections_template_id"))
        batch_op.drop_index(batch_op.f("ix_inspections_status"))
        batch_op.drop_index(batch_op.f("ix_inspections_started_at"))

    op.drop_table("inspections")
    with op.batch_alter_table("inspection_template_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspection_template_items_version_id"))

    op.drop_table("inspection_template_items")
    with op.batch_alter_table("inspection_template_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspection_template_versions_template_id"))
        batch_op.drop_index(batch_op.f("ix_inspection_template_versions_status"))

    op.drop_table("inspection_template_versions")
    op.drop_table("inspection_templates")
    op.drop_table("hazard_severity_rules")
