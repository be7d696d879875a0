"""Generated history (`branchguard demo --years N`): the mix of a busy branch's year, every state a
record can be in, hash chains that verify, the same rows for the same seed."""

from __future__ import annotations

import itertools
import re
import shutil
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from branchguard.context import AppContext, open_context
from branchguard.core.dashboard import waivers
from branchguard.core.demo import wording
from branchguard.core.demo.history import History
from branchguard.core.demo.history import Year as HistoryYearRows
from branchguard.core.hazards import rules
from branchguard.core.hazards.types import HazardEventKind, HazardSeverity, RemediationKind
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
from tests.conftest import HISTORY_UNTIL, HistoryYear, take_records

pytestmark = pytest.mark.slow  # each year of history takes seconds to write

UNTIL = HISTORY_UNTIL


def _states(ctx: AppContext, column: object) -> dict[str, int]:
    with ctx.sessions() as s:
        return dict(s.execute(select(column, func.count()).group_by(column)).tuples().all())  # type: ignore[call-overload]


@dataclass(frozen=True)
class Year:
    """A database holding the demo branch and then a year of history (seed 1, ending at UNTIL)."""

    ctx: AppContext
    totals: dict[str, int]  # what fill_history says it wrote, per table
    progress: list[int]  # the years its progress callback was told of
    before: dict[str, int]  # what each list read before the history: the demo's own records


def _lists(ctx: AppContext) -> dict[str, Callable[[], Sequence[object]]]:
    """Each service list that reads a table the history writes, by that table's name."""
    user = ctx.services.auth.user_by_name("lead")
    assert user is not None
    lead, s = Actor(user.id, user.username, Role(user.role)), ctx.services
    return {
        "inspections": lambda: s.inspections.list(lead),
        "hazards": lambda: s.hazards.list(lead),
        "incidents": lambda: s.incidents.list_incidents(lead),
        "drill_plans": lambda: s.drills.list(lead),
        "schedules": lambda: s.schedules.list(lead),
        "people": lambda: s.people.list_people(lead),
        "complaints": lambda: s.complaints.list(lead),
    }


def _year(data_dir: Path, url: str) -> Year:
    """A year of history written on the demo branch with its records at `url` (its attachments in
    `data_dir`)."""
    ctx = open_context(data_dir, db=url)
    before = {table: len(read()) for table, read in _lists(ctx).items()}
    progress: list[int] = []
    totals = ctx.services.demo.fill_history(1, 1, UNTIL, progress=lambda n, counts: progress.append(n))
    return Year(ctx, totals, progress, before)


@pytest.fixture(scope="module")
def sqlite_year(
    history_year: HistoryYear,
    records_template: Callable[[], Path],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Year]:
    """The run's year of history on SQLite (tests/conftest.py, written once: it takes seconds), in
    a copy, beside what the lists read in a copy of the demo branch it was written on."""
    demo = open_context(Path(shutil.copytree(records_template(), tmp_path_factory.mktemp("demo") / "data")))
    try:
        before = {table: len(read()) for table, read in _lists(demo).items()}
    finally:
        demo.close()
    ctx = open_context(Path(shutil.copytree(history_year.folder, tmp_path_factory.mktemp("year") / "data")))
    yield Year(ctx, dict(history_year.totals), list(history_year.progress), before)
    ctx.close()


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def year(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Year]:
    """The year of history on each engine; read only by the tests that share it."""
    if request.param == "sqlite":
        yield request.getfixturevalue("sqlite_year")
        return
    data = tmp_path_factory.mktemp("year") / "data"
    databases, name = take_records(request, data)  # the demo with its records
    try:
        built = _year(data, request.getfixturevalue("pg_cluster").url(name))
        yield built
        built.ctx.close()
    finally:
        databases.give_back(name)


def test_one_year_holds_a_busy_branch_in_every_state(year: Year) -> None:
    ctx, totals = year.ctx, year.totals
    assert year.progress == [1]

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


def test_hazards_from_failed_items_quote_the_item_as_the_checklist_shows_it(year: Year) -> None:
    """An item's `{param}` fields (the CCTV check's retention days) are filled in, as submit does."""
    with year.ctx.sessions() as s:
        quoted = s.execute(
            select(HazardRow.title, HazardRow.description).where(HazardRow.source == "inspection")
        ).all()
    assert quoted
    assert [q for q in quoted if re.search(r"\{[a-z_]+\}", q.title + q.description)] == []
    assert any("30 天前的录像" in q.description for q in quoted)  # CCTV: retention_days = 30


def test_generated_major_hazards_past_verification_have_their_milestones_or_a_reason(year: Year) -> None:
    """As the service requires: each verified or closed major hazard has its interim control, plan
    and head-office report as steps, or a waiver (its reason) in its history; some have the waiver."""
    user = year.ctx.services.auth.user_by_name("lead")
    assert user is not None
    lead, hazards = Actor(user.id, user.username, Role(user.role)), year.ctx.services.hazards
    done = [h for h in hazards.list(lead) if h.severity == HazardSeverity.MAJOR and not h.status.is_open]
    assert len(done) > 20
    short = [h for h in done if h.outstanding]
    assert short and len(short) < len(done) // 3
    for h in short:
        assert h.outstanding == (RemediationKind.HEAD_OFFICE_REPORT,), h.number
        events = hazards.get(lead, h.id).events
        assert [e.kind for e in events if e.kind == HazardEventKind.WAIVED], h.number
        assert rules.waived_since_reopen([e.kind.value for e in events]), h.number
    # the periodic report and the package read which milestones and why, as from the service's
    with year.ctx.sessions() as s:
        found = waivers.waivers_at(s, [h.id for h in short], datetime.now(UTC))
    assert set(found) == {h.id for h in short}
    for waiver in found.values():
        assert waiver.milestones == (RemediationKind.HEAD_OFFICE_REPORT,)
        assert waiver.reason == wording.WAIVER_REASON


