"""A team role a plan's new approved version drops while someone still holds it, for the tests of
the service, the command line and the Team tab."""

from __future__ import annotations

import dataclasses
from typing import Any

from branchguard.core.kernel.types import Actor
from branchguard.core.people.types import BranchRole, PersonInput

FORMER_ROLE = "designated_officer"  # only the plan LAW names it (指定接待人员, Designated officer)


def drop_role_from_law(ctx: Any, lead: Actor) -> None:
    """Approve a new version of LAW that no longer names the role (its steps go to the lobby manager)."""
    law = ctx.services.playbooks.get(lead, "LAW").content
    roles = tuple(r for r in law.roles if r.code != FORMER_ROLE)
    steps = tuple(
        dataclasses.replace(st, role="lobby_manager") if st.role == FORMER_ROLE else st for st in law.steps
    )
    ctx.services.playbooks.save_draft(lead, "LAW", dataclasses.replace(law, roles=roles, steps=steps))
    ctx.services.playbooks.approve(lead, "LAW")


def held_former_role(ctx: Any, lead: Actor, name: str = "钱七") -> int:
    """`name` (new to the staff list) holds the role, then LAW drops it; their id."""
    person = ctx.services.people.add_person(lead, PersonInput(name=name, branch_role=list(BranchRole)[3]))
    ctx.services.team.assign(lead, FORMER_ROLE, person.id)
    drop_role_from_law(ctx, lead)
    return int(person.id)
