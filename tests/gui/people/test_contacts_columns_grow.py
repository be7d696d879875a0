"""A contact added after the list was first shown is not cut off: the columns, sized once from the
first rows (a new branch's: the built-in 110, 119, 120 and 96110), widen for a longer name, type or
phone; at 1024×768 a branch's duty phone 010-63210000 showed as "010-632100…"."""

from __future__ import annotations

from typing import Any

from branchguard.context import AppContext
from branchguard.core.people.types import ContactInput, ContactKind
from tests.gui.conftest import PASSWORDS
from tests.gui.empty_support import page_of


def _cut(tab: Any) -> list[int]:
    """The columns (the stretched last one aside) narrower than their values, up to the cap."""
    header, most = tab.table.horizontalHeader(), 320
    return [
        c
        for c in range(tab.model.columnCount() - 1)
        if header.sectionSize(c) < min(tab.table.sizeHintForColumn(c), most)
    ]


def test_a_contact_added_later_widens_its_columns(gui_ctx: AppContext, qtbot: Any) -> None:
    page = page_of(gui_ctx, "lead", "people", qtbot)
    page.tabs.setCurrentIndex(1)
    tab = page.contacts_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0 and tab._sized)
    assert _cut(tab) == []
    lead = gui_ctx.services.auth.login("lead", PASSWORDS["lead"])
    name = "城东支行上级行安全保卫部夜间值班室"
    duty = ContactInput(name, ContactKind.SUPERIOR_SECURITY, "010-63210000", "0755-88886666")
    gui_ctx.services.people.add_contact(lead, duty)
    rows = tab.model.rowCount()
    tab.reload()  # as after the add dialog
    qtbot.waitUntil(lambda: tab.model.rowCount() == rows + 1)
    assert _cut(tab) == []
