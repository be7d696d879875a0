"""A new branch's dashboard tells the safety lead the first steps not yet taken (the staff roster,
the staff's and auditor's accounts, the checklists' schedules, the year's drills), each with where
it is done, and stops saying each once it is done; the auditor is not told. It was a grid of zeros."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from branchguard.context import AppContext
from branchguard.core.drills.types import DrillPlanInput
from branchguard.core.inspections.types import Cadence
from branchguard.core.people.types import BranchRole, PersonInput
from branchguard.gui.dashboard.page import DashboardPage
from branchguard.gui.shell.session import GuiSession


def _dashboard(ctx: AppContext, username: str, password: str, qtbot: Any) -> DashboardPage:
    page = DashboardPage(GuiSession(ctx, ctx.services.auth.login(username, password)))
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    page.refresh()
    return page


def test_the_lead_is_told_the_first_steps_left(empty_ctx: AppContext, qtbot: Any) -> None:
    services = empty_ctx.services
    services.auth.create_first_lead("wangjg", "safe-pass-1", "王建国")
    page = _dashboard(empty_ctx, "wangjg", "safe-pass-1", qtbot)
    steps = page.first_steps
    qtbot.waitUntil(steps.isVisible)
    lines = steps.text().splitlines()
    assert lines[0] == "First steps for this branch:" and len(lines) == 5
    assert "(People & contacts)" in lines[1] and "(Settings → User accounts)" in lines[2]
    assert "(Inspections → Schedule…)" in lines[3] and "(Drills → Plan drill…)" in lines[4]

    lead = services.auth.login("wangjg", "safe-pass-1")
    services.people.add_person(lead, PersonInput("李明", BranchRole.LOBBY_MANAGER))
    services.auth.add_user(lead, "liming", "staff", "staff-pass-1", "李明")
    soon = datetime.now() + timedelta(hours=1)
    services.inspections.schedule(lead, "FIRE_DAILY", Cadence.DAILY, "李明", soon)
    page.refresh()
    qtbot.waitUntil(lambda: len(steps.text().splitlines()) == 2)
    assert "(Drills → Plan drill…)" in steps.text()
    services.drills.plan(lead, DrillPlanInput("FIRE", datetime.now() + timedelta(days=10)))
    page.refresh()
    qtbot.waitUntil(lambda: not steps.isVisible())

    services.auth.add_user(lead, "zhaoli", "auditor", "audit-pass-1", "赵丽")
    auditor = _dashboard(empty_ctx, "zhaoli", "audit-pass-1", qtbot)
    qtbot.waitUntil(lambda: auditor.board is not None)
    assert not auditor.first_steps.isVisible()
