"""Follow mode: staff mark the current step (button or Space), skip with a reason, add notes; nothing else."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton

from branchguard.context import AppContext
from branchguard.core.incidents.rules import DONE_GUARD, UNDO_WINDOW
from branchguard.core.incidents.types import CloseInput, EntryKind, IncidentDetail, StepState
from branchguard.core.kernel.types import Level
from branchguard.gui.incidents import follow_mode
from branchguard.gui.incidents.follow_mode import FollowWindow, choose_screen, open_follow_mode
from branchguard.gui.incidents.follow_mode.view import MIN_STEP_POINTS
from branchguard.gui.kit import style
from branchguard.gui.kit import writer as incident_writer
from branchguard.gui.shell.session import GuiSession
from branchguard.gui.shell.shortcuts import ShortcutsDialog
from tests.gui.conftest import PASSWORDS

Opener = Callable[..., FollowWindow]


class FakeClock:
    """The follow window's clock in tests: moves only when told (no test sleeps)."""

    def __init__(self) -> None:
        self.now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def clock_of(window: FollowWindow) -> FakeClock:
    assert isinstance(window.clock, FakeClock)
    return window.clock


def login(ctx: AppContext, username: str) -> Any:
    return ctx.services.auth.login(username, PASSWORDS[username])


@pytest.fixture
def follow(gui_ctx: AppContext, qtbot) -> Opener:
    """A shown, active follow window on a new FIRE incident, for `username`."""

    def _open(
        username: str = "staff", *, drill: bool = False, size: tuple[int, int] = (1280, 720)
    ) -> FollowWindow:
        lead = login(gui_ctx, "lead")
        incident = gui_ctx.services.incidents.start(lead, "FIRE", drill=drill, despite_open=True)
        window = FollowWindow(GuiSession(gui_ctx, login(gui_ctx, username)), incident.id, clock=FakeClock())
        qtbot.addWidget(window)
        window.resize(*size)
        with qtbot.waitActive(window):  # Space, S, Esc are window shortcuts: they need the active window
            window.show()
            window.activateWindow()
        return window

    return _open


def stored(ctx: AppContext, window: FollowWindow) -> IncidentDetail:
    return ctx.services.incidents.get(login(ctx, "lead"), window.incident_id)


def states(ctx: AppContext, window: FollowWindow) -> list[StepState]:
    return [s.state for s in stored(ctx, window).steps]


def shown_step(window: FollowWindow) -> str:
    return window.step_area.step.text()


def test_done_button_marks_the_step_and_shows_the_next(gui_ctx, follow, qtbot):
    window = follow()
    steps = stored(gui_ctx, window).steps
    assert shown_step(window) == steps[0].text.en
    assert window.counter_label.text() == "Step 1 / 14"
    assert window.role_badge.text() == steps[0].role_name.en

    qtbot.mouseClick(window.done_button, Qt.MouseButton.LeftButton)

    detail = stored(gui_ctx, window)
    assert detail.steps[0].state == StepState.DONE and detail.steps[0].by == "staff"
    assert shown_step(window) == steps[1].text.en
    assert window.counter_label.text() == "Step 2 / 14"
    assert steps[2].text.en in window.next_label.text()
    assert "Step 1 done" in window.status_label.text()


def test_the_roles_show_who_holds_them_when_the_branch_keeps_a_roster(gui_ctx, follow, qtbot):
    window = follow()
    assert not window.holder_label.isVisible()  # no roster: the role alone
    team, lead = gui_ctx.services.team, login(gui_ctx, "lead")
    person = {p.name: p.id for p in team.people(lead)}
    team.assign(lead, "firefighting_team", person["周强"], person["刘洋"])
    team.assign(lead, "branch_head", person["王建国"])
    window = follow()
    assert window.role_badge.text() == "Firefighting team"
    assert window.holder_label.isVisible() and window.holder_label.text() == "周强 (backup 刘洋)"
    assert "Branch head (incident commander) — 王建国 ·" in window.next_label.text()


def test_space_marks_the_current_step_done(gui_ctx, follow, qtbot):
    window = follow()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    clock_of(window).advance((DONE_GUARD + timedelta(milliseconds=100)).total_seconds())
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert states(gui_ctx, window)[:3] == [StepState.DONE, StepState.DONE, StepState.PENDING]
    assert window.counter_label.text() == "Step 3 / 14"


