"""Warnings page: the early-warning log (预警记录). Staff record what the weather bureau, the police,
head office or emergency management sent; an orange or red warning can start the natural-disaster
plan's preparation at once ("Start preparation"), which opens its console on the Incidents page.
A warning is never edited: its lifting or cancelling is recorded after it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QVBoxLayout, QWidget

from branchguard.core.early_warnings.types import EarlyWarning, WarningFilter
from branchguard.core.incidents.opening import PlanAlreadyOpen
from branchguard.core.incidents.types import IncidentSummary
from branchguard.core.kernel.roles import may
from branchguard.gui.audit.record_band import LedgerBand
from branchguard.gui.early_warnings.dialogs import AddWarningDialog, LiftWarningDialog
from branchguard.gui.early_warnings.models import WarningListModel
from branchguard.gui.early_warnings.plan_open import APPLY, START_ANOTHER, PlanOpenQuestion
from branchguard.gui.kit.empty_note import EmptyNote
from branchguard.gui.kit.flow import FlowLayout
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.page import INCIDENTS_PAGE, Page
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.tables import make_table
from branchguard.gui.kit.writer import writer
from branchguard.gui.shell.session import GuiSession


class WarningsPage(Page):
    page_id = "warnings"

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.loader = Loader(self, on_error=self.show_error)
        self.heading = QLabel()
        self.heading.setProperty("role", "page-title")
        self.intro = QLabel()
        self.intro.setProperty("role", "hint")
        self.intro.setWordWrap(True)
        self.add_button = QPushButton(icon("add"), "")
        self.add_button.setObjectName("warning_add_button")
        self.add_button.setProperty("accent", True)
        self.add_button.clicked.connect(self.ask_add)
        self.start_button = QPushButton(icon("incident"), "")
        self.start_button.setObjectName("warning_start_button")
        self.start_button.clicked.connect(self.start_selected)
        self.lift_button = QPushButton(icon("approve"), "")
        self.lift_button.setObjectName("warning_lift_button")
        self.lift_button.clicked.connect(self.ask_lift)
        self.active_only = QCheckBox()
        self.active_only.setObjectName("warning_active_only")
        self.active_only.toggled.connect(lambda _on: self.refresh())
        self.severe_only = QCheckBox()
        self.severe_only.setObjectName("warning_severe_only")
        self.severe_only.toggled.connect(lambda _on: self.refresh())
        self.model = WarningListModel(self)
        self.table, self.proxy = make_table("warning_table", self.model)
        self.table.sortByColumn(WarningListModel.COL_RECEIVED, Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.question: PlanOpenQuestion | None = None  # while the plan's open incident is asked about
        self.table.doubleClicked.connect(lambda _index: self.open_incident_of_selected())
        self._read = False  # the list shown is the warnings read, not the empty start
        self.empty_note = EmptyNote(self.table, self.empty_text)
        self.message = error_label("warning_message")
        self.ledger_band = LedgerBand(session, self)  # the selected warning rewritten outside the app
        tools = FlowLayout()
        for widget in (
            self.add_button,
            self.start_button,
            self.lift_button,
            self.active_only,
            self.severe_only,
        ):
            tools.add_widget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(tools)
        layout.addWidget(self.message)
        layout.addWidget(self.ledger_band)
        layout.addWidget(self.table, 1)
        self.retranslate()
        self._enable()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Early warnings"))
        self.table.setAccessibleName(self.heading.text())
        self.intro.setText(
            self.tr(
                "Warnings received from the weather bureau, the police, head office or emergency "
                "management. Start preparation opens the natural-disaster plan at the warning's colour."
            )
        )
        self.add_button.setText(self.tr("Record a warning…"))
        self.start_button.setText(self.tr("Start preparation"))
        self.lift_button.setText(self.tr("Lifted or cancelled…"))
        self.active_only.setText(self.tr("Only warnings in force"))
        self.severe_only.setText(self.tr("Only orange and red"))
        self._say_why(self.selected())

    # -- reading -------------------------------------------------------------------------------
    def current_filter(self) -> WarningFilter:
        return WarningFilter(
            active_only=self.active_only.isChecked(), severe_only=self.severe_only.isChecked()
        )

    def refresh(self) -> None:
        services, actor, flt = self.session.services, self.session.actor, self.current_filter()
        self.loader.run(lambda: services.warnings.list(actor, flt), self._show)

    def show_filtered(self, flt: WarningFilter) -> None:
        """The dashboard's tile: the warnings its figure counts."""
        for box, on in ((self.active_only, flt.active_only), (self.severe_only, flt.severe_only)):
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)
        self.refresh()

    def empty_text(self) -> str:
        """What the empty log says (kit/empty_note.py): nothing until the warnings are read."""
        if not self._read:
            return ""
        if self.active_only.isChecked() or self.severe_only.isChecked():
            return self.tr("No warning matches these filters.")
        if not may(self.session.actor, "warning.record"):
            return self.tr("No warnings recorded yet.")
        return self.tr(
            "No warnings recorded yet. When the weather bureau, the police, head office or emergency "
            "management sends one, Record a warning… enters it; an orange or red one can start the "
            "natural-disaster plan's preparation."
        )

    def _show(self, warnings: list[EarlyWarning]) -> None:
        self._read = True
        self.message.hide()
        self.model.set_rows(warnings)
        self._enable()

    def show_error(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()

    def selected(self) -> EarlyWarning | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row())

    def _enable(self) -> None:
        actor, chosen = self.session.actor, self.selected()
        live = chosen is not None and chosen.active
        self.add_button.setVisible(may(actor, "warning.record"))
        self.lift_button.setVisible(may(actor, "warning.lift"))
        self.start_button.setVisible(may(actor, "incident.start"))
        self.lift_button.setEnabled(live)
        self.start_button.setEnabled(live and chosen is not None and chosen.incident_id is None)
        self._say_why(chosen)
        if chosen is None:
            self.ledger_band.clear()
        else:
            self.ledger_band.check("early_warning", chosen.id)

    def _say_why(self, chosen: EarlyWarning | None) -> None:
        """Each button's tooltip: what it does, or why it cannot yet."""
        if chosen is None:
            self.start_button.setToolTip(self.tr("Select a warning in force to start its preparation."))
            self.lift_button.setToolTip(self.tr("Select a warning in force to record its end."))
        elif not chosen.active:
            self.start_button.setToolTip(self.tr("This warning is no longer in force."))
            self.lift_button.setToolTip(self.tr("This warning is no longer in force."))
        else:
            self.start_button.setToolTip(
                self.tr("Its preparation has started: double-click the warning to open it.")
                if chosen.incident_id is not None
                else self.tr("Start the natural-disaster plan's preparation at this warning's colour.")
            )
            self.lift_button.setToolTip(self.tr("Record that this warning was lifted or cancelled."))

    # -- changing ------------------------------------------------------------------------------
    def ask_add(self) -> AddWarningDialog | None:
        if not may(self.session.actor, "warning.record"):
            return None
        dialog = AddWarningDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._added(dialog.added, dialog.refused))
        dialog.open()
        return dialog

    def _added(self, warning: EarlyWarning | None, refused: PlanAlreadyOpen | None = None) -> None:
        self.session.data_changed.emit("warning")
        self.refresh()
        if warning is not None and refused is not None:  # recorded, not started: the plan is open
            self.ask_plan_open(refused, warning, recorded=True)
        elif warning is not None and warning.incident_id is not None:
            self.open_console(warning.incident_id)

    def ask_lift(self) -> LiftWarningDialog | None:
        chosen = self.selected()
        if chosen is None or not chosen.active or not may(self.session.actor, "warning.lift"):
            return None
        dialog = LiftWarningDialog(self.session, chosen, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._lifted)
        dialog.open()
        return dialog

    def _lifted(self) -> None:
        self.session.data_changed.emit("warning")
        self.refresh()

    def start_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or not self.start_button.isEnabled():
            return
        self.start_button.setEnabled(False)
        self._start(chosen, despite_open=False)

    def _start(self, warning: EarlyWarning, *, despite_open: bool) -> None:
        s = self.session

        def work() -> IncidentSummary | PlanAlreadyOpen:
            try:
                return s.services.warnings.start_preparation(s.actor, warning.id, despite_open=despite_open)
            except PlanAlreadyOpen as refused:  # brought back whole: the question offers its incident
                return refused

        def done(result: IncidentSummary | PlanAlreadyOpen) -> None:
            if isinstance(result, PlanAlreadyOpen):
                self.ask_plan_open(result, warning)
            else:
                self._started(result)

        writer().submit(work, on_done=done, on_error=self._start_failed)

    # -- the plan is open already --------------------------------------------------------------
    def ask_plan_open(
        self, refused: PlanAlreadyOpen, warning: EarlyWarning, *, recorded: bool = False
    ) -> None:
        """One emergency, one log: the warning joins the open incident (the default), a second,
        separate event is started from it, or neither."""
        self.question = PlanOpenQuestion(
            self, refused, warning, lambda answer: self._answered(answer, refused, warning), recorded=recorded
        )
        self.question.ask()

    def _answered(self, answer: str, refused: PlanAlreadyOpen, warning: EarlyWarning) -> None:
        self.question = None
        found = refused.incident
        if answer == APPLY:  # the warning joins it: logged there, its level raised only if higher
            s = self.session
            writer().submit(
                lambda: s.services.warnings.apply_to_open(s.actor, warning.id, found.id),
                on_done=self._started,
                on_error=self._start_failed,
            )
        elif answer == START_ANOTHER:
            self._start(warning, despite_open=True)
        else:
            self._enable()

    def _started(self, summary: IncidentSummary) -> None:
        self.session.data_changed.emit("incident")
        self.refresh()
        self.open_console(summary.id)

    def _start_failed(self, message: str) -> None:
        self.show_error(message)
        self._enable()

    def open_incident_of_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.incident_id is not None:
            self.open_console(chosen.incident_id)

    def open_console(self, incident_id: int) -> QWidget | None:
        """The incident's console on the Incidents page, in front."""
        from branchguard.gui.incidents.page import IncidentsPage
        from branchguard.gui.shell.main_window import MainWindow

        window = self.window()
        if not isinstance(window, MainWindow):
            return None
        page = window.show_page(INCIDENTS_PAGE)
        if not isinstance(page, IncidentsPage):
            return None
        return page.started(incident_id)
