"""The incident console: a page-level widget for one live (or closed) incident."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from branchguard.gui.incidents.console.console import IncidentConsole

__all__ = ["IncidentConsole"]


def __getattr__(name: str) -> Any:
    # Loaded when asked for: follow mode and the models use the header's helpers, and importing
    # those must not build (or circularly import) the whole console.
    if name == "IncidentConsole":
        from branchguard.gui.incidents.console.console import IncidentConsole

        return IncidentConsole
    raise AttributeError(name)
