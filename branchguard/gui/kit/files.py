"""Files the window writes: the default folder for saved documents, suffixes, all-or-nothing writes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSaveFile, QStandardPaths


def documents_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def with_suffix(path: Path, suffixes: tuple[str, ...]) -> Path:
    return path if path.suffix.lower() in suffixes else path.with_name(path.name + suffixes[0])


def write_file(path: Path, data: bytes) -> None:
    """All or nothing: QSaveFile writes beside the target and renames it over on commit."""
    out = QSaveFile(str(path))
    if not out.open(QSaveFile.OpenModeFlag.WriteOnly) or out.write(data) != len(data) or not out.commit():
        raise OSError(f"{path}: {out.errorString()}")
