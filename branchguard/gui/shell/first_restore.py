"""A new PC's first start: "Restore from a backup…" beside creating the first account.

The window's only way to a backup was Settings → Backups, a safety lead's: on a new PC the lead had
to invent a branch and an account first, to have them replaced. Here the archive is checked, shown
and asked about as there (gui/settings/backups.py), without a login (nobody can log in yet, and
`branchguard restore` asks for none there either), and restored at the next start, before anything
opens the database (core/backup/pending.py); BranchGuard then quits, to be started again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from branchguard.gui.kit.plain import literal
from branchguard.gui.kit.tasks import run_task

if TYPE_CHECKING:
    from branchguard.core.backup.types import BackupManifest
    from branchguard.core.services import Services


class FirstRestore(QObject):
    """The first-start dialog's restore: `choose`, or `check` an archive; a refusal goes to `say`."""

    def __init__(self, dialog: QDialog, services: Services, db_url: str, say: Callable[[str], None]) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self._backup = services.backup
        self._db_url = db_url
        self._say = say

    def choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.dialog, self.tr("Restore from a backup"), "", self.tr("BranchGuard backups (*.zip)")
        )
        if path:
            self.check(Path(path))

    def check(self, archive: Path) -> None:
        """Prove the archive in the background (every file's SHA-256), then show it and ask."""
        backup = self._backup
        run_task(
            lambda _p: backup.check_first(archive),
            on_done=lambda manifest: self._checked(archive, manifest),
            on_error=self._say,
            parent=self.dialog,
            title=self.tr("Checking the backup"),
        )

    def confirm(self, summary: str) -> bool:
        """The question (the tests replace it)."""
        question = self.tr(
            "Restore this backup on this PC? BranchGuard quits now and restores it when it is started "
            "again, before anything opens the database; then log in with an account of the backup."
        )
        title = self.tr("Restore from a backup")
        answer = QMessageBox.question(self.dialog, title, literal(summary + "\n\n" + question))
        return answer == QMessageBox.StandardButton.Yes

    def _checked(self, archive: Path, manifest: BackupManifest) -> None:
        from branchguard.gui.settings.backups import backup_summary

        if not self.confirm(backup_summary(archive, manifest)):
            return
        backup, url = self._backup, self._db_url
        run_task(
            lambda _p: backup.request_first_restore(url, archive, manifest),
            on_done=lambda _asked: self._asked(),
            on_error=self._say,
            parent=self.dialog,
            title=self.tr("Restore from a backup"),
        )

    def tell(self, text: str) -> None:
        """The last word before quitting (the tests replace it)."""
        QMessageBox.information(self.dialog, self.tr("Restore from a backup"), text)

    def _asked(self) -> None:
        """Told, then quit: the next start restores (the dialog's Quit, which ends the app)."""
        self.tell(self.tr("Start BranchGuard again now: it restores the backup as it starts."))
        self.dialog.reject()
