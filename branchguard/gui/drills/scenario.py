"""The drill's scenario: an approved playbook, chosen from a list or typed (a code or a few
characters of its title), for planning a drill and for recording one held earlier."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QSizePolicy, QWidget

from branchguard.core.kernel.types import PlaybookStatus
from branchguard.core.playbooks.types import PlaybookSummary
from branchguard.gui.shell.session import GuiSession

PLAYBOOK_CHARS = 24  # the box's least width, in characters (its list is wider)


class ScenarioBox(QComboBox):
    """The approved playbooks, `code()` the chosen one's."""

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        plans = session.services.playbooks.list_playbooks(session.actor)
        self.playbooks: list[PlaybookSummary] = [p for p in plans if p.status is PlaybookStatus.APPROVED]
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Not as wide as the longest plan title: that once left the people's column 224 px at
        # 1024×768, the observers' field 50 px ("Na…") and the participants' names behind a scroll bar.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(PLAYBOOK_CHARS)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for plan in self.playbooks:
            self.addItem(f"{plan.code}  {plan.title.text}", plan.code)
        listed = self.view()  # the list opened from the box: each title whole
        listed.setMinimumWidth(listed.sizeHintForColumn(0) + listed.verticalScrollBar().sizeHint().width())
        completer = self.completer()
        if completer is not None:
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)

    def retranslate(self) -> None:
        line = self.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Type a code or a few characters of the plan"))

    def code(self) -> str:
        """The chosen plan's code; typed text that names no listed plan is passed on as typed."""
        text = self.currentText().strip()
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return str(self.itemData(index))
        return text.split()[0] if text else ""

    def choose(self, code: str) -> None:
        self.setCurrentIndex(self.findData(code))
