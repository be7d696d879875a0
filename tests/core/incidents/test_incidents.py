"""Incident service: start, steps, typed log, corrections, level, attachments, close, search, verify."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from branchguard.core.incidents.rules import suggested_plans
from branchguard.core.incidents.types import (
    CloseInput,
    EntryKind,
    FollowUpInput,
    IncidentFilter,
    IncidentStatus,
    StepState,
)
from branchguard.core.kernel.errors import NotFound, PermissionDenied, ValidationError
from branchguard.core.kernel.types import Level
from branchguard.core.playbooks.types import IncidentCategory


def test_start_from_a_playbook_records_its_version_level_and_starter(ctx, lead) -> None:
    inc = ctx.services.incidents
    started = inc.start(lead, "fire")
    assert (started.playbook_code, started.playbook_version) == ("FIRE", 1)
    assert started.level == Level.II and started.category == IncidentCategory.FIRE_EVACUATION
    assert started.started_by == "lead" and started.status == IncidentStatus.OPEN
    detail = inc.get(lead, started.id)
    assert detail.entries[0].kind == EntryKind.START and detail.entries[0].data["version"] == 1
    assert len(detail.steps) > 5 and all(s.state == StepState.PENDING for s in detail.steps)
    assert detail.current_step() is detail.steps[0] and detail.next_step() is detail.steps[1]
    # the call list: the plan's numbers first, then the branch's, each once
    phones = [phone for _kind, _name, phone in detail.contacts]
    assert "119" in phones and len(phones) == len(set(phones))


def test_a_system_failure_opens_at_this_branchs_level_unless_told(ctx, lead) -> None:
    inc = ctx.services.incidents
    assert inc.start(lead, "SYS").level == Level.II  # several branches hit: the lead says I
    assert inc.start(lead, "SYS", Level.I, despite_open=True).level == Level.I  # a second event


def test_ad_hoc_incident_has_no_steps_and_a_chosen_level(ctx, staff) -> None:
    started = ctx.services.incidents.start(staff, None, Level.I, title="门口可疑人员")
    detail = ctx.services.incidents.get(staff, started.id)
    assert detail.steps == () and started.level == Level.I and started.title == "门口可疑人员"
    assert started.playbook_code is None and started.category == IncidentCategory.OTHER


def test_unknown_plan_and_bad_input_are_refused_and_write_nothing(ctx, lead, snapshot) -> None:
    inc = ctx.services.incidents
    before = snapshot()
    with pytest.raises(NotFound, match="NOPE"):
        inc.start(lead, "NOPE")
    with pytest.raises(ValidationError):
        inc.start(lead, None, title="x" * 201)
    assert snapshot() == before


def test_steps_are_marked_done_or_skipped_once(ctx, lead, staff) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "FIRE").id
    inc.mark_step(staff, iid, 1)
    inc.mark_step(lead, iid, 2, done=False, reason="无人受伤")
    detail = inc.get(lead, iid)
    assert (detail.steps[0].state, detail.steps[0].by) == (StepState.DONE, "staff")
    assert (detail.steps[1].state, detail.steps[1].reason) == (StepState.SKIPPED, "无人受伤")
    assert detail.current_step().number == 3
    with pytest.raises(ValidationError, match="1"):
        inc.mark_step(lead, iid, 1)
    with pytest.raises(ValidationError, match="99"):
        inc.mark_step(lead, iid, 99)
    with pytest.raises(ValidationError):
        inc.mark_step(lead, iid, 3, done=False, reason="  ")


def test_next_checkpoint_is_the_earliest_open_reporting_step(ctx, lead) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "FIRE").id
    detail = inc.get(lead, iid)
    checkpoints = [s for s in detail.steps if s.checkpoint]
    assert checkpoints
    first = detail.next_checkpoint()
    assert first is not None and first.step == checkpoints[0].number
    assert first.due_at == detail.summary.started_at + timedelta(
        minutes=checkpoints[0].deadline_minutes or checkpoints[0].target_minutes or 0
    )
    inc.mark_step(lead, iid, first.step)
    after = inc.get(lead, iid).next_checkpoint()
    assert after is None or after.step != first.step


def test_typed_entries_and_corrections(ctx, lead, staff) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "ROB").id
    note = inc.log(staff, iid, EntryKind.OBSERVATION, "嫌疑人向东逃离")
    fixed = inc.log(staff, iid, EntryKind.NOTE, "嫌疑人向西逃离", corrects=note.seq)
    assert fixed.kind == EntryKind.CORRECTION and fixed.corrects == note.seq
    entries = {e.seq: e for e in inc.get(lead, iid).entries}
    assert entries[note.seq].corrected_by == (fixed.seq,) and entries[note.seq].text == "嫌疑人向东逃离"
    with pytest.raises(ValidationError):
        inc.log(lead, iid, EntryKind.STEP_DONE, "typed by hand")
    with pytest.raises(ValidationError):
        inc.log(lead, iid, EntryKind.NOTE, "   ")
    with pytest.raises(ValidationError):
        inc.log(lead, iid, EntryKind.NOTE, "x", corrects=1)  # the start entry
    other = inc.log(lead, iid, EntryKind.DECISION, "关闭营业厅")
    with pytest.raises(PermissionDenied):
        inc.log(staff, iid, EntryKind.NOTE, "not mine", corrects=other.seq)


def test_correcting_a_step_mark_puts_the_step_back(ctx, lead) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "FIRE").id
    mark = inc.mark_step(lead, iid, 1)
    inc.log(lead, iid, EntryKind.NOTE, "误点完成", corrects=mark.seq)
    assert inc.get(lead, iid).steps[0].state == StepState.PENDING
    inc.mark_step(lead, iid, 1)
    assert inc.get(lead, iid).steps[0].state == StepState.DONE


def test_level_change_is_logged_and_audited(ctx, lead, staff) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "FIRE").id
    entry = inc.change_level(lead, iid, Level.I, "火势蔓延至二楼")
    assert entry.data == {"from": "II", "to": "I"}
    assert inc.get(lead, iid).summary.level == Level.I
    with pytest.raises(ValidationError):
        inc.change_level(lead, iid, Level.I)
    with pytest.raises(PermissionDenied):
        inc.change_level(staff, iid, Level.III)
    actions = [r.action for r in ctx.services.audit.list(lead)]
    assert "incident.level" in actions and "incident.start" in actions


def test_attachment_is_stored_by_hash_and_logged(ctx, lead, staff, tmp_path: Path) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "ATM").id
    photo = tmp_path / "读卡器.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n fake image bytes")
    entry = inc.attach(lead, iid, photo)
    assert entry.kind == EntryKind.ATTACHMENT and entry.data["name"] == "读卡器.png"
    assert inc.attachment_bytes(lead, entry) == photo.read_bytes()
    assert len(entry.data["sha256"]) == 64 and inc.attachment_ref(entry).size == photo.stat().st_size
    with pytest.raises(PermissionDenied):
        inc.attach(staff, iid, photo)


def test_close_records_outcome_and_actions_and_ends_the_log(ctx, lead, staff, snapshot) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "ILL").id
    bad = CloseInput("处置完毕", actions=(FollowUpInput("补充急救箱", " "),))
    before = snapshot()
    with pytest.raises(ValidationError, match="1"):
        inc.close(lead, iid, bad)
    with pytest.raises(ValidationError):
        inc.close(lead, iid, CloseInput(" "))
    with pytest.raises(PermissionDenied):
        inc.close(staff, iid, CloseInput("x"))
    too_long = "伤" * 2001
    for data, field in (  # the closing's other texts are bounded too (40,000 characters were taken)
        (CloseInput("处置完毕", injuries=too_long), "field.injuries"),
        (CloseInput("处置完毕", root_cause=too_long), "field.root_cause"),
        (CloseInput("处置完毕", actions=(FollowUpInput(too_long, "王五"),)), "field.follow_up"),
        (CloseInput("处置完毕", actions=(FollowUpInput("补充急救箱", "王" * 101),)), "field.follow_up"),
        (CloseInput("处置完毕", actions=(FollowUpInput("补充急救箱", "王五", date(1, 1, 1)),)), "field.due_date"),  # noqa: E501
    ):
        with pytest.raises(ValidationError) as err:
            inc.close(lead, iid, data)
        assert err.value.is_about(field), field
    assert snapshot() == before

    due = date.today() + timedelta(days=30)
    closed = inc.close(
        lead,
        iid,
        CloseInput(
            "客户送医，情况稳定",
            injuries="1人晕倒",
            losses_cents=12_050,
            root_cause="低血糖",
            actions=(FollowUpInput("补充急救箱", "王五", due),),
        ),
    )
    assert closed.summary.status == IncidentStatus.CLOSED and closed.losses_cents == 12_050
    assert closed.entries[-1].kind == EntryKind.CLOSE
    assert [(a.text, a.owner, a.due) for a in closed.actions] == [("补充急救箱", "王五", due)]
    with pytest.raises(ValidationError):
        inc.log(lead, iid, EntryKind.NOTE, "too late")
    done = inc.complete_action(lead, closed.actions[0].id)
    assert done.done_by == "lead" and inc.handover(lead).actions == ()


def test_an_action_due_before_the_incident_began_is_refused_naming_it(
    ctx, lead, snapshot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A due day before the incident's first day was taken (a year mistyped, a day picked in the
    wrong month): set at or after the incident, it was never due then. The command line and the
    window both close through the service: both are refused, in the catalogue's words."""
    from branchguard.core.kernel.i18n import set_language
    from tests.pc_clock import incidents_back_then

    began = datetime.now(UTC) - timedelta(days=5)
    with incidents_back_then(monkeypatch, began):
        iid = ctx.services.incidents.start(lead, "ILL").id
    day = began.astimezone().date()
    early = FollowUpInput("补充急救箱", "王五", day - timedelta(days=1))
    fine = FollowUpInput("急救培训", "赵敏", day)
    before = snapshot()
    with pytest.raises(ValidationError) as err:
        ctx.services.incidents.close(lead, iid, CloseInput("处置完毕", actions=(fine, early)))
    assert err.value.is_about("field.follow_up") and err.value.field_params == {"n": 2}
    assert err.value.message == f"整改措施 2：完成期限 {early.due} 早于事件开始日期（{day}）"
    set_language("en")
    assert err.value.message == (
        f"Follow-up action 2: its due date {early.due} is before the day the incident began ({day})"
    )
    assert snapshot() == before
    closed = ctx.services.incidents.close(lead, iid, CloseInput("处置完毕", actions=(fine,)))
    assert [a.due for a in closed.actions] == [day]  # due its first day: taken


