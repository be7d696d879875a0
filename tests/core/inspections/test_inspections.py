"""Inspection service on SQLite and PostgreSQL: answering, signing, submitting (one hazard per
failed item, in the submit's transaction), amendments, permissions, schedules' occurrences."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from branchguard.core.audit.service import AuditFilter
from branchguard.core.hazards.service import HazardService
from branchguard.core.hazards.types import HazardFilter, HazardSeverity, HazardSource
from branchguard.core.inspections.types import (
    Cadence,
    InspectionFilter,
    InspectionStatus,
    ItemResult,
    SignatureRole,
)
from branchguard.core.kernel.errors import NotFound, PermissionDenied, ValidationError
from branchguard.core.kernel.types import Actor
from branchguard.core.schedules.types import OccurrenceStatus
from branchguard.db.models.hazards import HazardRow
from tests.core.inspections.inspection_helpers import JPEG, item_photo, run_inspection


def _hazard_count(ctx, inspection_id: int | None = None) -> int:
    with ctx.sessions() as s:
        stmt = select(func.count()).select_from(HazardRow)
        if inspection_id is not None:
            stmt = stmt.where(HazardRow.inspection_id == inspection_id)
        return s.scalar(stmt)


def test_a_run_records_answers_and_two_failed_items_open_two_hazards(ctx, staff, lead) -> None:
    det = run_inspection(ctx, staff, fail=(2, 5))
    info = det.info
    assert info.status == InspectionStatus.SUBMITTED and info.submitted_by == "staff"
    assert (info.total, info.answered, info.failed, info.hazard_count) == (7, 7, 2, 2)
    assert [a.result for a in det.answers] == [
        ItemResult.PASS,
        ItemResult.FAIL,
        ItemResult.PASS,
        ItemResult.PASS,
        ItemResult.FAIL,
        ItemResult.PASS,
        ItemResult.PASS,
    ]
    assert det.answers[1].note == "第 2 项发现问题" and det.answers[1].photos[0].name == "item2.jpg"
    assert det.signature(SignatureRole.INSPECTOR).name == "张三"
    hazards = ctx.services.hazards.list(lead, HazardFilter(inspection_id=info.id))
    assert sorted(h.item_number for h in hazards) == [2, 5]
    exits = next(h for h in hazards if h.item_number == 2)
    assert exits.severity == HazardSeverity.MAJOR  # exits blocked: the template says major
    assert exits.source == HazardSource.INSPECTION and exits.template_code == "FIRE_DAILY"
    assert exits.location == "营业厅" and exits.owner == "张三" and exits.title == "第 2 项发现问题"
    assert det.answers[1].hazard_id == exits.id and det.answers[0].hazard_id is None
    detail = ctx.services.hazards.get(lead, exits.id)
    assert detail.photos[0].sha256 == det.answers[1].photos[0].sha256
    assert ctx.services.inspections.photo_bytes(lead, detail.photos[0].sha256) == item_photo(2)


def test_failing_items_creates_exactly_one_hazard_however_the_answers_move(ctx, staff, lead) -> None:
    """Answer fail, change to pass, fail again, clear, fail again; submit; submit again; amend to
    pass and back to fail; amend once more: still one hazard for the item."""
    svc = ctx.services.inspections
    det = run_inspection(ctx, staff, submit=False)
    iid = det.info.id
    for result in (ItemResult.FAIL, ItemResult.PASS, ItemResult.FAIL, None, ItemResult.FAIL, ItemResult.FAIL):
        svc.answer(staff, iid, 4, result, note="灭火器被遮挡")
    assert _hazard_count(ctx) == 0  # nothing opens before submit
    svc.add_photo_bytes(staff, iid, 4, "ext.jpg", JPEG)
    svc.submit(staff, iid)
    assert _hazard_count(ctx, iid) == 1
    with pytest.raises(ValidationError, match=str(iid)):
        svc.submit(staff, iid)
    svc.amend(staff, iid, 4, ItemResult.PASS, reason="看错了")
    svc.amend(lead, iid, 4, ItemResult.FAIL, reason="复核确认确有遮挡")
    svc.amend(lead, iid, 4, ItemResult.FAIL, reason="补充备注", note="消火栓箱也被遮挡")
    assert _hazard_count(ctx, iid) == 1
    got = svc.get(lead, iid)
    assert got.answers[3].result == ItemResult.FAIL and got.answers[3].note == "消火栓箱也被遮挡"
    assert got.info.amendment_count == 3 and all(a.hazard_id is None for a in got.amendments)
    history = ctx.services.hazards.get(lead, got.answers[3].hazard_id).events
    assert any("看错了" in e.note for e in history)  # the correction shows on the hazard


def test_the_database_refuses_a_second_hazard_for_the_same_item(ctx, staff) -> None:
    """The rule does not rest on the service's care alone: (inspection, item) is unique."""
    from sqlalchemy.exc import IntegrityError

    det = run_inspection(ctx, staff, fail=(1,))
    with ctx.sessions() as s:
        row = s.scalar(select(HazardRow).where(HazardRow.inspection_id == det.info.id))
        s.add(
            HazardRow(
                title="x",
                description="x",
                severity="general",
                status="open",
                source="inspection",
                due_date=row.due_date,
                inspection_id=row.inspection_id,
                item_number=row.item_number,
                opened_by="x",
            )
        )
        with pytest.raises(IntegrityError):
            s.flush()


