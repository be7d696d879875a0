"""The keyboard-fast inspection runner (one inspection per tab of the Inspections page)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from branchguard.gui.inspections.runner.runner import InspectionRunner

__all__ = ["InspectionRunner"]


def __getattr__(name: str) -> Any:
    # Loaded when asked for: the hazard dialogs use this package's name picker and photo strip,
    # and the runner opens hazard dialogs; importing those must not import the runner first.
    if name == "InspectionRunner":
        from branchguard.gui.inspections.runner.runner import InspectionRunner

        return InspectionRunner
    raise AttributeError(name)