def test_auditor_reads_but_cannot_write(ctx, lead, auditor) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "FIRE").id
    assert inc.get(auditor, iid).id == iid
    for call in (
        lambda: inc.start(auditor, "FIRE"),
        lambda: inc.log(auditor, iid, EntryKind.NOTE, "x"),
        lambda: inc.mark_step(auditor, iid, 1),
    ):
        with pytest.raises(PermissionDenied):
            call()


def test_report_fields_are_kept_and_logged(ctx, lead) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "ROB").id
    detail = inc.set_report_fields(lead, iid, {"cause": "持刀抢劫", "harm_scope": "无人员伤亡"})
    assert detail.report_fields == {"cause": "持刀抢劫", "harm_scope": "无人员伤亡"}
    report = next(e for e in detail.entries if e.kind == EntryKind.REPORT_FIELDS)
    assert report.data["cause"] == "持刀抢劫"
    with pytest.raises(ValidationError, match="colour"):
        inc.set_report_fields(lead, iid, {"colour": "red"})


def test_saving_the_initial_report_completes_its_checkpoint_and_logs_it(ctx, lead, staff) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "ROB").id
    steps = inc.get(lead, iid).steps
    initial = next(s for s in steps if s.checkpoint)
    later = [s for s in steps if s.checkpoint and s.number != initial.number]
    assert initial.key == "report_initial" and later  # the written report stays for later
    detail = inc.set_report_fields(lead, iid, {"place": "营业厅", "cause": "持刀抢劫"})
    marked = detail.steps[initial.number - 1]
    assert (marked.state, marked.by) == (StepState.DONE, "lead")
    assert all(detail.steps[s.number - 1].state == StepState.PENDING for s in later)
    kinds = [(e.kind, e.step) for e in detail.entries[-2:]]
    assert kinds == [(EntryKind.REPORT_FIELDS, None), (EntryKind.STEP_DONE, initial.number)]
    assert detail.entries[-1].data["by"] == "initial_report"
    assert detail.next_checkpoint() is not None and detail.next_checkpoint().step == later[0].number
    audit = ctx.services.audit.list(lead)[0]
    assert audit.action == "incident.report" and audit.after["checkpoint_done"] == initial.number
    # a second save changes the report only: the checkpoint is not marked twice
    again = inc.set_report_fields(lead, iid, {"trend": "已控制"})
    assert [e.kind for e in again.entries[-1:]] == [EntryKind.REPORT_FIELDS]
    # an initial report already made (marked by hand) is left as it was
    other = inc.start(lead, "ROB", despite_open=True).id
    inc.mark_step(staff, other, initial.number)
    done = inc.set_report_fields(lead, other, {"cause": "抢劫"})
    assert done.steps[initial.number - 1].by == "staff"
    assert [e.kind for e in done.entries[-1:]] == [EntryKind.REPORT_FIELDS]


