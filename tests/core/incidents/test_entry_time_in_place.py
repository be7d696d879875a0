"""Two PCs logging into one incident at once: the entry that waited for the other's append takes its
time once it holds its place, so the log's times run in its order.

Found with the lead's PC and the lobby PC on one PostgreSQL database: the lead's note, typed while
the lobby's "step done" was being written, was numbered after it with a time a second before it,
and shown as "Time earlier than entry 3: was the PC clock changed?".
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from branchguard.core.incidents import log as incident_log
from branchguard.core.incidents.types import EntryKind
from tests.interleave_support import is_locked


def test_an_entry_that_waited_for_another_pc_is_not_timed_before_it(ctx, lead, staff, monkeypatch) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "FIRE").id
    ticks: list[datetime] = []
    deferred: list[Any] = []

    def clock() -> datetime:
        """One second later at each reading. At the lead's first reading the lobby PC marks step 1:
        at once where the lead's append does not hold the incident yet (the lead's would then wait
        for the lobby's), after the lead's call where it does (the lobby's would wait for the lead's)."""
        now = datetime(2026, 12, 7, 4, 29, 44, tzinfo=UTC) + timedelta(seconds=len(ticks))
        ticks.append(now)
        if len(ticks) == 1:
            lobby = lambda: inc.mark_step(staff, iid, 1)  # noqa: E731
            if is_locked(ctx, "incidents", iid):
                deferred.append(lobby)
            else:
                lobby()
        return now

    monkeypatch.setattr(incident_log, "utcnow", clock)
    inc.log(lead, iid, EntryKind.NOTE, "119 called, fire on the 2nd floor")
    for lobby in deferred:
        lobby()
    entries = [e for e in inc.get(lead, iid).entries if e.kind in (EntryKind.NOTE, EntryKind.STEP_DONE)]
    assert len(entries) == 2
    assert [e.at for e in entries] == sorted(e.at for e in entries)  # times in the log's order
