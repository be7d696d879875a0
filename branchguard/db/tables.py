"""Imports every model module, so Base.metadata knows every table (create_all, Alembic)."""

from __future__ import annotations

from branchguard.db.base import Base
from branchguard.db.models import (
    complaints,
    drills,
    early_warnings,
    exchange,
    foundation,
    hazards,
    incidents,
    inspections,
    ledger,
    library_sync,
    playbooks,
    schedules,
    team,
)

__all__ = [
    "Base",
    "complaints",
    "drills",
    "early_warnings",
    "exchange",
    "foundation",
    "hazards",
    "incidents",
    "inspections",
    "ledger",
    "library_sync",
    "playbooks",
    "schedules",
    "team",
]
