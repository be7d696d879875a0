"""Typed in a verified hazard's detail and not saved, then closed: the fields turned read-only and
the typed text was gone without a word. Now the close first names the fields not saved and offers
"Save and close…", "Close without saving…" or Cancel; either way on, the close still asks its note.
A verification (after which the fields stay editable) keeps the typing, as a step or a mark does."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QAbstractButton

from branchguard.context import AppContext
from branchguard.core.hazards import rules
from branchguard.core.hazards.types import HazardInput, HazardSeverity, HazardStatus, RemediationKind
from branchguard.gui.hazards.detail import HazardDetailDialog
from branchguard.gui.hazards.dialogs import UnsavedHazardEdits
from tests.gui.hazards.hazard_support import open_detail
from tests.gui.incidents.incident_support import login


def _remediated(ctx: AppContext, severity: HazardSeverity = HazardSeverity.GENERAL) -> int:
    staff, hazards = login(ctx, "staff"), ctx.services.hazards
    data = HazardInput(description="安全出口指示灯不亮", severity=severity, location="营业厅", owner="李娜")
    hazard_id = hazards.create(staff, data).info.id
    if severity == HazardSeverity.MAJOR:  # its milestones, as verifying needs
        for kind in rules.MILESTONE_KINDS:
            hazards.add_step(staff, hazard_id, kind, "已按制度办理")
    hazards.add_step(staff, hazard_id, RemediationKind.ACTION, "更换灯管")
    hazards.remediate(staff, hazard_id)
    return hazard_id


def _verified(ctx: AppContext, severity: HazardSeverity = HazardSeverity.GENERAL) -> int:
    hazard_id = _remediated(ctx, severity)
    ctx.services.hazards.verify(login(ctx, "lead"), hazard_id, "现场复查合格")
    return hazard_id



def _stored(ctx: AppContext, hazard_id: int) -> Any:
    return ctx.services.hazards.get(login(ctx, "lead"), hazard_id).info


def _answer(view: HazardDetailDialog, button: str) -> None:
    question = view.unsaved_question
    assert question is not None and question.isVisible()
    found = question.findChild(QAbstractButton, button)
    assert found is not None
    found.click()
    assert view.unsaved_question is None


def _note(view: HazardDetailDialog, text: str) -> None:
    closing = view.confirm_dialog
    assert closing is not None and closing.objectName() == "hazard_close_dialog" and closing.isVisible()
    closing.reason.setText(text)
    closing.submit()


def test_closing_with_typing_not_saved_asks_and_cancel_keeps_it(gui_ctx: AppContext, qtbot: Any) -> None:
    hazard_id = _verified(gui_ctx)
    view = open_detail(gui_ctx, qtbot, hazard_id)
    view.fields.location.setText("自助区")
    view.close_button.click()
    assert view.confirm_dialog is None  # not the close's note yet: the unsaved edits first
    question = view.unsaved_question
    assert question is not None and view.fields.captions["location"].text() in question.text()
    _answer(view, UnsavedHazardEdits.CANCEL)
    assert view.confirm_dialog is None and view.fields.location.text() == "自助区"
    assert _stored(gui_ctx, hazard_id).status == HazardStatus.VERIFIED


def test_save_and_close_writes_the_typing_then_asks_the_note(gui_ctx: AppContext, qtbot: Any) -> None:
    hazard_id = _verified(gui_ctx)
    view = open_detail(gui_ctx, qtbot, hazard_id)
    view.fields.location.setText("自助区")
    view.close_button.click()
    _answer(view, UnsavedHazardEdits.SAVE)
    assert _stored(gui_ctx, hazard_id).location == "自助区"  # saved before the note is asked
    _note(view, "整改完毕，销号")
    stored = _stored(gui_ctx, hazard_id)
    assert (stored.status, stored.location) == (HazardStatus.CLOSED, "自助区")
    assert view.save_button.isHidden() and view.fields.location.text() == "自助区"


def test_close_without_saving_says_what_goes_and_keeps_it_until_the_note(
    gui_ctx: AppContext, qtbot: Any
) -> None:
    hazard_id = _verified(gui_ctx)
    view = open_detail(gui_ctx, qtbot, hazard_id)
    view.fields.owner.set_name("王建国")
    view.close_button.click()
    _answer(view, UnsavedHazardEdits.DISCARD)
    assert view.confirm_dialog is not None
    view.confirm_dialog.reject()  # the note cancelled: nothing closed, the typing still there
    assert view.fields.owner.name() == "王建国"
    assert _stored(gui_ctx, hazard_id).status == HazardStatus.VERIFIED
    view.close_button.click()
    _answer(view, UnsavedHazardEdits.DISCARD)
    _note(view, "整改完毕，销号")
    stored = _stored(gui_ctx, hazard_id)
    assert (stored.status, stored.owner) == (HazardStatus.CLOSED, "李娜")  # as the lead chose


def test_save_and_close_with_a_lower_severity_asks_why_then_the_note(gui_ctx: AppContext, qtbot: Any) -> None:
    hazard_id = _verified(gui_ctx, HazardSeverity.MAJOR)
    view = open_detail(gui_ctx, qtbot, hazard_id)
    view.fields.severity.setCurrentIndex(view.fields.severity.findData(HazardSeverity.GENERAL.value))
    view.close_button.click()
    _answer(view, UnsavedHazardEdits.SAVE)
    lower = view.confirm_dialog
    assert lower is not None and lower.objectName() == "hazard_downgrade_dialog"
    lower.reason.setText("复核后认定为一般隐患")
    lower.submit()
    assert _stored(gui_ctx, hazard_id).severity == HazardSeverity.GENERAL
    _note(view, "整改完毕，销号")
    assert _stored(gui_ctx, hazard_id).status == HazardStatus.CLOSED


def test_nothing_typed_closes_as_before_and_verifying_keeps_the_typing(
    gui_ctx: AppContext, qtbot: Any
) -> None:
    hazard_id = _remediated(gui_ctx)
    view = open_detail(gui_ctx, qtbot, hazard_id)
    view.fields.location.setText("自助区")
    view.verify_button.click()
    assert view.confirm_dialog is not None
    view.confirm_dialog.reason.setText("现场复查合格")
    view.confirm_dialog.submit()
    assert _stored(gui_ctx, hazard_id).status == HazardStatus.VERIFIED
    assert view.fields.location.text() == "自助区"  # still editable once verified: kept
    assert view.save()
    view.close_button.click()
    assert view.unsaved_question is None
    _note(view, "整改完毕，销号")
    assert _stored(gui_ctx, hazard_id).status == HazardStatus.CLOSED
