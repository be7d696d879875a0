"""Settings → Anchors: this installation's signing-key fingerprint (as reports print it) and the
folder the signed anchor file goes to (the lead chooses; a USB stick or share away from the data)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.kernel.roles import may
from branchguard.gui.kit import style
from branchguard.gui.kit.files import ask_folder
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.plain import plain
from branchguard.gui.shell.session import GuiSession


class AnchorsPanel(QWidget):
    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.loader = Loader(self, on_error=self._say_error)
        self.box = QGroupBox()
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("anchor_fingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder = QLineEdit()
        self.folder.setObjectName("anchor_dir")
        self.folder.setReadOnly(True)
        self.choose = QPushButton(icon("folder"), "")
        self.choose.setObjectName("choose_anchor_dir")
        self.choose.clicked.connect(self.choose_folder)
        self.choose.setEnabled(may(session.actor, "anchor.configure"))
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        self.form = QFormLayout()
        self.fingerprint_label, self.folder_label = QLabel(), QLabel()
        self.form.addRow(self.fingerprint_label, self.fingerprint)
        self.form.addRow(self.folder_label, row)
        self.note = QLabel()
        self.note.setProperty("role", "hint")
        self.note.setWordWrap(True)
        self.status = plain(QLabel())
        self.status.setObjectName("anchor_status")
        self.status.setWordWrap(True)
        inner = QVBoxLayout(self.box)
        inner.addLayout(self.form)
        inner.addWidget(self.note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.box)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.retranslate()

    def refresh(self) -> None:
        anchors = self.session.services.anchors
        self.folder.setText(str(anchors.folder()))

        def load() -> str:
            from branchguard.core.anchors.rules import grouped

            return grouped(anchors.key().fingerprint)  # made on first use: a file read or write

        self.loader.run(load, self.fingerprint.setText)

    def choose_folder(self) -> None:
        path = ask_folder(self, self.tr("Choose the anchor folder"), self.folder.text())
        if path is not None:
            self.set_folder(path)

    def set_folder(self, path: Path) -> None:
        ctx = self.session.ctx
        try:
            chosen = ctx.services.anchors.choose_folder(
                self.session.actor, path, lambda value: ctx.config.settings.set("anchor_dir", value)
            )
        except (BranchGuardError, OSError) as exc:
            self._say_error(exc.message if isinstance(exc, BranchGuardError) else str(exc))
            return
        self.folder.setText(str(chosen))
        style.say(self.status, self.tr("Anchors go to this folder from now on."))

    def _say_error(self, message: str) -> None:
        style.say(self.status, message, "error")

    def retranslate(self) -> None:
        self.box.setTitle(self.tr("Signed anchors"))
        self.fingerprint_label.setText(self.tr("Signing key fingerprint"))
        self.folder_label.setText(self.tr("Anchor folder"))
        self.choose.setText(self.tr("Choose…"))
        self.note.setText(
            self.tr(
                "Every report prints the ledger head and is signed with this PC's key; the signed "
                "head is added to an anchor file in this folder. Choose a USB stick or a network "
                "share apart from the database: later, branchguard verify --anchor proves the data "
                "still holds every anchored state. Compare the fingerprint with the one on a report."
            )
        )
