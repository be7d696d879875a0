"""The Complaints page: the register with its countdown (overdue rows red, identifiers masked),
the open/overdue filters, the selected complaint's steps, in both languages."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDateTime, Qt

from branchguard.context import AppContext
from branchguard.core.complaints.types import (
    ComplaintCause,
    ComplaintInfo,
    ComplaintInput,
    ComplaintStep,
    StepInput,
)
from branchguard.core.demo.service import DEMO_ACCOUNTS
from branchguard.db.base import utcnow
from branchguard.gui.complaints.dialogs import (
    ComplaintAssignDialog,
    ComplaintExtendDialog,
    ComplaintWithdrawDialog,
)
from branchguard.gui.complaints.models import OVERDUE_BACKGROUND, ComplaintListModel
from branchguard.gui.complaints.page import ComplaintsPage
from branchguard.gui.drills.models import ActionModel
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
    lead_name = next(d for n, _r, _p, d in DEMO_ACCOUNTS if n == "lead")
    assert f"Investigation  {lead_name}" in text  # people by their name, not their login


def test_the_detail_says_who_handles_it_why_it_was_extended_and_the_withdrawal(
    open_window, gui_ctx, complaints
) -> None:
    """The steps alone were shown: a due date moved to day 30 with no reason or approver, the handler
    and a withdrawal's note only in the printed file."""
    svc, lead = gui_ctx.services.complaints, login(gui_ctx, "lead")
    cid = complaints["fresh"]
    svc.assign(lead, cid, "李主管")
    svc.extend(lead, cid, "需调取三个月流水", notice_channel="phone")
    svc.withdraw(lead, cid, note="客户来电撤回")
    page = page_of(open_window, "auditor")
    page.open_only.setChecked(False)
    select(page, cid)
    text = page.detail.toPlainText()
    history = text[text.index("History") :]
    said = ("Handler assigned", "李主管", "需调取三个月流水", "Customer told of the extension", "撤回")
    assert [x for x in said if x not in history] == []


@pytest.mark.parametrize("lang", ["zh_CN"])
def test_the_page_speaks_chinese(open_window, complaints, lang: str) -> None:
    page = page_of(open_window, "auditor")  # auditors read the register too
    assert page.heading.text() == "客户投诉"
    assert page.model.headerData(ComplaintListModel.COL_DUE, Qt.Orientation.Horizontal) == "处理期限"
    assert "已逾期" in page.model.index(0, ComplaintListModel.COL_DUE).data()


def select(page: ComplaintsPage, complaint_id: int) -> ComplaintInfo:
    row = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).id == complaint_id)
    page.table.selectRow(row)
    item = page.selected()
    assert item is not None and item.id == complaint_id
    return item


