"""One emergency, one log, for escalations too: a failed card slot escalated while ATM's real
incident is open is refused (PlanAlreadyOpen) instead of opening a second ATM incident; `into`
logs the failure (the evidence rule) in the open one, `despite_open` starts a second on purpose.

Why: InspectionService.escalate called start_in without the check `incident start` makes, so
`inspection escalate` opened ATM #3 beside ATM #2 of the same emergency."""

from __future__ import annotations

import pytest

from branchguard.core.incidents.opening import PlanAlreadyOpen
from branchguard.core.incidents.text import said_text
from branchguard.core.incidents.types import CloseInput, EntryKind
from branchguard.core.inspections.types import ItemResult
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import set_language
from tests.core.inspections.test_on_the_spot import _item


def _failed_card_slot(ctx, staff) -> tuple[int, int]:
    svc = ctx.services.inspections
    n = _item("SELF_SERVICE", "card_slot")
    iid = svc.start(staff, "SELF_SERVICE").info.id
    svc.answer(staff, iid, n, ItemResult.FAIL, note="插卡口有加装物")
    return iid, n


def _open_atms(ctx, lead) -> list[int]:
    live = ctx.services.incidents.open_incidents(lead)
    return sorted(i.id for i in live if i.playbook_code == "ATM" and not i.drill)


def test_escalating_while_the_plan_is_open_is_refused_and_names_it(ctx, staff, lead) -> None:
    atm = ctx.services.incidents.start(lead, "ATM")
    iid, n = _failed_card_slot(ctx, staff)
    with pytest.raises(PlanAlreadyOpen) as err:
        ctx.services.inspections.escalate(staff, iid, n)
    assert err.value.incident.id == atm.id
    assert _open_atms(ctx, lead) == [atm.id]  # nothing started
    assert ctx.services.inspections.get(staff, iid).answers[n - 1].incident_id is None  # nor linked


def test_into_logs_the_evidence_rule_in_the_open_incident(ctx, staff, lead) -> None:
    atm = ctx.services.incidents.start(lead, "ATM")
    before = ctx.services.incidents.get(lead, atm.id).entries
    iid, n = _failed_card_slot(ctx, staff)

    assert ctx.services.inspections.escalate(staff, iid, n, into=atm.id) == atm.id

    assert _open_atms(ctx, lead) == [atm.id]
    entries = ctx.services.incidents.get(lead, atm.id).entries
    (added,) = entries[len(before) :]
    assert added.kind == EntryKind.DECISION and added.actor == "staff"
    assert f"检查记录#{iid}" in added.text and "公安机关同意后方可拆除" in added.text
    assert ctx.services.inspections.get(staff, iid).answers[n - 1].incident_id == atm.id
    audit = ctx.services.audit.list(lead)[0]
    assert audit.action == "inspection.escalate" and audit.after == {"item": n, "incident": atm.id}
    assert ctx.services.incidents.verify(lead).ok  # appended on the chain, not beside it
    report = ctx.services.ledger.verify(lead)
    assert report.ok, [p.message for p in report.problems]


def test_into_refuses_a_closed_incident_or_one_of_another_plan(ctx, staff, lead) -> None:
    inc = ctx.services.incidents
    fire = inc.start(lead, "FIRE")
    drill = inc.start(lead, "ATM", drill=True)
    closed = inc.start(lead, "ATM")
    inc.close(lead, closed.id, CloseInput(outcome="已处置"))
    iid, n = _failed_card_slot(ctx, staff)
    ended_fire = inc.start(lead, "FIRE", despite_open=True)
    inc.close(lead, ended_fire.id, CloseInput(outcome="已处置"))
    for other in (fire.id, drill.id, closed.id, ended_fire.id):
        with pytest.raises(ValidationError) as err:
            ctx.services.inspections.escalate(staff, iid, n, into=other)
        assert err.value.is_about("field.incident") and str(other) in err.value.message
        # "escalate again to start the plan anew" only for the plan's own incident, ended
        expected = "inspection.into_closed" if other == closed.id else "inspection.into_other_plan"
        assert err.value.reason_message.key == expected, (other, err.value.reason_message.key)
    assert ctx.services.inspections.get(staff, iid).answers[n - 1].incident_id is None


def test_despite_open_starts_a_second_incident(ctx, staff, lead) -> None:
    atm = ctx.services.incidents.start(lead, "ATM")
    iid, n = _failed_card_slot(ctx, staff)
    second = ctx.services.inspections.escalate(staff, iid, n, despite_open=True)
    assert second != atm.id and _open_atms(ctx, lead) == [atm.id, second]


# -- what a joined escalation says (review B) ---------------------------------------------------------
def test_into_says_logged_in_this_incident_not_started_from_the_inspection(ctx, staff, lead) -> None:
    """The incident was started earlier by someone else: its log (and its report) must not say the
    inspection started it, yet keeps the evidence rule; stored with its key, in both languages."""
    atm = ctx.services.incidents.start(lead, "ATM")
    iid, n = _failed_card_slot(ctx, staff)
    ctx.services.inspections.escalate(staff, iid, n, into=atm.id)
    added = ctx.services.incidents.get(lead, atm.id).entries[-1]
    assert f"检查记录#{iid}第 {n} 项" in added.text and "记入本事件" in added.text, added.text
    assert "启动" not in added.text and "公安机关同意后方可拆除" in added.text
    set_language("en")
    try:
        english = said_text(added)  # as the report and `incident show` word it
    finally:
        set_language("zh_CN")
    assert f"Inspection #{iid}, item {n}" in english and "logged in this incident" in english, english
    assert "Started from" not in english and "police agree" in english
    assert ctx.services.incidents.verify(lead).ok


def test_escalating_a_joined_item_again_says_it_was_escalated_not_that_it_started(ctx, staff, lead) -> None:
    atm = ctx.services.incidents.start(lead, "ATM")
    iid, n = _failed_card_slot(ctx, staff)
    ctx.services.inspections.escalate(staff, iid, n, into=atm.id)
    with pytest.raises(ValidationError) as err:
        ctx.services.inspections.escalate(staff, iid, n, despite_open=True)
    assert f"第 {n} 项已上报至事件 #{atm.id}" in err.value.message, err.value.message


def test_into_an_incident_ended_meanwhile_says_to_escalate_again(ctx, staff, lead) -> None:
    """Closed on another PC after the question was asked: the refusal says how to go on, and
    escalating again (no `into`) starts the plan anew."""
    inc = ctx.services.incidents
    atm = inc.start(lead, "ATM")
    iid, n = _failed_card_slot(ctx, staff)
    inc.close(lead, atm.id, CloseInput(outcome="已处置"))
    with pytest.raises(ValidationError) as err:
        ctx.services.inspections.escalate(staff, iid, n, into=atm.id)
    assert f"事件 #{atm.id} 已结束" in err.value.message and f"再次上报第 {n} 项" in err.value.message
    again = ctx.services.inspections.escalate(staff, iid, n)
    assert again != atm.id and _open_atms(ctx, lead) == [again]
