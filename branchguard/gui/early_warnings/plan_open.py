"""The question when a warning would start the natural-disaster plan while its real incident is
open (one emergency, one log): the warning joins that incident (the default: logged there, its
level raised only when the warning's is higher), start another anyway (a second, separate
event), or neither. The start dialog's question
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
APPLY = already_open.OPEN_IT  # the default: the warning joins the open incident


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
        if recorded:
            hint = self.tr(
                "Warning #%1 is recorded; nothing was started. Log it in that incident, which takes "
                "its level only when higher. Start another only for a second, separate event."
            ).replace("%1", str(warning.id))
        else:
            hint = self.tr(
                "Log this warning in that incident, which takes its level only when higher. Start "
                "another only for a second, separate event."
            )
        if warning.level.above(found.warning_level):  # joining raises it: say so on the button
            label = self.tr("Raise incident #%1 to %2").replace("%1", str(found.id))
            label = label.replace("%2", warning.level.label)
        else:  # a milder or equal warning never lowers it: it is logged there
            label = self.tr("Log it in incident #%1").replace("%1", str(found.id))
        named = f"{found.playbook_code or ''} {found.title}"  # code and title, as F9 and the runner

        def finished(answer: str) -> None:
            self.deleteLater()
            answered(answer)

        self.box = already_open.question(parent, refused, named, label, finished, hint)

    def ask(self) -> None:
        self.box.open()
