"""The lead's checklist editor: name, cadence and the items (texts in both languages, category,
pass criterion, photo on fail, hazard severity on fail). Saving makes a draft; the page's
"Approve draft" publishes it, as with playbooks."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.hazards.types import HazardSeverity
from branchguard.core.inspections.types import (
    Cadence,
    ItemCategory,
    TemplateContent,
    TemplateItem,
    TemplateVersion,
)
from branchguard.core.kernel.types import Text2
from branchguard.gui.kit.dialog_work import DialogWork
from branchguard.gui.kit.forms import FieldForm
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.screen import resize_within_screen
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.text_scale import keep_stretched_titles
from branchguard.gui.shell.session import GuiSession

_B = QDialogButtonBox.StandardButton
(COL_TEXT_ZH, COL_TEXT_EN, COL_CATEGORY, COL_CRITERION_ZH, COL_CRITERION_EN, COL_PHOTO, COL_SEVERITY) = range(
    7
)
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_PARAM = 3650


def _combo(values: type[Cadence] | type[ItemCategory] | type[HazardSeverity], current: object) -> QComboBox:
    combo = QComboBox()
    for value in values:
        combo.addItem(value.label, value.value)
    combo.setCurrentIndex(max(0, combo.findData(getattr(current, "value", current))))
    return combo


class TemplateEditorDialog(QDialog):
    """Edits `version` (or a new checklist when None); `saved` holds the draft after OK."""

    def __init__(
        self, session: GuiSession, version: TemplateVersion | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.base = version.content if version is not None else None
        self.saved: TemplateVersion | None = None
        self.setObjectName("template_editor")
        self.setWindowTitle(
            self.tr("Edit checklist %1").replace("%1", self.base.code)
            if self.base
            else self.tr("New checklist")
        )
        content = self.base
        self.form = FieldForm()
        self.code = QLineEdit(content.code if content else "")
        self.code.setMaxLength(40)
        self.code.setReadOnly(content is not None)  # the code identifies the checklist across versions
        self.name_zh = QLineEdit(content.name.zh if content else "")
        self.name_en = QLineEdit(content.name.en if content else "")
        self.cadence = _combo(Cadence, content.cadence if content else Cadence.MONTHLY)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("What changed and why (kept in the version history)"))
        self.form.add_field("template_code", self.tr("Code"), self.code, "field.template")
        self.form.add_field(
            "template_name_zh", self.tr("Name (Chinese)"), self.name_zh, "field.template_name"
        )
        self.form.add_field("template_name_en", self.tr("Name (English)"), self.name_en)
        self.form.add_field("template_cadence", self.tr("Default cadence"), self.cadence, "field.cadence")
        self.form.add_field("template_note", self.tr("Change note"), self.note)
        # The checklist's settings (e.g. how many days CCTV footage is kept) that item texts use.
        self.params: dict[str, QSpinBox] = {}
        for param in content.params if content else ():
            spin = QSpinBox()
            spin.setRange(1, MAX_PARAM)
            spin.setValue(param.value)
            self.params[param.key] = spin
            self.form.add_field(
                f"template_param_{param.key}",
                f"{param.name.text} {{{param.key}}}",
                spin,
                "field.template_param",
            )
        self.items = QTableWidget(0, 7)
        self.items.setObjectName("template_items")
        self.items.setAccessibleName(self.tr("Items"))
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items.setWordWrap(True)
        header = self.items.horizontalHeader()
        for column in (COL_TEXT_ZH, COL_TEXT_EN, COL_CRITERION_ZH, COL_CRITERION_EN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (COL_CATEGORY, COL_PHOTO, COL_SEVERITY):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        keep_stretched_titles(self.items)
        for item in content.items if content else ():
            self.add_item(item)
        self.add_button = QPushButton(icon("add"), self.tr("Add item"))
        self.add_button.setObjectName("template_add_item")
        self.add_button.clicked.connect(lambda: self.add_item(None))
        self.remove_button = QPushButton(icon("delete"), self.tr("Remove item"))
        self.remove_button.setObjectName("template_remove_item")
        self.remove_button.clicked.connect(self.remove_item)
        self.up_button = QPushButton(icon("move_up"), "")
        self.up_button.setToolTip(self.tr("Move up"))
        self.up_button.setAccessibleName(self.up_button.toolTip())  # an arrow only
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button = QPushButton(icon("move_down"), "")
        self.down_button.setToolTip(self.tr("Move down"))
        self.down_button.setAccessibleName(self.down_button.toolTip())
        self.down_button.clicked.connect(lambda: self.move_item(1))
        self.error = error_label("template_error")
        self.buttons = QDialogButtonBox(_B.Save | _B.Cancel)
        self.buttons.button(_B.Save).setText(self.tr("Save as draft"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.work = DialogWork(self, self.form, self.error, self.buttons)
        item_bar = QHBoxLayout()
        item_bar.addWidget(QLabel(self.tr("Items (in the order they are checked)")), 1)
        for button in (self.up_button, self.down_button, self.add_button, self.remove_button):
            item_bar.addWidget(button)
        hint = QLabel(self.tr("A text may use a setting of the checklist as {name}, e.g. {retention_days}."))
        hint.setProperty("role", "hint")
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addLayout(item_bar)
        box.addWidget(self.items, 1)
        box.addWidget(hint)
        box.addWidget(self.work.note)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        resize_within_screen(self, 1100, 640)

    def _headers(self) -> None:
        self.items.setHorizontalHeaderLabels(
            [
                self.tr("Item (Chinese)"),
                self.tr("Item (English)"),
                self.tr("Category"),
                self.tr("Pass when (Chinese)"),
                self.tr("Pass when (English)"),
                self.tr("Photo on fail"),
                self.tr("Severity on fail"),
            ]
        )

    # -- items ---------------------------------------------------------------------------------
    def add_item(self, item: TemplateItem | None) -> int:
        self._headers()
        row = self.items.rowCount()
        if item is None and self.items.currentRow() >= 0:
            row = self.items.currentRow() + 1
        self.items.insertRow(row)
        texts = {
            COL_TEXT_ZH: item.text.zh if item else "",
            COL_TEXT_EN: item.text.en if item else "",
            COL_CRITERION_ZH: item.criterion.zh if item else "",
            COL_CRITERION_EN: item.criterion.en if item else "",
        }
        for column, text in texts.items():
            cell = QTableWidgetItem(text)
            if column == COL_TEXT_ZH:
                cell.setData(KEY_ROLE, item.key if item else "")
            self.items.setItem(row, column, cell)
        category = item.category if item else ItemCategory.OTHER
        self._cell_widget(row, COL_CATEGORY, _combo(ItemCategory, category))
        photo = QCheckBox()
        photo.setChecked(item.photo_required_on_fail if item else False)
        self._cell_widget(row, COL_PHOTO, photo)
        severity = item.severity_on_fail if item else HazardSeverity.GENERAL
        self._cell_widget(row, COL_SEVERITY, _combo(HazardSeverity, severity))
        self.items.setCurrentCell(row, COL_TEXT_ZH)
        return row

    def _cell_widget(self, row: int, column: int, widget: QWidget) -> None:
        """`widget` in the cell, named by its column's title: a screen reader said "check box" alone."""
        title = self.items.horizontalHeaderItem(column)
        widget.setAccessibleName(title.text() if title is not None else "")
        self.items.setCellWidget(row, column, widget)

    def remove_item(self) -> None:
        row = self.items.currentRow()
        if row >= 0:
            self.items.removeRow(row)

    def move_item(self, step: int) -> None:
        row = self.items.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.items.rowCount():
            return
        self._swap(row, target)
        self.items.setCurrentCell(target, max(0, self.items.currentColumn()))

    def _swap(self, a: int, b: int) -> None:
        item_a, item_b = self.item_at(a), self.item_at(b)
        self._fill(a, item_b)
        self._fill(b, item_a)

    def _fill(self, row: int, item: TemplateItem) -> None:
        for column, text in (
            (COL_TEXT_ZH, item.text.zh),
            (COL_TEXT_EN, item.text.en),
            (COL_CRITERION_ZH, item.criterion.zh),
            (COL_CRITERION_EN, item.criterion.en),
        ):
            self._cell(row, column).setText(text)
        self._cell(row, COL_TEXT_ZH).setData(KEY_ROLE, item.key)
        for column, value in (
            (COL_CATEGORY, item.category.value),
            (COL_SEVERITY, item.severity_on_fail.value),
        ):
            combo = self.items.cellWidget(row, column)
            assert isinstance(combo, QComboBox)
            combo.setCurrentIndex(max(0, combo.findData(value)))
        photo = self.items.cellWidget(row, COL_PHOTO)
        assert isinstance(photo, QCheckBox)
        photo.setChecked(item.photo_required_on_fail)

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        cell = self.items.item(row, column)
        if cell is None:  # every text cell is made with its row; kept total for the type checker
            cell = QTableWidgetItem()
            self.items.setItem(row, column, cell)
        return cell

    def _text(self, row: int, column: int) -> str:
        return self._cell(row, column).text().strip()

    def _key(self, row: int) -> str:
        return str(self._cell(row, COL_TEXT_ZH).data(KEY_ROLE) or "")

    def item_at(self, row: int, used_keys: set[str] | None = None) -> TemplateItem:
        key = self._key(row)
        if not key and used_keys is not None:
            number = len(used_keys) + 1
            while f"item{number}" in used_keys:
                number += 1
            key = f"item{number}"
        category = self.items.cellWidget(row, COL_CATEGORY)
        severity = self.items.cellWidget(row, COL_SEVERITY)
        photo = self.items.cellWidget(row, COL_PHOTO)
        assert isinstance(category, QComboBox)
        assert isinstance(severity, QComboBox)
        assert isinstance(photo, QCheckBox)
        return TemplateItem(
            key=key,
            text=Text2(self._text(row, COL_TEXT_ZH), self._text(row, COL_TEXT_EN)),
            category=ItemCategory(category.currentData()),
            criterion=Text2(self._text(row, COL_CRITERION_ZH), self._text(row, COL_CRITERION_EN)),
            photo_required_on_fail=photo.isChecked(),
            severity_on_fail=HazardSeverity(severity.currentData()),
        )

    # -- saving --------------------------------------------------------------------------------
    def content(self) -> TemplateContent:
        used = {self._key(r) for r in range(self.items.rowCount())}
        used.discard("")
        items = []
        for row in range(self.items.rowCount()):
            item = self.item_at(row, used)
            used.add(item.key)
            items.append(item)
        content = TemplateContent(
            code=self.code.text().strip(),
            name=Text2(self.name_zh.text().strip(), self.name_en.text().strip()),
            cadence=Cadence(self.cadence.currentData()),
            items=tuple(items),
        )
        if self.base is None:
            return content
        # What the editor does not show (description, source) stays as it was.
        params = tuple(
            replace(p, value=self.params[p.key].value()) if p.key in self.params else p
            for p in self.base.params
        )
        # An item's on-the-spot flag and its on-failure plan are not edited here: kept by item key.
        kept = {i.key: i for i in self.base.items}
        kept_items = tuple(
            replace(
                i, correct_on_spot=kept[i.key].correct_on_spot, on_fail_playbook=kept[i.key].on_fail_playbook
            )
            if i.key in kept
            else i
            for i in content.items
        )
        return replace(
            self.base,
            code=content.code,
            name=content.name,
            cadence=content.cadence,
            items=kept_items,
            params=params,
        )

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def accept(self) -> None:
        """Saved as a draft off the GUI thread (`work`); a refusal by its field or on the error line."""
        if not self.work.ready():
            return
        self.form.clear_errors()
        self.show_error("")
        if self.items.rowCount() == 0:
            self.show_error(self.tr("A checklist needs at least one item."))
            return
        inspections, actor = self.session.services.inspections, self.session.actor
        content, note = self.content(), self.note.text().strip()
        self.work.save(lambda: inspections.save_draft(actor, content, note=note), self._saved)

    def _saved(self, version: TemplateVersion) -> None:
        self.saved = version
        self.session.data_changed.emit("inspection_template")
        super().accept()
