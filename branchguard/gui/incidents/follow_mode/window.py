"""Follow mode behaviour: what staff may do on the big screen, written durably, kept up to date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QScreen, QShortcut, QShowEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from branchguard.core.incidents.rules import done_guarded, step_due, step_overdue, undo_open
from branchguard.core.incidents.service import IncidentService
from branchguard.core.incidents.text import goal_text, step_role_text
from branchguard.core.incidents.types import (
    EntryKind,
    IncidentDetail,
    IncidentStatus,
    IncidentStep,
    LogEntry,
    StepState,
)
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.roles import may
from branchguard.core.kernel.types import Actor
from branchguard.core.team.rules import holders_text
from branchguard.gui.incidents.elapsed import show_elapsed
from branchguard.gui.incidents.follow_mode.view import FollowView
from branchguard.gui.incidents.follow_mode.widgets import paint_badge
from branchguard.gui.kit import style
from branchguard.gui.kit import writer as incident_writer
from branchguard.gui.kit.plain import tip
from branchguard.gui.kit.tasks import run_task
from branchguard.gui.kit.times import local_clock
from branchguard.gui.shell.session import GuiSession

POLL_MS = 2000  # the lead's console may mark steps: this screen catches up within two seconds
TICK_MS = 1000
ROLE_SWATCH = style.Swatch(style.ICON, style.ON_ACCENT)

Write = Callable[[IncidentService, Actor], object]
Clock = Callable[[], datetime]
MARKS = (EntryKind.STEP_DONE, EntryKind.STEP_SKIPPED)


def utc_now() -> datetime:
    return datetime.now(UTC)


def condition_text(detail: IncidentDetail, step: IncidentStep) -> str:
    """ "如火势无法控制 → 第 7 步": the condition with the step it jumps to, if any."""
    condition = step.condition.text
    target = next((s.number for s in detail.steps if step.goto and s.key == step.goto), None)
    return t("report.playbook.jump", condition=condition, n=target) if condition and target else condition


class FollowWindow(FollowView):
    """One incident as staff on the floor follow it. Writes go through the shared log writer and
    the screen moves on only once the write is on disk; while one is pending, presses are ignored,
    and so is a second Done inside the guard interval (core/incidents/rules.py). For a few seconds
    after a mark, "undo" takes it back with a correction entry. `clock` is injected by tests.
    """

    committed = Signal()  # a write from this window is on disk (the console may refresh)

    def __init__(
        self,
        session: GuiSession,
        incident_id: int,
        parent: QWidget | None = None,
        *,
        clock: Clock = utc_now,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.incident_id = incident_id
        self.clock = clock
        self.detail: IncidentDetail | None = None
        self._last_done: datetime | None = None  # when the last Done was taken (the guard counts from it)
        self._undoable: tuple[LogEntry, datetime] | None = None  # the last mark and when it was shown
        self._pending = False
        self._loading = False
        self._refresh_failed = False  # the status line says a refresh failed (cleared by the next one read)
        self._after_commit: Callable[[], None] | None = None
        self._done_message = ""
        self._skip_step = 0  # the step the reason in the skip row was typed for
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a click outside the note box gives Space back
        self._connect()
        session.actor_changed.connect(self._render)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.refresh)
        self._poll.start()
        self._clock = QTimer(self)
        self._clock.setInterval(TICK_MS)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self.retranslate()
        self._render()
        self.refresh()

    def _connect(self) -> None:
        self.done_button.clicked.connect(self.mark_done)
        self.skip_button.clicked.connect(self.begin_skip)
        self.undo_button.clicked.connect(self.undo_last)
        self.skip_confirm.clicked.connect(self._confirm_skip)
        self.skip_cancel.clicked.connect(self.cancel_skip)
        self.skip_reason.returnPressed.connect(self._confirm_skip)
        self.note_button.clicked.connect(self._confirm_note)
        self.note_edit.returnPressed.connect(self._confirm_note)
        self.leave_button.clicked.connect(self.leave)
        self._keys: dict[str, QShortcut] = {}
        for keys, slot in (
            ("Space", self.mark_done),
            ("S", self.begin_skip),
            ("U", self.undo_last),
            ("N", self.note_edit.setFocus),
            ("Esc", self._escape),
            ("F11", self.toggle_full_screen),
            ("F1", self.show_shortcuts),
            ("PgDown", lambda: self.read_on(1)),
            ("PgUp", lambda: self.read_on(-1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)
            self._keys[keys] = shortcut

    # -- state ---------------------------------------------------------------------------------
    def may_mark_steps(self) -> bool:
        """Staff and the lead mark steps and add notes here; an auditor only watches."""
        return may(self.session.actor, "incident.step")

    def may_note(self) -> bool:
        return may(self.session.actor, "incident.log")

    def is_pending(self) -> bool:
        return self._pending

    def unsent_text(self) -> str:
        """The note typed and not sent (one with the writer is not: a quit waits for it)."""
        return "" if self._pending or not self.may_note() else self.note_edit.text().strip()

    def current_step(self) -> IncidentStep | None:
        """The first pending step of an open incident; None when closed or all are marked."""
        return self.detail.current_step() if self._is_open() and self.detail is not None else None

    def _is_open(self) -> bool:
        return self.detail is not None and self.detail.summary.status == IncidentStatus.OPEN

    @Slot()
    def refresh(self) -> None:
        """Re-read the incident off the GUI thread (cheap: steps and marks, not the whole log)."""
        if self._loading:
            return
        self._loading = True
        incidents, actor, incident_id = self.session.services.incidents, self.session.actor, self.incident_id
        run_task(
            lambda _progress: incidents.get(actor, incident_id, with_entries=False),
            on_done=self._loaded,
            on_error=self._load_failed,
        )

    @Slot(object)
    def _loaded(self, detail: IncidentDetail) -> None:
        self._loading = False
        if self._refresh_failed:  # read again: the server is back (the words stayed after it came back)
            self._say("")
        self.show_detail(detail)

    @Slot(str)
    def _load_failed(self, message: str) -> None:
        self._loading = False
        self._say(self.tr("Could not refresh: %1").replace("%1", message), error=True)
        self._refresh_failed = True

    def show_detail(self, detail: IncidentDetail) -> None:
        """Show `detail` unless it is older than the screen (a poll that started before a write)."""
        if detail.id != self.incident_id:
            return
        if self.detail is not None and detail.summary.entry_count < self.detail.summary.entry_count:
            return
        self.detail = detail
        self._render()

    # -- writing -------------------------------------------------------------------------------
    @Slot()
    def mark_done(self) -> bool:
        """Mark the current step done; False (nothing sent) while a write is pending, within the
        guard interval of the last Done (a double press), or when there is nothing to mark."""
        step = self._markable_step()
        if step is None or self.skip_row.isVisible():
            return False
        now = self.clock()
        if done_guarded(self._last_done, now):
            return False
        self._last_done = now
        number = step.number
        message = self.tr("Step %1 done").replace("%1", str(number))
        incident_id = self.incident_id
        return self._write(lambda incidents, actor: incidents.mark_step(actor, incident_id, number), message)

    @Slot()
    def begin_skip(self) -> None:
        step = self._markable_step()
        if step is None:
            return
        if step.number != self._skip_step:  # a reason put aside with Esc was another step's
            self.skip_reason.clear()
        self._skip_step = step.number
        self.skip_row.show()
        self.skip_reason.setFocus()
        self.skip_reason.selectAll()  # a reason put aside is back, and typing replaces it

    def put_skip_aside(self) -> None:
        """Esc: the row goes, the reason typed stays for S on the same step (it was thrown away,
        unsaid). Cancel and a skip written clear it."""
        self.skip_row.hide()
        self.setFocus()

    @Slot()
    def cancel_skip(self) -> None:
        self.skip_reason.clear()
        self.skip_row.hide()
        self.setFocus()

    def skip_current(self, reason: str) -> bool:
        step = self._markable_step()
        if step is None:
            return False
        if not reason.strip():
            self._say(self.tr("Say why the step is skipped."), error=True)
            self.skip_reason.setFocus()
            return False
        number = step.number
        message = self.tr("Step %1 skipped").replace("%1", str(number))
        incident_id = self.incident_id

        def skip(incidents: IncidentService, actor: Actor) -> object:
            return incidents.mark_step(actor, incident_id, number, done=False, reason=reason)

        return self._write(
            skip,
            message,
            after=self.cancel_skip,
        )

    def undo_available(self) -> bool:
        """Whether the last mark made here may still be undone (within the undo window)."""
        return self._undoable is not None and undo_open(self._undoable[1], self.clock())

    @Slot()
    def undo_last(self) -> bool:
        """Take back the last mark made here: a correction entry, the step pending again."""
        if not self.undo_available() or self._pending or not self._is_open() or self._undoable is None:
            self._expire_undo()
            return False
        entry = self._undoable[0]
        self._undoable = None
        incident_id, seq = self.incident_id, entry.seq
        message = self.tr("Step %1 mark undone").replace("%1", str(entry.step))
        self._last_done = None  # the undone step may be marked again at once
        return self._write(lambda incidents, actor: incidents.undo_mark(actor, incident_id, seq), message)

    def _expire_undo(self) -> None:
        if self._undoable is not None and not self.undo_available():
            self._undoable = None
        self.undo_button.setVisible(self._undoable is not None and self.may_mark_steps() and self._is_open())
        if self._undoable is not None:
            entry = self._undoable[0]
            self.undo_button.setText(self.tr("Undo step %1 (U)").replace("%1", str(entry.step)))

    def add_note(self, text: str) -> bool:
        if not (self.may_note() and self._is_open()) or self._pending or not text.strip():
            return False
        incident_id = self.incident_id
        return self._write(
            lambda incidents, actor: incidents.log(actor, incident_id, EntryKind.NOTE, text),
            self.tr("Note saved"),
            after=self._note_saved,
        )

    def _confirm_skip(self) -> None:
        self.skip_current(self.skip_reason.text())

    def _confirm_note(self) -> None:
        self.add_note(self.note_edit.text())

    def _note_saved(self) -> None:
        self.note_edit.clear()
        self.setFocus()

    def _markable_step(self) -> IncidentStep | None:
        if not self.may_mark_steps() or self._pending or not self._is_open():
            return None
        return self.current_step()

    def _write(self, change: Write, message: str, after: Callable[[], None] | None = None) -> bool:
        """Send `change` to the log writer; the screen follows in `_committed`, once it is on disk."""
        self._pending = True
        self._after_commit = after
        self._done_message = message
        self._update_controls()
        incidents, actor, incident_id = self.session.services.incidents, self.session.actor, self.incident_id

        def work() -> tuple[object, IncidentDetail]:
            result = change(incidents, actor)
            return result, incidents.get(actor, incident_id, with_entries=False)

        incident_writer.writer().submit(work, on_done=self._committed, on_error=self._write_failed)
        return True

    @Slot(object)
    def _committed(self, done: tuple[object, IncidentDetail]) -> None:
        result, detail = done
        self._pending = False
        after, self._after_commit = self._after_commit, None
        if isinstance(result, LogEntry) and result.kind in MARKS:
            self._undoable = (result, self.clock())  # the undo window opens once the mark is shown
        self.show_detail(detail)
        if after is not None:
            after()
        self._say(f"✓ {self._done_message}  {datetime.now().strftime('%H:%M:%S')}")
        self.committed.emit()

    @Slot(str)
    def _write_failed(self, message: str) -> None:
        # Typically the lead marked the same step a moment earlier: say so and catch up.
        self._pending = False
        self._after_commit = None
        self._update_controls()
        self._say(message, error=True)
        self.refresh()

    # -- showing -------------------------------------------------------------------------------
    def _say(self, text: str, error: bool = False) -> None:
        self._refresh_failed = False
        self.status_label.setText(text)
        self.status_label.setStyleSheet(f"color: {style.ERROR if error else style.OK};")

    @Slot()
    def _render(self) -> None:
        detail = self.detail
        if detail is None:
            self.step_area.set_texts(self.tr("Loading…"), "", style.MUTED)
            self._update_controls()
            return
        summary = detail.summary
        paint_badge(self.level_badge, style.level_swatch(summary.level.value))
        self.level_badge.setText(summary.level.label)
        self.drill_banner.setVisible(summary.drill)
        self.title_label.setText(summary.title)
        self.title_label.setToolTip(tip(summary.title))  # in full, where a long word is cut
        self.setWindowTitle(self.tr("Follow mode – %1").replace("%1", summary.title))
        self.numbers.set_contacts(detail.contacts)
        total = len(detail.steps)
        is_open = self._is_open()
        current = self.current_step()
        upcoming = detail.next_step() if is_open else None
        self.role_badge.setVisible(current is not None)
        self.holder_label.setVisible(current is not None and bool(current.holder))
        self.next_label.setVisible(upcoming is not None)
        self.counter_label.setVisible(current is not None)
        if current is not None:
            self.counter_label.setText(self._counter_text(current.number, total))
            paint_badge(self.role_badge, ROLE_SWATCH)
            self.role_badge.setText(current.role_name.text or current.role)
            self.holder_label.setText(holders_text(current.holder, current.backup))
            self.step_area.set_texts(current.text.text, condition_text(detail, current))
        else:
            colour = style.OK if is_open else style.MUTED
            self.step_area.set_texts(self._finished_text(total), self._tally(detail), colour, style.MUTED)
        if upcoming is not None:
            role = step_role_text(upcoming)
            self.next_label.setText(
                self.tr("Next: %1 · %2").replace("%1", role).replace("%2", upcoming.text.text)
            )
        self._update_controls()
        self._tick()
        self._describe(current is not None, upcoming is not None)

    def _describe(self, current: bool, upcoming: bool) -> None:
        """What a screen reader says of the window, which holds the focus here (its keys are the
        window's): the step shown, as its labels read, again whenever it changes. It said only the
        window's title, whatever step was in front."""
        parts = [self.counter_label.text(), self.role_badge.text()] if current else []
        parts += [self.step_area.step.text(), self.step_area.condition.text()]
        parts += [self.next_label.text()] if upcoming else []
        self.setAccessibleDescription("\n".join(part for part in parts if part))

    def _counter_text(self, number: int, total: int) -> str:
        return self.tr("Step %1 / %2").replace("%1", str(number)).replace("%2", str(total))

    def _tally(self, detail: IncidentDetail) -> str:
        if not detail.steps:
            return ""
        done = sum(s.state == StepState.DONE for s in detail.steps)
        skipped = sum(s.state == StepState.SKIPPED for s in detail.steps)
        return self.tr("%1 done, %2 skipped.").replace("%1", str(done)).replace("%2", str(skipped))

    def _finished_text(self, total: int) -> str:
        if not self._is_open():
            return self.tr("This incident is closed.")
        if total == 0:
            return self.tr("No playbook steps: follow the safety lead's instructions.")
        return self.tr("All steps done.")

    def _update_controls(self) -> None:
        may_mark = self.may_mark_steps()
        markable = may_mark and self._is_open() and self.current_step() is not None
        self.done_button.setVisible(markable)
        self.skip_button.setVisible(markable)
        self.done_button.setEnabled(not self._pending)
        self.skip_button.setEnabled(not self._pending)
        self.skip_confirm.setEnabled(not self._pending)
        if not markable:
            self.skip_row.hide()
        self.note_row.setVisible(self.may_note() and self._is_open())
        self.note_button.setEnabled(not self._pending)
        self.undo_button.setEnabled(not self._pending)
        self._expire_undo()
        self.keys_hint.setVisible(markable)
        if not may_mark and not self.status_label.text():
            self.status_label.setStyleSheet(f"color: {style.MUTED};")
            self.status_label.setText(self.tr("Read only: you can follow the steps but not mark them."))

    @Slot()
    def _tick(self) -> None:
        detail = self.detail
        if detail is None:
            return
        self._expire_undo()  # the undo offer ends with its window
        now = utc_now()
        summary = detail.summary
        # "clock?" with the reason, as the console says it, when the PC's clock was set back after
        # the start: it sat at 0:00:00 here, saying nothing, on the screen staff read from afar
        show_elapsed(self.clock_label, summary, now, summary.started_by, "")
        step = self.current_step()
        started = summary.started_at
        target = step_due(step, started) if step is not None else None
        self.target_label.setVisible(target is not None)
        if step is None or target is None:
            return
        late = step_overdue(step, started, now)
        text = self.tr("Target: %1 · by %2").replace("%1", goal_text(step))
        text = text.replace("%2", local_clock(target, started, now))
        if late:
            text += "  " + self.tr("(overdue)")
        self.target_label.setText(text)
        self.target_label.setStyleSheet(f"color: {style.ERROR if late else style.TEXT}; font-weight: 600;")

    @Slot()
    def show_shortcuts(self) -> None:
        from branchguard.gui.shell.shortcuts import ShortcutsDialog, collect_shortcuts

        dialog = ShortcutsDialog(collect_shortcuts(self, []), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- full screen and leaving ----------------------------------------------------------------
    def show_full_screen(self, screen: QScreen | None = None) -> None:
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.raise_()
        self.activateWindow()

    @Slot()
    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    @Slot()
    def leave(self) -> None:
        """Out of full screen first, closed on the second press: all that was marked is on disk; a
        note typed and not sent is asked about first (it went without a word)."""
        if self.isFullScreen():
            self.showNormal()
        elif self.unsent_text():
            self.ask_discard()
        else:
            self.close()

    def _escape(self) -> None:
        if self.skip_row.isVisible():
            self.put_skip_aside()
        elif self.note_edit.hasFocus():
            self.setFocus()  # out of the note box, as Esc leaves a box, its text kept for Enter
        else:
            self.leave()

    def read_on(self, pages: int) -> None:
        """The step a page further (`pages` 1) or back (-1): a step longer than the screen, in
        English at 1024×768, could be read on with the mouse only, and Space marked it done."""
        bar = self.step_area.verticalScrollBar()
        bar.setValue(bar.value() + pages * bar.pageStep())

    def ask_discard(self) -> QMessageBox:
        """Whether to throw away the note typed and not sent; "Keep the note" is the default."""
        box = QMessageBox(self)
        box.setObjectName("follow_unsent_note")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsent note"))
        box.setText(self.tr("Discard the note you typed?"))
        box.setInformativeText(self.tr("It is not in the log yet: leaving follow mode throws it away."))
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep the note"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered() -> None:
            if box.clickedButton() is discard:
                self.note_edit.clear()
                self.close()
            else:
                self.note_edit.setFocus()
            box.deleteLater()

        box.finished.connect(answered)
        box.open()
        return box

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        if event.spontaneous() and self.unsent_text():  # the window's X: asked as Esc asks
            event.ignore()
            self.ask_discard()
            return
        self._poll.stop()
        self._clock.stop()
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)  # the view's fixed texts first
        if event.type() == QEvent.Type.LanguageChange:
            self._render()

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "_keys"):
            return  # the view translates itself before the shortcuts exist
        for keys, what in (
            ("Space", self.tr("Mark the current step done")),
            ("S", self.tr("Skip the current step (asks for a reason)")),
            ("U", self.tr("Undo the last mark (for a few seconds after it)")),
            ("N", self.tr("Write a note")),
            ("Esc", self.tr("Leave full screen, then close follow mode")),
            ("F11", self.tr("Full screen on or off")),
            ("F1", self.tr("These keyboard shortcuts")),
            ("PgDown", self.tr("Read on in a long step")),
            ("PgUp", self.tr("Back up in a long step")),
        ):
            self._keys[keys].setWhatsThis(what)
