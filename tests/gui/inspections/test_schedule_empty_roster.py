"""A new branch schedules a checklist before anyone is on the staff roster: the empty "Assigned to"
list is explained (type the name, or add the staff first), not "pick the person" with nobody to
pick, and the dialog grows to the message's lines instead of cutting them off under its buttons."""

from __future__ import annotations

from typing import Any

from branchguard.context import AppContext
from branchguard.gui.inspections.dialogs import InspectionScheduleDialog
from branchguard.gui.inspections.page import InspectionsPage
from branchguard.gui.shell.session import GuiSession


def test_an_empty_roster_is_explained_and_a_typed_name_is_taken(empty_ctx: AppContext, qtbot: Any) -> None:
    empty_ctx.services.auth.create_first_lead("wangjg", "safe-pass-1", "王建国")
    session = GuiSession(empty_ctx, empty_ctx.services.auth.login("wangjg", "safe-pass-1"))
    page = InspectionsPage(session)
    qtbot.addWidget(page)
    page.show()
    page.refresh()  # as the window does when it shows the page
    qtbot.waitUntil(lambda: page.overview.templates_model.rowCount() > 0)
    dialog = page.ask_schedule("ALARM")
    assert isinstance(dialog, InspectionScheduleDialog)
    qtbot.waitUntil(lambda: dialog.work.ready())
    dialog.accept()
    assert dialog.error.text().startswith("Nobody is on the staff roster yet: type the name")
    qtbot.waitUntil(lambda: dialog.error.geometry().bottom() < dialog.buttons.geometry().top())
    assert dialog.height() >= dialog.sizeHint().height()
    dialog.assignee.set_name("王建国")  # typed: not on the roster, and taken
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    schedules = empty_ctx.services.schedules.list(session.actor)
    assert [s.owner for s in schedules if s.kind.value == "inspection"] == ["王建国"]
