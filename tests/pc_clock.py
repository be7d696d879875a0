"""The clock of a back-office PC as an incident reads it, set by the test: set back an hour, a day,
then corrected, as libfaketime showed the window and the command line do (no sleeping, no real
clock). The incident's start, each log entry and the close take their time from it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest

# 10:00 in Shanghai, 6 December 2026: when the reviewer set the clock back during an incident.
TEN = datetime(2026, 12, 6, 2, 0, tzinfo=UTC)
# Ten to midnight (UTC, these tests' zone unless one sets another): a step's target of 10 minutes
# falls on the next day. CI ran at 23:50 once and the Target column showed the date.
LATE = datetime(2026, 12, 6, 23, 50, tzinfo=UTC)


class PcClock:
    """What `utcnow()` gives the incident modules: `at`, until the test sets it again."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


def set_pc_clock(monkeypatch: pytest.MonkeyPatch) -> PcClock:
    """The incident modules' clock, at 10:00 until the test moves it (undone with `monkeypatch`)."""
    clock = PcClock(TEN)
    for module in ("opening", "log", "service"):
        monkeypatch.setattr(f"branchguard.core.incidents.{module}.utcnow", clock)
    return clock


@contextmanager
def incidents_back_then(monkeypatch: pytest.MonkeyPatch, at: datetime) -> Iterator[PcClock]:
    """The incident modules' clock at `at` inside the block, the real one again after it: an
    incident started days ago, whose follow-up actions have fallen due since (none is taken due
    before the day its incident began)."""
    with monkeypatch.context() as patched:
        clock = set_pc_clock(patched)
        clock.at = at
        yield clock


def set_window_clock(monkeypatch: pytest.MonkeyPatch, at: datetime) -> PcClock:
    """The incident modules' clock and the window's (the console's "now": overdue targets, the
    elapsed clock, whether the incident spans days) both at `at`, for screens whose text depends
    on the time of day."""
    clock = set_pc_clock(monkeypatch)
    clock.at = at
    for name in ("branchguard.gui.kit.times", "branchguard.gui.incidents.steps_model"):
        monkeypatch.setattr(f"{name}.now_utc", clock)
    return clock
