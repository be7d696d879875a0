"""The incident console: start dialog, steps, quick log and corrections, level, attachments,
initial report, close, what each role may do, the clocks, and the paged log model."""

from __future__ import annotations

import re
import sys
from datetime import timedelta
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QModelIndex, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QHelpEvent, QImage
from PySide6.QtTest import QAbstractItemModelTester, QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QTableView, QToolTip

from branchguard.context import AppContext
from branchguard.core.incidents.types import EntryKind, IncidentStatus, StepState
from branchguard.core.kernel.types import Level
from branchguard.gui.incidents.console import IncidentConsole
from branchguard.gui.incidents.console.close_dialog import parse_yuan
from branchguard.gui.incidents.console.log_panel import LogView
from branchguard.gui.incidents.log_model import IncidentLogModel
from branchguard.gui.incidents.page import IncidentsPage
from branchguard.gui.incidents.steps_model import IncidentStepsModel
from branchguard.gui.kit import style
from branchguard.gui.kit.plain import tip
from branchguard.gui.kit.times import date_time, local_clock
from branchguard.gui.shell.session import GuiSession
from tests.gui.incidents.incident_support import (
    MODE,
    cells,
    login,
    open_console,
    read_every_cell,
    session_for,
    stored,
)

CJK = re.compile(r"[\u3400-\u9fff]")
# Offscreen, showing a tooltip (a popup) warns that the platform cannot raise it.
TOOLTIP_WARNINGS = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support propagateSizeHints"
)


@pytest.fixture
def fire(gui_ctx: AppContext) -> int:
    return gui_ctx.services.incidents.start(login(gui_ctx, "lead"), "FIRE").id


@pytest.fixture
def console(gui_ctx: AppContext, fire: int, qtbot: Any) -> IncidentConsole:
    return open_console(qtbot, session_for(gui_ctx, "lead"), fire)


def log_texts(console: IncidentConsole) -> list[str]:
    return cells(console.log.model, IncidentLogModel.COL_TEXT)


def hover_tooltip(view: QTableView, row: int, column: int = IncidentLogModel.COL_TEXT) -> str:
    """The tooltip the view shows when the mouse rests on the cell."""
    QToolTip.hideText()
    point = view.visualRect(view.model().index(row, column)).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    return QToolTip.text()


def states(ctx: AppContext, incident_id: int) -> list[StepState]:
    return [s.state for s in stored(ctx, incident_id).steps]


# -- starting ----------------------------------------------------------------------------------
def test_f9_then_typing_and_enter_starts_the_most_likely_plan(open_window, gui_ctx, qtbot) -> None:
    window = open_window("lead")
    assert window.incident_bar is not None and not window.incident_bar.banner.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    dialog = window.incident_bar.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.filter.setText("火灾")  # QTest cannot type Chinese
    assert dialog.plans.item(0).text().startswith("FIRE")
    assert dialog.chosen_plan() is not None and dialog.chosen_plan().code == "FIRE"
    assert dialog.level.currentText() == Level.II.label  # FIRE's first level
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)

    page = window.page("incidents")
    assert isinstance(page, IncidentsPage) and window.current_page_id() == "incidents"
    console = page.current_console()
    assert console is not None
    summary = stored(gui_ctx, console.incident_id).summary
    assert (summary.playbook_code, summary.level, summary.drill, summary.started_by) == (
        "FIRE", Level.II, False, "lead"
    )
    assert console.header.title.text() == "Fire and evacuation on-site response plan"  # the UI language
    assert console.header.level_badge.text() == Level.II.label
    assert style.level_swatch("II").background in console.header.level_badge.styleSheet()
    assert not console.header.drill_badge.isVisibleTo(console)
    assert console.header.meta.text().startswith("FIRE v1 · started ")
    assert window.incident_bar.banner.isVisible()


def test_down_arrow_picks_another_plan_and_ad_hoc_takes_the_typed_title(open_window, gui_ctx, qtbot) -> None:
    window = open_window("staff")  # staff may start too
    bar = window.incident_bar
    assert bar is not None
    bar.start()
    dialog = bar.dialog
    assert dialog is not None
    dialog.filter.setText("水管爆裂")  # no plan matches: ad hoc is the only choice
    assert dialog.plans.count() == 1 and dialog.chosen_plan() is None
    assert "水管爆裂" in dialog.plans.item(0).text()
    assert dialog.level.currentData() == "III"
    dialog.level.setCurrentIndex(dialog.level.findData("II"))
    dialog.drill.setChecked(True)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)

    live = gui_ctx.services.incidents.open_incidents(login(gui_ctx, "lead"))
    assert [(s.title, s.playbook_code, s.level, s.drill) for s in live] == [
        ("水管爆裂", None, Level.II, True)
    ]
    page = window.page("incidents")
    assert isinstance(page, IncidentsPage)
    console = page.current_console()
    assert console is not None and console.header.drill_badge.isVisibleTo(console)
    assert console.header.drill_badge.text() == "演练 DRILL"
    assert console.header.drill_strip.text().startswith("演练 DRILL")
    assert console.header.meta.text().startswith("Ad hoc (no playbook)")


