"""Role checks: every service call names its action and the roles allowed to perform it."""

from __future__ import annotations

from branchguard.core.kernel.errors import PermissionDenied
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor, Role

LEAD_ONLY = frozenset({Role.LEAD})
READERS = frozenset({Role.LEAD, Role.AUDITOR})
EVERYONE = frozenset(Role)


def require(actor: Actor, action: str, allowed: frozenset[Role]) -> None:
    if actor.role not in allowed:
        raise PermissionDenied(
            t("perm.denied", role=actor.role.label, username=actor.username, action=t(f"action.{action}"))
        )
