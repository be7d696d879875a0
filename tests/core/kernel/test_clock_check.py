"""Times that run backwards are found, never changed: in a sequence in the order written (an
incident's log), each time earlier than one written before it, named with the later one; a log
read a page at a time finds the same; and a clock behind the newest record by more than the slack."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from branchguard.core.kernel.clock_check import SLACK, ClockWatch, behind, went_back

T = datetime(2026, 12, 6, 2, 0, tzinfo=UTC)
H = timedelta(hours=1)
# The reviewer's incident: 10:00, 10:30, clock back 2 h (08:30), back a day, fixed (10:50), closed 08:00.
LOG = [(1, T), (2, T + H / 2), (3, T - 1.5 * H), (4, T - 25.5 * H), (5, T + H * 5 / 6), (6, T - 2 * H)]


def test_each_time_earlier_than_one_written_before_is_named_with_the_latest_before_it() -> None:
    assert went_back(LOG) == {3: 2, 4: 2, 6: 5}
    assert went_back([(1, T), (2, T), (3, T + H)]) == {}  # the same second twice is not backwards
    assert went_back([]) == {}


def test_a_log_read_in_pages_through_one_watch_finds_the_same() -> None:
    watch: ClockWatch[int, datetime] = ClockWatch()
    found = {}
    for page in (LOG[:2], LOG[2:4], LOG[4:]):
        found |= {seq: later for seq, at in page if (later := watch.see(seq, at)) is not None}
    assert found == went_back(LOG)


def test_the_ledgers_fixed_width_stamps_order_as_their_times_do() -> None:
    stamps = [(seq, at.isoformat(timespec="microseconds")[:-6] + "Z") for seq, at in LOG]
    assert went_back(stamps) == went_back(LOG)


def test_a_clock_behind_the_newest_record_by_more_than_the_slack() -> None:
    assert behind(T, T - 2 * H)
    assert not behind(T, T - SLACK)  # two PCs a few minutes apart: not said at every command
    assert not behind(T, T + H) and not behind(None, T)
