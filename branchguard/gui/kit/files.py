"""Files the window writes: where their dialogs start (the documents folder), what is said once one
is written (one sentence everywhere), suffixes, all-or-nothing writes (only over a regular file).

Every save dialog and folder chooser of the window goes through `ask_save_path` / `ask_folder`
(a test scans gui/ for any other QFileDialog save call)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from branchguard.core.kernel import output
from branchguard.gui.kit.plain import plain


def documents_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def with_suffix(path: Path, suffixes: tuple[str, ...]) -> Path:
    return path if path.suffix.lower() in suffixes else path.with_name(path.name + suffixes[0])


def ask_save_path(
    parent: QWidget | None, title: str, file_name: str, file_filter: str, suffixes: tuple[str, ...]
) -> Path | None:
    """The save dialog, opened in the documents folder on `file_name` (only its name is used); the
    path chosen, with the first of `suffixes` added when it has none of them; None when cancelled."""
    start = documents_folder() / Path(file_name).name
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(start), file_filter)
    return with_suffix(Path(chosen), suffixes) if chosen else None


def ask_folder(parent: QWidget | None, title: str, current: str | Path | None = None) -> Path | None:
    """The folder chooser: opened on the folder in use when there is one, else the documents folder."""
    start = Path(current) if current and Path(current).is_dir() else documents_folder()
    chosen = QFileDialog.getExistingDirectory(parent, title, str(start))
    return Path(chosen) if chosen else None


def saved_message(path: Path, link: bool = False) -> str:
    """What the window says once it has written a file, everywhere: "Saved to <path>." (the path a
    link that opens the file when `link`, for rich-text labels)."""
    text = QCoreApplication.translate("SavedFile", "Saved to %1.")
    if link:
        url = QUrl.fromLocalFile(str(path)).toString()
        return text.replace("%1", f'<a href="{escape(url)}">{escape(str(path))}</a>')
    return text.replace("%1", str(path))


def show_saved(parent: QWidget, title: str, path: Path, notes: list[str], name: str) -> QMessageBox:
    """The box that says a file was written ("Saved to <path>."), with what went wrong beside it
    (`notes`: whole sentences, such as why its anchor was NOT written), as a warning when any;
    opened, not run, and named `name` for the tests."""
    box = plain(QMessageBox(parent))  # a file name, a font's path: as typed
    box.setObjectName(name)
    box.setWindowTitle(title)
    box.setText(saved_message(path))
    if notes:
        box.setIcon(QMessageBox.Icon.Warning)
        box.setInformativeText("\n".join(notes))
    box.open()
    return box


def write_file(path: Path, data: bytes) -> None:
    """All or nothing, and only over a regular file: the one writer of core/kernel/output.py."""
    output.write_file(path, data)
