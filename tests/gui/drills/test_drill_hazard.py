"""A hazard a held drill found, from the Drills page (“Record hazard…”): offered for a drill run and
evaluated or recorded afterwards, not for one planned or voided; the new-hazard dialog opens with
the drill's problems and saves the hazard linked to the drill, whose detail names it."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from branchguard.context import AppContext
from branchguard.core.drills.types import DrillPlanInput, EvaluationInput, HeldDrillInput
from branchguard.core.hazards.types import HazardFilter, HazardSource
from branchguard.core.kernel.types import Actor
from branchguard.gui.drills.page import DrillsPage
from branchguard.gui.hazards.detail import HazardDetailDialog
from branchguard.gui.hazards.dialogs import NewHazardDialog
from branchguard.gui.shell.main_window import MainWindow
from tests.core.drills.test_drill_held import FIRE_SCORES

PROBLEMS = "金库人员撤离慢\n应急广播听不清"


@pytest.fixture
def lead(gui_ctx: AppContext) -> Actor:
    return gui_ctx.services.auth.login("lead", "lead-demo-2026")


def _panel(open_window: Callable[[str], MainWindow], user: str = "lead"):
    page = open_window(user).show_page("drills")
    assert isinstance(page, DrillsPage)
    return page.list_panel


def _held(gui_ctx: AppContext, lead: Actor, days: int = 30, problems: str = PROBLEMS) -> int:
    at = (datetime.now() - timedelta(days=days)).replace(hour=9, minute=0, second=0, microsecond=0)
    data = HeldDrillInput("FIRE", at, "台账第9页", EvaluationInput(FIRE_SCORES, problems=problems))
    return gui_ctx.services.drills.record_held(lead, data).id


def test_record_hazard_opens_the_dialog_with_the_problems_and_links_the_hazard(
    gui_ctx: AppContext, lead: Actor, open_window, qtbot
) -> None:
    drill = _held(gui_ctx, lead)
    panel = _panel(open_window)
    qtbot.waitUntil(lambda: panel.select(drill))
    assert panel.hazard_button.text() == "Record hazard…" and panel.hazard_button.isEnabled()
    panel.ask_hazard()  # read first, then the dialog (here at once: tasks run inline)
    dialog = panel.hazard_dialog
    assert isinstance(dialog, NewHazardDialog) and dialog.isVisible()
    assert dialog.fields.description.toPlainText() == "金库人员撤离慢"  # one hazard a problem
    assert f"#{drill}" in dialog.origin.text() and dialog.origin.isVisible()
    dialog.fields.owner.set_name("李安全")
    dialog.accept()
    made = dialog.created
    assert made is not None and made.info.drill_id == drill and made.info.source == HazardSource.DRILL
    assert made.info.description == "金库人员撤离慢"
    assert made.info.number in panel.message.text()
    panel.ask_hazard()  # the next problem, not both again
    second = panel.hazard_dialog
    assert isinstance(second, NewHazardDialog) and second is not dialog
    assert second.fields.description.toPlainText() == "应急广播听不清"
    second.reject()
    listed = gui_ctx.services.hazards.list(lead, HazardFilter(drill_id=drill))
    assert [h.id for h in listed] == [made.info.id]
    detail = HazardDetailDialog(panel.session, made.info.id)
    qtbot.addWidget(detail)
    title = gui_ctx.services.drills.get(lead, drill).title
    assert detail.source.text() == f"Drill (#{drill} {title})"


def test_not_offered_for_a_planned_or_voided_drill_nor_to_the_auditor(
    gui_ctx: AppContext, lead: Actor, open_window, qtbot
) -> None:
    drills = gui_ctx.services.drills
    voided = _held(gui_ctx, lead, days=40)
    drills.void_held(lead, voided, "录错了日期")
    tomorrow = (datetime.now() + timedelta(days=1)).replace(hour=10, minute=0, second=0, microsecond=0)
    planned = drills.plan(lead, DrillPlanInput("FIRE", tomorrow))
    panel = _panel(open_window)
    for drill in (voided, planned.id):
        qtbot.waitUntil(lambda d=drill: panel.select(d))
        panel.ask_hazard()
        assert not panel.hazard_button.isEnabled() and panel.hazard_dialog is None, drill
    held = _held(gui_ctx, lead, days=20)
    auditor = _panel(open_window, "auditor")
    qtbot.waitUntil(lambda: auditor.select(held))
    assert auditor.hazard_button.isHidden()  # whoever may enter hazards: lead and staff


def test_the_held_drill_dialog_points_to_record_hazard(open_window) -> None:
    from branchguard.gui.drills.held_dialog import HeldDrillDialog

    dialog = _panel(open_window).ask_held()
    assert isinstance(dialog, HeldDrillDialog)
    assert "“Record hazard…”" in dialog.intro.text() and "on the Hazards page" not in dialog.intro.text()


def test_the_report_of_a_drill_recorded_afterwards_opens_and_lists_its_hazards(
    gui_ctx: AppContext, lead: Actor, open_window, qtbot, tmp_path: Path
) -> None:
    """Its Preview / Print button was enabled and did nothing: the preview wanted a run."""
    from branchguard.core.hazards.types import HazardInput

    drill = _held(gui_ctx, lead)
    found = HazardInput("金库人员撤离慢", owner="李安全")
    made = gui_ctx.services.hazards.create(lead, found, drill_id=drill)
    panel = _panel(open_window)
    qtbot.waitUntil(lambda: panel.select(drill))
    assert panel.report_button.isEnabled()
    preview = panel.ask_report()
    assert preview is not None
    qtbot.waitUntil(lambda: preview.page_count > 0, timeout=30_000)
    preview.save_to(tmp_path / "drill.pdf")
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "drill.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert made.info.number in text and "Hazards raised from this drill" in text
    preview.close()
    # and from the hazard back to its drill: the detail's source button opens the same report
    detail = HazardDetailDialog(panel.session, made.info.id)
    qtbot.addWidget(detail)
    qtbot.waitUntil(lambda: detail.source_button.isVisibleTo(detail))
    assert detail.source_button.text() == "The drill's report"
    detail.source_button.click()
    back = detail.last_report
    qtbot.waitUntil(lambda: back.page_count > 0, timeout=30_000)
    assert back.windowTitle().endswith(gui_ctx.services.drills.get(lead, drill).title)
    back.close()
