"""List windows (core/kernel/paging.py) on SQLite and PostgreSQL: the incident, drill and
inspection lists read a window at a time reach every record once, in the same order as the whole
list, with the filter applied in SQL and counted by SQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import pytest

from branchguard.core.drills.types import DrillPlanInput, DrillStatus
from branchguard.core.incidents.types import IncidentFilter
from branchguard.core.inspections.types import InspectionFilter, InspectionInput, InspectionStatus
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.paging import Slice, Window
from branchguard.core.kernel.types import Actor, Level

T = TypeVar("T")


def walk(read: Callable[[Window], Slice[T]], limit: int, **order: Any) -> tuple[list[T], set[int]]:
    """Every row, window after window as a scrolled view asks; and the totals each window gave."""
    rows: list[T] = []
    totals: set[int] = set()
    while True:
        got = read(Window(offset=len(rows), limit=limit, **order))
        rows += got.rows
        totals.add(got.total)
        if len(got.rows) < limit:
            return rows, totals


def test_incident_windows_reach_every_incident_in_list_order_and_filter_in_sql(ctx: Any, lead: Actor) -> None:
    svc = ctx.services.incidents
    for n in range(7):
        svc.start(lead, "ROB" if n % 2 else "FIRE", title=f"事件 {n}", drill=n % 3 == 0, despite_open=True)
    everything = svc.list_incidents(lead)
    rows, totals = walk(lambda w: svc.window(lead, IncidentFilter(), w), 3)
    assert [r.id for r in rows] == [r.id for r in everything] and totals == {7}
    drills = IncidentFilter(drill=True)
    rows, totals = walk(lambda w: svc.window(lead, drills, w), 2)
    assert [r.id for r in rows] == [r.id for r in svc.list_incidents(lead, drills)]
    assert totals == {3} and all(r.drill for r in rows)
    found = IncidentFilter(search="事件 4")
    assert [r.title for r in svc.window(lead, found, Window()).rows] == ["事件 4"]
    by_title, _ = walk(lambda w: svc.window(lead, IncidentFilter(), w), 2, sort="title", descending=False)
    assert [r.title for r in by_title] == [f"事件 {n}" for n in range(7)]
    levels = IncidentFilter(level=Level.I)
    assert svc.window(lead, levels, Window()).total == len(svc.list_incidents(lead, levels))


def test_drill_windows_reach_every_plan_and_filter_by_status(ctx: Any, lead: Actor) -> None:
    svc = ctx.services.drills
    when = datetime.now(UTC).replace(microsecond=0) + timedelta(days=9)
    plans = [
        svc.plan(
            lead, DrillPlanInput(playbook_code="ROB", date=when + timedelta(days=n), expected_headcount=6)
        )
        for n in range(5)
    ]
    svc.cancel(lead, plans[1].id)
    svc.cancel(lead, plans[3].id)
    rows, totals = walk(lambda w: svc.window(lead, None, w), 2)
    assert [r.id for r in rows] == [r.id for r in svc.list(lead)] and totals == {5}
    rows, totals = walk(lambda w: svc.window(lead, DrillStatus.CANCELLED, w), 1)
    assert sorted(r.id for r in rows) == [plans[1].id, plans[3].id] and totals == {2}
    by_date, _ = walk(lambda w: svc.window(lead, None, w), 2, sort="date", descending=False)
    assert [r.id for r in by_date] == [p.id for p in plans]


def test_inspection_windows_keep_the_counts_and_filter_by_status(ctx: Any, lead: Actor) -> None:
    svc = ctx.services.inspections
    for n in range(5):
        det = svc.start(lead, "FIRE_DAILY", InspectionInput(location=f"区域 {n}"))
        if n % 2 == 0:
            svc.answer_rest(lead, det.info.id)
    everything = svc.list(lead)
    rows, totals = walk(lambda w: svc.window(lead, InspectionFilter(), w), 2)
    assert rows == everything and totals == {5}  # the counts of answers too, window by window
    drafts = InspectionFilter(status=InspectionStatus.DRAFT)
    rows, totals = walk(lambda w: svc.window(lead, drafts, w), 2)
    assert rows == svc.list(lead, drafts) and totals == {5}
    by_place, _ = walk(lambda w: svc.window(lead, InspectionFilter(), w), 3, sort="location", descending=True)
    assert [r.location for r in by_place] == [f"区域 {n}" for n in reversed(range(5))]


@pytest.mark.parametrize(
    ("window", "field"),
    [
        (Window(sort="nonsense"), "field.sort"),
        (Window(offset=-1), "field.offset"),
        (Window(limit=0), "field.limit"),
    ],
)
def test_a_bad_window_is_refused_naming_the_field(ctx: Any, lead: Actor, window: Window, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        ctx.services.incidents.window(lead, IncidentFilter(), window)
    assert caught.value.field == field


@pytest.mark.parametrize("ids", [[], [3], [1, 2, 3, 5, 8], list(range(1, 400))])
def test_among_picks_the_rows_of_the_ids_given_in_one_parameter_on_postgresql(
    ctx: Any, lead: Actor, ids: list[int]
) -> None:
    """A window's ids as one condition: the same rows as IN on both engines; PostgreSQL gets a
    single array parameter, so the statement stays short whatever the window holds."""
    from sqlalchemy import event, select

    from branchguard.core.kernel.paging import among
    from branchguard.db.models.incidents import IncidentRow

    for n in range(9):
        ctx.services.incidents.start(lead, "FIRE", title=f"事件 {n}", despite_open=True)
    sent: list[Any] = []
    with ctx.sessions() as s:
        engine = s.get_bind()
        listed = set(s.scalars(select(IncidentRow.id).where(IncidentRow.id.in_(ids))))

        def capture(_conn: Any, _cursor: Any, _statement: str, parameters: Any, *_rest: Any) -> None:
            sent.append(parameters)

        event.listen(engine, "before_cursor_execute", capture)
        try:
            picked = set(s.scalars(select(IncidentRow.id).where(among(s, IncidentRow.id, ids))))
        finally:
            event.remove(engine, "before_cursor_execute", capture)
    assert picked == listed == {i for i in ids if i <= 9}
    if engine.dialect.name == "postgresql":
        assert [len(p) for p in sent] == [1]  # one array, not a parameter per id
