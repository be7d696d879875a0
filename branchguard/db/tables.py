"""Imports every model module, so Base.metadata knows every table (create_all, Alembic)."""

from __future__ import annotations

from branchguard.db.base import Base
from branchguard.db.models import drills, foundation, hazards, incidents, inspections, playbooks, schedules

__all__ = ["Base", "drills", "foundation", "hazards", "incidents", "inspections", "playbooks", "schedules"]
