"""What `complaint add` and `complaint step … archive` can record, the window records too: the
first responsible person, the incident a complaint came with (from the Complaints page, not only
from a service guide), the final category at the archive; and the search finds a customer by the
name in full only for the role that may read it so, as `complaint list --text` does."""

from __future__ import annotations

from datetime import timedelta

from branchguard.context import AppContext
from branchguard.core.complaints.types import ComplaintFilter, ComplaintInput, ComplaintStep, StepInput
from branchguard.db.base import utcnow
from tests.gui.complaints.test_complaints_page import page_of, select
from tests.gui.incidents.incident_support import login


def test_registering_from_the_page_names_the_first_responsible_and_links_an_incident(
    open_window, gui_ctx: AppContext
) -> None:
    lead = login(gui_ctx, "lead")
    incidents = gui_ctx.services.incidents
    outage = incidents.start(lead, "SYS").id
    drill = incidents.start(lead, "FIRE", drill=True).id
    page = page_of(open_window)
    dialog = page.ask_register()
    offered = [dialog.incident.itemData(i) for i in range(dialog.incident.count())]
    assert offered[0] is None and outage in offered and drill not in offered  # a drill brings no customer
    assert dialog.form.error_text("complaint_incident") == ""  # the field is on the form
    dialog.customer.setText("周八")
    dialog.request.setPlainText("系统故障无法取款，要求说明")
    dialog.first_responsible.set_name("李晓梅")
    dialog.incident.setCurrentIndex(dialog.incident.findData(outage))
    dialog.accept()
    assert dialog.result_detail is not None, dialog.error.text()
    stored = gui_ctx.services.complaints.get(lead, dialog.result_detail.info.id).info
    assert (stored.first_responsible, stored.incident_id) == ("李晓梅", outage)

    again = page.ask_register()  # left empty: whoever registers it, as on the command line
    again.customer.setText("吴九")
    again.request.setPlainText("排队太久")
    again.accept()
    assert again.result_detail is not None and again.result_detail.info.first_responsible == "lead"
    assert again.result_detail.info.incident_id is None


def test_the_archive_sets_the_final_category_or_keeps_it(open_window, gui_ctx: AppContext) -> None:
    svc, lead = gui_ctx.services.complaints, login(gui_ctx, "lead")

    def replied(name: str) -> int:
        data = ComplaintInput(channel="counter", received_at=utcnow() - timedelta(days=2), customer_name=name,
                              category="attitude", request="柜员态度生硬")  # fmt: skip
        cid = svc.register(lead, data).info.id
        svc.step(lead, cid, StepInput("investigate", "调阅录像"))
        svc.step(lead, cid, StepInput("decide", "属实", basis="服务规范"))
        svc.step(lead, cid, StepInput("reply", "已致歉"))
        return cid

    moved, kept = replied("郑十"), replied("冯十一")
    page = page_of(open_window)
    for cid, code in ((moved, "fees"), (kept, "")):
        select(page, cid)
        dialog = page.ask_step(ComplaintStep.ARCHIVE)
        assert dialog is not None
        keep = dialog.classification.itemText(0)  # the category as registered, named
        assert dialog.classification.itemData(0) == "" and "Service attitude" in keep
        dialog.text.setPlainText("归档")
        dialog.cause.setCurrentIndex(dialog.cause.findData("experience"))
        dialog.classification.setCurrentIndex(dialog.classification.findData(code))
        dialog.accept()
        assert dialog.result_detail is not None, dialog.error.text()
    assert svc.get(lead, moved).info.category == "fees"  # 收费定价, as --classification fees
    assert svc.get(lead, kept).info.category == "attitude"


def test_staff_find_a_customer_as_the_list_shows_the_name_not_by_the_name_in_full(
    open_window, gui_ctx: AppContext
) -> None:
    svc, lead = gui_ctx.services.complaints, login(gui_ctx, "lead")
    data = ComplaintInput(channel="counter", received_at=utcnow() - timedelta(days=1),
                          customer_name="欧阳锋华", category="attitude", request="柜员态度生硬")  # fmt: skip
    cid = svc.register(lead, data).info.id
    staff = page_of(open_window, "staff")
    staff.filters.search.setText("欧阳锋华")
    staff.filters.search.returnPressed.emit()
    assert staff.model.rowCount() == 0
    assert svc.list(login(gui_ctx, "staff"), ComplaintFilter(open_only=True, text="欧阳锋华")) == []
    staff.filters.search.setText("欧*")
    staff.filters.search.returnPressed.emit()
    assert [staff.model.row_at(r).id for r in range(staff.model.rowCount())] == [cid]
    chief = page_of(open_window, "lead")
    chief.filters.search.setText("欧阳锋华")
    chief.filters.search.returnPressed.emit()
    assert [chief.model.row_at(r).id for r in range(chief.model.rowCount())] == [cid]


def test_a_leads_search_by_a_full_name_is_audited_as_on_the_command_line(
    open_window, gui_ctx: AppContext
) -> None:
    svc, lead = gui_ctx.services.complaints, login(gui_ctx, "lead")
    data = ComplaintInput(channel="counter", received_at=utcnow() - timedelta(days=1),
                          customer_name="欧阳锋华", category="attitude", request="柜员态度生硬")  # fmt: skip
    cid = svc.register(lead, data).info.id

    def audited() -> list[str]:
        return [e.entity_id for e in gui_ctx.services.audit.list(lead) if e.action == "complaint.search_name"]

    chief = page_of(open_window, "lead")
    for text in ("柜员态度", "欧"):  # words, a surname the masked name shows
        chief.filters.search.setText(text)
        chief.filters.search.returnPressed.emit()
        assert [chief.model.row_at(r).id for r in range(chief.model.rowCount())] == [cid]
    assert audited() == []
    chief.filters.search.setText("欧阳锋华")
    chief.filters.search.returnPressed.emit()
    assert [chief.model.row_at(r).customer_name for r in range(chief.model.rowCount())] == ["欧***"]
    assert audited() == [str(cid)]


def test_a_full_name_search_is_recorded_once_per_search_not_at_each_refresh(
    open_window, gui_ctx: AppContext
) -> None:
    """The page lists its filter again at Refresh, after an action and coming back to it: the search
    the lead made is one record, found or not; searched anew, or with another filter, it is another."""
    svc, lead = gui_ctx.services.complaints, login(gui_ctx, "lead")
    data = ComplaintInput(channel="counter", received_at=utcnow() - timedelta(days=1),
                          customer_name="欧阳锋华", category="attitude", request="柜员态度生硬")  # fmt: skip
    svc.register(lead, data)

    def audited() -> list[str]:
        events = gui_ctx.services.audit.list(lead)
        return [e.after["search"] for e in reversed(events) if e.action == "complaint.search_name"]

    chief = page_of(open_window, "lead")
    chief.filters.search.setText("欧阳锋华")
    chief.filters.search.returnPressed.emit()
    assert chief.model.rowCount() == 1
    chief.refresh_button.click()
    chief.refresh()
    assert chief.model.rowCount() == 1 and audited() == ["欧***"]
    chief.filters.search.setText("赵六")  # nobody: the lookup is recorded all the same
    chief.filters.search.returnPressed.emit()
    chief.refresh_button.click()
    assert chief.model.rowCount() == 0 and audited() == ["欧***", "赵*"]
    chief.filters.search.setText("欧阳锋华")
    chief.filters.search.returnPressed.emit()
    chief.filters.open_only.setChecked(not chief.filters.open_only.isChecked())
    assert audited() == ["欧***", "赵*", "欧***", "欧***"]
