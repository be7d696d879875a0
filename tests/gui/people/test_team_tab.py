"""The Team & training tab of the People page: the roster and training records it shows (gaps and
expiry in colour), the lead assigning a role and adding a training record through the dialogs,
a bad date shown under its field, and read-only for staff."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialogButtonBox

from branchguard.context import AppContext
from branchguard.core.kernel.types import Actor
from branchguard.core.team.types import Expiry
from branchguard.gui.kit import style
from branchguard.gui.people.page import PeoplePage
from branchguard.gui.people.team import TeamTab
from branchguard.gui.people.team_dialogs import AssignDialog, TrainingDialog
from branchguard.gui.people.team_models import TeamRolesModel, TrainingModel
from branchguard.gui.shell.session import GuiSession

PASSWORDS = {"lead": "lead-demo-2026", "staff": "staff-demo-2026"}
TODAY = date.today()


@pytest.fixture
def make_tab(world: AppContext, qtbot: Any) -> Callable[[str], TeamTab]:
    pages: list[PeoplePage] = []  # held here: qtbot keeps only a weak reference

    def _make(username: str = "lead") -> TeamTab:
        session = GuiSession(world, world.services.auth.login(username, PASSWORDS[username]))
        page = PeoplePage(session)
        qtbot.addWidget(page)
        pages.append(page)
        page.resize(1100, 700)
        page.show()
        page.tabs.setCurrentIndex(2)  # builds the tab, which reads through its Loader
        tab = page.team_tab
        qtbot.waitUntil(lambda: tab.roles_model.rowCount() > 0)
        return tab

    return _make


def system(ctx: AppContext) -> Actor:
    return Actor.system()


def save(dialog: AssignDialog | TrainingDialog, qtbot: Any) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def row_of(model: Any, match: Callable[[Any], bool]) -> int:
    row = model.find_row(match)
    assert row >= 0
    return int(row)


def test_the_tab_shows_roles_with_holders_and_gaps_and_training_in_colour(
    make_tab: Callable[[str], TeamTab],
) -> None:
    tab = make_tab("lead")
    roles = tab.roles_model
    fire = row_of(roles, lambda r: r.code == "firefighting_team")
    assert roles.index(fire, TeamRolesModel.COL_HOLDER).data() == "周强"
    assert roles.index(fire, TeamRolesModel.COL_BACKUP).data() == "刘洋"
    assert roles.index(fire, TeamRolesModel.COL_GAPS).data() == "✓"
    aid = row_of(roles, lambda r: r.code == "first_aid_team")
    assert roles.index(aid, TeamRolesModel.COL_GAPS).data() == "holder absent"
    assert roles.index(aid, TeamRolesModel.COL_GAPS).data(Qt.ItemDataRole.ForegroundRole) == QColor(
        style.ERROR
    )
    training = tab.training_model
    expiring = row_of(training, lambda r: r.expiry is Expiry.EXPIRING)
    expired = row_of(training, lambda r: r.expiry is Expiry.EXPIRED)
    status = TrainingModel.COL_STATUS
    assert training.index(expiring, status).data(Qt.ItemDataRole.ForegroundRole) == QColor(style.WARNING)
    assert training.index(expired, status).data(Qt.ItemDataRole.ForegroundRole) == QColor(style.ERROR)
    assert training.index(expired, status).data() == "expired"
    tab.expiring.setChecked(True)
    assert {r.expiry for r in training.rows()} == {Expiry.EXPIRING, Expiry.EXPIRED}
    assert tab.training_count.text() == "2 records shown"


def test_the_lead_assigns_a_role_through_the_dialog(
    make_tab: Callable[[str], TeamTab], world: AppContext, qtbot: Any
) -> None:
    tab = make_tab("lead")
    tab._select(tab.roles_table, row_of(tab.roles_model, lambda r: r.code == "firefighting_team"))
    tab.assign()
    dialog = tab.dialog
    assert isinstance(dialog, AssignDialog)
    assert dialog.role.currentData() == "firefighting_team" and dialog.holder.currentText() == "周强"
    dialog.holder.setCurrentIndex(dialog.holder.findText("刘洋"))
    dialog.backup.setCurrentIndex(dialog.backup.findText("刘洋"))
    save(dialog, qtbot)  # the backup cannot be the holder: said under the backup, nothing written
    assert dialog.isVisible() and "cannot back up their own role" in dialog.form.error_text("backup")
    dialog.backup.setCurrentIndex(dialog.backup.findText("张伟"))
    save(dialog, qtbot)
    assert tab.dialog is None
    fire = next(r for r in world.services.team.roles(system(world)) if r.code == "firefighting_team")
    assert (fire.holder.name, fire.backup.name) == ("刘洋", "张伟")  # type: ignore[union-attr]
    qtbot.waitUntil(
        lambda: (
            tab.roles_model.index(
                row_of(tab.roles_model, lambda r: r.code == "firefighting_team"), TeamRolesModel.COL_HOLDER
            ).data()
            == "刘洋"
        )
    )


def test_the_lead_adds_a_training_record_and_a_bad_date_is_named(
    make_tab: Callable[[str], TeamTab], world: AppContext, qtbot: Any
) -> None:
    tab = make_tab("lead")
    before = len(tab.training_model.rows())
    tab.add_training()
    dialog = tab.dialog
    assert isinstance(dialog, TrainingDialog)
    dialog.person.setCurrentIndex(dialog.person.findText("郑浩"))
    dialog.kind.setCurrentIndex(dialog.kind.findData("first_aid_aed"))
    dialog.trained_on.setDate(QDate(TODAY.year, TODAY.month, TODAY.day))
    past = TODAY - timedelta(days=3)
    dialog.expires_on.setDate(QDate(past.year, past.month, past.day))
    save(dialog, qtbot)
    assert dialog.isVisible() and "is not after the training date" in dialog.form.error_text("expires_on")
    soon = TODAY + timedelta(days=12)
    dialog.expires_on.setDate(QDate(soon.year, soon.month, soon.day))
    dialog.certificate.setText("HS-2026-1")
    save(dialog, qtbot)
    assert tab.dialog is None
    qtbot.waitUntil(lambda: len(tab.training_model.rows()) == before + 1)
    added = next(r for r in tab.training_model.rows() if r.certificate == "HS-2026-1")
    assert (added.person, added.kind, added.expires_on, added.expiry) == (
        "郑浩",
        "first_aid_aed",
        soon,
        Expiry.EXPIRING,
    )


def test_staff_see_the_roster_without_the_controls(make_tab: Callable[[str], TeamTab]) -> None:
    tab = make_tab("staff")
    assert tab.roles_model.rowCount() > 0 and tab.training_model.rowCount() > 0
    assert not any(b.isVisible() for b in (tab.assign_button, tab.add_button, tab.edit_button))
    tab.assign()
    tab.add_training()
    assert tab.dialog is None


def test_each_button_asks_the_action_its_service_asks(
    make_tab: Callable[[str], TeamTab], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The training buttons showed by `team.assign`, while the service asks `training.add` and
    `training.update`: equal today, but a change of one row of the role table would have split the
    window from the service."""
    tab = make_tab("staff")
    allowed = {"training.add"}  # a role table in which staff may add training, nothing else here
    monkeypatch.setattr("branchguard.gui.people.team.may", lambda _actor, action: action in allowed)
    tab.apply_role()
    shown = {b.objectName(): not b.isHidden() for b in (tab.assign_button, tab.add_button, tab.edit_button)}
    assert shown == {"team_assign_button": False, "training_add_button": True, "training_edit_button": False}
