"""The Drills page's corrective-actions tab: every incident's and drill run's follow-up actions,
all, open or overdue, read off the GUI thread; a double-click opens the incident's console."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.incidents.types import ActionFilter, ActionItem
from branchguard.core.kernel.roles import may
from branchguard.gui.drills.models import ActionModel
from branchguard.gui.kit.empty_note import EmptyNote
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.tables import make_table
from branchguard.gui.kit.text_scale import size_columns
from branchguard.gui.shell.session import GuiSession

ALL, OPEN, OVERDUE = "all", "open", "overdue"


class ActionListPanel(QWidget):
    """Asks the page to open an incident's console: `open_console(incident_id)`."""

    open_console = Signal(int)

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.loader = Loader(self, on_error=self._failed)
        self.state_filter = QComboBox()
        self.state_filter.setObjectName("action_state_filter")
        self.state_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.model = ActionModel(self)
        self.table, self.proxy = make_table("action_list", self.model)
        self.table.sortByColumn(ActionModel.COL_DUE, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(
            ActionModel.COL_ACTION, QHeaderView.ResizeMode.Stretch
        )
        self.table.horizontalHeader().setStretchLastSection(False)
        size_columns(self.table.horizontalHeader(), ((0, 220), (2, 90), (3, 100), (4, 150)))
        self.table.activated.connect(self._activated)
        self._read = False  # the list shown is the actions read, not the empty start
        self.empty_note = EmptyNote(self.table, self.empty_text)
        self.count_label = QLabel()
        self.count_label.setObjectName("action_count")
        self.filter_label = QLabel()
        self.done_button = QPushButton()
        self.done_button.setObjectName("action_done")
        self.done_button.setVisible(may(session.actor, "incident.action"))
        # Who may not mark one done (staff, an owner among them; the auditor) is told who does:
        # without the button, an owner saw their action listed and no way to say it was done.
        self.who_marks = QLabel()
        self.who_marks.setObjectName("action_who_marks")
        self.who_marks.setProperty("role", "hint")
        self.who_marks.setWordWrap(True)  # wraps at larger text rather than widening the window
        self.who_marks.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.who_marks.setVisible(self.done_button.isHidden())
        self.done_button.setEnabled(False)
        self.done_button.clicked.connect(self.mark_done)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_done())
        self.writer = Loader(self, on_error=self._failed)
        bar = QHBoxLayout()
        bar.addWidget(self.filter_label)
        bar.addWidget(self.state_filter)
        bar.addStretch(1)
        bar.addWidget(self.who_marks, 4)  # most of the room: a wrapped line only when it must
        bar.addWidget(self.done_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 8, 8, 8)
        box.addLayout(bar)
        box.addWidget(self.table, 1)
        box.addWidget(self.count_label)
        self.retranslate()

    def retranslate(self) -> None:
        self.filter_label.setText(self.tr("Show"))
        self.table.setAccessibleName(self.tr("Corrective actions"))
        self.done_button.setText(self.tr("Mark done"))
        self.who_marks.setText(self.tr("The safety lead marks an action done: tell them when yours is."))
        current = self.state_filter.currentData() or OPEN
        self.state_filter.blockSignals(True)
        self.state_filter.clear()
        for text, data in (
            (self.tr("Open actions"), OPEN),
            (self.tr("Overdue actions"), OVERDUE),
            (self.tr("All actions"), ALL),
        ):
            self.state_filter.addItem(text, data)
        self.state_filter.setCurrentIndex(self.state_filter.findData(current))
        self.state_filter.blockSignals(False)

    def current_filter(self) -> ActionFilter:
        state = self.state_filter.currentData()
        return ActionFilter(open_only=state == OPEN, overdue_only=state == OVERDUE)

    def show_filtered(self, flt: ActionFilter) -> None:
        """Set the state control to `flt` (the dashboard's tile) and list those actions."""
        state = OVERDUE if flt.overdue_only else OPEN if flt.open_only else ALL
        self.state_filter.blockSignals(True)
        self.state_filter.setCurrentIndex(self.state_filter.findData(state))
        self.state_filter.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        incidents, actor, flt = self.session.services.incidents, self.session.actor, self.current_filter()
        self.loader.run(lambda: incidents.list_actions(actor, flt), self._show)

    def empty_text(self) -> str:
        """What the empty list says (kit/empty_note.py): nothing until the actions are read."""
        if not self._read:
            return ""
        state = self.state_filter.currentData()
        if state == OVERDUE:
            return self.tr("No overdue corrective actions.")
        if state == OPEN:
            return self.tr(
                "No open corrective actions. A drill's evaluation and an incident's closing add them, "
                "each with its owner and due date; “All actions” lists the done ones too."
            )
        return self.tr(
            "No corrective actions yet. A drill's evaluation and an incident's closing add them, each "
            "with its owner and due date."
        )

    def _show(self, rows: list[ActionItem]) -> None:
        self._read = True
        self.model.set_rows(rows)
        self._update_done()
        self.count_label.setText(self.tr("Actions shown: %1").replace("%1", str(len(rows))))

    def _failed(self, message: str) -> None:
        self.count_label.setText(message)

    def shown(self) -> list[ActionItem]:
        return self.model.rows()

    def _activated(self, index: object) -> None:
        row = self.proxy.mapToSource(self.table.currentIndex()).row()
        if 0 <= row < self.model.rowCount():
            incident_id = self.model.row_at(row).action.incident_id
            if incident_id is not None:  # a complaint's action has no console
                self.open_console.emit(incident_id)

    def selected(self) -> ActionItem | None:
        row = self.proxy.mapToSource(self.table.currentIndex()).row()
        return self.model.row_at(row) if 0 <= row < self.model.rowCount() else None

    def _update_done(self) -> None:
        item = self.selected()
        self.done_button.setEnabled(item is not None and item.action.done_at is None)

    def mark_done(self) -> None:
        """The selected action done, off the GUI thread; its reminder ends with it."""
        item = self.selected()
        if item is None:
            return
        incidents, actor, action_id = self.session.services.incidents, self.session.actor, item.action.id
        self.done_button.setEnabled(False)
        self.writer.run(lambda: incidents.complete_action(actor, action_id), lambda _done: self.reload())