def test_each_months_open_hazards_follow_from_the_month_before(year: Year) -> None:
    """The trends' and the periodic report's hazard figures reconcile: open at a month's end =
    open at the end of the month before + opened - verified or closed (a hazard verified and not
    yet closed is no longer open, and counts as resolved when verified)."""
    user = year.ctx.services.auth.user_by_name("lead")
    assert user is not None
    lead = Actor(user.id, user.username, Role(user.role))
    starts = [date(2025, 6, 1)] + [date(2025 + (6 + i) // 12, (6 + i) % 12 + 1, 1) for i in range(13)]
    months = year.ctx.services.dashboard.periods(lead, starts)
    assert sum(m.hazards_opened for m in months) > 300 and sum(m.hazards_resolved for m in months) > 300
    for before, month in itertools.pairwise(months):
        assert before.hazards_open_at_end + month.hazards_opened - month.hazards_resolved == (
            month.hazards_open_at_end
        ), month.start
    with year.ctx.sessions() as s:  # verified and not closed within its month: where "closed" fell short
        assert s.scalar(select(func.count()).where(HazardRow.status == "verified"))


def test_years_are_bounded(ctx: AppContext) -> None:
    with pytest.raises(ValidationError) as err:
        ctx.services.demo.fill_history(0, 1, UNTIL)
    assert err.value.is_about("field.years")
    with pytest.raises(ValidationError) as err:  # today is not over: its records would be in the future
        ctx.services.demo.fill_history(1, 1, date.today())
    assert err.value.is_about("field.until") and date.today().isoformat() in err.value.message


def _heads(context: AppContext) -> list[tuple[int, str]]:
    with context.sessions() as s:
        return list(
            s.execute(
                select(IncidentRow.id, IncidentRow.chain_head)
                .where(IncidentRow.started_at < select(func.max(IncidentRow.started_at)).scalar_subquery())
                .order_by(IncidentRow.id)
            ).tuples()
        )


def _generated(context: AppContext, seed: int) -> list[tuple[int, datetime, str]]:
    """The incidents (id, start, title) a year of history with `seed` would write on the branch of
    `context`: generated, not written (about 0.2 s, where writing a year takes 5)."""
    with context.engine.connect() as conn:  # History dates the playbooks back: rolled back on leaving
        history = History(conn, seed, UNTIL, 1)
    year = history.year(history.start + timedelta(days=1), history.until)
    return [(row["id"], row["started_at"], row["title"]) for row in year.rows["incidents"]]


def _written(context: AppContext, first_id: int) -> list[tuple[int, datetime, str]]:
    with context.sessions() as s:
        return list(
            s.execute(
                select(IncidentRow.id, IncidentRow.started_at, IncidentRow.title)
                .where(IncidentRow.id >= first_id)
                .order_by(IncidentRow.id)
            ).tuples()
        )


def test_the_same_seed_gives_the_same_history(
    sqlite_year: Year, demo_folder: Callable[[Path], Path], tmp_path: Path
) -> None:
    """Against the module's year (seed 1): the same seed written again gives the same chain heads;
    another seed generates other incidents than the ones seed 1 generates and the year holds."""
    context = open_context(demo_folder(tmp_path / "data"))
    try:
        seed_1, seed_2 = (_generated(context, seed) for seed in (1, 2))
        context.services.demo.fill_history(1, 1, UNTIL)
        again = _heads(context)
    finally:
        context.close()
    # the demo's own drill run (started now, the newest) is left out: its times are today's
    assert _heads(sqlite_year.ctx) == again
    assert _written(sqlite_year.ctx, seed_1[0][0]) == seed_1
    assert seed_2 != seed_1


def test_every_list_reads_the_generated_rows(year: Year) -> None:
    """Every value written is one the services read back (statuses, levels, kinds)."""
    for table, read in _lists(year.ctx).items():
        assert len(read()) == year.before[table] + year.totals[table], table


def test_ten_years_of_joiners_leave_one_head_and_a_staff_of_a_few_dozen_on_duty(ctx: AppContext) -> None:
    """People join in the posts a branch staffs, and most who joined years ago have moved on: with a
    post drawn alike from every one and 40% staying, ten years made 35 branch heads, most on duty,
    and the contact card (one A4 page by the counter) five pages. The demo roster's head and safety
    officer stay the only ones on duty."""
    with ctx.engine.connect() as conn:
        history = History(conn, 1, UNTIL, 10)
    year = HistoryYearRows()
    for n in range(10):
        first = history.start + timedelta(days=365 * n + 1)
        history.people(year, first, min(first + timedelta(days=364), history.until))
    joined = year.rows["people"]
    on_duty = [p for p in joined if p["on_duty"]]
    assert len(joined) == 290
    assert not [p for p in on_duty if p["branch_role"] in ("branch_head", "deputy_head", "safety_officer")]
    assert 20 <= len(on_duty) <= 60
    posts = {p["branch_role"] for p in joined}
    assert {"teller", "customer_manager", "security_guard", "branch_head"} <= posts  # former heads too
