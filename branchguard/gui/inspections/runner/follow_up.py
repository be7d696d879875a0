"""What a failed item asks for beyond its hazard (issue 18): a fault the fire rules want corrected
on the spot asks what was done (recorded, its hazard is closed at submit); an item that names a plan
offers to start it at once. Shown under the item card for the failed item, without a modal dialog,
so answering the checklist by keyboard never stops."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from branchguard.core.inspections.types import Answer, ItemResult
from branchguard.gui.kit import style
from branchguard.gui.kit.plain import plain


class FollowUpBar(QFrame):
    """`corrected(number, text)` and `escalate(number)` when the person acts on the offer."""

    corrected = Signal(int, str)
    escalate = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspection_follow_up")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"#inspection_follow_up {{ border: 1px solid {style.ERROR}; border-radius: 4px; }}"
        )
        self.answer: Answer | None = None
        self.intro = plain(QLabel())
        self.intro.setObjectName("follow_up_intro")
        self.intro.setWordWrap(True)
        self.correction = QLineEdit()
        self.correction.setObjectName("follow_up_correction")
        self.correction.setMaxLength(1000)
        self.correction.returnPressed.connect(self._correct)
        self.correct_button = QPushButton()
        self.correct_button.setObjectName("follow_up_correct")
        self.correct_button.clicked.connect(self._correct)
        self.plan_button = QPushButton()
        self.plan_button.setObjectName("follow_up_start_plan")
        self.plan_button.setProperty("accent", True)
        self.plan_button.clicked.connect(self._escalate)
        self.close_button = QPushButton("×")
        self.close_button.setObjectName("follow_up_close")
        self.close_button.setFlat(True)
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout()
        row.addWidget(self.correction, 1)
        row.addWidget(self.correct_button)
        row.addWidget(self.plan_button)
        row.addWidget(self.close_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 6, 8, 6)
        box.addWidget(self.intro)
        box.addLayout(row)
        self.hide()

    @staticmethod
    def wanted(answer: Answer) -> bool:
        """Whether a failed item has anything left to offer."""
        if answer.result != ItemResult.FAIL:
            return False
        spot = answer.item.correct_on_spot and answer.correction is None
        plan = bool(answer.item.on_fail_playbook) and answer.incident_id is None
        return spot or plan

    def offer(self, answer: Answer) -> None:
        if not self.wanted(answer):
            if self.answer is not None and self.answer.number == answer.number:
                self.hide()
            return
        self.answer = answer
        spot = answer.item.correct_on_spot and answer.correction is None
        plan = answer.item.on_fail_playbook if answer.incident_id is None else ""
        lines = []
        if spot:
            lines.append(
                self.tr("Item %1 failed: fire rules require this fault corrected on the spot. "
                        "Once it is, say what was done (its hazard is then recorded closed).")
                .replace("%1", str(answer.number))
            )
        if plan:
            lines.append(
                self.tr("Item %1 failed: this starts the %2 plan. Keep the device exactly as found; "
                        "it is removed only after the police agree.")
                .replace("%1", str(answer.number))
                .replace("%2", plan)
            )
        self.intro.setText("\n".join(lines))
        self.correction.setVisible(spot)
        self.correct_button.setVisible(spot)
        self.correction.clear()
        self.correction.setPlaceholderText(self.tr("What was done on the spot"))
        self.correct_button.setText(self.tr("Record the correction"))
        self.plan_button.setVisible(bool(plan))
        self.plan_button.setEnabled(True)  # offered again after a refusal or a cancelled question
        self.plan_button.setText(self.tr("Start the %1 plan now").replace("%1", plan))
        self.show()

    def _correct(self) -> None:
        text = self.correction.text().strip()
        if self.answer is not None and text:
            self.corrected.emit(self.answer.number, text)
            self.hide()

    def _escalate(self) -> None:
        if self.answer is not None:
            self.escalate.emit(self.answer.number)
            self.plan_button.setEnabled(False)
