"""The runner's question answered "log it in that incident" after the incident was closed on another
PC: the refusal says it has ended and that escalating again starts the plan anew, and the offer to
start it is there again, enabled; an escalated item's card names the incident it went to (review B)."""

from __future__ import annotations

from typing import Any

from branchguard.context import AppContext
from branchguard.core.incidents.types import CloseInput
from branchguard.gui.incidents import already_open
from tests.gui.incidents.incident_support import login
from tests.gui.inspections.test_escalate_open_plan import (
    _answer,
    _escalate_with_atm_open,
    _incident_of_item,
    _open_atms,
)


def test_closed_meanwhile_says_so_and_the_item_can_start_the_plan_anew(
    open_window: Any, gui_ctx: AppContext, qtbot: Any
) -> None:
    atm, runner, box = _escalate_with_atm_open(open_window, gui_ctx, qtbot)
    gui_ctx.services.incidents.close(login(gui_ctx, "lead"), atm.id, CloseInput(outcome="已处置"))

    _answer(box, already_open.OPEN_IT)

    qtbot.waitUntil(lambda: "has ended" in runner.message.text(), timeout=5000)
    said = runner.message.text()
    assert f"incident #{atm.id} has ended" in said and "escalate item 1 again" in said, said
    qtbot.waitUntil(lambda: runner.saver.pending == 0, timeout=5000)
    plan = runner.follow_up.plan_button
    qtbot.waitUntil(lambda: plan.isVisible() and plan.isEnabled(), timeout=5000)

    plan.click()

    qtbot.waitUntil(lambda: len(_open_atms(gui_ctx)) == 1, timeout=5000)
    (again,) = _open_atms(gui_ctx)
    assert again != atm.id
    qtbot.waitUntil(lambda: _incident_of_item(gui_ctx, runner) == again, timeout=5000)
    qtbot.waitUntil(lambda: f"→ incident #{again}" in runner.card.result.text(), timeout=5000)
