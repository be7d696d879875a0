"""BranchGuard: emergency response, drills and inspections for bank branches."""

__version__ = "0.1.0"
APP_NAME = "BranchGuard"
