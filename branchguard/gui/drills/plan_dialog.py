"""The lead's "Plan a drill" dialog: scenario (an approved playbook), type, form, announced or not,
date, one-off or recurring, people, goals and the expected headcount. The service checks it; an
error it raises shows under the field it names. The plans and the roster are read as it opens, and
the drill planned, off the GUI thread (gui/kit/dialog_work.py)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.drills.types import DrillPlan, DrillPlanInput
from branchguard.core.kernel.errors import BranchGuardError, NotFound, ValidationError
from branchguard.core.people.types import PersonInfo
from branchguard.core.playbooks.types import PlaybookSummary
from branchguard.core.schedules.rules import PRESETS
from branchguard.gui.drills.people import NamesEdit, ParticipantsTable, read_roster
from branchguard.gui.drills.scenario import DrillKindBoxes, ScenarioBox
from branchguard.gui.kit.dates import calendar_popup
from branchguard.gui.kit.dialog_work import DialogWork
from branchguard.gui.kit.forms import FieldForm, spoken
from branchguard.gui.kit.screen import resize_within_screen
from branchguard.gui.kit.style import error_label
from branchguard.gui.shell.session import GuiSession

# The recurrences a drill plan offers: compliance intervals, not daily chores.
REPEATS = ("", "monthly", "quarterly", "semiannual", "yearly")
MAX_HEADCOUNT = 9999


def drill_rule(preset: str, until: date | None) -> str:
    """The rule DrillPlanInput.rrule takes: "" for one-off, a preset, or its RRULE with an end day."""
    if not preset or until is None:
        return preset
    return f"{PRESETS[preset]};UNTIL={until:%Y%m%d}"


class DrillPlanDialog(QDialog):
    """Plans the drill through the service when accepted; `planned` carries it."""

    planned = Signal(object)  # DrillPlan

    def __init__(
        self, session: GuiSession, parent: QWidget | None = None, when: datetime | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("drill_plan_dialog")
        self.session = session
        self.result_plan: DrillPlan | None = None
        people: list[PersonInfo] = []  # once read
        self.playbook = ScenarioBox()
        self.kind = DrillKindBoxes(self)
        self.scope, self.mode, self.announced = self.kind.scope, self.kind.mode, self.kind.announced
        self.title_edit = self.kind.title_edit
        start = (when or datetime.now() + timedelta(days=7)).replace(minute=0, second=0, microsecond=0)
        self.start = QDateTimeEdit(QDateTime.fromSecsSinceEpoch(int(start.timestamp())))
        calendar_popup(self.start)
        self.start.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.repeats = QComboBox()
        self.ends = QCheckBox()
        self.ends.setObjectName("drill_ends")
        self.until = QDateEdit(QDate(start.year + 1, start.month, 1).addDays(-1))
        self.until.setObjectName("drill_until")
        calendar_popup(self.until)
        self.until.setDisplayFormat("yyyy-MM-dd")
        repeat_row = QWidget()
        repeat_box = QHBoxLayout(repeat_row)
        repeat_box.setContentsMargins(0, 0, 0, 0)
        repeat_box.addWidget(self.repeats, 1)
        repeat_box.addWidget(self.ends)
        repeat_box.addWidget(self.until)
        self.repeats.currentIndexChanged.connect(lambda _i: self._follow_repeats())
        self.ends.toggled.connect(lambda _on: self._follow_repeats())

        self.participants = ParticipantsTable(people)
        self.participants.setMinimumHeight(150)
        self.observers = NamesEdit(people, "drill_observers")
        self.goals = QPlainTextEdit()
        self.goals.setTabChangesFocus(True)
        self.goals.setFixedHeight(72)
        self.headcount = QSpinBox()
        self.headcount.setRange(0, MAX_HEADCOUNT)
        self.headcount.setValue(len(people))

        self.left = FieldForm()
        self.right = FieldForm()
        left, right = self.left, self.right
        # The people's column: each caption above its field, as the participants' is, so the field
        # takes the column's whole width.
        right.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self._captions = {
            "drill_playbook": (left, self.playbook, "field.playbook"),
            "drill_title": (left, self.title_edit, "field.title"),
            "drill_scope": (left, self.scope, "field.drill_scope"),
            "drill_mode": (left, self.mode, "field.drill_mode"),
            "drill_announced": (left, self.announced, ""),
            "drill_start": (left, self.start, "field.start"),
            "drill_repeats": (left, repeat_row, "field.rule"),
            "drill_goals": (left, self.goals, ""),
            "drill_observers": (right, self.observers, ""),
            "drill_headcount": (right, self.headcount, "field.expected_headcount"),
        }
        for key, (form, widget, core) in self._captions.items():
            form.add_field(key, "", widget, core)
        self.past_note = QLabel()  # a one-off date already gone: said as it is chosen
        self.past_note.setObjectName("drill_plan_past")
        self.past_note.setProperty("role", "warning")
        self.past_note.setWordWrap(True)
        self.past_note.hide()
        self.start.dateTimeChanged.connect(lambda _when: self._check_past())
        self.repeats.currentIndexChanged.connect(lambda _i: self._check_past())
        self.message = error_label("drill_plan_message")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.submit_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.submit_button.setObjectName("drill_plan_submit")
        self.submit_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.work = DialogWork(self, None, self.message, self.buttons)
        self.participants_label = QLabel()
        left_box = QVBoxLayout()
        left_box.addLayout(left)
        left_box.addStretch(1)
        right_box = QVBoxLayout()
        right_box.addWidget(self.participants_label)
        right_box.addWidget(self.participants, 1)
        right_box.addLayout(right)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(left_box, 1)
        columns.addLayout(right_box, 1)
        box = QVBoxLayout(self)
        box.addLayout(columns, 1)
        box.addWidget(self.past_note)
        box.addWidget(self.work.note)
        box.addWidget(self.message)
        box.addWidget(self.buttons)
        self.retranslate()
        self._follow_repeats()
        resize_within_screen(self, 1000, 540)
        self.playbook.setFocus()
        services, actor = session.services, session.actor
        self.work.read(
            lambda: (services.playbooks.list_playbooks(actor), read_roster(services, actor)), self._read
        )

    def _read(self, read: tuple[list[PlaybookSummary], list[PersonInfo]]) -> None:
        plans, people = read
        self.playbook.set_playbooks(plans)
        self.participants.set_people(people)
        self.observers.set_people(people)
        if not self.headcount.value():  # the roster's size, unless one was typed meanwhile
            self.headcount.setValue(len(people))

    @property
    def playbooks(self) -> list[PlaybookSummary]:
        return self.playbook.playbooks

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Plan a drill"))
        labels = {
            "drill_playbook": self.tr("Scenario (playbook)"),
            "drill_start": self.tr("Date and time"),
            "drill_repeats": self.tr("Repeats"),
            "drill_goals": self.tr("Goals (one per line)"),
            "drill_observers": self.tr("Observers"),
            "drill_headcount": self.tr("Expected headcount"),
        }
        labels |= {f"drill_{name}": text for name, text in self.kind.labels().items()}
        for key, text in labels.items():
            self._captions[key][0].set_label(key, text)
        self.playbook.retranslate()
        self.kind.retranslate()
        current = self.repeats.currentIndex()
        self.repeats.clear()
        names = (
            self.tr("One-off"),
            self.tr("Monthly"),
            self.tr("Quarterly"),
            self.tr("Every 6 months"),
            self.tr("Yearly"),
        )
        for name, preset in zip(names, REPEATS, strict=True):
            self.repeats.addItem(name, preset)
        self.repeats.setCurrentIndex(max(current, 0))
        self.ends.setText(self.tr("ends on"))
        self.until.setAccessibleName(spoken(self.ends.text()))  # the tick beside it says what it is
        self.headcount.setSpecialValueText(self.tr("not set"))
        self.goals.setPlaceholderText(self.tr("e.g. everyone out of the hall within 3 minutes"))
        self.participants_label.setText(self.tr("Participants by role or team"))
        self.participants.retranslate()
        self.observers.retranslate()
        self.submit_button.setText(self.tr("Plan drill"))
        self.past_note.setText(
            self.tr("This date has already passed: the drill will be overdue as soon as it is planned.")
        )

    def _check_past(self) -> None:
        """Warn while a one-off drill's date lies in the past (a series' first date may)."""
        when = datetime.fromtimestamp(self.start.dateTime().toSecsSinceEpoch())
        self.past_note.setVisible(not self.repeats.currentData() and when < datetime.now())

    def _follow_repeats(self) -> None:
        recurring = bool(self.repeats.currentData())
        self.ends.setEnabled(recurring)
        self.until.setEnabled(recurring and self.ends.isChecked())

    # -- reading the form ----------------------------------------------------------------------
    def playbook_code(self) -> str:
        return self.playbook.code()

    def choose_playbook(self, code: str) -> None:
        self.playbook.choose(code)

    def data(self) -> DrillPlanInput:
        start = datetime.fromtimestamp(self.start.dateTime().toSecsSinceEpoch())  # naive: local wall clock
        day = self.until.date()
        until = date(day.year(), day.month(), day.day()) if self.ends.isChecked() else None
        headcount = self.headcount.value()
        return DrillPlanInput(
            playbook_code=self.playbook_code(),
            date=start,
            **self.kind.values(),
            rrule=drill_rule(str(self.repeats.currentData() or ""), until),
            participants=self.participants.participants(),
            observers=self.observers.names(),
            goals=tuple(line.strip() for line in self.goals.toPlainText().splitlines() if line.strip()),
            expected_headcount=headcount or None,
        )

    # -- submitting ----------------------------------------------------------------------------
    def submit(self) -> None:
        if not self.work.ready():
            return  # reading, or planning already
        for form in (self.left, self.right):
            form.clear_errors()
        self.message.hide()
        data = self.data()
        if not data.playbook_code:
            self.left.set_error("drill_playbook", self.tr("Choose the playbook the drill rehearses."))
            return
        drills, actor = self.session.services.drills, self.session.actor
        self.work.save(lambda: drills.plan(actor, data), self._planned, self._refused)

    def _refused(self, exc: BranchGuardError) -> bool:
        if isinstance(exc, NotFound):  # the only thing looked up by name is the playbook
            self.left.set_error("drill_playbook", exc.message)
            return True
        if isinstance(exc, ValidationError):  # by the field it names, in either column
            return self.left.show_validation(exc) or self.right.show_validation(exc)
        return False

    def _planned(self, plan: DrillPlan) -> None:
        self.result_plan = plan
        self.session.data_changed.emit("drill")
        self.planned.emit(plan)
        self.accept()

    def error_text(self, key: str) -> str:
        return self._captions[key][0].error_text(key)
