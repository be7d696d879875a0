"""Indexes the query plans of a ten-year database need, and one-off schedules that were left active.

- `audit_events (actor, at)`: the audit page filtered by user reads a keyset page in `at` order
  (it walked the whole actor's events, or the whole trail in time order, checking the actor);
- `schedules (kind, subject_id)`: a drill, hazard or action finds its schedules without scanning
  every schedule (hazards/reminders.py, drills, complaints);
- `schedule_occurrences (rule_at)`: the calendar's range over rule instants (it scanned every
  occurrence).

One-off schedules now end once their only occurrence is done or skipped (schedules/links.py,
`end_if_spent`); those left active by earlier versions are ended here: no rule, active, an
occurrence written and none still open.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 02:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# Frozen with this revision: the tables as they are here.
SCHEDULES = sa.table(
    "schedules",
    sa.column("id", sa.Integer()),
    sa.column("rrule", sa.String()),
    sa.column("active", sa.Boolean()),
)
OCCURRENCES = sa.table(
    "schedule_occurrences",
    sa.column("schedule_id", sa.Integer()),
    sa.column("status", sa.String()),
)
INDEXES = (
    ("ix_audit_events_actor_at", "audit_events", ["actor", "at"]),
    ("ix_schedules_kind_subject_id", "schedules", ["kind", "subject_id"]),
    ("ix_schedule_occurrences_rule_at", "schedule_occurrences", ["rule_at"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)
    written = sa.exists().where(OCCURRENCES.c.schedule_id == SCHEDULES.c.id)
    still_open = sa.exists().where(
        OCCURRENCES.c.schedule_id == SCHEDULES.c.id, OCCURRENCES.c.status == "open"
    )
    op.get_bind().execute(
        sa.update(SCHEDULES)
        .where(SCHEDULES.c.rrule == "", SCHEDULES.c.active.is_(True), written, ~still_open)
        .values(active=False)
    )


def downgrade() -> None:
    # The schedules ended stay ended: they owed nothing more either way.
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
