"""Files the window writes (gui/kit/files.py): every save dialog and folder chooser starts in the
documents folder (or the folder in use) through one helper, and every written file is announced in
one sentence."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog

from branchguard.gui.kit import translation
from branchguard.gui.kit.files import ask_folder, ask_save_path, documents_folder, saved_message

GUI = Path(__file__).resolve().parents[3] / "branchguard" / "gui"
HELPER = GUI / "kit" / "files.py"
SAVE_CALLS = re.compile(r"\b(getSaveFileName|getSaveFileUrl|getExistingDirectory|getExistingDirectoryUrl)\b")


def test_only_the_helper_opens_a_save_dialog_or_a_folder_chooser() -> None:
    callers = [
        f"{path.relative_to(GUI)}:{number}"
        for path in sorted(GUI.rglob("*.py"))
        if path != HELPER
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if SAVE_CALLS.search(line)
    ]
    assert callers == [], "open save dialogs through gui/kit/files.py ask_save_path / ask_folder"
    assert SAVE_CALLS.search(HELPER.read_text(encoding="utf-8"))  # the scan looks for the right names


def test_the_save_dialog_starts_in_the_documents_folder_and_adds_the_suffix(
    app: Any, monkeypatch: Any, tmp_path: Path
) -> None:
    asked: list[str] = []

    def save_name(_parent: Any, _title: str, start: str, _filter: str) -> tuple[str, str]:
        asked.append(start)
        return str(tmp_path / "register"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    chosen = ask_save_path(None, "Save", "/home/someone/elsewhere/report.pdf", "PDF (*.pdf)", (".pdf",))
    assert asked == [str(documents_folder() / "report.pdf")]  # only the name is kept
    assert chosen == tmp_path / "register.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: ("", ""))
    assert ask_save_path(None, "Save", "report.pdf", "PDF (*.pdf)", (".pdf",)) is None


def test_the_folder_chooser_starts_in_the_folder_in_use_else_the_documents_folder(
    app: Any, monkeypatch: Any, tmp_path: Path
) -> None:
    asked: list[str] = []

    def folder(_parent: Any, _title: str, start: str) -> str:
        asked.append(start)
        return str(tmp_path)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", folder)
    assert ask_folder(None, "Folder", tmp_path) == tmp_path
    assert ask_folder(None, "Folder", tmp_path / "gone") == tmp_path
    assert ask_folder(None, "Folder", "") == tmp_path
    assert asked == [str(tmp_path), str(documents_folder()), str(documents_folder())]


def test_a_written_file_is_announced_in_one_sentence_in_both_languages(app: Any, tmp_path: Path) -> None:
    path = tmp_path / "a&b.pdf"
    assert saved_message(path) == f"Saved to {path}."
    linked = saved_message(path, link=True)
    assert linked.startswith("Saved to <a href=\"file://") and "a&amp;b.pdf</a>." in linked
    try:
        translation.install("zh_CN")
        chinese = saved_message(path)
    finally:
        translation.install("en")
    assert chinese == f"已保存到 {path}。"
