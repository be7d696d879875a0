"""Two PCs on one staff member and one contact: PC1 opens Edit, PC2 changes the mobile (empties the
alternative phone), PC1 types a note and presses Save. Found: saved without a word, the old number
back on the emergency call list. Now nothing is saved, the dialog says the record changed elsewhere
and shows it as it is now; a Save made again on that keeps PC2's number."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from branchguard.context import AppContext, open_context
from branchguard.core.kernel.i18n import Message
from branchguard.core.people.types import ContactInput, ContactKind, PersonInput
from branchguard.gui.people.dialogs import ContactDialog, PersonDialog, RecordDialog
from branchguard.gui.people.page import PeoplePage
from branchguard.gui.people.tabs import ContactsTab, StaffTab
from tests.gui.incidents.incident_support import login, session_for


def on_pc2(data_dir: Path, change: Callable[[AppContext], object]) -> None:
    """`change` made through another context on the same database: another PC."""
    pc2 = open_context(data_dir)
    try:
        change(pc2)
    finally:
        pc2.close()


def open_edit(tab: StaffTab | ContactsTab, name: str) -> Any:
    row = tab.model.find_row(lambda item: item.name == name)
    tab.select_id(tab.model.rows()[row].id)
    tab.edit()
    return tab.dialog


def save(dialog: RecordDialog[Any, Any], qtbot: Any) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def refused_as_stale(dialog: RecordDialog[Any, Any], record: Message) -> bool:
    """Still open, saying the record changed elsewhere and nothing was saved."""
    said = Message("error.changed_elsewhere", record=record).text()
    return dialog.isVisible() and not dialog.general_error.isHidden() and dialog.general_error.text() == said


def test_a_save_over_another_pcs_change_is_refused_and_shows_the_record_afresh(
    gui_ctx: AppContext, fresh_data_dir: Path, qtbot: Any
) -> None:
    page = PeoplePage(session_for(gui_ctx, "lead"))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    people, lead = gui_ctx.services.people, login(gui_ctx, "lead")

    pc1 = open_edit(page.staff_tab, "王建国")
    assert isinstance(pc1, PersonDialog) and pc1.mobile.text() == "13901010001"
    wang = pc1.opened
    assert wang is not None
    on_pc2(
        fresh_data_dir,
        lambda pc2: pc2.services.people.update_person(
            login(pc2, "lead"), wang.id, PersonInput(wang.name, wang.branch_role, "13912345678", wang.phone)
        ),
    )
    pc1.notes.setPlainText("PC1 的备注")
    save(pc1, qtbot)
    assert refused_as_stale(pc1, Message("person.record", name="王建国"))
    stored = people.get_person(lead, wang.id)
    assert (stored.mobile, stored.notes) == ("13912345678", wang.notes)
    assert pc1.mobile.text() == "13912345678" and pc1.notes.toPlainText() == wang.notes  # as it is now
    pc1.notes.setPlainText("PC1 的备注")  # made again on what is current: saved
    save(pc1, qtbot)
    assert not pc1.isVisible()
    stored = people.get_person(lead, wang.id)
    assert (stored.mobile, stored.notes) == ("13912345678", "PC1 的备注")

    added = people.add_contact(
        lead, ContactInput("押运公司", ContactKind.CASH_IN_TRANSIT, "01063210000", "13901010123")
    )
    tab = page.contacts_tab
    tab.reload()
    pc1 = open_edit(tab, "押运公司")
    assert isinstance(pc1, ContactDialog) and pc1.alt_phone.text() == "13901010123"
    on_pc2(
        fresh_data_dir,
        lambda pc2: pc2.services.people.update_contact(
            login(pc2, "lead"), added.id, ContactInput("押运公司", added.kind, added.phone)
        ),
    )
    pc1.notes.setPlainText("24小时值班")
    save(pc1, qtbot)
    assert refused_as_stale(pc1, Message("contact.record", name="押运公司")) and pc1.alt_phone.text() == ""
    assert people.get_contact(lead, added.id).alt_phone == ""
    pc1.reject()  # given up: the list shows the contact as it is now
    assert tab.dialog is None
    row = tab.model.find_row(lambda c: c.id == added.id)
    assert tab.model.rows()[row].alt_phone == ""
