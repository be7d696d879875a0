"""The drill list's window, unsorted, is in the order the list says: by the date it shows (a
run's, else the planned one), newest first, the later-made plan first on the same date."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from branchguard.core.drills.types import DrillPlanInput, DrillStatus
from branchguard.core.kernel.paging import Window


def test_the_default_window_is_newest_date_first(ctx, lead, staff) -> None:
    drills = ctx.services.drills
    day = (
        (datetime.now() + timedelta(days=3)).replace(hour=10, minute=0, second=0, microsecond=0).astimezone()
    )

    def plan(days: int) -> int:
        return drills.plan(lead, DrillPlanInput(playbook_code="FIRE", date=day + timedelta(days=days))).id

    late, early, same_late = plan(20), plan(1), plan(20)  # made in an order other than their dates
    ran = drills.run(staff, plan(40)).id  # run today: its run's date is the one shown
    got = [p.id for p in drills.window(lead, None, Window()).rows]
    assert got == [same_late, late, early, ran]
    ascending = [p.id for p in drills.window(lead, None, Window(sort="date", descending=False)).rows]
    assert ascending == [ran, early, late, same_late]


def test_a_run_series_sorts_by_the_next_date_it_shows(ctx, lead, staff) -> None:
    """Run once, a monthly drill shows its next date a month on (as the calendar does): the
    window, both ways and a row at a time, and the whole list put it there, not at its first
    date (the list read 2027-02-08, 2027-01-19, 2027-01-31, 2026-12-29 in a user trial)."""
    drills = ctx.services.drills
    day = (
        (datetime.now() + timedelta(days=3)).replace(hour=10, minute=0, second=0, microsecond=0).astimezone()
    )
    series = drills.plan(lead, DrillPlanInput(playbook_code="FIRE", date=day, rrule="monthly"))
    ran = drills.run(staff, series.id).id
    shown = drills.get(lead, series.id).planned_at
    assert shown is not None and shown >= day + timedelta(days=27)  # its next date, a month on
    between = drills.plan(lead, DrillPlanInput(playbook_code="ROB", date=day + timedelta(days=10))).id
    after = drills.plan(lead, DrillPlanInput(playbook_code="ROB", date=day + timedelta(days=60))).id
    newest_first = [after, series.id, between, ran]

    got = drills.window(lead, None, Window()).rows
    assert [p.id for p in got] == newest_first
    dates = [p.run_at or p.planned_at for p in got]
    assert dates == sorted(dates, reverse=True)  # in the order of the dates the list shows
    ascending = [p.id for p in drills.window(lead, None, Window(sort="date", descending=False)).rows]
    assert ascending == newest_first[::-1]
    one_by_one = [drills.window(lead, None, Window(offset=n, limit=1)).rows[0].id for n in range(4)]
    assert one_by_one == newest_first
    planned = drills.window(lead, DrillStatus.PLANNED, Window()).rows
    assert [p.id for p in planned] == [after, series.id, between]
    assert [p.id for p in drills.list(lead)] == newest_first  # `drill list` too


def test_a_series_whose_date_passed_unrun_sorts_by_its_next_one(ctx, lead, monkeypatch) -> None:
    """Nothing written, a day after a series' date went by without a run: it shows (and sorts
    by) its next date, the clock's doing alone; paused, it shows none and sorts after every date
    on either database."""
    drills = ctx.services.drills
    day = (
        (datetime.now() + timedelta(days=3)).replace(hour=10, minute=0, second=0, microsecond=0).astimezone()
    )
    series = drills.plan(lead, DrillPlanInput(playbook_code="FIRE", date=day, rrule="monthly")).id
    between = drills.plan(lead, DrillPlanInput(playbook_code="ROB", date=day + timedelta(days=10))).id
    after = drills.plan(lead, DrillPlanInput(playbook_code="ROB", date=day + timedelta(days=60))).id
    assert [p.id for p in drills.window(lead, None, Window()).rows] == [after, between, series]

    a_day_later = day.astimezone(UTC) + timedelta(days=1)
    monkeypatch.setattr("branchguard.core.drills.service.utcnow", lambda: a_day_later)
    got = drills.window(lead, None, Window()).rows
    assert [p.id for p in got] == [after, series, between] == [p.id for p in drills.list(lead)]
    assert got[1].planned_at is not None and got[1].planned_at >= day + timedelta(days=27)

    ctx.services.schedules.set_active(lead, drills.get(lead, series).schedule_id, False)
    got = drills.window(lead, None, Window()).rows
    assert [(p.id, p.planned_at is None) for p in got] == [(series, True), (after, False), (between, False)]
    ascending = drills.window(lead, None, Window(sort="date", descending=False)).rows
    assert [p.id for p in ascending] == [between, after, series]
