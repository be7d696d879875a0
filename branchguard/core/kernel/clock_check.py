"""The PC's clock, checked against the times it wrote before: where they run backwards, said.

A record keeps the time the PC gave when it was made, whatever that was: re-timing, clamping or
reordering it would falsify evidence. A back-office PC whose clock is wrong, or is corrected, still
leaves times that run backwards, and a reader of the log or the report must be told so, or a
"called the police at 10:30" after an "evacuated at 08:30" tells a story that did not happen.

Two checks, both pure (the caller reads the times):
- `ClockWatch` (and `went_back` over a whole sequence): in a sequence kept in the order it was
  written (an incident's log by entry number, its start first and its close last), each item whose
  time is earlier than one written before it, with the item that holds that later time;
- `behind`: whether now is earlier than the newest record by more than `SLACK`, that is the clock
  was set back since, or ran ahead when that record was made (core/audit/clock.py asks it).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any, Generic, Protocol, TypeVar

# How far behind the newest record the clock may be before it is said: two PCs sharing a database
# are seldom set to the second, and a warning at every command for that would be ignored.
SLACK = timedelta(minutes=5)


class _Ordered(Protocol):
    def __lt__(self, other: Any, /) -> bool: ...


K = TypeVar("K")
T = TypeVar("T", bound=_Ordered)


class ClockWatch(Generic[K, T]):
    """Times seen one by one in the order they were written; keeps the latest so far. A log read a
    page at a time goes through one watch, so the pages are checked as the whole log would be."""

    def __init__(self) -> None:
        self._latest: tuple[K, T] | None = None

    def see(self, key: K, at: T) -> K | None:
        """The key of the latest time seen before, when `at` is earlier than it (the clock went
        back between the two); else None, and `at` is the latest from now on."""
        if self._latest is not None and at < self._latest[1]:
            return self._latest[0]
        self._latest = (key, at)
        return None


def went_back(times: Iterable[tuple[K, T]]) -> dict[K, K]:
    """Each key, in a sequence in the order written, whose time is earlier than a time before it,
    mapped to the key holding the latest of those earlier-written times. Times are any values that
    order as the times do (datetimes, or the ledger's fixed-width UTC stamps)."""
    watch: ClockWatch[K, T] = ClockWatch()
    return {key: later for key, at in times if (later := watch.see(key, at)) is not None}


def behind(newest: datetime | None, now: datetime, slack: timedelta = SLACK) -> bool:
    """Whether `now` is earlier than `newest` (the newest record's time) by more than `slack`."""
    return newest is not None and now < newest - slack
