"""A failed item escalated to its plan while that plan's real incident is open (PlanAlreadyOpen
from the saver): the runner asks what F9 asks (gui/incidents/already_open.py). The default logs the
failure, with its evidence rule, in that incident; "start another anyway" starts a second one for a
separate event of the same kind; cancel leaves the item unescalated, to be offered again."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from branchguard.core.incidents.opening import PlanAlreadyOpen
from branchguard.gui.incidents import already_open
from branchguard.gui.inspections.runner.saver import AnswerSaver


class EscalationQuestion(QObject):
    """Asks on the saver's `plan_open` and answers by escalating again through the saver, so the
    result comes back as any escalation's does (`escalated(incident id, joined)`)."""

    def __init__(self, saver: AnswerSaver, parent: QWidget) -> None:
        super().__init__(parent)
        self.saver = saver
        self.window = parent
        self.question: QMessageBox | None = None  # asked until answered
        saver.plan_open.connect(self.ask)

    def ask(self, number: int, refused: PlanAlreadyOpen) -> None:
        found = refused.incident
        named = f"{found.playbook_code or ''} {found.title}"
        go = self.tr("Log it in that incident")
        self.question = already_open.question(
            self.window, refused, named, go, lambda answer: self._answered(answer, number, found.id)
        )
        self.question.open()  # not exec(): the window goes on

    def _answered(self, answer: str, number: int, incident_id: int) -> None:
        self.question = None
        if answer == already_open.OPEN_IT:
            self.saver.escalate(number, into=incident_id)
        elif answer == already_open.START_ANOTHER:
            self.saver.escalate(number, despite_open=True)
