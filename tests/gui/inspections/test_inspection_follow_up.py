"""The runner's follow-up of a failed item (issue 18): a blocked exit asks what was done on the
spot and its hazard is recorded closed; a failed card slot offers the ATM plan and starts it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, Qt
from PySide6.QtGui import QColor, QImage

from branchguard.context import AppContext
from branchguard.core.hazards.types import HazardFilter, HazardStatus
from branchguard.core.inspections.types import ItemResult, SignatureRole
from branchguard.gui.inspections.page import InspectionsPage
from tests.gui.incidents.incident_support import login
from tests.gui.inspections.test_inspection_runner import press, start_by_keyboard

K = Qt.Key


def jpeg_bytes() -> bytes:
    """A real (tiny) JPEG: the runner stays on the failed item and shows its photo's thumbnail."""
    image = QImage(16, 12, QImage.Format.Format_RGB32)
    image.fill(QColor("#607d8b"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "JPEG")
    buffer.close()
    return bytes(data.data())


def test_a_blocked_exit_is_corrected_on_the_spot_from_the_runner(
    open_window: Any, gui_ctx: AppContext, qtbot: Any
) -> None:
    window = open_window("staff")
    page = window.show_page("inspections")
    assert isinstance(page, InspectionsPage)
    runner = start_by_keyboard(qtbot, page, "FIRE_DAILY", "Lobby")
    press(qtbot, runner, K.Key_P, K.Key_F)  # item 2, exits clear, fails
    bar = runner.follow_up
    assert bar.isVisible() and bar.answer is not None and bar.answer.number == 2
    assert bar.correction.isVisible() and not bar.plan_button.isVisible()
    assert runner.current == 2 and runner.note_edit.hasFocus()  # the failed item stays, its note open
    qtbot.keyClicks(bar.correction, "boxes moved away")
    qtbot.keyClick(bar.correction, K.Key_Return)
    assert not bar.isVisible()
    lead = login(gui_ctx, "lead")
    svc = gui_ctx.services.inspections
    iid = runner.inspection_id
    qtbot.waitUntil(lambda: svc.get(lead, iid).answers[1].correction is not None, timeout=5000)
    svc.add_photo_bytes(lead, runner.inspection_id, 2, "exit.jpg", jpeg_bytes())
    svc.answer_rest(lead, runner.inspection_id)
    svc.sign(lead, runner.inspection_id, SignatureRole.INSPECTOR, "Zhang San")
    svc.submit(lead, runner.inspection_id)
    (hazard,) = gui_ctx.services.hazards.list(lead, HazardFilter(inspection_id=runner.inspection_id))
    assert hazard.status == HazardStatus.CLOSED


def test_a_failed_card_slot_offers_and_starts_the_atm_plan(
    open_window: Any, gui_ctx: AppContext, qtbot: Any
) -> None:
    window = open_window("staff")
    page = window.show_page("inspections")
    assert isinstance(page, InspectionsPage)
    runner = start_by_keyboard(qtbot, page, "SELF_SERVICE", "ATM lobby")
    press(qtbot, runner, K.Key_F)  # item 1, the card slot
    bar = runner.follow_up
    assert bar.isVisible() and bar.plan_button.isVisible() and "ATM" in bar.plan_button.text()
    assert not bar.correction.isVisible()
    changed: list[str] = []
    runner.session.data_changed.connect(changed.append)
    bar.plan_button.click()
    qtbot.waitUntil(lambda: "incident" in changed, timeout=5000)
    lead = login(gui_ctx, "lead")
    answer = gui_ctx.services.inspections.get(lead, runner.inspection_id).answers[0]
    assert answer.result == ItemResult.FAIL and answer.incident_id is not None
    incident = gui_ctx.services.incidents.get(lead, answer.incident_id, with_entries=False)
    assert incident.summary.playbook_code == "ATM"
    assert f"#{answer.incident_id}" in runner.message.text()
