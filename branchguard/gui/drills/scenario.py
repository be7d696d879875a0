"""The drill's scenario: an approved playbook, chosen from a list or typed (a code or a few
characters of its title), and what kind of drill it is, for planning a drill and for recording one
held earlier."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QSizePolicy, QWidget

from branchguard.core.drills.types import DrillMode, DrillScope
from branchguard.core.kernel.types import PlaybookStatus
from branchguard.core.playbooks.types import PlaybookSummary

PLAYBOOK_CHARS = 24  # the box's least width, in characters (its list is wider)


class ScenarioBox(QComboBox):
    """The approved playbooks (`set_playbooks`, once read off the GUI thread), `code()` the chosen one's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.playbooks: list[PlaybookSummary] = []
        self._wanted = ""  # a plan chosen before they were read
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Not as wide as the longest plan title: that once left the people's column 224 px at
        # 1024×768, the observers' field 50 px ("Na…") and the participants' names behind a scroll bar.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(PLAYBOOK_CHARS)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        completer = self.completer()
        if completer is not None:
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)

    def set_playbooks(self, plans: list[PlaybookSummary]) -> None:
        """List the approved ones of `plans`; what is typed stays (a code typed before they came)."""
        typed, chosen = self.currentText(), self.currentIndex()
        self.playbooks = [p for p in plans if p.status is PlaybookStatus.APPROVED]
        self.blockSignals(True)
        self.clear()
        for plan in self.playbooks:
            self.addItem(f"{plan.code}  {plan.title.text}", plan.code)
        self.setCurrentIndex(-1)
        self.setEditText(typed if chosen < 0 else "")
        self.blockSignals(False)
        if self._wanted:
            self.choose(self._wanted)
        listed = self.view()  # the list opened from the box: each title whole
        listed.setMinimumWidth(listed.sizeHintForColumn(0) + listed.verticalScrollBar().sizeHint().width())

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

    def chosen(self) -> PlaybookSummary | None:
        """The listed plan chosen or typed, None when none is."""
        code = self.code()
        return next((p for p in self.playbooks if p.code == code), None)

    def choose(self, code: str) -> None:
        """Choose the plan `code`; before the plans are read, once they are."""
        self._wanted = "" if self.playbooks else code
        self.setCurrentIndex(self.findData(code))


class DrillKindBoxes(QObject):
    """What kind of drill it is, beside its scenario: its type, form, notice and title, as the plan
    dialog and the dialog recording a drill held earlier both ask it. `labels` words their captions."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.scope = QComboBox(parent)
        for scope in DrillScope:
            self.scope.addItem(scope.label, scope.value)
        self.mode = QComboBox(parent)
        for mode in DrillMode:
            self.mode.addItem(mode.label, mode.value)
        self.announced = QComboBox(parent)
        self.title_edit = QLineEdit(parent)
        self.title_edit.setMaxLength(200)

    def labels(self) -> dict[str, str]:
        """The captions, by the widget's name here."""
        return {
            "scope": self.tr("Type"),
            "mode": self.tr("Form"),
            "announced": self.tr("Notice"),
            "title": self.tr("Title"),
        }

    def retranslate(self) -> None:
        self.title_edit.setPlaceholderText(self.tr("Left empty: “Drill: <playbook title>”"))
        current = self.announced.currentIndex()
        self.announced.clear()
        self.announced.addItem(self.tr("Announced in advance"), True)
        self.announced.addItem(self.tr("Unannounced (staff not told)"), False)
        self.announced.setCurrentIndex(max(current, 0))

    def values(self) -> dict[str, Any]:
        """As DrillPlanInput and HeldDrillInput take them."""
        return {
            "scope": DrillScope(self.scope.currentData()),
            "mode": DrillMode(self.mode.currentData()),
            "announced": bool(self.announced.currentData()),
            "title": self.title_edit.text().strip(),
        }