def test_a_second_done_inside_the_guard_interval_is_ignored(gui_ctx, follow, qtbot):
    window = follow()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    clock_of(window).advance(0.15)  # the double press of the walk-through: 150 ms apart
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.mouseClick(window.done_button, Qt.MouseButton.LeftButton)
    assert states(gui_ctx, window)[:2] == [StepState.DONE, StepState.PENDING]
    assert window.counter_label.text() == "Step 2 / 14"
    clock_of(window).advance(DONE_GUARD.total_seconds())
    qtbot.keyClick(window, Qt.Key.Key_Space)  # a deliberate second Done goes through
    assert states(gui_ctx, window)[:3] == [StepState.DONE, StepState.DONE, StepState.PENDING]


def test_undo_last_takes_back_the_mark_for_a_few_seconds(gui_ctx, follow, qtbot):
    window = follow()
    assert not window.undo_button.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.undo_button.isVisible() and "1" in window.undo_button.text()
    clock_of(window).advance(2)
    qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)
    detail = stored(gui_ctx, window)
    assert detail.steps[0].state == StepState.PENDING
    mark, undo = detail.entries[-2], detail.entries[-1]
    assert (mark.kind, mark.step, mark.corrected_by) == (EntryKind.STEP_DONE, 1, (undo.seq,))  # kept
    assert (undo.kind, undo.corrects, undo.actor) == (EntryKind.CORRECTION, mark.seq, "staff")
    assert window.counter_label.text() == "Step 1 / 14" and not window.undo_button.isVisible()
    assert "undone" in window.status_label.text()
    qtbot.keyClick(window, Qt.Key.Key_Space)  # marked again at once: the undo reset the guard
    assert states(gui_ctx, window)[0] == StepState.DONE


def test_the_undo_offer_ends_after_its_window(gui_ctx, follow, qtbot):
    window = follow()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.undo_button.isVisible()
    clock_of(window).advance(UNDO_WINDOW.total_seconds())
    window._tick()  # the one-second timer, without waiting for it
    assert not window.undo_button.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_U)
    assert states(gui_ctx, window)[0] == StepState.DONE  # too late: nothing undone
    assert [e.kind for e in stored(gui_ctx, window).entries].count(EntryKind.CORRECTION) == 0


def test_space_typed_into_the_note_box_stays_a_space(gui_ctx, follow, qtbot):
    window = follow()
    qtbot.mouseClick(window.note_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.note_edit, "smoke in hall")
    assert window.note_edit.text() == "smoke in hall"
    assert states(gui_ctx, window)[0] == StepState.PENDING


def test_esc_puts_a_typed_reason_aside_for_the_same_step(gui_ctx, follow, qtbot):
    """Esc threw the reason typed away, unsaid; now S on the same step brings it back (selected:
    typing replaces it). A reason put aside is not offered for the next step, and Cancel clears it."""
    window = follow()
    qtbot.keyClick(window, Qt.Key.Key_S)
    qtbot.keyClicks(window.skip_reason, "guard already on it")
    qtbot.keyClick(window.skip_reason, Qt.Key.Key_Escape)
    assert not window.skip_row.isVisible() and states(gui_ctx, window)[0] == StepState.PENDING
    qtbot.keyClick(window, Qt.Key.Key_S)
    assert window.skip_row.isVisible() and window.skip_reason.text() == "guard already on it"
    assert window.skip_reason.selectedText() == "guard already on it"
    qtbot.keyClick(window.skip_reason, Qt.Key.Key_Escape)
    qtbot.keyClick(window, Qt.Key.Key_Space)  # step 1 done: the reason was step 1's
    qtbot.waitUntil(lambda: states(gui_ctx, window)[0] == StepState.DONE and not window.is_pending())
    qtbot.keyClick(window, Qt.Key.Key_S)
    assert window.skip_row.isVisible() and window.skip_reason.text() == ""
    qtbot.keyClicks(window.skip_reason, "not needed")
    qtbot.mouseClick(window.skip_cancel, Qt.MouseButton.LeftButton)
    qtbot.keyClick(window, Qt.Key.Key_S)
    assert window.skip_reason.text() == ""


