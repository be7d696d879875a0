"""Settings → Backups (the safety lead's): where the automatic backups go and how many are kept,
"Back up now", and "Restore from a backup…", which checks the archive, shows what it holds, asks,
and has the next start do the restore (core/backup/pending.py says why not under this window)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from branchguard.gui.kit.files import ask_folder
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.plain import literal, plain
from branchguard.gui.kit.tasks import TaskCancelled, TaskProgress, run_task
from branchguard.gui.kit.writer import writer
from branchguard.gui.settings.local import store
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:
    from branchguard.config import LocalSettings
    from branchguard.core.backup.types import BackupManifest, BackupResult


STEPS = 1000  # the progress dialog's range: bytes overflow its int beyond 2 GB


def _in_steps(progress: TaskProgress) -> Callable[[int, int], None]:
    """The backup's bytes read of bytes to read as `STEPS` steps, told only when the step moves on
    (a large database is read a megabyte at a time; an estimate revised upwards, a file added while
    the backup runs, never moves the bar back)."""
    told = [-1]

    def report(done: int, total: int) -> None:
        step = STEPS * done // total if total > 0 else 0
        if step > told[0]:
            told[0] = step
            progress.report(step, STEPS)

    return report



def backup_summary(archive: Path, manifest: BackupManifest) -> str:
    """What a checked archive holds, as the restore asks about it (here and at the first start)."""
    counts = manifest.counts
    made = manifest.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
    held = QCoreApplication.translate(  # in the panel's context, where these words were first
        "BackupsPanel", "%1 files, %2 attachments, %3 incidents, %4 log entries, %5 drills, %6 inspections"
    )
    for n, value in enumerate(
        (
            len(manifest.files),
            manifest.attachment_count,
            counts.get("incidents", 0),
            counts.get("incident_log", 0),
            counts.get("drill_plans", 0),
            counts.get("inspections", 0),
        ),
        start=1,
    ):
        held = held.replace(f"%{n}", str(value))
    made_by = QCoreApplication.translate("BackupsPanel", "Made: %1 by BranchGuard %2")
    schema = QCoreApplication.translate("BackupsPanel", "Schema: %1")
    lines = [
        QCoreApplication.translate("BackupsPanel", "File: %1").replace("%1", str(archive)),
        made_by.replace("%1", made).replace("%2", manifest.app_version),
        schema.replace("%1", manifest.schema_revision or "-"),
        held,
    ]
    return "\n".join(lines)


class BackupsPanel(QWidget):
    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._refusal_shown = False  # the status line says a setting was not stored
        self.folder_box = QGroupBox()
        self.folder = QLineEdit()
        self.folder.setObjectName("backup_dir")
        self.folder.setReadOnly(True)
        self.choose = QPushButton(icon("folder"), "")
        self.choose.setObjectName("choose_backup_dir")
        self.choose.clicked.connect(self.choose_folder)
        self.use_default = QPushButton("")
        self.use_default.setObjectName("default_backup_dir")
        self.use_default.clicked.connect(lambda: self.set_folder(""))
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        row.addWidget(self.use_default)
        self.keep_daily = QSpinBox()
        self.keep_daily.setObjectName("backup_keep_daily")
        self.keep_daily.setRange(1, 366)
        self.keep_monthly = QSpinBox()
        self.keep_monthly.setObjectName("backup_keep_monthly")
        self.keep_monthly.setRange(0, 120)
        for spin in (self.keep_daily, self.keep_monthly):
            spin.setMaximumWidth(120)
        self.keep_form = QFormLayout()
        self.keep_daily_label, self.keep_monthly_label = QLabel(), QLabel()
        self.keep_form.addRow(self.keep_daily_label, self.keep_daily)
        self.keep_form.addRow(self.keep_monthly_label, self.keep_monthly)
        self.folder_note = QLabel()
        self.folder_note.setProperty("role", "hint")
        self.folder_note.setWordWrap(True)
        box = QVBoxLayout(self.folder_box)
        box.addLayout(row)
        box.addLayout(self.keep_form)
        box.addWidget(self.folder_note)

        self.now_button = QPushButton(icon("save"), "")
        self.now_button.setObjectName("backup_now")
        self.now_button.setProperty("accent", True)
        self.now_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton("")
        self.restore_button.setObjectName("restore_backup")
        self.restore_button.clicked.connect(self.choose_restore)
        self.cancel_restore_button = QPushButton("")
        self.cancel_restore_button.setObjectName("cancel_restore")
        self.cancel_restore_button.clicked.connect(self.cancel_restore)
        buttons = QHBoxLayout()
        for button in (self.now_button, self.restore_button, self.cancel_restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.status = plain(QLabel())
        self.status.setObjectName("backup_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.folder_box)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)
        for spin, key in ((self.keep_daily, "backup_keep_daily"), (self.keep_monthly, "backup_keep_monthly")):
            spin.valueChanged.connect(lambda n, spin=spin, key=key: self._keep(spin, key, n))
        self.retranslate()

    # -- settings -------------------------------------------------------------------------------
    def _settings(self) -> LocalSettings:
        return self.session.ctx.config.settings

    def refresh(self) -> None:
        config = self.session.ctx.config
        self.folder.setText(config.settings.get("backup_dir"))
        self.folder.setPlaceholderText(str(config.data_dir / "backups"))
        for spin, key in ((self.keep_daily, "backup_keep_daily"), (self.keep_monthly, "backup_keep_monthly")):
            self._show_stored(spin, key)
        self._show_pending()

    def _show_stored(self, spin: QSpinBox, key: str) -> None:
        spin.blockSignals(True)
        spin.setValue(self._settings().get_int(key))
        spin.blockSignals(False)

    def _keep(self, spin: QSpinBox, key: str, count: int) -> None:
        """A retention written as it is chosen; refused, the spin box shows what is stored."""
        if not self._store(key, str(count)):
            self._show_stored(spin, key)

    def _store(self, key: str, value: str) -> bool:
        """`value` written to settings.ini; a refusal said on the status line (until a write goes)."""
        if not store(self._settings(), key, value, self._refused):
            return False
        if self._refusal_shown:
            self._say("", error=False)
        return True

    def _refused(self, message: str) -> None:
        self._say(message, error=True)
        self._refusal_shown = True

    def choose_folder(self) -> None:
        path = ask_folder(self, self.tr("Choose the backup folder"), self.session.ctx.config.backup_dir)
        if path is not None:
            self.set_folder(str(path))

    def set_folder(self, path: str) -> None:
        """Written to settings.ini (backup_dir); empty means the data folder's backups/. The folder
        itself is not touched here: the backup checks it when it runs, off the GUI thread."""
        if self._store("backup_dir", path):
            self.folder.setText(path)

    # -- back up now ----------------------------------------------------------------------------
    def back_up_now(self) -> None:
        """In the background with its progress (the bytes read so far) and Cancel, which leaves no
        archive. Not beside another backup of the window (the day's automatic one): that is said."""
        from branchguard.gui.shell import daily_backup

        if daily_backup.running():
            text = self.tr("A backup is being made already; back up again once it is done.")
            self._say(text, error=True)
            return
        session = self.session
        ctx, actor = session.ctx, session.actor
        settings = ctx.config.settings
        folder = ctx.config.backup_dir
        self.now_button.setEnabled(False)
        self._say(self.tr("Backing up to %1…").replace("%1", str(folder)), error=False)

        def work(progress: TaskProgress) -> BackupResult:
            from branchguard.core.backup.archive import BackupCancelled

            try:
                return ctx.services.backup.create_in_folder(
                    actor,
                    ctx.config.db_url,
                    folder,
                    settings.get_int("backup_keep_daily"),
                    settings.get_int("backup_keep_monthly"),
                    cancelled=lambda: progress.cancelled,  # Cancel, or the window quits: no half archive
                    progress=_in_steps(progress),
                )
            except BackupCancelled:
                raise TaskCancelled from None

        handle = run_task(
            work,
            on_done=self._backed_up,
            on_error=self._failed,
            on_cancel=self._cancelled,
            parent=self,
            title=self.tr("Backing up"),
            cancellable=True,
        )
        daily_backup.track(handle)

    def _backed_up(self, result: BackupResult) -> None:
        from branchguard.core.kernel.attachments import format_size

        self.now_button.setEnabled(True)
        files, size = len(result.manifest.files), format_size(result.manifest.total_bytes)
        text = self.tr("Backup written: %1 (%2 files, %3).").replace("%1", str(result.path))
        text = text.replace("%2", str(files)).replace("%3", size)
        if result.pruned:
            removed = self.tr("Older automatic backups removed: %1.")
            text += " " + removed.replace("%1", str(len(result.pruned)))
        if not result.manifest.has_database:
            text += " " + self.tr("The database is PostgreSQL: back it up with pg_dump.")
        self._say(text, error=False)
        self.session.data_changed.emit("audit")

    def _cancelled(self) -> None:
        self.now_button.setEnabled(True)
        self._say(self.tr("Backup cancelled; nothing was written."), error=False)

    def _failed(self, message: str) -> None:
        self.now_button.setEnabled(True)
        self.restore_button.setEnabled(True)
        self._say(message, error=True)

    # -- restore --------------------------------------------------------------------------------
    def choose_restore(self) -> None:
        start = str(self.session.ctx.config.backup_dir)
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Restore from a backup"), start, self.tr("BranchGuard backups (*.zip)")
        )
        if path:
            self.check_restore(Path(path))

    def check_restore(self, archive: Path) -> None:
        """Prove the archive in the background (every file's SHA-256), then show it and ask."""
        backups, actor = self.session.services.backup, self.session.actor
        self.restore_button.setEnabled(False)
        self.status.setText(self.tr("Checking %1…").replace("%1", str(archive)))
        run_task(
            lambda _p: backups.check(actor, archive),
            on_done=lambda manifest: self._checked(archive, manifest),
            on_error=self._failed,
            parent=self,
            title=self.tr("Checking the backup"),
        )

    def describe(self, archive: Path, manifest: BackupManifest) -> str:
        return backup_summary(archive, manifest)

    def confirm_restore(self, summary: str) -> bool:
        """The question (the tests replace it)."""
        answer = QMessageBox.question(
            self,
            self.tr("Restore from a backup"),
            literal(  # the summary names the branch and the archive as they are
                summary
                + "\n\n"
                + self.tr(
                    "Restore this backup? It is done the next time BranchGuard starts, before anything "
                    "opens the database; the data in place now is moved aside first, not deleted."
                )
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _checked(self, archive: Path, manifest: BackupManifest) -> None:
        self.restore_button.setEnabled(True)
        summary = self.describe(archive, manifest)
        if not self.confirm_restore(summary):
            self._say(self.tr("Restore cancelled; nothing was changed."), error=False)
            return
        backup, actor, url = self.session.services.backup, self.session.actor, self.session.ctx.config.db_url
        ask = lambda: backup.request_restore(actor, url, archive, manifest)  # noqa: E731
        self._write(self.restore_button, ask, self._restore_asked)

    def _restore_asked(self, _result: object) -> None:
        self._show_pending()
        self.session.data_changed.emit("audit")

    def cancel_restore(self) -> None:
        """On the writer's thread, the button waiting (a second press cancels nothing more)."""
        if not self.cancel_restore_button.isEnabled():
            return
        backup, actor = self.session.services.backup, self.session.actor
        self._write(self.cancel_restore_button, lambda: backup.cancel_restore(actor), self._restore_cancelled)

    def _restore_cancelled(self, _result: object) -> None:
        self._say(self.tr("The restore asked for is cancelled; nothing was changed."), error=False)
        self.cancel_restore_button.hide()

    def _write(self, button: QPushButton, work: Callable[[], object], done: Callable[[object], None]) -> None:
        """`work` on the writer's thread, `button` waiting for it; `done(result)` once stored, a
        refusal said on the status line."""
        button.setEnabled(False)

        def finished(result: object) -> None:
            button.setEnabled(True)
            done(result)

        def failed(message: str) -> None:
            button.setEnabled(True)
            self._say(message, error=True)

        writer().submit(work, on_done=finished, on_error=failed)

    def _show_pending(self) -> None:
        asked = self.session.services.backup.pending_restore()
        self.cancel_restore_button.setVisible(asked is not None)
        if asked is not None:
            self._say(
                self.tr(
                    "%1 will be restored the next time BranchGuard starts: quit it (File → Quit) and "
                    "start it again."
                ).replace("%1", str(asked.archive)),
                error=False,
            )

    def _say(self, text: str, *, error: bool) -> None:
        self._refusal_shown = False
        self.status.setProperty("role", "error" if error else "hint")
        self.status.style().polish(self.status)
        self.status.setText(text)

    def retranslate(self) -> None:
        self.folder_box.setTitle(self.tr("Automatic backups"))
        self.choose.setText(self.tr("Choose…"))
        self.use_default.setText(self.tr("Use the data folder"))
        self.keep_daily_label.setText(self.tr("Keep the newest backup of this many days"))
        self.keep_monthly_label.setText(self.tr("Keep the newest backup of this many months"))
        self.folder_note.setText(
            self.tr(
                "BranchGuard makes one backup a day while it runs: the database, attachments, keys "
                "and settings in one checked archive. Choose a USB stick or a network share, so the "
                "evidence survives this PC's disk."
            )
        )
        self.now_button.setText(self.tr("Back up now"))
        self.restore_button.setText(self.tr("Restore from a backup…"))
        self.cancel_restore_button.setText(self.tr("Cancel the restore"))
