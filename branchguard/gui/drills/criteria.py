"""The Drills page's scoring-criteria tab: the criteria sets of a region and, for the selected set,
its criteria with weights (summing to 100); the lead edits and saves them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.drills.types import CriteriaSet, Criterion
from branchguard.core.kernel.errors import BranchGuardError, StaleRecord
from branchguard.core.kernel.roles import may
from branchguard.core.kernel.types import Text2
from branchguard.gui.drills.compliance import region_combo, region_of
from branchguard.gui.kit import style
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.text_scale import large_text, set_row_height, size_columns
from branchguard.gui.kit.writer import writer
from branchguard.gui.shell.session import GuiSession

_SET_ROLE = Qt.ItemDataRole.UserRole


class CriteriaPanel(QWidget):
    CODE, ZH, EN, WEIGHT = range(4)

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.loader = Loader(self, on_error=self._failed)
        self._saving = False  # a save on the writer's thread: Save waits
        self.saved: CriteriaSet | None = None  # the set last stored
        self.region = region_combo("criteria_region")
        self.region.activated.connect(lambda _i: self.reload())
        line = self.region.lineEdit()
        assert line is not None  # an editable combo
        line.editingFinished.connect(self.reload)
        self.region_label = QLabel()
        self.sets = QListWidget()
        self.sets.setObjectName("criteria_sets")
        self.sets.setStyleSheet("QListWidget::item { padding: 5px 4px; }")
        self.sets.currentItemChanged.connect(lambda *_: self.show_set())
        self.categories = QLabel()
        self.categories.setProperty("role", "hint")
        self.categories.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("criteria_table")
        self.table.verticalHeader().hide()
        set_row_height(self.table, 30)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        size_columns(header, ((self.CODE, 110), (self.WEIGHT, 80)))
        header.setSectionResizeMode(self.ZH, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.EN, QHeaderView.ResizeMode.Stretch)
        self.total = QLabel()
        self.total.setObjectName("criteria_total")
        self.add_button = QPushButton(icon("add"), "")
        self.add_button.setObjectName("criteria_add")
        self.add_button.clicked.connect(lambda: self.add_row(Criterion("", Text2(), 0)))
        self.remove_button = QPushButton(icon("delete"), "")
        self.remove_button.setObjectName("criteria_remove")
        self.remove_button.clicked.connect(self.remove_current)
        self.save_button = QPushButton(icon("save"), "")
        self.save_button.setObjectName("criteria_save")
        self.save_button.setProperty("accent", True)
        self.save_button.clicked.connect(lambda: self.save())
        self.message = plain(QLabel())
        self.message.setObjectName("criteria_message")
        self.message.setWordWrap(True)
        self.message.hide()

        top = QHBoxLayout()
        top.addWidget(self.region_label)
        top.addWidget(self.region)
        top.addStretch(1)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(self.categories)
        right_box.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.total)
        buttons.addWidget(self.save_button)
        right_box.addLayout(buttons)
        right_box.addWidget(self.message)
        # The sets above the table at larger text: beside it, at 15 pt on 1024×768, the criteria's
        # columns were squeezed to "…riterion (Chines…" and the sets' names cut.
        stacked = large_text(self)
        split = QSplitter(Qt.Orientation.Vertical if stacked else Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(self.sets)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setSizes([150, 600] if stacked else [260, 800])
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 8, 8, 8)
        box.addLayout(top)
        box.addWidget(split, 1)
        self.table.itemChanged.connect(lambda _item: self.update_total())
        self.retranslate()

    def retranslate(self) -> None:
        self.region_label.setText(self.tr("Region"))
        self.sets.setAccessibleName(self.tr("Criteria sets"))
        self.table.setAccessibleName(self.tr("Criteria"))
        self.region.setItemText(0, self.tr("Defaults (all regions)"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Criterion (Chinese)"),
                self.tr("Criterion (English)"),
                self.tr("Weight %"),
            ]
        )
        self.add_button.setText(self.tr("Add criterion"))
        self.remove_button.setText(self.tr("Remove"))
        self.save_button.setText(self.tr("Save set"))
        self.update_total()

    def may_edit(self) -> bool:
        return may(self.session.actor, "drill.configure")

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the sets off the GUI thread; the set shown now stays in front."""
        current = self.current_set()
        drills, actor, region = self.session.services.drills, self.session.actor, region_of(self.region)
        self.loader.run(lambda: drills.criteria_sets(actor, region), lambda found: self._show(found, current))

    def _failed(self, message: str) -> None:
        self._show([], self.current_set())
        self.say(message, error=True)

    def _show(self, found: list[CriteriaSet], current: CriteriaSet | None) -> None:
        self.sets.blockSignals(True)
        self.sets.clear()
        for cs in found:
            item = QListWidgetItem(f"{cs.name.text}  ({cs.code})")
            item.setData(_SET_ROLE, cs)
            self.sets.addItem(item)
        self.sets.blockSignals(False)
        codes = [cs.code for cs in found]
        self.sets.setCurrentRow(codes.index(current.code) if current and current.code in codes else 0)
        self.show_set()
        lead = self.may_edit()
        for button in (self.add_button, self.remove_button, self.save_button):
            button.setVisible(lead)

    def current_set(self) -> CriteriaSet | None:
        item = self.sets.currentItem()
        value = item.data(_SET_ROLE) if item is not None else None
        return value if isinstance(value, CriteriaSet) else None

    def show_set(self) -> None:
        cs = self.current_set()
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.table.blockSignals(False)
        if cs is None:
            self.categories.clear()
            self.update_total()
            return
        scenarios = "、".join(c.label for c in cs.categories)
        scenarios = scenarios or self.tr("any scenario without a set of its own")
        self.categories.setText(self.tr("Used for drills of: %1").replace("%1", scenarios))
        for criterion in cs.criteria:
            self.add_row(criterion)
        self.update_total()

    def add_row(self, criterion: Criterion) -> int:
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.may_edit():
            flags |= Qt.ItemFlag.ItemIsEditable
        texts = ((self.CODE, criterion.code), (self.ZH, criterion.text.zh), (self.EN, criterion.text.en))
        for column, text in texts:
            item = QTableWidgetItem(text)
            item.setFlags(flags)
            self.table.setItem(row, column, item)
        weight = QSpinBox()
        weight.setObjectName(f"criteria_weight_{row}")
        weight.setRange(0, 100)
        weight.setValue(criterion.weight)
        weight.setEnabled(self.may_edit())
        weight.valueChanged.connect(lambda _v: self.update_total())
        title = self.table.horizontalHeaderItem(self.WEIGHT)  # "Weight % C1": a screen reader said nothing
        weight.setAccessibleName(f"{title.text() if title is not None else ''} {criterion.code}".strip())
        self.table.setCellWidget(row, self.WEIGHT, weight)
        self.table.blockSignals(False)
        self.update_total()
        return row

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.update_total()

    def _weight(self, row: int) -> QSpinBox:
        widget = self.table.cellWidget(row, self.WEIGHT)
        assert isinstance(widget, QSpinBox)
        return widget

    def weights_total(self) -> int:
        return sum(self._weight(row).value() for row in range(self.table.rowCount()))

    def update_total(self) -> None:
        total = self.weights_total()
        self.total.setText(self.tr("Weights: %1 / 100").replace("%1", str(total)))
        self.total.setStyleSheet(f"color: {style.OK if total == 100 else style.ERROR}; font-weight: 600;")

    # -- saving --------------------------------------------------------------------------------
    def edited_set(self) -> CriteriaSet | None:
        cs = self.current_set()
        if cs is None:
            return None

        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text().strip() if item is not None else ""

        criteria = tuple(
            Criterion(
                text(row, self.CODE), Text2(text(row, self.ZH), text(row, self.EN)), self._weight(row).value()
            )
            for row in range(self.table.rowCount())
        )
        region = region_of(self.region)
        return CriteriaSet(cs.code, cs.name, cs.categories, criteria, region)

    def save(self) -> bool:
        """Save the set shown on the writer's thread, Save waiting; False when nothing started
        (nothing to save, or a save under way). `saved` holds the set once stored."""
        edited = self.edited_set()
        if edited is None or not self.may_edit() or self._saving:
            return False
        drills, actor, opened = self.session.services.drills, self.session.actor, self.current_set()

        def work() -> CriteriaSet | BranchGuardError:
            try:  # refused if another PC changed the set since it was shown (a save sends every field)
                return drills.save_criteria_set(actor, edited, edited.region, opened=opened)
            except BranchGuardError as exc:  # brought back whole: a stale one reads the sets again
                return exc

        self._set_saving(True)
        writer().submit(work, on_done=self._stored, on_error=self._save_failed)
        return True

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(not saving)

    def _stored(self, result: CriteriaSet | BranchGuardError) -> None:
        self._set_saving(False)
        if isinstance(result, BranchGuardError):
            self.say(result.message, error=True)
            if isinstance(result, StaleRecord):  # show it as it is now; a second Save compares against that
                self.reload()
            return
        self.saved = result
        self.say(self.tr("Saved: new evaluations of these drills use it."))
        self.session.data_changed.emit("drill")
        self.reload()

    def _save_failed(self, message: str) -> None:
        self._set_saving(False)
        self.say(message, error=True)

    def say(self, text: str, error: bool = False) -> None:
        self.message.setProperty("role", "error" if error else "hint")
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.show()
