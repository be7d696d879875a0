"""Playbook attachments: a JSON list of stored files on each plan version.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 06:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing versions have no attachments: the server default fills them with an empty list.
    with op.batch_alter_table("playbook_versions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("attachments", sa.JSON(), server_default="[]", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("playbook_versions", schema=None) as batch_op:
        batch_op.drop_column("attachments")