def test_registering_every_step_an_extension_and_the_archive_from_the_window(
    open_window, gui_ctx, tmp_path
) -> None:
    page = page_of(open_window)
    dialog = page.ask_register()
    dialog.customer.setText("王五")
    dialog.phone.setText("13600001234")
    dialog.subject_person.setText("王柜员")
    dialog.representatives.setText("甲，乙，丙，丁，戊，己")
    dialog.request.setPlainText("理财产品收益与宣传不符")
    dialog.category.setCurrentIndex(dialog.category.findData("wealth"))
    dialog.accept()  # six representatives: refused next to the field
    assert dialog.result_detail is None and "at most 5" in dialog.form.error_text("complaint_representatives")
    dialog.representatives.setText("甲，乙")
    dialog.accept()
    assert dialog.result_detail is not None
    cid = dialog.result_detail.info.id
    assert page.model.rowCount() == 1 and page.model.index(0, ComplaintListModel.COL_CUSTOMER).data() == "王*"

    select(page, cid)
    assert page.step_buttons[ComplaintStep.INVESTIGATE].isEnabled()
    assert not page.step_buttons[ComplaintStep.DECIDE].isEnabled()
    assign = page._ask(ComplaintAssignDialog)
    assert isinstance(assign, ComplaintAssignDialog)
    assign.handler.setText("王柜员")
    assign.accept()
    assert "cannot handle" in assign.form.error_text("assign_handler")
    assign.handler.setText("李主管")
    assign.accept()

    still = tmp_path / "cctv.jpg"
    still.write_bytes(b"\xff\xd8 still")
    step = page.ask_step(ComplaintStep.INVESTIGATE)
    assert step is not None
    step.text.setPlainText("调阅录像")
    cut_off = tmp_path / "凭证 扫描.jpg"  # a copy from a USB stick pulled out too soon
    cut_off.write_bytes(b"")
    step.add_evidence([still, cut_off])
    step.accept()  # refused, naming the file; the step's text stays
    assert step.result_detail is None and "凭证 扫描.jpg" in step.form.error_text("step_evidence")
    assert step.files.clear_button.isVisible()
    step.files.clear_button.click()  # takes the files off without cancelling the step
    assert step.evidence == [] and step.files_label.text() == "" and not step.files.clear_button.isVisible()
    step.add_evidence([still])
    step.accept()
    assert step.result_detail is not None and [e.name for e in step.result_detail.evidence] == ["cctv.jpg"]

    select(page, cid)
    extend = page._ask(ComplaintExtendDialog)
    assert isinstance(extend, ComplaintExtendDialog)
    extend.reason.setText("需核对三个月交易流水")
    extend.accept()
    assert extend.result_detail is not None and extend.result_detail.info.extensions == 1
    select(page, cid)
    second = page._ask(ComplaintExtendDialog)
    assert isinstance(second, ComplaintExtendDialog)
    second.reason.setText("涉及总行产品部门")
    second.accept()
    assert second.result_detail is None and second.form.error_text("extend_approver")
    second.approver.setText("分行王行长")
    second.accept()
    assert second.result_detail is not None and second.result_detail.info.extensions == 2

    for kind, fill in (
        (ComplaintStep.DECIDE, lambda d: d.basis.setText("产品说明书第 5 条")),
        (ComplaintStep.REPLY, lambda d: d.response.setText("接受")),
        (ComplaintStep.ARCHIVE, _fill_archive),
    ):
        select(page, cid)
        dialog = page.ask_step(kind)
        assert dialog is not None
        dialog.text.setPlainText(f"{kind.label}完成")
        fill(dialog)
        dialog.accept()
        assert dialog.result_detail is not None, dialog.error.text()
    stored = gui_ctx.services.complaints.get(login(gui_ctx, "lead"), cid)
    assert stored.info.status.value == "archived" and stored.info.cause == ComplaintCause.LOSS
    assert [s.step for s in stored.steps] == list(ComplaintStep)
    actions = [(a.text, a.owner, a.complaint_id) for a in stored.actions]
    assert actions == [("理财销售双录抽查", "李主管", cid)]
    [(hazard_id, text)] = stored.hazards
    assert text == "理财室双录设备老化"
    lead = login(gui_ctx, "lead")
    assert gui_ctx.services.hazards.get(lead, hazard_id).info.owner == "李主管"
    listed = gui_ctx.services.incidents.list_actions(lead)
    assert [i.complaint_number for i in listed if i.action.complaint_id == cid] == [stored.info.number]
    actions = ActionModel()  # the action list names the complaint
    actions.set_rows(listed)
    row = next(r for r in range(actions.rowCount()) if actions.row_at(r).action.complaint_id == cid)
    assert stored.info.number in actions.index(row, ActionModel.COL_INCIDENT).data()


def _fill_archive(dialog) -> None:
    dialog.accept()  # no cause chosen: refused beside the field, not archived under the first cause
    assert dialog.result_detail is None and dialog.form.error_text("step_cause")
    dialog.cause.setCurrentIndex(dialog.cause.findData("loss"))
    dialog.follow_up.setPlainText("加强理财销售管理")
    assert dialog.action_table is not None
    dialog.action_table.add_row("理财销售双录抽查", "李主管")
    dialog.action_table.add_row()  # left empty: dropped
    dialog.hazards.setPlainText("理财室双录设备老化\n")


def test_staff_may_register_and_investigate_but_not_decide_or_extend(open_window, complaints) -> None:
    """What a role may never do is not shown (as on the Drills and Hazards pages), not merely
    greyed out; what it may do is enabled by the complaint's status."""
    page = page_of(open_window, "staff")
    assert page.register_button.isVisible()
    select(page, complaints["late"])
    assert page.step_buttons[ComplaintStep.INVESTIGATE].isEnabled()
    lead_only = (page.extend_button, page.assign_button, *(
        page.step_buttons[step] for step in (ComplaintStep.DECIDE, ComplaintStep.ARCHIVE)
    ))  # fmt: skip
    assert [b.objectName() for b in lead_only if b.isVisible()] == []
    assert page.withdraw_button.isVisible() and page.step_buttons[ComplaintStep.REPLY].isVisible()
    auditor = page_of(open_window, "auditor")
    select(auditor, complaints["late"])
    assert not auditor.register_button.isVisible()
    shown = [auditor.assign_button, *auditor.step_buttons.values(), auditor.extend_button]
    shown.append(auditor.withdraw_button)
    assert [b.objectName() for b in shown if b.isVisible()] == []
    lead = page_of(open_window, "lead")
    select(lead, complaints["late"])
    assert all(b.isVisible() for b in (lead.assign_button, *lead.step_buttons.values(), lead.extend_button))


