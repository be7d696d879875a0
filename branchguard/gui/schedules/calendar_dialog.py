"""The lead's "New schedule" dialog: title, type, owner, recurrence preset, start, lead time, working days.
Saved off the GUI thread (gui/kit/dialog_work.py)."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from branchguard.core.schedules.types import ScheduleInfo, ScheduleInput, ScheduleKind, WorkingDayPolicy
from branchguard.gui.kit import style
from branchguard.gui.kit.dates import calendar_popup
from branchguard.gui.kit.dialog_work import DialogWork
from branchguard.gui.kit.forms import make_room
from branchguard.gui.kit.plain import plain
from branchguard.gui.shell.session import GuiSession

RULES = (
    "", "two_hourly", "daily", "weekly", "monthly", "quarterly", "semiannual", "yearly", "before_holidays"
)
MAX_LEAD_MINUTES = 60 * 24 * 90  # the service's limit (core/schedules/service.py)
LEAD_UNITS = (1, 60, 24 * 60)  # minutes in a minute, an hour, a day


class NewScheduleDialog(QDialog):
    """Adds the schedule through the service when accepted, off the GUI thread (`work`); `added`
    holds it afterwards."""

    def __init__(
        self, session: GuiSession, parent: QWidget | None = None, start: datetime | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.added: ScheduleInfo | None = None
        self.setObjectName("new_schedule_dialog")
        self.setWindowTitle(self.tr("New schedule"))
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("schedule_title")
        self.title_edit.setMaxLength(200)
        self.kind = QComboBox()
        self.kind.setObjectName("schedule_kind")
        for kind in ScheduleKind:
            self.kind.addItem(kind.label, kind)
        self.owner = QLineEdit()
        self.owner.setObjectName("schedule_owner")
        self.rule = QComboBox()
        self.rule.setObjectName("schedule_rule")
        names = [
            self.tr("One-off"),
            self.tr("Every 2 hours while open"),
            self.tr("Daily"),
            self.tr("Weekly"),
            self.tr("Monthly"),
            self.tr("Quarterly"),
            self.tr("Every 6 months"),
            self.tr("Yearly"),
            self.tr("Before each public holiday"),
        ]
        for name, rule in zip(names, RULES, strict=True):
            self.rule.addItem(name, rule)
        when = (start or datetime.now() + timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
        self.start = QDateTimeEdit(QDateTime.fromSecsSinceEpoch(int(when.timestamp())))
        self.start.setObjectName("schedule_start")
        calendar_popup(self.start)
        self.start.setDisplayFormat("yyyy-MM-dd HH:mm")
        # The lead time in minutes, hours or days (the CLI takes minutes; a whole day was too coarse
        # for a drill at 15:00 that wants a reminder at 14:30).
        self.lead_amount = QSpinBox()
        self.lead_amount.setObjectName("schedule_lead_amount")
        self.lead_unit = QComboBox()
        self.lead_unit.setObjectName("schedule_lead_unit")
        for name, minutes in zip(
            (self.tr("minute(s) before"), self.tr("hour(s) before"), self.tr("day(s) before")), LEAD_UNITS,
            strict=True,
        ):
            self.lead_unit.addItem(name, minutes)
        self.lead_unit.currentIndexChanged.connect(self._unit_changed)
        self.lead_box = QWidget()
        lead_row = QHBoxLayout(self.lead_box)
        lead_row.setContentsMargins(0, 0, 0, 0)
        lead_row.addWidget(self.lead_amount)
        lead_row.addWidget(self.lead_unit, 1)
        self.set_lead_minutes(24 * 60)
        self.working_days = QComboBox()
        self.working_days.setObjectName("schedule_working_days")
        for policy in WorkingDayPolicy:
            self.working_days.addItem(policy.label, policy)
        self.error = plain(QLabel())
        self.error.setObjectName("schedule_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {style.ERROR};")
        self.error.hide()
        ok_cancel = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        self.buttons = QDialogButtonBox(ok_cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.work = DialogWork(self, None, self.error, self.buttons)
        form = QFormLayout(self)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Type"), self.kind)
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow(self.tr("Repeats"), self.rule)
        form.addRow(self.tr("First date and time"), self.start)
        form.addRow(self.tr("Remind"), self.lead_box)
        self.lead_amount.setAccessibleName(self.tr("Remind"))  # in a row with its unit: no buddy of its own
        form.addRow(self.tr("Days off"), self.working_days)
        form.addRow(self.work.note)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.resize(460, self.sizeHint().height())

    def data(self) -> ScheduleInput:
        start = datetime.fromtimestamp(self.start.dateTime().toSecsSinceEpoch())  # naive: local wall clock
        return ScheduleInput(
            title=self.title_edit.text().strip(),
            start=start,
            kind=ScheduleKind(self.kind.currentData()),  # the combo hands back the plain value
            owner=self.owner.text().strip(),
            rule=str(self.rule.currentData() or ""),
            lead_minutes=self.lead_minutes(),
            working_days=WorkingDayPolicy(self.working_days.currentData()),
        )

    def lead_minutes(self) -> int:
        return int(self.lead_amount.value()) * int(self.lead_unit.currentData())

    def set_lead_minutes(self, minutes: int) -> None:
        """Shown in the largest unit that says it exactly (90 minutes as 90 minutes, 120 as 2 hours)."""
        unit = next(u for u in reversed(LEAD_UNITS) if minutes % u == 0)
        self.lead_unit.setCurrentIndex(self.lead_unit.findData(unit))
        self._unit_changed()
        self.lead_amount.setValue(minutes // unit)

    def _unit_changed(self) -> None:
        self.lead_amount.setRange(0, MAX_LEAD_MINUTES // int(self.lead_unit.currentData()))

    def show_error(self, message: str) -> None:
        """Under the fields; the dialog grows to the message's lines (a long one was cut off under
        the buttons)."""
        self.error.setText(message)
        self.error.show()
        make_room(self.error)

    def accept(self) -> None:
        if not self.work.ready():
            return
        data = self.data()
        if not data.title:
            self.show_error(self.tr("Give the schedule a title."))
            self.title_edit.setFocus()
            return
        schedules, actor = self.session.services.schedules, self.session.actor
        # The service's rules (a one-off cannot skip days off, …) refuse on the error line.
        self.work.save(lambda: schedules.add(actor, data), self._added)

    def _added(self, added: ScheduleInfo) -> None:
        self.added = added
        self.stored()

    def stored(self) -> None:
        """Saved: the calendar and the lists read again, the dialog closed."""
        self.session.data_changed.emit("schedule")
        QDialog.accept(self)
