"""The plan's attachments on the General tab: add files (copied into the store), remove, open."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.kernel.attachments import AttachmentRef, format_size
from branchguard.core.playbooks.rules import MAX_ATTACHMENTS
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.open_copy import open_stored
from branchguard.gui.kit.plain import literal
from branchguard.gui.kit.tasks import TaskProgress, run_task
from branchguard.gui.playbooks.editor.commands import EditCommand, SetField
from branchguard.gui.playbooks.editor.state import MetaState
from branchguard.gui.shell.session import GuiSession

FIELD = "attachments"


class AttachmentsBox(QWidget):
    """A list mirroring MetaState's `attachments`; adding and removing are undoable edits.

    Adding copies the files into the data folder's store first (off the GUI thread: a scan can be
    20 MB). The plan refers to them once it is saved; an undone add leaves only an unused copy.
    """

    def __init__(
        self, session: GuiSession, state: MetaState, stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session, self.state, self.stack = session, state, stack
        self.list = QListWidget()
        self.list.setObjectName("attachments_list")
        self.list.setMaximumHeight(self.list.fontMetrics().lineSpacing() * 6 + 12)
        self.add_button = QPushButton(icon("add"), "")
        self.add_button.setObjectName("attachment_add")
        self.remove_button = QPushButton(icon("delete"), "")
        self.remove_button.setObjectName("attachment_remove")
        self.open_button = QPushButton(icon("folder"), "")
        self.open_button.setObjectName("attachment_open")
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_button, self.remove_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.setFocusProxy(self.list)
        self._read_only = False

        self.add_button.clicked.connect(self.choose_files)
        self.remove_button.clicked.connect(self.remove_selected)
        self.open_button.clicked.connect(self.open_selected)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        state.changed.connect(lambda name: self.show_refs() if name == FIELD else None)
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add…"))
        self.add_button.setToolTip(
            self.tr("Attach files to the plan: a floor plan, a wiring diagram, a scanned notice")
        )
        self.remove_button.setText(self.tr("Remove"))
        self.open_button.setText(self.tr("Open"))
        self.show_refs()

    def refs(self) -> tuple[AttachmentRef, ...]:
        return tuple(self.state.get(FIELD))

    def show_refs(self) -> None:
        row = self.list.currentRow()
        self.list.clear()
        for ref in self.refs():
            item = QListWidgetItem(f"{ref.name}  ({format_size(ref.size)})")
            item.setToolTip(f"{ref.media_type} · SHA-256 {ref.sha256}")
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))
        self._update_buttons()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self.list.currentRow() >= 0 and self.list.count() > 0
        self.add_button.setVisible(not self._read_only)
        self.remove_button.setVisible(not self._read_only)
        self.add_button.setEnabled(len(self.refs()) < MAX_ATTACHMENTS)
        self.remove_button.setEnabled(selected)
        self.open_button.setEnabled(selected)

    # -- actions ---------------------------------------------------------------------------------
    def choose_files(self) -> None:
        if self._read_only:
            return
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach files to the plan"),
            "",
            self.tr(
                "Documents and images (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.doc *.docx);;All files (*)"
            ),
        )
        if names:
            self.add_files([Path(n) for n in names])

    def add_files(self, paths: list[Path]) -> None:
        services, actor = self.session.services, self.session.actor

        def work(progress: TaskProgress) -> list[AttachmentRef]:
            return services.playbooks.add_attachments(actor, paths, progress.report)

        title = self.tr("Copying attachments")
        run_task(work, on_done=self._added, on_error=partial(self._refused, title), parent=self, title=title)

    def _refused(self, title: str, why: str) -> None:
        """A file of the choice refused: none of them is attached (the service took back the
        others), and the refusal names the file."""
        text = self.tr("No file was attached: %1").replace("%1", why)
        QMessageBox.warning(self, title, literal(text))

    def _added(self, added: list[AttachmentRef]) -> None:
        known = {ref.sha256 for ref in self.refs()}
        new = []
        for ref in added:  # a file already attached (same content) is not listed twice
            if ref.sha256 not in known:
                known.add(ref.sha256)
                new.append(ref)
        if not new:
            return
        text = self.tr("attach %1").replace("%1", ", ".join(ref.name for ref in new))
        self.stack.push(EditCommand(text, [SetField(self.state, FIELD, self.refs() + tuple(new))]))
        self.list.setCurrentRow(self.list.count() - 1)

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        refs = self.refs()
        if self._read_only or not 0 <= row < len(refs):
            return
        text = self.tr("remove attachment %1").replace("%1", refs[row].name)
        self.stack.push(EditCommand(text, [SetField(self.state, FIELD, refs[:row] + refs[row + 1 :])]))

    def open_selected(self) -> None:
        row = self.list.currentRow()
        refs = self.refs()
        if not 0 <= row < len(refs):
            return
        ref = refs[row]
        playbooks, actor = self.session.services.playbooks, self.session.actor
        title = self.tr("Opening %1").replace("%1", ref.name)
        open_stored(self, title, ref.name, ref.sha256, lambda: playbooks.attachment_bytes(actor, ref.sha256))
