"""The inspection runner, by keyboard: answer, note, submit; the hazards it opens in the register;
closing one of them takes two people."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from branchguard.context import AppContext
from branchguard.core.hazards.types import HazardFilter, HazardStatus
from branchguard.core.inspections.types import InspectionInput, InspectionStatus, ItemResult, SignatureRole
from branchguard.gui.hazards.detail import HazardDetailDialog
from branchguard.gui.hazards.page import HazardsPage
from branchguard.gui.inspections.dialogs import StartInspectionDialog
from branchguard.gui.inspections.models import FAIL_BACKGROUND, ChecklistModel
from branchguard.gui.inspections.page import InspectionsPage
from branchguard.gui.inspections.runner import InspectionRunner
from branchguard.gui.inspections.runner.dialogs import SubmitDialog
from branchguard.gui.kit import tasks
from tests.gui.conftest import ThreadWatch
from tests.gui.incidents.incident_support import PASSWORDS, login, read_every_cell, session_for

ALARM = "ALARM"  # six items, none needs a photo on fail
FIRE_DAILY = "FIRE_DAILY"  # item 1 needs a photo when it fails
K = Qt.Key


def start_by_keyboard(qtbot: Any, page: InspectionsPage, code: str, location: str) -> InspectionRunner:
    dialog = page.ask_start(code)
    assert isinstance(dialog, StartInspectionDialog)
    qtbot.keyClicks(dialog.location, location)
    qtbot.keyClick(dialog.location, K.Key_Return)  # the dialog's default button: Start
    assert dialog.started is not None, dialog.error.text()
    runner = page.runner(dialog.started.info.id)
    assert runner is not None
    assert page.tabs.currentWidget() is runner
    return runner


def press(qtbot: Any, runner: InspectionRunner, *keys: Qt.Key) -> None:
    for key in keys:
        qtbot.keyClick(runner.table, key)


def stored_results(ctx: AppContext, inspection_id: int) -> list[ItemResult | None]:
    detail = ctx.services.inspections.get(login(ctx, "lead"), inspection_id)
    return [a.result for a in detail.answers]


def test_a_keyboard_run_opens_two_hazards_and_closing_one_takes_two_people(
    open_window: Any, gui_ctx: AppContext, qtbot: Any
) -> None:
    window = open_window("staff")
    page = window.show_page("inspections")
    assert isinstance(page, InspectionsPage)
    runner = start_by_keyboard(qtbot, page, ALARM, "Lobby")  # QTest types Latin keys only
    inspection_id = runner.inspection_id
    assert runner.current == 1
    assert runner.card.text.text() == runner.model.row_at(0).item.text.text

    press(qtbot, runner, K.Key_P)  # item 1 passes, the runner moves to 2 ...
    assert stored_results(gui_ctx, inspection_id)[0] == ItemResult.PASS  # ... saved as it was given
    assert runner.current == 2
    press(qtbot, runner, K.Key_F)  # 2 fails: the runner stays on it, in its note
    assert runner.current == 2
    assert runner.note_edit.hasFocus()
    qtbot.keyClicks(runner.note_edit, "no signal from button 2")
    qtbot.keyClick(runner.note_edit, K.Key_Return)  # the note given, on to 3
    assert runner.current == 3
    assert runner.table.hasFocus()
    press(qtbot, runner, K.Key_N, K.Key_F)  # 3 n/a, 4 fails ...
    assert runner.current == 4 and runner.note_edit.hasFocus()
    qtbot.keyClick(runner.note_edit, K.Key_Return)  # ... with no note
    press(qtbot, runner, K.Key_P, K.Key_P)  # 5 and 6 pass

    assert stored_results(gui_ctx, inspection_id) == [
        ItemResult.PASS,
        ItemResult.FAIL,
        ItemResult.NA,
        ItemResult.FAIL,
        ItemResult.PASS,
        ItemResult.PASS,
    ]
    detail = gui_ctx.services.inspections.get(login(gui_ctx, "lead"), inspection_id)
    assert detail.answers[1].note == "no signal from button 2"
    assert detail.info.location == "Lobby"
    assert runner.progress.text().startswith("6 / 6 answered, 2 failed")
    failed_rows = [
        r
        for r in range(runner.model.rowCount())
        if runner.model.index(r, ChecklistModel.COL_TEXT).data(Qt.ItemDataRole.BackgroundRole)
        == FAIL_BACKGROUND
    ]
    assert failed_rows == [1, 3]
    read_every_cell(runner.model)

    qtbot.keyClick(runner.table, K.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Submit…
    dialog = runner.findChild(SubmitDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.hazards.count() == 2  # the hazards it will open are listed before confirming
    qtbot.keyClick(dialog.hazards, K.Key_Return)  # the default button: Submit

    detail = gui_ctx.services.inspections.get(login(gui_ctx, "lead"), inspection_id)
    assert detail.info.status == InspectionStatus.SUBMITTED
    inspector = detail.signature(SignatureRole.INSPECTOR)
    assert inspector is not None and inspector.signed_by == "staff"
    assert not runner.pass_button.isVisible()
    assert runner.amend_button.isVisible()
    press(qtbot, runner, K.Key_P)  # read-only now: the key changes nothing
    assert stored_results(gui_ctx, inspection_id)[1] == ItemResult.FAIL

    runner.move_to(2)
    assert not runner.hazard_button.isHidden()
    from_run = runner.open_hazard()
    assert from_run is not None and from_run.detail is not None
    assert (from_run.detail.info.inspection_id, from_run.detail.info.item_number) == (inspection_id, 2)
    from_run.done(0)
    runner.move_to(1)
    assert runner.hazard_button.isHidden()  # a passed item opened none

    register = window.show_page("hazards")
    assert isinstance(register, HazardsPage)
    ours = [h for h in register.shown() if h.inspection_id == inspection_id]
    assert sorted(h.item_number for h in ours) == [2, 4]
    first = next(h for h in ours if h.item_number == 2)

    # User A (staff) remediates the first hazard ...
    detail_dialog = register.open_hazard(first.id)
    assert not detail_dialog.remediate_button.isEnabled()  # no action step yet
    step = detail_dialog.ask_step()
    step.text.setPlainText("更换2号紧急按钮并联调报警中心")
    step.accept()
    assert detail_dialog.remediate_button.isEnabled()
    assert detail_dialog.remediate()
    assert detail_dialog.detail is not None
    assert detail_dialog.detail.info.status == HazardStatus.REMEDIATED
    # ... and cannot verify it: verifying is the lead's, so it is not offered, and the service
    # refuses it anyway.
    assert detail_dialog.verify_button.isHidden() and detail_dialog.close_button.isHidden()
    assert not detail_dialog.verify("我自己检查过了")
    assert detail_dialog.message.text()
    lead = login(gui_ctx, "lead")
    assert gui_ctx.services.hazards.get(lead, first.id).info.status == HazardStatus.REMEDIATED
    detail_dialog.done(0)

    # User B (the lead) verifies and closes it.
    window.set_actor(gui_ctx.services.auth.login("lead", PASSWORDS["lead"]))
    register = window.show_page("hazards")
    assert isinstance(register, HazardsPage)
    detail_dialog = register.open_hazard(first.id)
    assert detail_dialog.verify_button.isEnabled()
    # a failed panic button opens a major hazard: its milestones were not recorded, the reason given
    assert detail_dialog.verify("联调报警中心，按钮报警正常", waiver="当日已修复，无需临时管控")
    assert detail_dialog.close_hazard("整改完毕，销号")
    stored = gui_ctx.services.hazards.get(lead, first.id).info
    assert (stored.status, stored.remediated_by, stored.verified_by) == (HazardStatus.CLOSED, "staff", "lead")
    still_open = [h for h in register.shown() if h.inspection_id == inspection_id]
    assert [h.item_number for h in still_open] == [4]  # the register's default filter: open ones

    # The hazard links back to the item that opened it.
    linked = register.open_hazard(still_open[0].id)
    assert not linked.source_button.isHidden()
    linked.source_button.click()
    assert window.current_page_id() == "inspections"
    inspections = window.page("inspections")
    assert isinstance(inspections, InspectionsPage)
    assert inspections.tabs.currentWidget() is inspections.runner(inspection_id)


def test_a_failed_item_that_needs_a_photo_blocks_submit_until_it_has_one(
    gui_ctx: AppContext, qtbot: Any, tmp_path: Path
) -> None:
    session = session_for(gui_ctx, "staff")
    started = gui_ctx.services.inspections.start(session.actor, FIRE_DAILY)
    runner = InspectionRunner(session, started.info.id)
    qtbot.addWidget(runner)
    runner.resize(1200, 800)
    runner.show()
    runner.focus_checklist()
    press(qtbot, runner, K.Key_F)
    qtbot.keyClick(runner.note_edit, K.Key_Escape)  # no note now: back to the checklist, still on 1
    assert runner.current == 1
    press(qtbot, runner, K.Key_J)
    for _ in range(runner.model.rowCount() - 1):
        press(qtbot, runner, K.Key_P)
    assert "1 photo" in runner.progress.text() and "missing" in runner.progress.text()
    assert runner.model.index(0, ChecklistModel.COL_PHOTOS).data() == "Photo missing"
    runner.move_to(1)
    assert runner.card.problem.text()

    assert runner.ask_submit() is None  # refused before asking: it names the item
    assert "1" in runner.message.text() and runner.current == 1
    photo = tmp_path / "插座.png"
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#795548"))
    assert image.save(str(photo))
    runner.add_photo(photo)
    assert runner.model.index(0, ChecklistModel.COL_PHOTOS).data() == "1"
    stored = gui_ctx.services.inspections.get(session.actor, started.info.id).answers[0]
    assert [p.name for p in stored.photos] == ["插座.png"]
    assert runner.photo_strip.count() == 1
    assert runner.photo_strip.has_thumbnail(stored.photos[0].sha256)  # read back from the store
    dialog = runner.ask_submit()
    assert dialog is not None
    assert dialog.hazards.count() == 1
    dialog.accept()
    assert gui_ctx.services.inspections.get(session.actor, started.info.id).info.status == (
        InspectionStatus.SUBMITTED
    )
    hazard = gui_ctx.services.hazards.list(session.actor, HazardFilter(inspection_id=started.info.id))[0]
    detail = HazardDetailDialog(session, hazard.id)
    qtbot.addWidget(detail)
    assert detail.photo_strip.refs() == stored.photos  # the failed item's photo goes with its hazard


def test_f_stays_on_the_failed_item_until_its_note_and_required_photo_are_given(
    open_window: Any, gui_ctx: AppContext, qtbot: Any, tmp_path: Path
) -> None:
    window = open_window("staff")
    page = window.show_page("inspections")
    assert isinstance(page, InspectionsPage)
    runner = start_by_keyboard(qtbot, page, FIRE_DAILY, "Lobby")
    session = runner.session
    press(qtbot, runner, K.Key_F)  # item 1 fails; it needs a photo
    assert runner.current == 1 and runner.note_edit.hasFocus()
    qtbot.keyClicks(runner.note_edit, "socket scorched")
    qtbot.keyClick(runner.note_edit, K.Key_Return)
    assert runner.current == 1  # the note alone does not complete it ...
    assert runner.photo_button.hasFocus()  # ... the photo prompt is next
    stored = gui_ctx.services.inspections.get(session.actor, runner.inspection_id).answers[0]
    assert (stored.result, stored.note) == (ItemResult.FAIL, "socket scorched")
    photo = tmp_path / "socket.png"
    image = QImage(32, 24, QImage.Format.Format_RGB32)
    image.fill(QColor("#795548"))
    assert image.save(str(photo))
    not_a_photo = tmp_path / "socket.jpg"
    not_a_photo.write_bytes(b"%PDF-1.4\n")  # a PDF renamed .jpg: refused, and said so
    runner.add_photo(not_a_photo)
    qtbot.waitUntil(lambda: "socket.jpg" in runner.message.text())
    assert runner.current == 1
    runner.add_photo(photo)
    qtbot.waitUntil(lambda: runner.current == 2)  # complete: on to the next item
    assert runner.table.hasFocus()
    assert runner.message.text() == ""  # the refusal went with the photo that was then added


def test_the_reviewer_must_be_someone_else_and_an_amendment_needs_a_reason(
    gui_ctx: AppContext, qtbot: Any
) -> None:
    session = session_for(gui_ctx, "lead")
    started = gui_ctx.services.inspections.start(session.actor, ALARM)
    runner = InspectionRunner(session, started.info.id)
    qtbot.addWidget(runner)
    runner.show()
    runner.signatures.inspector.set_name("王建国")
    runner.signatures.reviewer.set_name("王建国")
    runner.signatures.sign_reviewer.click()
    assert "different person" in runner.signatures.error.text()
    assert gui_ctx.services.inspections.get(session.actor, started.info.id).signatures == ()
    assert runner.ask_submit() is None  # every item unanswered: names them
    assert "1, 2, 3, 4, 5, 6" in runner.message.text()

    runner.answer_rest()
    runner.signatures.reviewer.set_name("李娜")
    runner.signatures.sign_inspector.click()
    runner.signatures.sign_reviewer.click()
    detail = gui_ctx.services.inspections.get(session.actor, started.info.id)
    assert {s.role: s.name for s in detail.signatures} == {
        SignatureRole.INSPECTOR: "王建国",
        SignatureRole.REVIEWER: "李娜",
    }
    runner.submit()
    assert runner.detail is not None and runner.detail.info.status == InspectionStatus.SUBMITTED
    # who recorded it, by name ("recorded by lead" named no one), on lines that wrap at 1024 px
    state = runner.signatures.inspector_state
    name = gui_ctx.services.auth.names(session.actor)("lead")
    assert name != "lead"
    qtbot.waitUntil(lambda: f"recorded by {name})" in state.text())
    assert state.wordWrap()

    runner.move_to(3)
    amend = runner.ask_amend()
    assert amend is not None
    amend.result_combo.setCurrentIndex(amend.result_combo.findData(ItemResult.FAIL.value))
    amend.submit()  # no reason: refused in the dialog
    assert amend.form.error_text("reason")
    amend.reason.setText("复核发现3号探测器失效")
    amend.submit()
    detail = gui_ctx.services.inspections.get(session.actor, started.info.id)
    assert detail.answers[2].result == ItemResult.FAIL
    assert len(detail.amendments) == 1 and detail.amendments[0].reason == "复核发现3号探测器失效"
    hazards = gui_ctx.services.hazards.list(session.actor, HazardFilter(inspection_id=started.info.id))
    assert [h.item_number for h in hazards] == [3]


def test_an_auditor_reads_inspections_but_cannot_run_them(open_window: Any, gui_ctx: AppContext) -> None:
    staff = login(gui_ctx, "staff")
    started = gui_ctx.services.inspections.start(staff, ALARM)
    window = open_window("auditor")
    page = window.show_page("inspections")
    assert isinstance(page, InspectionsPage)
    overview = page.overview
    assert not overview.start_button.isVisible()
    assert not overview.new_button.isVisible() and not overview.schedule_button.isVisible()
    assert overview.history_model.find_row(lambda i: i.id == started.info.id) >= 0
    runner = page.open_inspection(started.info.id)
    assert not runner.pass_button.isVisible() and not runner.submit_button.isVisible()
    runner.answer_current(ItemResult.FAIL)
    assert stored_results(gui_ctx, started.info.id)[0] is None
    assert QApplication.activeModalWidget() is None


def test_answers_still_being_saved_when_the_window_closes_are_not_lost(
    open_window: Any, gui_ctx: AppContext, qtbot: Any
) -> None:
    started = gui_ctx.services.inspections.start(login(gui_ctx, "staff"), ALARM)
    window = open_window("staff")
    page = window.show_page("inspections")
    assert isinstance(page, InspectionsPage)
    runner = page.open_inspection(started.info.id)
    tasks.set_inline(False)  # the real thing: answers queue on the writer thread
    try:
        press(qtbot, runner, K.Key_P, K.Key_F)
        qtbot.keyClick(runner.note_edit, K.Key_Return)  # no note for item 2: on to 3
        press(qtbot, runner, K.Key_N, K.Key_P, K.Key_P, K.Key_F)
        window.close()  # waits for the queued writes
        results = stored_results(gui_ctx, started.info.id)
    finally:
        tasks.set_inline(True)
        qtbot.waitUntil(lambda: runner.pending == 0)  # their callbacks, before the next test
    assert results == [ItemResult.PASS, ItemResult.FAIL, ItemResult.NA, ItemResult.PASS, ItemResult.PASS,
                       ItemResult.FAIL]


def test_a_run_left_open_comes_back_as_a_tab_and_f1_lists_its_keys(
    open_window: Any, gui_ctx: AppContext, qtbot: Any
) -> None:
    staff = login(gui_ctx, "staff")
    mine = gui_ctx.services.inspections.start(staff, ALARM).info.id
    gui_ctx.services.inspections.answer(staff, mine, 1, ItemResult.PASS)
    others = gui_ctx.services.inspections.start(login(gui_ctx, "lead"), ALARM).info.id
    window = open_window("staff")  # as after a restart
    page = window.show_page("inspections")
    assert isinstance(page, InspectionsPage)
    runner = page.runner(mine)
    assert runner is not None and page.runner(others) is None  # only the user's own runs
    assert runner.current == 2  # where they left off: the first unanswered item
    page.tabs.setCurrentWidget(runner)
    runner.focus_checklist()
    rows = dict(window.shortcut_rows())
    assert rows["P"] == "Inspection: pass the current item"
    assert rows["F"] == "Inspection: fail the current item"
    assert rows["N"] == "Inspection: current item not applicable"


def test_the_report_of_a_run_is_built_off_the_gui_thread_previewed_and_saved(
    gui_ctx: AppContext, qtbot: Any, tmp_path: Path, pool_tasks: ThreadWatch
) -> None:
    from branchguard.reports import inspection_report

    pool_tasks.watch(inspection_report, "build_inspection_report")
    session = session_for(gui_ctx, "staff")
    started = gui_ctx.services.inspections.start(session.actor, ALARM, InspectionInput(location="营业厅"))
    runner = InspectionRunner(session, started.info.id)
    qtbot.addWidget(runner)
    assert not runner.report_button.isHidden()  # a draft's report says DRAFT on every page
    runner.report_button.click()
    preview = runner.report_preview
    assert preview is not None
    qtbot.waitUntil(lambda: preview.page_count > 0, timeout=30_000)
    assert pool_tasks.ran_off_the_gui_thread("build_inspection_report")
    out = tmp_path / "巡检.pdf"
    preview.save_to(out)
    qtbot.waitUntil(lambda: preview.last_saved == out, timeout=30_000)
    assert out.read_bytes().startswith(b"%PDF")
    preview.close()


def test_only_failed_rows_are_painted_red(gui_ctx: AppContext, qtbot: Any) -> None:
    """Through a real paint: a view's delegate reuses its role buffer from cell to cell, so a cell
    that has no background must not show the failed row's painted before it."""
    session = session_for(gui_ctx, "staff")
    started = gui_ctx.services.inspections.start(session.actor, ALARM)
    for number, result in ((1, ItemResult.FAIL), (2, ItemResult.PASS), (3, ItemResult.FAIL)):
        gui_ctx.services.inspections.answer(session.actor, started.info.id, number, result)
    runner = InspectionRunner(session, started.info.id)
    qtbot.addWidget(runner)
    runner.resize(1200, 800)
    runner.show()
    runner.table.clearSelection()
    runner.table.setCurrentIndex(runner.model.index(5, 0))  # the selection colour off the rows read
    image = runner.table.viewport().grab().toImage()
    column = runner.table.columnViewportPosition(ChecklistModel.COL_NOTE) + 5

    def ground(row: int) -> str:
        return image.pixelColor(column, runner.table.rowViewportPosition(row) + 3).name()

    assert [ground(row) for row in range(5)] == [
        FAIL_BACKGROUND.name(), "#ffffff", FAIL_BACKGROUND.name(), "#ffffff", "#ffffff",
    ]
