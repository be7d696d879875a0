"""Files the window writes: the default folder for saved documents, suffixes, all-or-nothing writes
(only over a regular file)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from branchguard.core.kernel import output


def documents_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def with_suffix(path: Path, suffixes: tuple[str, ...]) -> Path:
    return path if path.suffix.lower() in suffixes else path.with_name(path.name + suffixes[0])


def write_file(path: Path, data: bytes) -> None:
    """All or nothing, and only over a regular file: the one writer of core/kernel/output.py."""
    output.write_file(path, data)
