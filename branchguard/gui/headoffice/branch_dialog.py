"""Head office registers a branch: its code, its name and the public key file it exported
(`branchguard key export`), as `branchguard ho branch add` does. The window had no way to: a package
of an unregistered branch was refused pointing at the command line. Saved off the GUI thread
(DialogWork); a refusal (a code taken, a file that is no key) is shown at its field."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.headoffice.types import HoBranch
from branchguard.gui.kit.dialog_work import DialogWork
from branchguard.gui.kit.files import documents_folder
from branchguard.gui.kit.forms import FieldForm
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.text_scale import scaled
from branchguard.gui.shell.session import GuiSession

_B = QDialogButtonBox.StandardButton


class BranchDialog(QDialog):
    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ho_branch_dialog")
        self.setWindowTitle(self.tr("Register a branch"))
        self.setMinimumWidth(scaled(480, self))
        self.session = session
        self.added: HoBranch | None = None
        self.code, self.name, self.key_file = QLineEdit(), QLineEdit(), QLineEdit()
        self.choose = QPushButton(self.tr("Choose…"))
        self.choose.setObjectName("ho_branch_key_choose")
        self.choose.clicked.connect(self.choose_key)
        key_row = QWidget()
        row = QHBoxLayout(key_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.key_file, 1)
        row.addWidget(self.choose)
        key_row.setFocusProxy(self.key_file)  # its label names the line and hands it the focus
        self.form = FieldForm()
        self.form.add_field("branch_code", self.tr("Branch code"), self.code, "field.branch_code")
        self.form.add_field("branch_name", self.tr("Branch name"), self.name, "field.branch_name")
        self.form.add_field("key_file", self.tr("Public key file"), key_row, "field.key_file")
        self.key_file.setPlaceholderText(self.tr("The .pem file the branch made (branchguard key export)"))
        self.message = error_label("ho_branch_message")
        buttons = QDialogButtonBox(_B.Ok | _B.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.work = DialogWork(self, self.form, self.message, buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.work.note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def choose_key(self) -> None:
        start = self.key_file.text() or str(documents_folder())
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("The branch's public key"), start, self.tr("Public keys (*.pem);;All files (*)")
        )
        if path:
            self.key_file.setText(path)

    def submit(self) -> None:
        if not self.work.ready():
            return  # its save is under way: OK pressed again saves nothing more
        self.form.clear_errors()
        self.message.hide()
        service, actor = self.session.services.headoffice, self.session.actor
        code, name, key = self.code.text(), self.name.text(), Path(self.key_file.text().strip())
        self.work.save(lambda: service.add_branch(actor, code, name, key), self._saved)

    def _saved(self, branch: HoBranch) -> None:
        self.added = branch
        self.session.data_changed.emit("ho_branch")
        self.accept()
