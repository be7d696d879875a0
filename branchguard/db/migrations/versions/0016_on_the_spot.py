"""On-the-spot correction and escalation of checklist items.

Template items gain `correct_on_spot` (a fault regulation says is corrected on the spot: MPS Order
61 art. 31) and `on_fail_playbook` (on failure, offer to start that plan: the card-slot item starts
ATM). Two new record tables: `inspection_corrections` (what was done, by whom, when) and
`inspection_escalations` (the incident a failed item started). The built-in templates' items get
the flags the built-in file now gives them, in every version (the flags did not exist before, so no
branch chose otherwise); a branch's own templates are left as they are.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05 03:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

# Frozen with this revision: the tables as they are here and the built-in flags as they were.
TEMPLATES = sa.table("inspection_templates", sa.column("id", sa.Integer()), sa.column("code", sa.String()),
                     sa.column("builtin", sa.Boolean()))
VERSIONS = sa.table(
    "inspection_template_versions", sa.column("id", sa.Integer()), sa.column("template_id", sa.Integer())
)
ITEMS = sa.table(
    "inspection_template_items",
    sa.column("version_id", sa.Integer()),
    sa.column("key", sa.String()),
    sa.column("correct_on_spot", sa.Boolean()),
    sa.column("on_fail_playbook", sa.String()),
)
ON_THE_SPOT = {
    "FIRE_DAILY": ("fire_electric_use", "exits_clear", "extinguishers_hydrants", "fire_doors", "key_posts"),
    "EXITS": ("exits_unlocked",),
}
ON_FAIL = {"SELF_SERVICE": {"card_slot": "ATM", "keypad": "ATM", "pinhole_camera": "ATM"}}


def _versions(bind: sa.Connection, code: str) -> list[int]:
    return list(
        bind.execute(
            sa.select(VERSIONS.c.id)
            .join(TEMPLATES, TEMPLATES.c.id == VERSIONS.c.template_id)
            .where(TEMPLATES.c.code == code, TEMPLATES.c.builtin.is_(True))
        ).scalars()
    )


def upgrade() -> None:
    with op.batch_alter_table("inspection_template_items") as batch:
        batch.add_column(
            sa.Column("correct_on_spot", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(
            sa.Column("on_fail_playbook", sa.String(length=32), nullable=False, server_default="")
        )
    op.create_table(
        "inspection_corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("corrected_by", sa.String(length=64), nullable=False),
        sa.Column("corrected_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name=op.f("fk_inspection_corrections_inspection_id_inspections"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_corrections")),
        sa.UniqueConstraint("inspection_id", "number", name=op.f("uq_inspection_corrections_inspection_id")),
    )
    op.create_index(
        op.f("ix_inspection_corrections_inspection_id"), "inspection_corrections", ["inspection_id"]
    )
    op.create_table(
        "inspection_escalations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("playbook_code", sa.String(length=32), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("escalated_by", sa.String(length=64), nullable=False),
        sa.Column("escalated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_inspection_escalations_incident_id_incidents"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name=op.f("fk_inspection_escalations_inspection_id_inspections"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_escalations")),
        sa.UniqueConstraint("inspection_id", "number", name=op.f("uq_inspection_escalations_inspection_id")),
    )
    op.create_index(
        op.f("ix_inspection_escalations_incident_id"), "inspection_escalations", ["incident_id"]
    )
    op.create_index(
        op.f("ix_inspection_escalations_inspection_id"), "inspection_escalations", ["inspection_id"]
    )
    bind = op.get_bind()
    for code, keys in ON_THE_SPOT.items():
        versions = _versions(bind, code)
        if versions:
            bind.execute(
                sa.update(ITEMS)
                .where(ITEMS.c.version_id.in_(versions), ITEMS.c.key.in_(keys))
                .values(correct_on_spot=True)
            )
    for code, plans in ON_FAIL.items():
        versions = _versions(bind, code)
        for key, plan in plans.items():
            if versions:
                bind.execute(
                    sa.update(ITEMS)
                    .where(ITEMS.c.version_id.in_(versions), ITEMS.c.key == key)
                    .values(on_fail_playbook=plan)
                )


def downgrade() -> None:
    op.drop_index(op.f("ix_inspection_escalations_inspection_id"), table_name="inspection_escalations")
    op.drop_index(op.f("ix_inspection_escalations_incident_id"), table_name="inspection_escalations")
    op.drop_table("inspection_escalations")
    op.drop_index(op.f("ix_inspection_corrections_inspection_id"), table_name="inspection_corrections")
    op.drop_table("inspection_corrections")
    with op.batch_alter_table("inspection_template_items") as batch:
        batch.drop_column("on_fail_playbook")
        batch.drop_column("correct_on_spot")