def test_undo_takes_back_the_last_mark_with_a_correction(ctx, lead, staff, auditor) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "FIRE").id
    first = inc.mark_step(staff, iid, 1)
    second = inc.mark_step(staff, iid, 2)
    undo = inc.undo_mark(staff, iid, second.seq)
    assert undo.kind == EntryKind.CORRECTION and undo.corrects == second.seq and "2" in undo.text
    detail = inc.get(lead, iid)
    assert [s.state for s in detail.steps[:3]] == [StepState.DONE, StepState.PENDING, StepState.PENDING]
    entries = {e.seq: e for e in detail.entries}
    assert entries[second.seq].corrected_by == (undo.seq,)  # append-only: the mark is still there
    with pytest.raises(ValidationError) as twice:
        inc.undo_mark(staff, iid, second.seq)  # already undone
    assert twice.value.field == "field.corrects"
    note = inc.log(staff, iid, EntryKind.NOTE, "烟雾变大")
    with pytest.raises(ValidationError):
        inc.undo_mark(staff, iid, note.seq)  # not a step mark
    with pytest.raises(PermissionDenied):
        inc.undo_mark(auditor, iid, first.seq)
    lead_mark = inc.mark_step(lead, iid, 2)
    with pytest.raises(PermissionDenied):
        inc.undo_mark(staff, iid, lead_mark.seq)  # another person's mark is the lead's to correct


