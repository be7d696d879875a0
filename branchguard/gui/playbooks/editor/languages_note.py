"""The editor's line saying where the plan's two languages may no longer agree: a text changed in
one language only since the version in force (core/playbooks/translations.py). A trial edited a
step's Chinese and its English went on saying the old step, and nothing said so. Said as the plan is
edited, and in the question before approving; not a refusal."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel

from branchguard.core.playbooks.translations import one_language_note
from branchguard.core.playbooks.types import PlanContent
from branchguard.gui.kit.plain import plain


class LanguagesNote(QLabel):
    """`content()` gives the plan as edited; `compare_with` the version in force (None: none yet)."""

    def __init__(self, content: Callable[[], PlanContent]) -> None:
        super().__init__()
        plain(self)  # the places quote nothing typed, but the texts may hold a "<"
        self.setObjectName("editor_languages")
        self.setProperty("role", "warning")
        self.setWordWrap(True)
        self.hide()
        self._content = content
        self._before: PlanContent | None = None

    def compare_with(self, before: PlanContent | None) -> None:
        self._before = before
        self.update_note()

    def update_note(self) -> None:
        """Worded in the window's language of now (called again when it changes)."""
        note = one_language_note(self._before, self._content()) if self._before is not None else None
        self.setText(note.text() if note is not None else "")
        self.setVisible(note is not None)
