"""Audit page: newest events first in local time, filters, the before/after diff, who may see it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from branchguard.context import AppContext
from branchguard.core.audit.types import AuditRecord
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.roles import ROLE_TABLE
from branchguard.core.kernel.types import Actor, Role
from branchguard.core.people.types import BranchRole, PersonInput
from branchguard.gui.audit import page as audit_module
from branchguard.gui.audit.models import AuditDiffModel, AuditModel
from branchguard.gui.audit.page import AuditPage, local_day_start
from branchguard.gui.kit.page import PAGE_REGISTRY
from branchguard.gui.kit.rows import ITEM_ROLE
from branchguard.gui.people.page import PeoplePage
from branchguard.gui.shell.session import GuiSession

PASSWORDS = {"lead": "lead-demo-2026", "auditor": "auditor-demo-2026"}


@pytest.fixture
def make_session(gui_ctx: AppContext) -> Callable[[str], GuiSession]:
    return lambda username: GuiSession(gui_ctx, gui_ctx.services.auth.login(username, PASSWORDS[username]))


@pytest.fixture
def session(make_session: Callable[[str], GuiSession]) -> GuiSession:
    return make_session("lead")


@pytest.fixture
def make_page(qtbot: Any) -> Callable[[GuiSession], AuditPage]:
    def _make(session: GuiSession) -> AuditPage:
        page = AuditPage(session)
        qtbot.addWidget(page)
        page.resize(1100, 760)
        page.show()  # showing refreshes
        return page

    return _make


def shown(page: AuditPage) -> list[AuditRecord]:
    """The events in the order the table shows them."""
    return [page.proxy.index(row, 0).data(ITEM_ROLE) for row in range(page.proxy.rowCount())]


def cell(page: AuditPage, row: int, column: int) -> str:
    return page.proxy.index(row, column).data()


def add_person(session: GuiSession, name: str = "钱多多") -> int:
    person = session.services.people.add_person(
        session.actor, PersonInput(name, BranchRole.TELLER, "13901010099", on_duty=True)
    )
    return person.id


def diff_rows(page: AuditPage) -> dict[str, tuple[str, str, bool]]:
    model = page.diff_model
    rows = {}
    for row in range(model.rowCount()):
        field = model.index(row, AuditDiffModel.COL_FIELD).data()
        before = model.index(row, AuditDiffModel.COL_BEFORE).data()
        after = model.index(row, AuditDiffModel.COL_AFTER).data()
        background = model.index(row, AuditDiffModel.COL_AFTER).data(Qt.ItemDataRole.BackgroundRole)
        highlighted = background is not None
        rows[field] = (before, after, highlighted)
    return rows


def test_audit_page_is_for_the_lead_and_the_auditor_only(open_window: Callable[[str], Any]) -> None:
    info = AuditPage.info()
    assert info in PAGE_REGISTRY and info.order == 90 and info.icon_name == "audit"
    assert info.action == "page.audit.view"
    assert ROLE_TABLE[info.action] == frozenset({Role.LEAD, Role.AUDITOR})
    window = open_window("staff")
    assert info not in window.visible_pages()
    assert window.show_page("audit") is None


def test_newest_first_with_translated_actions_and_full_local_times(
    session: GuiSession, make_page: Callable[[GuiSession], AuditPage]
) -> None:
    person_id = add_person(session)
    page = make_page(session)
    records = session.services.audit.list(session.actor)
    assert page.proxy.rowCount() == len(records) >= 6
    events = shown(page)
    assert [(e.at, e.id) for e in events] == sorted(((e.at, e.id) for e in events), reverse=True)
    assert events[0].action == "person.create"
    assert cell(page, 0, AuditModel.COL_ACTION) == "add staff"  # the catalogue's action.person.create
    assert cell(page, 0, AuditModel.COL_USER) == "lead"
    assert cell(page, 0, AuditModel.COL_ENTITY) == "Staff member"
    assert cell(page, 0, AuditModel.COL_ID) == str(person_id)
    assert "钱多多" in cell(page, 0, AuditModel.COL_SUMMARY)
    assert cell(page, 0, AuditModel.COL_TIME) == events[0].at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert page.count_label.text() == f"{len(records)} events shown"


def test_the_columns_are_headed_as_audit_list_heads_them(
    session: GuiSession, make_page: Callable[[GuiSession], AuditPage]
) -> None:
    """The window's "Entity" was `audit list`'s and the export's "Record"."""
    page = make_page(session)
    keys = ("at", "actor", "action", "entity", "id", "summary")
    shown = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    assert shown == [t(f"audit.column.{key}") for key in keys]


