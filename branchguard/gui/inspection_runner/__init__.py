"""The keyboard-fast inspection runner (one inspection per tab of the Inspections page)."""

from branchguard.gui.inspection_runner.runner import InspectionRunner

__all__ = ["InspectionRunner"]
