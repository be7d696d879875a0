"""The Team tab of the People page: who holds each role the approved plans name (with a backup, B角)
and the training records with their certificates' expiry in colour; the lead assigns roles and adds
or corrects records, and unassigns a role (after asking), which frees its holder to leave the staff
list: the only way once no approved plan names the role any more. Both lists are read off the GUI
thread through one Loader; an unassignment is written on the writer's thread, its button waiting."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchguard import APP_NAME
from branchguard.core.kernel.roles import may
from branchguard.core.team import rules
from branchguard.core.team.rules import REMIND_DAYS
from branchguard.core.team.types import Person, TeamRole, TrainingRecord
from branchguard.gui.kit.empty_note import EmptyNote
from branchguard.gui.kit.flow import FlowLayout
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.plain import literal
from branchguard.gui.kit.rows import SIZE_SAMPLE_ROWS
from branchguard.gui.kit.tables import make_table
from branchguard.gui.kit.writer import writer
from branchguard.gui.people.team_models import TeamRolesModel, TrainingModel
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:
    from branchguard.gui.people.dialogs import RecordDialog

Read = tuple[list[TeamRole], list[TrainingRecord], list[Person]]


class TeamTab(QWidget):
    changed = Signal(str)

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.loader = Loader(self, on_error=self._failed)
        self._unassigning = False  # an unassignment under way (its button waits)
        self.people: list[Person] = []
        self.dialog: RecordDialog[Any, Any] | None = None  # the dialog while it is open

        self.roles_title = QLabel()
        self.roles_title.setProperty("role", "section")
        self.roles_hint = QLabel()
        self.roles_hint.setProperty("role", "hint")
        self.roles_hint.setWordWrap(True)
        self.no_people = QLabel()  # the next step while the roster is empty: nobody to assign or train
        self.no_people.setObjectName("team_no_people")
        self.no_people.setProperty("role", "warning")
        self.no_people.setWordWrap(True)
        self.no_people.hide()
        self.assign_button = QPushButton(icon("edit"), "")
        self.assign_button.setObjectName("team_assign_button")
        self.assign_button.clicked.connect(self.assign)
        self.unassign_button = QPushButton(icon("delete"), "")
        self.unassign_button.setObjectName("team_unassign_button")
        self.unassign_button.clicked.connect(self.unassign)
        self.roles_model = TeamRolesModel(self)
        self.roles_table, self.roles_proxy = make_table("team_roles_table", self.roles_model)
        self.roles_table.activated.connect(lambda _index: self.assign())
        self.roles_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.training_title = QLabel()
        self.training_title.setProperty("role", "section")
        self.add_button = QPushButton(icon("add"), "")
        self.add_button.setObjectName("training_add_button")
        self.add_button.clicked.connect(self.add_training)
        self.edit_button = QPushButton(icon("edit"), "")
        self.edit_button.setObjectName("training_edit_button")
        self.edit_button.clicked.connect(self.edit_training)
        self.expiring = QCheckBox()
        self.expiring.setObjectName("training_expiring_filter")
        self.expiring.toggled.connect(lambda _on: self.reload())
        self.training_count = QLabel()
        self.training_count.setProperty("role", "hint")
        self.training_model = TrainingModel(self)
        self.training_table, self.training_proxy = make_table("training_table", self.training_model)
        self.training_table.activated.connect(lambda _index: self.edit_training())
        self.training_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.training_note = EmptyNote(self.training_table, self.training_empty_text)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        roles_tools = FlowLayout(spacing=8)
        roles_tools.add_widget(self.roles_title)
        roles_tools.add_widget(self.assign_button)
        roles_tools.add_widget(self.unassign_button)
        top_layout.addLayout(roles_tools)
        top_layout.addWidget(self.roles_hint)
        top_layout.addWidget(self.no_people)
        top_layout.addWidget(self.roles_table, 1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        training_tools = FlowLayout(spacing=8)
        for widget in (
            self.training_title,
            self.add_button,
            self.edit_button,
            self.expiring,
            self.training_count,
        ):
            training_tools.add_widget(widget)
        bottom_layout.addLayout(training_tools)
        bottom_layout.addWidget(self.training_table, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.splitter, 1)
        self._sized = self._read = False
        self._assigns = self._adds = self._updates = False  # what the role may change: apply_role
        self.retranslate()

    # -- page hooks ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.roles_title.setText(self.tr("Team roles"))
        self.roles_table.setAccessibleName(self.roles_title.text())
        self.roles_hint.setText(
            self.tr(
                "Every role the approved plans name, and any role still held that none names any more "
                "(marked so: unassign it to free its holder). Follow mode and the incident report show "
                "who holds a role; an incident's log names a role whose holder is missing, absent or "
                "untrained."
            )
        )
        self.no_people.setText(
            self.tr(
                "Nobody is on the staff roster yet: add the branch's staff on the Staff roster tab "
                "first, then assign the roles and record their training here."
            )
        )
        self.assign_button.setText(self.tr("Assign…"))
        self.unassign_button.setText(self.tr("Unassign…"))
        self.training_title.setText(self.tr("Training records"))
        self.training_table.setAccessibleName(self.training_title.text())
        self.add_button.setText(self.tr("Add training…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.expiring.setText(self.tr("Only expiring within %1 days").replace("%1", str(REMIND_DAYS)))

    def apply_role(self) -> None:
        """Show what the logged-in role may change, each button by the action its service asks."""
        actor = self.session.actor
        self._assigns = may(actor, "team.assign")
        self._adds, self._updates = may(actor, "training.add"), may(actor, "training.update")
        for button, shown in (
            (self.assign_button, self._assigns),
            (self.unassign_button, self._assigns),
            (self.add_button, self._adds),
            (self.edit_button, self._updates),
        ):
            button.setVisible(shown)
        self._update_buttons()

    def training_empty_text(self) -> str:
        """What the empty training list says (kit/empty_note.py): nothing until it is read."""
        if not self._read:
            return ""
        if self.expiring.isChecked():
            return self.tr("No certificate expires within %1 days.").replace("%1", str(REMIND_DAYS))
        if not self._adds:
            return self.tr("No training recorded yet.")
        if not self.people:
            return self.tr("No training recorded yet: add the staff on the Staff roster tab first.")
        return self.tr(
            "No training recorded yet. Add training… records a course a person took, with its certificate "
            "and when it expires."
        )

    def reload(self) -> None:
        team, actor = self.session.services.team, self.session.actor
        expiring = REMIND_DAYS if self.expiring.isChecked() else None

        def read() -> Read:
            return team.roles(actor), team.trainings(actor, expiring_days=expiring), team.people(actor)

        self.loader.run(read, self._show)

    def _show(self, read: Read) -> None:
        roles, records, people = read
        role, record = self.selected_role(), self.selected_record()
        self.people, self._read = people, True
        self.roles_model.set_rows(roles)
        self.training_model.set_rows(records)
        self._select(
            self.roles_table, self.roles_model.find_row(lambda r: role is not None and r.code == role.code)
        )
        self._select(
            self.training_table,
            self.training_model.find_row(lambda r: record is not None and r.id == record.id),
        )
        self.training_count.setText(self.tr("%n record(s) shown", "", len(records)))
        if self.isVisible():
            self._size_columns_once()
        self._update_buttons()

    def _failed(self, message: str) -> None:
        QMessageBox.warning(self, self.window().windowTitle() or APP_NAME, literal(message))

    def showEvent(self, event: QShowEvent) -> None:
        self._size_columns_once()
        super().showEvent(event)

    def _size_columns_once(self) -> None:
        if not self._sized and self.roles_model.rowCount():
            self._sized = True
            for table in (self.roles_table, self.training_table):
                table.horizontalHeader().setResizeContentsPrecision(SIZE_SAMPLE_ROWS)
                table.resizeColumnsToContents()

    # -- selection -----------------------------------------------------------------------------
    def _select(self, table: QTableView, row: int) -> None:
        if row < 0:
            return
        proxy = table.model()
        assert isinstance(proxy, QSortFilterProxyModel)
        index = proxy.mapFromSource(proxy.sourceModel().index(row, 0))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        table.selectionModel().setCurrentIndex(index, flags)

    def selected_role(self) -> TeamRole | None:
        rows = self.roles_table.selectionModel().selectedRows()
        return self.roles_model.row_at(self.roles_proxy.mapToSource(rows[0]).row()) if rows else None

    def selected_record(self) -> TrainingRecord | None:
        rows = self.training_table.selectionModel().selectedRows()
        return self.training_model.row_at(self.training_proxy.mapToSource(rows[0]).row()) if rows else None

    def _update_buttons(self) -> None:
        self.assign_button.setEnabled(self._assigns and self.roles_model.rowCount() > 0 and bool(self.people))
        self.no_people.setVisible(self._read and not self.people and (self._assigns or self._adds))
        role = self.selected_role()
        self.unassign_button.setEnabled(
            self._assigns and role is not None and role.holder is not None and not self._unassigning
        )
        self.add_button.setEnabled(self._adds and bool(self.people))
        self.edit_button.setEnabled(self._updates and self.selected_record() is not None)

    # -- commands ------------------------------------------------------------------------------
    def assign(self) -> None:
        if not self._assigns or not self.people:  # a double-click too: no one to pick (no_people says so)
            return
        from branchguard.gui.people.team_dialogs import AssignDialog

        team, actor = self.session.services.team, self.session.actor
        dialog = AssignDialog(
            lambda data: team.assign(actor, data.role, data.holder, data.backup, data.opened),
            self.roles_model.rows(),
            self.people,
            self.selected_role(),
            self,
            reread=lambda code: next(r for r in team.roles(actor) if r.code == code),
        )
        self._run(dialog)

    def unassign(self) -> None:
        """Nobody holds the selected role any more, once the lead confirms; refused (and the list
        read again) when another PC named someone else since the list was read."""
        role = self.selected_role()
        if not self._assigns or role is None or role.holder is None or self._unassigning:
            return
        held = rules.role_text(
            rules.shown_name(role), role.holder.name, role.backup.name if role.backup else ""
        )
        answer = QMessageBox.question(
            self,
            self.tr("Unassign a team role"),
            literal(self.tr("Nobody will hold this role any more:\n%1\n\nUnassign it?").replace("%1", held)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        team, actor = self.session.services.team, self.session.actor
        code, holders = role.code, rules.holders_of(role)
        self._unassigning = True
        self._update_buttons()
        writer().submit(
            lambda: team.unassign(actor, code, holders),
            on_done=self._unassigned,
            on_error=self._unassign_failed,
        )

    def _unassigned(self, _result: object) -> None:
        self._unassigning = False
        self.reload()
        self.changed.emit("team")

    def _unassign_failed(self, message: str) -> None:
        """Refused (another PC changed the role, say) or a fault: said, and the lists read again to
        show the role as it is now."""
        self._unassigning = False
        self._failed(message)
        self.reload()

    def add_training(self) -> None:
        self._training_dialog(None)

    def edit_training(self) -> None:
        record = self.selected_record()
        if record is not None:
            self._training_dialog(record)

    def _training_dialog(self, record: TrainingRecord | None) -> None:
        if not (self._adds if record is None else self._updates):
            return
        from branchguard.gui.people.team_dialogs import TrainingDialog

        team, actor = self.session.services.team, self.session.actor
        if record is None:
            dialog = TrainingDialog(
                lambda data, _none: team.add_training(actor, data), team.kinds(), self.people, None, self
            )
        else:
            dialog = TrainingDialog(
                lambda data, opened: team.update_training(
                    actor, record.id, data, rules.as_edited(opened) if opened is not None else None
                ),
                team.kinds(),
                self.people,
                record,
                self,
                reread=lambda: team.training(actor, record.id),
            )
        self._run(dialog)

    def _run(self, dialog: RecordDialog[Any, Any]) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda result: self._done(dialog, result))
        dialog.open()

    def _done(self, dialog: RecordDialog[Any, Any], result: int) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted.value and dialog.saved is not None:
            self.reload()
            self.changed.emit("team")
        elif dialog.was_stale:  # changed on another PC: the lists show it as it is now
            self.reload()
