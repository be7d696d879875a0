"""Typed in the hazard detail and not saved, then a step added or the hazard marked remediated: the
typed text went back to the saved text without a word, and Esc afterwards asked nothing. Now what
was typed stays, Esc asks, the save writes it; a field left alone shows what is stored now, and a
typed field changed on another PC meanwhile still refuses the save (the form's `opened`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from branchguard.context import AppContext, open_context
from branchguard.core.hazards.types import HazardInput, HazardStatus, RemediationKind
from branchguard.gui.hazards.detail import HazardDetailDialog
from branchguard.gui.kit import discard
from tests.gui.hazards.hazard_support import open_detail
from tests.gui.incidents.incident_support import login

TYPED = "灭火器压力表指针在红区，已隔离"



def _hazard(ctx: AppContext) -> int:
    data = HazardInput(description="灭火器压力不足", location="营业厅", owner="李娜")
    return ctx.services.hazards.create(login(ctx, "lead"), data).info.id


def _asks_on_esc(dialog: HazardDetailDialog) -> bool:
    dialog.reject()
    question = discard.question(dialog)
    if question is not None:
        question.done(0)  # "Keep editing"
    return question is not None and dialog.isVisible()


def test_typing_survives_adding_a_step_and_esc_still_asks(gui_ctx: AppContext, qtbot: Any) -> None:
    hazard_id = _hazard(gui_ctx)
    view = open_detail(gui_ctx, qtbot, hazard_id, "staff")
    view.fields.description.setPlainText(TYPED)
    step = view.ask_step()
    step.text.setPlainText("已更换灭火器")
    step.accept()
    assert view.steps_model.rowCount() == 1  # the step shows
    assert view.fields.description.toPlainText() == TYPED
    assert _asks_on_esc(view)
    assert view.save()
    stored = gui_ctx.services.hazards.get(login(gui_ctx, "lead"), hazard_id).info
    assert (stored.description, stored.location) == (TYPED, "营业厅")
    view.reject()
    assert discard.question(view) is None and not view.isVisible()  # saved: Esc leaves at once


def test_typing_survives_marking_remediated(gui_ctx: AppContext, qtbot: Any) -> None:
    hazard_id = _hazard(gui_ctx)
    gui_ctx.services.hazards.add_step(login(gui_ctx, "staff"), hazard_id, RemediationKind.ACTION, "已更换")
    view = open_detail(gui_ctx, qtbot, hazard_id, "staff")
    view.fields.location.setText("自助区")
    assert view.remediate()
    assert view.detail is not None and view.detail.info.status == HazardStatus.REMEDIATED
    assert view.fields.location.text() == "自助区"
    assert _asks_on_esc(view)
    assert view.save()
    assert gui_ctx.services.hazards.get(login(gui_ctx, "lead"), hazard_id).info.location == "自助区"


def test_a_field_left_alone_shows_the_change_and_a_typed_one_still_guards_the_save(
    gui_ctx: AppContext, fresh_data_dir: Path, qtbot: Any
) -> None:
    hazard_id = _hazard(gui_ctx)
    view = open_detail(gui_ctx, qtbot, hazard_id, "staff")
    view.fields.description.setPlainText(TYPED)
    other = open_context(fresh_data_dir)  # another PC names a new owner meanwhile
    try:
        change = HazardInput(description="灭火器压力不足", location="营业厅", owner="王建国")
        other.services.hazards.update(login(other, "lead"), hazard_id, change)
    finally:
        other.close()
    step = view.ask_step()
    step.text.setPlainText("已更换灭火器")
    step.accept()
    assert (view.fields.owner.name(), view.fields.description.toPlainText()) == ("王建国", TYPED)
    assert view.save()  # the owner was not typed over: it stays the other PC's
    stored = gui_ctx.services.hazards.get(login(gui_ctx, "lead"), hazard_id).info
    assert (stored.owner, stored.description) == ("王建国", TYPED)

    view.fields.location.setText("自助区")
    other = open_context(fresh_data_dir)  # now the other PC changes the very field typed here
    try:
        change = HazardInput(description=TYPED, location="库房", owner="王建国")
        other.services.hazards.update(login(other, "lead"), hazard_id, change)
    finally:
        other.close()
    step = view.ask_step()
    step.text.setPlainText("复查")
    step.accept()
    assert view.fields.location.text() == "自助区"  # kept, but made on what was there before
    assert not view.save()
    assert gui_ctx.services.hazards.get(login(gui_ctx, "lead"), hazard_id).info.location == "库房"
