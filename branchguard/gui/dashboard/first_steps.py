"""The dashboard's first steps on a new branch: what the safety lead has not set up yet (the staff
roster, the staff's and the auditor's accounts, the checklists' schedules, the year's drills), each
with where it is done. A new branch's dashboard was a grid of zeros that said none of it. Read with
the dashboard's own data (core/dashboard/service.py, `first_steps`); said to the lead only, and no
more read once every step is done."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from branchguard.core.dashboard.types import FirstSteps as Steps
from branchguard.core.kernel.roles import may
from branchguard.gui.shell.session import GuiSession


class FirstSteps(QLabel):
    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard_first_steps")
        self.setProperty("role", "warning")
        self.setWordWrap(True)
        self.hide()
        self.session = session
        self.setup: Steps | None = None

    def may_set_up(self) -> bool:
        return may(self.session.actor, "user.list") and may(self.session.actor, "drill.plan")

    def wanted(self) -> bool:
        """Whether the dashboard's next read should ask (the lead's, until every step is taken)."""
        return self.may_set_up() and not (self.setup is not None and self.setup.done())

    def show_setup(self, setup: Steps | None) -> None:
        self.setup = setup
        if setup is None or setup.done() or not self.may_set_up():
            self.hide()
            return
        steps = [
            (setup.staff, self.tr("Enter the branch's staff and emergency contacts (People & contacts).")),
            (
                setup.accounts,
                self.tr("Add user accounts for the staff and the auditor (Settings → User accounts)."),
            ),
            (
                setup.schedules,
                self.tr(
                    "Schedule the checklists: the daily fire patrol, the weekly and monthly checks "
                    "(Inspections → Schedule…)."
                ),
            ),
            (
                setup.drills,
                self.tr("Plan the year's drills against the compliance rules (Drills → Plan drill…)."),
            ),
        ]
        lines = [self.tr("First steps for this branch:")] + ["○ " + text for done, text in steps if not done]
        self.setText("\n".join(lines))
        self.show()

    def retranslate(self) -> None:
        self.show_setup(self.setup)