def test_an_amendment_that_fails_a_passed_item_opens_its_hazard(ctx, staff, lead) -> None:
    svc = ctx.services.inspections
    det = run_inspection(ctx, staff)
    iid = det.info.id
    assert _hazard_count(ctx) == 0
    with pytest.raises(ValidationError, match="照片"):  # exits blocked needs a photo
        svc.amend(lead, iid, 2, ItemResult.FAIL, reason="监控回看发现后门堵塞")
    with pytest.raises(ValidationError, match="原因"):
        svc.amend(lead, iid, 3, ItemResult.FAIL, reason="  ")
    am = svc.amend(lead, iid, 5, ItemResult.FAIL, reason="复核发现防火门未关", note="二楼防火门常开")
    assert am.old_result == ItemResult.PASS and am.new_result == ItemResult.FAIL and am.hazard_id
    hazard = ctx.services.hazards.get(lead, am.hazard_id).info
    assert hazard.item_number == 5 and hazard.title == "二楼防火门常开" and hazard.opened_by == "lead"
    with pytest.raises(ValidationError, match="5"):
        svc.amend(lead, iid, 5, ItemResult.FAIL, reason="again")  # changes nothing
    got = svc.get(lead, iid)
    assert got.answers[4].original_result == ItemResult.PASS and got.answers[4].amended
    assert got.info.status == InspectionStatus.SUBMITTED


def test_a_draft_is_answered_not_amended_and_a_submitted_one_is_never_changed(ctx, staff) -> None:
    svc = ctx.services.inspections
    det = run_inspection(ctx, staff, submit=False)
    iid = det.info.id
    with pytest.raises(ValidationError, match=str(iid)):
        svc.amend(staff, iid, 1, ItemResult.FAIL, reason="x")
    svc.submit(staff, iid)
    for change in (
        lambda: svc.answer(staff, iid, 1, ItemResult.FAIL),
        lambda: svc.answer_rest(staff, iid, ItemResult.NA),
        lambda: svc.add_photo_bytes(staff, iid, 1, "a.jpg", JPEG),
        lambda: svc.sign(staff, iid, SignatureRole.INSPECTOR, "李四"),
        lambda: svc.delete_draft(staff, iid),
    ):
        with pytest.raises(ValidationError, match="已提交"):
            change()


def test_submit_names_what_is_missing(ctx, staff) -> None:
    svc = ctx.services.inspections
    det = svc.start(staff, "FIRE_DAILY")
    iid = det.info.id
    svc.answer(staff, iid, 1, ItemResult.PASS)
    svc.answer(staff, iid, 3, ItemResult.FAIL)  # exit signs: a fail needs a photo
    with pytest.raises(ValidationError, match="2, 4, 5, 6, 7"):
        svc.submit(staff, iid)
    svc.answer_rest(staff, iid)
    with pytest.raises(ValidationError, match="3") as photo:
        svc.submit(staff, iid)
    assert "照片" in photo.value.message
    svc.add_photo_bytes(staff, iid, 3, "sign.jpg", JPEG)
    with pytest.raises(ValidationError, match="检查人"):
        svc.submit(staff, iid)
    svc.answer(staff, iid, 5, ItemResult.FAIL)  # fire doors: no photo needed
    svc.sign(staff, iid, SignatureRole.INSPECTOR, "张三")
    assert svc.submit(staff, iid).info.hazard_count == 2