def test_skip_asks_for_a_reason_and_logs_it(gui_ctx, follow, qtbot):
    window = follow()
    qtbot.mouseClick(window.skip_button, Qt.MouseButton.LeftButton)
    assert window.skip_row.isVisible()

    qtbot.mouseClick(window.skip_confirm, Qt.MouseButton.LeftButton)  # no reason yet
    assert states(gui_ctx, window)[0] == StepState.PENDING
    assert "why" in window.status_label.text().lower()

    qtbot.keyClicks(window.skip_reason, "alarm already sounding")
    qtbot.keyClick(window.skip_reason, Qt.Key.Key_Return)
    step = stored(gui_ctx, window).steps[0]
    assert (step.state, step.reason) == (StepState.SKIPPED, "alarm already sounding")
    assert not window.skip_row.isVisible()
    assert window.counter_label.text() == "Step 2 / 14"


def test_esc_closes_the_skip_row_without_skipping(gui_ctx, follow, qtbot):
    window = follow()
    qtbot.keyClick(window, Qt.Key.Key_S)
    assert window.skip_row.isVisible()
    qtbot.keyClick(window.skip_reason, Qt.Key.Key_Escape)
    assert not window.skip_row.isVisible() and window.isVisible()
    assert states(gui_ctx, window)[0] == StepState.PENDING


def test_a_note_is_logged_as_a_note_and_the_box_cleared(gui_ctx, follow, qtbot):
    window = follow()
    qtbot.mouseClick(window.note_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.note_edit, "customer fainted near ATM")
    qtbot.keyClick(window.note_edit, Qt.Key.Key_Return)
    last = stored(gui_ctx, window).entries[-1]
    assert (last.kind, last.text, last.actor) == (EntryKind.NOTE, "customer fainted near ATM", "staff")
    assert window.note_edit.text() == ""
    qtbot.keyClick(window, Qt.Key.Key_Space)  # the focus left the box: Space is Done again
    assert states(gui_ctx, window)[0] == StepState.DONE


def test_staff_can_mark_steps_and_write_notes_and_nothing_else(follow):
    window = follow()
    buttons = {b.objectName() for b in window.findChildren(QPushButton)}
    assert buttons == {
        "follow_done",
        "follow_skip",
        "follow_undo",
        "follow_skip_confirm",
        "follow_skip_cancel",
        "follow_note_add",
        "follow_leave",
    }
    assert {e.objectName() for e in window.findChildren(QLineEdit)} == {"follow_note", "follow_skip_reason"}


def test_an_auditor_watches_read_only(gui_ctx, follow, qtbot):
    window = follow("auditor")
    assert not window.done_button.isVisible()
    assert not window.skip_button.isVisible()
    assert not window.note_row.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.mark_done() is False
    assert window.add_note("hello") is False
    assert states(gui_ctx, window)[0] == StepState.PENDING
    assert "Read only" in window.status_label.text()
    assert shown_step(window)  # the step is still there to follow


@pytest.mark.parametrize("drill", [True, False])
def test_a_drill_says_so_in_its_own_colour(follow, drill):
    window = follow(drill=drill)
    assert window.drill_banner.isVisible() is drill
    assert window.drill_banner.text() == "演练 DRILL"
    assert style.DRILL.background in window.drill_banner.styleSheet()


def test_level_badge_uses_the_level_colour(follow):
    window = follow()
    assert window.level_badge.text() == "Level II (major)"
    assert style.level_swatch("II").background in window.level_badge.styleSheet()


def test_emergency_numbers_and_call_list_are_on_screen(follow):
    window = follow()
    for number in ("110", "119", "120"):
        assert window.numbers.findChild(object, f"follow_public_{number}").isVisible()
    rows = dict((phone, who) for who, phone in window.numbers.call_rows())
    assert rows["010-66880110"] == "分行安全保卫部值班室"  # a branch contact from the demo data
    assert "110" not in rows  # the public numbers are not listed twice
    assert "010-66880110" in window.numbers.call_list.text()


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_the_step_is_readable_from_three_metres(follow, size):
    window = follow(size=size)
    assert window.step_area.step_points() >= MIN_STEP_POINTS
    assert window.done_button.height() >= 70