def test_an_extension_decided_in_time_is_entered_days_later_from_the_window(
    open_window, gui_ctx, complaints
) -> None:
    """Received 20 days ago, its deadline passed 5 days ago, extended on paper 7 days ago: the
    dialog took no decision time and refused it as past the deadline, the complaint stayed overdue."""
    page = page_of(open_window)
    late = select(page, complaints["late"])
    dialog = page._ask(ComplaintExtendDialog)
    assert isinstance(dialog, ComplaintExtendDialog)
    dialog.reason.setText("需核对三个月交易流水")
    dialog.accept()  # decided now: after the deadline
    assert dialog.result_detail is None and late.due_date is not None
    assert late.due_date.isoformat() in dialog.form.error_text("extend_decided")
    received = QDateTime(late.received_at.astimezone().replace(tzinfo=None))
    for when, words in ((received.addSecs(-3600), "before the complaint was received"),
                        (QDateTime.currentDateTime().addDays(1), "future")):  # fmt: skip
        dialog.decided.setDateTime(when)
        dialog.accept()
        assert dialog.result_detail is None and words in dialog.form.error_text("extend_decided")
    decided = QDateTime.currentDateTime().addDays(-7)
    dialog.decided.setDateTime(decided)
    dialog.accept()
    assert dialog.result_detail is not None, dialog.error.text()
    info = dialog.result_detail.info
    assert not info.overdue and info.due_date == late.due_date + timedelta(days=15)
    select(page, complaints["fresh"])
    select(page, late.id)
    history = page.detail.toPlainText().split("History", 1)[1]
    assert f"Extension decided {decided.toString('yyyy-MM-dd HH:mm')}, entered " in history


def test_a_withdrawal_from_the_window_stops_the_clock(open_window, gui_ctx, complaints) -> None:
    page = page_of(open_window)
    select(page, complaints["late"])
    dialog = page._ask(ComplaintWithdrawDialog)
    assert isinstance(dialog, ComplaintWithdrawDialog)
    dialog.accept()
    assert dialog.result_detail is not None and not dialog.result_detail.info.overdue
    assert [page.model.row_at(r).id for r in range(page.model.rowCount())] == [complaints["fresh"]]


def test_the_file_and_the_register_open_in_the_print_preview_masked(
    open_window, complaints, tmp_path
) -> None:
    import subprocess

    page = page_of(open_window, "auditor")  # reading is enough to print
    assert not page.papers.file_action.isEnabled()  # no complaint selected yet
    assert page.papers.preview_file() is None
    page.table.selectRow(0)
    assert page.papers.file_action.isEnabled()
    page.papers.file_action.trigger()
    preview = page.papers.last
    number = page.model.row_at(0).number
    assert preview is not None and preview.page_count >= 1 and number in preview.windowTitle()
    preview.save_to(tmp_path / "file.pdf")
    text = subprocess.run(["pdftotext", str(tmp_path / "file.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert number in text and "张三丰" not in text  # the name masked, as on the page
    preview.close()

    page.papers.register_action.trigger()
    register = page.papers.last
    assert register is not None and register is not preview and register.page_count >= 1
    register.save_to(tmp_path / "register.pdf")
    text = subprocess.run(["pdftotext", str(tmp_path / "register.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    shown = [page.model.row_at(r).number for r in range(page.model.rowCount())]
    assert all(n in text for n in shown)
    register.close()


def test_the_register_as_filtered_is_saved_as_an_excel_workbook(
    open_window, complaints, tmp_path, monkeypatch
) -> None:
    """The README promises the register as PDF and Excel; only the command line wrote the .xlsx."""
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    page = page_of(open_window, "auditor")  # reading is enough to export
    target = tmp_path / "register"  # the suffix is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.papers.workbook_action.trigger()
    written = tmp_path / "register.xlsx"
    assert page.papers.task is not None and page.papers.task.done and written.exists()
    box = page.findChild(QMessageBox, "complaints_exported")
    assert box is not None and str(written) in box.text()
    sheet = load_workbook(written).worksheets[0]
    numbers = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert numbers == [page.model.row_at(r).number for r in range(page.model.rowCount())]  # as filtered
    values = {str(c) for row in sheet.iter_rows(values_only=True) for c in row if c}
    assert "张三丰" not in values  # masked, as on the page
    box.close()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert page.papers.ask_workbook() is None  # cancelled: nothing written
