"""Small dialogs of the Inspections page: start a run (where), schedule a checklist."""

from __future__ import annotations

from datetime import datetime
from typing import cast
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from branchguard.core.inspections.types import Cadence, InspectionDetail, InspectionInput
from branchguard.core.schedules.rules import PRESETS
from branchguard.core.schedules.types import ScheduleInfo, ScheduleInput, ScheduleKind, WorkingDayPolicy
from branchguard.gui.inspections.runner.names import NamePicker, read_roster_names
from branchguard.gui.kit.dialog_work import AsNow, DialogWork, stored_or_as_now
from branchguard.gui.kit.forms import FieldForm, spoken
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.text_scale import scaled
from branchguard.gui.schedules.calendar_dialog import NewScheduleDialog
from branchguard.gui.shell.session import GuiSession

_B = QDialogButtonBox.StandardButton


class StartInspectionDialog(QDialog):
    """Where the inspection takes place; OK starts it through the service off the GUI thread
    (gui/kit/dialog_work.py), the dialog open until it is stored (`started` holds it)."""

    def __init__(
        self,
        session: GuiSession,
        code: str,
        name: str,
        occurrence_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.code = code
        self.occurrence_id = occurrence_id
        self.started: InspectionDetail | None = None
        self.setObjectName("start_inspection_dialog")
        self.setWindowTitle(self.tr("Start inspection"))
        self.setMinimumWidth(scaled(460, self))
        intro = plain(QLabel(name))
        intro.setStyleSheet("font-weight: 600;")
        intro.setWordWrap(True)
        self.due_note = QLabel(self.tr("This run completes the due inspection.") if occurrence_id else "")
        self.due_note.setProperty("role", "hint")
        self.due_note.setVisible(bool(occurrence_id))
        self.form = FieldForm()
        self.location = QLineEdit()
        self.location.setMaxLength(200)
        self.location.setPlaceholderText(self.tr("e.g. banking hall, self-service area, vault"))
        self.form.add_field("inspection_location", self.tr("Location"), self.location, "field.location")
        self.notes = QLineEdit()
        self.notes.setMaxLength(1000)
        self.form.add_field("inspection_notes", self.tr("Notes"), self.notes, "field.notes")
        self.error = error_label()
        self.buttons = QDialogButtonBox(_B.Ok | _B.Cancel)
        self.buttons.button(_B.Ok).setText(self.tr("Start"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.work = DialogWork(self, self.form, self.error, self.buttons)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addWidget(self.due_note)
        box.addLayout(self.form)
        box.addWidget(self.work.note)
        box.addWidget(self.error)
        box.addWidget(self.buttons)

    def accept(self) -> None:
        location = self.location.text().strip()
        data = InspectionInput(
            location=location, occurrence_id=self.occurrence_id, notes=self.notes.text().strip()
        )
        inspections, actor, code = self.session.services.inspections, self.session.actor, self.code
        self.work.save(lambda: inspections.start(actor, code, data), self._started)

    def _started(self, started: InspectionDetail) -> None:
        self.started = started
        super().accept()


class InspectionScheduleDialog(NewScheduleDialog):
    """The calendar's schedule dialog, narrowed to what a checklist's schedule has: a cadence,
    the person it is assigned to and the first date. Reminders come from the schedule engine.
    Given `schedule`, it changes that one instead of adding another."""

    def __init__(
        self,
        session: GuiSession,
        code: str,
        name: str,
        cadence: Cadence,
        parent: QWidget | None = None,
        schedule: ScheduleInfo | None = None,
    ) -> None:
        super().__init__(session, parent)
        self.code = code
        self.schedule = schedule
        self.setObjectName("inspection_schedule_dialog")
        self.setWindowTitle(self.tr("Schedule: %1").replace("%1", name))
        self.title_edit.setText(name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(ScheduleKind.INSPECTION)))
        cadences = {c.value for c in Cadence}
        for index in reversed(range(self.rule.count())):
            if self.rule.itemData(index) not in cadences:
                self.rule.removeItem(index)
        self.rule.setCurrentIndex(max(0, self.rule.findData(cadence.value)))
        self.assignee = NamePicker("schedule_assignee")
        services, actor = session.services, session.actor
        self._roster_empty = False
        self.work.read(lambda: read_roster_names(services, actor), self._show_names)
        form = self.layout()
        assert isinstance(form, QFormLayout)
        for widget in (self.title_edit, self.kind, self.lead_box, self.working_days):
            form.setRowVisible(widget, False)
        form.replaceWidget(self.owner, self.assignee)
        self.owner.hide()
        label = form.labelForField(self.assignee)
        if isinstance(label, QLabel):
            label.setText(self.tr("Assigned to"))
            self.assignee.setAccessibleName(spoken(label.text()))  # a label moved onto it is no buddy
        if schedule is not None:
            self.setWindowTitle(self.tr("Change the schedule: %1").replace("%1", name))
            self._fill(schedule)
        # A new schedule owes nothing before it is made: a first time already gone is said, not lost.
        self.past_note = QLabel(
            self.tr(
                "This time has passed: the inspections fall due from the next one after now. "
                "Today's runs now with Start inspection."
            )
        )
        self.past_note.setObjectName("schedule_past_note")
        self.past_note.setProperty("role", "warning")
        self.past_note.setWordWrap(True)
        row, _role = cast(tuple[int, QFormLayout.ItemRole], form.getWidgetPosition(self.start))
        form.insertRow(row + 1, self.past_note)
        self.start.dateTimeChanged.connect(lambda _when: self._check_past())
        self._check_past()
        self.resize(460, self.sizeHint().height())

    def _show_names(self, names: list[str]) -> None:
        self.assignee.set_names(names)
        self._roster_empty = not names

    def _check_past(self) -> None:
        gone = self.start.dateTime() < QDateTime.currentDateTime()
        self.past_note.setVisible(self.schedule is None and gone)

    def _fill(self, schedule: ScheduleInfo) -> None:
        self.assignee.set_name(schedule.owner)
        preset = {rule: name for name, rule in PRESETS.items()}.get(schedule.rule, "")
        self.rule.setCurrentIndex(max(0, self.rule.findData(preset)))
        # An aware UTC instant, shown in this PC's time like the rest of the dialog.
        self.start.setDateTime(QDateTime.fromSecsSinceEpoch(int(schedule.start_at.timestamp())))

    def accept(self) -> None:
        if not self.work.ready():
            return
        owner = self.assignee.name()
        if not owner and self._roster_empty:  # a new branch: nobody to pick from yet
            self.show_error(
                self.tr(
                    "Nobody is on the staff roster yet: type the name of the person the inspection is "
                    "assigned to, or add the staff on the People & contacts page first."
                )
            )
            self.assignee.setFocus()
            return
        if not owner:
            self.show_error(self.tr("Pick the person the inspection is assigned to."))
            self.assignee.setFocus()
            return
        start = datetime.fromtimestamp(self.start.dateTime().toSecsSinceEpoch())  # naive: local wall clock
        cadence = Cadence(self.rule.currentData())
        services, actor, code, schedule = self.session.services, self.session.actor, self.code, self.schedule
        if schedule is None:
            self.work.save(
                lambda: services.inspections.schedule(actor, code, cadence, owner, start), self._saved
            )
        else:
            changed, opened = self._changed(schedule, cadence, owner, start), schedule.updated_at
            self.work.save(
                lambda: stored_or_as_now(
                    lambda: services.schedules.update(actor, schedule.id, changed, opened),
                    lambda: services.schedules.get(actor, schedule.id),
                ),
                self._saved,
            )

    def _saved(self, result: object) -> None:
        if isinstance(result, AsNow):  # changed on another PC since it was shown
            self._refused_as_stale(result)
            return
        self.stored()

    def _refused_as_stale(self, now: AsNow) -> None:
        """The schedule as it is now, in place of what was shown, with the refusal's words: saving
        again is the user's decision on what they see (a failed read says why instead)."""
        if now.error:
            self.show_error(now.error)
            return
        self.schedule = now.record
        self._fill(now.record)
        self.show_error(now.refused.message)

    @staticmethod
    def _changed(schedule: ScheduleInfo, cadence: Cadence, owner: str, start: datetime) -> ScheduleInput:
        """The schedule with the dialog's three fields; the rest (reminder lead time, days off,
        notes) as it was. `start` is this PC's wall clock, turned into the schedule's own zone."""
        if schedule.timezone:
            start = start.astimezone(ZoneInfo(schedule.timezone)).replace(tzinfo=None)
        return ScheduleInput(
            title=schedule.title,
            start=start,
            kind=schedule.kind,
            owner=owner,
            rule=cadence.value,
            lead_minutes=(
                schedule.lead_minutes if PRESETS[cadence.value] == schedule.rule else cadence.lead_minutes
            ),
            working_days=(
                WorkingDayPolicy.NONE  # the before-holidays policy belongs to that cadence only
                if schedule.working_days is WorkingDayPolicy.BEFORE_HOLIDAY
                and cadence is not Cadence.BEFORE_HOLIDAYS
                else schedule.working_days
            ),
            timezone=schedule.timezone,
            subject_id=schedule.subject_id,
            notes=schedule.notes,
        )
