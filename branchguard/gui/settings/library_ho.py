"""Settings → Library for branches, in a head-office window: the key branches trust and the years
its working-day tables cover; the lead exports the signed library, saves the public key branches
trust once, and stores a working-day table file. The window's side of `ho export library` and `ho
working-days`; each runs off the GUI thread. (A branch's window has LibraryPanel instead: trust
the key, import the library.)"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.kernel.roles import may
from branchguard.gui.kit import style
from branchguard.gui.kit.files import ask_save_path, saved_message
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.tasks import TaskProgress, run_task
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:
    from branchguard.core.library_sync.types import Changes, ExportResult, LibraryState


class HeadOfficeLibraryPanel(QWidget):
    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.loader = Loader(self, on_error=self._say_error)
        self.box = QGroupBox()
        self.key = QLabel("-")
        self.key.setObjectName("office_library_key")
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.years = QLabel("-")
        self.years.setObjectName("office_library_years")
        self.years.setWordWrap(True)
        self.key_label, self.years_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.key_label, self.key)
        form.addRow(self.years_label, self.years)
        actor = session.actor
        self.export_button = self._button("export", "office_library_export", self.choose_export)
        self.export_button.setEnabled(may(actor, "library.export"))
        self.key_button = self._button("lock", "office_library_save_key", self.choose_key_file)
        self.key_button.setEnabled(may(actor, "exchange.key"))
        self.days_button = self._button("calendar", "office_library_working_days", self.choose_table)
        self.days_button.setEnabled(may(actor, "library.calendar"))
        buttons = QHBoxLayout()
        for button in (self.export_button, self.key_button, self.days_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.note = QLabel()
        self.note.setProperty("role", "hint")
        self.note.setWordWrap(True)
        inner = QVBoxLayout(self.box)
        inner.addLayout(form)
        inner.addLayout(buttons)
        inner.addWidget(self.note)
        self.status = plain(QLabel())
        self.status.setObjectName("office_library_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.box)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.retranslate()

    def _button(self, icon_name: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(icon(icon_name), "")
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # -- state -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        services, actor = self.session.services, self.session.actor
        self.loader.run(
            lambda: (services.anchors.key().fingerprint, services.library.state(actor)), self._show
        )

    def _show(self, loaded: tuple[str, LibraryState]) -> None:
        from branchguard.core.anchors.rules import grouped
        from branchguard.core.kernel.working_days import spans

        fingerprint, state = loaded
        self.key.setText(grouped(fingerprint))
        self.years.setText(spans(y.year for y in state.years))

    # -- export the library ------------------------------------------------------------------------
    def choose_export(self) -> None:
        path = ask_save_path(
            self,
            self.tr("Export the library for branches"),
            f"library-{date.today():%Y-%m-%d}.zip",
            self.tr("Library (*.zip)"),
            (".zip",),
        )
        if path is not None:
            self.export(path)

    def export(self, path: Path) -> None:
        library, actor = self.session.services.library, self.session.actor
        self._busy(True)

        def work(_progress: TaskProgress) -> ExportResult:
            return library.export(actor, path)

        run_task(
            work,
            on_done=self._exported,
            on_error=self._failed,
            parent=self,
            title=self.tr("Exporting the library"),
        )

    def _exported(self, result: ExportResult) -> None:
        self._busy(False)
        counts = (
            self.tr("%1 playbook(s), %2 template(s), %3 rule(s); working-day years: %4.")
            .replace("%1", str(result.playbooks))
            .replace("%2", str(result.templates))
            .replace("%3", str(result.rules))
            .replace("%4", ", ".join(map(str, result.years)) or self.tr("none from this year on"))
        )
        self._say(f"{saved_message(Path(result.path))} {counts}")

    # -- the public key branches trust ---------------------------------------------------------------
    def choose_key_file(self) -> None:
        path = ask_save_path(
            self,
            self.tr("Save the public key for branches"),
            "head-office.pem",
            self.tr("Key files (*.pem)"),
            (".pem",),
        )
        if path is not None:
            self.save_key(path)

    def save_key(self, path: Path) -> None:
        exchange, actor = self.session.services.exchange, self.session.actor
        self._busy(True)

        def work(_progress: TaskProgress) -> str:
            return exchange.export_key(actor, path)

        def saved(fingerprint: str) -> None:
            from branchguard.core.anchors.rules import grouped

            self._busy(False)
            told = self.tr("Each branch trusts it once: read them its fingerprint %1 by phone.")
            self._say(f"{saved_message(path)} {told.replace('%1', grouped(fingerprint))}")

        run_task(
            work, on_done=saved, on_error=self._failed, parent=self, title=self.tr("Saving the public key")
        )

    # -- the working-day table ---------------------------------------------------------------------
    def choose_table(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Store a working-day table"),
            "",
            self.tr("Working-day tables (*.yaml *.yml *.json);;All files (*)"),
        )
        if path:
            self.store_table(Path(path))

    def store_table(self, path: Path) -> None:
        library, actor = self.session.services.library, self.session.actor
        self._busy(True)

        def work(_progress: TaskProgress) -> Changes:
            return library.set_working_days(actor, path)

        run_task(
            work, on_done=self._stored, on_error=self._failed, parent=self, title=self.tr("Storing the table")
        )

    def _stored(self, changes: Changes) -> None:
        self._busy(False)
        if not changes.any:
            text = self.tr("Nothing changed: the years in this file (%1) are stored as they are.")
            self._say(text.replace("%1", ", ".join(changes.unchanged) or "-"))
        else:
            text = self.tr(
                "Working-day years added: %1; updated: %2. Every library exported from now on carries them."
            )
            self._say(
                text.replace("%1", ", ".join(changes.added) or "-").replace(
                    "%2", ", ".join(changes.updated) or "-"
                )
            )
        self.refresh()

    # -- saying ------------------------------------------------------------------------------------
    def _busy(self, busy: bool) -> None:
        actor = self.session.actor
        self.export_button.setEnabled(not busy and may(actor, "library.export"))
        self.key_button.setEnabled(not busy and may(actor, "exchange.key"))
        self.days_button.setEnabled(not busy and may(actor, "library.calendar"))

    def _failed(self, message: str) -> None:
        self._busy(False)
        self._say_error(message)

    def _say(self, text: str) -> None:
        style.say(self.status, text)

    def _say_error(self, message: str) -> None:
        style.say(self.status, message, "error")

    def retranslate(self) -> None:
        self.box.setTitle(self.tr("Library for branches"))
        self.key_label.setText(self.tr("Head office's key (branches trust it)"))
        self.years_label.setText(self.tr("Working-day tables cover"))
        self.export_button.setText(self.tr("Export library…"))
        self.key_button.setText(self.tr("Save public key…"))
        self.days_button.setText(self.tr("Store working-day table…"))
        self.note.setText(
            self.tr(
                "The library carries the approved playbooks and checklist templates, the compliance rules "
                "and the working-day tables from this year on, signed with head office's key. Give each "
                "branch the public key once; it compares the fingerprint by phone before trusting it. "
                "Store the new year's working-day table when the State Council publishes its holidays."
            )
        )
