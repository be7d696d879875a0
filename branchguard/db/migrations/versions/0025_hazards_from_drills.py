"""Hazards raised from a drill.

A problem a drill found (run in the app, or recorded afterwards from its paper record) is opened as
a hazard linked back to the drill: `hazards` gains `drill_id` (its source then reads "drill").

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-07 09:00:00.000000
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


# What points at a hazard (as in 0019). On SQLite the batch rebuilds `hazards` (copy, drop, rename),
# and with foreign keys on, which cannot be turned off inside the upgrade's transaction, dropping the
# old table deletes its steps and history (ON DELETE CASCADE) and unlinks amendments (SET NULL):
# they are kept aside and put back as they were.
CHILDREN = ("hazard_steps", "hazard_events")
AMENDMENTS = sa.table(
    "inspection_amendments", sa.column("id", sa.Integer()), sa.column("hazard_id", sa.Integer())
)


@contextmanager
def _children_kept(conn: sa.Connection) -> Iterator[None]:
    if conn.dialect.name != "sqlite":
        yield
        return
    for table in CHILDREN:
        conn.exec_driver_sql(f"CREATE TEMP TABLE kept_{table} AS SELECT * FROM {table}")
    links = conn.execute(
        sa.select(AMENDMENTS.c.id, AMENDMENTS.c.hazard_id).where(AMENDMENTS.c.hazard_id.is_not(None))
    ).all()
    yield
    for table in CHILDREN:
        conn.exec_driver_sql(f"DELETE FROM {table}")
        conn.exec_driver_sql(f"INSERT INTO {table} SELECT * FROM kept_{table}")
        conn.exec_driver_sql(f"DROP TABLE kept_{table}")
    if links:
        relink = sa.update(AMENDMENTS).where(AMENDMENTS.c.id == sa.bindparam("aid"))
        conn.execute(relink.values(hazard_id=sa.bindparam("hid")), [{"aid": a, "hid": h} for a, h in links])


def upgrade() -> None:
    with _children_kept(op.get_bind()), op.batch_alter_table("hazards") as batch:
        batch.add_column(sa.Column("drill_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            batch.f("fk_hazards_drill_id_drill_plans"),
            "drill_plans",
            ["drill_id"],
            ["id"],
            ondelete="RESTRICT",
        )
        batch.create_index(batch.f("ix_hazards_drill_id"), ["drill_id"], unique=False)


def downgrade() -> None:
    # A hazard raised from a drill is evidence (ledgered): going back would cut its link to the drill.
    held = op.get_bind().execute(sa.text("SELECT count(*) FROM hazards WHERE drill_id IS NOT NULL"))
    if held.scalar():
        raise RuntimeError(
            "cannot go back before revision 0025: hazards raised from drills are recorded; "
            "restore a backup made before the upgrade instead"
        )
    with _children_kept(op.get_bind()), op.batch_alter_table("hazards") as batch:
        batch.drop_index(batch.f("ix_hazards_drill_id"))
        batch.drop_constraint(batch.f("fk_hazards_drill_id_drill_plans"), type_="foreignkey")
        batch.drop_column("drill_id")
