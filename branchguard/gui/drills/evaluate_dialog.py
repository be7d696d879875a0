"""The evaluation form of a drill run: each criterion of the plan's set scored 0–100 (the weighted
total follows live), problems found, lessons learned and corrective actions with owner and due date.
The criteria set and the roster are read as it opens, and the evaluation saved, off the GUI thread
(gui/kit/dialog_work.py)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.drills.types import CriteriaSet, DrillPlan, Evaluation, EvaluationInput
from branchguard.core.incidents.rules import clean_follow_ups
from branchguard.core.incidents.types import FollowUpInput
from branchguard.core.kernel.errors import BranchGuardError, NotFound, ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.types import Actor, Text2
from branchguard.core.people.types import PersonInfo
from branchguard.gui.drills.people import fill_owners, owner_combo, read_roster
from branchguard.gui.drills.scores_box import ScoresBox
from branchguard.gui.kit.dates import calendar_popup
from branchguard.gui.kit.dialog_work import DialogWork
from branchguard.gui.kit.forms import FieldForm
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.screen import resize_within_screen
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.text_scale import scaled, set_row_height, title_width
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:
    from branchguard.core.services import Services

DEFAULT_DUE_DAYS = 30
NO_DUE = QDate(2000, 1, 1)  # the due date's "none" (shown as its special text)
# The owner's and the due date's columns: this wide, at most this share of the table each, so the
# action's own column keeps room for its header in a narrow dialog ("rrective acti" once).
SIDE_COLUMN, SIDE_SHARE = 130, 0.3


class ActionsTable(QWidget):
    """Corrective actions: what, owner (from the roster or typed), due date (optional)."""

    TEXT, OWNER, DUE = range(3)

    def __init__(self, people: list[PersonInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._people = people
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("evaluate_actions")
        self.table.verticalHeader().hide()
        set_row_height(self.table, 32)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(self.TEXT, QHeaderView.ResizeMode.Stretch)
        self._due_least = 0
        self.table.viewport().installEventFilter(self)  # its width sets the side columns'
        self._size_columns()
        self.add_button = QPushButton(icon("add"), "")
        self.add_button.setObjectName("evaluate_add_action")
        self.add_button.setAutoDefault(False)  # Enter submits the dialog, it does not add rows
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button = QPushButton(icon("delete"), "")
        self.remove_button.setObjectName("evaluate_remove_action")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_current)
        self.error = error_label("evaluate_actions_error")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.table, 1)
        box.addWidget(self.error)
        box.addLayout(buttons)
        self.setFocusProxy(self.table)  # a form's caption names the table too (gui/kit/forms.py)

    def _size_columns(self) -> None:
        width, header = self.table.viewport().width(), self.table.horizontalHeader()
        side = max(self._due_least, min(scaled(SIDE_COLUMN, header), int(width * SIDE_SHARE)))
        # narrower where the action's title would not read whole, down to the side titles' own
        side = min(side, (width - title_width(header, self.TEXT)) // 2)
        side = max(side, self._due_least, title_width(header, self.OWNER), title_width(header, self.DUE))
        for column in (self.OWNER, self.DUE):
            self.table.horizontalHeader().resizeSection(column, side)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._size_columns()
        return super().eventFilter(watched, event)

    def _hold_headers_whole(self) -> None:
        """The table no narrower than its three headers need, each whole, and a date beside the
        owner's (the dialog's columns share its width; at 760 px the first read "Corrective ac")."""
        header = self.table.horizontalHeader()
        needs = [title_width(header, c) for c in range(self.table.columnCount())]  # in the titles' bold
        side = max(needs[self.OWNER], needs[self.DUE], self._due_least)
        self.table.setMinimumWidth(needs[self.TEXT] + 2 * side + 2 * self.table.frameWidth())

    def set_people(self, people: list[PersonInfo]) -> None:
        """The roster the owners are picked from (read off the GUI thread); what is typed stays."""
        self._people = people
        for row in range(self.table.rowCount()):
            owner = self.table.cellWidget(row, self.OWNER)
            if isinstance(owner, QComboBox):
                fill_owners(owner, people)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Corrective action"), self.tr("Owner"), self.tr("Due")])
        self.table.setAccessibleName(self.tr("Corrective actions"))
        self._hold_headers_whole()
        self.add_button.setText(self.tr("Add action"))
        self.remove_button.setText(self.tr("Remove"))
        for row in range(self.table.rowCount()):
            self._due(row).setSpecialValueText(self.tr("no date"))

    def add_row(self, text: str = "", owner: str = "", due: date | None = None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        edit = QLineEdit(text)
        edit.setObjectName(f"action_text_{row}")
        edit.setFrame(False)
        self.table.setCellWidget(row, self.TEXT, edit)
        combo = owner_combo(self._people, f"action_owner_{row}")
        combo.setEditText(owner)
        self.table.setCellWidget(row, self.OWNER, combo)
        due_edit = QDateEdit()
        due_edit.setObjectName(f"action_due_{row}")
        calendar_popup(due_edit)
        due_edit.setDisplayFormat("yyyy-MM-dd")
        due_edit.setMinimumDate(NO_DUE)
        due_edit.setSpecialValueText(self.tr("no date"))
        chosen = due if due is not None else date.today() + timedelta(days=DEFAULT_DUE_DAYS)
        due_edit.setDate(QDate(chosen.year, chosen.month, chosen.day))
        self.table.setCellWidget(row, self.DUE, due_edit)
        self._due_least = due_edit.minimumSizeHint().width()  # a date cut short cannot be read either
        self._hold_headers_whole()
        self._size_columns()
        self.table.setCurrentCell(row, self.TEXT)
        edit.setFocus()
        return row

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _due(self, row: int) -> QDateEdit:
        widget = self.table.cellWidget(row, self.DUE)
        assert isinstance(widget, QDateEdit)
        return widget

    def entries(self) -> tuple[FollowUpInput, ...]:
        """Every row; a row left wholly empty is dropped, a half-filled one goes to the service."""
        return tuple(entry for _row, entry in self._filled())

    def _filled(self) -> list[tuple[int, FollowUpInput]]:
        """The rows not left wholly empty, each with its row in the table."""
        found = []
        for row in range(self.table.rowCount()):
            text = self.table.cellWidget(row, self.TEXT)
            owner = self.table.cellWidget(row, self.OWNER)
            assert isinstance(text, QLineEdit)
            due_edit = self._due(row)
            what, who = text.text().strip(), owner.currentText().strip()  # type: ignore[attr-defined]
            if not what and not who:
                continue
            day = due_edit.date()
            due = None if day == NO_DUE else date(day.year(), day.month(), day.day())
            found.append((row, FollowUpInput(what, who, due)))
        return found

    def check(self, began: date | None = None) -> None:
        """The service's own check of the actions (none due before the day the drill `began`),
        before it is asked, so that a refusal names the action by its row in the table (the
        service, given only the filled rows, counts those)."""
        filled = self._filled()
        rows = [row + 1 for row, _entry in filled]
        clean_follow_ups([entry for _row, entry in filled], rows, began=began, drill=True)

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))


class EvaluateDialog(QDialog):
    """Scores a drill run through the service when submitted; `evaluated` carries the result."""

    evaluated = Signal(object)  # Evaluation

    def __init__(self, session: GuiSession, plan: DrillPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drill_evaluate_dialog")
        self.session = session
        self.plan = plan
        self.result_evaluation: Evaluation | None = None
        self.criteria_set = CriteriaSet(plan.criteria_set, Text2(), (), ())  # its criteria once read
        self.heading = plain(QLabel())
        self.heading.setProperty("role", "page-title")
        self.set_label = QLabel()
        self.set_label.setProperty("role", "hint")
        self.set_label.setWordWrap(True)  # one line of it held the dialog 1084 px wide at larger text
        self.scores_box = ScoresBox(self.criteria_set)
        self.rows = self.scores_box.rows
        self.total = self.scores_box.total

        self.problems = QPlainTextEdit()
        self.problems.setTabChangesFocus(True)
        self.lessons = QPlainTextEdit()
        self.lessons.setTabChangesFocus(True)
        for edit in (self.problems, self.lessons):
            edit.setFixedHeight(70)
        self.form = FieldForm()
        self.form.add_field("evaluate_problems", "", self.problems, "field.problems")
        self.form.add_field("evaluate_lessons", "", self.lessons, "field.lessons")
        self.action_table = ActionsTable([])
        self.action_table.setMinimumHeight(140)
        self.actions_box = QGroupBox()
        actions_layout = QVBoxLayout(self.actions_box)
        self.actions_hint = QLabel()  # not in the box's title, which never wraps
        self.actions_hint.setProperty("role", "hint")
        self.actions_hint.setWordWrap(True)
        actions_layout.addWidget(self.actions_hint)
        actions_layout.addWidget(self.action_table)
        self.message = error_label("evaluate_message")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.submit_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.submit_button.setObjectName("evaluate_submit")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.work = DialogWork(self, self.form, self.message, self.buttons)
        right = QVBoxLayout()
        right.addLayout(self.form)
        right.addWidget(self.actions_box, 1)
        self.columns = QHBoxLayout()
        self.columns.setSpacing(18)
        self.columns.addWidget(self.scores_box, 1)
        self.columns.addLayout(right, 1)
        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addWidget(self.set_label)
        box.addLayout(self.columns, 1)
        box.addWidget(self.work.note)
        box.addWidget(self.message)
        box.addWidget(self.buttons)
        self.retranslate()
        resize_within_screen(self, 1100, 620)
        services, actor, code = session.services, session.actor, plan.criteria_set
        self.work.read(
            lambda: (criteria_set(services, actor, code), read_roster(services, actor)), self._read
        )

    def _read(self, read: tuple[CriteriaSet, list[PersonInfo]]) -> None:
        self.criteria_set, people = read
        old, self.scores_box = self.scores_box, ScoresBox(self.criteria_set)
        self.rows, self.total = self.scores_box.rows, self.scores_box.total
        self.columns.replaceWidget(old, self.scores_box)
        old.hide()  # at once: it is deleted only when the event loop comes round
        old.deleteLater()
        self.scores_box.show()
        self.action_table.set_people(people)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Evaluate drill"))
        self.heading.setText(f"#{self.plan.id} {self.plan.title}")
        self.set_label.setText(
            self.tr("Scoring criteria: %1 · each criterion 0–100, weighted to a total out of 100").replace(
                "%1", self.criteria_set.name.text
            )
        )
        self.scores_box.retranslate()
        self.form.set_label("evaluate_problems", self.tr("Problems found"))
        self.form.set_label("evaluate_lessons", self.tr("Lessons learned"))
        self.actions_box.setTitle(self.tr("Corrective actions"))
        self.actions_hint.setText(self.tr("The owner is reminded before the due date."))
        self.action_table.retranslate()
        self.submit_button.setText(self.tr("Save evaluation"))

    # -- scores --------------------------------------------------------------------------------
    def scores(self) -> dict[str, int]:
        return self.scores_box.scores()

    def set_score(self, code: str, value: int) -> None:
        self.scores_box.set_score(code, value)

    # -- submitting ----------------------------------------------------------------------------
    def data(self) -> EvaluationInput:
        return EvaluationInput(
            scores=self.scores(),
            problems=self.problems.toPlainText().strip(),
            lessons=self.lessons.toPlainText().strip(),
            actions=self.action_table.entries(),
        )

    def submit(self) -> None:
        if not self.work.ready():
            return  # reading, or saving already
        self.form.clear_errors()
        self.action_table.set_error("")
        self.scores_box.show_error("")
        self.message.hide()
        try:
            run = self.plan.run_at
            self.action_table.check(run.astimezone().date() if run is not None else None)
        except ValidationError as exc:
            self._show(exc)
            return
        drills, actor, plan_id = self.session.services.drills, self.session.actor, self.plan.id
        data = self.data()
        self.work.save(lambda: drills.evaluate(actor, plan_id, data), self._evaluated, self._refused)

    def _refused(self, exc: BranchGuardError) -> bool:
        if isinstance(exc, ValidationError):
            self._show(exc)
            return True
        return False

    def _evaluated(self, evaluation: Evaluation) -> None:
        self.result_evaluation = evaluation
        self.session.data_changed.emit("drill")
        self.evaluated.emit(evaluation)
        self.accept()

    def _show(self, exc: ValidationError) -> None:
        if self.form.show_validation(exc):
            return
        number = exc.field_params.get("n")  # a follow-up action's: its row in the table
        if exc.is_about("field.scores"):
            self.scores_box.show_error(exc.reason)
        elif exc.is_about("field.follow_up") and isinstance(number, int) and (
            0 < number <= self.action_table.table.rowCount()
        ):
            self.action_table.set_error(exc.message)
            self.action_table.table.selectRow(number - 1)
        else:
            self._say(exc.message)

    def _say(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()


def criteria_set(services: Services, actor: Actor, code: str) -> CriteriaSet:
    """The set `code` a drill is scored against (Qt-free, for a background read)."""
    found = next((cs for cs in services.drills.criteria_sets(actor) if cs.code == code), None)
    if found is None:
        raise NotFound(Message("drill.no_such_set", code=code))
    return found