def test_answer_input_is_checked(ctx, staff) -> None:
    svc = ctx.services.inspections
    iid = svc.start(staff, "FIRST_AID").info.id
    with pytest.raises(ValidationError, match="4"):
        svc.answer(staff, iid, 4, ItemResult.PASS)  # three items
    with pytest.raises(ValidationError, match="0"):
        svc.answer(staff, iid, 0, ItemResult.PASS)
    with pytest.raises(ValidationError, match="maybe"):
        svc.answer(staff, iid, 1, "maybe")  # type: ignore[arg-type]
    with pytest.raises(NotFound):
        svc.answer(staff, 9999, 1, ItemResult.PASS)
    with pytest.raises(NotFound):
        svc.start(staff, "NO_SUCH")
    ans = svc.answer(staff, iid, 1, ItemResult.NA, note="本网点未配备")
    assert ans.result == ItemResult.NA and ans.note == "本网点未配备" and ans.answered_by == "staff"
    assert svc.answer(staff, iid, 1, ItemResult.PASS).note == "本网点未配备"  # None keeps the note
    cleared = svc.answer(staff, iid, 1, None)
    assert cleared.result is None
    photo = svc.add_photo_bytes(staff, iid, 2, "kit.jpg", JPEG)
    assert [p.name for p in photo.photos] == ["kit.jpg"]
    assert svc.add_photo_bytes(staff, iid, 2, "again.jpg", JPEG).photos == photo.photos  # same bytes once
    assert svc.remove_photo(staff, iid, 2, photo.photos[0].sha256).photos == ()


def test_the_reviewer_is_someone_other_than_the_inspector(ctx, staff, lead) -> None:
    svc = ctx.services.inspections
    det = run_inspection(ctx, staff, submit=False, inspector="张三")
    iid = det.info.id
    with pytest.raises(ValidationError, match="张三"):
        svc.sign(lead, iid, SignatureRole.REVIEWER, "张三")
    svc.submit(staff, iid)
    signed = svc.sign(lead, iid, SignatureRole.REVIEWER, "王行长")  # the review, after submit
    assert signed.signed_by == "lead"
    got = svc.get(lead, iid)
    assert {s.role: s.name for s in got.signatures} == {
        SignatureRole.INSPECTOR: "张三",
        SignatureRole.REVIEWER: "王行长",
    }
    with pytest.raises(ValidationError):
        svc.sign(lead, iid, SignatureRole.REVIEWER, "赵六")  # signed once after submit


def test_a_failing_submit_writes_nothing(ctx, staff, snapshot, monkeypatch) -> None:
    """The second hazard fails to open: no hazard, no status change, no audit event remain."""
    det = run_inspection(ctx, staff, fail=(2, 5), submit=False)
    before = snapshot()
    hazards: HazardService = ctx.services.hazards
    real = hazards.open_in
    calls = []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(hazards, "open_in", flaky)
    with pytest.raises(RuntimeError):
        ctx.services.inspections.submit(staff, det.info.id)
    assert calls == [1, 1]
    assert snapshot() == before
    monkeypatch.setattr(hazards, "open_in", real)
    assert ctx.services.inspections.submit(staff, det.info.id).info.hazard_count == 2


def test_a_submit_refused_leaves_the_signature_it_was_given_unwritten(ctx, staff, snapshot) -> None:
    """`inspection submit --inspector NAME` signs and submits in one transaction: refused (an item
    unanswered), the inspector's signature and the trail are as they were; it once signed first."""
    svc = ctx.services.inspections
    iid = svc.start(staff, "FIRE_DAILY").info.id
    svc.sign(staff, iid, SignatureRole.INSPECTOR, "李晓梅")
    before = snapshot()
    with pytest.raises(ValidationError, match="2, 3"):
        svc.submit(staff, iid, inspector="赵敏")
    assert snapshot() == before
    svc.answer_rest(staff, iid)
    assert svc.submit(staff, iid, inspector="赵敏").signature(SignatureRole.INSPECTOR).name == "赵敏"


