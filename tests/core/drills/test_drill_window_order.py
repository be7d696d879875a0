"""The drill list's window, unsorted, is in the order the list says: by the date it shows (a
run's, else the planned one), newest first, the later-made plan first on the same date."""

from __future__ import annotations

from datetime import datetime, timedelta

from branchguard.core.drills.types import DrillPlanInput
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
