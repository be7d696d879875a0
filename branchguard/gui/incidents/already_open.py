"""The question asked when a plan's real incident is already open (core/incidents/opening.py's
PlanAlreadyOpen): go to that incident (the default: one emergency, one log), start another for a
second, separate event of the same kind, or neither. One question, worded once, for F9's start
dialog (gui/incidents/start.py), a failed checklist item escalated to its plan
(gui/inspections/runner/escalation.py) and a warning that would start the natural-disaster plan
(gui/early_warnings/plan_open.py); each says in `go` what its default does there."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from branchguard.core.incidents.opening import PlanAlreadyOpen
from branchguard.gui.kit.plain import plain

# The question and its answers, by object name (tests answer it by them).
QUESTION_NAME, OPEN_IT, START_ANOTHER, CANCEL = "already_open_question", "open_it", "start_another", "cancel"


def question(
    parent: QWidget,
    refused: PlanAlreadyOpen,
    named: str,
    go: str,
    answered: Callable[[str], None],
    hint: str = "",
) -> QMessageBox:
    """The question, not yet shown (its asker opens it with open(), not exec(): the window goes
    on); `answered` gets the object name of the button clicked, CANCEL when it was closed
    otherwise. `named`: the plan as the asker shows it; `go`: the default button's words; `hint`:
    what the asker advises, in place of the start's advice."""
    found = refused.incident
    box = plain(QMessageBox(parent))  # the plan's name and the user name, as they are
    box.setObjectName(QUESTION_NAME)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("AlreadyOpenQuestion", "Already open"))
    text = QCoreApplication.translate(
        "AlreadyOpenQuestion", "%1 is already open as incident #%2, started by %3 at %4."
    )
    for n, value in enumerate((named, str(found.id), refused.who, _when(found.started_at)), 1):
        text = text.replace(f"%{n}", value)
    box.setText(text)
    box.setInformativeText(
        hint
        or QCoreApplication.translate(
            "AlreadyOpenQuestion",
            "Log what happens in that incident. Start another only for a second, separate event "
            "of the same kind (a second ATM, another floor).",
        )
    )
    default = box.addButton(go, QMessageBox.ButtonRole.AcceptRole)
    default.setObjectName(OPEN_IT)
    another = QCoreApplication.translate("AlreadyOpenQuestion", "Start another anyway")
    box.addButton(another, QMessageBox.ButtonRole.DestructiveRole).setObjectName(START_ANOTHER)
    cancel = box.addButton(
        QCoreApplication.translate("AlreadyOpenQuestion", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    cancel.setObjectName(CANCEL)
    box.setDefaultButton(default)
    box.setEscapeButton(cancel)

    def finished(_result: int) -> None:
        clicked = box.clickedButton()
        answer = clicked.objectName() if isinstance(clicked, QAbstractButton) else CANCEL
        box.deleteLater()
        answered(answer)

    box.finished.connect(finished)
    return box


def _when(at: datetime) -> str:
    """The local time an incident started: HH:MM today, with its date when it began another day."""
    local = at.astimezone()
    return local.strftime("%H:%M" if local.date() == datetime.now().astimezone().date() else "%Y-%m-%d %H:%M")
