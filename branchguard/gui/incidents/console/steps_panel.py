"""The console's step list with Done and Skip; Enter on a step marks it done."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.incidents.text import step_role_text
from branchguard.core.incidents.types import IncidentDetail, IncidentStatus, IncidentStep, StepState
from branchguard.core.team.rules import role_text
from branchguard.gui.incidents.console.header import grown
from branchguard.gui.incidents.console.target_column import TargetColumn
from branchguard.gui.incidents.steps_model import CURRENT_BACKGROUND, IncidentStepsModel
from branchguard.gui.kit import style
from branchguard.gui.kit.elided import ElidedLabel
from branchguard.gui.kit.forms import spoken
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.plain import tip
from branchguard.gui.kit.text_scale import keep_stretched_titles, large_text, size_columns

STEP_ROW = 24  # pixels: a row of the step list, at the usual 10 pt text
HEADER_HEIGHT = 24  # pixels: the column headers of the step list and the log, likewise
LARGE_STEP_ROWS = 4  # at larger text the list never shows fewer (at 15 pt on 1024×768 it showed one)
TARGET_WIDTH = 100  # pixels: the Target column's least at 10 pt; its targets' where wider (target_column.py)
STEP_CHARS = 11  # the step column's least width, in average characters (~15 Latin letters, 7 Chinese)


def compact(pixels: int, widget: QWidget) -> int:
    """A row's or a header's height: `pixels`, or taller for larger text (a low-vision user's
    system font), whose column titles a fixed 24 px cut through."""
    return max(pixels, widget.fontMetrics().height() + 8)


def rows_tall(view: QTableView, rows: int, scrolled: bool = False) -> int:
    """The height of `view` that shows `rows` whole rows under its column headers; `scrolled`:
    with room for its sideways scroll bar too (at 15 pt with the call list open, the columns
    scroll, and a minimum without it showed 3.9 step rows and 2.6 log rows)."""
    row = view.verticalHeader().defaultSectionSize()
    bar = view.horizontalScrollBar().sizeHint().height() if scrolled else 0
    return view.horizontalHeader().height() + rows * row + 2 * view.frameWidth() + bar


class StepsPanel(QWidget):
    """`done_requested(number)` and `skip_requested(number)` for the step to act on: the selected
    pending step, else the current one."""

    done_requested = Signal(int)
    skip_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = IncidentStepsModel(self)
        self.heading = QLabel()
        self.heading.setObjectName("incident_steps_heading")
        self.heading.setStyleSheet("font-weight: 600;")
        self.table = QTableView()
        self.table.setObjectName("incident_steps")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list: the actions must be reachable
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # Compact rows and header: at 1024×768 the list shows six steps or more (issue #17: three).
        self.table.verticalHeader().setDefaultSectionSize(compact(STEP_ROW, self.table))
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setFixedHeight(compact(HEADER_HEIGHT, header))
        # The step's words take what is left, never fewer than STEP_CHARS (at 15 pt on a 1024-wide
        # screen they had 80 px, "Shout…"): the number is narrow; at larger text the role and the
        # status (whose words the step now's line and the row's colour say too) give up some room.
        large = large_text(self)
        role, status = (80, 70) if large else (110, 80)
        size_columns(header, ((0, 32), (2, role), (3, TARGET_WIDTH), (4, status), (5, 90)))
        header.setSectionResizeMode(IncidentStepsModel.COL_TEXT, QHeaderView.ResizeMode.Stretch)
        least = STEP_CHARS * self.table.fontMetrics().averageCharWidth()
        keep_stretched_titles(self.table, {IncidentStepsModel.COL_TEXT: least})
        TargetColumn(self.table, TARGET_WIDTH, least)  # at 10 pt too: "10 分钟内 (10:25)" is 106 px
        # Enter on the list marks the selected step done; a QShortcut with a whatsThis is listed in F1.
        self.enter_keys = []
        for key in ("Return", "Enter"):
            shortcut = QShortcut(QKeySequence(key), self.table, context=Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.request_done)
            self.enter_keys.append(shortcut)
        self.done_button = QPushButton(icon("approve"), "")
        self.done_button.setObjectName("incident_step_done")
        self.done_button.setProperty("accent", True)
        self.skip_button = QPushButton()
        self.skip_button.setObjectName("incident_step_skip")
        self.done_button.clicked.connect(self.request_done)
        self.skip_button.clicked.connect(self.request_skip)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

        # The one step to do now, in large type: in a crisis nobody reads the whole table.
        self.now = QFrame()
        self.now.setObjectName("incident_now")
        self.now.setStyleSheet(
            f"QFrame#incident_now {{ background: {CURRENT_BACKGROUND};"
            f" border-left: 5px solid {style.WARNING}; border-radius: 4px; }}"
        )
        # Two lines in large type, each ending "…" where the room ends, the whole in their tooltip:
        # wrapped, they needed 80 px where a 1366×768 screen at 125 % leaves the block 42.
        self.now_label = ElidedLabel()  # "Now: step 2 · role — name"
        self.now_label.setObjectName("incident_now_step")
        self.now_text = ElidedLabel()  # the step itself
        self.now_text.setObjectName("incident_now_text")
        for label in (self.now_label, self.now_text):
            label.setFont(grown(self.font(), 12.5, bold=True))
        # One line, ending "…" at a whole word, the rest in its tooltip: a wrapped "Next:" took
        # two step rows' height on a 768-line screen (issue #17).
        self.next_label = ElidedLabel()
        self.next_label.setObjectName("incident_next_step")
        self.next_label.setProperty("role", "hint")
        # At larger text its line is a step row's height: the next step is the row under the
        # current one in the list, and in the step now's tooltip.
        self._large = large
        if self._large:  # hidden only: shown here, before it has a parent, it was a window of its own
            self.next_label.hide()
            self.table.setMinimumHeight(rows_tall(self.table, LARGE_STEP_ROWS, scrolled=True))
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.now_label)
        texts.addWidget(self.now_text)
        texts.addWidget(self.next_label)
        now_box = QHBoxLayout(self.now)
        now_box.setContentsMargins(10, 4, 6, 4)
        now_box.addLayout(texts, 1)
        now_box.addWidget(self.done_button)
        now_box.addWidget(self.skip_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addWidget(self.now)
        self.heading_row = QHBoxLayout()  # the console adds its call-list toggle at the right
        self.heading_row.setContentsMargins(0, 0, 0, 0)
        self.heading_row.addWidget(self.heading, 1)
        box.addLayout(self.heading_row)
        box.addWidget(self.table, 1)
        self._may_mark = False
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Steps"))
        self.table.setAccessibleName(spoken(self.heading.text()))
        self.done_button.setText(self.tr("Done"))
        self.done_button.setToolTip(self.tr("Mark the selected step done (Ctrl+D, or Enter in the list)"))
        self.skip_button.setText(self.tr("Skip…"))
        self.skip_button.setToolTip(self.tr("Skip the selected step, giving a reason (Ctrl+K)"))
        self.enter_keys[0].setWhatsThis(self.tr("In the step list: mark the selected step done"))

    def set_detail(self, detail: IncidentDetail, may_mark: bool) -> None:
        selected = self.selected_number()
        pending = [s.number for s in detail.steps if s.state == StepState.PENDING]
        self._may_mark = may_mark
        self.model.set_steps(detail.steps, detail.summary.started_at)
        self.done_button.setVisible(may_mark)
        self.skip_button.setVisible(may_mark)
        self._show_now(detail)
        self.heading.setText(
            self.tr("Steps (%1 of %2 done or skipped)")
            .replace("%1", str(sum(s.state != StepState.PENDING for s in detail.steps)))
            .replace("%2", str(len(detail.steps)))
        )
        self.table.setAccessibleName(spoken(self.heading.text()))  # a screen reader hears the count too
        # After a mark the selection moves on to the step now current, as the lead works down the list.
        row = self.model.current_number() - 1
        if selected in pending:
            row = selected - 1
        if row >= 0:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(index, flags)
            self.table.scrollTo(index)
        self._update_buttons()

    def _show_now(self, detail: IncidentDetail) -> None:
        current, following = detail.current_step(), detail.next_step()
        self.now.setVisible(detail.summary.status == IncidentStatus.OPEN)
        if current is None:
            self.now_label.setText(self.tr("Every step is done or skipped."))
            self.now_text.clear()
            self.next_label.clear()
            return
        # The holder, not the backup, in the large line: it must not push step rows off a small screen.
        role = role_text(current.role_name.text or current.role, current.holder, "")
        self.now_label.setText(
            self.tr("Now: step %1 · %2").replace("%1", str(current.number)).replace("%2", role)
        )
        self.now_text.setText(current.text.text)
        upcoming = ""
        if following is not None:
            upcoming = self.tr("Next: step %1 · %2").replace("%1", str(following.number))
            upcoming = upcoming.replace("%2", following.text.text)
        self.next_label.setText(upcoming)
        whole = f"{step_role_text(current)}\n{current.text.text}"  # with the backup, and never cut
        if self._large and upcoming:
            whole += f"\n\n{upcoming}"
        self.now_label.setToolTip(tip(whole))
        self.now_text.setToolTip(tip(whole))

    def selected_number(self) -> int:
        index = self.table.selectionModel().currentIndex()
        return self.model.row_at(index.row()).number if index.isValid() else 0

    def target_step(self) -> IncidentStep | None:
        """The step Done/Skip act on: the selected one when it is pending, else the current one."""
        number = self.selected_number()
        steps = self.model.rows()
        if 0 < number <= len(steps) and steps[number - 1].state == StepState.PENDING:
            return steps[number - 1]
        current = self.model.current_number()
        return steps[current - 1] if current else None

    def _update_buttons(self) -> None:
        target = self.target_step() is not None
        self.done_button.setEnabled(self._may_mark and target)
        self.skip_button.setEnabled(self._may_mark and target)

    def request_done(self) -> None:
        step = self.target_step()
        if self._may_mark and step is not None:
            self.done_requested.emit(step.number)

    def request_skip(self) -> None:
        step = self.target_step()
        if self._may_mark and step is not None:
            self.skip_requested.emit(step.number)
