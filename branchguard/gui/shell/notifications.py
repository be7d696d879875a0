"""The notification centre: a bell with a badge in the status bar, its panel of reminders, tray messages."""

from __future__ import annotations

from collections.abc import Callable
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

from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.kernel.roles import may
from branchguard.core.schedules.links import by_hand_refusal
from branchguard.core.schedules.rules import reminder_overdue
from branchguard.core.schedules.types import ReminderInfo
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.plain import literal
from branchguard.gui.kit.rows import SIZE_SAMPLE_ROWS
from branchguard.gui.kit.times import date_time, now_utc
from branchguard.gui.schedules.models import ReminderModel
from branchguard.gui.shell.reminder_notice import ReminderNotice

if TYPE_CHECKING:
    from branchguard.gui.schedules.qt_scheduler import ScheduleSignals
    from branchguard.gui.shell.main_window import MainWindow

TRAY_MESSAGE_MS = 10_000


def in_an_hour(now: datetime) -> datetime:
    return now + timedelta(hours=1)


def tomorrow_morning(now: datetime) -> datetime:
    """09:00 local time on the next day."""
    local = now.astimezone()
    return datetime.combine(local.date() + timedelta(days=1), time(9, 0), local.tzinfo).astimezone(UTC)


class SnoozeDialog(QDialog):
    """Pick when a reminder shows again (local time, in the future)."""

    def __init__(self, parent: QWidget | None = None, now: datetime | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Snooze until"))
        start = in_an_hour(now or now_utc())
        self.edit = QDateTimeEdit(QDateTime.fromSecsSinceEpoch(int(start.timestamp())))
        self.edit.setObjectName("snooze_until")
        self.edit.setCalendarPopup(True)
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
    """The popup under the bell: the reminders showing now and what to do with the selected one."""

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
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
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
        buttons = QHBoxLayout()
        buttons.addWidget(self.snooze_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addWidget(self.view, 1)
        box.addWidget(self.empty)
        box.addLayout(buttons)
        self.resize(560, 320)
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
        rows = self.view.selectionModel().selectedRows()
        return self.centre.model.row_at(rows[0].row()) if rows else None

    def update_buttons(self) -> None:
        """An item that its record ends or does (a hazard, a complaint, a certificate, an action, a
        drill, an inspection) is not marked done here: the button is off and says where instead."""
        reminder, centre = self.selected(), self.centre
        chosen = reminder is not None
        refusal = by_hand_refusal(reminder.schedule_kind, reminder.subject_id) if reminder else None
        self.snooze_button.setEnabled(chosen and centre.may_remind())
        self.dismiss_button.setEnabled(chosen and centre.may_remind())
        self.done_button.setEnabled(chosen and refusal is None and centre.may_complete())
        self.done_button.setToolTip(refusal.text() if refusal is not None else "")

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
        self.model = ReminderModel(self)
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
        self.model.set_rows(rows)
        self._show_badge()

    def _show_badge(self) -> None:
        n = self.count()
        self.bell.setText(str(n) if n else "")
        self.bell.setProperty("unread", n > 0)
        now = self.clock()
        overdue = sum(1 for r in self.model.rows() if reminder_overdue(r, now))
        tip = self.tr("Reminders: %1 (overdue: %2)").replace("%1", str(n)).replace("%2", str(overdue))
        self.bell.setToolTip(tip)
        self.bell.setStyleSheet("QToolButton { color: #B71C1C; font-weight: bold; }" if overdue else "")
        self.count_changed.emit(n)

    def _on_tick(self, _tick: object) -> None:
        self.reload()

    def announce(self, fresh: list[ReminderInfo]) -> None:
        """Newly fired reminders: refresh the list and say so in the system tray, where there is one
        that shows messages, else in the window's notice (after an unlock if the window is locked)."""
        self.reload()
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
        session = self.window_.session
        until = in_an_hour(self.clock())
        self._act_on(
            reminder,
            self.may_remind,
            lambda r: session.services.schedules.snooze(session.actor, r.id, until, self.clock()),
        )

    def _dismiss(self, reminder: ReminderInfo) -> None:
        session = self.window_.session
        self._act_on(
            reminder,
            self.may_remind,
            lambda r: session.services.schedules.dismiss(session.actor, r.id, self.clock()),
        )

    # -- panel ---------------------------------------------------------------------------------
    def toggle_panel(self) -> None:
        if self.panel.isVisible():
            self.panel.hide()
        else:
            self.show_panel()

    def show_panel(self) -> None:
        self.reload()
        self.panel.show_under(self.bell)

    # -- actions on the selected reminder ------------------------------------------------------
    def _act(self, allowed: Callable[[], bool], action: Callable[[ReminderInfo], object]) -> None:
        self._act_on(self.panel.selected(), allowed, action)

    def _act_on(
        self,
        reminder: ReminderInfo | None,
        allowed: Callable[[], bool],
        action: Callable[[ReminderInfo], object],
    ) -> None:
        if reminder is None or not allowed():
            return
        try:
            action(reminder)
        except BranchGuardError as exc:
            QMessageBox.warning(self.window_, self.tr("Reminders"), literal(exc.message))
        self.window_.session.data_changed.emit("schedule")

    def snooze_selected(self, until: datetime) -> None:
        session = self.window_.session
        self._act(
            self.may_remind,
            lambda r: session.services.schedules.snooze(session.actor, r.id, until, self.clock()),
        )

    def dismiss_selected(self) -> None:
        session = self.window_.session
        self._act(
            self.may_remind, lambda r: session.services.schedules.dismiss(session.actor, r.id, self.clock())
        )

    def done_selected(self) -> None:
        session = self.window_.session
        self._act(
            self.may_complete,
            lambda r: session.services.schedules.complete(session.actor, r.occurrence_id, now=self.clock()),
        )
