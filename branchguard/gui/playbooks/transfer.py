"""File work of the Playbooks page: import (preview, then apply), export and the printed plan card."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from branchguard.core.kernel.i18n import current_language
from branchguard.core.kernel.intake import read_file
from branchguard.core.playbooks.format import MAX_FILE_BYTES, ParsedFile
from branchguard.core.playbooks.service import ImportPlan
from branchguard.gui.kit.anchor_note import AnchorNote
from branchguard.gui.kit.files import ask_save_path, documents_folder, saved_message
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.tasks import TaskHandle, TaskProgress, run_task
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:
    from branchguard.gui.kit.print_preview import PreviewDialog
    from branchguard.reports.fonts import FontChoice

# The preview lists codes; a few hundred would make the box taller than the screen.
PREVIEW_CODES = 40
# The card's file name follows the language of the window, like the card itself.
CARD_SUFFIXES = {"zh_CN": "处置卡", "en": "card"}


class PlaybookFiles(QObject):
    """Import, export and print for the page; every slow part runs through gui/tasks.py."""

    imported = Signal(object)  # the ImportPlan, after the library changed
    busy_changed = Signal(bool)

    def __init__(self, session: GuiSession, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.widget = parent
        self.task: TaskHandle | None = None
        self.message: QMessageBox | None = None  # the last box shown (tests read and click it)
        self.last_import: ImportPlan | None = None
        self.card_preview: PreviewDialog | None = None  # the card's preview opened last

    def _start(self, handle: TaskHandle) -> None:
        if not handle.done:
            self.task = handle

    def _finished(self) -> None:
        self.task = None
        self.busy_changed.emit(False)

    def _box(self, icon: QMessageBox.Icon, title: str, text: str, details: str = "") -> QMessageBox:
        # plain: a file's name, the plans' codes and a refusal quoting the file, as they are
        box = plain(QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, self.widget))
        box.setObjectName("playbook_files_message")
        if details:
            box.setInformativeText(details)
        self.message = box
        return box

    def _show_error(self, title: str, message: str) -> None:
        self._finished()
        box = self._box(QMessageBox.Icon.Warning, title, message)
        box.addButton(QMessageBox.StandardButton.Close)
        box.open()

    # -- import --------------------------------------------------------------------------------
    def choose_import(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self.widget,
            self.tr("Import playbooks"),
            str(documents_folder()),
            self.tr("Playbook files (*.yaml *.yml *.json)"),
        )
        if chosen:
            self.import_path(Path(chosen))

    def import_path(self, path: Path) -> None:
        """Read and check the whole file off the GUI thread, then show what it would change.

        The file is parsed once: the checked plans are kept for the apply step.
        """
        services, actor = self.session.services, self.session.actor
        checking = self.tr("Checking plan %1 of %2…")

        def work(progress: TaskProgress) -> tuple[ParsedFile, ImportPlan]:
            def step(done: int, total: int) -> None:
                progress.report(done, total, checking.replace("%1", str(done)).replace("%2", str(total)))

            data = read_file(path, MAX_FILE_BYTES, "field.file")  # a regular file, its size first
            parsed = services.playbooks.read_file(actor, data, path.name, step)
            return parsed, services.playbooks.preview_import(actor, parsed.items)

        self.busy_changed.emit(True)
        self._start(
            run_task(
                work,
                on_done=lambda result: self._preview(path, *result),
                on_error=lambda message: self._show_error(self.tr("The file was not imported"), message),
                parent=self.widget,
                title=self.tr("Checking %1…").replace("%1", path.name),
            )
        )

    def _preview(self, path: Path, parsed: ParsedFile, plan: ImportPlan) -> None:
        self._finished()
        title = self.tr("Import %1").replace("%1", path.name)
        counts = (
            self.tr("%1 new, %2 updated, %3 unchanged.")
            .replace("%1", str(len(plan.added)))
            .replace("%2", str(len(plan.updated)))
            .replace("%3", str(len(plan.unchanged)))
        )
        if not plan.added and not plan.updated:
            box = self._box(
                QMessageBox.Icon.Information,
                title,
                counts,
                self.tr("The library already has every plan in this file."),
            )
            box.addButton(QMessageBox.StandardButton.Close)
            box.open()
            return
        lines = []
        for label, codes in (
            (self.tr("New"), plan.added),
            (self.tr("Updated (a new version)"), plan.updated),
            (self.tr("Unchanged"), plan.unchanged),
        ):
            if codes:
                shown = ", ".join(codes[:PREVIEW_CODES])
                more = len(codes) - PREVIEW_CODES
                if more > 0:
                    shown += " " + self.tr("and %1 more").replace("%1", str(more))
                lines.append(f"{label}: {shown}")
        box = self._box(
            QMessageBox.Icon.Question,
            title,
            counts + "\n" + self.tr("Apply this import?"),
            "\n\n".join(lines),
        )
        apply_button = box.addButton(self.tr("Apply"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(apply_button)
        apply_button.clicked.connect(lambda: self.apply_import(parsed))
        box.open()

    def apply_import(self, parsed: ParsedFile) -> None:
        """Write the checked plans in one transaction, with the service's progress on the bar."""
        services, actor = self.session.services, self.session.actor
        # Texts made here: the work runs on another thread.
        saving = self.tr("Saving plan %1 of %2…")

        def work(progress: TaskProgress) -> ImportPlan:
            def step(done: int, total: int) -> None:
                progress.report(done, total, saving.replace("%1", str(done)).replace("%2", str(total)))

            return services.playbooks.apply_parsed(actor, parsed, progress=step)

        self.busy_changed.emit(True)
        self._start(
            run_task(
                work,
                on_done=self._applied,
                on_error=lambda message: self._show_error(self.tr("The file was not imported"), message),
                parent=self.widget,
                title=self.tr("Importing %1…").replace("%1", parsed.source),
            )
        )

    def _applied(self, plan: ImportPlan) -> None:
        self._finished()
        self.last_import = plan
        self.imported.emit(plan)

    # -- export --------------------------------------------------------------------------------
    def export(self, codes: list[str] | None) -> None:
        """Save the given plans (all when None) as one exchange file."""
        name = f"{codes[0]}.yaml" if codes and len(codes) == 1 else self.tr("playbooks.yaml")
        out = ask_save_path(
            self.widget,
            self.tr("Export playbooks"),
            name,
            self.tr("Playbook files (*.yaml *.yml)"),
            (".yaml", ".yml"),
        )
        if out is None:
            return
        services, actor = self.session.services, self.session.actor
        note = AnchorNote()

        def work(_progress: TaskProgress) -> Path:
            from branchguard.reports.playbook_export import build_playbook_export  # the anchor's key

            return build_playbook_export(services, actor, codes, out, note)

        self.busy_changed.emit(True)
        self._start(
            run_task(
                work,
                on_done=lambda path: self._saved(
                    self.tr("Export playbooks"),
                    saved_message(path),
                    path,
                    details=note.problem,
                    warn=bool(note.problem),
                ),
                on_error=lambda message: self._show_error(self.tr("Export playbooks"), message),
                parent=self.widget,
                title=self.tr("Exporting playbooks…"),
            )
        )

    def _saved(self, title: str, text: str, path: Path, details: str = "", warn: bool = False) -> None:
        self._finished()
        icon = QMessageBox.Icon.Warning if warn else QMessageBox.Icon.Information
        box = self._box(icon, title, text, details)
        open_button = box.addButton(self.tr("Open"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
        box.open()

    # -- print ---------------------------------------------------------------------------------
    def print_card(self, code: str, number: int | None) -> PreviewDialog:
        """The plan's card for the counter drawer (the version shown, when given), in the print
        preview: printed from there, or saved as PDF."""
        from branchguard.gui.kit.print_preview import preview_report  # PDFium and ReportLab on use

        suffix = CARD_SUFFIXES.get(current_language(), CARD_SUFFIXES["en"])
        services, actor = self.session.services, self.session.actor
        font_setting = str(self.session.ctx.config.settings.get("report_font") or "")

        def build(out: Path, note: AnchorNote) -> FontChoice:
            from branchguard.reports.playbook_card import build_playbook_card

            return build_playbook_card(services, actor, code, out, font_setting, number, note)

        title = self.tr("Playbook card: %1").replace("%1", code)
        self.card_preview = preview_report(self.widget, title, build, file_name=f"{code}-{suffix}.pdf")
        return self.card_preview
