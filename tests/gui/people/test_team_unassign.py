"""Unassigning a role on the Team tab (found: the tab could only assign, so the holder of a role a
plan's new version dropped could never leave the staff list, and the role showed as its raw code):
the role listed under its plan name marked as no longer in an approved plan, the lead's Unassign
asking first, a role changed on another PC refused and read again, and no Unassign for staff."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from branchguard.context import AppContext
from branchguard.core.kernel.types import Actor
from branchguard.gui.people.team import TeamTab
from branchguard.gui.people.team_dialogs import AssignDialog
from branchguard.gui.people.team_models import TeamRolesModel
from tests.gui.people import test_team_tab
from tests.gui.people.test_team_tab import row_of
from tests.team_support import FORMER_ROLE, held_former_role

make_tab = test_team_tab.make_tab  # the Team tab on the demo branch, as the lead or staff


def answering(monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> list[str]:
    """QMessageBox.question answers `answer`; the questions asked."""
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def select(tab: TeamTab, code: str) -> None:
    tab._select(tab.roles_table, row_of(tab.roles_model, lambda r: r.code == code))


def lead_of(world: AppContext) -> Actor:
    return world.services.auth.login("lead", "lead-demo-2026")


def test_the_lead_unassigns_a_former_role_after_confirming_and_its_holder_is_free(
    make_tab: Callable[[str], TeamTab], world: AppContext, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    lead = lead_of(world)
    person = held_former_role(world, lead)
    tab = make_tab("lead")
    row = row_of(tab.roles_model, lambda r: r.code == FORMER_ROLE)
    shown = tab.roles_model.index(row, TeamRolesModel.COL_ROLE).data()
    assert shown == "Designated officer (no longer in an approved plan)"
    assert "still held" in tab.roles_hint.text()
    assert tab.unassign_button.isVisible() and not tab.unassign_button.isEnabled()  # nothing chosen
    select(tab, FORMER_ROLE)
    assert tab.unassign_button.isEnabled()
    tab.assign()  # the assign dialog names it the same way
    assert isinstance(tab.dialog, AssignDialog) and tab.dialog.role.currentText() == shown
    tab.dialog.reject()
    asked = answering(monkeypatch, QMessageBox.StandardButton.No)
    tab.unassign_button.click()
    assert len(asked) == 1 and "钱七" in asked[0] and shown in asked[0]
    assert any(r.code == FORMER_ROLE for r in world.services.team.roles(lead))  # said no: kept
    answering(monkeypatch, QMessageBox.StandardButton.Yes)
    tab.unassign_button.click()
    qtbot.waitUntil(lambda: tab.roles_model.find_row(lambda r: r.code == FORMER_ROLE) < 0)
    world.services.people.remove_person(lead, person)  # no role holds them any more


def test_unassigning_a_role_another_pc_changed_is_refused_and_read_again(
    make_tab: Callable[[str], TeamTab], world: AppContext, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    lead = lead_of(world)
    tab = make_tab("lead")
    select(tab, "firefighting_team")
    other = world.services.team.person_named(lead, "张伟", "field.person").id
    world.services.team.assign(lead, "firefighting_team", other)  # another PC names 张伟
    answering(monkeypatch, QMessageBox.StandardButton.Yes)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warned.append(text))
    tab.unassign()
    assert len(warned) == 1 and "changed" in warned[0]
    fire = next(r for r in world.services.team.roles(lead) if r.code == "firefighting_team")
    assert fire.holder is not None and fire.holder.name == "张伟"  # nothing written
    qtbot.waitUntil(
        lambda: (
            tab.roles_model.index(
                row_of(tab.roles_model, lambda r: r.code == "firefighting_team"), TeamRolesModel.COL_HOLDER
            ).data()
            == "张伟"
        )
    )


def test_staff_have_no_unassign(make_tab: Callable[[str], TeamTab], monkeypatch: pytest.MonkeyPatch) -> None:
    tab = make_tab("staff")
    select(tab, "firefighting_team")
    asked = answering(monkeypatch, QMessageBox.StandardButton.Yes)
    assert not tab.unassign_button.isVisible()
    tab.unassign()
    assert asked == []
