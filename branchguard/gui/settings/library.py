"""Settings → Head-office library: the head-office key this branch trusts, the last library
imported and the years the working-day tables cover; the lead trusts a key file and imports a
library (read and proved off the GUI thread, previewed, then applied in the background)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.accounts.names import Names
from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.kernel.roles import may
from branchguard.gui.kit import style
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.refused import refused_tip
from branchguard.gui.kit.tasks import TaskProgress, run_task
from branchguard.gui.kit.writer import writer
from branchguard.gui.settings.lead_only import lead_only_note
from branchguard.gui.settings.library_dialog import LibraryPreviewDialog
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:
    from branchguard.core.library_sync.types import Library, LibraryPreview, LibraryState


class LibraryPanel(QWidget):
    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.loader = Loader(self, on_error=self._say_error)
        self.box = QGroupBox()
        self.key = QLabel("-")
        self.key.setObjectName("library_trusted_key")
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.last = plain(QLabel("-"))  # the issuer, as the library file names it
        self.last.setObjectName("library_last_import")
        self.last.setWordWrap(True)
        self.years = QLabel("-")
        self.years.setObjectName("library_years")
        self.years.setWordWrap(True)
        self.form = QFormLayout()
        self.key_label, self.last_label, self.years_label = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.key_label, self.key)
        self.form.addRow(self.last_label, self.last)
        self.form.addRow(self.years_label, self.years)
        self.trust_button = QPushButton(icon("lock"), "")
        self.trust_button.setObjectName("library_trust")
        self.trust_button.clicked.connect(self.choose_key)
        self.trust_button.setEnabled(may(session.actor, "library.trust"))
        self.import_button = QPushButton(icon("import"), "")
        self.import_button.setObjectName("library_import")
        self.import_button.clicked.connect(self.choose_library)
        self._key_trusted = False  # until the state is read: a library is proved against that key
        self._importing = False
        buttons = QHBoxLayout()
        buttons.addWidget(self.trust_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        self.note = QLabel()
        self.note.setProperty("role", "hint")
        self.note.setWordWrap(True)
        allowed = may(session.actor, "library.trust") and may(session.actor, "library.import")
        self.lead_only = lead_only_note("library_lead_only", allowed)
        inner = QVBoxLayout(self.box)
        inner.addLayout(self.form)
        inner.addLayout(buttons)
        inner.addWidget(self.lead_only)
        inner.addWidget(self.note)
        self.status = plain(QLabel())
        self.status.setObjectName("library_status")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.box)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.retranslate()

    # -- state -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        services, actor = self.session.services, self.session.actor
        # the state, and the accounts' names: who imported the last library, by name
        self.loader.run(lambda: (services.library.state(actor), services.auth.names(actor)), self._show_state)

    def _show_state(self, loaded: tuple[LibraryState, Names]) -> None:
        from branchguard.core.anchors.rules import grouped, local_minute
        from branchguard.core.kernel.working_days import spans

        state, who = loaded

        self.key.setText(grouped(state.trusted.fingerprint) if state.trusted else self.tr("none trusted yet"))
        last = state.last_import
        self.last.setText(
            self.tr("%1, made %2, imported %3 by %4")
            .replace("%1", last.issuer or "-")
            .replace("%2", local_minute(last.created_at))
            .replace("%3", local_minute(last.imported_at))
            .replace("%4", who(last.imported_by))
            if last
            else self.tr("none yet")
        )
        self.years.setText(spans(y.year for y in state.years))
        self._key_trusted = state.trusted is not None
        self._enable_import(self._importing)

    def _enable_import(self, importing: bool) -> None:
        """Import once a head-office key is trusted (refused without one) and none is under way;
        its tooltip says why not before the key is trusted."""
        self._importing = importing
        allowed = may(self.session.actor, "library.import")
        self.import_button.setEnabled(allowed and self._key_trusted and not importing)
        self.import_button.setToolTip(
            self.tr("Trust head office's key first (Trust head-office key…): a library is proved against it.")
            if allowed and not self._key_trusted
            else refused_tip(self.session.actor, "library.import")
        )

    # -- trust -------------------------------------------------------------------------------------
    def choose_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Head-office public key"),
            "",
            self.tr("Key files (*.pem *.pub *.txt);;All files (*)"),
        )
        if path:
            self.trust(Path(path))

    def trust(self, path: Path) -> None:
        """The key read and trusted on the writer's thread, its button waiting."""
        from branchguard.core.anchors.rules import grouped

        if not self.trust_button.isEnabled():
            return
        library, actor = self.session.services.library, self.session.actor

        def work() -> str:
            try:
                return grouped(library.trust(actor, path).key.fingerprint)
            except OSError as exc:  # the file: said as the system says it
                raise BranchGuardError(str(exc)) from exc

        self.trust_button.setEnabled(False)
        writer().submit(work, on_done=self._trusted, on_error=self._trust_failed)

    def _trusted(self, fingerprint: str) -> None:
        self.trust_button.setEnabled(True)
        self._say(
            self.tr(
                "Head-office key %1 is trusted: compare it with the fingerprint head office states."
            ).replace("%1", fingerprint)
        )
        self.refresh()

    def _trust_failed(self, message: str) -> None:
        self.trust_button.setEnabled(True)
        self._say_error(message)

    # -- import ------------------------------------------------------------------------------------
    def choose_library(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import head-office library"), "", self.tr("Head-office library (*.zip)")
        )
        if path:
            self.read_library(Path(path))

    def read_library(self, path: Path) -> None:
        """Read, prove and preview off the GUI thread, then show the preview."""
        library, actor = self.session.services.library, self.session.actor
        self._enable_import(importing=True)

        def work(_progress: TaskProgress) -> tuple[Library, LibraryPreview]:
            read = library.read(actor, path)
            return read, library.preview(actor, read)

        run_task(
            work,
            on_done=lambda done: self._previewed(*done),
            on_error=self._failed,
            parent=self,
            title=self.tr("Checking the library"),
        )

    def _previewed(self, read: Library, preview: LibraryPreview) -> None:
        self._enable_import(importing=False)
        dialog = LibraryPreviewDialog(preview, self)
        self.preview_dialog = dialog  # tests answer it
        dialog.finished.connect(lambda result: self._answered(read, result))
        dialog.open()

    def _answered(self, read: Library, result: int) -> None:
        if result != QDialog.DialogCode.Accepted:
            self._say(self.tr("Nothing was imported."))
            return
        library, actor = self.session.services.library, self.session.actor
        self._enable_import(importing=True)

        def work(progress: TaskProgress) -> LibraryPreview:
            return library.apply(actor, read, progress=lambda done, total: progress.report(done, total, ""))

        run_task(
            work,
            on_done=self._applied,
            on_error=self._failed,
            parent=self,
            title=self.tr("Importing the head-office library"),
        )

    def _applied(self, result: LibraryPreview) -> None:
        self._enable_import(importing=False)
        counts = [
            len(c.added) + len(c.updated)
            for c in (result.playbooks, result.templates, result.rules, result.years)
        ]
        text = self.tr(
            "Head-office library imported: %1 playbook(s), %2 template(s), %3 rule(s), "
            "%4 working-day year(s) new or updated."
        )
        for n, count in enumerate(counts, 1):
            text = text.replace(f"%{n}", str(count))
        self._say(
            text
            if result.applied
            else self.tr("Nothing to change: this installation already holds everything.")
        )
        self.refresh()

    def _failed(self, message: str) -> None:
        self._enable_import(importing=False)
        self._say_error(message)

    def _say(self, text: str) -> None:
        style.say(self.status, text)

    def _say_error(self, message: str) -> None:
        style.say(self.status, message, "error")

    def retranslate(self) -> None:
        self.box.setTitle(self.tr("Head-office library"))
        self.key_label.setText(self.tr("Trusted head-office key"))
        self.last_label.setText(self.tr("Last library imported"))
        self.years_label.setText(self.tr("Working-day tables cover"))
        self.trust_button.setText(self.tr("Trust head-office key…"))
        self.trust_button.setToolTip(refused_tip(self.session.actor, "library.trust"))
        self.import_button.setText(self.tr("Import head-office library…"))
        self.lead_only.setText(
            self.tr("Only the safety lead can trust head office's key and import its library.")
        )
        self.note.setText(
            self.tr(
                "Head office sends approved playbooks, checklist templates, compliance rules and the "
                "holiday table for the coming years as one signed file. Trust head office's public key "
                "once (compare its fingerprint by phone); a library that is unsigned, changed or signed "
                "by another key is refused and nothing is written."
            )
        )
        self._enable_import(self._importing)  # its tooltip in the language now