def test_permissions_per_role(ctx, lead, staff, auditor: Actor) -> None:
    svc = ctx.services.inspections
    det = run_inspection(ctx, staff, fail=(1,))
    with pytest.raises(PermissionDenied):
        svc.start(auditor, "FIRE_DAILY")
    with pytest.raises(PermissionDenied):
        svc.answer(auditor, det.info.id, 1, ItemResult.PASS)
    with pytest.raises(PermissionDenied):
        svc.amend(auditor, det.info.id, 1, ItemResult.PASS, reason="x")
    # everyone reads
    assert svc.get(auditor, det.info.id).info.id == det.info.id
    assert [i.id for i in svc.list(auditor)] == [det.info.id]
    assert len(svc.templates(auditor)) == 15
    # lead and staff run
    assert svc.start(lead, "VAULT").info.status == InspectionStatus.DRAFT


def test_list_filters_and_audit(ctx, lead, staff) -> None:
    svc = ctx.services.inspections
    done = run_inspection(ctx, staff)
    draft = svc.start(lead, "CCTV")
    assert [i.id for i in svc.list(lead)] == [draft.info.id, done.info.id]
    submitted = InspectionFilter(status=InspectionStatus.SUBMITTED)
    assert [i.id for i in svc.list(lead, submitted)] == [done.info.id]
    assert [i.id for i in svc.list(lead, InspectionFilter(template_code="cctv"))] == [draft.info.id]
    today = datetime.now().date()
    assert len(svc.list(lead, InspectionFilter(start=today, end=today))) == 2
    assert svc.list(lead, InspectionFilter(end=today - timedelta(days=2))) == []
    actions = {e.action for e in ctx.services.audit.list(lead, AuditFilter(entity="inspection"))}
    assert {"inspection.start", "inspection.answer_rest", "inspection.sign", "inspection.submit"} <= actions
    svc.delete_draft(lead, draft.info.id)
    with pytest.raises(NotFound):
        svc.get(lead, draft.info.id)


def test_starting_from_a_due_occurrence_completes_it_on_submit(ctx, lead, staff) -> None:
    svc = ctx.services.inspections
    start = datetime.now(UTC) - timedelta(hours=3)
    sched = svc.schedule(lead, "CCTV", Cadence.DAILY, "李安全", start, "Asia/Shanghai")
    ctx.services.schedules.catch_up(lead)
    due = svc.due(lead)
    mine = [o for o in due if o.schedule_id == sched.id]
    assert mine and svc.template_for_schedule(lead, sched.id) == "CCTV"  # tomorrow's, written a day ahead
    occurrence = mine[0].id
    with pytest.raises(ValidationError):  # another template's run cannot claim it
        svc.start(staff, "VAULT", _input(occurrence))
    det = run_inspection(ctx, staff, "CCTV", occurrence_id=occurrence, submit=False)
    assert det.info.occurrence_id == occurrence
    still = [o for o in ctx.services.schedules.open_items(lead) if o.id == occurrence]
    assert still  # open until the inspection is submitted
    svc.submit(staff, det.info.id)
    assert not [o for o in ctx.services.schedules.open_items(lead) if o.id == occurrence]
    due_at = mine[0].due_at
    cal = ctx.services.schedules.calendar(lead, due_at - timedelta(hours=1), due_at + timedelta(hours=1))
    done = next(o for o in cal if o.id == occurrence)
    assert done.status == OccurrenceStatus.DONE and done.done_by == "staff"


def _input(occurrence_id: int):
    from branchguard.core.inspections.types import InspectionInput

    return InspectionInput(occurrence_id=occurrence_id)


