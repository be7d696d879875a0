"""Issue 18: a fault corrected on the spot leaves a closed hazard, not an open one; a failed item
that names a plan starts it at once, with the evidence rule as its first entry."""

from __future__ import annotations

import pytest

from branchguard.core.hazards.types import HazardFilter, HazardSeverity, HazardStatus, RemediationKind
from branchguard.core.incidents.types import EntryKind
from branchguard.core.inspections import library as inspection_data
from branchguard.core.inspections.types import InspectionInput, ItemResult, SignatureRole
from branchguard.core.kernel.errors import PermissionDenied, ValidationError
from tests.core.inspections.inspection_helpers import JPEG


def _item(code: str, key: str) -> int:
    tpl = next(t for t in inspection_data.load_builtin() if t.code == code)
    return next(n for n, item in enumerate(tpl.items, 1) if item.key == key)


def test_the_faults_fire_rules_name_carry_the_on_the_spot_flag() -> None:
    flagged = {
        (t.code, i.key) for t in inspection_data.load_builtin() for i in t.items if i.correct_on_spot
    }
    # MPS Order 61 art. 31: exits, extinguishers, fire doors, smoking or open flame, patrol staff
    assert {
        ("FIRE_DAILY", "exits_clear"),
        ("FIRE_DAILY", "extinguishers_hydrants"),
        ("FIRE_DAILY", "fire_doors"),
        ("FIRE_DAILY", "fire_electric_use"),
        ("FIRE_DAILY", "key_posts"),
        ("EXITS", "exits_unlocked"),
    } <= flagged
    atm = {i.key: i.on_fail_playbook for t in inspection_data.load_builtin() for i in t.items
           if t.code == "SELF_SERVICE"}
    assert atm["card_slot"] == "ATM" and atm["screen_receipts"] == ""


def test_a_blocked_exit_corrected_on_the_spot_leaves_one_closed_hazard(ctx, staff, lead) -> None:
    svc = ctx.services.inspections
    exit_item = _item("FIRE_DAILY", "exits_clear")
    assert svc.template(lead, "FIRE_DAILY").content.items[exit_item - 1].correct_on_spot
    iid = svc.start(staff, "FIRE_DAILY", InspectionInput(location="营业厅")).info.id
    svc.add_photo_bytes(staff, iid, exit_item, "exit.jpg", JPEG)
    fixed = "纸箱已当场搬离，出口畅通"
    answer = svc.answer(staff, iid, exit_item, ItemResult.FAIL, note="西侧出口被纸箱堵塞", corrected=fixed)
    assert answer.correction is not None and answer.correction.corrected_by == "staff"
    svc.answer_rest(staff, iid)
    svc.sign(staff, iid, SignatureRole.INSPECTOR, "张三")
    det = svc.submit(staff, iid)

    hazards = ctx.services.hazards.list(lead, HazardFilter(inspection_id=iid))
    assert len(hazards) == 1
    (hazard,) = hazards
    assert hazard.status == HazardStatus.CLOSED and not hazard.status.is_open
    # a major hazard, gone on the spot: it owes no interim control, plan or report
    assert hazard.severity == HazardSeverity.MAJOR and hazard.outstanding == () and not hazard.closed_short
    assert ctx.services.hazards.list(lead, HazardFilter(inspection_id=iid, open_only=True)) == []
    assert ctx.services.hazards.counts(lead).open_total == 0
    detail = ctx.services.hazards.get(lead, hazard.id)
    (step,) = detail.steps
    assert step.kind == RemediationKind.ON_THE_SPOT and step.text == "纸箱已当场搬离，出口畅通"
    assert step.evidence and step.evidence[0].name == "exit.jpg"
    assert det.answers[exit_item - 1].hazard_id == hazard.id
    assert det.answers[exit_item - 1].correction.text == "纸箱已当场搬离，出口畅通"
    # no reminders are owed for it
    assert not [o for o in ctx.services.schedules.open_items(lead) if "纸箱" in o.title]