def test_list_filters_and_full_text_search(ctx, lead) -> None:
    inc = ctx.services.incidents
    fire = inc.start(lead, "FIRE").id
    rob = inc.start(lead, "ROB", Level.II, drill=True).id
    inc.log(lead, fire, EntryKind.OBSERVATION, "二楼配电间冒烟，已切断电源")
    inc.log(lead, rob, EntryKind.ACTION, "Guard pressed the panic button at counter 3")
    inc.close(lead, rob, CloseInput("演练结束"))

    assert [s.id for s in inc.list_incidents(lead)] == [rob, fire]
    assert [s.id for s in inc.open_incidents(lead)] == [fire]
    assert [s.id for s in inc.list_incidents(lead, IncidentFilter(drill=True))] == [rob]
    assert [s.id for s in inc.list_incidents(lead, IncidentFilter(search="配电"))] == [fire]
    assert [h.entry.text for h in inc.search(lead, "配电间 电源")] == ["二楼配电间冒烟，已切断电源"]
    assert [h.incident_id for h in inc.search(lead, "panic")] == [rob]
    assert inc.search(lead, "电间冒") and not inc.search(lead, "三楼")
    assert inc.search(lead, '"; DROP TABLE incidents; --') == []


def test_suggestions_put_matches_and_often_used_plans_first(ctx, lead) -> None:
    inc = ctx.services.incidents
    plans = ctx.services.playbooks.list_playbooks(lead)

    def first(typed: str) -> list[str]:
        return [p.code for p in suggested_plans(typed, plans, inc.playbook_usage(lead))]

    assert first("rob")[0] == "ROB"
    assert first("火灾")[0] == "FIRE"
    assert first("")[0] != "SUS"
    inc.start(lead, "SUS")
    inc.start(lead, "SUS", despite_open=True)
    inc.start(lead, None, title="门口有人晕倒")  # ad hoc: no code, counted under none
    assert inc.playbook_usage(lead)["SUS"] == 2 and None not in inc.playbook_usage(lead)
    assert first("")[0] == "SUS"
    assert first("zzzz") == []


