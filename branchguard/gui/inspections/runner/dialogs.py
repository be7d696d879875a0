"""The runner's dialogs: confirm a submit (and the hazards it opens), amend a submitted item."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.hazards.types import HazardSeverity
from branchguard.core.inspections.types import Answer, ItemResult
from branchguard.gui.incidents.console.dialogs import ReasonDialog
from branchguard.gui.inspections.models import result_mark
from branchguard.gui.kit.forms import spoken
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.text_scale import scaled

_B = QDialogButtonBox.StandardButton
PHOTO_FILTER = "*.jpg *.jpeg *.png *.heic *.webp *.bmp"


def photo_file_filter(widget: QWidget) -> str:
    # Its own context: `widget.tr` would look it up under the widget's class, unknown to lupdate.
    photos = QCoreApplication.translate("PhotoFilter", "Photos (%1);;All files (*)")
    return photos.replace("%1", PHOTO_FILTER)


class SubmitDialog(QDialog):
    """States who signs and lists each failed item with the hazard it will open; OK submits."""

    def __init__(
        self, failed: list[Answer], inspector: str, reviewer: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inspection_submit_dialog")
        self.setWindowTitle(self.tr("Submit the inspection"))
        self.setMinimumWidth(scaled(560, self))
        intro = QLabel(
            self.tr("Once submitted the inspection cannot be changed; a correction is an amendment.")
        )
        intro.setWordWrap(True)
        signers = QLabel(
            self.tr("Inspector: %1 · Reviewer: %2")
            .replace("%1", inspector)
            .replace("%2", reviewer or self.tr("(to be signed later)"))
        )
        signers.setObjectName("inspection_submit_signers")
        self.hazards = QListWidget()
        self.hazards.setObjectName("inspection_submit_hazards")
        for answer in failed:
            severity = answer.item.severity_on_fail
            mark = "‼" if severity == HazardSeverity.MAJOR else "!"
            self.hazards.addItem(f"{mark} {answer.number}. {answer.item.text.text} — {severity.label}")
        heading = QLabel(
            self.tr("It opens %n hazard(s) in the register:", "", len(failed))
            if failed
            else self.tr("No item failed: it opens no hazard.")
        )
        heading.setObjectName("inspection_submit_heading")
        self.hazards.setAccessibleName(spoken(heading.text()))
        heading.setStyleSheet("font-weight: 600;")
        self.buttons = QDialogButtonBox(_B.Ok | _B.Cancel, self)
        ok = self.buttons.button(_B.Ok)
        ok.setText(self.tr("Submit"))
        ok.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addWidget(signers)
        box.addWidget(heading)
        box.addWidget(self.hazards)
        self.hazards.setVisible(bool(failed))
        box.addWidget(self.buttons)


class AmendDialog(ReasonDialog):
    """A correction to one submitted item: the new result, a note, photos, and why (required)."""

    def __init__(self, answer: Answer, parent: QWidget | None = None) -> None:
        super().__init__("", "", "", parent=parent)
        self.number = answer.number
        self.setObjectName("inspection_amend_dialog")
        self.setWindowTitle(self.tr("Amend item %1").replace("%1", str(answer.number)))
        current = answer.result
        self.intro.setText(
            self.tr("Item %1: %2\nSubmitted as: %3")
            .replace("%1", str(answer.number))
            .replace("%2", answer.item.text.text)
            .replace("%3", f"{result_mark(current)} {current.label}" if current else "—")
        )
        self.result_combo = QComboBox()
        self.result_combo.setObjectName("amend_result")
        for result in ItemResult:
            if result != current:
                self.result_combo.addItem(f"{result_mark(result)} {result.label}", result.value)
        self.note = QLineEdit(answer.note)
        self.note.setObjectName("amend_note")
        self.photos: list[Path] = []
        self.photo_list = plain(QLabel())
        self.photo_list.setProperty("role", "hint")
        self.photo_button = QPushButton(self.tr("Add a photo…"))
        self.photo_button.setObjectName("amend_photo")
        self.photo_button.clicked.connect(self.ask_photo)
        photos = QHBoxLayout()
        photos.addWidget(self.photo_button)
        photos.addWidget(self.photo_list, 1)
        self.form.insertRow(0, self.tr("Correct result"), self.result_combo)
        self.form.insertRow(1, self.tr("Note"), self.note)
        self.form.insertRow(2, self.tr("Photos"), photos)
        self.form.set_label("reason", self.tr("Why is it corrected?"))
        self.reason.setFocus()

    def chosen(self) -> ItemResult:
        return ItemResult(self.result_combo.currentData())

    def add_photo(self, path: Path) -> None:
        self.photos.append(path)
        self.photo_list.setText(", ".join(p.name for p in self.photos))

    def ask_photo(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("Add a photo"), "", photo_file_filter(self))
        if name:
            self.add_photo(Path(name))
