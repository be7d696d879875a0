"""The preview of a head-office library before it is imported: who made and signed it, and for
playbooks, checklist templates, compliance rules and working-day years what is new, what is
updated and how many are already the same. Import applies it; Cancel writes nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchguard.gui.kit.plain import tip

if TYPE_CHECKING:
    from branchguard.core.library_sync.types import Changes, LibraryPreview

KINDS = (
    ("playbooks", QT_TRANSLATE_NOOP("LibraryPreviewDialog", "Playbooks")),
    ("templates", QT_TRANSLATE_NOOP("LibraryPreviewDialog", "Checklist templates")),
    ("rules", QT_TRANSLATE_NOOP("LibraryPreviewDialog", "Compliance rules")),
    ("years", QT_TRANSLATE_NOOP("LibraryPreviewDialog", "Working-day years")),
)


class LibraryPreviewDialog(QDialog):
    def __init__(self, preview: LibraryPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from branchguard.core.anchors.rules import grouped, local_minute

        self.preview = preview
        self.setWindowTitle(self.tr("Import head-office library"))
        self.resize(720, 380)  # fits a 1024×768 screen with the window around it
        self.header = QLabel(
            self.tr("Library of %1, made %2, signed by the trusted head-office key %3.")
            .replace("%1", preview.issuer or "-")
            .replace("%2", local_minute(preview.created_at))
            .replace("%3", grouped(preview.fingerprint))
        )
        self.header.setWordWrap(True)
        self.table = QTableWidget(len(KINDS), 4)
        self.table.setObjectName("library_preview")
        self.table.setAccessibleName(self.tr("What the library changes"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("What"), self.tr("New"), self.tr("Updated"), self.tr("Unchanged")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        for row, (kind, label) in enumerate(KINDS):
            changes: Changes = getattr(preview, kind)
            cells = (
                self.tr(str(label)),
                ", ".join(changes.added) or "-",
                ", ".join(changes.updated) or "-",
                str(len(changes.unchanged)),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tip(text))
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.note = QLabel(self._note(preview))
        self.note.setProperty("role", "hint")
        self.note.setWordWrap(True)
        self.problems = QLabel("\n".join(f"• {p.message.text()}" for p in preview.plan_problems))
        self.problems.setObjectName("library_preview_problems")
        self.problems.setProperty("role", "error")
        self.problems.setWordWrap(True)
        self.problems.setVisible(bool(preview.plan_problems))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("library_import_apply")
        self.import_button.setEnabled(preview.any and not preview.plan_problems)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

    def _note(self, preview: LibraryPreview) -> str:
        """How the import would go; a library one of whose checklists starts a plan that would not
        be in force cannot be imported at all (the problems follow), since a signed library is one
        unit: the branch cannot take part of it, only ask head office for another."""
        if not preview.any:
            return self.tr("Nothing to change: this installation already holds everything in the library.")
        if preview.plan_problems:
            return self.tr(
                "This library cannot be imported: a signed library is applied whole or not at all, "
                "and these items of its checklists start a plan that would not be in force here:"
            )
        return self.tr(
            "Everything is applied in one transaction: if anything fails, nothing changes. A "
            "local draft stays a draft, after the version from head office."
        )

    def cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""
