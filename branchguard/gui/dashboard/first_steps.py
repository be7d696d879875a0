"""The dashboard's first steps on a new branch: what the safety lead has not set up yet (the staff
roster, the staff's and the auditor's accounts, the checklists' schedules, the year's drills), each
with where it is done. A new branch's dashboard was a grid of zeros that said none of it. Read off
the GUI thread; said to the lead only, and no more once every step is done."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QLabel, QWidget

from branchguard.core.drills.types import DrillStatus
from branchguard.core.kernel.roles import may
from branchguard.core.kernel.types import Actor
from branchguard.core.services import Services
from branchguard.gui.kit.loader import Loader
from branchguard.gui.shell.session import GuiSession


@dataclass(frozen=True)
class Setup:
    """Which first steps are done."""

    staff: bool
    accounts: bool
    schedules: bool
    drills: bool

    def done(self) -> bool:
        return self.staff and self.accounts and self.schedules and self.drills


def read_setup(services: Services, actor: Actor) -> Setup:
    drills = services.drills
    return Setup(
        staff=bool(services.people.list_people(actor)),
        accounts=len(services.auth.list_users(actor)) > 1,  # the lead's own is there from the start
        schedules=bool(services.inspections.schedules(actor)),
        drills=any(drills.list(actor, s) for s in DrillStatus if s is not DrillStatus.CANCELLED),
    )


class FirstSteps(QLabel):
    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard_first_steps")
        self.setProperty("role", "warning")
        self.setWordWrap(True)
        self.hide()
        self.session = session
        self.setup: Setup | None = None
        self.loader = Loader(self, on_error=lambda _message: None)  # the dashboard says a failed read

    def may_set_up(self) -> bool:
        return may(self.session.actor, "user.list") and may(self.session.actor, "drill.plan")

    def refresh(self) -> None:
        if not self.may_set_up() or (self.setup is not None and self.setup.done()):
            self.show_setup(self.setup)
            return
        services, actor = self.session.services, self.session.actor
        self.loader.run(lambda: read_setup(services, actor), self.show_setup)

    def show_setup(self, setup: Setup | None) -> None:
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
