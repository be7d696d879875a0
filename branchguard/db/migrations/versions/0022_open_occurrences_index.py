"""An index for the open occurrences in due order: `schedule_occurrences (status, due_at)`.

What is still owed (`open_items`: the dashboard's figures, the bell, the calendar's agenda, the
inspections page's "due" list) asks for the open occurrences, earliest due first. With one index
per column, SQLite took `ix_schedule_occurrences_due_at` to spare the sort and walked every
occurrence ever written, nearly all of them done: 1.9 ms at ten years (9,800 occurrences, 227
open), 0.07 ms from this index, which holds the filter and the order (tests/db/test_scale_plans.py).

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-05 22:00:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_schedule_occurrences_status_due_at", "schedule_occurrences", ["status", "due_at"])


def downgrade() -> None:
    op.drop_index("ix_schedule_occurrences_status_due_at", table_name="schedule_occurrences")
