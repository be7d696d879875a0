"""The status bar's words while the branch has no name yet: where to set it for a role that may
(Settings → Branch), whom to ask for the others."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from branchguard.core.kernel.roles import may
from branchguard.core.kernel.types import Actor


def no_branch_text(actor: Actor) -> str:
    if may(actor, "branch.update"):
        return QCoreApplication.translate("BranchNote", "No branch set up: name it in Settings → Branch")
    return QCoreApplication.translate("BranchNote", "No branch set up: ask the safety lead to set it up")
