"""The reason a control is disabled for a role: its tooltip says what the command line says when
the same role asks for the same action ("Auditor 'auditor' may not choose the anchor folder").
A control disabled for a role without one (Settings' Choose… buttons, Start incident) told an
auditor nothing of why, or whether it would ever work for them."""

from __future__ import annotations

from branchguard.core.kernel.roles import refusal
from branchguard.core.kernel.types import Actor
from branchguard.gui.kit.plain import tip


def refused_tip(actor: Actor, action: str, otherwise: str = "") -> str:
    """The tooltip of a control that does `action`: why `actor` may not, else `otherwise`."""
    denied = refusal(actor, action)
    return tip(denied.text()) if denied is not None else otherwise
