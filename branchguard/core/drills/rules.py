"""Which actions a drill's status opens and who may take them.

A plan is run or cancelled while planned; a run takes its headcount and is evaluated until it is
evaluated; an evaluated run's corrective actions are followed up, and the problems a held drill
(run and evaluated, or recorded afterwards) found are opened as hazards linked to it. The window asks
`available_actions` which buttons to enable; the service checks the same table with `expect` (and
the role table with `require`), so what the window withholds is refused on the command line too.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from branchguard.core.drills.types import DrillAction, DrillPlan, DrillStatus
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.roles import may
from branchguard.core.kernel.types import Actor


@dataclass(frozen=True)
class ActionRule:
    role_action: str  # the role-table action that allows it
    statuses: frozenset[DrillStatus]  # the drill statuses it is open in
    refusal: str  # the message key saying why not, given the drill's id and status


_PLANNED = frozenset({DrillStatus.PLANNED})
_RUN = frozenset({DrillStatus.RUNNING})
_EVALUATED = frozenset({DrillStatus.EVALUATED})

ACTIONS: MappingProxyType[DrillAction, ActionRule] = MappingProxyType(
    {
        DrillAction.RUN: ActionRule("drill.run", _PLANNED, "drill.not_planned"),
        DrillAction.MOVE: ActionRule("drill.plan", _PLANNED, "drill.not_planned"),  # part of planning
        DrillAction.CANCEL: ActionRule("drill.plan", _PLANNED, "drill.not_planned"),  # part of planning
        DrillAction.HEADCOUNT: ActionRule("drill.run", _RUN, "drill.headcount_not_running"),  # as its service
        DrillAction.EVALUATE: ActionRule("drill.evaluate", _RUN, "drill.not_running"),
        DrillAction.VIEW_ACTIONS: ActionRule("drill.read", _EVALUATED, "drill.not_evaluated"),
        DrillAction.COMPLETE_ACTION: ActionRule("drill.evaluate", _EVALUATED, "drill.not_evaluated"),
        DrillAction.VOID: ActionRule("drill.void", _EVALUATED, "drill.void_not_evaluated"),
        DrillAction.RECORD_HAZARD: ActionRule("hazard.create", _EVALUATED, "drill.hazard_not_held"),
    }
)


def open_in(status: DrillStatus | str) -> frozenset[DrillAction]:
    """The actions a drill in `status` allows, whoever asks."""
    return frozenset(a for a, rule in ACTIONS.items() if DrillStatus(status) in rule.statuses)


def allowed(actor: Actor, action: DrillAction) -> bool:
    """Whether `actor`'s role may take `action` on some drill (the role table's answer)."""
    return may(actor, ACTIONS[action].role_action)


def available_actions(plan: DrillPlan | None, actor: Actor) -> frozenset[DrillAction]:
    """What `actor` can do to `plan` now (nothing when no plan is chosen)."""
    if plan is None:
        return frozenset()
    offered = frozenset(a for a in open_in(plan.status) if allowed(actor, a))
    if plan.recorded_afterwards:  # it takes no corrective actions (held.py): none to follow up here
        offered -= {DrillAction.VIEW_ACTIONS, DrillAction.COMPLETE_ACTION}
    else:  # a drill run lives in its incident's log: it is never voided
        offered -= {DrillAction.VOID}
    return offered if plan.ended else offered - {DrillAction.EVALUATE}  # a drill is scored once over


def expect_ended(plan_id: int, ended: bool) -> None:
    """A drill is evaluated once it is over (its run's incident closed), not while it runs."""
    if not ended:
        raise ValidationError("field.drill", Message("drill.still_running", id=plan_id))


def expect(plan_id: int, status: DrillStatus | str, action: DrillAction) -> None:
    """`action` is open in `status`, or a ValidationError says why not."""
    rule = ACTIONS[action]
    if DrillStatus(status) not in rule.statuses:
        raise ValidationError("field.drill", Message(rule.refusal, id=plan_id, status=DrillStatus(status)))
