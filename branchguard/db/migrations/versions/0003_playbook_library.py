"""Playbook library: plans, their versions and steps.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 05:08:44.552200
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "playbooks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_playbooks")),
        sa.UniqueConstraint("code", name=op.f("uq_playbooks_code")),
    )
    op.create_table(
        "playbook_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("playbook_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("title_zh", sa.String(length=200), nullable=False),
        sa.Column("title_en", sa.String(length=200), nullable=False),
        sa.Column("tier", sa.String(length=16), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("levels", sa.JSON(), nullable=False),
        sa.Column("triggers_zh", sa.Text(), nullable=False),
        sa.Column("triggers_en", sa.Text(), nullable=False),
        sa.Column("cautions_zh", sa.Text(), nullable=False),
        sa.Column("cautions_en", sa.Text(), nullable=False),
        sa.Column("roles", sa.JSON(), nullable=False),
        sa.Column("contacts", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("approved_by", sa.String(length=64), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["playbook_id"],
            ["playbooks.id"],
            name=op.f("fk_playbook_versions_playbook_id_playbooks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_playbook_versions")),
        sa.UniqueConstraint("playbook_id", "number", name=op.f("uq_playbook_versions_playbook_id")),
    )
    with op.batch_alter_table("playbook_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_playbook_versions_category"), ["category"], unique=False)
        batch_op.create_index(batch_op.f("ix_playbook_versions_playbook_id"), ["playbook_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_playbook_versions_status"), ["status"], unique=False)

    op.create_table(
        "playbook_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("text_zh", sa.Text(), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("target_minutes", sa.Integer(), nullable=True),
        sa.Column("checkpoint", sa.Boolean(), nullable=False),
        sa.Column("deadline_minutes", sa.Integer(), nullable=True),
        sa.Column("condition_zh", sa.Text(), nullable=False),
        sa.Column("condition_en", sa.Text(), nullable=False),
        sa.Column("goto_key", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["playbook_versions.id"],
            name=op.f("fk_playbook_steps_version_id_playbook_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_playbook_steps")),
        sa.UniqueConstraint("version_id", "position", name=op.f("uq_playbook_steps_version_id")),
    )
    with op.batch_alter_table("playbook_steps", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_playbook_steps_version_id"), ["version_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("playbook_steps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_playbook_steps_version_id"))

    op.drop_table("playbook_steps")
    with op.batch_alter_table("playbook_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_playbook_versions_status"))
        batch_op.drop_index(batch_op.f("ix_playbook_versions_playbook_id"))
        batch_op.drop_index(batch_op.f("ix_playbook_versions_category"))

    op.drop_table("playbook_versions")
    op.drop_table("playbooks")
