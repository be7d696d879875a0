"""The playbook editor dialog: metadata, roles and contacts, steps, undo/redo, save and approve."""

from __future__ import annotations

from branchguard.gui.playbooks.editor.dialog import PlaybookEditor

__all__ = ["PlaybookEditor"]
