"""Version history of one plan: every version with who made and approved it; pick two to compare.
The versions are read off the GUI thread as it opens."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.playbooks.types import PlaybookVersion
from branchguard.gui.kit.dialog_work import DialogWork
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.names import NamesReader
from branchguard.gui.kit.screen import resize_within_screen
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.text_scale import set_row_height
from branchguard.gui.playbooks.diff_view import PlaybookDiffDialog
from branchguard.gui.playbooks.models import VersionsModel
from branchguard.gui.playbooks.preview import PlaybookPreview
from branchguard.gui.shell.session import GuiSession


class PlaybookHistoryDialog(QDialog):
    """The versions of `code`, newest first; one selected shows it, two selected can be compared."""

    def __init__(self, session: GuiSession, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playbook_history_dialog")
        self.session = session
        self.code = code
        self.model = VersionsModel(self)
        self.names = NamesReader(self, session, self.model)  # who made and approved each, by name
        self.table = QTableView()
        self.table.setObjectName("history_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        set_row_height(self.table, 30)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.preview = PlaybookPreview()
        self.compare_button = QPushButton(icon("search"), "")
        self.compare_button.setObjectName("compare_button")
        self.compare_button.clicked.connect(self.compare)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.compare_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.hint)
        top_layout.addWidget(self.table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(splitter, 1)
        self.error = error_label()
        self.work = DialogWork(self, None, self.error)
        layout.addWidget(self.work.note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        resize_within_screen(self, 980, 700)
        self.diff_dialog: PlaybookDiffDialog | None = None
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Versions of %1").replace("%1", self.code))
        self.table.setAccessibleName(self.windowTitle())
        self.hint.setText(
            self.tr("Select a version to read it; select two versions and press Compare to see what changed.")
        )
        self.compare_button.setText(self.tr("Compare"))

    def reload(self) -> None:
        playbooks, actor, code = self.session.services.playbooks, self.session.actor, self.code

        def load() -> list[PlaybookVersion] | str:
            try:
                return playbooks.history(actor, code)
            except BranchGuardError as exc:  # no such plan: said in the preview
                return exc.message

        self.work.read(load, self._show)

    def _show(self, read: list[PlaybookVersion] | str) -> None:
        self.model.set_rows(read if not isinstance(read, str) else [])
        self.names.read()
        self._selection_changed()
        if isinstance(read, str):
            self.preview.show_message(read)

    def selected_versions(self) -> list[PlaybookVersion]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.row_at(row) for row in rows]

    def select_numbers(self, *numbers: int) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row, version in enumerate(self.model.rows()):
            if version.info.number in numbers:
                selection.select(self.model.index(row, 0), flags)

    def _selection_changed(self) -> None:
        chosen = self.selected_versions()
        self.compare_button.setEnabled(len(chosen) == 2)
        if len(chosen) == 1:
            self.preview.show_version(chosen[0])
        elif not chosen:
            self.preview.show_version(None)

    def compare(self) -> PlaybookDiffDialog | None:
        chosen = self.selected_versions()
        if len(chosen) != 2:
            return None
        numbers = sorted(v.info.number for v in chosen)
        dialog = PlaybookDiffDialog(self.session, self.code, numbers[0], numbers[1], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: setattr(self, "diff_dialog", None))
        self.diff_dialog = dialog
        dialog.open()
        return dialog
