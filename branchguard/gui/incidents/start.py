"""Starting an incident (F9): type to pick a playbook, most likely first; Enter starts the first.
A plan whose real incident is already open (another PC started it a moment ago) is not started
again unasked: the dialog offers that incident's console instead (gui/incidents/already_open.py).

The plans and how often each was used are read once, off the GUI thread, when the dialog opens;
what is typed is matched against them here. Enter pressed before they arrive (F9, "FIRE", Enter
on a slow shared database) starts the first plan for what was typed as soon as they do, never the
ad hoc line that stood alone meanwhile."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.early_warnings.rules import takes_warning
from branchguard.core.early_warnings.types import WarningLevel
from branchguard.core.incidents.opening import PlanAlreadyOpen
from branchguard.core.incidents.rules import opening_level, suggested_plans
from branchguard.core.incidents.types import IncidentSummary
from branchguard.core.kernel.roles import may
from branchguard.core.kernel.types import Level
from branchguard.core.kernel.validation import SEARCH_LIMIT
from branchguard.core.playbooks.types import PlaybookSummary
from branchguard.gui.incidents import already_open
from branchguard.gui.incidents.already_open import CANCEL as CANCEL  # the question's names, here too
from branchguard.gui.incidents.already_open import OPEN_IT, START_ANOTHER
from branchguard.gui.incidents.already_open import QUESTION_NAME as QUESTION_NAME
from branchguard.gui.incidents.console.dialogs import chosen_level, fill_levels
from branchguard.gui.kit.list_keys import ListKeys
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.plain import tip
from branchguard.gui.kit.screen import resize_within_screen
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.writer import writer
from branchguard.gui.shell.session import GuiSession

_PLAN_ROLE = Qt.ItemDataRole.UserRole  # the PlaybookSummary of a row; None for "ad hoc"


class StartIncidentDialog(QDialog):
    """The playbook list follows what is typed; the level follows the chosen plan (the least severe
    it allows, core/incidents/rules.opening_level) until someone picks one. `started` carries the
    incident to show: the new one once it is on disk, or the plan's open one the user chose to
    open instead of starting a second."""

    started = Signal(object)  # IncidentSummary

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("start_incident_dialog")
        self.session = session
        resize_within_screen(self, 620, 520)
        self._plans: list[PlaybookSummary] = []
        self._usage: dict[str, int] = {}
        self._read = False  # the plans and their use are in
        self._start_when_read = False  # Enter came before them
        self._code_to_choose: str | None = None  # `choose` came before them
        self._level_chosen = False
        self.question: QMessageBox | None = None  # "already open": asked until answered
        self.joined = False  # `started` carried the plan's open incident, not a new one
        self.filter = QLineEdit()
        self.filter.setObjectName("start_filter")
        self.filter.setProperty("discardable", True)  # a search: Esc asks nothing (gui/kit/discard.py)
        self.filter.setClearButtonEnabled(True)
        self.filter.setMaxLength(SEARCH_LIMIT)  # a search, as the list pages' (gui/kit/search_box.py)
        self.plans = QListWidget()
        self.plans.setObjectName("start_plans")
        self.plans.setStyleSheet("QListWidget::item { padding: 5px 4px; }")
        font = self.plans.font()
        font.setPointSizeF(font.pointSizeF() + 2)  # read under stress, maybe from a step away
        self.plans.setFont(font)
        ListKeys(self.filter, self.plans)  # Up and Down in the search field move through the list
        self.level = QComboBox()
        self.level.setObjectName("start_level")
        fill_levels(self.level, Level.III)
        self.warning = QComboBox()  # weather and disaster plans only (the four-colour warning)
        self.warning.setObjectName("start_warning")
        self.drill = QCheckBox()
        self.drill.setObjectName("start_drill")
        self.message = error_label("start_message")
        # In the dialog before Start is made its default: else a Tab past Cancel made Cancel the default.
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.start_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setObjectName("start_submit")
        self.start_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.plans.currentItemChanged.connect(lambda *_: self._follow_plan())
        self.plans.itemDoubleClicked.connect(lambda _item: self.submit())
        self.level.activated.connect(lambda _index: setattr(self, "_level_chosen", True))
        self.filter.textChanged.connect(lambda _text: self.fill())

        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        self.level_label = QLabel()
        self.warning_label = QLabel()
        self.options = options = QFormLayout()
        options.addRow(self.level_label, self.level)
        options.addRow(self.warning_label, self.warning)
        options.addRow("", self.drill)
        box = QVBoxLayout(self)
        box.addWidget(self.hint)
        box.addWidget(self.filter)
        box.addWidget(self.plans, 1)
        box.addLayout(options)
        box.addWidget(self.message)
        box.addWidget(self.buttons)
        self.retranslate()
        self.filter.setFocus()
        self.loader = Loader(self, on_error=self._read_failed)
        services, actor = session.services, session.actor
        self.loader.run(
            lambda: (services.playbooks.list_playbooks(actor), services.incidents.playbook_usage(actor)),
            self._plans_read,
        )

    def _plans_read(self, read: tuple[list[PlaybookSummary], dict[str, int]]) -> None:
        self._plans, self._usage = read
        self._ready()

    def _read_failed(self, message: str) -> None:
        """No plan can be offered: the reason is shown; an ad hoc incident may still be tried."""
        self._start_when_read = False  # the user reads why before anything starts
        self._ready()
        self.message.setText(message)
        self.message.show()

    def _ready(self) -> None:
        self._read = True
        self.fill()
        if self._code_to_choose is not None:
            self._select(self._code_to_choose)
            self._code_to_choose = None
        if self._start_when_read:
            self._start_when_read = False
            self.submit()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Start an incident"))
        self.hint.setText(self.tr("Type a code or a few characters of the plan; Enter starts the first one."))
        self.filter.setPlaceholderText(self.tr("Code or name, e.g. FIRE or robbery"))
        self.filter.setAccessibleName(self.filter.placeholderText())
        self.filter.setAccessibleDescription(self.hint.text())
        self.plans.setAccessibleName(self.tr("Playbooks"))
        self.level_label.setText(self.tr("Level"))
        self.warning_label.setText(self.tr("Warning"))
        chosen = self.warning.currentData()
        self.warning.clear()
        self.warning.addItem(self.tr("No warning in force"), None)
        for warning in WarningLevel:
            self.warning.addItem(warning.label, warning.value)
        self.warning.setCurrentIndex(max(0, self.warning.findData(chosen)))
        self.drill.setText(self.tr("This is a drill"))
        self.start_button.setText(self.tr("Start"))
        self.fill()

    # -- the list ------------------------------------------------------------------------------
    def suggestions(self) -> list[PlaybookSummary]:
        return suggested_plans(self.filter.text(), self._plans, self._usage)

    def fill(self) -> None:
        typed = self.filter.text().strip()
        self.plans.clear()
        if not self._read:
            reading = QListWidgetItem(self.tr("Reading the playbooks…"))
            reading.setFlags(Qt.ItemFlag.NoItemFlags)
            self.plans.addItem(reading)
            return
        for plan in self.suggestions():
            levels = " / ".join(level.value for level in plan.levels)
            item = QListWidgetItem(f"{plan.code}   {plan.title.text}   ({levels})")
            item.setData(_PLAN_ROLE, plan)
            item.setToolTip(tip(f"{plan.title.zh}\n{plan.title.en}"))
            self.plans.addItem(item)
        if typed:
            ad_hoc = self.tr("Ad hoc: “%1” (no playbook)").replace("%1", typed)
        else:
            ad_hoc = self.tr("Ad hoc (no playbook)")
        item = QListWidgetItem(ad_hoc)
        item.setData(_PLAN_ROLE, None)
        self.plans.addItem(item)
        self.plans.setCurrentRow(0)

    def choose(self, code: str) -> None:
        """Preselect the plan `code` (a service guide's linked plan): its code typed, its row current;
        the level follows it, and Start (or Enter) starts it as from F9."""
        self.filter.setText(code)
        if self._read:
            self._select(code)
        else:
            self._code_to_choose = code

    def _select(self, code: str) -> None:
        for row in range(self.plans.count()):
            plan = self.plans.item(row).data(_PLAN_ROLE)
            if isinstance(plan, PlaybookSummary) and plan.code == code:
                self.plans.setCurrentRow(row)
                break

    def chosen_plan(self) -> PlaybookSummary | None:
        item = self.plans.currentItem()
        if item is None:
            return None
        plan = item.data(_PLAN_ROLE)
        return plan if isinstance(plan, PlaybookSummary) else None

    def _follow_plan(self) -> None:
        plan = self.chosen_plan()
        weather = plan is not None and takes_warning(plan.category)
        self.options.setRowVisible(self.warning, weather)
        if self._level_chosen:
            return
        level = opening_level(plan.levels if plan is not None else [])
        self.level.setCurrentIndex(max(0, self.level.findData(level.value)))

    # -- starting ------------------------------------------------------------------------------
    def submit(self) -> None:
        if not self.start_button.isEnabled():
            return  # already starting
        if not self._read:
            self._start_when_read = True
            return
        self.start_button.setEnabled(False)
        self.message.hide()
        self._start(despite_open=False)

    def _start(self, despite_open: bool) -> None:
        plan = self.chosen_plan()
        level = chosen_level(self.level)
        drill = self.drill.isChecked()
        picked = self.warning.currentData()
        warning = (
            WarningLevel(picked) if picked and plan is not None and takes_warning(plan.category) else None
        )
        typed = self.filter.text().strip()
        title = "" if plan is not None else typed
        s = self.session

        def work() -> IncidentSummary | PlanAlreadyOpen:
            try:
                return s.services.incidents.start(
                    s.actor, plan.code if plan else None, level, title=title, drill=drill, warning=warning,
                    despite_open=despite_open,
                )  # fmt: skip
            except PlanAlreadyOpen as refused:  # brought back whole: the question offers its incident
                return refused

        writer().submit(work, on_done=self._started, on_error=self._failed)

    def _started(self, result: IncidentSummary | PlanAlreadyOpen) -> None:
        if isinstance(result, PlanAlreadyOpen):
            self._ask_open(result)
            return
        self.started.emit(result)
        self.accept()

    def _failed(self, message: str) -> None:
        self.start_button.setEnabled(True)
        self.message.setText(message)
        self.message.show()

    # -- the plan is open already --------------------------------------------------------------
    def _ask_open(self, refused: PlanAlreadyOpen) -> None:
        """Open the incident already running (the default: one emergency, one log), start a second
        one for a separate event of the same kind, or neither (gui/incidents/already_open.py)."""
        found = refused.incident
        plan = self.chosen_plan()
        named = f"{plan.code} {plan.title.text}" if plan is not None else found.playbook_code or ""
        go = self.tr("Open that incident")
        self.question = already_open.question(
            self, refused, named, go, lambda answer: self._answered(answer, found)
        )
        self.question.open()  # not exec(): the window goes on

    def _answered(self, answer: str, found: IncidentSummary) -> None:
        self.question = None
        if answer == OPEN_IT:  # its console, as the window shows a started one
            self.joined = True
            self.started.emit(found)
            self.accept()
        elif answer == START_ANOTHER:
            self._start(despite_open=True)
        else:
            self.start_button.setEnabled(True)


def may_start(session: GuiSession) -> bool:
    """Leads and staff start incidents; auditors only read."""
    return may(session.actor, "incident.start")
