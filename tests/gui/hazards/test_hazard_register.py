"""The hazard register page (filters, overdue rows, export of exactly what is shown) and the hazard
detail dialog (fields by role, steps, reopen with a reason; downgrade, verify and close are the
lead's, each confirmed with a reason or note)."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QWidget

from branchguard.context import AppContext, open_context
from branchguard.core.demo.inspections import make_overdue
from branchguard.core.hazards.types import (
    HazardDetail,
    HazardInput,
    HazardSeverity,
    HazardStatus,
    RemediationKind,
)
from branchguard.gui.hazards.detail import HazardDetailDialog
from branchguard.gui.hazards.dialogs import NewHazardDialog
from branchguard.gui.hazards.models import OVERDUE_BACKGROUND, HazardEventsModel, HazardListModel
from branchguard.gui.hazards.page import OPEN_ONLY, HazardsPage, _unbroken
from branchguard.gui.kit import tasks
from branchguard.gui.shell.session import GuiSession
from tests.gui.incidents.incident_support import login, read_every_cell, session_for

MARK = "登记簿测试"  # in every hazard made here, so a search finds exactly ours


def make(ctx: AppContext, text: str, severity: HazardSeverity, due_in_days: int, owner: str) -> HazardDetail:
    """A hazard due in `due_in_days`; a negative number: found a week before it fell due, and late."""
    lead = login(ctx, "lead")
    made = ctx.services.hazards.create(
        lead,
        HazardInput(
            description=f"{MARK} {text}",
            severity=severity,
            location="营业厅",
            owner=owner,
            due=date.today() + timedelta(days=max(due_in_days, 0)),
        ),
    )
    if due_in_days >= 0:
        return made
    return make_overdue(
        ctx.services.hazards, ctx.sessions, lead, made.info.id, found_days_ago=7 - due_in_days, fix_days=7
    )


@pytest.fixture
def hazards(gui_ctx: AppContext) -> dict[str, HazardDetail]:
    lead, staff = login(gui_ctx, "lead"), login(gui_ctx, "staff")
    made = {
        "late": make(gui_ctx, "灭火器压力不足", HazardSeverity.GENERAL, -3, "李娜"),
        "major": make(gui_ctx, "ATM卡槽疑似加装读卡器", HazardSeverity.MAJOR, 20, "王建国"),
        "fine": make(gui_ctx, "应急灯电池老化", HazardSeverity.GENERAL, 5, "李娜"),
        "closed": make(gui_ctx, "安全出口被纸箱堵塞", HazardSeverity.GENERAL, 5, "王建国"),
    }
    closed = made["closed"].info.id
    svc = gui_ctx.services.hazards
    svc.add_step(staff, closed, RemediationKind.ACTION, "已清理纸箱")
    svc.remediate(staff, closed)
    svc.verify(lead, closed, "复查合格")
    svc.close(lead, closed, "销号")
    return made


def register(open_window: Any, username: str = "lead") -> HazardsPage:
    window = open_window(username)
    page = window.show_page("hazards")
    assert isinstance(page, HazardsPage)
    page.search.setText(MARK)
    page.reload()
    return page


def ids(page: HazardsPage) -> set[int]:
    return {h.id for h in page.shown()}


def test_filters_select_and_overdue_rows_are_red_and_counted(
    open_window: Any, hazards: dict[str, HazardDetail]
) -> None:
    page = register(open_window)
    the = {name: d.info.id for name, d in hazards.items()}
    assert page.status_filter.currentData() == OPEN_ONLY
    assert ids(page) == {the["late"], the["major"], the["fine"]}  # the closed one is not open
    assert page.shown()[0].id == the["late"]  # overdue first
    shown = QTextDocument()
    shown.setHtml(page.counts.text())
    counts = shown.toRawText().replace("\u2060", "").replace("\u00a0", " ")
    assert "1 overdue" in counts and "3 hazard" in counts
    # each figure stays whole when the line wraps beside the buttons (Chinese broke "逾期 1 条"):
    # the page's own words, and Chinese ones kept whole the same way
    chinese = " · ".join(map(_unbroken, ("显示 3 条隐患", "未闭环重大隐患 1 条", "逾期 1 条")))
    for text in (shown.toRawText(), chinese):  # raw: toPlainText makes no-break spaces plain ones
        *lines, last = wrapped(text, page.counts, "显示 3 条隐患 · 未闭环")
        assert lines and last in ("1 overdue", "逾期 1 条"), (lines, last)
    late_row = page.model.find_row(lambda h: h.id == the["late"])
    fine_row = page.model.find_row(lambda h: h.id == the["fine"])
    background = Qt.ItemDataRole.BackgroundRole
    assert page.model.index(late_row, HazardListModel.COL_TITLE).data(background) == OVERDUE_BACKGROUND
    assert page.model.index(fine_row, HazardListModel.COL_TITLE).data(background) is None
    assert "Overdue" in page.model.index(late_row, HazardListModel.COL_DUE).data()
    read_every_cell(page.model)

    page.overdue_only.setChecked(True)
    assert ids(page) == {the["late"]}
    page.overdue_only.setChecked(False)
    page.severity_filter.setCurrentIndex(page.severity_filter.findData(HazardSeverity.MAJOR.value))
    assert ids(page) == {the["major"]}
    page.severity_filter.setCurrentIndex(0)
    page.owner_filter.set_name("李娜")
    page.reload()
    assert ids(page) == {the["late"], the["fine"]}
    page.owner_filter.set_name("")
    page.status_filter.setCurrentIndex(page.status_filter.findData(None))  # every status
    assert ids(page) == set(the.values())
    page.status_filter.setCurrentIndex(page.status_filter.findData(HazardStatus.CLOSED.value))
    assert ids(page) == {the["closed"]}
    page.search.setText("读卡器")
    page.status_filter.setCurrentIndex(page.status_filter.findData(None))
    assert ids(page) == {the["major"]}


def test_the_excel_export_holds_exactly_the_rows_shown(
    open_window: Any, hazards: dict[str, HazardDetail], tmp_path: Path
) -> None:
    page = register(open_window)
    page.severity_filter.setCurrentIndex(page.severity_filter.findData(HazardSeverity.GENERAL.value))
    shown = [h.number for h in page.shown()]
    assert len(shown) == 2
    done: list[tuple[Path, str, str]] = []
    out = tmp_path / "台账.xlsx"
    page.exporter.export("xlsx", page.current_filter(), out, lambda *a: done.append(a), pytest.fail)
    assert done == [(out, "", "")]  # no font warning, and the anchor was written
    sheet = load_workbook(out).worksheets[0]
    numbers = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]]
    assert sorted(numbers) == sorted(shown)


def test_the_pdf_export_runs_through_the_task_runner(
    open_window: Any, hazards: dict[str, HazardDetail], tmp_path: Path
) -> None:
    page = register(open_window)
    done: list[tuple[Path, str]] = []
    out = tmp_path / "register.pdf"
    page.exporter.export("pdf", page.current_filter(), out, lambda *a: done.append(a), pytest.fail)
    assert done and done[0][0] == out
    assert out.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    shown = page.shown()
    assert len(shown) == 3
    for hazard in shown:  # exactly the rows on screen, Chinese intact
        assert hazard.number in text
    assert hazards["closed"].info.number not in text  # filtered out on screen, so not in the file
    assert "读卡器" in text.replace("\n", "")


@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_cancel_stops_the_export_before_any_file_is_written(
    open_window: Any,
    hazards: dict[str, HazardDetail],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
) -> None:
    page = register(open_window)
    monkeypatch.setattr(tasks.TaskProgress, "cancelled", property(lambda _self: True))  # Cancel clicked
    heard: list[str] = []
    out = tmp_path / "out" / f"register.{fmt}"
    out.parent.mkdir()

    def done(*_: Any) -> None:
        heard.append("done")

    handle = page.exporter.export(fmt, page.current_filter(), out, done, heard.append)
    assert handle.done and heard == [] and page.exporter.sole.task is None
    assert list(out.parent.iterdir()) == []  # nor a temporary file


@pytest.mark.parametrize(
    ("fmt", "said"), [("xlsx", ["Hazard 3 of 3"]), ("pdf", ["Hazard 3 of 3", "Laying out page 1"])]
)
def test_the_export_says_how_far_it_is(
    open_window: Any,
    hazards: dict[str, HazardDetail],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
    said: list[str],
) -> None:
    page = register(open_window)
    reported: list[str] = []
    monkeypatch.setattr(tasks.TaskProgress, "report", lambda _self, *args: reported.append(args[2]))
    out = tmp_path / f"register.{fmt}"
    page.exporter.export(fmt, page.current_filter(), out, lambda *_: None, pytest.fail)
    assert [text for text in said if text in reported] == said and out.exists()


def test_preview_print_shows_the_register_as_filtered(
    open_window: Any, hazards: dict[str, HazardDetail], tmp_path: Path
) -> None:
    page = register(open_window)
    page.pdf_button.click()
    preview = page.register_preview
    assert preview is not None and preview.page_count >= 1
    preview.save_to(tmp_path / "register.pdf")
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "register.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert all(hazard.number in text for hazard in page.shown())
    assert hazards["closed"].info.number not in text  # the preview holds the filtered rows only
    preview.close()


def open_detail(qtbot: Any, session: GuiSession, hazard_id: int) -> HazardDetailDialog:
    dialog = HazardDetailDialog(session, hazard_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_lead_moves_the_due_date_staff_cannot_and_an_auditor_only_reads(
    gui_ctx: AppContext, qtbot: Any, hazards: dict[str, HazardDetail]
) -> None:
    hazard_id = hazards["fine"].info.id
    lead_view = open_detail(qtbot, session_for(gui_ctx, "lead"), hazard_id)
    assert lead_view.fields.due.isEnabled()
    later = date.today() + timedelta(days=12)
    lead_view.fields.due.setDate(later)
    lead_view.fields.location.setText("自助区")
    assert lead_view.save()
    stored = gui_ctx.services.hazards.get(login(gui_ctx, "lead"), hazard_id)
    assert (stored.info.due_date, stored.info.location) == (later, "自助区")
    assert any(e.kind.value == "edited" for e in stored.events)
    assert lead_view.events_model.rowCount() == len(stored.events)
    # people by display name, as the reports name them (the demo lead's login is "lead")
    by = HazardEventsModel.COL_BY
    assert {lead_view.events_model.index(r, by).data() for r in range(len(stored.events))} == {"王建国"}
    assert "by 王建国" in lead_view.state.text() and "by lead" not in lead_view.state.text()

    staff_view = open_detail(qtbot, session_for(gui_ctx, "staff"), hazard_id)
    assert not staff_view.fields.due.isEnabled()
    assert staff_view.fields.location.isEnabled() and not staff_view.save_button.isHidden()
    assert not staff_view.step_button.isHidden()
    assert staff_view.remediate_button.isVisible() and not staff_view.remediate_button.isEnabled()

    auditor_view = open_detail(qtbot, session_for(gui_ctx, "auditor"), hazard_id)
    for button in (auditor_view.save_button, auditor_view.step_button, auditor_view.remediate_button,
                   auditor_view.verify_button, auditor_view.close_button, auditor_view.reopen_button):
        assert button.isHidden()  # hidden, not merely on a tab not in front
    assert auditor_view.fields.description.isReadOnly()


def test_the_detail_says_why_its_fields_are_greyed_for_a_role_that_may_not_edit(
    gui_ctx: AppContext, qtbot: Any, hazards: dict[str, HazardDetail]
) -> None:
    """The auditor saw the fields greyed and no word of why."""
    hazard_id = hazards["fine"].info.id
    auditor_view = open_detail(qtbot, session_for(gui_ctx, "auditor"), hazard_id)
    assert not auditor_view.read_only.isHidden()
    assert auditor_view.read_only.text() == "Auditor 'auditor' may not edit hazards"
    for username in ("lead", "staff"):  # they may: nothing said
        assert open_detail(qtbot, session_for(gui_ctx, username), hazard_id).read_only.isHidden()


def test_reopening_asks_why_and_records_it(
    gui_ctx: AppContext, qtbot: Any, hazards: dict[str, HazardDetail]
) -> None:
    hazard_id = hazards["closed"].info.id
    view = open_detail(qtbot, session_for(gui_ctx, "staff"), hazard_id)
    assert view.reopen_button.isVisible() and not view.remediate_button.isVisible()
    assert view.save_button.isHidden()  # a closed hazard is not edited, it is reopened
    dialog = view.ask_reopen()
    dialog.submit()
    assert dialog.form.error_text("reason")  # empty: refused in the dialog
    dialog.reason.setText("复查发现纸箱又被堆放")
    dialog.submit()
    stored = gui_ctx.services.hazards.get(login(gui_ctx, "lead"), hazard_id)
    assert stored.info.status == HazardStatus.OPEN
    assert stored.events[-1].note == "复查发现纸箱又被堆放"
    assert view.detail is not None and view.detail.info.status == HazardStatus.OPEN
    assert not view.step_button.isHidden()


def test_the_lead_sets_the_severity_policy_that_new_hazards_follow(
    open_window: Any, gui_ctx: AppContext
) -> None:
    page = register(open_window)
    assert not page.policy_button.isHidden()
    dialog = page.ask_policy()
    assert dialog.general.fix_days.value() == 7  # DOMAIN.md's defaults
    assert dialog.major.rule().interim_hours == 24 and dialog.major.rule().report_head_office
    dialog.general.fix_days.setValue(10)
    dialog.accept()
    assert dialog.saved is not None
    made = make(gui_ctx, "新政策下的隐患", HazardSeverity.GENERAL, 0, "李娜")
    fresh = gui_ctx.services.hazards.create(
        login(gui_ctx, "lead"),
        HazardInput(description=f"{MARK} 按政策计算期限", location="营业厅", owner="李娜"),
    )
    assert (fresh.info.due_date - fresh.info.opened_at.astimezone().date()).days == 10
    assert made.info.due_date == date.today()  # a date given by hand is kept


def test_staff_do_not_see_the_policy_and_auditors_only_read_and_export(open_window: Any) -> None:
    staff = register(open_window, "staff")
    assert staff.policy_button.isHidden() and not staff.new_button.isHidden()
    auditor = register(open_window, "auditor")
    assert auditor.policy_button.isHidden() and auditor.new_button.isHidden()
    assert not auditor.pdf_button.isHidden() and not auditor.excel_button.isHidden()


def test_raising_the_severity_in_the_detail_takes_the_policy_deadline(
    gui_ctx: AppContext, qtbot: Any, hazards: dict[str, HazardDetail]
) -> None:
    hazard_id = hazards["fine"].info.id  # general, due in 5 days by hand
    view = open_detail(qtbot, session_for(gui_ctx, "staff"), hazard_id)
    assert view.fields.due_auto.isHidden()
    view.fields.severity.setCurrentIndex(view.fields.severity.findData(HazardSeverity.MAJOR.value))
    assert view.save()
    stored = gui_ctx.services.hazards.get(login(gui_ctx, "lead"), hazard_id).info
    policy = gui_ctx.services.hazards.policy(login(gui_ctx, "lead"))
    assert stored.severity == HazardSeverity.MAJOR
    assert (stored.due_date - stored.opened_at.astimezone().date()).days == policy.major.fix_days
    assert view.badge.text().strip() == HazardSeverity.MAJOR.label


def test_lowering_the_severity_is_the_leads_and_asks_why_first(
    gui_ctx: AppContext, qtbot: Any, hazards: dict[str, HazardDetail]
) -> None:
    hazard_id = hazards["major"].info.id
    general = HazardSeverity.GENERAL.value
    staff_view = open_detail(qtbot, session_for(gui_ctx, "staff"), hazard_id)
    staff_view.fields.severity.setCurrentIndex(staff_view.fields.severity.findData(general))
    assert not staff_view.save()
    assert "safety lead" in staff_view.message.text() and staff_view.confirm_dialog is None
    lead = login(gui_ctx, "lead")
    assert gui_ctx.services.hazards.get(lead, hazard_id).info.severity == HazardSeverity.MAJOR

    view = open_detail(qtbot, session_for(gui_ctx, "lead"), hazard_id)
    view.fields.severity.setCurrentIndex(view.fields.severity.findData(general))
    view.save_button.click()
    dialog = view.confirm_dialog
    assert dialog is not None and dialog.objectName() == "hazard_downgrade_dialog" and dialog.isVisible()
    question = dialog.intro.text()
    assert HazardSeverity.MAJOR.label in question and HazardSeverity.GENERAL.label in question
    assert gui_ctx.services.hazards.get(lead, hazard_id).info.severity == HazardSeverity.MAJOR  # asked first
    dialog.submit()
    assert dialog.form.error_text("reason")  # a reason is needed
    dialog.reason.setText("复核后认定为一般隐患")
    dialog.submit()
    stored = gui_ctx.services.hazards.get(lead, hazard_id)
    assert stored.info.severity == HazardSeverity.GENERAL and stored.events[-1].note == "复核后认定为一般隐患"


def test_verifying_and_closing_are_the_leads_each_with_a_note(
    gui_ctx: AppContext, qtbot: Any, hazards: dict[str, HazardDetail]
) -> None:
    hazard_id = hazards["fine"].info.id
    svc, staff, lead = gui_ctx.services.hazards, login(gui_ctx, "staff"), login(gui_ctx, "lead")
    svc.add_step(staff, hazard_id, RemediationKind.ACTION, "更换电池")
    svc.remediate(staff, hazard_id)
    staff_view = open_detail(qtbot, session_for(gui_ctx, "staff"), hazard_id)
    assert staff_view.verify_button.isHidden() and staff_view.close_button.isHidden()

    view = open_detail(qtbot, session_for(gui_ctx, "lead"), hazard_id)
    view.verify_button.click()
    dialog = view.confirm_dialog
    assert dialog is not None and dialog.objectName() == "hazard_verify_dialog"
    assert svc.get(lead, hazard_id).info.status == HazardStatus.REMEDIATED  # a click only asks
    dialog.submit()
    assert dialog.form.error_text("reason") and dialog.isVisible()
    dialog.reason.setText("现场测试应急灯亮 90 分钟")
    dialog.submit()
    verified = svc.get(lead, hazard_id)
    assert verified.info.status == HazardStatus.VERIFIED
    assert verified.verification_note == "现场测试应急灯亮 90 分钟"

    view.close_button.click()
    closing = view.confirm_dialog
    assert closing is not None and closing.objectName() == "hazard_close_dialog"
    closing.reject()
    assert svc.get(lead, hazard_id).info.status == HazardStatus.VERIFIED  # cancelled: nothing closed
    view.close_button.click()
    assert view.confirm_dialog is not None
    view.confirm_dialog.reason.setText("整改完毕，销号")
    view.confirm_dialog.submit()
    closed = svc.get(lead, hazard_id)
    assert closed.info.status == HazardStatus.CLOSED and closed.events[-1].note == "整改完毕，销号"


def test_a_note_the_service_refuses_stays_in_its_dialog(
    gui_ctx: AppContext, qtbot: Any, hazards: dict[str, HazardDetail]
) -> None:
    """Verify, close, reopen and lower: a note or reason over the service's limit (1,000; the line
    takes 4,000) is refused in the dialog, by its field, and nothing typed is lost."""
    hazard_id = hazards["major"].info.id
    svc, staff, lead = gui_ctx.services.hazards, login(gui_ctx, "staff"), login(gui_ctx, "lead")
    for kind in (RemediationKind.INTERIM_CONTROL, RemediationKind.PLAN, RemediationKind.HEAD_OFFICE_REPORT):
        svc.add_step(staff, hazard_id, kind, "已按制度办理")  # its milestones: no reason asked
    svc.add_step(staff, hazard_id, RemediationKind.ACTION, "拆除可疑装置并报警")
    svc.remediate(staff, hazard_id)
    view = open_detail(qtbot, session_for(gui_ctx, "lead"), hazard_id)
    too_long = "复查" * 800  # 1,600 characters

    def refused(dialog: Any, status: HazardStatus) -> None:
        dialog.reason.setText(too_long)
        dialog.submit()
        assert dialog.isVisible() and dialog.reason.text() == too_long
        assert "1000" in dialog.form.error_text("reason") and dialog.reason.property("invalid")
        assert svc.get(lead, hazard_id).info.status == status and not view.message.isVisibleTo(view)
        dialog.reason.setText("复查合格")
        dialog.submit()
        assert not dialog.isVisible()

    refused(view.ask_verify(), HazardStatus.REMEDIATED)
    assert svc.get(lead, hazard_id).verification_note == "复查合格"
    refused(view.ask_close(), HazardStatus.VERIFIED)
    assert svc.get(lead, hazard_id).info.status == HazardStatus.CLOSED
    refused(view.ask_reopen(), HazardStatus.CLOSED)
    assert svc.get(lead, hazard_id).info.status == HazardStatus.OPEN

    view.fields.severity.setCurrentIndex(view.fields.severity.findData(HazardSeverity.GENERAL.value))
    view.save_button.click()
    assert view.confirm_dialog is not None and view.confirm_dialog.objectName() == "hazard_downgrade_dialog"
    refused(view.confirm_dialog, HazardStatus.OPEN)
    assert svc.get(lead, hazard_id).info.severity == HazardSeverity.GENERAL


def test_a_hazard_entered_by_hand_lands_in_the_register(open_window: Any, gui_ctx: AppContext) -> None:
    page = register(open_window, "staff")
    dialog = page.ask_new()
    dialog.accept()
    assert dialog.created is None and dialog.fields.error_text("hazard_description")
    dialog.fields.description.setPlainText(f"{MARK} 金库门禁读卡器外壳破损")
    dialog.fields.location.setText("金库")
    dialog.fields.severity.setCurrentIndex(dialog.fields.severity.findData(HazardSeverity.MAJOR.value))
    dialog.fields.owner.set_name("王建国")
    assert dialog.fields.due_auto.isChecked()  # the policy's deadline unless one is typed
    dialog.accept()
    assert dialog.created is not None
    info = dialog.created.info
    assert (info.source.value, info.severity, info.owner, info.opened_by) == (
        "manual", HazardSeverity.MAJOR, "王建国", "staff",
    )
    assert info.id in ids(page)  # the register re-read after the change


def test_double_clicking_a_row_opens_its_detail(
    open_window: Any, hazards: dict[str, HazardDetail], qtbot: Any
) -> None:
    page = register(open_window)
    row = page.model.find_row(lambda h: h.id == hazards["major"].info.id)
    index = page.proxy.mapFromSource(page.model.index(row, HazardListModel.COL_TITLE))
    page.table.scrollTo(index)
    where = page.table.visualRect(index).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)  # as a real one starts
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    opened = [d for d in page.findChildren(HazardDetailDialog) if d.isVisible()]
    assert len(opened) == 1 and opened[0].hazard_id == hazards["major"].info.id
    opened[0].done(0)


def test_the_table_keeps_the_registers_order_overdue_first(
    open_window: Any, hazards: dict[str, HazardDetail]
) -> None:
    page = register(open_window)
    on_screen = [page.proxy.index(r, HazardListModel.COL_NUMBER).data() for r in range(page.proxy.rowCount())]
    assert on_screen == [h.number for h in page.shown()]
    assert on_screen[0] == hazards["late"].info.number


def test_a_new_hazard_needs_an_owner_shown_next_to_the_field_and_is_not_due_before_today(
    gui_ctx: AppContext, qtbot: Any
) -> None:
    session = session_for(gui_ctx, "staff")
    before = len(gui_ctx.services.hazards.list(session.actor))
    dialog = NewHazardDialog(session)
    qtbot.addWidget(dialog)
    today = date.today()
    assert dialog.fields.due.minimumDate().toPython() == today  # the picker offers no earlier day
    dialog.fields.description.setPlainText(f"{MARK} 消防通道堆放杂物")
    dialog.fields.owner.set_name("")
    dialog.accept()
    assert dialog.created is None and dialog.result() != dialog.DialogCode.Accepted
    assert "required" in dialog.fields.error_text("hazard_owner_field")
    assert dialog.error.isHidden()  # next to the field, not on the dialog's error line
    assert len(gui_ctx.services.hazards.list(session.actor)) == before
    dialog.fields.owner.set_name("李娜")
    dialog.fields.due_auto.setChecked(False)
    dialog.fields.due.setDate(dialog.fields.due.minimumDate())
    dialog.accept()
    assert dialog.created is not None and dialog.created.info.owner == "李娜"
    assert dialog.created.info.due_date == today


def test_the_detail_names_the_checklist_that_found_the_hazard(records_data_dir: Path, qtbot: Any) -> None:
    ctx = open_context(records_data_dir)  # the demo's records: an inspection with failed items
    try:
        session = session_for(ctx, "lead")
        found = next(h for h in ctx.services.hazards.list(session.actor) if h.inspection_id is not None)
        view = open_detail(qtbot, session, found.id)
        checklist = ctx.services.inspections.get(session.actor, found.inspection_id).info.template_name.text
        assert checklist and checklist in view.source.text()
        assert found.template_code not in view.source.text()  # the list's code, not the checklist's name
    finally:
        ctx.close()


def wrapped(text: str, label: QWidget, room: str) -> list[str]:
    """The lines `text` takes in `label`'s font when a line holds as much as `room` does."""
    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setPlainText(text)
    doc.setDocumentMargin(0)
    doc.setTextWidth(label.fontMetrics().horizontalAdvance(room) + 2)
    doc.size()  # laid out
    layout, plain = doc.firstBlock().layout(), doc.toPlainText()
    starts = [layout.lineAt(i).textStart() for i in range(layout.lineCount())]
    lines = [plain[a:b] for a, b in zip(starts, [*starts[1:], len(plain)], strict=True)]
    return [line.replace("\u2060", "").replace("\u00a0", " ").strip(" ·") for line in lines]
