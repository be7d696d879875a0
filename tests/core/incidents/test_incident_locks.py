"""Two PCs changing one incident at once: each change is decided on the incident locked and read
fresh (db/locks.py), so the second meets the usual refusal instead of repeating the first.

Found with four processes at once (both engines): a step marked done four times, four "III → II"
level changes from a stale level, report fields of one PC lost to another's. Here the other PC's
call is made between this call's read and its write (tests/interleave_support.py).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from branchguard.core.incidents import log as incident_log
from branchguard.core.incidents import service as incident_service
from branchguard.core.incidents.types import CloseInput, EntryKind, FollowUpInput
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.types import Level
from branchguard.db.models.foundation import AuditEventRow
from tests.interleave_support import rival_before


def _at_first_append(ctx: Any, monkeypatch: Any, incident_id: int, rival: Any) -> Any:
    return rival_before(ctx, monkeypatch, incident_log, "append", ("incidents", incident_id), rival)


def _entries(ctx: Any, lead: Any, iid: int, kind: EntryKind) -> list[Any]:
    return [e for e in ctx.services.incidents.get(lead, iid).entries if e.kind == kind]


def test_a_step_marked_from_two_pcs_at_once_is_marked_once(ctx, lead, staff, monkeypatch) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "FIRE").id
    with _at_first_append(ctx, monkeypatch, iid, lambda: inc.mark_step(staff, iid, 1)) as rival:
        inc.mark_step(lead, iid, 1)
    (refused,) = rival
    assert isinstance(refused, ValidationError) and refused.reason_message.key == "incident.step_marked"
    assert [e.actor for e in _entries(ctx, lead, iid, EntryKind.STEP_DONE)] == ["lead"]


def test_a_mark_undone_from_two_pcs_at_once_is_undone_once(ctx, lead, monkeypatch) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "FIRE").id
    mark = inc.mark_step(lead, iid, 1)
    with _at_first_append(ctx, monkeypatch, iid, lambda: inc.undo_mark(lead, iid, mark.seq)) as rival:
        inc.undo_mark(lead, iid, mark.seq)
    (refused,) = rival
    assert isinstance(refused, ValidationError) and refused.reason_message.key == "incident.undo_not_current"
    assert len(_entries(ctx, lead, iid, EntryKind.CORRECTION)) == 1


def test_a_level_changed_from_two_pcs_at_once_changes_once_from_the_level_it_had(
    ctx, lead, monkeypatch
) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "FIRE", Level.III).id
    change = lambda: inc.change_level(lead, iid, Level.II, "other PC")  # noqa: E731
    with _at_first_append(ctx, monkeypatch, iid, change) as rival:
        inc.change_level(lead, iid, Level.II, "up")
    (refused,) = rival
    assert isinstance(refused, ValidationError) and refused.reason_message.key == "incident.same_level"
    changes = _entries(ctx, lead, iid, EntryKind.LEVEL_CHANGE)
    assert [(e.text, e.data["from"], e.data["to"]) for e in changes] == [("up", "III", "II")]
    with ctx.sessions() as s:
        audits = s.scalars(select(AuditEventRow).where(AuditEventRow.action == "incident.level")).all()
    assert [(a.before, a.after) for a in audits] == [({"level": "III"}, {"level": "II"})]


def test_report_fields_saved_from_two_pcs_at_once_keep_both(ctx, lead, monkeypatch) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "ROB").id
    other = lambda: inc.set_report_fields(lead, iid, {"nature": "抢劫"})  # noqa: E731
    with _at_first_append(ctx, monkeypatch, iid, other):
        inc.set_report_fields(lead, iid, {"place": "营业厅"})
    assert inc.get(lead, iid).report_fields == {"place": "营业厅", "nature": "抢劫"}


def test_an_action_completed_from_two_pcs_at_once_is_completed_once(ctx, lead, monkeypatch) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "FIRE").id
    closed = inc.close(lead, iid, CloseInput("已处置", actions=(FollowUpInput("补充灭火器", "王五"),)))
    action_id = closed.actions[0].id
    row = ("incident_actions", action_id)
    other = lambda: inc.complete_action(lead, action_id)  # noqa: E731
    with rival_before(ctx, monkeypatch, incident_service, "record", row, other):
        inc.complete_action(lead, action_id)
    with ctx.sessions() as s:
        count = select(func.count()).where(AuditEventRow.action == "incident.action")
        assert s.scalar(count.select_from(AuditEventRow)) == 1
