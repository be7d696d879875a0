"""A service guide's view offers "Open a complaint" (the register dialog with the situation as its
facts, linked to the incident the guide was opened from) and "Start the plan" (the usual start
dialog with the linked plan chosen), each only to a role that may; a plan gets neither."""

from __future__ import annotations

from typing import Any

from branchguard.context import AppContext
from branchguard.core.kernel.types import Level
from branchguard.gui.complaints.dialogs import ComplaintRegisterDialog
from branchguard.gui.incidents.start import StartIncidentDialog
from branchguard.gui.playbooks.page import PlaybooksPage
from tests.gui.incidents.incident_support import login


def _guide_page(open_window: Any, qtbot: Any, username: str, code: str, incident_id: int | None = None):
    window = open_window(username)
    page = window.show_page("playbooks")
    assert isinstance(page, PlaybooksPage)
    qtbot.waitUntil(lambda: page.list.model.rowCount() > 0)
    page.show_guide(code, incident_id)
    qtbot.waitUntil(lambda: page.preview.version is not None and page.preview.version.content.code == code)
    return window, page


def test_a_guide_opens_a_complaint_linked_to_its_incident(open_window, qtbot, gui_ctx: AppContext) -> None:
    lead = login(gui_ctx, "lead")
    incident = gui_ctx.services.incidents.start(lead, None, Level.III, title="大堂客户聚集")
    _window, page = _guide_page(open_window, qtbot, "staff", "SVC-CASH", incident.id)
    actions = page.guide_actions
    assert actions.isVisible() and actions.complaint_button.isVisible()
    assert actions.links == ["CASH"] and actions.start_button.isVisible()
    assert "CASH" in actions.start_button.text()
    dialog = actions.open_complaint()
    assert isinstance(dialog, ComplaintRegisterDialog)
    assert "SVC-CASH" in dialog.facts.toPlainText()
    assert dialog.incident.currentData() == incident.id
    dialog.customer.setText("王五")
    dialog.request.setPlainText("未预约取款被拒，要求解释")
    dialog.accept()
    assert dialog.result_detail is not None, dialog.error.text()
    stored = dialog.result_detail.info
    assert stored.incident_id == incident.id and "SVC-CASH" in stored.facts

    # opened without an incident: none chosen, the open ones offered
    page.show_guide("SVC-CASH")
    qtbot.waitUntil(lambda: page.guide_actions.incident_id is None)
    other = page.guide_actions.open_complaint()
    assert isinstance(other, ComplaintRegisterDialog)
    assert other.incident.currentData() is None and other.incident.findData(incident.id) > 0
    other.reject()


def test_a_guide_starts_its_plan_through_the_start_dialog(open_window, qtbot, gui_ctx: AppContext) -> None:
    window, page = _guide_page(open_window, qtbot, "lead", "SVC-CASH")
    page.guide_actions.start_button.click()
    dialog = window.incident_bar.dialog
    assert isinstance(dialog, StartIncidentDialog)
    plan = dialog.chosen_plan()
    assert plan is not None and plan.code == "CASH"
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    started = gui_ctx.services.incidents.open_incidents(login(gui_ctx, "lead"))
    assert [s.playbook_code for s in started] == ["CASH"]


def test_only_roles_that_may_see_the_buttons_and_plans_get_none(open_window, qtbot) -> None:
    _window, page = _guide_page(open_window, qtbot, "auditor", "SVC-CASH")
    assert not page.guide_actions.isVisible()
    assert page.guide_actions.open_complaint() is None
    _window, page = _guide_page(open_window, qtbot, "lead", "CASH")  # a plan, not a guide
    assert not page.guide_actions.isVisible()


def test_the_console_opens_its_categorys_guide_with_the_incident(
    open_window, qtbot, gui_ctx: AppContext
) -> None:
    lead = login(gui_ctx, "lead")
    incident = gui_ctx.services.incidents.start(lead, "CASH", Level.III)
    window = open_window("staff")
    incidents = window.show_page("incidents")
    console = incidents.open_incident(incident.id)
    button = console.guides_button
    qtbot.waitUntil(lambda: bool(button.guides))
    assert button.isVisibleTo(console) and [g.code for g in button.guides] == ["SVC-CASH"]
    button.menu().actions()[0].trigger()
    assert window.current_page_id() == "playbooks"
    page = window.show_page("playbooks")
    assert isinstance(page, PlaybooksPage)
    qtbot.waitUntil(lambda: page.guide_actions.version is not None)
    assert page.guide_actions.incident_id == incident.id
    dialog = page.guide_actions.open_complaint()
    assert dialog is not None and dialog.incident.currentData() == incident.id
    dialog.reject()
