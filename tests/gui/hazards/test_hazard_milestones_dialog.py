"""Verifying or closing a major hazard whose milestones (interim control, plan, head-office report)
are not recorded: the dialog names them before anything is confirmed and asks the reason for going
ahead without them; a refusal stays in the dialog; once through, the detail and the register's list
say so. A general hazard's dialog asks the note alone, as before."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from branchguard.context import AppContext
from branchguard.core.hazards.types import (
    HazardEventKind,
    HazardInput,
    HazardSeverity,
    HazardStatus,
    RemediationKind,
)
from branchguard.gui.hazards.closing import ClosingDialog
from branchguard.gui.hazards.models import HazardListModel
from tests.gui.hazards.hazard_support import open_detail
from tests.gui.incidents.incident_support import login

K = RemediationKind


def _remediated(ctx: AppContext, severity: HazardSeverity, *milestones: RemediationKind) -> int:
    staff, hazards = login(ctx, "staff"), ctx.services.hazards
    data = HazardInput(description="金库报警线路被切断", severity=severity, location="金库", owner="李娜")
    hazard_id = hazards.create(staff, data).info.id
    for kind in (*milestones, K.ACTION):
        hazards.add_step(staff, hazard_id, kind, "已办理")
    hazards.remediate(staff, hazard_id)
    return hazard_id



def test_the_milestones_outstanding_are_named_and_a_reason_asked(gui_ctx: AppContext, qtbot: Any) -> None:
    hazard_id = _remediated(gui_ctx, HazardSeverity.MAJOR, K.INTERIM_CONTROL)
    view = open_detail(gui_ctx, qtbot, hazard_id)
    dialog = view.ask_verify()
    assert isinstance(dialog, ClosingDialog) and dialog.asks_waiver()
    assert dialog.milestones.isVisibleTo(dialog)
    assert "Remediation plan, Reported to head office" in dialog.milestones.text()
    assert "Interim control" not in dialog.milestones.text()  # recorded: not named
    dialog.reason.setText("现场复查合格")
    dialog.submit()  # no reason: asked for, in the dialog, under its field
    assert dialog.isVisible() and dialog.reason.text() == "现场复查合格"
    assert dialog.form.error_text("waiver") == "Please give the reason, or record the milestones first."
    stored = gui_ctx.services.hazards.get(login(gui_ctx, "lead"), hazard_id)
    assert stored.info.status == HazardStatus.REMEDIATED
    dialog.waiver_edit.setText("上级行安保部已电话确认，方案另行报送")
    dialog.submit()
    assert not dialog.isVisible()
    stored = gui_ctx.services.hazards.get(login(gui_ctx, "lead"), hazard_id)
    assert stored.info.status == HazardStatus.VERIFIED and stored.events[-1].kind == HazardEventKind.WAIVED
    assert "上级行安保部已电话确认" in stored.events[-1].note
    assert "MILESTONES OUTSTANDING" in view.state.text() and "上级行安保部已电话确认" in view.deadlines.text()
    closing = view.ask_close()  # the verification's reason stands for the close
    assert isinstance(closing, ClosingDialog) and not closing.asks_waiver()
    assert not closing.milestones.isVisibleTo(closing)
    closing.reason.setText("销号")
    closing.submit()
    assert not closing.isVisible()
    assert gui_ctx.services.hazards.get(login(gui_ctx, "lead"), hazard_id).info.status == HazardStatus.CLOSED
    assert "MILESTONES OUTSTANDING" in view.state.text()


def test_a_general_hazard_or_one_with_its_milestones_asks_the_note_alone(
    gui_ctx: AppContext, qtbot: Any
) -> None:
    for hazard_id in (
        _remediated(gui_ctx, HazardSeverity.GENERAL),
        _remediated(gui_ctx, HazardSeverity.MAJOR, K.INTERIM_CONTROL, K.PLAN, K.HEAD_OFFICE_REPORT),
    ):
        view = open_detail(gui_ctx, qtbot, hazard_id)
        dialog = view.ask_verify()
        assert not dialog.asks_waiver() and not dialog.milestones.isVisibleTo(dialog)
        dialog.reason.setText("现场复查合格")
        dialog.submit()
        assert not dialog.isVisible()
        info = gui_ctx.services.hazards.get(login(gui_ctx, "lead"), hazard_id).info
        assert info.status == HazardStatus.VERIFIED and not info.closed_short
        assert "MILESTONES OUTSTANDING" not in view.state.text()


def test_milestones_the_dialog_was_not_shown_are_refused_there_with_the_reason_asked(
    gui_ctx: AppContext, qtbot: Any
) -> None:
    """Raised to major on another PC after the detail was read: the refusal shows the reason's field."""
    hazard_id = _remediated(gui_ctx, HazardSeverity.GENERAL)
    view = open_detail(gui_ctx, qtbot, hazard_id)
    dialog = view.ask_verify()
    assert not dialog.asks_waiver()
    lead = login(gui_ctx, "lead")
    raised = HazardInput(description="金库报警线路被切断", severity=HazardSeverity.MAJOR, owner="李娜")
    gui_ctx.services.hazards.update(lead, hazard_id, raised)
    dialog.reason.setText("现场复查合格")
    dialog.submit()
    assert dialog.isVisible() and dialog.asks_waiver()
    assert "Interim control, Remediation plan, Reported to head office" in dialog.error.text()
    assert dialog.error.isVisibleTo(dialog)
    assert gui_ctx.services.hazards.get(lead, hazard_id).info.status == HazardStatus.REMEDIATED


def test_the_register_list_says_which_went_ahead_without_milestones(gui_ctx: AppContext, qtbot: Any) -> None:
    lead, hazards = login(gui_ctx, "lead"), gui_ctx.services.hazards
    short = _remediated(gui_ctx, HazardSeverity.MAJOR, K.INTERIM_CONTROL)
    hazards.verify(lead, short, "现场复查合格", waiver="方案另行报送")
    whole = _remediated(gui_ctx, HazardSeverity.MAJOR, K.INTERIM_CONTROL, K.PLAN, K.HEAD_OFFICE_REPORT)
    hazards.verify(lead, whole, "现场复查合格")
    model = HazardListModel()
    model.set_rows(hazards.list(lead))
    status = HazardListModel.COL_STATUS

    def cell(hazard_id: int, role: Qt.ItemDataRole) -> Any:
        return model.index(model.find_row(lambda h: h.id == hazard_id), status).data(role)

    assert cell(short, Qt.ItemDataRole.DisplayRole) == "Verified · milestones outstanding"
    assert "Remediation plan, Reported to head office" in cell(short, Qt.ItemDataRole.ToolTipRole)
    assert cell(whole, Qt.ItemDataRole.DisplayRole) == "Verified"
    assert cell(whole, Qt.ItemDataRole.ToolTipRole) is None
