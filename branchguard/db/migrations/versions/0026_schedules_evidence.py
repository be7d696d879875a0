"""No table changes: the schedules and their occurrences became evidence (the ledger keeps them
since this revision; core/ledger/rules.py LATER_KINDS, taken in at the next start). Their reminders
(fired, snoozed, dismissed) stay bookkeeping.

As 0023: a PC still on an older version refuses a database this version has opened, rather than
write schedules there unledgered (an item marked done, a catch-up's new items: each would read as a
change made outside the app). Going back by hand (alembic downgrade; the app offers none) lets an
older version do just that: restore a backup made before the upgrade instead.

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-07 09:30:00.000000
"""

from __future__ import annotations

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