def test_times_are_shown_in_local_time(
    shanghai_time: None, session: GuiSession, make_page: Callable[[GuiSession], AuditPage]
) -> None:
    page = make_page(session)
    event = shown(page)[0]
    expected = event.at.astimezone(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m-%d %H:%M:%S")
    assert cell(page, 0, AuditModel.COL_TIME) == expected


def test_local_dates_become_utc_bounds(shanghai_time: None) -> None:
    assert local_day_start(QDate(2026, 11, 29)) == datetime(2026, 11, 28, 16, 0, tzinfo=UTC)


def test_selecting_an_add_shows_its_after_values(
    session: GuiSession, make_page: Callable[[GuiSession], AuditPage]
) -> None:
    add_person(session)
    page = make_page(session)
    assert page.diff_model.rowCount() == 0
    assert page.detail_title.text() == "Select an event to see what it changed."
    page.table.selectRow(0)
    rows = diff_rows(page)
    assert rows["Name"] == ("", "钱多多", True)
    assert rows["Post"] == ("", "Teller", True)
    assert rows["Mobile"] == ("", "13901010099", True)
    assert rows["On duty"] == ("", "Yes", True)
    assert page.detail_title.text().startswith("add staff by lead at ")


def test_an_edit_highlights_only_the_changed_fields(
    session: GuiSession, make_page: Callable[[GuiSession], AuditPage]
) -> None:
    person_id = add_person(session)
    edited = PersonInput("钱多多", BranchRole.LOBBY_MANAGER, "13901010099", on_duty=False)
    session.services.people.update_person(session.actor, person_id, edited)
    page = make_page(session)
    assert shown(page)[0].action == "person.update"
    page.table.selectRow(0)
    rows = diff_rows(page)
    assert rows["Name"] == ("钱多多", "钱多多", False)
    assert rows["Mobile"] == ("13901010099", "13901010099", False)
    assert rows["Post"] == ("Teller", "Lobby manager", True)
    assert rows["On duty"] == ("Yes", "No", True)


def test_filters_narrow_the_list(session: GuiSession, make_page: Callable[[GuiSession], AuditPage]) -> None:
    add_person(session, "钱多多")
    add_person(session, "孔乙己")
    page = make_page(session)
    total = page.proxy.rowCount()
    users = [page.user_filter.itemData(i) for i in range(page.user_filter.count())]
    assert users == [None, "lead", "system"]
    page.user_filter.setCurrentIndex(users.index("system"))
    assert {e.actor for e in shown(page)} == {"system"} and 0 < page.proxy.rowCount() < total
    page.user_filter.setCurrentIndex(0)

    categories = {
        page.category_filter.itemData(i): page.category_filter.itemText(i)
        for i in range(page.category_filter.count())
    }
    assert {"person", "user", "demo"} <= set(categories)
    assert categories["person"] == "Staff roster"
    # every kind of change by name: hazard, training, exchange… were listed as their raw keys
    from branchguard.core.kernel.roles import ROLE_TABLE

    for category in {action.split(".")[0] for action in ROLE_TABLE} - {"audit", "dashboard", "page"}:
        assert page.category_text(category) != category, category
    page.category_filter.setCurrentIndex(page.category_filter.findData("person"))
    assert [e.action for e in shown(page)] == ["person.create", "person.create"]
    page.category_filter.setCurrentIndex(0)

    page.search.setText("孔乙己")
    page.reload()  # what the debounce timer does once typing stops
    assert len(shown(page)) == 1 and "孔乙己" in shown(page)[0].summary
    page.search.clear()
    page.reload()
    assert page.proxy.rowCount() == total

    today = QDate.currentDate()
    page.date_check.setChecked(True)
    page.date_from.setDate(today.addDays(-1))
    page.date_to.setDate(today)
    assert page.proxy.rowCount() == total
    page.date_from.setDate(today.addDays(1))
    page.date_to.setDate(today.addDays(2))
    assert page.proxy.rowCount() == 0 and page.count_label.text() == "0 events shown"
    page.date_check.setChecked(False)
    assert page.proxy.rowCount() == total


def test_refresh_picks_up_new_events_and_keeps_the_selection(
    session: GuiSession, make_page: Callable[[GuiSession], AuditPage], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(session)
    before = page.proxy.rowCount()
    page.table.selectRow(0)
    selected = page.selected()
    assert selected is not None
    add_person(session)
    assert page.proxy.rowCount() == before
    page.refresh_button.click()
    assert page.proxy.rowCount() == before + 1
    assert shown(page)[0].action == "person.create"
    assert page.selected() == selected  # still the event the reader was looking at
    # Coming back to the page reloads it.
    monkeypatch.setattr(audit_module, "STALE_AFTER_S", 0.0)
    page.hide()
    add_person(session, "孔乙己")
    page.show()
    assert page.proxy.rowCount() == before + 2


def test_an_add_made_on_the_people_page_appears_with_its_values(
    session: GuiSession, make_page: Callable[[GuiSession], AuditPage], qtbot: Any
) -> None:
    people = PeoplePage(session)
    qtbot.addWidget(people)
    people.show()
    people.refresh()
    people.staff_tab.add()
    dialog = people.staff_tab.dialog
    assert dialog is not None
    dialog.name.setText("钱多多")
    dialog.mobile.setText("13901010099")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible()
    page = make_page(session)
    page.table.selectRow(0)
    assert shown(page)[0].action == "person.create" and shown(page)[0].actor == "lead"
    assert diff_rows(page)["Name"] == ("", "钱多多", True)


def test_the_auditor_reads_the_trail(
    make_session: Callable[[str], GuiSession], make_page: Callable[[GuiSession], AuditPage]
) -> None:
    session = make_session("auditor")
    page = make_page(session)
    assert shown(page)[0].action == "user.login" and shown(page)[0].actor == "auditor"


def test_a_reader_who_lost_the_right_gets_a_message_not_a_crash(
    gui_ctx: AppContext, make_page: Callable[[GuiSession], AuditPage]
) -> None:
    staff = gui_ctx.services.auth.user_by_name("staff")
    assert staff is not None
    page = make_page(GuiSession(gui_ctx, Actor(staff.id, "staff", Role.STAFF)))
    assert page.proxy.rowCount() == 0
    assert "staff" in page.count_label.text()


def test_scrolling_reaches_every_event_a_page_at_a_time(
    session: GuiSession, make_page: Callable[[GuiSession], AuditPage], qtbot: Any
) -> None:
    from branchguard.core.audit.service import PAGE
    from branchguard.db.base import utcnow
    from branchguard.db.models.foundation import AuditEventRow

    now = utcnow()
    with session.ctx.sessions.begin() as s:
        s.add_all(
            AuditEventRow(
                at=now, actor="lead", action="user.login", entity="user", entity_id=str(i), summary=""
            )
            for i in range(2 * PAGE + 30)
        )
    total = len(session.services.audit.list(session.actor, audit_module.AuditFilter(limit=100_000)))
    page = make_page(session)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    assert page.model.rowCount() == PAGE  # the first screen, not the whole trail
    assert "scroll" in page.count_label.text()
    while page.model.rowCount() < total:
        before = page.model.rowCount()
        page.table.scrollToBottom()
        qtbot.waitUntil(lambda before=before: page.model.rowCount() > before)
    assert sorted(r.id for r in page.model.rows()) == sorted(
        r.id for r in session.services.audit.list(session.actor, audit_module.AuditFilter(limit=100_000))
    )
    assert page.count_label.text() == f"{total} events shown"
    # a filter starts again from its own first page
    page.user_filter.setCurrentIndex(page.user_filter.findData("lead"))
    qtbot.waitUntil(lambda: page.model.rowCount() == PAGE)
    assert {r.actor for r in page.model.rows()} == {"lead"}


def test_a_downgrade_reads_in_chinese_with_no_raw_codes(qapp) -> None:
    """Issue #17: the Chinese audit page showed `schedule.add` and `major → general`."""
    from datetime import UTC, datetime

    from branchguard.core.audit.types import AuditRecord
    from branchguard.core.kernel.i18n import set_language
    from branchguard.gui.audit.models import AuditDiffModel, AuditModel

    before, after = {"severity": "major"}, {"severity": "general"}
    at = datetime(2026, 12, 5, tzinfo=UTC)
    downgrade = "severity: major → general"
    added = {"title": "消防检查"}
    events = [
        AuditRecord(2, at, "lead", "hazard.update", "hazard", "7", downgrade, before, after),
        AuditRecord(1, at, "lead", "schedule.add", "schedule", "3", "title=消防检查", {}, added),
    ]
    set_language("zh_CN")
    model = AuditModel()
    model.set_page(events, more=False)
    columns = (AuditModel.COL_ACTION, AuditModel.COL_ENTITY, AuditModel.COL_SUMMARY)
    shown = [model.index(r, c).data() for r in range(2) for c in columns]
    for raw in ("schedule.add", "hazard.update", "major", "general", "severity", "hazard", "schedule"):
        assert not any(raw in text for text in shown), (raw, shown)
    diff = AuditDiffModel()
    diff.set_record(events[0])
    assert [diff.index(0, c).data() for c in range(3)] == ["隐患等级", "重大隐患", "一般隐患"]
