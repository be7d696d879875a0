"""Corrective actions from a complaint's archive step.

A complaint's archive (分类归档) sends its follow-up actions to the one corrective-action list
(`incident_actions`, `action list`), each linked back to the complaint: the table gains
`complaint_id`, and `incident_id` may now be empty (an action belongs to an incident, a drill run
or a complaint).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-05 05:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("incident_actions") as batch:
        batch.alter_column("incident_id", existing_type=sa.Integer(), nullable=True)
        batch.add_column(sa.Column("complaint_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            batch.f("fk_incident_actions_complaint_id_complaints"),
            "complaints",
            ["complaint_id"],
            ["id"],
            ondelete="RESTRICT",
        )
        batch.create_index(batch.f("ix_incident_actions_complaint_id"), ["complaint_id"], unique=False)


def downgrade() -> None:
    # A complaint's action is evidence (ledgered, with its reminder): going back would delete it.
    held = op.get_bind().execute(sa.text("SELECT count(*) FROM incident_actions WHERE incident_id IS NULL"))
    if held.scalar():
        raise RuntimeError(
            "cannot go back before revision 0020: complaints' corrective actions are recorded; "
            "restore a backup made before the upgrade instead"
        )
    with op.batch_alter_table("incident_actions") as batch:
        batch.drop_index(batch.f("ix_incident_actions_complaint_id"))
        batch.drop_constraint(batch.f("fk_incident_actions_complaint_id_complaints"), type_="foreignkey")
        batch.drop_column("complaint_id")
    with op.batch_alter_table("incident_actions") as batch:
        batch.alter_column("incident_id", existing_type=sa.Integer(), nullable=False)
