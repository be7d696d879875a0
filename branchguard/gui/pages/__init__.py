"""The pages of the main window; importing this package registers them with the sidebar."""

from branchguard.gui.pages import about, audit, people, playbooks, settings

__all__ = ["about", "audit", "people", "playbooks", "settings"]
