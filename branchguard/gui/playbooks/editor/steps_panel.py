"""The Steps tab: the ordered steps (drag or Ctrl+Up/Down to reorder, Ins/Del) over the step form."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.screen import VerticalScroll
from branchguard.gui.kit.text_scale import (
    keep_stretched_titles,
    large_text,
    scaled,
    set_row_height,
    size_columns,
)
from branchguard.gui.playbooks.editor.roles_model import RolesModel
from branchguard.gui.playbooks.editor.step_form import StepForm
from branchguard.gui.playbooks.editor.steps_model import StepsModel


def steps_table(model: StepsModel) -> QTableView:
    table = QTableView()
    table.setObjectName("steps_table")
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    # InternalMove: the model moves the row in dropMimeData. The view then asks the model to
    # remove the dragged rows; the model has no removeRows, so that request does nothing.
    table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
    table.setDragDropOverwriteMode(False)
    table.setDefaultDropAction(Qt.DropAction.MoveAction)
    table.setDropIndicatorShown(True)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    numbers = table.verticalHeader()
    set_row_height(table, 30)
    numbers.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    numbers.setMinimumWidth(scaled(36, numbers))
    numbers.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(StepsModel.COL_TEXT_ZH, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(StepsModel.COL_TEXT_EN, QHeaderView.ResizeMode.Stretch)
    size_columns(
        header,
        (
            (StepsModel.COL_ROLE, 150),
            (StepsModel.COL_TARGET, 80),
            (StepsModel.COL_REPORT, 100),
            (StepsModel.COL_JUMP, 210),
        ),
    )
    keep_stretched_titles(table)
    return table


class StepsPanel(QWidget):
    def __init__(self, steps: StepsModel, roles: RolesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.steps = steps
        self.table = steps_table(steps)
        self.form = StepForm(steps, roles)
        self.form.setObjectName("step_form")
        self.notice = plain(QLabel())
        self.notice.setObjectName("steps_notice")
        self.notice.setProperty("role", "hint")
        self.notice.setWordWrap(True)
        self.add_button = self._button("add_step", "add")
        self.remove_button = self._button("remove_step", "delete")
        self.up_button = self._button("move_up", "move_up")
        self.down_button = self._button("move_down", "move_down")
        self.add_action = self._action("add_step", Qt.Key.Key_Insert, self.add_step)
        self.remove_action = self._action("remove_step", Qt.Key.Key_Delete, self.remove_step)
        up, down = Qt.Key.Key_Up, Qt.Key.Key_Down
        ctrl = Qt.KeyboardModifier.ControlModifier
        self.up_action = self._action("move_up", QKeySequence(ctrl | up), lambda: self.move_selected(-1))
        self.down_action = self._action("move_down", QKeySequence(ctrl | down), lambda: self.move_selected(1))
        for button, action in (
            (self.add_button, self.add_action),
            (self.remove_button, self.remove_action),
            (self.up_button, self.up_action),
            (self.down_button, self.down_action),
        ):
            button.clicked.connect(action.trigger)

        self.tools = QWidget()
        tools = QHBoxLayout(self.tools)
        tools.setContentsMargins(0, 0, 0, 0)
        tools.setSpacing(6)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            tools.addWidget(button)
        tools.addSpacing(12)
        tools.addWidget(self.notice, 1)
        # Containers placed before they are filled: a widget moved under a new parent is styled
        # again with everything inside it (kit/tabs.py), and the table then reads every row again.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter)
        top = QWidget(self.splitter)
        self.splitter.addWidget(top)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.tools)
        top_layout.addWidget(self.table, 1)
        # at larger text the step's fields, labelled above, scroll rather than hold the editor
        # taller than the screen
        large = large_text(self)
        fields = VerticalScroll(self.form, "step_form_scroll", self.splitter) if large else self.form
        self.splitter.addWidget(fields)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._current_changed())
        steps.step_changed.connect(self.select_key)
        for signal in (steps.rowsInserted, steps.rowsRemoved, steps.rowsMoved, steps.modelReset):
            signal.connect(lambda *_: self.update_actions())
        self._read_only = False
        self.retranslate()
        self.update_actions()

    def _button(self, name: str, icon_name: str) -> QPushButton:
        button = QPushButton(icon(icon_name), "")
        button.setObjectName(f"{name}_button")
        return button

    def _action(self, name: str, key: QKeySequence | Qt.Key, slot: object) -> QAction:
        action = QAction(self.table)
        action.setObjectName(f"{name}_action")
        action.setShortcut(QKeySequence(key))
        # Only while the steps table has the focus: in a text box Del and Ins keep their meaning.
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.table.addAction(action)
        return action

    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Steps"))
        texts = (
            (self.tr("Add step"), self.tr("Add a step after the selected one")),
            (self.tr("Remove"), self.tr("Remove the selected step")),
            (self.tr("Move up"), self.tr("Move the selected step up")),
            (self.tr("Move down"), self.tr("Move the selected step down")),
        )
        buttons = (self.add_button, self.remove_button, self.up_button, self.down_button)
        actions = (self.add_action, self.remove_action, self.up_action, self.down_action)
        for button, action, (text, tip) in zip(buttons, actions, texts, strict=True):
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setText(tip)
            button.setText(text)
            button.setToolTip(f"{tip} ({keys})")
        self.table.setToolTip(self.tr("Drag a step, or press Ctrl+Up / Ctrl+Down, to change the order."))
        self.form.retranslate()

    # -- selection -----------------------------------------------------------------------------
    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        if not 0 <= row < self.steps.rowCount():
            self.table.clearSelection()
            self.form.show_step(None)
            return
        index = self.steps.index(row, StepsModel.COL_TEXT_ZH)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        self.form.show_step(self.steps.item_at(row).key)

    def select_key(self, key: str) -> None:
        row = self.steps.row_of(key)
        if row >= 0 and row != self.current_row():
            self.select_row(row)
        self.update_actions()

    def _current_changed(self) -> None:
        row = self.current_row()
        key = self.steps.item_at(row).key if row >= 0 else None
        if key != self.form.key:
            self.form.clear_errors()
        self.form.show_step(key)
        self.update_actions()

    def update_actions(self) -> None:
        row, count = self.current_row(), self.steps.rowCount()
        editable = not self._read_only
        self.add_action.setEnabled(editable)
        self.remove_action.setEnabled(editable and row >= 0)
        self.up_action.setEnabled(editable and row > 0)
        self.down_action.setEnabled(editable and 0 <= row < count - 1)
        for button, action in (
            (self.add_button, self.add_action),
            (self.remove_button, self.remove_action),
            (self.up_button, self.up_action),
            (self.down_button, self.down_action),
        ):
            button.setEnabled(action.isEnabled())

    # -- actions -------------------------------------------------------------------------------
    def add_step(self) -> None:
        row = self.current_row()
        self.notice.clear()
        new_row = self.steps.add_step(row + 1 if row >= 0 else None)
        self.select_row(new_row)
        self.form.focus_text()

    def remove_step(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        cleared = self.steps.remove_step(row)
        text = self.tr("Step %1 was removed.").replace("%1", str(row + 1))
        if cleared:
            text += " " + self.tr("The jumps to it from these steps were cleared: %1.").replace(
                "%1", ", ".join(map(str, cleared))
            )
        self.notice.setText(text)
        self.select_row(min(row, self.steps.rowCount() - 1))
        self.table.setFocus()

    def move_selected(self, delta: int) -> None:
        row = self.current_row()
        if row >= 0 and self.steps.move_step(row, row + delta):
            self.notice.clear()
            self.select_row(row + delta)

    # -- modes and errors ----------------------------------------------------------------------
    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.steps.editable = not read_only
        self.table.setDragEnabled(not read_only)
        self.form.set_read_only(read_only)
        self.tools.setVisible(not read_only)
        self.update_actions()

    def show_error(self, row: int, rest: tuple[str | int, ...], message: str) -> None:
        """Select the step the error is about and put the message under the input it names."""
        self.select_row(row)
        if not self.form.show_error(rest, message):
            self.table.setFocus()
