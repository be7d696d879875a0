"""The incident console: one incident's header, steps, log, call list and attachments, and its actions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QSplitter, QToolButton, QVBoxLayout, QWidget

from branchguard.core.accounts.names import Names
from branchguard.core.branch.types import place_of
from branchguard.core.early_warnings.rules import takes_warning
from branchguard.core.incidents.rules import open_at_close
from branchguard.core.incidents.types import (
    EntryKind,
    IncidentDetail,
    IncidentStatus,
    LogEntry,
    StepState,
)
from branchguard.core.kernel.i18n import current_language
from branchguard.core.kernel.roles import may
from branchguard.gui.audit.record_band import LedgerBand
from branchguard.gui.incidents.console.asking import ConsoleDialogs
from branchguard.gui.incidents.console.close_dialog import CloseDialog
from branchguard.gui.incidents.console.dialogs import (
    CorrectDialog,
    LevelDialog,
    ReportFieldsDialog,
    SkipDialog,
    WarningLevelDialog,
)
from branchguard.gui.incidents.console.guides import GuidesButton
from branchguard.gui.incidents.console.header import IncidentHeader
from branchguard.gui.incidents.console.log_panel import LARGE_LOG_ROWS, LogPanel
from branchguard.gui.incidents.console.side_panel import AttachmentsBox, CallList, OutcomeBox
from branchguard.gui.incidents.console.steps_panel import StepsPanel
from branchguard.gui.incidents.console.tab_order import actions_last
from branchguard.gui.incidents.reports import ReportMenu
from branchguard.gui.kit.elided import ElidedLabel
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.short_labels import ButtonRow
from branchguard.gui.kit.text_scale import large_text
from branchguard.gui.kit.writer import writer
from branchguard.gui.shell.session import GuiSession

TICK_MS = 1000
LOG_ROWS = 5  # log rows kept in view when the console is sized; the steps take the rest
POLL_MS = 15_000  # others (follow mode, another PC, the CLI) write too: re-read while shown


class IncidentConsole(QWidget):
    """Everything the lead does during one incident. Every write goes through the serial log
    writer and is shown only once it is on disk; what a role may not do is not offered
    (the services refuse it as well)."""

    changed = Signal(int)  # incident id: its level, status or title changed (lists and banner follow)
    loaded = Signal()  # the incident was (re)read: `detail` is current

    def __init__(self, session: GuiSession, incident_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"incident_console_{incident_id}")
        self.session = session
        self.incident_id = incident_id
        self.detail: IncidentDetail | None = None
        self._shown: tuple[object, ...] = ()  # what _show last showed, and in which language
        # Steps marked here and not yet shown marked: a second Enter or Ctrl+D on the same step,
        # before the list caught up, was refused by the service in red ("already Done").
        self.marking: set[int] = set()
        self.loader = Loader(self, on_error=self.show_error)
        self.dialogs = ConsoleDialogs(self)
        self.branch_place = ""  # the branch's name and address, the initial report's place by default
        self.header = IncidentHeader()
        # What went wrong, on one line ending "…" where it is longer, whole in its tooltip and to a
        # screen reader: wrapped, a refusal naming a file took three lines at 15 pt, 784 px of window.
        self.message = ElidedLabel()
        self.message.setObjectName("incident_message")
        self.message.setProperty("role", "error")
        self.message.hide()
        # The incident or its log rewritten outside the app: two lines, the differences in its tooltip
        self.ledger_band = LedgerBand(session, self, shown_problems=0)
        self.ledger_band.toggled.connect(self._make_room)
        self.level_button = self._button("warning", "incident_level_button", self.ask_level)
        self.warning_button = self._button("warning", "incident_warning_button", self.ask_warning)
        self.report_button = self._button("export", "incident_report_button", self.ask_report_fields)
        self.close_button = self._button("approve", "incident_close_button", self.ask_close)
        self.follow_button = self._button("steps", "incident_follow_button", self.open_follow_mode)
        self.print_button = QPushButton(icon("print"), "")
        self.print_button.setObjectName("incident_print_button")
        self.print_menu = ReportMenu(self, session, lambda: self.incident_id)
        self.print_button.setMenu(self.print_menu)
        self.guides_button = GuidesButton(session, incident_id)
        # The panels made where they stay, in the splitters `_build_layout` lays out: a panel moved
        # under another parent is restyled with all it holds (kit/tabs.py).
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.work = QSplitter(Qt.Orientation.Vertical, self.splitter)
        self.side = QWidget(self.splitter)
        self.steps = StepsPanel(self.work)
        self.steps.done_requested.connect(self.mark_done)
        self.steps.skip_requested.connect(self.ask_skip)
        self.log = LogPanel(session.services, session.actor, incident_id, self.work)
        self.log.submitted.connect(self.add_entry)
        self.log.correct_requested.connect(self.ask_correction)
        self.calls_title = QLabel()
        self.calls_title.setStyleSheet("font-weight: 600;")
        # The call list folds away to give the steps the width (a 1024-wide screen cuts their text).
        self.calls_toggle = QToolButton()
        self.calls_toggle.setObjectName("incident_calls_toggle")
        self.calls_toggle.setCheckable(True)
        self.calls_toggle.setChecked(True)
        self.calls_toggle.setAutoRaise(True)
        self.calls_toggle.toggled.connect(self.show_side)
        self.calls = CallList(self.side)
        self.attachments = AttachmentsBox(session, self.side)
        self.attachments.attach_requested.connect(self.ask_attach)
        self.outcome = OutcomeBox(self.side)
        self._build_layout()
        actions_last(self, self.button_row)  # Tab enters at the step in front's Done
        self._make_actions()
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self.tick)
        self._tick.start()
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(lambda: self.reload() if self.isVisible() else None)
        self._poll.start()
        self.retranslate()
        self.apply_role()
        # The first page is read in the background; the view reads on as it scrolls.
        self.log.model.first_page_read.connect(self.log.follow_end)
        self.log.model.read_first_page()
        self.reload()

    # -- building ------------------------------------------------------------------------------
    def _button(self, icon_name: str, name: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(icon(icon_name), "")
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _build_layout(self) -> None:
        # Top down, each box made inside its parent: a widget added to a box of its own moves with
        # it, and every move of a panel (steps, log) restyles all its parts (12 ms of a console's 23).
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 4, 8, 4)
        box.setSpacing(4)
        box.addWidget(self.ledger_band)
        box.addWidget(self.header)
        box.addWidget(self.message)
        # At the right on one line; wraps on a small screen (at larger text first short labels).
        self.button_row = ButtonRow(self)
        box.addWidget(self.button_row)
        split = self.splitter
        split.setChildrenCollapsible(False)
        box.addWidget(split, 1)
        buttons = self.button_row.flow
        buttons.add_stretch()
        for button in (
            self.guides_button,
            self.follow_button,
            self.level_button,
            self.warning_button,
            self.report_button,
            self.print_button,
            self.close_button,
        ):
            buttons.add_widget(button)
        work = self.work
        work.setChildrenCollapsible(False)
        work.addWidget(self.steps)
        work.addWidget(self.log)
        work.setStretchFactor(0, 3)  # the steps say what to do next; the log is read less often
        work.setStretchFactor(1, 2)
        self._work_moved = False  # once the lead drags the split, it stays theirs
        work.splitterMoved.connect(lambda *_: setattr(self, "_work_moved", True))
        side = self.side
        side_box = QVBoxLayout(side)
        side_box.setContentsMargins(0, 0, 0, 0)
        side_box.addWidget(self.calls_title)
        side_box.addWidget(self.calls, 3)
        side_box.addWidget(self.attachments, 2)
        side_box.addWidget(self.outcome)
        split.addWidget(work)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([760, 300])
        self.steps.heading_row.addWidget(self.calls_toggle)
        # no taller than the heading beside it: every pixel of that row is a step row's
        self.calls_toggle.setStyleSheet("QToolButton { padding: 0px 4px; }")
        self.calls_toggle.setMaximumHeight(self.steps.heading.sizeHint().height())
        # At larger text the list starts folded: beside the steps it took 300 px of a 1024-wide
        # screen's 750, and the steps' columns scrolled sideways (the toggle opens it).
        if large_text(self):
            self.calls_toggle.setChecked(False)

    def show_side(self, shown: bool) -> None:
        """The call list and attachments column, shown or folded away."""
        self.side.setVisible(shown)
        self._label_calls_toggle()

    def _label_calls_toggle(self) -> None:
        shown = self.calls_toggle.isChecked()
        self.calls_toggle.setText(self.tr("Hide call list ›") if shown else self.tr("‹ Call list"))
        self.calls_toggle.setToolTip(
            self.tr("Fold the call list and attachments away to widen the steps")
            if shown
            else self.tr("Show the call list and attachments again")
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._work_moved:
            QTimer.singleShot(0, self, self._size_work)  # none once the console is gone

    def _size_work(self) -> None:
        """The log keeps LOG_ROWS whole rows; the steps take the rest (with the step now in large
        type): on a 768-line screen six steps and five log rows show (issue #17: three and two).
        At larger text the log keeps its three (LARGE_LOG_ROWS), the steps take the rest."""
        total = sum(self.work.sizes())
        log = self.log.height_for_rows(LARGE_LOG_ROWS if large_text(self) else LOG_ROWS)
        if total > log and not self._work_moved:
            self.work.setSizes([total - log, log])

    def _make_actions(self) -> None:
        """Keys of the console; listed in F1 while the console is in front."""

        def action(keys: str, slot: Callable[[], Any]) -> QAction:
            act = QAction(self)
            act.setShortcuts([QKeySequence(keys)])
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.done_action = action("Ctrl+D", self.steps.request_done)
        self.skip_action = action("Ctrl+K", self.steps.request_skip)
        self.write_action = action("Ctrl+E", self.focus_log)
        self.correct_action = action("Ctrl+Shift+E", self.log.request_correction)
        self.attach_action = action("Ctrl+Shift+A", self.ask_attach)
        self.follow_action = action("Ctrl+Shift+F", self.open_follow_mode)
        # The buttons' actions by key as well: Tab reaches them too, but a crisis wants one chord.
        self.level_action = action("Ctrl+Shift+L", self.ask_level)
        self.warning_action = action("Ctrl+Shift+W", self.ask_warning)
        self.report_action = action("Ctrl+Shift+R", self.ask_report_fields)
        self.print_action = action("Ctrl+P", self.print_button.showMenu)
        self.close_action = action("Ctrl+Shift+C", self.ask_close)

    def retranslate(self) -> None:
        self.button_row.label(self.level_button, self.tr("Change level…"), self.tr("Level…"))
        self.level_button.setToolTip(self.tr("Raise or lower the level, with a reason (Ctrl+Shift+L)"))
        self.button_row.label(self.warning_button, self.tr("Warning level…"), self.tr("Warning…"))
        self.warning_button.setToolTip(self.tr("The four-colour weather or disaster warning (Ctrl+Shift+W)"))
        self.button_row.label(self.report_button, self.tr("Initial report…"), self.tr("Initial…"))
        self.report_button.setToolTip(self.tr("The initial report to head office (Ctrl+Shift+R)"))
        self.button_row.label(self.close_button, self.tr("Close incident…"), self.tr("Close…"))
        self.close_button.setToolTip(self.tr("Close the incident, recording how it ended (Ctrl+Shift+C)"))
        self.button_row.label(self.print_button, self.tr("Preview / Print"), "")  # at larger text its icon
        self.print_button.setToolTip(
            self.tr("The incident report or the initial report: preview, print or save as PDF (Ctrl+P)")
        )
        self.print_menu.retranslate()
        self.guides_button.retranslate()
        self.button_row.label(self.follow_button, self.tr("Follow mode"), self.tr("Follow"))
        self.follow_button.setToolTip(self.tr("Full screen, current step in large type (Ctrl+Shift+F)"))
        self.calls_title.setText(self.tr("Call list"))
        self.calls.setAccessibleName(self.calls_title.text())
        self._label_calls_toggle()
        self.done_action.setText(self.tr("Mark the step done"))
        self.skip_action.setText(self.tr("Skip the step…"))
        self.write_action.setText(self.tr("Write a log entry"))
        self.correct_action.setText(self.tr("Correct the selected log entry…"))
        self.attach_action.setText(self.tr("Attach a photo or file…"))
        self.follow_action.setText(self.tr("Follow mode"))
        self.level_action.setText(self.tr("Change the incident's level…"))
        self.warning_action.setText(self.tr("Change the warning level…"))
        self.report_action.setText(self.tr("Initial report to head office…"))
        self.print_action.setText(self.tr("Preview or print the reports"))
        self.close_action.setText(self.tr("Close the incident…"))
        for part in (self.header, self.steps, self.log, self.attachments, self.outcome):
            part.retranslate()

    # -- who may do what -----------------------------------------------------------------------
    def is_open(self) -> bool:
        return self.detail is None or self.detail.summary.status == IncidentStatus.OPEN

    def may_write(self) -> bool:
        """Write and correct entries: lead and staff, while the incident is open."""
        return may(self.session.actor, "incident.log") and self.is_open()

    def may_mark_steps(self) -> bool:
        """Mark steps done or skipped (here or in follow mode): lead and staff, while it is open."""
        return may(self.session.actor, "incident.step") and self.is_open()

    def may_change_warning(self) -> bool:
        """The four-colour warning of an open weather or disaster incident: lead and staff."""
        weather = self.detail is not None and takes_warning(self.detail.summary.category)
        return weather and may(self.session.actor, "incident.warning") and self.is_open()

    def apply_role(self) -> None:
        actor, live = self.session.actor, self.is_open()
        write, mark = self.may_write(), self.may_mark_steps()
        attach = may(actor, "incident.attach") and live
        level, warning = may(actor, "incident.level") and live, self.may_change_warning()
        close, report = may(actor, "incident.close") and live, may(actor, "incident.report")
        self.log.set_may_write(write)
        self.level_button.setVisible(level)
        self.warning_button.setVisible(warning)
        self.close_button.setVisible(close)
        self.report_button.setVisible(report)  # the report can still be completed after closing
        self.attachments.attach_button.setVisible(attach)
        self.follow_button.setVisible(mark)
        for act, allowed in (
            (self.done_action, mark),
            (self.skip_action, mark),
            (self.write_action, write),
            (self.correct_action, write),
            (self.attach_action, attach),
            (self.follow_action, mark),
            (self.level_action, level),
            (self.warning_action, warning),
            (self.report_action, report),
            (self.close_action, close),
        ):
            act.setVisible(allowed)  # as its button: F1 does not offer it (gui/shell/shortcuts.py)
            act.setEnabled(allowed)
        if self.detail is not None:
            self.steps.set_detail(self.detail, mark)

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the incident (steps, level, status, attachments) and any entries written elsewhere."""
        services, actor, incident_id = self.session.services, self.session.actor, self.incident_id

        def load() -> tuple[IncidentDetail, list[LogEntry], str, Names]:
            detail = services.incidents.get(actor, incident_id, with_entries=False)
            attachments = services.incidents.attachments(actor, incident_id)
            return detail, attachments, place_of(services.branch.get()), services.auth.names(actor)

        self.loader.run(load, self._show)

    def _show(self, loaded: tuple[IncidentDetail, list[LogEntry], str, Names]) -> None:
        detail, attachments, place, who = loaded
        # What the console shows of it (all but the log's length and head, which the log follows),
        # and in which language: a re-read after a switch words every part again, the call list too.
        as_shown = (
            replace(detail, summary=replace(detail.summary, entry_count=0, chain_head="")),
            attachments,
            place,
            who,
            current_language(),
        )
        if as_shown == self._shown:
            # Only the log may have changed (the poll's usual answer, and a page refresh's): setting
            # every part again restyled the badges and laid out and painted the whole console,
            # 8-10 ms of the GUI thread at each 15 s poll and twice in a page refresh.
            self.detail = detail
            self.log.model.fetch_new()
            self.loaded.emit()
            return
        self._shown = as_shown
        self.branch_place = place
        before = self.detail
        self.detail = detail
        pending = {step.number for step in detail.steps if step.state == StepState.PENDING}
        self.marking &= pending  # shown marked now; a step reopened by a correction may be marked again
        self.header.who = who
        self.steps.model.set_names(who)
        self.log.model.set_names(who)
        self.log.model.set_started(detail.summary.started_at)
        self.header.set_detail(detail)
        self.calls.set_contacts(detail.contacts)
        self.attachments.set_entries(attachments)
        self.outcome.set_detail(detail)
        self.guides_button.show_for(detail.summary.category)
        self.apply_role()
        self.log.model.fetch_new()
        self.ledger_band.check("incident", self.incident_id)  # as it changes, not at each poll
        self.loaded.emit()

        def shown(d: IncidentDetail) -> tuple[object, ...]:
            return d.summary.level, d.summary.status, d.summary.warning_level

        if before is not None and shown(before) != shown(detail):
            self.changed.emit(self.incident_id)

    def tick(self) -> None:
        """A second passed: the elapsed time, the checkpoint and the steps' targets, while the
        console shows. A hidden console's tick re-measured its steps every second on whatever page
        was open (ten years, two open incidents: 10 ms and more in other pages' longest stalls);
        showing it again ticks at once."""
        if self.isVisible():
            self.header.tick()
            self.steps.model.tick()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.tick()

    def show_error(self, message: str) -> None:
        """`message` on the line above the buttons ("" hides it). Its height comes out of the log's
        floor while it shows: at 15 pt the console fills a 768-line screen, and the line made the
        window 779 px tall."""
        self.message.setText(message)
        self._make_room(bool(message))  # before the line shows: else the window grows first
        self.message.setVisible(bool(message))

    def _make_room(self, message: bool | None = None) -> None:
        """The log's floor less the lines shown above the panels: the message (`message`: whether
        it is to show; None: as it is) and the ledger's warning."""
        box = self.layout()
        spacing = box.spacing() if box is not None else 0
        shown = not self.message.isHidden() if message is None else message
        band = self.ledger_band
        lines = [w for w, on in ((self.message, shown), (band, not band.isHidden())) if on]
        self.log.leave_room(sum(w.sizeHint().height() + spacing for w in lines))
        # the panels' floor as the console's box measures it, now: else the box measured the line
        # with the floor before, and the window grew, before the splitters passed the new one on
        self.splitter.updateGeometry()

    # -- writing -------------------------------------------------------------------------------
    def _write(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        """Send `work` to the log writer. A refusal is often the incident moving on elsewhere (closed
        on another PC, a step marked in follow mode): it is read again at once, not at the next poll."""
        self.show_error("")
        writer().submit(work, on_done=on_done, on_error=partial(self._refused, on_error or self.show_error))

    def _refused(self, said: Callable[[str], None], message: str) -> None:
        said(message)
        self.reload()

    def _entry_written(self, entry: LogEntry) -> None:
        self.log.committed(entry)

    def changed_by_me(self, entry: LogEntry | None = None) -> None:
        """After a write that changes more than the log: re-read, tell the lists and the banner."""
        if entry is not None:
            self.log.committed(entry)
        else:
            self.log.model.fetch_new()
        self.reload()
        self.changed.emit(self.incident_id)
        self.session.data_changed.emit("incident")

    def add_entry(self, kind: EntryKind, text: str) -> None:
        """The log box's entry: the box takes no other until this one is back (written or refused:
        then its text is still there to send again)."""
        if self.log.is_pending():
            return
        s, incident_id = self.session, self.incident_id
        self.log.set_pending(text)
        self._write(
            lambda: s.services.incidents.log(s.actor, incident_id, kind, text),
            self._box_entry_written,
            self._box_entry_refused,
        )

    def _box_entry_written(self, entry: LogEntry) -> None:
        self.log.set_pending("")
        self._entry_written(entry)

    def _box_entry_refused(self, message: str) -> None:
        self.log.set_pending("")
        self.show_error(message)

    def mark_done(self, number: int) -> None:
        if number in self.marking:
            return  # the same mark again (Enter pressed twice): it is on its way, quietly
        self.marking.add(number)
        s, incident_id = self.session, self.incident_id

        def refused(message: str) -> None:
            self.marking.discard(number)
            self.show_error(message)

        self._write(
            lambda: s.services.incidents.mark_step(s.actor, incident_id, number, done=True),
            self.changed_by_me,
            refused,
        )

    def attach(self, path: Path) -> None:
        s, incident_id = self.session, self.incident_id
        self._write(lambda: s.services.incidents.attach(s.actor, incident_id, path), self.changed_by_me)

    def unsent(self) -> bool:
        """Text typed in the log box, or in this incident's follow-mode note, that is not on its way
        to the log: a quit now would lose it (gui/shell/quit_guard.py asks first)."""
        from branchguard.gui.incidents.follow_mode.window import FollowWindow  # asked at a quit only

        return bool(self.log.unsent_text()) or any(w.unsent_text() for w in self.findChildren(FollowWindow))

    # -- asking --------------------------------------------------------------------------------
    def focus_log(self) -> None:
        if self.may_write():
            self.log.text.setFocus()

    def ask_skip(self, number: int) -> SkipDialog | None:
        return self.dialogs.skip(number)

    def ask_correction(self, entry: LogEntry) -> CorrectDialog:
        return self.dialogs.correction(entry)

    def ask_level(self) -> LevelDialog | None:
        return self.dialogs.level()

    def ask_warning(self) -> WarningLevelDialog | None:
        return self.dialogs.warning()

    def ask_attach(self) -> None:
        if not (may(self.session.actor, "incident.attach") and self.is_open()):
            return
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Attach a photo or file"),
            "",
            self.tr("Photos and documents (*.jpg *.jpeg *.png *.pdf *.doc *.docx *.txt);;All files (*)"),
        )
        if name:
            self.attach(Path(name))

    def ask_report_fields(self) -> ReportFieldsDialog | None:
        return self.dialogs.report_fields()

    def ask_close(self) -> CloseDialog | None:
        if not (may(self.session.actor, "incident.close") and self.is_open()):
            return None
        still_open = open_at_close(self.detail, datetime.now(UTC)) if self.detail is not None else None
        s, incident_id = self.session, self.incident_id
        began = self.detail.summary.started_at.astimezone().date() if self.detail is not None else None
        # The dialog closes the incident itself (through the writer) and stays open on a refusal.
        dialog = CloseDialog(
            self, still_open, lambda data: s.services.incidents.close(s.actor, incident_id, data), began
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.closed.connect(lambda _detail: self.changed_by_me())
        dialog.open()
        return dialog

    def open_follow_mode(self) -> None:
        if not self.may_mark_steps():
            return
        from branchguard.gui.incidents.follow_mode import open_follow_mode  # loaded when asked for

        open_follow_mode(self, self.session, self.incident_id)
