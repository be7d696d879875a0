"""An index for the overdue hazards: `hazards (status, due_date)`.

The dashboard's three overdue-hazard counts, the hazard register filtered to overdue items and
`hazard list --overdue` ask for the hazards still open (open or remediated) whose due date has
passed. With one index per column, SQLite took `ix_hazards_due_date` and walked every hazard due
before today, nearly all of them closed long ago: 2.2 ms a count at ten years (5,100 hazards),
0.02 ms from this index, which holds both conditions (tests/db/test_scale_plans.py).

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-05 17:00:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_hazards_status_due_date", "hazards", ["status", "due_date"])


def downgrade() -> None:
    op.drop_index("ix_hazards_status_due_date", table_name="hazards")
