"""People & contacts page: what the roster shows, filters, add/edit/remove dialogs, roles, the card."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDir, QModelIndex, Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from branchguard.context import AppContext
from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.roles import ROLE_TABLE
from branchguard.core.kernel.types import Actor
from branchguard.core.people.types import BranchRole, ContactKind
from branchguard.gui.kit.page import PAGE_REGISTRY
from branchguard.gui.kit.plain import literal, tip
from branchguard.gui.people.dialogs import ContactDialog, PersonDialog
from branchguard.gui.people.models import ContactsModel, PeopleModel
from branchguard.gui.people.page import PeoplePage
from branchguard.gui.people.tabs import ContactsTab, StaffTab
from branchguard.gui.shell.session import GuiSession
from branchguard.reports.fonts import FontChoice

PASSWORDS = {"lead": "lead-demo-2026", "staff": "staff-demo-2026", "auditor": "auditor-demo-2026"}


@pytest.fixture
def make_page(gui_ctx: AppContext, qtbot: Any) -> Callable[[str], PeoplePage]:
    def _make(username: str = "lead") -> PeoplePage:
        session = GuiSession(gui_ctx, gui_ctx.services.auth.login(username, PASSWORDS[username]))
        page = PeoplePage(session)
        qtbot.addWidget(page)
        page.resize(1100, 700)
        page.show()
        page.refresh()
        return page

    return _make


@pytest.fixture
def page(make_page: Callable[[str], PeoplePage]) -> PeoplePage:
    return make_page("lead")


def names(tab: StaffTab | ContactsTab) -> list[str]:
    return [item.name for item in tab.model.rows()]


def shown(tab: StaffTab | ContactsTab, column: int) -> list[str]:
    """The texts of one column in the order the (sorted) table shows them."""
    return [tab.proxy.index(row, column).data() for row in range(tab.proxy.rowCount())]


def select(tab: StaffTab | ContactsTab, name: str) -> None:
    row = tab.model.find_row(lambda item: item.name == name)
    assert row >= 0, name
    tab.table.selectRow(tab.proxy.mapFromSource(tab.model.index(row, 0)).row())
    assert tab.selected() is not None and tab.selected().name == name


def save(dialog: PersonDialog | ContactDialog, qtbot: Any) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def people_in_db(ctx: AppContext) -> dict[str, Any]:
    # System actor: logging in would itself write an audit event.
    return {p.name: p for p in ctx.services.people.list_people(Actor.system())}


# -- what is shown -------------------------------------------------------------------------------
def test_page_is_registered_for_every_role_first_in_the_sidebar() -> None:
    info = PeoplePage.info()
    assert info in PAGE_REGISTRY and info.load() is PeoplePage
    assert info.page_id == "people" and info.order == 10
    assert {role.value for role in ROLE_TABLE[info.action]} == {"lead", "staff", "auditor"}


def test_contacts_tab_is_built_when_first_shown_with_data_and_role(
    make_page: Callable[[str], PeoplePage], gui_ctx: AppContext
) -> None:
    for username, editable in (("lead", True), ("staff", False)):
        page = make_page(username)
        assert page.findChild(ContactsTab) is None  # the start builds only the roster
        page.tabs.setCurrentIndex(1)
        tab = page.findChild(ContactsTab)
        assert tab is not None and tab is page.contacts_tab and tab.isVisible()
        assert len(names(tab)) == 10 and tab.count_label.text().startswith("10 ")
        assert tab.add_button.isVisibleTo(page) is editable
        page.tabs.setCurrentIndex(0)
        page.tabs.setCurrentIndex(1)
        assert page.findChildren(ContactsTab) == [tab]  # built once


def test_roster_and_contacts_show_what_the_database_holds(page: PeoplePage, gui_ctx: AppContext) -> None:
    actor = page.session.actor
    people = gui_ctx.services.people.list_people(actor)
    contacts = gui_ctx.services.people.list_contacts(actor)
    assert len(people) == 9 and len(contacts) == 10
    assert names(page.staff_tab) == [p.name for p in people]
    assert names(page.contacts_tab) == [c.name for c in contacts]
    assert page.staff_tab.count_label.text() == "9 staff members shown"
    # Off duty is a dash with a spoken tooltip, on duty a check mark; posts by their label.
    model = page.staff_tab.model
    row = model.find_row(lambda p: p.name == "孙丽")
    assert model.index(row, PeopleModel.COL_ON_DUTY).data() == "—"
    assert model.index(row, PeopleModel.COL_ON_DUTY).data(Qt.ItemDataRole.ToolTipRole) == "Off duty"
    assert model.index(row, PeopleModel.COL_POST).data() == "Teller"
    assert model.index(row, PeopleModel.COL_NOTES).data() == "休假至下周一"
    head = model.find_row(lambda p: p.name == "王建国")
    assert model.index(head, PeopleModel.COL_ON_DUTY).data() == "✓"
    assert model.index(head, PeopleModel.COL_PHONE).data() == "010-63210001"
    assert QFontInfo(model.index(head, PeopleModel.COL_PHONE).data(Qt.ItemDataRole.FontRole)).fixedPitch()
    contacts_model = page.contacts_tab.model
    police = contacts_model.find_row(lambda c: c.phone == "110")
    assert contacts_model.index(police, ContactsModel.COL_BUILTIN).data() == "Built-in"
    mine = contacts_model.find_row(lambda c: c.phone == "95598")
    assert contacts_model.index(mine, ContactsModel.COL_BUILTIN).data() == ""


def test_sorting_by_post_follows_the_roster_order_not_the_alphabet(page: PeoplePage) -> None:
    tab = page.staff_tab
    tab.table.sortByColumn(PeopleModel.COL_POST, Qt.SortOrder.AscendingOrder)
    posts = shown(tab, PeopleModel.COL_POST)
    assert posts[0] == BranchRole.BRANCH_HEAD.label and posts[-1] == BranchRole.IT_LIAISON.label
    tab.table.sortByColumn(PeopleModel.COL_NAME, Qt.SortOrder.DescendingOrder)
    assert shown(tab, PeopleModel.COL_NAME) == sorted(names(tab), reverse=True)


# -- search and filters --------------------------------------------------------------------------
def test_search_box_narrows_the_roster_after_typing_stops(page: PeoplePage, qtbot: Any) -> None:
    tab = page.staff_tab
    qtbot.keyClicks(tab.search, "1390101000")
    assert tab.model.rowCount() == 9  # debounced: no query per keystroke
    qtbot.keyClicks(tab.search, "4")
    qtbot.waitUntil(lambda: names(tab) == ["张伟"])
    assert tab.count_label.text() == "1 staff member shown"
    tab.search.clear()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 9)
    tab.search.insert("王建")  # QTest types ASCII only; insert() is what an input method does
    qtbot.waitUntil(lambda: names(tab) == ["王建国"])


def test_post_and_duty_filters_narrow_the_roster(page: PeoplePage) -> None:
    tab = page.staff_tab
    tab.post_filter.setCurrentIndex(tab.post_filter.findData(BranchRole.TELLER.value))
    assert sorted(names(tab)) == sorted(["张伟", "刘洋", "孙丽"])
    tab.duty_filter.setCurrentIndex(tab.duty_filter.findData(False))
    assert names(tab) == ["孙丽"]
    tab.post_filter.setCurrentIndex(0)
    assert sorted(names(tab)) == sorted(["孙丽", "吴刚"])
    tab.duty_filter.setCurrentIndex(tab.duty_filter.findData(True))
    assert tab.model.rowCount() == 7 and "孙丽" not in names(tab)


def test_contact_type_filter_and_search(page: PeoplePage, qtbot: Any) -> None:
    tab = page.contacts_tab
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData(ContactKind.SUPERIOR_SECURITY.value))
    assert sorted(names(tab)) == sorted(["分行安全保卫部值班室", "分行安全保卫部"])
    tab.kind_filter.setCurrentIndex(0)
    qtbot.keyClicks(tab.search, "119")
    qtbot.waitUntil(lambda: [c.phone for c in tab.model.rows()] == ["119"])


# -- add -----------------------------------------------------------------------------------------
def test_add_a_person_through_the_dialog(page: PeoplePage, gui_ctx: AppContext, qtbot: Any) -> None:
    tab = page.staff_tab
    tab.add_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, PersonDialog) and dialog.isVisible()
    dialog.name.insert("钱多多")
    dialog.post.setCurrentIndex(dialog.post.findData(BranchRole.SECURITY_GUARD.value))
    qtbot.keyClicks(dialog.mobile, "139 0101 0099")
    dialog.on_duty.setChecked(False)
    with qtbot.waitSignal(page.session.data_changed) as changed:
        save(dialog, qtbot)
    assert changed.args == ["person"]
    assert not dialog.isVisible() and tab.dialog is None
    stored = people_in_db(gui_ctx)["钱多多"]
    assert stored.branch_role is BranchRole.SECURITY_GUARD
    assert stored.mobile == "13901010099" and stored.on_duty is False
    assert "钱多多" in names(tab)
    assert tab.selected() is not None and tab.selected().id == stored.id


@pytest.mark.parametrize(
    ("field", "typed", "expected"),
    [
        ("name", "   ", t("validation.required", lang="en")),
        ("mobile", "12345abc", t("validation.mobile", lang="en", value="12345abc")),
        ("mobile", "1234567", t("validation.mobile", lang="en", value="1234567")),
        ("phone", "0000", t("validation.phone", lang="en", value="0000")),
    ],
)
def test_bad_input_keeps_the_dialog_open_and_writes_nothing(
    page: PeoplePage, gui_ctx: AppContext, qtbot: Any, field: str, typed: str, expected: str
) -> None:
    before_people = people_in_db(gui_ctx)
    before_audit = len(gui_ctx.services.audit.list(page.session.actor))
    tab = page.staff_tab
    tab.add()
    dialog = tab.dialog
    assert isinstance(dialog, PersonDialog)
    dialog.name.setText("钱多多")
    getattr(dialog, field).setText(typed)
    with qtbot.assertNotEmitted(page.session.data_changed):
        save(dialog, qtbot)
    assert dialog.isVisible() and tab.dialog is dialog
    assert dialog.form.error_text(field) == expected
    assert dialog.focusWidget() is getattr(dialog, field)
    assert not [k for k in ("name", "mobile", "phone") if k != field and dialog.form.error_text(k)]
    assert people_in_db(gui_ctx).keys() == before_people.keys()
    assert len(gui_ctx.services.audit.list(page.session.actor)) == before_audit
    # Fixing the field and saving again goes through, and the old message disappears.
    getattr(dialog, field).setText("钱多多" if field == "name" else "13901010098")
    save(dialog, qtbot)
    assert not dialog.isVisible()
    assert "钱多多" in people_in_db(gui_ctx)


def test_insert_key_opens_the_add_dialog_and_escape_cancels(page: PeoplePage, qtbot: Any) -> None:
    tab = page.staff_tab
    page.activateWindow()
    qtbot.waitActive(page)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Insert)
    dialog = tab.dialog
    assert isinstance(dialog, PersonDialog) and dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and tab.dialog is None
    assert tab.model.rowCount() == 9


def test_keys_typed_in_the_search_box_stay_there(
    page: PeoplePage, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args: asked.append(args[2]) or QMessageBox.StandardButton.No
    )
    tab = page.staff_tab
    select(tab, "张伟")
    page.activateWindow()
    qtbot.waitActive(page)
    page.print_button.setFocus()  # focus outside the tab: the page's keys still work
    qtbot.keyClick(page.print_button, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.search.hasFocus()
    qtbot.keyClicks(tab.search, "139")
    qtbot.keyClick(tab.search, Qt.Key.Key_Home)
    qtbot.keyClick(tab.search, Qt.Key.Key_Delete)
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    assert tab.search.text() == "39"
    assert asked == [] and tab.dialog is None  # neither a removal nor an edit
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert asked == [literal("Remove 张伟 from the staff roster?")]
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)  # Enter on a row edits it
    assert isinstance(tab.dialog, PersonDialog) and tab.dialog.name.text() == "张伟"
    tab.dialog.reject()


# -- edit and remove -----------------------------------------------------------------------------
def test_edit_the_selected_person_with_f2(page: PeoplePage, gui_ctx: AppContext, qtbot: Any) -> None:
    tab = page.staff_tab
    select(tab, "张伟")
    page.activateWindow()
    qtbot.waitActive(page)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_F2)
    dialog = tab.dialog
    assert isinstance(dialog, PersonDialog)
    assert dialog.name.text() == "张伟" and dialog.mobile.text() == "13901010004"
    dialog.phone.setText("010 6321 0004")
    dialog.notes.setPlainText("夜班\n周末轮休")
    save(dialog, qtbot)
    stored = people_in_db(gui_ctx)["张伟"]
    assert stored.phone == "010-63210004" and stored.notes == "夜班\n周末轮休"
    row = tab.model.find_row(lambda p: p.name == "张伟")
    assert tab.model.index(row, PeopleModel.COL_PHONE).data() == "010-63210004"
    assert tab.model.index(row, PeopleModel.COL_NOTES).data() == "夜班"  # first line; tooltip has all
    tooltip = tab.model.index(row, PeopleModel.COL_NOTES).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == tip("夜班\n周末轮休")


def test_double_click_opens_the_edit_dialog(page: PeoplePage, qtbot: Any) -> None:
    tab = page.staff_tab
    row = tab.proxy.mapFromSource(tab.model.index(tab.model.find_row(lambda p: p.name == "赵敏"), 0)).row()
    centre = tab.table.visualRect(tab.proxy.index(row, PeopleModel.COL_NAME)).center()
    # A real double click: press, release, then the double-click press and its release.
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseRelease(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert isinstance(tab.dialog, PersonDialog) and tab.dialog.name.text() == "赵敏"
    tab.dialog.reject()


def test_remove_asks_naming_the_person_and_no_keeps_them(
    page: PeoplePage, gui_ctx: AppContext, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    tab = page.staff_tab
    select(tab, "吴刚")
    tab.remove_button.click()
    assert asked == [literal("Remove 吴刚 from the staff roster?")]
    assert "吴刚" in people_in_db(gui_ctx) and "吴刚" in names(tab)
    answer[0] = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(page.session.data_changed):
        tab.remove_action.trigger()
    assert "吴刚" not in people_in_db(gui_ctx) and "吴刚" not in names(tab)
    assert tab.selected() is None and not tab.remove_button.isEnabled()


def test_builtin_110_cannot_be_removed(
    page: PeoplePage, gui_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = page.contacts_tab
    police = next(c for c in tab.model.rows() if c.phone == "110")
    select(tab, police.name)
    assert not tab.remove_button.isEnabled() and not tab.remove_action.isEnabled()
    assert tab.edit_button.isEnabled()
    select(tab, "城东供电所")
    assert tab.remove_button.isEnabled()
    # Were the button reachable anyway, the service's refusal is shown and nothing changes.
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _title, text, *_a: warnings.append(text))
    monkeypatch.setattr(ContactsTab, "can_remove", lambda _self, _item: True)
    select(tab, police.name)
    tab.remove()
    assert len(warnings) == 1 and "110" in warnings[0]
    phones = [c.phone for c in gui_ctx.services.people.list_contacts(page.session.actor)]
    assert "110" in phones


def test_builtin_contact_keeps_its_number_but_can_be_renamed(
    page: PeoplePage, gui_ctx: AppContext, qtbot: Any
) -> None:
    tab = page.contacts_tab
    police = next(c for c in tab.model.rows() if c.phone == "110")
    select(tab, police.name)
    tab.edit()
    dialog = tab.dialog
    assert isinstance(dialog, ContactDialog)
    assert dialog.phone.isReadOnly() and not dialog.kind.isEnabled() and not dialog.hint.isHidden()
    dialog.name.setText("辖区派出所报警")
    dialog.alt_phone.setText("010-63219110")
    save(dialog, qtbot)
    stored = next(c for c in gui_ctx.services.people.list_contacts(page.session.actor) if c.id == police.id)
    assert stored.name == "辖区派出所报警" and stored.phone == "110" and stored.alt_phone == "010-63219110"


def test_add_a_contact_and_a_missing_number_is_refused(
    page: PeoplePage, gui_ctx: AppContext, qtbot: Any
) -> None:
    tab = page.contacts_tab
    tab.add()
    dialog = tab.dialog
    assert isinstance(dialog, ContactDialog) and not dialog.phone.isReadOnly()
    dialog.name.setText("城东派出所")
    dialog.kind.setCurrentIndex(dialog.kind.findData(ContactKind.POLICE.value))
    save(dialog, qtbot)
    assert dialog.isVisible() and dialog.form.error_text("phone") == t("validation.required", lang="en")
    dialog.phone.setText("010-63211234")
    save(dialog, qtbot)
    assert not dialog.isVisible()
    added = [c for c in gui_ctx.services.people.list_contacts(page.session.actor) if c.name == "城东派出所"]
    assert len(added) == 1 and added[0].kind is ContactKind.POLICE and not added[0].builtin
    assert "城东派出所" in names(tab)


# -- roles ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("username", ["staff", "auditor"])
def test_read_only_roles_see_the_data_but_no_edit_controls(
    make_page: Callable[[str], PeoplePage], username: str, qtbot: Any
) -> None:
    page = make_page(username)
    for tab in (page.staff_tab, page.contacts_tab):
        assert tab.model.rowCount() > 0
        for button in (tab.add_button, tab.edit_button, tab.remove_button):
            assert button.isHidden()
        for action in (tab.add_action, tab.edit_action, tab.remove_action):
            assert not action.isEnabled() and action.shortcuts() == []
        tab.table.selectRow(0)
        tab.table.activated.emit(tab.table.currentIndex())
        tab.add()
        assert tab.dialog is None
    assert page.print_button.isVisible()


def test_switching_to_the_lead_brings_the_controls(
    make_page: Callable[[str], PeoplePage], gui_ctx: AppContext
) -> None:
    page = make_page("staff")
    assert page.staff_tab.add_button.isHidden()
    page.session.set_actor(gui_ctx.services.auth.login("lead", PASSWORDS["lead"]))
    assert not page.staff_tab.add_button.isHidden()
    assert page.staff_tab.add_action.isEnabled()
    assert [k.toString() for k in page.staff_tab.add_action.shortcuts()] == ["Ins"]


# -- contact card --------------------------------------------------------------------------------
def test_the_contact_card_opens_in_the_preview_and_saves_as_pdf(
    page: PeoplePage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out" / "card"
    target.parent.mkdir()
    offered: list[str] = []

    def save_name(_parent: Any, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        offered.append(suggested)
        return str(target), "PDF files (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    page.print_button.click()
    preview = page.card_preview
    assert preview is not None and preview.page_count == 1  # one page, to pin up
    assert preview.windowTitle() == "Contact card"
    preview.save_button.click()
    pdf = target.with_name("card.pdf")
    assert pdf.is_file() and pdf.stat().st_size > 1000
    assert pdf.read_bytes().startswith(b"%PDF")
    assert Path(offered[0]).name == "contact-card.pdf"
    assert Path(offered[0]).parent != Path(QDir.rootPath())
    assert str(pdf) in preview.message.text()
    preview.close()


def test_a_font_fallback_is_said_and_a_failure_is_shown(page: PeoplePage) -> None:
    from branchguard.reports import contact_card

    warning = "No Chinese TrueType font was found; using STSong-Light, which is not embedded."
    real = contact_card.build_contact_card

    def fell_back(services: Any, actor: Any, out: Path, setting: str = "", note: Any = None) -> FontChoice:
        real(services, actor, out, setting, note)
        return FontChoice("STSong-Light", "STSong-Light", None, embedded=False, warning=warning)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(contact_card, "build_contact_card", fell_back)
        preview = page.print_card()
    assert preview.page_count == 1 and warning in preview.message.text()
    preview.close()

    def broken_card(*_args: Any) -> FontChoice:
        raise BranchGuardError("the folder is read-only")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(contact_card, "build_contact_card", broken_card)
        failed = page.print_card()
    assert failed.page_count == 0 and "the folder is read-only" in failed.busy_label.text()
    assert not failed.save_button.isEnabled() and page.print_button.isEnabled()
    failed.close()


@pytest.mark.parametrize("lang", ["zh_CN"])
def test_chinese_window_suggests_a_chinese_file_name(
    page: PeoplePage, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    offered: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda _p, _t, name, _f: offered.append(name) or ("", "")
    )
    page.print_button.click()
    assert page.card_preview is not None
    page.card_preview.save_button.click()
    assert Path(offered[0]).name == "应急联络卡.pdf"
    assert page.card_preview.last_saved is None  # cancelled: nothing written
    page.card_preview.close()
    assert page.staff_tab.model.index(0, PeopleModel.COL_POST).data() == "网点负责人"


def test_models_answer_nothing_for_invalid_indexes(page: PeoplePage) -> None:
    model = page.staff_tab.model
    assert model.data(QModelIndex()) is None
    assert model.rowCount(model.index(0, 0)) == 0


def test_a_long_roster_sizes_its_columns_from_a_sample_and_shows_everyone(
    gui_ctx: AppContext, make_page: Callable[[str], PeoplePage], qtbot: Any
) -> None:
    from branchguard.db.models.foundation import PersonRow
    from branchguard.gui.kit.rows import SIZE_SAMPLE_ROWS

    with gui_ctx.sessions.begin() as s:
        s.add_all(
            PersonRow(name=f"员工{n:03d}", branch_role="teller", mobile=f"1390000{n:04d}") for n in range(300)
        )
    page = make_page("lead")
    tab = page.staff_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() == 309)
    header = tab.table.horizontalHeader()
    assert header.resizeContentsPrecision() == SIZE_SAMPLE_ROWS  # measured on a sample, not 309 rows
    assert header.sectionSize(PeopleModel.COL_NAME) >= 90
    tab.table.scrollToBottom()
    assert tab.proxy.rowCount() == 309 and tab.count_label.text() == "309 staff members shown"
