"""The lead's "Record a drill held earlier" dialog (补录演练): a drill held without BranchGuard, before
the branch installed it or on paper, entered from its paper record with its scores, so that it
counts towards the compliance rules from the day it was held (core/drills/held.py). The scores are
against the criteria set a planned drill of the chosen plan gets, shown anew as the plan changes.
The plans, criteria sets and roster are read as it opens, and the drill recorded, off the GUI
thread (gui/kit/dialog_work.py)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.drills.held import REFERENCE_LIMIT
from branchguard.core.drills.library import set_for_category
from branchguard.core.drills.types import (
    CriteriaSet,
    DrillPlan,
    DrillScope,
    EvaluationInput,
    HeldDrillInput,
)
from branchguard.core.kernel.errors import BranchGuardError, NotFound, ValidationError
from branchguard.core.kernel.types import Text2
from branchguard.core.people.types import PersonInfo
from branchguard.core.playbooks.types import PlaybookSummary
from branchguard.gui.drills.held_when import HeldWhen
from branchguard.gui.drills.people import fill_owners, owner_combo, read_roster
from branchguard.gui.drills.scenario import DrillKindBoxes, ScenarioBox
from branchguard.gui.drills.scores_box import ScoresBox
from branchguard.gui.kit.dialog_work import DialogWork
from branchguard.gui.kit.forms import FieldForm
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.screen import resize_within_screen
from branchguard.gui.kit.style import error_label
from branchguard.gui.shell.session import GuiSession

_NOT_READ = CriteriaSet("", Text2(), (), ())  # no criteria to score until the sets are read


class HeldDrillDialog(QDialog):
    """Records the drill through the service when accepted; `recorded` carries it."""

    recorded = Signal(object)  # DrillPlan

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drill_held_dialog")
        self.session = session
        self.result_plan: DrillPlan | None = None
        self.criteria_sets: list[CriteriaSet] = []  # once read
        # Nothing chosen for the user: a plan, a time or a score left at a default would record a
        # drill no paper holds, and a drill recorded counts for compliance at once.
        self.playbook = ScenarioBox()
        self.playbook.setCurrentIndex(-1)
        self.when = HeldWhen()
        self.held, self.held_time = self.when.day, self.when.time
        self.reference = QLineEdit()
        self.reference.setMaxLength(REFERENCE_LIMIT)
        self.kind = DrillKindBoxes(self)
        self.scope, self.mode, self.announced = self.kind.scope, self.kind.mode, self.kind.announced
        self.title_edit = self.kind.title_edit
        self.scope.setCurrentIndex(self.scope.findData(DrillScope.SINGLE_TOPIC.value))  # as the CLI's
        self.evaluator = owner_combo([], "held_evaluator")
        # as wide as the fields beside it: at eight characters its hint read "按纸质…" / "As the …"
        self.evaluator.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.problems = QPlainTextEdit()
        self.lessons = QPlainTextEdit()
        for edit in (self.problems, self.lessons):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(64)
        self.form = FieldForm()
        self._labels = {
            "held_playbook": (self.playbook, "field.playbook"),
            "held_at": (self.when, "field.held_at"),
            "held_reference": (self.reference, "field.held_reference"),
            "held_scope": (self.scope, "field.drill_scope"),
            "held_mode": (self.mode, "field.drill_mode"),
            "held_announced": (self.announced, ""),
            "held_title": (self.title_edit, "field.title"),
            "held_evaluator": (self.evaluator, "field.evaluator"),
            "held_problems": (self.problems, "field.problems"),
            "held_lessons": (self.lessons, "field.lessons"),
        }
        for key, (widget, core) in self._labels.items():
            self.form.add_field(key, "", widget, core)
        self.intro = plain(QLabel())
        self.intro.setProperty("role", "hint")
        self.intro.setWordWrap(True)
        self.scores_box = ScoresBox(self._criteria_set(), blank=True)
        self.scores_box.setEnabled(False)  # until a plan is chosen: its criteria are the ones scored
        self.message = error_label("drill_held_message")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.submit_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.submit_button.setObjectName("drill_held_submit")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.work = DialogWork(self, self.form, self.message, self.buttons)
        self.columns = QHBoxLayout()
        self.columns.setSpacing(18)
        left = QVBoxLayout()
        left.addLayout(self.form)
        left.addStretch(1)  # the fields at their height, not spread down the dialog
        self.columns.addLayout(left, 1)
        self.columns.addWidget(self.scores_box, 1)
        box = QVBoxLayout(self)
        box.addWidget(self.intro)
        box.addLayout(self.columns, 1)
        box.addWidget(self.work.note)
        box.addWidget(self.message)
        box.addWidget(self.buttons)
        self.playbook.currentIndexChanged.connect(lambda _i: self._follow_playbook())
        self.playbook.editTextChanged.connect(lambda _text: self._follow_playbook())  # a code typed
        self.retranslate()
        resize_within_screen(self, 1000, 600)
        self.playbook.setFocus()
        services, actor = session.services, session.actor
        self.work.read(
            lambda: (
                services.drills.criteria_sets(actor),
                services.playbooks.list_playbooks(actor),
                read_roster(services, actor),
            ),
            self._read,
        )

    def _read(self, read: tuple[list[CriteriaSet], list[PlaybookSummary], list[PersonInfo]]) -> None:
        self.criteria_sets, plans, people = read
        self.playbook.set_playbooks(plans)
        fill_owners(self.evaluator, people)
        self._follow_playbook()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Record a drill held earlier"))
        self.intro.setText(
            self.tr(
                "A drill held without BranchGuard (before it was installed, or on paper), entered from "
                "its paper record: it counts towards the compliance rules from the day it was held, and "
                "its report says it was recorded afterwards. Its problems become hazards through "
                "“Record hazard…” in the list."
            )
        )
        labels = {
            "held_playbook": self.tr("Scenario (playbook)"),
            "held_at": self.tr("Held at"),
            "held_reference": self.tr("Paper record"),
            "held_evaluator": self.tr("Scored by"),
            "held_problems": self.tr("Problems found"),
            "held_lessons": self.tr("Lessons learned"),
        }
        labels |= {f"held_{name}": text for name, text in self.kind.labels().items()}
        for key, text in labels.items():
            self.form.set_label(key, text)
        self.playbook.retranslate()
        self.reference.setPlaceholderText(self.tr("e.g. safety register 2026, page 14"))
        if (line := self.evaluator.lineEdit()) is not None:
            line.setPlaceholderText(self.tr("As the paper form names them; empty: you"))
        self.when.retranslate()
        self.kind.retranslate()
        self.scores_box.retranslate()
        self.submit_button.setText(self.tr("Record drill"))

    # -- the scores follow the plan ------------------------------------------------------------
    def _criteria_set(self) -> CriteriaSet:
        """The set the service scores the chosen plan's drill against (its category's, else the
        general one); the general one while no listed plan is chosen."""
        chosen = self.playbook.chosen()
        if not self.criteria_sets:
            return _NOT_READ
        if chosen is None:
            return next((cs for cs in self.criteria_sets if not cs.categories), self.criteria_sets[0])
        return set_for_category(self.criteria_sets, chosen.category)

    def _follow_playbook(self) -> None:
        wanted = self._criteria_set()
        chosen = self.playbook.chosen() is not None
        if wanted.code == self.scores_box.criteria_set.code:
            self.scores_box.setEnabled(chosen)
            return
        old, self.scores_box = self.scores_box, ScoresBox(wanted, blank=True)
        self.scores_box.setEnabled(chosen)
        self.columns.replaceWidget(old, self.scores_box)
        old.hide()  # at once: it is deleted only when the event loop comes round
        old.deleteLater()
        if self.isVisible():  # given to a shown dialog it stays hidden; to one not shown yet it shows with it
            self.scores_box.show()

    # -- submitting ----------------------------------------------------------------------------
    def data(self, held: datetime) -> HeldDrillInput:
        return HeldDrillInput(
            playbook_code=self.playbook.code(),
            held_at=held,
            reference=self.reference.text().strip(),
            evaluation=EvaluationInput(
                scores=self.scores_box.scores(),
                problems=self.problems.toPlainText().strip(),
                lessons=self.lessons.toPlainText().strip(),
            ),
            **self.kind.values(),
            evaluator=self.evaluator.currentText().strip(),
        )

    def submit(self) -> None:
        if not self.work.ready():
            return  # reading, or recording already
        self.form.clear_errors()
        self.scores_box.show_error("")
        self.message.hide()
        if not self.playbook.code():
            self.form.set_error("held_playbook", self.tr("Choose the playbook the drill rehearsed."))
            return
        held = self.when.held_at()
        if held is None:
            self.form.set_error("held_at", self._when_missing())
            if self.when.day_entered() is not None:  # the day is there: the cursor goes to the time
                self.held_time.setFocus()
            return
        drills, actor, data = self.session.services.drills, self.session.actor, self.data(held)
        self.work.save(lambda: drills.record_held(actor, data), self._recorded, self._refused)

    def _refused(self, exc: BranchGuardError) -> bool:
        if isinstance(exc, NotFound):  # the only thing looked up by name is the playbook
            self.form.set_error("held_playbook", exc.message)
            return True
        if isinstance(exc, ValidationError) and exc.is_about("field.scores"):
            self.scores_box.show_error(self._unscored() or exc.reason)
            return True
        return False  # by its field, or on the message line

    def _recorded(self, plan: DrillPlan) -> None:
        self.result_plan = plan
        self.session.data_changed.emit("drill")
        self.recorded.emit(plan)
        self.accept()

    def _when_missing(self) -> str:
        if self.when.day_entered() is None:
            return self.tr("Enter the day the drill was held, from its record.")
        if not self.held_time.text().strip():
            return self.tr("Enter the time the drill began, from its record: hh:mm, e.g. 14:30.")
        return self.tr("The time the drill began is not a time: enter it as hh:mm, e.g. 14:30.")

    def _unscored(self) -> str:
        """The criteria left blank, in words (the service names them by their codes, as a scores
        file does); empty when every one is scored."""
        blank = sum(1 for row in self.scores_box.rows if not row.scored)
        if not blank:
            return ""
        return self.tr("%n criteria still have no score: type each from the paper form.", "", blank)

    def error_text(self, key: str) -> str:
        return self.form.error_text(key)