def test_typing_narrows_the_list_and_arrow_keys_move_in_it(open_window, qtbot) -> None:
    window = open_window("lead")
    assert window.incident_bar is not None
    window.incident_bar.start()
    dialog = window.incident_bar.dialog
    assert dialog is not None
    everything = dialog.plans.count()
    assert everything == 25  # 24 approved starter plans (service guides are not started) and "ad hoc"
    qtbot.keyClicks(dialog.filter, "R")
    codes = [dialog.plans.item(r).text().split()[0] for r in range(dialog.plans.count() - 1)]
    # what starts with R first (robbery, hostage-taking in the branch's robbery, rumour), then
    # what contains an R
    assert {"ROB", "RUM"} <= set(codes[:3]) and "FIRE" in codes[3:]
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Down)
    assert dialog.chosen_plan() is not None and dialog.chosen_plan().code == codes[1]
    dialog.reject()


def test_an_auditor_cannot_start(open_window, qtbot) -> None:
    window = open_window("auditor")
    bar = window.incident_bar
    assert bar is not None
    assert not bar.start_action.isEnabled() and not bar.start_action.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert bar.dialog is None


# -- steps -------------------------------------------------------------------------------------
def test_ctrl_d_and_enter_mark_steps_done_and_skip_asks_for_a_reason(console, gui_ctx, fire, qtbot) -> None:
    with qtbot.waitActive(console):
        console.activateWindow()
    qtbot.keyClick(console, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert states(gui_ctx, fire)[:2] == [StepState.DONE, StepState.PENDING]
    model = console.steps.model
    assert model.index(0, IncidentStepsModel.COL_STATE).data() == "Done"
    # people by display name, as the reports name them: the demo lead's login is "lead"
    assert model.index(0, IncidentStepsModel.COL_BY).data().startswith("王建国 · ")
    assert set(cells(console.log.model, IncidentLogModel.COL_ACTOR)) == {"王建国"}
    assert "by 王建国" in console.header.meta.text() and "by lead" not in console.header.meta.text()
    assert console.steps.selected_number() == 2  # the selection moved on to the current step

    console.steps.table.setFocus()
    qtbot.keyClick(console.steps.table, Qt.Key.Key_Return)
    assert states(gui_ctx, fire)[:3] == [StepState.DONE, StepState.DONE, StepState.PENDING]

    dialog = console.ask_skip(3)
    assert dialog is not None
    dialog.submit()  # no reason: refused, said under the field
    assert dialog.isVisible() and dialog.form.error_text("reason") == "Please fill this in."
    dialog.reason.setText("119 已由物业拨打")
    dialog.submit()
    detail = stored(gui_ctx, fire)
    assert detail.steps[2].state == StepState.SKIPPED and detail.steps[2].reason == "119 已由物业拨打"
    assert model.index(2, IncidentStepsModel.COL_STATE).data() == "Skipped: 119 已由物业拨打"
    assert console.steps.heading.text() == "Steps (3 of 14 done or skipped)"
    assert log_texts(console)[-1] == "Step 3 skipped: 119 已由物业拨打"


def test_a_step_past_its_target_is_shown_in_red(console) -> None:
    model = console.steps.model
    step = model.row_at(0)
    assert console.detail is not None
    late = console.detail.summary.started_at + timedelta(minutes=(step.target_minutes or 0) + 1)
    assert model.overdue(step, late) and not model.overdue(step, console.detail.summary.started_at)


# -- the log -----------------------------------------------------------------------------------
@TOOLTIP_WARNINGS
def test_enter_logs_typed_entries_and_a_correction_strikes_the_original(
    console, gui_ctx, fire, qtbot
) -> None:
    log = console.log
    for kind, text in ((EntryKind.ACTION, "关闭总电源"), (EntryKind.COMMUNICATION, "已通知物业"),
                       (EntryKind.OBSERVATION, "二楼有烟")):
        log.kind.setCurrentIndex(log.kind.findData(kind.value))
        log.text.setText(text)  # QTest cannot type Chinese
        qtbot.keyClick(log.text, Qt.Key.Key_Return)
        assert log.text.text() == ""  # committed, so the box is free for the next one
    kinds = cells(log.model, IncidentLogModel.COL_KIND)
    assert kinds[-3:] == ["Action", "Communication", "Observation"]
    assert log_texts(console)[-3:] == ["关闭总电源", "已通知物业", "二楼有烟"]
    assert [e.kind for e in stored(gui_ctx, fire).entries][-3:] == [
        EntryKind.ACTION, EntryKind.COMMUNICATION, EntryKind.OBSERVATION
    ]

    observed = log.model.rowCount() - 1
    log.view.selectRow(observed)
    assert log.correct_button.isEnabled()
    dialog = console.ask_correction(log.selected_entry())
    assert dialog.reason.text() == "二楼有烟"
    dialog.reason.setText("三楼有烟")
    dialog.submit()
    model = log.model
    original = model.entry_at(observed)
    assert original.corrected and model.entry_at(observed + 1).corrects == original.seq
    for column in range(model.columnCount()):  # the whole row is struck through and greyed
        struck = model.index(observed, column)
        assert struck.data(Qt.ItemDataRole.FontRole).strikeOut()
        assert struck.data(Qt.ItemDataRole.ForegroundRole).color() == QColor(style.MUTED)
        fix = model.index(observed + 1, column)
        assert fix.data(Qt.ItemDataRole.ForegroundRole).color() == QColor(style.ACCENT_DARK)
    assert log_texts(console)[-1] == f"Corrects entry {original.seq}: 三楼有烟"
    assert cells(model, IncidentLogModel.COL_KIND)[-1] == "Correction"
    assert stored(gui_ctx, fire).entries[-2].corrected
    assert hover_tooltip(log.view, observed) == tip(
        f"二楼有烟\nCorrected by #{model.entry_at(observed + 1).seq}\nSHA-256 {original.hash}"
    )


def test_an_empty_line_writes_nothing_and_start_cannot_be_corrected(console, gui_ctx, fire, qtbot) -> None:
    before = console.log.model.rowCount()
    qtbot.keyClick(console.log.text, Qt.Key.Key_Return)
    assert console.log.model.rowCount() == before == len(stored(gui_ctx, fire).entries)
    console.log.view.selectRow(0)  # the start entry
    assert not console.log.correct_button.isEnabled()


def test_a_failed_write_keeps_the_text_and_says_why(console, gui_ctx, fire, qtbot) -> None:
    gui_ctx.services.incidents.close(login(gui_ctx, "lead"), fire, _close_input())
    console.log.text.setText("太晚了")  # QTest cannot type Chinese
    qtbot.keyClick(console.log.text, Qt.Key.Key_Return)
    assert console.log.text.text() == "太晚了"
    assert "closed" in console.message.text() and console.message.isVisibleTo(console)


def _close_input() -> Any:
    from branchguard.core.incidents.types import CloseInput

    return CloseInput(outcome="已处置")


# -- level, attachments, report, close ---------------------------------------------------------
def test_raising_the_level_is_logged_with_its_reason(console, gui_ctx, fire) -> None:
    changed: list[int] = []
    console.changed.connect(changed.append)
    dialog = console.ask_level()
    assert dialog is not None and dialog.level.findData("II") == -1  # the current level is not offered
    dialog.level.setCurrentIndex(dialog.level.findData("I"))
    dialog.reason.setText("火势蔓延至二楼")
    dialog.submit()
    assert stored(gui_ctx, fire).summary.level == Level.I
    assert console.header.level_badge.text() == Level.I.label
    assert style.level_swatch("I").background in console.header.level_badge.styleSheet()
    assert log_texts(console)[-1] == f"{Level.II.label} → {Level.I.label}: 火势蔓延至二楼"
    assert changed == [fire, fire]  # once for the write, once when the re-read saw the new level


def test_attach_copies_the_file_shows_its_hash_and_a_thumbnail(
    console, gui_ctx, fire, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    photo = tmp_path / "现场照片.png"
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#C62828"))
    assert image.save(str(photo))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(photo), ""))
    console.attachments.attach_button.click()

    entry = stored(gui_ctx, fire).entries[-1]
    assert entry.kind == EntryKind.ATTACHMENT and entry.data["name"] == "现场照片.png"
    sha = str(entry.data["sha256"])
    items = console.attachments.list
    assert items.count() == 1 and items.item(0).text().startswith("现场照片.png\n")
    assert sha[:12] in items.item(0).text() and sha in items.item(0).toolTip()
    assert console.attachments.has_thumbnail(sha)
    assert log_texts(console)[-1].startswith("现场照片.png")


