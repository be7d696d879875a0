"""No table changes: the checklists and the complaint categories became evidence (the ledger keeps
them since this revision; core/ledger/rules.py LATER_KINDS, taken in at the next start).

The revision exists so that a PC still on an older version refuses a database this version has
opened (it says the data is newer) rather than edit checklists there unledgered: on a shared
PostgreSQL database, upgraded one PC at a time, each such edit would read as a change made outside
the app.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07 07:00:00.000000
"""

from __future__ import annotations

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
