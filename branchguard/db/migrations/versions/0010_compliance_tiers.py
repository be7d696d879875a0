"""Compliance rules match on the tier of the plan drilled, and a rule may be a notice rule.

Adds `tiers` (the plan tiers that count; empty: any) and `notice_working_days` (set: tell the
authority that many working days before each matching drill) to drill_compliance_rules. The two
built-in rules that stood for a tier through the drill's scope are rewritten to the tier, unless a
branch has edited their scopes: "comprehensive or special plan drill" (COMPREHENSIVE, was scope
comprehensive) counts the comprehensive and special tiers; "on-site response plan drill" (ONSITE,
was scope single_topic) counts the on-site tier. Rules new in this release are added at the next
start by the drill library's seeding, which adds built-in rules the database does not hold yet.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 00:10:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# Frozen with this revision: the table as it is here, and the built-in rules as they were.
RULES = sa.table(
    "drill_compliance_rules",
    sa.column("id", sa.Integer()),
    sa.column("region", sa.String()),
    sa.column("code", sa.String()),
    sa.column("scopes", sa.JSON()),
    sa.column("tiers", sa.JSON()),
)
TIER_RULES = {  # code: (scopes it had as a built-in rule, tiers it counts now)
    "COMPREHENSIVE": (["comprehensive"], ["comprehensive", "special"]),
    "ONSITE": (["single_topic"], ["onsite"]),
}


def upgrade() -> None:
    with op.batch_alter_table("drill_compliance_rules") as batch:
        batch.add_column(sa.Column("tiers", sa.JSON(), nullable=False, server_default=sa.text("'[]'")))
        batch.add_column(sa.Column("notice_working_days", sa.Integer(), nullable=True))
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(RULES.c.id, RULES.c.code, RULES.c.scopes).where(
            RULES.c.region == "", RULES.c.code.in_(list(TIER_RULES))
        )
    ).all()
    for rule_id, code, scopes in rows:
        old_scopes, tiers = TIER_RULES[code]
        if list(scopes or []) == old_scopes:
            bind.execute(sa.update(RULES).where(RULES.c.id == rule_id).values(scopes=[], tiers=tiers))


def downgrade() -> None:
    bind = op.get_bind()
    for code, (old_scopes, tiers) in TIER_RULES.items():
        rows = bind.execute(
            sa.select(RULES.c.id, RULES.c.scopes, RULES.c.tiers).where(
                RULES.c.region == "", RULES.c.code == code
            )
        ).all()
        for rule_id, scopes, have in rows:
            if not scopes and list(have or []) == tiers:
                bind.execute(sa.update(RULES).where(RULES.c.id == rule_id).values(scopes=old_scopes))
    with op.batch_alter_table("drill_compliance_rules") as batch:
        batch.drop_column("notice_working_days")
        batch.drop_column("tiers")