def test_a_pending_write_ignores_a_second_space(gui_ctx, follow, qtbot, monkeypatch):
    held: list[tuple[Callable[[], Any], Callable[[Any], None]]] = []

    class HeldWriter:
        def submit(self, work, *, on_done=None, on_error=None):
            held.append((work, on_done))

    window = follow()
    monkeypatch.setattr(incident_writer, "_writer", HeldWriter())
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.mouseClick(window.done_button, Qt.MouseButton.LeftButton)
    assert len(held) == 1
    assert window.is_pending() and not window.done_button.isEnabled()
    assert window.counter_label.text() == "Step 1 / 14"  # nothing moves before the write is on disk

    work, on_done = held.pop()
    on_done(work())
    assert window.counter_label.text() == "Step 2 / 14"
    assert states(gui_ctx, window)[:2] == [StepState.DONE, StepState.PENDING]
    clock_of(window).advance(DONE_GUARD.total_seconds())  # past the double-press guard too
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert len(held) == 1  # free again once committed


def test_steps_marked_elsewhere_show_up(gui_ctx, follow, qtbot):
    window = follow()
    lead = login(gui_ctx, "lead")
    gui_ctx.services.incidents.mark_step(lead, window.incident_id, 1)
    gui_ctx.services.incidents.mark_step(lead, window.incident_id, 2)
    qtbot.waitUntil(lambda: window.counter_label.text() == "Step 3 / 14", timeout=4000)  # the poll


def test_a_step_the_lead_marked_first_is_reported_not_marked_twice(gui_ctx, follow, qtbot):
    window = follow()
    gui_ctx.services.incidents.mark_step(login(gui_ctx, "lead"), window.incident_id, 1)
    qtbot.mouseClick(window.done_button, Qt.MouseButton.LeftButton)
    assert "already" in window.status_label.text()
    assert states(gui_ctx, window)[:2] == [StepState.DONE, StepState.PENDING]
    assert window.counter_label.text() == "Step 2 / 14"  # caught up with the lead


def test_all_steps_done_is_calm_and_keeps_the_numbers(gui_ctx, follow):
    window = follow()
    lead = login(gui_ctx, "lead")
    for number in range(1, 14):
        gui_ctx.services.incidents.mark_step(lead, window.incident_id, number)
    gui_ctx.services.incidents.mark_step(lead, window.incident_id, 14, done=False, reason="not needed")
    window.refresh()
    assert shown_step(window) == "All steps done."
    assert window.step_area.condition.text() == "13 done, 1 skipped."
    assert not window.done_button.isVisible() and not window.counter_label.isVisible()
    assert window.numbers.isVisible()
    assert window.note_row.isVisible()  # notes still go into the log


def test_esc_leaves_full_screen_then_closes(follow, qtbot):
    window = follow()
    window.showFullScreen()
    qtbot.waitUntil(window.isFullScreen)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isFullScreen() and window.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()


class FakeScreen:
    def __init__(self, name: str) -> None:
        self.name = name


def test_the_second_monitor_is_chosen_when_there_is_one():
    first, second, third = FakeScreen("1"), FakeScreen("2"), FakeScreen("3")
    assert choose_screen([first], first) is first
    assert choose_screen([first], first, current=first) is first
    assert choose_screen([first, second], first) is second
    assert choose_screen([first, second], first, current=first) is second
    assert choose_screen([first, second], first, current=second) is first  # the main window is on 2
    assert choose_screen([first, second, third], first, current=first) is second


# The offscreen platform has no window manager to raise a window with; says nothing about the app.
@pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support propagateSizeHints"
)
def test_open_follow_mode_is_full_screen_and_opened_once(gui_ctx, qtbot):
    lead = login(gui_ctx, "lead")
    incident = gui_ctx.services.incidents.start(lead, "FIRE")
    session = GuiSession(gui_ctx, login(gui_ctx, "staff"))
    window = open_follow_mode(None, session, incident.id)
    try:
        qtbot.waitUntil(window.isFullScreen)
        assert window.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        assert open_follow_mode(None, session, incident.id) is window
    finally:
        window.close()
    qtbot.waitUntil(lambda: not follow_mode._open)  # deleted on close: the next call opens a new one


def test_f1_lists_the_follow_mode_keys(follow, qtbot):
    window = follow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    table = dialog.table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Space"] == "Mark the current step done"
    assert {"S", "N", "Esc", "F11", "F1"} <= rows.keys()


