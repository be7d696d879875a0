"""Every table model of the GUI passes Qt's QAbstractItemModelTester through fills and resets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QModelRoleData, QSortFilterProxyModel, Qt
from PySide6.QtGui import QIcon
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QTableView

from branchguard.context import AppContext
from branchguard.core.kernel.types import Actor
from branchguard.core.people.types import BranchRole, PersonInput
from branchguard.gui.audit.models import AuditDiffModel, AuditModel
from branchguard.gui.kit.rows import ITEM_ROLE, SORT_ROLE
from branchguard.gui.people.models import ContactsModel, PeopleModel
from branchguard.gui.settings.users_model import UsersModel

# Warning mode: a broken contract becomes a Qt warning, which pytest-qt turns into a failure
# (qt_log_level_fail = WARNING) instead of aborting the whole test process.
MODE = QAbstractItemModelTester.FailureReportingMode.Warning
ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.AccessibleTextRole,
]


def lead(ctx: AppContext) -> Actor:
    info = ctx.services.auth.user_by_name("lead")
    assert info is not None
    return Actor(info.id, info.username, info.role)


def make_audit_rows(ctx: AppContext) -> list[Any]:
    actor = lead(ctx)
    person = ctx.services.people.add_person(actor, PersonInput("钱多多", BranchRole.TELLER, "13901010099"))
    edited = PersonInput("钱多多", BranchRole.SECURITY_GUARD, "13901010099", on_duty=False)
    ctx.services.people.update_person(actor, person.id, edited)
    ctx.services.people.remove_person(actor, person.id)
    return ctx.services.audit.list(actor)


def make_diff_rows(ctx: AppContext) -> list[Any]:
    from branchguard.gui.audit.models import field_changes

    changes: list[Any] = []
    for record in make_audit_rows(ctx):
        changes.extend(field_changes(record))
    return changes


CASES: dict[str, tuple[Callable[[], Any], Callable[[AppContext], list[Any]]]] = {
    "people": (PeopleModel, lambda ctx: ctx.services.people.list_people(lead(ctx))),
    "contacts": (ContactsModel, lambda ctx: ctx.services.people.list_contacts(lead(ctx))),
    "audit": (AuditModel, make_audit_rows),
    "audit_diff": (AuditDiffModel, make_diff_rows),
    "users": (UsersModel, lambda ctx: ctx.services.auth.list_users(lead(ctx))),
}


def read_everything(model: QAbstractItemModel) -> int:
    """Ask every cell for every role a view asks for; returns how many cells have text."""
    filled = 0
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in ROLES:
                model.data(index, role)
            filled += bool(model.data(index, Qt.ItemDataRole.DisplayRole))
    for column in range(model.columnCount()):
        assert model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    return filled


@pytest.mark.parametrize("name", list(CASES))
def test_model_keeps_the_item_model_contract(name: str, gui_ctx: AppContext, qtbot: Any) -> None:
    factory, rows_of = CASES[name]
    model = factory()
    tester = QAbstractItemModelTester(model, MODE)
    rows = rows_of(gui_ctx)
    assert len(rows) >= 3
    model.set_rows(rows)
    assert model.rowCount() == len(rows) and model.columnCount() >= 3
    assert read_everything(model) >= len(rows)
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no children
    model.set_rows(rows[:1])
    assert model.rowCount() == 1
    model.set_rows([])
    assert model.rowCount() == 0 and model.data(model.index(0, 0)) is None
    model.set_rows(rows)
    assert model.rowCount() == len(rows)
    del tester


def comparable(value: Any) -> Any:
    return ("icon", value.cacheKey()) if isinstance(value, QIcon) else value  # QIcon has no ==


@pytest.mark.parametrize("name", list(CASES))
def test_one_call_per_cell_answers_as_data_does(name: str, gui_ctx: AppContext, qtbot: Any) -> None:
    """multiData (what a view's paint calls, once per cell) gives what data() gives, role by role."""
    factory, rows_of = CASES[name]
    model = factory()
    model.set_rows(rows_of(gui_ctx))
    answered = 0
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in [*ROLES, SORT_ROLE]:
                asked = QModelRoleData(int(role))
                model.multiData(index, asked)
                assert comparable(asked.data()) == comparable(index.data(role)), (row, column, role)
                answered += asked.data() is not None
    assert answered >= model.rowCount() * model.columnCount()  # at least the display texts
    view = QTableView()
    view.setModel(model)
    assert not view.grab().isNull()  # a real paint, through QModelRoleDataSpan


@pytest.mark.parametrize("name", ["people", "contacts", "audit", "audit_diff"])
def test_model_sorts_through_a_proxy(name: str, gui_ctx: AppContext, qtbot: Any) -> None:
    factory, rows_of = CASES[name]
    model = factory()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    testers = [QAbstractItemModelTester(model, MODE), QAbstractItemModelTester(proxy, MODE)]
    model.set_rows(rows_of(gui_ctx))
    for column in range(model.columnCount()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            proxy.sort(column, order)
            keys = [proxy.index(row, column).data(SORT_ROLE) for row in range(proxy.rowCount())]
            assert len(keys) == model.rowCount()
    # Every row still maps back to its own item.
    items = {id(proxy.index(row, 0).data(ITEM_ROLE)) for row in range(proxy.rowCount())}
    assert len(items) == model.rowCount()
    model.set_rows([])
    assert proxy.rowCount() == 0
    del testers


def test_invalid_indexes_and_headers_answer_nothing() -> None:
    model = PeopleModel()
    tester = QAbstractItemModelTester(model, MODE)
    assert model.data(QModelIndex()) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(99, Qt.Orientation.Horizontal) is None
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
    del tester


def test_headers_follow_a_language_switch(app: Any) -> None:
    from branchguard.gui.kit import translation

    model = PeopleModel()
    english = model.headerData(PeopleModel.COL_NAME, Qt.Orientation.Horizontal)
    try:
        translation.install("zh_CN")
        chinese = model.headerData(PeopleModel.COL_NAME, Qt.Orientation.Horizontal)
    finally:
        translation.install("en")
    assert english == "Name" and chinese == "姓名"
    assert model.headerData(PeopleModel.COL_NAME, Qt.Orientation.Horizontal) == "Name"
