"""No table changes: the roster (people) and the emergency contacts became evidence (the ledger
keeps them since this revision; core/ledger/rules.py LATER_KINDS, taken in at the next start).

As 0023: a PC still on an older version refuses a database this version has opened, rather than
edit the roster there unledgered (each such edit would read as a change made outside the app).
Going back by hand (alembic downgrade; the app offers none) lets an older version do just that:
restore a backup made before the upgrade instead.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07 08:10:00.000000
"""

from __future__ import annotations

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