def test_a_level_change_and_the_close_reach_the_screen(gui_ctx, follow):
    window = follow()
    lead = login(gui_ctx, "lead")
    gui_ctx.services.incidents.change_level(lead, window.incident_id, Level.I, "spreading")
    window.refresh()
    assert window.level_badge.text() == "Level I (extraordinary)"
    assert style.level_swatch("I").background in window.level_badge.styleSheet()

    gui_ctx.services.incidents.close(lead, window.incident_id, CloseInput("put out"))
    window.refresh()
    assert shown_step(window) == "This incident is closed."
    assert not window.done_button.isVisible() and not window.note_row.isVisible()
    assert window.mark_done() is False


def test_esc_in_the_note_box_leaves_the_box_and_leaving_asks_about_the_note(gui_ctx, follow, qtbot):
    """Esc twice (the way out of a text box) left full screen, then closed follow mode: the typed
    note went without a word, where every dialog asks."""
    from PySide6.QtWidgets import QMessageBox

    window = follow()
    window.note_edit.setFocus()
    qtbot.waitUntil(window.note_edit.hasFocus)
    qtbot.keyClicks(window.note_edit, "Teller Li injured, left arm")
    qtbot.keyClick(window.note_edit, Qt.Key.Key_Escape)
    assert window.isVisible() and not window.note_edit.hasFocus()
    assert window.note_edit.text() == "Teller Li injured, left arm"  # kept: N and Enter send it
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # not in full screen: this would close
    box = window.findChild(QMessageBox, "follow_unsent_note")
    assert box is not None and window.isVisible()
    box.reject()  # Esc on the question: the default, keep the note
    qtbot.waitUntil(lambda: window.note_edit.hasFocus())
    assert window.isVisible() and window.note_edit.text() == "Teller Li injured, left arm"
    window.leave()
    box = window.findChild(QMessageBox, "follow_unsent_note")
    assert box is not None
    discard = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    discard.click()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert [e.kind for e in stored(gui_ctx, window).entries].count(EntryKind.NOTE) == 0


def test_page_down_reads_on_in_a_step_longer_than_the_screen(gui_ctx, follow, qtbot):
    """A long English step at 1024×768 scrolled; no key moved it, and Space marked it done unread."""
    window = follow(size=(1024, 768))
    qtbot.waitUntil(lambda: shown_step(window) != "")
    window.step_area.set_texts(" ".join(["Do not provoke the robbers and do not negotiate;"] * 40), "")
    bar = window.step_area.verticalScrollBar()
    assert window.step_area.scrolls() and bar.maximum() > 0 and bar.value() == 0
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert bar.value() == 0
    assert states(gui_ctx, window)[0] == StepState.PENDING


def test_a_failed_refresh_is_no_longer_said_once_a_refresh_reads_again(
    gui_ctx, follow, qtbot, monkeypatch
) -> None:
    """The database server stopped and started again (a shared deployment): the lobby PC's follow
    screen kept "Could not refresh: the database server … cannot be reached" after it was back."""
    from branchguard.core.kernel.errors import BranchGuardError
    from branchguard.core.kernel.i18n import Message

    window = follow()
    incidents = gui_ctx.services.incidents
    real_get = incidents.get

    def gone(*args: Any, **kwargs: Any) -> IncidentDetail:
        raise BranchGuardError(Message("fault.unreachable", server="db", error="refused"))

    monkeypatch.setattr(incidents, "get", gone)
    window.refresh()
    qtbot.waitUntil(lambda: "Could not refresh" in window.status_label.text())
    monkeypatch.setattr(incidents, "get", real_get)
    window.refresh()
    qtbot.waitUntil(lambda: not window._loading)
    assert window.status_label.text() == ""
    window._say("Step 1 done")  # what this screen last did stays until the next thing to say
    window.refresh()
    qtbot.waitUntil(lambda: not window._loading)
    assert window.status_label.text() == "Step 1 done"


def test_a_screen_reader_hears_the_step_in_front_and_the_next_one(gui_ctx, follow, qtbot):
    """The window holds the focus (its keys are the window's): it said its title and nothing of the step."""
    from PySide6.QtGui import QAccessible

    window = follow()
    steps = stored(gui_ctx, window).steps
    face = QAccessible.queryAccessibleInterface(window)
    assert face is not None

    def heard() -> str:
        return face.text(QAccessible.Text.Description)

    assert "Step 1 / 14" in heard() and steps[0].text.en in heard() and steps[1].text.en in heard()
    assert steps[0].role_name.en in heard()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "Step 2 / 14" in heard())
    assert steps[1].text.en in heard() and steps[0].text.en not in heard()
