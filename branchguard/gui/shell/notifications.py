"""The notification centre: a bell with a badge in the status bar, its panel of reminders, tray messages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSystemTrayIcon,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.roles import may
from branchguard.core.schedules.rules import fold_missed, reminder_overdue
from branchguard.core.schedules.types import ReminderInfo
from branchguard.gui.kit.dates import calendar_popup
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.plain import literal
from branchguard.gui.kit.rows import SIZE_SAMPLE_ROWS
from branchguard.gui.kit.screen import resize_within_screen
from branchguard.gui.kit.text_scale import scaled
from branchguard.gui.kit.times import date_time, now_utc
from branchguard.gui.kit.writer import writer
from branchguard.gui.shell.reminder_notice import ReminderNotice
from branchguard.gui.shell.reminder_rows import ReminderRowsModel

if TYPE_CHECKING:
    from branchguard.gui.incidents.console.dialogs import ReasonDialog
    from branchguard.gui.schedules.qt_scheduler import ScheduleSignals
    from branchguard.gui.shell.main_window import MainWindow

TRAY_MESSAGE_MS = 10_000


def in_an_hour(now: datetime) -> datetime:
    return now + timedelta(hours=1)


def tomorrow_morning(now: datetime) -> datetime:
    """09:00 local time on the next day."""
    local = now.astimezone()
    return datetime.combine(local.date() + timedelta(days=1), time(9, 0), local.tzinfo).astimezone(UTC)


def refused(reminder: ReminderInfo, skipped: bool) -> Message | None:
    """Why the service would refuse marking the reminder's item done (or `skipped`) by hand, as
    its list said (ReminderInfo.done_refusal, skip_refusal); None where it takes it."""
    return reminder.skip_refusal if skipped else reminder.done_refusal


class SnoozeDialog(QDialog):
    """Pick when a reminder shows again (local time, in the future)."""

    def __init__(self, parent: QWidget | None = None, now: datetime | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Snooze until"))
        start = in_an_hour(now or now_utc())
        self.edit = QDateTimeEdit(QDateTime.fromSecsSinceEpoch(int(start.timestamp())))
        self.edit.setObjectName("snooze_until")
        calendar_popup(self.edit)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.setMinimumDateTime(QDateTime.currentDateTime())
        ok_cancel = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok_cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Show again at"), self.edit)
        form.addRow(buttons)

    def until(self) -> datetime:
        return datetime.fromtimestamp(self.edit.dateTime().toSecsSinceEpoch(), UTC)


class NotificationPanel(QFrame):
    """The popup under the bell: the reminders showing now, a schedule's missed ones in one row,
    and what to do with the selected rows (several at once, each with the reminders it folds)."""

    def __init__(self, centre: NotificationCentre, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.centre = centre
        self.setObjectName("notification_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel()
        self.heading.setObjectName("notification_heading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.empty = QLabel()
        self.empty.setProperty("role", "hint")
        self.view = QTableView()
        self.view.setObjectName("notification_list")
        self.view.setModel(centre.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.verticalHeader().hide()
        # a long title loses its end, never a folded row's count before it (reminder_rows)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.snooze_button = QPushButton()
        self.snooze_button.setObjectName("notification_snooze")
        self.snooze_menu = QMenu(self.snooze_button)
        self.snooze_hour = QAction(self.snooze_menu)
        self.snooze_hour.triggered.connect(lambda: centre.snooze_selected(in_an_hour(centre.clock())))
        self.snooze_tomorrow = QAction(self.snooze_menu)
        self.snooze_tomorrow.triggered.connect(
            lambda: centre.snooze_selected(tomorrow_morning(centre.clock()))
        )
        self.snooze_custom = QAction(self.snooze_menu)
        self.snooze_custom.triggered.connect(self._snooze_custom)
        for action in (self.snooze_hour, self.snooze_tomorrow, self.snooze_custom):
            self.snooze_menu.addAction(action)
        self.snooze_button.setMenu(self.snooze_menu)
        self.dismiss_button = QPushButton()
        self.dismiss_button.setObjectName("notification_dismiss")
        self.dismiss_button.clicked.connect(centre.dismiss_selected)
        self.done_button = QPushButton()
        self.done_button.setObjectName("notification_done")
        self.done_button.clicked.connect(centre.done_selected)
        self.skip_button = QPushButton()
        self.skip_button.setObjectName("notification_skip")
        self.skip_button.clicked.connect(centre.ask_skip)
        buttons = QHBoxLayout()
        buttons.addWidget(self.snooze_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.done_button)
        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addWidget(self.view, 1)
        box.addWidget(self.empty)
        box.addLayout(buttons)
        # the size chosen for 10 pt text, grown with larger text: at 15 pt a 560 px list cut its
        # reminders to "Hazard …" (the title column is what is left beside the date, state, owner)
        resize_within_screen(self, scaled(560, self), scaled(320, self))
        self.view.selectionModel().selectionChanged.connect(self.update_buttons)
        centre.model.modelReset.connect(self._reset)
        self._unsized = False
        self.retranslate()
        self._reset()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Reminders"))
        self.empty.setText(self.tr("No reminders. Due items and overdue ones show here."))
        self.snooze_button.setText(self.tr("Snooze"))
        self.snooze_hour.setText(self.tr("For 1 hour"))
        self.snooze_tomorrow.setText(self.tr("Until tomorrow 09:00"))
        self.snooze_custom.setText(self.tr("Until…"))
        self.dismiss_button.setText(self.tr("Dismiss"))
        self.done_button.setText(self.tr("Mark done"))
        self.skip_button.setText(self.tr("Skip…"))
        self.update_buttons()  # the disabled "Mark done" says in the new language where the work is done

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _reset(self) -> None:
        has_rows = self.centre.model.rowCount() > 0
        self.view.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        if has_rows:
            self.view.selectRow(0)
            self._unsized = True
            if self.isVisible():
                self._size_columns()
        self.update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        if self._unsized:
            self._size_columns()
        super().showEvent(event)

    def _size_columns(self) -> None:
        """Sized to a sample of the rows, and only when the panel shows: the list is read again at
        every tick of the scheduler and after every change, mostly while the panel is closed, and
        sizing every row (221 reminders at ten years) held the GUI thread 35-46 ms each time."""
        self._unsized = False
        header = self.view.horizontalHeader()
        header.setResizeContentsPrecision(SIZE_SAMPLE_ROWS)
        self.view.resizeColumnsToContents()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def selected(self) -> ReminderInfo | None:
        """The first selected row's reminder (a folded row's latest)."""
        chosen = self.chosen()
        return chosen[0] if chosen else None

    def chosen(self) -> list[ReminderInfo]:
        """The selected rows, in the list's order; Snooze and Dismiss act on all they fold."""
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [self.centre.model.row_at(row) for row in rows]

    def update_buttons(self) -> None:
        """Snooze and Dismiss act on every selected row. Mark done and Skip… take one occurrence (a
        single row that folds none), and only where the service takes it: each row carries the
        service's answer (links.hand_refusal: a hazard, a complaint, an action end with their
        record; a drill, an inspection, a certificate are done by theirs and skipped only when they
        could not be held; a planned drill's only date is neither). Refused, the button is off and
        says where to act instead, in the window's words."""
        chosen, centre = self.chosen(), self.centre
        one, free = len(chosen) == 1 and not chosen[0].earlier, not centre.acting()
        self.snooze_button.setEnabled(bool(chosen) and centre.may_remind() and free)
        self.dismiss_button.setEnabled(bool(chosen) and centre.may_remind() and free)
        for button, skipped in ((self.done_button, False), (self.skip_button, True)):
            refusal = refused(chosen[0], skipped) if len(chosen) == 1 else None
            button.setEnabled(one and refusal is None and centre.may_complete() and free)
            if refusal is not None:
                button.setToolTip(refusal.text())
            elif chosen and not one:
                button.setToolTip(self._one_occurrence(button))
            else:
                button.setToolTip("")

    def _one_occurrence(self, button: QPushButton) -> str:
        if button is self.skip_button:
            return self.tr("Skip takes one occurrence: choose a single row that is not folded.")
        return self.tr("Mark done takes one occurrence: choose a single row that is not folded.")

    def _snooze_custom(self) -> None:
        dialog = SnoozeDialog(self, self.centre.clock())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.centre.snooze_selected(dialog.until())

    def show_under(self, anchor: QWidget) -> None:
        below = anchor.mapToGlobal(QPoint(anchor.width() - self.width(), -self.height()))
        self.move(below)
        self.show()