def test_inspection_runs_keep_the_version_they_started_on(ctx, lead, staff) -> None:
    from dataclasses import replace

    svc = ctx.services.inspections
    old = svc.start(staff, "FIRST_AID")
    content = svc.template(lead, "FIRST_AID").content
    extra = replace(content.items[0], key="eyewash", text=replace(content.items[0].text, zh="洗眼液在期"))
    svc.save_draft(lead, replace(content, items=(*content.items, extra)))
    svc.approve(lead, "FIRST_AID")
    new = svc.start(staff, "FIRST_AID")
    assert (old.info.total, old.info.template_version) == (3, 1)
    assert (new.info.total, new.info.template_version) == (4, 2)
    assert svc.get(lead, old.info.id).info.total == 3


@pytest.mark.parametrize("code", ["ALARM", "SELF_SERVICE"])
def test_every_hazard_opened_has_a_due_schedule_for_its_owner(ctx, staff, lead, code: str) -> None:
    det = run_inspection(ctx, staff, code, fail=(1,), inspector="周保安")
    hazard = ctx.services.hazards.list(lead, HazardFilter(inspection_id=det.info.id))[0]
    sched = ctx.services.schedules.get(lead, hazard.schedule_id)
    assert sched.owner == "周保安" and sched.subject_id == hazard.id and sched.active
    assert sched.next_due == hazard.due_at


def test_demo_records_populate_the_register(ctx, records_filled) -> None:
    """`branchguard demo` (and so `make run`) shows schedules, a submitted patrol with its two
    hazards (one remediated, awaiting a second person) and an overdue hazard."""
    from branchguard.core.hazards.types import HazardStatus
    from branchguard.core.kernel.types import Actor as A

    lead = A.system()
    from branchguard.core.schedules.rules import PRESETS

    svc = ctx.services.inspections
    templates = {t.code: t for t in svc.templates(lead)}
    schedules = svc.schedules(lead)
    assert len(schedules) == len(templates) == 15  # every checklist, on its own cadence
    for sched in schedules:
        code = svc.template_for_schedule(lead, sched.id)
        assert sched.rule.startswith(PRESETS[templates[code].cadence.value].split(";BY")[0]), code
    patrol = next(sc for sc in schedules if svc.template_for_schedule(lead, sc.id) == "FIRE_DAILY")
    assert patrol.rule == PRESETS["two_hourly"]  # every 2 hours while open, not once a day
    power = next(sc for sc in schedules if svc.template_for_schedule(lead, sc.id) == "POWER")
    assert power.rule.startswith("FREQ=MONTHLY") and "INTERVAL" not in power.rule  # monthly, as its checklist
    [done] = ctx.services.inspections.list(lead)
    assert done.status == InspectionStatus.SUBMITTED and done.hazard_count == 2
    register = ctx.services.hazards.list(lead)
    assert [h.overdue for h in register] == [True, False, False]
    assert sorted(h.status for h in register) == [
        HazardStatus.OPEN,
        HazardStatus.OPEN,
        HazardStatus.REMEDIATED,
    ]
    remediated = next(h for h in register if h.status == HazardStatus.REMEDIATED)
    assert remediated.remediated_by == "staff"  # the demo lead can verify it


def test_two_people_submitting_at_once_open_one_set_of_hazards(ctx, staff, lead) -> None:
    """Both start at once; one submit wins, the other waits for the row (PostgreSQL: its lock;
    SQLite: the one writer) and is refused as already submitted; one hazard per failed item."""
    import threading

    det = run_inspection(ctx, staff, fail=(2, 5), submit=False)
    iid = det.info.id
    barrier = threading.Barrier(2)
    outcomes: list[object] = []

    def submit(actor: Actor) -> None:
        barrier.wait()
        try:
            outcomes.append(ctx.services.inspections.submit(actor, iid).info.status)
        except Exception as exc:  # the loser's refusal; anything else fails the assertions below
            outcomes.append(exc)

    threads = [threading.Thread(target=submit, args=(a,)) for a in (staff, lead)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    assert outcomes.count(InspectionStatus.SUBMITTED) == 1, outcomes
    [refused] = [o for o in outcomes if o != InspectionStatus.SUBMITTED]
    assert isinstance(refused, ValidationError) and str(iid) in refused.message
    assert _hazard_count(ctx, iid) == 2
    assert ctx.services.inspections.get(lead, iid).info.hazard_count == 2
