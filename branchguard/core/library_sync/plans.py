"""The plans a library's checklists start on failure, judged before anything is written: as the
lead's approval does (inspections/store.check_plans, which still guards the publish itself), but on
what the library would put in force, its own approved plans counted as they would be once applied,
and in words for an import (the branch cannot change a signed library, only ask for another).
Read-only; takes a session."""

from __future__ import annotations

from sqlalchemy.orm import Session

from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.types import PlaybookStatus
from branchguard.core.library_sync.types import Changes, Library, PlanProblem
from branchguard.core.playbooks.store import approved_tiers
from branchguard.core.playbooks.types import PlanTier


def problems(s: Session, library: Library, templates: Changes) -> tuple[PlanProblem, ...]:
    """Each item of the checklists the library adds or changes (`templates`, as classified) that
    starts a plan which would have no approved version after the apply, or a service guide."""
    wanted = set(templates.added) | set(templates.updated)
    contents = [c for c in library.templates if c.code in wanted]
    named = {item.on_fail_playbook for c in contents for item in c.items if item.on_fail_playbook}
    if not named:
        return ()
    tiers = approved_tiers(s, named)
    tiers.update(
        (item.content.code, item.content.tier)
        for item in library.playbooks.items
        if item.status == PlaybookStatus.APPROVED and item.content.code in named
    )
    return tuple(
        PlanProblem(c.code, n, item.on_fail_playbook, item.on_fail_playbook in tiers)
        for c in contents
        for n, item in enumerate(c.items, 1)
        if item.on_fail_playbook and tiers.get(item.on_fail_playbook, PlanTier.SERVICE) == PlanTier.SERVICE
    )


class Refusal:
    """The problems as the apply's refusal words them: one line each, in the language asked."""

    def __init__(self, found: tuple[PlanProblem, ...]) -> None:
        self.found = found

    def translated(self, lang: str | None = None) -> str:
        return "\n".join(p.message.text(lang) for p in self.found)


def refusal(found: tuple[PlanProblem, ...]) -> Message:
    return Message("library.plans_refused", problems=Refusal(found))
