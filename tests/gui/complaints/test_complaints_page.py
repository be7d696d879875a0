"""The Complaints page: the register with its countdown (overdue rows red, identifiers masked),
the open/overdue filters, the selected complaint's steps, in both languages."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from branchguard.context import AppContext
from branchguard.core.complaints.types import ComplaintInput, StepInput
from branchguard.db.base import utcnow
from branchguard.gui.complaints.models import OVERDUE_BACKGROUND, ComplaintListModel
from branchguard.gui.complaints.page import ComplaintsPage
from tests.gui.incidents.incident_support import login, read_every_cell


@pytest.fixture
def complaints(gui_ctx: AppContext) -> dict[str, int]:
    svc, lead = gui_ctx.services.complaints, login(gui_ctx, "lead")

    def add(days: float, name: str, text: str) -> int:
        data = ComplaintInput(
            channel="counter",
            received_at=utcnow() - timedelta(days=days),
            customer_name=name,
            customer_phone="13800138000",
            category="attitude",
            request=text,
        )
        return svc.register(lead, data).info.id

    made = {"late": add(20, "张三丰", "柜员态度生硬"), "fresh": add(1, "李四", "排队太久")}
    made["done"] = add(3, "赵敏", "短信收费")
    svc.step(lead, made["done"], StepInput("investigate", "调阅录像"))
    svc.withdraw(lead, made["done"])
    return made


def page_of(open_window: Any, username: str = "lead") -> ComplaintsPage:
    page = open_window(username).show_page("complaints")
    assert isinstance(page, ComplaintsPage)
    return page


def test_the_register_shows_the_countdown_overdue_first_and_masked(open_window, complaints) -> None:
    page = page_of(open_window)
    model = page.model
    read_every_cell(model)
    ids = [model.row_at(r).id for r in range(model.rowCount())]
    assert ids == [complaints["late"], complaints["fresh"]]  # open only; the overdue one first
    late = model.index(0, ComplaintListModel.COL_DUE)
    assert "Overdue" in late.data() and late.data(Qt.ItemDataRole.BackgroundRole) == OVERDUE_BACKGROUND
    assert "day" in model.index(1, ComplaintListModel.COL_DUE).data()
    assert model.index(0, ComplaintListModel.COL_CUSTOMER).data() == "张**"
    assert "2 complaints shown" in page.count_label.text() and "1 overdue" in page.count_label.text()

    page.overdue_only.setChecked(True)
    assert [model.row_at(r).id for r in range(model.rowCount())] == [complaints["late"]]
    page.overdue_only.setChecked(False)
    page.open_only.setChecked(False)
    assert model.rowCount() == 3


def test_selecting_a_complaint_shows_its_steps(open_window, complaints) -> None:
    page = page_of(open_window)
    page.open_only.setChecked(False)
    row = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).id == complaints["done"])
    page.table.selectRow(row)
    text = page.detail.toPlainText()
    assert "Investigation" in text and "调阅录像" in text and "Withdrawn" in text


@pytest.mark.parametrize("lang", ["zh_CN"])
def test_the_page_speaks_chinese(open_window, complaints, lang: str) -> None:
    page = page_of(open_window, "auditor")  # auditors read the register too
    assert page.heading.text() == "客户投诉"
    assert page.model.headerData(ComplaintListModel.COL_DUE, Qt.Orientation.Horizontal) == "处理期限"
    assert "已逾期" in page.model.index(0, ComplaintListModel.COL_DUE).data()
