"""Generated history (`branchguard demo --years N`): the mix of a busy branch's year, every state a
record can be in, hash chains that verify, the same rows for the same seed."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from branchguard.context import AppContext, open_context
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.types import Actor, Role
from branchguard.db.models.complaints import ComplaintRow
from branchguard.db.models.drills import DrillPlanRow
from branchguard.db.models.foundation import AuditEventRow, PersonRow
from branchguard.db.models.hazards import HazardRow
from branchguard.db.models.incidents import IncidentRow
from branchguard.db.models.inspections import InspectionRow
from branchguard.db.models.playbooks import PlaybookVersionRow
from branchguard.db.models.schedules import ScheduleRow

UNTIL = date(2026, 6, 30)


def _states(ctx: AppContext, column: object) -> dict[str, int]:
    with ctx.sessions() as s:
        return dict(s.execute(select(column, func.count()).group_by(column)).tuples().all())  # type: ignore[call-overload]


def test_one_year_holds_a_busy_branch_in_every_state(ctx: AppContext) -> None:
    demo = ctx.services.demo
    demo.fill(records=True)
    years: list[int] = []
    totals = demo.fill_history(1, 1, UNTIL, progress=lambda n, counts: years.append(n))
    assert years == [1]

    assert 24 <= totals["complaints"] <= 48  # about three a month, through the complaint service
    # the year's 20,000, and each complaint's: registration, assignment, steps, its reminders
    assert 20_000 + 2 * totals["complaints"] <= totals["audit_events"] <= 20_000 + 12 * totals["complaints"]
    assert totals["inspections"] == 730
    assert totals["drill_plans"] == 60
    assert totals["people"] == 29
    assert 400 <= totals["hazards"] <= 650
    assert 130 <= totals["incidents"] - totals["drill_evaluations"] <= 250  # incidents besides drill runs
    assert totals["incident_log"] >= 40 * 140
    assert 0 < totals["playbook_versions"] <= 25  # a playbook with an open draft gets no other revision
    with ctx.sessions() as s:
        assert s.scalar(select(func.count()).select_from(PersonRow)) == 9 + 29
        approved = s.execute(
            select(PlaybookVersionRow.playbook_id, func.count())
            .where(PlaybookVersionRow.status == "approved")
            .group_by(PlaybookVersionRow.playbook_id)
        ).all()
        assert {n for _, n in approved} == {1}  # each playbook has exactly one approved version
        # the history's audit events and the one that records the history itself
        assert s.scalar(select(func.count()).where(AuditEventRow.action == "demo.history")) == 1

    with ctx.sessions() as s:  # a yearly revision keeps its plan's text and tier; guides start nothing
        first = select(PlaybookVersionRow).where(PlaybookVersionRow.number == 1)
        firsts = {v.playbook_id: v for v in s.scalars(first)}
        for v in s.scalars(select(PlaybookVersionRow).where(PlaybookVersionRow.number > 1)):
            was = firsts[v.playbook_id]
            assert (v.title_zh, v.tier, v.levels, v.triggers_zh, v.roles) == (
                was.title_zh, was.tier, was.levels, was.triggers_zh, was.roles
            )  # fmt: skip
        guides = {v.playbook.code for v in firsts.values() if v.tier == "service"}
        started = set(s.scalars(select(IncidentRow.playbook_code).distinct()))
        assert guides and not guides & started
    assert set(_states(ctx, HazardRow.status)) == {"open", "remediated", "verified", "closed"}
    assert set(_states(ctx, HazardRow.source)) == {"inspection", "manual"}
    assert set(_states(ctx, InspectionRow.status)) == {"draft", "submitted"}
    assert set(_states(ctx, DrillPlanRow.status)) == {"planned", "running", "evaluated", "cancelled"}
    assert set(_states(ctx, IncidentRow.status)) == {"open", "closed"}
    assert set(_states(ctx, PlaybookVersionRow.status)) == {"draft", "approved", "retired"}
    assert set(_states(ctx, ScheduleRow.active)) == {True, False}
    assert {"archived", "withdrawn"} <= set(_states(ctx, ComplaintRow.status))
    assert set(_states(ctx, ComplaintRow.kind)) >= {"complaint"}
    with ctx.sessions() as s:  # a year of complaints, each written at its own time, not all today
        received = s.execute(
            select(func.min(ComplaintRow.received_at), func.max(ComplaintRow.received_at))
        ).one()
        assert received[1] - received[0] > timedelta(days=300)
        late = s.scalar(select(func.count()).where(ComplaintRow.clock_stopped_at > ComplaintRow.due_at))
        assert late  # some answered after their 15 days
    assert len(_states(ctx, ScheduleRow.kind)) >= 5

    user = ctx.services.auth.user_by_name("lead")
    assert user is not None
    lead = Actor(user.id, user.username, Role(user.role))
    report = ctx.services.incidents.verify(lead)
    assert report.ok, report
    assert report.entries == totals["incident_log"] + 7  # and the demo drill's own log
    # The bulk writes pass by the session hook; the ledger takes them in at the end, all of them.
    ledger = ctx.services.ledger.verify(lead)
    assert ledger.ok, [p.message.text("en") for p in ledger.problems]
    assert ledger.log_entries == report.entries


def test_years_are_bounded(ctx: AppContext) -> None:
    ctx.services.demo.fill(records=True)
    with pytest.raises(ValidationError) as err:
        ctx.services.demo.fill_history(0, 1, UNTIL)
    assert err.value.is_about("field.years")


def _heads(data_dir: Path, seed: int) -> list[tuple[int, str]]:
    context = open_context(data_dir)
    try:
        context.services.demo.fill(records=True)
        context.services.demo.fill_history(1, seed, UNTIL)
        with context.sessions() as s:
            return list(
                s.execute(
                    select(IncidentRow.id, IncidentRow.chain_head)
                    .where(
                        IncidentRow.started_at < select(func.max(IncidentRow.started_at)).scalar_subquery()
                    )
                    .order_by(IncidentRow.id)
                ).tuples()
            )
    finally:
        context.close()


def test_the_same_seed_gives_the_same_history(tmp_path: Path) -> None:
    first, again, other = (_heads(tmp_path / name, seed) for name, seed in (("a", 7), ("b", 7), ("c", 8)))
    # the demo's own drill run (started now, the newest) is left out: its times are today's
    assert first == again
    assert first != other


def test_every_list_reads_the_generated_rows(ctx: AppContext) -> None:
    """Every value written is one the services read back (statuses, levels, kinds)."""
    demo = ctx.services.demo
    demo.fill(records=True)
    user = ctx.services.auth.user_by_name("lead")
    assert user is not None
    lead, s = Actor(user.id, user.username, Role(user.role)), ctx.services
    lists = {  # each list and the table the history writes its rows into
        "inspections": lambda: s.inspections.list(lead),
        "hazards": lambda: s.hazards.list(lead),
        "incidents": lambda: s.incidents.list_incidents(lead),
        "drill_plans": lambda: s.drills.list(lead),
        "schedules": lambda: s.schedules.list(lead),
        "people": lambda: s.people.list_people(lead),
        "complaints": lambda: s.complaints.list(lead),
    }
    before = {table: len(read()) for table, read in lists.items()}  # the demo's own records
    totals = demo.fill_history(1, 3, UNTIL)
    for table, read in lists.items():
        assert len(read()) == before[table] + totals[table], table