def test_only_those_who_start_incidents_read_the_plans_use(ctx, auditor) -> None:
    with pytest.raises(PermissionDenied):
        ctx.services.incidents.playbook_usage(auditor)


def test_verify_passes_then_names_a_tampered_entry(ctx, lead) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "FIRE").id
    for i in range(5):
        inc.log(lead, iid, EntryKind.NOTE, f"记录 {i}")
    report = inc.verify(lead)
    assert report.ok and report.entries == 6
    with ctx.engine.begin() as conn:
        conn.execute(
            text("UPDATE incident_log SET text = '篡改' WHERE incident_id = :i AND seq = 4"), {"i": iid}
        )
    report = inc.verify(lead)
    assert not report.ok and [(p.incident_id, p.seq) for p in report.problems] == [(iid, 4)]


def test_verify_detects_a_removed_last_entry(ctx, lead) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "FIRE").id
    inc.log(lead, iid, EntryKind.NOTE, "one")
    inc.log(lead, iid, EntryKind.NOTE, "two")
    with ctx.engine.begin() as conn:
        conn.execute(text("DELETE FROM incident_log WHERE incident_id = :i AND seq = 3"), {"i": iid})
    problems = inc.verify(lead).problems
    assert [(p.incident_id, p.seq) for p in problems] == [(iid, 3)]


def test_a_long_log_is_read_page_by_page(ctx, lead) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "FIRE").id
    first = inc.log(lead, iid, EntryKind.NOTE, "first")
    for i in range(30):
        inc.log(lead, iid, EntryKind.NOTE, f"n{i}")
    inc.log(lead, iid, EntryKind.NOTE, "fix", corrects=first.seq)
    page = inc.entries_page(lead, iid, 0, 10)
    assert [e.seq for e in page] == list(range(1, 11)) and page[1].corrected_by == (33,)
    assert [e.seq for e in inc.entries_page(lead, iid, 30, 10)] == [31, 32, 33]
    light = inc.get(lead, iid, with_entries=False)
    assert light.entries == () and light.summary.entry_count == 33


def test_long_logs_find_corrections_and_step_marks_through_partial_indexes(tmp_path: Path) -> None:
    """Paging a huge log must not scan it: SQLite uses a partial index only for a verbatim condition."""
    from branchguard.context import open_context
    from branchguard.core.incidents import log as incident_log
    from branchguard.db.models.incidents import STEP_MARKS_WHERE

    kinds = ", ".join(f"'{k}'" for k in incident_log.STEP_KINDS)
    assert f"kind IN ({kinds})" == STEP_MARKS_WHERE
    ctx = open_context(tmp_path / "data")
    try:
        with ctx.engine.connect() as conn:
            plans = []
            for sql in (
                "SELECT seq, corrects FROM incident_log WHERE incident_id = ? "
                f"AND {incident_log.CORRECTIONS_WHERE} AND corrects IN (?, ?)",
                f"SELECT * FROM incident_log WHERE incident_id = ? AND {STEP_MARKS_WHERE} ORDER BY seq",
            ):
                plans.append(
                    str(conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", (1, 2, 3)[: sql.count("?")]).all())
                )
    finally:
        ctx.close()
    assert "ix_incident_log_corrections" in plans[0]
    assert "ix_incident_log_step_marks" in plans[1]
