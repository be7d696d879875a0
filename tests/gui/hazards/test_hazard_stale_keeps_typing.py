"""A long description typed in a hazard's detail while another PC changed its location, then Save
(or Close… → "Save and close…"): the save was refused as stale and the detail read the hazard again
with the typing thrown away, the message saying to type it again. Now the typed description stays
in its field over the hazard as it is now (the other PC's location shows), the message says the
typing was kept, and a second Save writes it without undoing the other PC's change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QAbstractButton

from branchguard.context import AppContext, open_context
from branchguard.core.hazards.types import HazardInput, RemediationKind
from branchguard.gui.hazards.detail import HazardDetailDialog
from branchguard.gui.hazards.dialogs import UnsavedHazardEdits
from tests.gui.incidents.incident_support import login, session_for

LONG = "二楼东侧安全出口指示灯不亮，" * 20 + "已临时张贴指引并通知物业。"
BEFORE = HazardInput(description="安全出口指示灯不亮", location="营业厅", owner="李娜")


def _hazard(ctx: AppContext, verified: bool) -> int:
    staff, hazards = login(ctx, "staff"), ctx.services.hazards
    hazard_id = hazards.create(staff, BEFORE).info.id
    if verified:  # its Close… button shows
        hazards.add_step(staff, hazard_id, RemediationKind.ACTION, "更换灯管")
        hazards.remediate(staff, hazard_id)
        hazards.verify(login(ctx, "lead"), hazard_id, "现场复查合格")
    return hazard_id


def _typed_then_moved_elsewhere(
    ctx: AppContext, data_dir: Path, qtbot: Any, verified: bool
) -> tuple[HazardDetailDialog, int]:
    hazard_id = _hazard(ctx, verified)
    view = HazardDetailDialog(session_for(ctx, "lead"), hazard_id)
    qtbot.addWidget(view)
    view.show()
    view.fields.description.setPlainText(LONG)
    other = open_context(data_dir)  # another PC moves the hazard meanwhile
    try:
        moved = HazardInput(description=BEFORE.description, location="自助区", owner="李娜")
        other.services.hazards.update(login(other, "lead"), hazard_id, moved)
    finally:
        other.close()
    return view, hazard_id


def _kept_over_the_other_change(ctx: AppContext, view: HazardDetailDialog, hazard_id: int) -> None:
    stored = ctx.services.hazards.get(login(ctx, "lead"), hazard_id).info
    assert (stored.description, stored.location) == (BEFORE.description, "自助区")  # nothing saved
    assert view.fields.description.toPlainText() == LONG  # the typing is still there
    assert view.fields.location.text() == "自助区"  # beside the other PC's change
    shown = view.message.text()
    assert not view.message.isHidden() and "kept" in shown and "again if it still applies" not in shown


def test_a_stale_save_keeps_the_typing_and_saves_it_the_second_time(
    gui_ctx: AppContext, fresh_data_dir: Path, qtbot: Any
) -> None:
    view, hazard_id = _typed_then_moved_elsewhere(gui_ctx, fresh_data_dir, qtbot, verified=False)
    assert not view.save()
    _kept_over_the_other_change(gui_ctx, view, hazard_id)
    assert view.save()
    stored = gui_ctx.services.hazards.get(login(gui_ctx, "lead"), hazard_id).info
    assert (stored.description, stored.location) == (LONG, "自助区")


def test_save_and_close_refused_as_stale_keeps_the_typing_and_asks_no_note(
    gui_ctx: AppContext, fresh_data_dir: Path, qtbot: Any
) -> None:
    view, hazard_id = _typed_then_moved_elsewhere(gui_ctx, fresh_data_dir, qtbot, verified=True)
    view.close_button.click()
    question = view.unsaved_question
    assert question is not None
    save_and_close = question.findChild(QAbstractButton, UnsavedHazardEdits.SAVE)
    assert save_and_close is not None
    save_and_close.click()
    assert view.confirm_dialog is None  # not closed on a refused save
    _kept_over_the_other_change(gui_ctx, view, hazard_id)


def test_a_field_typed_and_changed_elsewhere_is_named(
    gui_ctx: AppContext, fresh_data_dir: Path, qtbot: Any
) -> None:
    view, _hazard_id = _typed_then_moved_elsewhere(gui_ctx, fresh_data_dir, qtbot, verified=False)
    view.fields.location.setText("库房")  # the field the other PC changed, typed over here too
    assert not view.save()
    assert view.fields.location.text() == "库房"
    assert view.fields.captions["location"].text() in view.message.text().splitlines()[-1]
    assert view.fields.captions["description"].text() not in view.message.text().splitlines()[-1]
