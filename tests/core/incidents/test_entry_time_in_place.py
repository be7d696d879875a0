"""Two PCs logging into one incident at once: the entry that waited for the other's append takes its
time once it holds its place, so the log's times run in its order.

Found with the lead's PC and the lobby PC on one PostgreSQL database: the lead's note, typed while
the lobby's "step done" was being written, was numbered after it with a time a second before it,
and shown as "Time earlier than entry 3: was the PC clock changed?".
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from branchguard.core.incidents import log as incident_log
from branchguard.core.incidents import service as incident_service
from branchguard.core.incidents.types import CloseInput, EntryKind
from branchguard.core.kernel.errors import ValidationError
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


def test_a_close_that_waited_for_another_pcs_entry_is_not_timed_before_it(
    ctx, lead, staff, monkeypatch
) -> None:
    """Found as above, the lead closing while the lobby PC's note was being written: the close took
    its time before it held the incident, was numbered after the note with a time before it, and
    `verify` warned that the PC clock had been changed."""
    inc = ctx.services.incidents
    started = inc.start(lead, "FIRE")
    iid = started.id
    ticks: list[datetime] = []
    deferred: list[Any] = []

    def clock() -> datetime:
        now = started.started_at + timedelta(minutes=5, seconds=len(ticks))
        ticks.append(now)
        if len(ticks) == 1:  # the lobby's note at the close's first reading, as in the test above
            lobby = lambda: inc.log(staff, iid, EntryKind.NOTE, "exit B clear")  # noqa: E731
            if is_locked(ctx, "incidents", iid):
                deferred.append(lobby)
            else:
                lobby()
        return now

    monkeypatch.setattr(incident_log, "utcnow", clock)
    monkeypatch.setattr(incident_service, "utcnow", clock)
    inc.close(lead, iid, CloseInput(outcome="fire out, branch reopened"))
    for lobby in deferred:  # the note that waited for the close is refused: the incident is closed
        with pytest.raises(ValidationError):
            lobby()
    detail = inc.get(lead, iid)
    assert len(ticks) == 2 - len(deferred)  # the lobby's note was written before the close, or refused
    assert [e.at for e in detail.entries] == sorted(e.at for e in detail.entries)  # in the log's order
    assert detail.entries[-1].kind is EntryKind.CLOSE
    assert detail.summary.closed_at == detail.entries[-1].at  # closed when its close was logged
