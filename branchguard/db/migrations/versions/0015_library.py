"""The head-office library on a branch: the trusted head-office key, imported working-day years and
the libraries applied.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 00:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "library_trusted_keys",
        sa.Column("purpose", sa.String(length=32), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=16), nullable=False),
        sa.Column("added_by", sa.String(length=64), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("purpose", name=op.f("pk_library_trusted_keys")),
    )
    op.create_table(
        "working_day_years",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("holidays", sa.JSON(), nullable=False),
        sa.Column("workdays", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_working_day_years")),
    )
    op.create_table(
        "library_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("manifest_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("signer", sa.String(length=16), nullable=False),
        sa.Column("issuer", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.Column("imported_by", sa.String(length=64), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_library_imports")),
    )


def downgrade() -> None:
    op.drop_table("library_imports")
    op.drop_table("working_day_years")
    op.drop_table("library_trusted_keys")