class NotificationCentre(QObject):
    """Owned by the main window once someone has logged in. Reminders are rows, so the list is
    read from the service (at start, on every tick, after every change): a restart loses none."""

    count_changed = Signal(int)

    def __init__(
        self,
        window: MainWindow,
        clock: Callable[[], datetime] = now_utc,
        tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
    ) -> None:
        super().__init__(window)
        self.window_ = window
        self.clock = clock
        self._acting = False  # an action on reminders being written (_act_on)
        self.model = ReminderRowsModel(self)
        self.loader = Loader(self, on_error=lambda _message: self._show([]))
        self.bell = QToolButton()
        self.bell.setObjectName("notification_bell")
        self.bell.setIcon(icon("bell"))
        self.bell.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.bell.setAutoRaise(True)
        self.bell.clicked.connect(self.toggle_panel)
        window.statusBar().addPermanentWidget(self.bell)
        self.panel = NotificationPanel(self, window)
        self.tray: QSystemTrayIcon | None = None
        if tray_available():
            self.tray = QSystemTrayIcon(icon("branchguard"), self)
            self.tray.messageClicked.connect(lambda: self.show_panel())
            self.tray.show()
        # Without a tray that can show a message, reminders that come due say so in the window.
        self.notice = ReminderNotice(
            window, self.open_reminder, self._snooze_hour, self._dismiss, clock, self.may_remind
        )
        self._unseen: list[ReminderInfo] = []  # came due while the window was locked
        session = window.session
        session.actor_changed.connect(self.reload)
        session.data_changed.connect(lambda entity: self.reload() if entity == "schedule" else None)
        window.locked_changed.connect(self._locked)
        self.reload()

    def connect_signals(self, signals: ScheduleSignals) -> None:
        signals.ticked.connect(self._on_tick)
        signals.reminders_fired.connect(self.announce)

    def may_remind(self) -> bool:
        """Snooze or dismiss a reminder."""
        return may(self.window_.session.actor, "schedule.remind")

    def may_complete(self) -> bool:
        """Mark the reminder's scheduled item done."""
        return may(self.window_.session.actor, "schedule.complete")

    def count(self) -> int:
        """The rows listed (a schedule's missed reminders are one row)."""
        return self.model.rowCount()

    def reload(self) -> None:
        """Re-read the reminders showing now, off the GUI thread; nothing shows while the window is locked."""
        locked = self.window_.is_locked()
        self.bell.setVisible(not locked)
        if locked:
            self.loader.drop()
            self._show([])
            self.panel.hide()
            return
        session, now = self.window_.session, self.clock()
        schedules, actor = session.services.schedules, session.actor
        self.loader.run(lambda: schedules.reminders(actor, now), self._show)

    def _show(self, rows: list[ReminderInfo]) -> None:
        self.model.set_rows(fold_missed(rows, self.clock()))
        self._show_badge()

    def _show_badge(self) -> None:
        """The badge counts the rows to act on; its tooltip says the reminders behind them too. An
        account that may act on none (the auditor) reads the list with no count and no red."""
        n, items = self.count(), self.model.items()
        now = self.clock()
        overdue = sum(1 for row in self.model.rows() for r in row.folded if reminder_overdue(r, now))
        to_do = n if self.may_remind() else 0
        self.bell.setText(str(to_do) if to_do else "")
        self.bell.setProperty("unread", to_do > 0)
        if to_do:
            tip = self.tr("Reminders: %1 rows for %2 items (overdue: %3)")
        else:
            tip = self.tr("Reminders to read: %1 rows for %2 items (nothing here is yours to act on)")
        self.bell.setToolTip(tip.replace("%1", str(n)).replace("%2", str(items)).replace("%3", str(overdue)))
        red = to_do and overdue
        self.bell.setStyleSheet("QToolButton { color: #B71C1C; font-weight: bold; }" if red else "")
        self.count_changed.emit(to_do)

    def _on_tick(self, _tick: object) -> None:
        self.reload()

    def announce(self, fresh: list[ReminderInfo]) -> None:
        """Newly fired reminders: refresh the list and say so in the system tray, where there is one
        that shows messages, else in the window's notice (after an unlock if the window is locked).
        Only those the bell lists (the engine announces to the window's user already: a check)."""
        self.reload()
        session = self.window_.session
        fresh = session.services.schedules.seen_of(session.actor, fresh) if fresh else []
        if not fresh:
            return
        if self.tray is None or not QSystemTrayIcon.supportsMessages():
            if self.window_.is_locked():
                self._unseen.extend(fresh)
            else:
                self.notice.add(fresh)
            return
        if self.window_.is_locked():
            return
        if len(fresh) == 1:
            title = fresh[0].title
            text = self.tr("Due %1").replace("%1", date_time(fresh[0].due_at))
        else:
            title = self.tr("%1 reminders").replace("%1", str(len(fresh)))
            text = "\n".join(f"{r.title} · {date_time(r.due_at)}" for r in fresh[:5])
        self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, TRAY_MESSAGE_MS)

    def retranslate(self) -> None:
        self.panel.retranslate()
        self.notice.retranslate()
        self._show_badge()

    def _locked(self, locked: bool) -> None:
        if locked:
            self.notice.hide()
        elif self._unseen or self.notice.reminders:
            fresh, self._unseen = self._unseen, []
            self.notice.add(fresh)
        self.reload()

    # -- the notice's actions ------------------------------------------------------------------
    def open_reminder(self, reminder: ReminderInfo) -> None:
        """The calendar's agenda at the reminder's day, the window in front."""
        from branchguard.gui.schedules.calendar_page import AGENDA

        window = self.window_
        window.bring_forward()
        page = window.show_page("calendar")
        if page is not None:
            page.go_to(reminder.due_at.astimezone().date(), AGENDA)  # type: ignore[attr-defined]

    def _snooze_hour(self, reminder: ReminderInfo) -> None:
        self._snooze([reminder], in_an_hour(self.clock()))

    def _dismiss(self, reminder: ReminderInfo) -> None:
        self._dismiss_all([reminder])

    # -- panel ---------------------------------------------------------------------------------
    def toggle_panel(self) -> None:
        if self.panel.isVisible():
            self.panel.hide()
        else:
            self.show_panel()

    def show_panel(self) -> None:
        self.reload()
        self.panel.show_under(self.bell)

    # -- actions on the selected rows ----------------------------------------------------------
    def _act_on(
        self,
        reminders: Sequence[ReminderInfo],
        allowed: Callable[[], bool],
        action: Callable[[list[ReminderInfo]], object],
    ) -> None:
        """`action` on the reminders and every one they fold (a row of a schedule's missed ones), on
        the writer's thread: one at a time, the panel's buttons off meanwhile (a shared database's
        statements can take a while; the window goes on)."""
        if not reminders or not allowed() or self._acting:
            return
        folded = [r for reminder in reminders for r in reminder.folded]
        self._acting = True
        self.panel.update_buttons()
        writer().submit(lambda: action(folded), on_done=self._acted, on_error=self._act_failed)

    def acting(self) -> bool:
        """An action on reminders is being written: the panel's buttons wait for it."""
        return self._acting

    def _acted(self, _result: object = None) -> None:
        self._acting = False
        self.panel.update_buttons()
        self.window_.session.data_changed.emit("schedule")

    def _act_failed(self, message: str) -> None:
        QMessageBox.warning(self.window_, self.tr("Reminders"), literal(message))
        self._acted()

    def _snooze(self, reminders: Sequence[ReminderInfo], until: datetime) -> None:
        session = self.window_.session
        self._act_on(
            reminders,
            self.may_remind,
            lambda rs: session.services.schedules.snooze_many(
                session.actor, [r.id for r in rs], until, self.clock()
            ),
        )

    def _dismiss_all(self, reminders: Sequence[ReminderInfo]) -> None:
        session = self.window_.session
        self._act_on(
            reminders,
            self.may_remind,
            lambda rs: session.services.schedules.dismiss_many(
                session.actor, [r.id for r in rs], self.clock()
            ),
        )

    def snooze_selected(self, until: datetime) -> None:
        self._snooze(self.panel.chosen(), until)

    def dismiss_selected(self) -> None:
        self._dismiss_all(self.panel.chosen())

    def _one_chosen(self) -> ReminderInfo | None:
        """The one row selected, if it folds no missed ones: what Mark done and Skip… act on."""
        chosen = self.panel.chosen()
        return chosen[0] if len(chosen) == 1 and not chosen[0].earlier else None

    def done_selected(self) -> None:
        """One occurrence marked done: one row selected, which folds no missed ones."""
        reminder, session = self._one_chosen(), self.window_.session
        if reminder is None:
            return
        self._act_on(
            [reminder],
            self.may_complete,
            lambda rs: session.services.schedules.complete(
                session.actor, rs[0].occurrence_id, now=self.clock()
            ),
        )

    def ask_skip(self) -> ReasonDialog | None:
        """One occurrence skipped with its reason (required: the service's own rule, as for
        `schedule done ID --skip REASON`): a day that could not be held, a certificate that will
        not be renewed. The service is called while the dialog is open, so a refusal shows in it
        with the reason kept; Esc on a typed reason asks first (kit/discard). It writes on the
        writer's thread with the dialog open (DialogWork). Its module is read when first asked: the
        bell is built at every start."""
        from branchguard.gui.incidents.console.dialogs import ReasonDialog

        reminder, session = self._one_chosen(), self.window_.session
        if reminder is None or not self.may_complete():
            return None
        if refused(reminder, skipped=True) is not None:
            return None  # the service would refuse it (Skip… is off and says where): no reason typed in vain
        schedules, actor, occurrence_id = session.services.schedules, session.actor, reminder.occurrence_id
        clock = self.clock
        dialog = ReasonDialog(
            self.tr("Skip"),
            self.tr("“%1” (due %2) is marked skipped: it counts as not done.")
            .replace("%2", date_time(reminder.due_at))
            .replace("%1", reminder.title),
            self.tr("Why is it skipped?"),
            parent=self.window_,
            write=lambda reason: lambda: schedules.complete(
                actor, occurrence_id, skipped=True, note=reason, now=clock()
            ),
            written=lambda _done: session.data_changed.emit("schedule"),
            core_field="field.skip_reason",
        )
        dialog.setObjectName("notification_skip_dialog")
        dialog.finished.connect(dialog.deleteLater)
        self.panel.hide()
        dialog.open()
        return dialog
