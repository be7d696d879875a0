"""The incident console: a page-level widget for one live (or closed) incident."""

from __future__ import annotations

from branchguard.gui.incident_console.console import IncidentConsole

__all__ = ["IncidentConsole"]
