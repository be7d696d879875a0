"""The hazard dialogs read as they open and save as they accept off the GUI thread (a statement on a
shared database can take 200 ms and more), on the real thread pool: OK waits for the data, a second
OK saves nothing more, Esc waits for a save under way, and a refused save keeps the dialog open with
what was typed and the reason (by its field, or the fault in the command line's words)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from branchguard.context import AppContext
from branchguard.core.hazards.types import HazardInput, HazardSeverity, RemediationKind
from branchguard.gui.hazards.detail import HazardDetailDialog
from branchguard.gui.hazards.dialogs import NewHazardDialog, StepDialog
from branchguard.gui.hazards.policy import SeverityPolicyDialog
from branchguard.gui.kit.writer import writer
from tests.gui.dialog_support import Held, fault_place, locked, refuse_with, said_locked, sql_threads  # noqa: F401  (fault_place: a fixture)
from tests.gui.incidents.incident_support import login, session_for

_B = QDialogButtonBox.StandardButton
MARK = "后台保存测试"


pytestmark = pytest.mark.usefixtures("fault_place")  # faults worded with where the data is


def _hazard(ctx: AppContext) -> int:
    made = ctx.services.hazards.create(
        login(ctx, "lead"),
        HazardInput(
            description=f"{MARK} 应急灯不亮", severity=HazardSeverity.GENERAL, location="营业厅",
            owner="李娜", due=date.today() + timedelta(days=5),
        ),
    )  # fmt: skip
    return made.info.id


def _marked(ctx: AppContext) -> int:
    return sum(MARK in h.description for h in ctx.services.hazards.list(login(ctx, "lead")))


def test_a_new_hazard_reads_the_roster_and_saves_off_the_gui_thread_once(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    staff = session_for(gui_ctx, "staff")
    name = gui_ctx.services.people.list_people(staff.actor)[0].name
    roster = Held(monkeypatch, gui_ctx.services.people, "list_people")
    with sql_threads(gui_ctx.engine) as sql:
        dialog = NewHazardDialog(staff)
        qtbot.addWidget(dialog)
        dialog.show()
        ok = dialog.buttons.button(_B.Ok)
        assert not ok.isEnabled() and dialog.work.note.text() == "Reading…"  # shown without waiting
        roster.release()
        qtbot.waitUntil(ok.isEnabled)
        assert dialog.fields.owner.findText(name) >= 0 and dialog.work.note.isHidden()
        dialog.fields.description.setPlainText(f"{MARK} 消防通道堆放杂物")
        dialog.fields.owner.set_name("李娜")
        create = Held(monkeypatch, gui_ctx.services.hazards, "create")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: create.calls == 1)
        assert not ok.isEnabled() and dialog.work.note.text() == "Saving…"
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # pressed again: nothing more
        dialog.accept()  # nor Enter
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the dialog waits for its save
        dialog.close()
        assert dialog.isVisible() and dialog.created is None
        create.release()
        qtbot.waitUntil(lambda: dialog.created is not None)
        assert not dialog.isVisible()
        assert sql.on_gui_thread() == [] and "INSERT" in sql.off_gui_thread()
    assert create.calls == 1 and pool_tasks.gui_thread not in create.threads + roster.threads
    assert _marked(gui_ctx) == 1


def test_a_new_hazard_refused_keeps_the_dialog_its_typing_and_says_why(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = NewHazardDialog(session_for(gui_ctx, "staff"))
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(_B.Ok)
    qtbot.waitUntil(ok.isEnabled)
    dialog.fields.description.setPlainText(f"{MARK} 消防通道堆放杂物")
    dialog.fields.owner.set_name("")  # the service's refusal, by its field key, across the thread
    ok.click()
    qtbot.waitUntil(lambda: "required" in dialog.fields.error_text("hazard_owner_field"))
    assert dialog.error.isHidden() and dialog.isVisible() and ok.isEnabled()
    dialog.fields.owner.set_name("李娜")
    refuse_with(monkeypatch, gui_ctx.services.hazards, "create", locked())
    ok.click()
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog))
    assert dialog.error.text() == said_locked(gui_ctx)
    assert dialog.isVisible() and ok.isEnabled() and dialog.created is None
    assert dialog.fields.description.toPlainText() == f"{MARK} 消防通道堆放杂物"
    assert dialog.fields.owner.name() == "李娜"
    assert _marked(gui_ctx) == 0


def test_a_step_is_saved_off_the_gui_thread_once_and_a_refusal_keeps_it(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    hazard_id = _hazard(gui_ctx)
    session = session_for(gui_ctx, "staff")
    dialog = StepDialog(session, hazard_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text.setPlainText("更换应急灯电池")
    refuse_with(monkeypatch, gui_ctx.services.hazards, "add_step", locked())
    ok = dialog.buttons.button(_B.Ok)
    ok.click()
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog))
    assert dialog.error.text() == said_locked(gui_ctx) and dialog.isVisible()
    assert dialog.text.toPlainText() == "更换应急灯电池" and ok.isEnabled()
    monkeypatch.undo()
    add = Held(monkeypatch, gui_ctx.services.hazards, "add_step")
    with sql_threads(gui_ctx.engine) as sql:
        ok.click()
        qtbot.waitUntil(lambda: add.calls == 1)
        ok.click()
        dialog.accept()
        add.release()
        qtbot.waitUntil(lambda: dialog.added is not None)
        assert sql.on_gui_thread() == [] and "INSERT" in sql.off_gui_thread()
    assert add.calls == 1 and pool_tasks.gui_thread not in add.threads and not dialog.isVisible()
    steps = gui_ctx.services.hazards.get(session.actor, hazard_id).steps
    assert [s.text for s in steps if s.kind is RemediationKind.ACTION] == ["更换应急灯电池"]


def test_a_photo_refused_on_saving_is_taken_off_without_cancelling_the_step(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, tmp_path: Any
) -> None:
    hazard_id = _hazard(gui_ctx)
    dialog = StepDialog(session_for(gui_ctx, "staff"), hazard_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text.setPlainText("更换应急灯电池")
    empty = tmp_path / "整改后 照片.jpg"  # a copy cut off: 0 bytes
    empty.write_bytes(b"")
    dialog.add_evidence(empty)
    dialog.buttons.button(_B.Ok).click()
    qtbot.waitUntil(lambda: "整改后 照片.jpg" in dialog.error.text())
    assert dialog.isVisible() and dialog.added is None
    dialog.files.clear_button.click()
    assert dialog.evidence == [] and not dialog.files.clear_button.isVisibleTo(dialog)
    dialog.buttons.button(_B.Ok).click()
    qtbot.waitUntil(lambda: dialog.added is not None)
    assert dialog.added is not None and dialog.added.text == "更换应急灯电池" and not dialog.added.evidence


def test_the_policy_is_read_and_saved_off_the_gui_thread_once(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    lead = session_for(gui_ctx, "lead")
    stored = gui_ctx.services.hazards.policy(lead.actor)
    read = Held(monkeypatch, gui_ctx.services.hazards, "policy")
    with sql_threads(gui_ctx.engine) as sql:
        dialog = SeverityPolicyDialog(lead)
        qtbot.addWidget(dialog)
        dialog.show()
        save = dialog.buttons.button(_B.Save)
        assert not save.isEnabled() and not dialog.general.isEnabled()  # nothing to change yet
        read.release()
        qtbot.waitUntil(save.isEnabled)
        assert dialog.policy() == stored and dialog.general.isEnabled()
        dialog.general.fix_days.setValue(stored.general.fix_days + 3)
        refuse_with(monkeypatch, gui_ctx.services.hazards, "set_policy", locked())
        save.click()
        qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog))
        assert dialog.error.text() == said_locked(gui_ctx) and dialog.isVisible()
        assert dialog.general.fix_days.value() == stored.general.fix_days + 3
        monkeypatch.undo()
        write = Held(monkeypatch, gui_ctx.services.hazards, "set_policy")
        save.click()
        qtbot.waitUntil(lambda: write.calls == 1)
        save.click()
        dialog.accept()
        write.release()
        qtbot.waitUntil(lambda: dialog.saved is not None)
        assert sql.on_gui_thread() == [] and {"UPDATE", "INSERT"} & set(sql.off_gui_thread())
    assert write.calls == 1 and pool_tasks.gui_thread not in write.threads + read.threads
    assert gui_ctx.services.hazards.policy(lead.actor).general.fix_days == stored.general.fix_days + 3


def _opened(ctx: AppContext, qtbot: Any, hazard_id: int, username: str = "lead") -> HazardDetailDialog:
    view = HazardDetailDialog(session_for(ctx, username), hazard_id)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.detail is not None and view.work.ready())
    return view


def test_the_detail_reads_off_the_gui_thread_its_actions_waiting(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    hazard_id = _hazard(gui_ctx)
    lead = session_for(gui_ctx, "lead")
    name = gui_ctx.services.people.list_people(lead.actor)[0].name
    read = Held(monkeypatch, gui_ctx.services.hazards, "get")
    with sql_threads(gui_ctx.engine) as sql:
        view = HazardDetailDialog(lead, hazard_id)
        qtbot.addWidget(view)
        view.show()
        assert view.work.note.isVisibleTo(view) and view.work.note.text() == "Reading…"
        assert not any(b.isVisibleTo(view) for b in (*view._actions(), view.source_button))
        assert not view.fields.title.isEnabled()
        read.release()
        qtbot.waitUntil(lambda: view.detail is not None and view.work.ready())
        writer().wait()
        pool_tasks_done(qtbot)
        assert sql.on_gui_thread() == [] and "SELECT" in sql.off_gui_thread()
    assert view.save_button.isVisibleTo(view) and view.save_button.isEnabled()
    assert view.fields.title.isEnabled() and view.fields.owner.findText(name) >= 0
    assert pool_tasks.gui_thread not in read.threads


def pool_tasks_done(qtbot: Any) -> None:
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone()
    qtbot.wait(0)


def test_the_detail_saves_off_the_gui_thread_once_and_a_refusal_keeps_the_typing(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    hazard_id = _hazard(gui_ctx)
    view = _opened(gui_ctx, qtbot, hazard_id)
    view.fields.location.setText("自助区")
    refuse_with(monkeypatch, gui_ctx.services.hazards, "update", locked())
    view.save_button.click()
    qtbot.waitUntil(lambda: view.message.isVisibleTo(view))
    assert view.message.text() == said_locked(gui_ctx) and view.fields.location.text() == "自助区"
    assert view.save_button.isEnabled() and view.fields.location.isEnabled()
    monkeypatch.undo()
    update = Held(monkeypatch, gui_ctx.services.hazards, "update")
    with sql_threads(gui_ctx.engine) as sql:
        view.save_button.click()
        qtbot.waitUntil(lambda: update.calls == 1)
        assert not view.save_button.isEnabled() and not view.fields.location.isEnabled()
        view.save_button.click()
        assert not view.save()  # pressed again, or asked by the program: nothing more
        update.release()
        qtbot.waitUntil(lambda: view.work.ready() and view.fields.location.isEnabled())
        pool_tasks_done(qtbot)
        assert sql.on_gui_thread() == [] and "UPDATE" in sql.off_gui_thread()
    assert update.calls == 1 and pool_tasks.gui_thread not in update.threads
    assert gui_ctx.services.hazards.get(login(gui_ctx, "lead"), hazard_id).info.location == "自助区"
    assert view.message.isHidden()


def test_a_verification_is_written_off_the_gui_thread_once_from_its_dialog(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    hazard_id = _hazard(gui_ctx)
    staff = login(gui_ctx, "staff")
    gui_ctx.services.hazards.add_step(staff, hazard_id, RemediationKind.ACTION, "已更换电池")
    gui_ctx.services.hazards.remediate(staff, hazard_id)
    view = _opened(gui_ctx, qtbot, hazard_id)
    dialog = view.ask_verify()
    dialog.reason.setText("复查合格")
    refuse_with(monkeypatch, gui_ctx.services.hazards, "verify", locked())
    ok = dialog.buttons.button(_B.Ok)
    ok.click()
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog))
    assert dialog.error.text() == said_locked(gui_ctx) and dialog.isVisible() and dialog.value() == "复查合格"
    monkeypatch.undo()
    verify = Held(monkeypatch, gui_ctx.services.hazards, "verify")
    with sql_threads(gui_ctx.engine) as sql:
        ok.click()
        qtbot.waitUntil(lambda: verify.calls == 1)
        ok.click()
        dialog.submit()
        assert dialog.isVisible()
        accepted: list[bool] = []
        dialog.accepted.connect(lambda: accepted.append(True))
        verify.release()
        qtbot.waitUntil(lambda: view.detail is not None and view.detail.info.verified_by == "lead")
        assert accepted == [True]  # closed once stored
        pool_tasks_done(qtbot)
        assert sql.on_gui_thread() == [] and "UPDATE" in sql.off_gui_thread()
    assert verify.calls == 1 and pool_tasks.gui_thread not in verify.threads
