"""Two PCs on one training record: PC1 opens Edit, PC2 corrects the certificate number, PC1 types a
note and presses Save. Found: saved without a word, PC2's certificate number put back. Now nothing
is saved, the dialog says the record changed elsewhere and shows it as it is now; the note typed
again on that is saved beside PC2's number. The same for a role's holder and backup."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from branchguard.context import AppContext, open_context
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.types import Actor
from branchguard.core.team import rules
from branchguard.gui.people.page import PeoplePage
from branchguard.gui.people.team_dialogs import AssignDialog, TrainingDialog
from branchguard.gui.shell.session import GuiSession


def team_page(world: AppContext, qtbot: Any) -> PeoplePage:
    """The People page on its Team tab, read; held by the test (qtbot keeps a weak reference)."""
    session = GuiSession(world, world.services.auth.login("lead", "lead-demo-2026"))
    page = PeoplePage(session)
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentIndex(2)
    tab = page.team_tab
    qtbot.waitUntil(lambda: tab.training_model.rowCount() > 0 and tab.roles_model.rowCount() > 0)
    return page


def on_pc2(data_dir: Path, change: Any) -> None:
    """`change` made through another context on the same database: another PC."""
    pc2 = open_context(data_dir)
    try:
        change(pc2)
    finally:
        pc2.close()


def test_a_correction_over_another_pcs_change_is_refused_and_shows_the_record_afresh(
    world: AppContext, records_data_dir: Path, qtbot: Any
) -> None:
    page = team_page(world, qtbot)
    tab = page.team_tab
    tab._select(tab.training_table, 0)
    record = tab.selected_record()
    assert record is not None
    tab.edit_training()
    pc1 = tab.dialog
    assert isinstance(pc1, TrainingDialog) and pc1.certificate.text() == record.certificate

    change = replace(rules.as_edited(record), certificate="PC2-0001")
    on_pc2(records_data_dir, lambda pc2: pc2.services.team.update_training(Actor.system(), record.id, change))

    pc1.notes.setPlainText("PC1 的备注")
    save = pc1.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    said = Message("error.changed_elsewhere", record=Message("team.training_record", id=record.id)).text()
    assert pc1.isVisible() and pc1.general_error.text() == said
    stored = world.services.team.training(Actor.system(), record.id)
    assert (stored.certificate, stored.notes) == ("PC2-0001", record.notes)  # nothing saved
    assert pc1.collect() == rules.as_edited(stored)  # the form shows the record as it is now

    pc1.notes.setPlainText("PC1 的备注")  # made again on what is current: saved
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert tab.dialog is None
    stored = world.services.team.training(Actor.system(), record.id)
    assert (stored.certificate, stored.notes) == ("PC2-0001", "PC1 的备注")


def test_an_assignment_over_another_pcs_change_is_refused_and_shows_the_role_afresh(
    world: AppContext, records_data_dir: Path, qtbot: Any
) -> None:
    page = team_page(world, qtbot)
    tab = page.team_tab
    fire_code = "firefighting_team"
    fire = tab.roles_model.find_row(lambda r: r.code == fire_code)
    tab._select(tab.roles_table, fire)
    tab.assign()
    pc1 = tab.dialog
    assert isinstance(pc1, AssignDialog) and pc1.holder.currentText() == "周强"
    team = world.services.team
    ids = {p.name: p.id for p in team.people(Actor.system())}
    on_pc2(  # PC2 names a new holder
        records_data_dir,
        lambda pc2: pc2.services.team.assign(Actor.system(), "firefighting_team", ids["郑浩"], ids["刘洋"]),
    )
    pc1.backup.setCurrentIndex(pc1.backup.findText("张伟"))  # PC1 changes only the backup
    save = pc1.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    roles = {r.code: r.name for r in team.roles(Actor.system())}
    said = Message("error.changed_elsewhere", record=Message("team.role_record", role=roles[fire_code]))
    assert pc1.isVisible() and pc1.general_error.text() == said.text()
    assert (pc1.holder.currentText(), pc1.backup.currentText()) == ("郑浩", "刘洋")  # as it is now
    pc1.backup.setCurrentIndex(pc1.backup.findText("张伟"))
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert tab.dialog is None
    now = next(r for r in team.roles(Actor.system()) if r.code == "firefighting_team")
    assert (now.holder.name, now.backup.name) == ("郑浩", "张伟")  # type: ignore[union-attr]


def test_on_29_february_the_expiry_offered_is_28_february_three_years_on(
    gui_ctx: Any, qtbot: Any, monkeypatch: Any
) -> None:
    """It offered the training day itself, which saving then refused (not after the training)."""
    from datetime import date

    from branchguard.gui.people import team_dialogs

    class LeapDay(date):
        @classmethod
        def today(cls) -> LeapDay:
            return cls(2028, 2, 29)

    monkeypatch.setattr(team_dialogs, "date", LeapDay)
    team = gui_ctx.services.team
    dialog = TrainingDialog(lambda data, _opened: data, team.kinds(), team.people(Actor.system()))  # type: ignore[arg-type,return-value]
    qtbot.addWidget(dialog)
    assert dialog.trained_on.date().toPython() == date(2028, 2, 29)
    assert dialog.expires_on.date().toPython() == date(2031, 2, 28)
