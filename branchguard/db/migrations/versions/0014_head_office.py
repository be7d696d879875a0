"""Exchange with head office: the packages a branch made, and a head office's own tables (its
mark, registered branches, imported packages, received ledger positions, records, quarantine).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 00:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

GENESIS = "0" * 64


def _when(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "exchange_packages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=16), nullable=False),
        _when("created_at"),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("previous_seq", sa.Integer(), nullable=False),
        sa.Column("ledger_seq", sa.Integer(), nullable=False),
        sa.Column("ledger_hash", sa.String(length=64), nullable=False),
        sa.Column("manifest_sha256", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_packages")),
    )
    op.create_table(
        "head_office",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        _when("created_at"),
        sa.CheckConstraint("id = 1", name=op.f("ck_head_office_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_head_office")),
    )
    op.create_table(
        "ho_branches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=16), nullable=False),
        _when("added_at"),
        sa.Column("added_by", sa.String(length=64), nullable=False),
        sa.Column("ledger_seq", sa.Integer(), nullable=False),
        sa.Column("ledger_hash", sa.String(length=64), nullable=False),
        sa.Column("last_package_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ho_branches")),
        sa.UniqueConstraint("code", name=op.f("uq_ho_branches_code")),
    )
    op.create_table(
        "ho_packages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("manifest_sha256", sa.String(length=64), nullable=False),
        _when("created_at"),
        _when("imported_at"),
        sa.Column("imported_by", sa.String(length=64), nullable=False),
        sa.Column("ledger_from", sa.Integer(), nullable=False),
        sa.Column("ledger_to", sa.Integer(), nullable=False),
        sa.Column("ledger_hash", sa.String(length=64), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(
            ["branch_id"],
            ["ho_branches.id"],
            name=op.f("fk_ho_packages_branch_id_ho_branches"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ho_packages")),
        sa.UniqueConstraint("manifest_sha256", name=op.f("uq_ho_packages_manifest_sha256")),
    )
    op.create_index(op.f("ix_ho_packages_branch_id"), "ho_packages", ["branch_id"])
    op.create_table(
        "ho_ledger",
        sa.Column("branch_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["branch_id"],
            ["ho_branches.id"],
            name=op.f("fk_ho_ledger_branch_id_ho_branches"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("branch_id", "seq", name=op.f("pk_ho_ledger")),
    )
    op.create_table(
        "ho_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("source_id", sa.String(length=64), nullable=False),
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        _when("opened_at", nullable=True),
        _when("due_at", nullable=True),
        _when("closed_at", nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["branch_id"],
            ["ho_branches.id"],
            name=op.f("fk_ho_records_branch_id_ho_branches"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["package_id"],
            ["ho_packages.id"],
            name=op.f("fk_ho_records_package_id_ho_packages"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ho_records")),
        sa.UniqueConstraint("branch_id", "kind", "source_id", name=op.f("uq_ho_records_branch_id")),
    )
    op.create_index("ix_ho_records_kind", "ho_records", ["kind", "branch_id"])
    op.create_index(op.f("ix_ho_records_package_id"), "ho_records", ["package_id"])
    op.create_table(
        "ho_quarantine",
        sa.Column("id", sa.Integer(), nullable=False),
        _when("received_at"),
        sa.Column("received_by", sa.String(length=64), nullable=False),
        sa.Column("branch_code", sa.String(length=50), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("manifest_sha256", sa.String(length=64), nullable=False),
        sa.Column("stored", sa.String(length=500), nullable=False),
        sa.Column("reason_key", sa.String(length=64), nullable=False),
        sa.Column("reason_params", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ho_quarantine")),
    )


def downgrade() -> None:
    op.drop_table("ho_quarantine")
    op.drop_index(op.f("ix_ho_records_package_id"), table_name="ho_records")
    op.drop_index("ix_ho_records_kind", table_name="ho_records")
    op.drop_table("ho_records")
    op.drop_table("ho_ledger")
    op.drop_index(op.f("ix_ho_packages_branch_id"), table_name="ho_packages")
    op.drop_table("ho_packages")
    op.drop_table("ho_branches")
    op.drop_table("head_office")
    op.drop_table("exchange_packages")
