"""The schedules and their items are evidence (core/ledger/rules.py): every way the app writes them
is ledgered, a catch-up's Core INSERT, a rule change's or a pause's Core DELETE and a schedule's
items the database deletes with it included, so that `verify` never tells a branch its schedules
were altered outside the app when they were not; an item marked done or a rule rewritten with
sqlite3 is named."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select, text

from branchguard.core.complaints.types import ComplaintInput, StepInput
from branchguard.core.demo.drills import FIRE_SCORES
from branchguard.core.drills.types import DrillPlanInput, EvaluationInput
from branchguard.core.hazards.types import HazardInput, RemediationKind
from branchguard.core.incidents.types import CloseInput, FollowUpInput
from branchguard.core.inspections.types import InspectionInput
from branchguard.core.kernel.types import Actor
from branchguard.core.schedules.types import OccurrenceStatus, ScheduleInput, ScheduleKind
from branchguard.db.models.ledger import LedgerEntryRow
from tests.core.inspections.inspection_helpers import run_inspection

ZONE = "Asia/Shanghai"


def _problems(ctx: Any, actor: Actor) -> list[str]:
    return [p.message.text("en") for p in ctx.services.ledger.verify(actor).problems]


def _items(ctx: Any, actor: Actor, schedule_id: int) -> list[Any]:
    return [o for o in ctx.services.schedules.open_items(actor) if o.schedule_id == schedule_id]


def _own_schedules(ctx: Any, lead: Actor, now: datetime) -> None:
    """The lead's own schedules: added, caught up days ahead (a Core INSERT), items done, skipped
    and moved, a promised one moved, a rule changed and a pause (each a Core DELETE of the open
    items not yet due), a resume, and a schedule deleted with its items (the database's cascade)."""
    svc = ctx.services.schedules
    daily = svc.add(lead, ScheduleInput("每日巡查", now + timedelta(hours=1), rule="daily", timezone=ZONE))
    weekly = svc.add(lead, ScheduleInput("每周检查", now + timedelta(hours=2), rule="weekly", timezone=ZONE))
    once = svc.add(lead, ScheduleInput("更换灭火器", now + timedelta(hours=3), timezone=ZONE))
    gone = svc.add(lead, ScheduleInput("临时值守", now + timedelta(hours=4), rule="daily", timezone=ZONE))
    assert len(svc.catch_up(lead, now=now + timedelta(days=3)).occurrences) >= 10
    first, second, third, *_rest = _items(ctx, lead, daily.id)
    svc.complete(lead, first.id, note="已巡查")
    svc.complete(lead, second.id, skipped=True, note="停电")
    svc.reschedule(lead, third.id, third.due_at + timedelta(hours=5))
    (only,) = _items(ctx, lead, once.id)
    svc.complete(lead, only.id)  # the one-off ends with it (end_if_spent)
    ahead = now + timedelta(days=20)
    promised = next(
        o for o in svc.calendar(lead, ahead, ahead + timedelta(days=8)) if o.schedule_id == weekly.id
    )
    assert promised.id is None
    svc.reschedule_promised(lead, weekly.id, promised.rule_at, promised.due_at + timedelta(hours=1))
    moved = ScheduleInput("每日巡查", now + timedelta(hours=6), rule="daily", timezone=ZONE)
    svc.update(lead, daily.id, moved)
    svc.set_active(lead, weekly.id, False)
    svc.set_active(lead, weekly.id, True)
    svc.catch_up(lead, now=now + timedelta(days=1))
    assert _items(ctx, lead, gone.id)
    svc.remove(lead, gone.id)


def _inspections(ctx: Any, lead: Actor, now: datetime) -> None:
    """An inspection started from a scheduled item and submitted (its item done); a draft started
    from another's item, whose schedule is then deleted (the draft's reference emptied)."""
    svc = ctx.services.schedules
    template = next(t for t in ctx.services.inspections.templates(lead) if t.code == "FIRE_DAILY")
    plan = ScheduleInput(
        "检查：消防", now + timedelta(hours=1), kind=ScheduleKind.INSPECTION, rule="daily",
        timezone=ZONE, subject_id=template.id,
    )  # fmt: skip
    done, dropped = svc.add(lead, plan), svc.add(lead, plan)
    svc.catch_up(lead)
    run_inspection(ctx, lead, occurrence_id=_items(ctx, lead, done.id)[0].id)
    draft = InspectionInput(location="金库", occurrence_id=_items(ctx, lead, dropped.id)[0].id)
    ctx.services.inspections.start(lead, "FIRE_DAILY", draft)
    svc.remove(lead, dropped.id)


def _drills(ctx: Any, lead: Actor, staff: Actor, now: datetime) -> None:
    """A one-off drill planned, its item written, moved (its open item deleted), run (its next item
    written and done), ended and evaluated with a dated action that is then done; a series run; a
    drill cancelled (its schedule paused)."""
    drills, incidents = ctx.services.drills, ctx.services.incidents
    tomorrow = (datetime.now() + timedelta(days=1)).replace(hour=10, minute=0, second=0, microsecond=0)
    plan = drills.plan(lead, DrillPlanInput("FIRE", tomorrow))
    ctx.services.schedules.catch_up(lead, now=now + timedelta(days=1))
    assert _items(ctx, lead, plan.schedule_id)
    drills.move(lead, plan.id, tomorrow + timedelta(days=5))
    run = drills.run(staff, plan.id)
    incidents.close(lead, run.incident_id, CloseInput(outcome="演练结束"))
    action = FollowUpInput("补充灭火器", "王五", date.today() + timedelta(days=14))
    drills.evaluate(lead, plan.id, EvaluationInput(FIRE_SCORES, actions=(action,)))
    (made,) = [a for a in incidents.handover(lead).actions if a.text == "补充灭火器"]
    incidents.complete_action(lead, made.id)
    series = drills.plan(lead, DrillPlanInput("ROB", tomorrow, rrule="semiannual"))
    drills.run(staff, series.id)
    drills.cancel(lead, drills.plan(lead, DrillPlanInput("FIRE", tomorrow + timedelta(days=9))).id)


def _hazards_and_complaints(ctx: Any, lead: Actor, staff: Actor, now: datetime) -> None:
    """A hazard opened, its due date moved, its items written, remediated, verified and closed; a
    complaint registered, assigned, extended and replied to (each a schedule ended and one begun)."""
    hazards, complaints = ctx.services.hazards, ctx.services.complaints
    soon = HazardInput("灭火器过期", owner="王五", due=date.today() + timedelta(days=2))
    opened = hazards.create(lead, soon)
    later = HazardInput("灭火器过期", owner="王五", due=date.today() + timedelta(days=4))
    hazards.update(lead, opened.info.id, later)
    ctx.services.schedules.catch_up(lead, now=now + timedelta(days=5))
    hazards.add_step(staff, opened.info.id, RemediationKind.ACTION, "更换灭火器")
    hazards.remediate(staff, opened.info.id)
    hazards.verify(lead, opened.info.id, "复查合格")
    hazards.close(lead, opened.info.id, "销号")
    received = datetime.now() - timedelta(days=1)
    made = complaints.register(staff, ComplaintInput(
        channel="counter", received_at=received, customer_name="刘女士", category="waiting",
        request="排队太久",
    )).info.id  # fmt: skip
    complaints.assign(lead, made, "王建国")
    complaints.step(lead, made, StepInput("investigate", "调阅叫号记录"))
    complaints.step(lead, made, StepInput("decide", "致歉", basis="服务规范"))
    ctx.services.schedules.catch_up(lead, now=now + timedelta(days=15))
    complaints.extend(lead, made, "需上级部门协查", notice_channel="phone")
    complaints.step(lead, made, StepInput("reply", "电话答复", reply_channel="phone"))


def test_every_kind_of_schedule_change_verifies_clean(ctx, lead, staff) -> None:
    now = datetime.now(UTC)
    _own_schedules(ctx, lead, now)
    _inspections(ctx, lead, now)
    _drills(ctx, lead, staff, now)
    _hazards_and_complaints(ctx, lead, staff, now)
    assert _problems(ctx, lead) == []
    kinds = ("schedule", "schedule_occurrence")
    with ctx.engine.connect() as conn:
        stmt = select(LedgerEntryRow.entity, LedgerEntryRow.action).where(LedgerEntryRow.entity.in_(kinds))
        kept = set(conn.execute(stmt).tuples())
    assert kept == {(kind, action) for kind in kinds for action in ("create", "change", "delete")}


def test_an_item_marked_done_or_a_rule_rewritten_with_sqlite3_is_named(ctx, lead) -> None:
    """What the dashboard's overdue figures and head office's package read: an overdue item made
    done by hand in the database, and a schedule's rule rewritten, are named with the ledger's
    values."""
    svc = ctx.services.schedules
    made = svc.add(lead, ScheduleInput("每日巡查", datetime.now(UTC) + timedelta(hours=1), rule="daily",
                                       timezone=ZONE))  # fmt: skip
    svc.catch_up(lead)
    (item,) = _items(ctx, lead, made.id)
    assert item.status is OccurrenceStatus.OPEN and _problems(ctx, lead) == []
    with ctx.engine.begin() as conn:
        conn.execute(
            text("UPDATE schedule_occurrences SET status = 'done', done_by = 'lead' WHERE id = :id"),
            {"id": item.id},
        )
        conn.execute(text("UPDATE schedules SET rrule = 'FREQ=YEARLY' WHERE id = :id"), {"id": made.id})
    assert sorted(_problems(ctx, lead)) == [
        f"schedule {made.id}: rrule is FREQ=YEARLY, ledger says FREQ=DAILY",
        f"scheduled item {item.id}: done_by is lead, ledger says null",
        f"scheduled item {item.id}: status is done, ledger says open",
    ]


def test_an_item_another_pc_writes_while_a_pause_drops_the_upcoming_ones_is_ledgered(
    ctx: Any, lead: Actor, monkeypatch: Any
) -> None:
    """On PostgreSQL another PC's catch-up could commit an item between the pause noting the items it
    drops and its DELETE: the DELETE took it unnoted, and `verify` told the branch "scheduled item 3
    deleted outside the app" (found in review). The deleted rows are noted as the DELETE returns them.
    (SQLite lets one transaction write at a time: there the other PC waits, nothing comes between.)"""
    from sqlalchemy.orm import sessionmaker

    from branchguard.core.ledger import recording
    from branchguard.core.schedules import store as schedule_store

    schedules, now = ctx.services.schedules, datetime.now(UTC)
    daily = ScheduleInput("每日巡查", now + timedelta(hours=1), rule="daily", timezone="Asia/Shanghai")
    made = schedules.add(lead, daily)
    schedules.catch_up(lead, now=now)
    other_pc = sessionmaker(bind=ctx.engine, expire_on_commit=False)
    noting, wrote = recording.deleting, []

    def then_another_pc_catches_up(session: Any, table: str, doomed: Any) -> None:
        noting(session, table, doomed)
        if not wrote and ctx.engine.dialect.name == "postgresql":
            with other_pc.begin() as s:  # its tick writes the next two days' items and commits
                wrote.extend(o.id for o in schedule_store.catch_up(s, now + timedelta(days=2)).occurrences)

    monkeypatch.setattr(recording, "deleting", then_another_pc_catches_up)
    schedules.set_active(lead, made.id, False)
    assert wrote or ctx.engine.dialect.name != "postgresql"
    assert _problems(ctx, lead) == []
