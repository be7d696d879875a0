"""The complaint dialogs read as they open and save as they accept off the GUI thread (a statement on
a shared database can take 200 ms and more), on the real thread pool: OK waits for what the dialog
offers, a second OK saves nothing more, Esc waits for a save under way, and a refused save keeps the
dialog open with what was typed and the reason (by its field, or the fault in the command line's
words)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from branchguard.context import AppContext
from branchguard.core.complaints.types import ComplaintInfo, ComplaintInput, ComplaintStep, StepInput
from branchguard.db.base import utcnow
from branchguard.gui.complaints.dialogs import (
    ComplaintExtendDialog,
    ComplaintStepDialog,
    ComplaintWithdrawDialog,
)
from branchguard.gui.complaints.page import ComplaintsPage
from tests.gui.dialog_support import Held, fault_place, locked, refuse_with, said_locked, sql_threads  # noqa: F401  (fault_place: a fixture)
from tests.gui.incidents.incident_support import login, session_for

_B = QDialogButtonBox.StandardButton


pytestmark = pytest.mark.usefixtures("fault_place")  # faults worded with where the data is


def _complaint(ctx: AppContext, *steps: StepInput) -> ComplaintInfo:
    svc, lead = ctx.services.complaints, login(ctx, "lead")
    data = ComplaintInput(channel="counter", received_at=utcnow() - timedelta(days=2), customer_name="钱七",
                          category="attitude", request="柜员态度生硬")  # fmt: skip
    cid = svc.register(lead, data).info.id
    for step in steps:
        svc.step(lead, cid, step)
    return svc.get(lead, cid).info


def test_registering_reads_what_it_offers_and_saves_off_the_gui_thread_once(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    lead = login(gui_ctx, "lead")
    outage = gui_ctx.services.incidents.start(lead, "SYS").id
    page = ComplaintsPage(session_for(gui_ctx, "lead"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page._read and not page.loader.busy())
    roster = Held(monkeypatch, gui_ctx.services.people, "list_people")
    links = Held(monkeypatch, gui_ctx.services.incidents, "list_incidents")
    with sql_threads(gui_ctx.engine) as sql:
        dialog = page.ask_register()  # the incidents to link were read here, before it opened
        ok = dialog.buttons.button(_B.Ok)
        assert dialog.isVisible() and not ok.isEnabled() and dialog.work.note.text() == "Reading…"
        roster.release()
        links.release()
        qtbot.waitUntil(ok.isEnabled)
        assert dialog.incident.findData(outage) > 0 and dialog.incident.isVisibleTo(dialog)
        assert dialog.category.count() > 0 and dialog.work.note.isHidden()
        dialog.customer.setText("周八")
        dialog.request.setPlainText("系统故障无法取款")
        dialog.incident.setCurrentIndex(dialog.incident.findData(outage))
        register = Held(monkeypatch, gui_ctx.services.complaints, "register")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: register.calls == 1)
        assert not ok.isEnabled() and dialog.work.note.text() == "Saving…"
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # pressed again: nothing more
        dialog.accept()  # nor Enter
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the dialog waits for its save
        dialog.close()
        assert dialog.isVisible() and dialog.result_detail is None
        closed: list[int] = []
        dialog.finished.connect(closed.append)  # then deleted (deleteLater)
        register.release()
        qtbot.waitUntil(lambda: closed == [1])
        assert dialog.result_detail is not None
        qtbot.waitUntil(lambda: page.model.rowCount() == 1)  # the page read it again
        assert sql.on_gui_thread() == [] and "INSERT" in sql.off_gui_thread()
    assert register.calls == 1
    assert pool_tasks.gui_thread not in register.threads + roster.threads + links.threads
    [stored] = gui_ctx.services.complaints.list(lead)
    assert (stored.request, stored.incident_id) == ("系统故障无法取款", outage)


def test_a_refused_registration_keeps_the_dialog_its_typing_and_says_why(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = ComplaintsPage(session_for(gui_ctx, "lead"))
    qtbot.addWidget(page)
    dialog = page.ask_register()
    ok = dialog.buttons.button(_B.Ok)
    qtbot.waitUntil(ok.isEnabled)
    dialog.customer.setText("王五")
    dialog.request.setPlainText("理财产品收益与宣传不符")
    dialog.representatives.setText("甲，乙，丙，丁，戊，己")
    ok.click()  # six representatives: the service's refusal, by its field key, across the thread
    qtbot.waitUntil(lambda: "at most 5" in dialog.form.error_text("complaint_representatives"))
    assert dialog.error.isHidden() and dialog.isVisible() and ok.isEnabled()
    dialog.representatives.setText("甲，乙")
    refuse_with(monkeypatch, gui_ctx.services.complaints, "register", locked())
    ok.click()
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog))
    assert dialog.error.text() == said_locked(gui_ctx)
    assert dialog.form.error_text("complaint_representatives") == ""
    assert dialog.isVisible() and ok.isEnabled() and dialog.result_detail is None
    assert (dialog.customer.text(), dialog.request.toPlainText()) == ("王五", "理财产品收益与宣传不符")
    assert gui_ctx.services.complaints.list(login(gui_ctx, "lead")) == []


def test_the_archive_reads_the_roster_and_saves_off_the_gui_thread_once(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = _complaint(
        gui_ctx, StepInput("investigate", "调阅录像"), StepInput("decide", "属实", basis="规范"),
        StepInput("reply", "已致歉"),
    )  # fmt: skip
    session = session_for(gui_ctx, "lead")
    categories = gui_ctx.services.complaints.categories(session.actor)
    roster = Held(monkeypatch, gui_ctx.services.people, "list_people")
    with sql_threads(gui_ctx.engine) as sql:
        dialog = ComplaintStepDialog(session, info, ComplaintStep.ARCHIVE, categories=categories)
        qtbot.addWidget(dialog)
        dialog.show()
        ok = dialog.buttons.button(_B.Ok)
        assert not ok.isEnabled() and dialog.work.note.text() == "Reading…"
        roster.release()
        qtbot.waitUntil(ok.isEnabled)
        dialog.text.setPlainText("归档")
        dialog.cause.setCurrentIndex(dialog.cause.findData("experience"))
        assert dialog.action_table is not None
        dialog.action_table.add_row("服务规范培训", "李主管")
        refuse_with(monkeypatch, gui_ctx.services.complaints, "step", locked())
        ok.click()
        qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog))
        assert dialog.error.text() == said_locked(gui_ctx) and dialog.isVisible() and ok.isEnabled()
        assert dialog.text.toPlainText() == "归档" and len(dialog.action_table.entries()) == 1
        monkeypatch.undo()
        step = Held(monkeypatch, gui_ctx.services.complaints, "step")
        ok.click()
        qtbot.waitUntil(lambda: step.calls == 1)
        ok.click()
        dialog.accept()
        step.release()
        qtbot.waitUntil(lambda: dialog.result_detail is not None)
        assert sql.on_gui_thread() == [] and "INSERT" in sql.off_gui_thread()
    assert step.calls == 1 and pool_tasks.gui_thread not in step.threads + roster.threads
    stored = gui_ctx.services.complaints.get(session.actor, info.id)
    assert stored.info.status.value == "archived" and [a.text for a in stored.actions] == ["服务规范培训"]


def test_an_extension_and_a_withdrawal_are_saved_off_the_gui_thread_once(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = _complaint(gui_ctx, StepInput("investigate", "调阅录像"))
    session = session_for(gui_ctx, "lead")
    extend = ComplaintExtendDialog(session, info)
    qtbot.addWidget(extend)
    extend.show()
    extend.reason.setText("需核对流水")
    held = Held(monkeypatch, gui_ctx.services.complaints, "extend")
    with sql_threads(gui_ctx.engine) as sql:
        ok = extend.buttons.button(_B.Ok)
        ok.click()
        qtbot.waitUntil(lambda: held.calls == 1)
        ok.click()
        extend.accept()
        held.release()
        qtbot.waitUntil(lambda: extend.result_detail is not None)
        assert sql.on_gui_thread() == [] and "UPDATE" in sql.off_gui_thread()
    assert held.calls == 1 and pool_tasks.gui_thread not in held.threads
    assert gui_ctx.services.complaints.get(session.actor, info.id).info.extensions == 1

    withdraw = ComplaintWithdrawDialog(session, info)
    qtbot.addWidget(withdraw)
    withdraw.show()
    withdraw.note.setText("客户来电撤回")
    refuse_with(monkeypatch, gui_ctx.services.complaints, "withdraw", locked())
    withdraw.buttons.button(_B.Ok).click()
    qtbot.waitUntil(lambda: withdraw.error.isVisibleTo(withdraw))
    assert withdraw.error.text() == said_locked(gui_ctx) and withdraw.note.text() == "客户来电撤回"
    assert withdraw.isVisible() and withdraw.result_detail is None
    assert gui_ctx.services.complaints.get(session.actor, info.id).info.status.value != "withdrawn"