def test_a_failed_item_without_correction_still_opens_its_hazard(ctx, staff, lead) -> None:
    svc = ctx.services.inspections
    iid = svc.start(staff, "FIRE_DAILY").info.id
    n = _item("FIRE_DAILY", "fire_doors")
    svc.answer(staff, iid, n, ItemResult.FAIL, note="防火门被木楔顶开", corrected="木楔已取走")
    svc.answer(staff, iid, n, ItemResult.FAIL, corrected="")  # withdrawn: not corrected after all
    svc.answer_rest(staff, iid)
    svc.sign(staff, iid, SignatureRole.INSPECTOR, "张三")
    svc.submit(staff, iid)
    (hazard,) = ctx.services.hazards.list(lead, HazardFilter(inspection_id=iid))
    assert hazard.status == HazardStatus.OPEN


def test_only_a_failed_item_is_corrected_and_a_pass_drops_the_correction(ctx, staff) -> None:
    svc = ctx.services.inspections
    iid = svc.start(staff, "FIRE_DAILY").info.id
    with pytest.raises(ValidationError) as err:
        svc.answer(staff, iid, 2, ItemResult.PASS, corrected="已整改")
    assert err.value.is_about("field.corrected")
    assert svc.get(staff, iid).answers[1].result is None  # refused whole: nothing written
    svc.answer(staff, iid, 2, ItemResult.FAIL, corrected="已整改")
    assert svc.answer(staff, iid, 2, ItemResult.PASS).correction is None
    with pytest.raises(ValidationError) as err:
        svc.answer(staff, iid, 2, ItemResult.FAIL, corrected="x" * 1001)
    assert err.value.is_about("field.corrected")


def test_failing_the_card_slot_starts_the_atm_plan_with_the_evidence_entry(ctx, staff, lead) -> None:
    svc = ctx.services.inspections
    n = _item("SELF_SERVICE", "card_slot")
    iid = svc.start(staff, "SELF_SERVICE", InspectionInput(location="自助区")).info.id
    answer = svc.answer(staff, iid, n, ItemResult.FAIL, note="插卡口有加装物")
    assert answer.item.on_fail_playbook == "ATM"  # what the runner and the CLI offer
    incident_id = svc.escalate(staff, iid, n)
    detail = ctx.services.incidents.get(lead, incident_id)
    assert detail.summary.playbook_code == "ATM" and detail.location == "自助区"
    first = [e for e in detail.entries if e.kind == EntryKind.DECISION]
    assert len(first) == 1 and f"检查记录#{iid}" in first[0].text
    assert "公安机关同意后方可拆除" in first[0].text
    keys = [s.key for s in detail.steps]
    assert {"out_of_service", "call110", "police"} <= set(keys)  # out of service, 110, removal by police
    assert svc.get(staff, iid).answers[n - 1].incident_id == incident_id
    with pytest.raises(ValidationError) as err:  # once per item
        svc.escalate(staff, iid, n)
    assert str(incident_id) in err.value.message


def test_escalation_is_refused_when_the_item_has_not_failed_or_names_no_plan(ctx, staff, auditor) -> None:
    svc = ctx.services.inspections
    n = _item("SELF_SERVICE", "card_slot")
    iid = svc.start(staff, "SELF_SERVICE").info.id
    before = ctx.services.incidents.list_incidents(staff)
    with pytest.raises(ValidationError):
        svc.escalate(staff, iid, n)  # not answered
    svc.answer(staff, iid, n + 3, ItemResult.FAIL)  # screen and receipts: no plan
    with pytest.raises(ValidationError) as err:
        svc.escalate(staff, iid, n + 3)
    assert err.value.is_about("field.item")
    svc.answer(staff, iid, n, ItemResult.FAIL)
    with pytest.raises(PermissionDenied):
        svc.escalate(auditor, iid, n)
    assert ctx.services.incidents.list_incidents(staff) == before