def test_an_attachment_opens_by_enter_or_a_double_click(
    console, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The console's files opened nothing: a photo attached during the incident could be seen only
    by going to the data folder and finding it by its hash."""
    photo = tmp_path / "现场照片.png"
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#C62828"))
    assert image.save(str(photo))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(photo), ""))
    console.attachments.attach_button.click()
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    items = console.attachments.list
    items.setCurrentRow(0)
    items.setFocus()
    QTest.keyClick(items, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(opened) == 1)
    copy = Path(opened[0].toLocalFile())  # a copy under its own name, the stored file untouched
    assert copy.name == "现场照片.png" and copy.read_bytes() == photo.read_bytes()


def test_initial_report_fields_are_saved_and_logged(console, gui_ctx, fire) -> None:
    dialog = console.ask_report_fields()
    assert dialog is not None and list(dialog.edits) == [
        "place", "cause", "nature", "amounts_people", "harm_scope", "customer_reaction", "trend", "measures"
    ]
    branch = gui_ctx.services.branch.get()
    assert dialog.edits["place"].toPlainText() == f"{branch.name}，{branch.address}"  # prefilled
    assert dialog.edits["nature"].toPlainText() == ""
    dialog.edits["place"].setPlainText("城东支行营业部一楼")
    dialog.edits["cause"].setPlainText("配电箱短路")
    dialog.accept()
    assert stored(gui_ctx, fire).report_fields == {"place": "城东支行营业部一楼", "cause": "配电箱短路"}
    assert cells(console.log.model, IncidentLogModel.COL_KIND)[-2:] == ["Initial report updated", "Step done"]
    initial = next(s for s in stored(gui_ctx, fire).steps if s.checkpoint)
    assert initial.state == StepState.DONE  # saving the report is making it: its checkpoint is done
    following = console.header._checkpoint  # the countdown moves on to the 24-hour written report
    assert following is not None and following.step != initial.number
    again = console.ask_report_fields()
    assert again is not None and again.edits["cause"].toPlainText() == "配电箱短路"
    assert again.changes() == {}


def test_close_says_what_is_missing_and_where_then_closes_with_an_action(console, gui_ctx, fire) -> None:
    dialog = console.ask_close()
    assert dialog is not None
    dialog.confirm_open.setChecked(True)  # the pending steps are asked about in the next test
    dialog.losses.setText("12,3x")
    row = dialog.add_action_row("更换配电箱")
    dialog.submit()
    assert dialog.isVisible()
    assert dialog.form.error_text("close_outcome") == "Say how the incident ended."
    assert "yuan" in dialog.form.error_text("close_losses")
    assert dialog.actions_error.text() == "Follow-up action 1: needs both what to do and an owner"

    dialog.outcome.setPlainText("明火已扑灭，无人员受伤")
    dialog.losses.setText("12,345.60")
    dialog.action_table.item(row, dialog.COL_OWNER).setText("赵安")
    dialog.add_action_row()  # left empty: ignored
    dialog.submit()
    assert not dialog.isVisible()

    detail = stored(gui_ctx, fire)
    assert detail.summary.status == IncidentStatus.CLOSED and detail.losses_cents == 1234560
    assert [(a.text, a.owner) for a in detail.actions] == [("更换配电箱", "赵安")]
    assert detail.actions[0].due is not None
    assert console.outcome.isVisibleTo(console) and "明火已扑灭" in console.outcome.text.text()
    assert not console.log.text.isVisibleTo(console) and not console.close_button.isVisibleTo(console)
    assert not console.header.checkpoint.isVisibleTo(console)
    assert console.report_button.isVisibleTo(console)  # the report can still be completed


@pytest.mark.parametrize(
    ("text", "cents"), [("", None), ("0", 0), ("1,200.5", 120050), ("3000元", 300000), ("¥7.25", 725)]
)
def test_losses_in_yuan_become_cents(text: str, cents: int | None) -> None:
    assert parse_yuan(text) == cents


@pytest.mark.parametrize("text", ["-1", "1.234", "abc", "nan"])
def test_bad_amounts_are_refused(text: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the message is the input, nothing more to match
        parse_yuan(text)


def test_follow_mode_opens_for_this_incident(console, fire, monkeypatch: pytest.MonkeyPatch) -> None:
    import branchguard.gui.incidents.follow_mode as follow_mode

    calls: list[tuple[Any, GuiSession, int]] = []
    monkeypatch.setattr(follow_mode, "open_follow_mode", lambda *args: calls.append(args))
    console.follow_button.click()
    assert calls == [(console, console.session, fire)]


# -- roles -------------------------------------------------------------------------------------
def test_staff_marks_steps_and_writes_but_nothing_else(gui_ctx, fire, qtbot) -> None:
    console = open_console(qtbot, session_for(gui_ctx, "staff"), fire)
    assert console.log.text.isVisibleTo(console) and console.steps.done_button.isVisibleTo(console)
    for hidden in (console.level_button, console.close_button, console.report_button,
                   console.attachments.attach_button):
        assert not hidden.isVisibleTo(console)
    assert console.ask_level() is None and console.ask_close() is None and console.ask_report_fields() is None
    console.steps.done_button.click()
    console.log.text.setText("客户已疏散")  # QTest cannot type Chinese
    qtbot.keyClick(console.log.text, Qt.Key.Key_Return)
    detail = stored(gui_ctx, fire)
    assert detail.steps[0].state == StepState.DONE and detail.steps[0].by == "staff"
    assert detail.entries[-1].text == "客户已疏散" and detail.entries[-1].actor == "staff"
    console.log.view.selectRow(1)  # the step mark: staff's own entry
    assert console.log.correct_button.isEnabled()


def test_an_auditor_reads_only(gui_ctx, fire, qtbot) -> None:
    console = open_console(qtbot, session_for(gui_ctx, "auditor"), fire)
    assert console.steps.model.rowCount() == 14 and console.log.model.rowCount() == 1
    for hidden in (console.log.text, console.log.correct_button, console.steps.done_button,
                   console.steps.skip_button, console.level_button, console.close_button,
                   console.report_button, console.follow_button, console.attachments.attach_button):
        assert not hidden.isVisibleTo(console)
    assert not console.done_action.isEnabled() and not console.write_action.isEnabled()
    console.steps.request_done()
    assert states(gui_ctx, fire)[0] == StepState.PENDING


# -- header ------------------------------------------------------------------------------------
def test_the_report_checkpoint_counts_down_and_turns_red_when_overdue(console) -> None:
    detail = console.detail
    assert detail is not None
    point = detail.next_checkpoint()
    assert point is not None and point.step == 13
    label = console.header.checkpoint
    console.header.tick(point.due_at - timedelta(minutes=12, seconds=30))
    assert label.text() == "Report to head office (step 13) due in 12:30"
    assert style.ERROR not in label.styleSheet() and not label.property("overdue")
    console.header.tick(point.due_at + timedelta(minutes=2, seconds=5))
    assert label.text() == "Report to head office (step 13) overdue by 02:05"
    assert style.ERROR in label.styleSheet() and label.property("overdue")


def test_the_clock_runs_and_a_multi_day_incident_shows_dates(console) -> None:
    detail = console.detail
    assert detail is not None
    started = detail.summary.started_at
    soon = started + timedelta(minutes=3, seconds=7)
    console.header.tick(soon)
    assert console.header.elapsed.text() == "0:03:07"
    if soon.astimezone().date() == started.astimezone().date():  # not just after midnight
        assert f"started {started.astimezone():%H:%M} by 王建国" in console.header.meta.text()
    console.header.tick(started + timedelta(days=2, hours=1))
    assert console.header.elapsed.text() == "49:00:00"
    day = started.astimezone().strftime("%Y-%m-%d")
    assert f"started {day} " in console.header.meta.text()


def test_f1_lists_the_console_keys(open_window, fire, qtbot) -> None:
    window = open_window("lead")
    page = window.show_page("incidents")
    assert isinstance(page, IncidentsPage) and page.current_console() is not None
    rows = dict(window.shortcut_rows())
    assert rows["F9"] == "Start incident"
    assert rows["Ctrl+D"] == "Mark the step done"
    assert rows["Ctrl+E"] == "Write a log entry"
    assert rows["Ctrl+K"] == "Skip the step…"
    assert rows["Return"] == "In the step list: mark the selected step done"
    window.show_page("people")  # a console behind another page lists nothing
    assert "Ctrl+D" not in dict(window.shortcut_rows())


# -- models ------------------------------------------------------------------------------------
def test_the_log_model_reads_page_by_page_and_appends_live(gui_ctx, fire, qtbot) -> None:
    actor = login(gui_ctx, "lead")
    incidents = gui_ctx.services.incidents
    for n in range(11):
        incidents.log(actor, fire, EntryKind.NOTE, f"记录 {n}")
    model = IncidentLogModel(gui_ctx.services, actor, fire, page_size=5)
    tester = QAbstractItemModelTester(model, MODE)
    root = QModelIndex()
    while model.canFetchMore(root):  # the tester may have fetched already
        before = model.rowCount()
        model.fetchMore(root)
        assert model.rowCount() - before <= 5
    assert model.rowCount() == 12
    read_every_cell(model)

    late = incidents.log(actor, fire, EntryKind.DECISION, "启动二级响应")
    model.add_entry(late)
    model.add_entry(late)  # the same entry twice (its own write and a re-read) shows once
    assert model.rowCount() == 13 and model.index(12, IncidentLogModel.COL_TEXT).data() == "启动二级响应"
    elsewhere = [incidents.log(actor, fire, EntryKind.NOTE, f"别处 {n}") for n in range(2)]
    model.add_entry(elsewhere[1])  # one in between was written by someone else: read the gap
    assert model.rowCount() == 15 and model.row_of(elsewhere[0].seq) == 13
    del tester


def test_the_console_reads_the_logs_first_page_off_the_gui_thread(gui_ctx, fire, qtbot, pool_tasks) -> None:
    actor = login(gui_ctx, "lead")
    incidents = gui_ctx.services.incidents
    for n in range(3):
        incidents.log(actor, fire, EntryKind.NOTE, f"记录 {n}")
    pool_tasks.watch(type(incidents), "entries_page")
    console = open_console(qtbot, session_for(gui_ctx, "lead"), fire)
    qtbot.waitUntil(lambda: console.log.model.rowCount() == 4)
    assert pool_tasks.ran_off_the_gui_thread("entries_page")
    assert log_texts(console)[-1] == "记录 2"


def test_an_entry_committed_while_the_first_page_is_read_is_shown_after_it(gui_ctx, fire, qtbot) -> None:
    actor = login(gui_ctx, "lead")
    incidents = gui_ctx.services.incidents
    model = IncidentLogModel(gui_ctx.services, actor, fire, page_size=5)
    reads: list[Any] = []
    model._loader = type("HeldLoader", (), {"run": lambda _self, load, apply: reads.append((load, apply))})()
    model.read_first_page()
    (load, apply), = reads
    first = load()  # the page as read, before the entry below was committed
    late = incidents.log(actor, fire, EntryKind.NOTE, "读取期间写入")
    model.add_entry(late)  # the log is not read to its end yet: not shown here
    assert model.rowCount() == 0 and not model.canFetchMore(QModelIndex())  # no second read meanwhile
    shown: list[bool] = []
    model.first_page_read.connect(lambda: shown.append(True))
    apply(first)
    assert model.rowCount() == 1 and len(reads) == 2 and not shown  # the page in, and a read of the rest
    load, apply = reads[1]
    apply(load())
    assert shown and model.rowCount() == 2
    assert model.index(1, IncidentLogModel.COL_TEXT).data() == "读取期间写入"


def test_a_partly_read_log_takes_live_entries_only_when_it_reaches_them(gui_ctx, fire) -> None:
    actor = login(gui_ctx, "lead")
    incidents = gui_ctx.services.incidents
    for n in range(30):
        incidents.log(actor, fire, EntryKind.NOTE, f"记录 {n}")
    # No model tester here: it fetches more on every signal, which is what this test must avoid.
    model = IncidentLogModel(gui_ctx.services, actor, fire, page_size=4)
    model.fetchMore(QModelIndex())
    shown = model.rowCount()
    assert shown < 31 and model.canFetchMore(QModelIndex())
    fix = incidents.log(actor, fire, EntryKind.NOTE, "改正", corrects=2)
    model.add_entry(fix)
    assert model.rowCount() == shown  # not read that far yet
    assert model.entry_at(1).corrected and model.index(1, 4).data(Qt.ItemDataRole.FontRole).strikeOut()
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 32 and model.entry_at(31) == fix


def test_the_log_cells_are_read_only_items_a_paint_never_asks_python_for(console, qtbot) -> None:
    console.log.text.setText("关闭总电源")  # QTest cannot type Chinese
    qtbot.keyClick(console.log.text, Qt.Key.Key_Return)
    view, model = console.log.view, console.log.model
    entry = model.entry_at(1)
    assert [model.index(1, column).data() for column in range(5)] == [
        "2", local_clock(entry.at, model.entry_at(0).at, seconds=True), "王建国", "Note", "关闭总电源"
    ]
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert model.index(1, IncidentLogModel.COL_SEQ).data(Qt.ItemDataRole.TextAlignmentRole) == right
    assert model.index(1, IncidentLogModel.COL_TEXT).data(Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.index(1, 0).data(Qt.ItemDataRole.FontRole) is None  # nothing struck through
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    read_only = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
    assert {model.flags(model.index(row, column)) for row in range(2) for column in range(5)} == {read_only}

    # Every Python function entered while the view paints: a few per paint are fine (the view's
    # viewportEvent), one per cell (data, multiData, flags...) is what made the first paint slow.
    entered: list[str] = []

    def note(frame: FrameType, event: str, _arg: object) -> None:
        if event == "call":
            entered.append(frame.f_code.co_name)

    sys.setprofile(note)
    try:
        assert not view.grab().isNull()
    finally:
        sys.setprofile(None)
    painted = model.rowCount() * model.columnCount()
    assert painted == 10 and len(entered) < painted, entered
    assert not {"data", "multiData", "flags", "rowCount", "columnCount", "index"} & set(entered)


@TOOLTIP_WARNINGS
def test_a_tall_view_reads_pages_until_it_is_full_then_as_it_scrolls(gui_ctx, fire, qtbot) -> None:
    actor = login(gui_ctx, "lead")
    for n in range(40):
        gui_ctx.services.incidents.log(actor, fire, EntryKind.NOTE, f"记录 {n}")
    model = IncidentLogModel(gui_ctx.services, actor, fire, page_size=4)
    view = LogView(model)
    qtbot.addWidget(view)
    view.verticalHeader().setDefaultSectionSize(20)
    view.resize(600, 300)  # about 13 rows: more than a page of 4
    model.fetchMore(QModelIndex())  # as the console does on opening
    view.show()
    height = view.viewport().height()

    def last_row_below_sight() -> bool:
        return view.visualRect(model.index(model.rowCount() - 1, 0)).top() >= height

    qtbot.waitUntil(last_row_below_sight)  # the view asked for pages until rows filled it
    assert height // 20 < model.rowCount() < 41 and model.canFetchMore(QModelIndex())
    bar = view.verticalScrollBar()
    while model.canFetchMore(QModelIndex()):  # each time the end comes into sight, the next page
        before = model.rowCount()
        qtbot.waitUntil(lambda: bar.value() < bar.maximum())  # laid out: there is more to scroll
        bar.setValue(bar.maximum())
        qtbot.waitUntil(lambda before=before: model.rowCount() > before)
    assert model.rowCount() == 41
    assert [model.index(row, IncidentLogModel.COL_TEXT).data() for row in range(1, 41)] == [
        f"记录 {n}" for n in range(40)
    ]
    assert hover_tooltip(view, 40) == tip(f"记录 39\nSHA-256 {model.entry_at(40).hash}")  # in sight now


def test_a_live_correction_strikes_through_the_row_it_corrects(gui_ctx, fire) -> None:
    actor = login(gui_ctx, "lead")
    incidents = gui_ctx.services.incidents
    wrong = incidents.log(actor, fire, EntryKind.OBSERVATION, "二楼有烟")
    model = IncidentLogModel(gui_ctx.services, actor, fire, page_size=4)
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 and model.index(1, 0).data(Qt.ItemDataRole.FontRole) is None
    fix = incidents.log(actor, fire, EntryKind.NOTE, "三楼有烟", corrects=wrong.seq)
    model.add_entry(fix)
    assert model.rowCount() == 3 and model.entry_at(1).corrected_by == (fix.seq,)
    for column in range(5):
        assert model.index(1, column).data(Qt.ItemDataRole.FontRole).strikeOut()
        assert model.index(1, column).data(Qt.ItemDataRole.ForegroundRole).color() == QColor(style.MUTED)
        assert model.index(2, column).data(Qt.ItemDataRole.ForegroundRole).color() == QColor(
            style.ACCENT_DARK
        )
    assert model.tooltip(1) == f"二楼有烟\nCorrected by #{fix.seq}\nSHA-256 {wrong.hash}"
    assert model.tooltip(2) == f"Corrects entry {wrong.seq}: 三楼有烟\nSHA-256 {fix.hash}"


def test_the_log_follows_a_language_switch_and_the_incident_start(gui_ctx, fire) -> None:
    from branchguard.gui.kit import translation

    actor = login(gui_ctx, "lead")
    gui_ctx.services.incidents.mark_step(actor, fire, 1)
    model = IncidentLogModel(gui_ctx.services, actor, fire)
    model.fetchMore(QModelIndex())
    columns = (IncidentLogModel.COL_KIND, IncidentLogModel.COL_TEXT)
    english = [model.index(1, column).data() for column in columns]
    try:
        translation.install("zh_CN")
        model.retranslate()
        chinese = [model.index(1, column).data() for column in columns]
        header = model.headerData(IncidentLogModel.COL_SEQ, Qt.Orientation.Horizontal)
    finally:
        translation.install("en")
        model.retranslate()
    assert english[0] == "Step done" and english[1].startswith("Step 1 done")
    assert chinese[0] != english[0] and chinese[1] != english[1] and header == "序号"
    assert CJK.search(chinese[0]) and CJK.search(chinese[1])
    assert model.headerData(IncidentLogModel.COL_SEQ, Qt.Orientation.Horizontal) == "#"

    start = model.entry_at(0).at
    assert model.index(0, IncidentLogModel.COL_TIME).data() == local_clock(start, start, seconds=True)
    model.set_started(start - timedelta(days=2))  # a multi-day incident: every time with its date
    assert model.index(0, IncidentLogModel.COL_TIME).data() == date_time(start, seconds=True)


def test_the_step_model_keeps_the_item_model_contract(console) -> None:
    model = IncidentStepsModel()
    tester = QAbstractItemModelTester(model, MODE)
    detail = console.detail
    assert detail is not None
    model.set_steps(detail.steps, detail.summary.started_at)
    read_every_cell(model)
    model.tick()
    model.set_steps((), detail.summary.started_at)
    assert model.rowCount() == 0
    del tester


def test_the_call_list_names_each_contact_and_shows_the_number_large(console) -> None:
    rows = console.calls.rows()
    assert rows[:3] == [("Fire", "119"), ("Ambulance", "120"), ("Police", "110")]
    assert ("分行安全保卫部值班室", "010-66880110") in rows
    number_size = console.calls.number_item(0).font().pointSizeF()
    assert number_size >= 15 > console.calls.name_item(0).font().pointSizeF()
    # each name on a line of its own, the whole column wide: two numbers of the branch's security
    # office once both read "分行…" beside their numbers
    width = console.calls.viewport().width()
    metrics = console.calls.fontMetrics()
    for i, (who, _number) in enumerate(rows):
        rect = console.calls.visualItemRect(console.calls.name_item(i))
        assert rect.width() >= min(width - 4, metrics.horizontalAdvance(who)), who


def test_the_team_check_is_in_the_log_in_the_warning_colour_when_roles_lack_someone(gui_ctx, qtbot) -> None:
    lead = login(gui_ctx, "lead")
    team = gui_ctx.services.team
    people = {p.name: p.id for p in team.people(lead)}
    team.assign(lead, "firefighting_team", people["吴刚"])  # off duty, no backup
    iid = gui_ctx.services.incidents.start(lead, "FIRE").id
    console = open_console(qtbot, session_for(gui_ctx, "lead"), iid)
    model = console.log.model
    assert cells(model, IncidentLogModel.COL_KIND)[:2] == ["Started", "Team check"]
    text = model.index(1, IncidentLogModel.COL_TEXT)
    assert "Firefighting team: 吴刚 is absent" in text.data()
    assert text.data(Qt.ItemDataRole.ForegroundRole).color() == QColor(style.WARNING)
    steps = console.findChildren(QTableView)
    assert any(
        "Firefighting team — 吴刚" in str(view.model().index(r, c).data())
        for view in steps
        for r in range(view.model().rowCount())
        for c in range(view.model().columnCount())
    )


def test_a_hidden_console_does_not_tick_and_ticks_as_it_shows_again(console: IncidentConsole) -> None:
    """Every second the console re-reads its clocks and the steps' targets; not while it is hidden
    (behind another tab or page), where that measured its steps for no one."""
    ticked: list[int] = []
    console.steps.model.dataChanged.connect(lambda *_args: ticked.append(1))
    console.tick()
    assert ticked == [1]
    console.hide()
    console.header.elapsed.setText("")
    console.tick()
    assert ticked == [1] and console.header.elapsed.text() == ""
    console.show()  # brought back: up to date at once, not a second later
    assert ticked == [1, 1] and console.header.elapsed.text() != ""


def test_initial_report_fields_do_not_overwrite_what_another_pc_entered(console, gui_ctx, fire) -> None:
    """The dialog sends its prefilled place with the typed cause: a place another PC had entered
    meanwhile was replaced by the branch's address without a word."""
    dialog = console.ask_report_fields()
    assert dialog is not None
    gui_ctx.services.incidents.set_report_fields(login(gui_ctx, "lead"), fire, {"place": "二楼档案室"})  # PC2
    dialog.edits["cause"].setPlainText("配电箱短路")
    dialog.accept()
    assert stored(gui_ctx, fire).report_fields == {"place": "二楼档案室"}
    assert "someone else" in dialog.error.text() and dialog.isVisible()  # said where it was typed
    assert dialog.edits["cause"].toPlainText() == "配电箱短路"
    dialog.reject()
    again = console.ask_report_fields()  # read again: PC2's place is what the dialog shows now
    assert again is not None and again.edits["place"].toPlainText() == "二楼档案室"
    again.edits["cause"].setPlainText("配电箱短路")
    again.accept()
    assert stored(gui_ctx, fire).report_fields == {"place": "二楼档案室", "cause": "配电箱短路"}
