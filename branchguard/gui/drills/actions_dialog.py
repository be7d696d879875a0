"""A drill's corrective actions: what, owner, due (overdue in red), done by whom (named as a person,
as the drill report names them) and when; the lead marks one done, which also stops its owner's
reminders. Read as the dialog opens and after each mark, and marked, off the GUI thread
(gui/kit/dialog_work.py)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.accounts.names import Names
from branchguard.core.drills import rules
from branchguard.core.drills.types import DrillAction, DrillPlan
from branchguard.core.incidents.types import FollowUpAction
from branchguard.gui.kit import style
from branchguard.gui.kit.dialog_work import DialogWork
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.screen import resize_within_screen
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.text_scale import keep_stretched_titles, size_columns
from branchguard.gui.kit.times import date_time
from branchguard.gui.shell.session import GuiSession


class ActionsDialog(QDialog):
    changed = Signal()

    TEXT, OWNER, DUE, DONE = range(4)

    def __init__(self, session: GuiSession, plan: DrillPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drill_actions_dialog")
        self.session = session
        self.plan = plan
        self.entries: list[FollowUpAction] = []
        self.who = Names()  # logins shown as people's names (王建国, not "lead"), read with the actions
        self.last_done: FollowUpAction | None = None  # the action marked done last
        self.heading = plain(QLabel(f"#{plan.id} {plan.title}"))
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("drill_actions_table")
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.TEXT, QHeaderView.ResizeMode.Stretch)
        size_columns(header, ((self.OWNER, 100), (self.DUE, 100), (self.DONE, 190)))
        keep_stretched_titles(self.table)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.done_button = QPushButton(icon("approve"), "")
        self.done_button.setObjectName("drill_action_done")
        self.done_button.setAutoDefault(False)
        self.done_button.clicked.connect(lambda: self.mark_done())
        self.message = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.addButton(self.done_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.work = DialogWork(self, None, self.message)
        self.work.changed.connect(self._update_button)
        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addWidget(self.table, 1)
        box.addWidget(self.work.note)
        box.addWidget(self.message)
        box.addWidget(self.buttons)
        self.retranslate()
        self.reload()
        resize_within_screen(self, 760, 340)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Corrective actions"))
        self.table.setAccessibleName(self.windowTitle())
        self.table.setHorizontalHeaderLabels(
            [self.tr("Corrective action"), self.tr("Owner"), self.tr("Due"), self.tr("Done")]
        )
        self.done_button.setText(self.tr("Mark done"))

    def reload(self, row: int = -1) -> None:
        """The actions as stored and the accounts' names, read off the GUI thread; `row` selected
        again once shown."""
        services, actor, plan_id = self.session.services, self.session.actor, self.plan.id

        def read() -> tuple[list[FollowUpAction], Names]:
            return list(services.drills.record_of(actor, plan_id).actions), services.auth.names(actor)

        self.work.read(read, lambda got: self._show(*got, row))

    def _show(self, entries: list[FollowUpAction], who: Names, row: int) -> None:
        self.entries, self.who = entries, who
        today = date.today()
        self.table.setRowCount(len(self.entries))
        for at, action in enumerate(self.entries):
            done = f"{date_time(action.done_at)} · {who(action.done_by)}" if action.done_at else ""
            texts = (action.text, action.owner, action.due.isoformat() if action.due else "", done)
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if action.overdue(today):
                    item.setForeground(QColor(style.ERROR))
                elif action.done_at is not None:
                    item.setForeground(QColor(style.MUTED))
                self.table.setItem(at, column, item)
        if row >= 0:
            self.table.selectRow(row)
        self._update_button()

    def selected(self) -> FollowUpAction | None:
        row = self.table.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _may_complete(self) -> bool:
        return DrillAction.COMPLETE_ACTION in rules.available_actions(self.plan, self.session.actor)

    def _update_button(self) -> None:
        action = self.selected()
        self.done_button.setVisible(self._may_complete())
        self.done_button.setEnabled(self.work.ready() and action is not None and action.done_at is None)

    def mark_done(self) -> bool:
        """Mark the selected action done off the GUI thread; False when nothing was started (none
        selected, done already, or a mark under way)."""
        action = self.selected()
        if action is None or action.done_at is not None or not self._may_complete():
            return False
        drills, actor, plan_id = self.session.services.drills, self.session.actor, self.plan.id
        row = self.table.currentRow()
        action_id = action.id
        return self.work.save(
            lambda: drills.complete_action(actor, plan_id, action_id), lambda done: self._done(done, row)
        )

    def _done(self, done: FollowUpAction, row: int) -> None:
        self.last_done = done
        self.reload(row)
        self.session.data_changed.emit("schedule")
        self.changed.emit()
