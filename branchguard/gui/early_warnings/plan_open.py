"""The question when a warning would start the natural-disaster plan while its real incident is
open (one emergency, one log): apply the warning's level to that incident (the default), start
another anyway (a second, separate event), or neither. The start dialog's question
(gui/incidents/already_open.py) with this default and advice; the answer is one of its button
names, which tests press."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from branchguard.core.early_warnings.types import EarlyWarning
from branchguard.core.incidents.opening import PlanAlreadyOpen
from branchguard.gui.incidents import already_open

QUESTION_NAME, START_ANOTHER, CANCEL = (
    already_open.QUESTION_NAME,
    already_open.START_ANOTHER,
    already_open.CANCEL,
)
APPLY = already_open.OPEN_IT  # the default: the warning's level applied to the open incident


class PlanOpenQuestion(QObject):
    """Asks about `refused` for `warning`, then calls `answered` with the button's name (CANCEL
    when the box is closed otherwise)."""

    def __init__(
        self,
        parent: QWidget,
        refused: PlanAlreadyOpen,
        warning: EarlyWarning,
        answered: Callable[[str], None],
        *,
        recorded: bool = False,
    ) -> None:
        super().__init__(parent)
        found = refused.incident
        hint = self.tr(
            "Apply this warning's level to that incident and log there. Start another only for a "
            "second, separate event."
        )
        if recorded:
            hint = self.tr("Warning #%1 is recorded; nothing was started.").replace("%1", str(warning.id))
            hint += " " + self.tr(
                "Apply its level to that incident and log there. Start another only for a second, "
                "separate event."
            )
        if found.warning_level == warning.level:  # nothing to change: go to that incident
            label = self.tr("Open incident #%1").replace("%1", str(found.id))
        else:
            label = self.tr("Apply %1 to incident #%2").replace("%1", warning.level.label)
            label = label.replace("%2", str(found.id))

        def finished(answer: str) -> None:
            self.deleteLater()
            answered(answer)

        self.box = already_open.question(parent, refused, found.playbook_code or "", label, finished, hint)

    def ask(self) -> None:
        self.box.open()
