"""Settings → Anchors: this installation's signing-key fingerprint (as reports print it) and the
folder the signed anchor file goes to (the lead chooses; a USB stick or share away from the data).
The choice is checked, stored and audited on the writer's thread: a stick or a share can take
seconds to answer, and the database may be locked."""

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

from branchguard.core.kernel.roles import may
from branchguard.gui.kit import style
from branchguard.gui.kit.files import ask_folder
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.refused import refused_tip
from branchguard.gui.kit.writer import writer
from branchguard.gui.settings.lead_only import lead_only_note
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
        self._choosing = False  # a choice is being checked and stored
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
        self.lead_only = lead_only_note("anchor_lead_only", may(session.actor, "anchor.configure"))
        self.status = plain(QLabel())
        self.status.setObjectName("anchor_status")
        self.status.setWordWrap(True)
        inner = QVBoxLayout(self.box)
        inner.addLayout(self.form)
        inner.addWidget(self.lead_only)
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
        """On the writer's thread, the button waiting (a second choice meanwhile is not taken): the
        folder probed, settings.ini written, the change audited; then the folder stored or the
        refusal shown. A panel deleted meanwhile is left alone (its methods are disconnected)."""
        if self._choosing:
            return
        ctx, actor = self.session.ctx, self.session.actor
        anchors, settings = ctx.services.anchors, ctx.config.settings
        self._choosing = True
        self.choose.setEnabled(False)
        style.say(self.status, self.tr("Checking %1 and saving…").replace("%1", str(path)))
        writer().submit(
            lambda: anchors.choose_folder(actor, path, lambda value: settings.set("anchor_dir", value)),
            on_done=self._folder_chosen,
            on_error=self._folder_refused,
        )

    def _folder_chosen(self, chosen: Path) -> None:
        self._chosen()
        self.folder.setText(str(chosen))
        style.say(self.status, self.tr("Anchors go to this folder from now on."))
        self.session.data_changed.emit("audit")

    def _folder_refused(self, message: str) -> None:
        self._chosen()
        self._say_error(message)

    def _chosen(self) -> None:
        self._choosing = False
        self.choose.setEnabled(may(self.session.actor, "anchor.configure"))

    def _say_error(self, message: str) -> None:
        style.say(self.status, message, "error")

    def retranslate(self) -> None:
        self.box.setTitle(self.tr("Signed anchors"))
        self.fingerprint_label.setText(self.tr("Signing key fingerprint"))
        self.folder_label.setText(self.tr("Anchor folder"))
        self.choose.setText(self.tr("Choose…"))
        self.choose.setToolTip(refused_tip(self.session.actor, "anchor.configure"))
        self.lead_only.setText(self.tr("Only the safety lead can choose the anchor folder."))
        self.note.setText(
            self.tr(
                "Every report prints the ledger head and is signed with this PC's key; the signed "
                "head is added to an anchor file in this folder. Choose a USB stick or a network "
                "share apart from the database: later, branchguard verify --anchor proves the data "
                "still holds every anchored state. Compare the fingerprint with the one on a report."
            )
        )
