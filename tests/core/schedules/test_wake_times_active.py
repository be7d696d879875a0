"""The scheduler's wake times (read again by the window after every change) read the latest written
instants of the active schedules only: ten years leave thousands of paused and ended ones, whose
occurrences were all grouped and parsed each time. What they wake for is unchanged."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from branchguard.core.kernel.types import Actor
from branchguard.core.schedules import store
from tests.core.schedules.test_schedules import one_off, soon


def test_wake_times_read_the_active_schedules_instants_only(
    ctx: Any, lead: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    svc = ctx.services.schedules
    live = svc.add(lead, one_off("Weekly patrol", start=soon(hours=1), rule="weekly", lead_minutes=60))
    paused = svc.add(lead, one_off("Daily check", start=soon(hours=1), rule="daily", lead_minutes=60))
    later = soon(days=15)
    svc.catch_up(lead, later)  # both write what fell due by then
    svc.complete_next(lead, paused.id)  # a done item stays written once its schedule is paused
    svc.set_active(lead, paused.id, False)
    read: list[dict[int, Any]] = []
    real = store._last_rule_at

    def seen(*args: Any, **kwargs: Any) -> dict[int, Any]:
        read.append(found := real(*args, **kwargs))
        return found

    monkeypatch.setattr(store, "_last_rule_at", seen)
    wakes = svc.wake_times(later)
    assert [set(found) for found in read] == [{live.id}]
    assert set(wakes) == {live.id} and later < wakes[live.id] <= later + timedelta(days=7)
