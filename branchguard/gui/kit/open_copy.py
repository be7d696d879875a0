"""A stored file (a plan's attachment, a hazard's photo) opened in its viewer: a copy under the
file's own name, written off the GUI thread. The store names files by their hash, and an application
that saves in place must not change the stored bytes."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from branchguard.core.kernel.names import clean_file_name, opens_as_document
from branchguard.core.kernel.output import write_file
from branchguard.gui.kit.tasks import TaskProgress, run_task

_opened: tempfile.TemporaryDirectory[str] | None = None


def _open_folder() -> Path:
    """Where opened copies go: one folder per run, removed when the program ends (not when the
    window closes, which could pull a file from under a viewer still starting)."""
    global _opened
    if _opened is None:
        _opened = tempfile.TemporaryDirectory(prefix="branchguard-", ignore_cleanup_errors=True)
    return Path(_opened.name)


def open_stored(parent: QWidget, title: str, name: str, sha256: str, read: Callable[[], bytes]) -> None:
    """Open the stored file `name` (its bytes from `read`, a service call) in its viewer; `title`
    names the work while it runs ("Opening …")."""
    folder = _open_folder() / sha256[:12]

    def work(_progress: TaskProgress) -> Path:
        data = read()
        folder.mkdir(exist_ok=True)
        target = folder / clean_file_name(name)  # a name stored before names were cleaned
        write_file(target, data)
        return target

    run_task(work, on_done=open_path, parent=parent, title=title)


def open_path(path: Path) -> None:
    """A document or picture opens in its viewer; anything else (a program, a script, a macro
    workbook) is never started: its folder opens instead, the copy inside (names.py says which)."""
    shown = path if opens_as_document(path.name) else path.parent
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(shown)))
