"""Imports every model module, so Base.metadata knows every table (create_all, Alembic)."""

from __future__ import annotations

from branchguard.db import (
    drill_models,
    incident_models,
    inspection_models,
    models,
    playbook_models,
    schedule_models,
)
from branchguard.db.base import Base

__all__ = [
    "Base",
    "drill_models",
    "incident_models",
    "inspection_models",
    "models",
    "playbook_models",
    "schedule_models",
]
