"""How incident times read on screen, in the PC's zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from branchguard.gui.kit.times import date_time, duration_clock, local_clock, target_clock


def test_clock_times_with_dates_once_the_incident_spans_days(shanghai_time: None) -> None:
    started = datetime(2026, 11, 29, 1, 2, 3, tzinfo=UTC)  # 09:02:03 in Shanghai
    later = datetime(2026, 11, 29, 15, 59, 7, tzinfo=UTC)  # 23:59:07, same local day
    next_day = datetime(2026, 11, 29, 16, 0, 5, tzinfo=UTC)  # 00:00:05 the next local day
    assert local_clock(started, started, later) == "09:02"
    assert local_clock(later, started, later, seconds=True) == "23:59:07"
    assert local_clock(next_day, started, next_day) == "2026-11-30 00:00"
    assert local_clock(started, started, next_day, seconds=True) == "2026-11-29 09:02:03"
    assert date_time(datetime(2027, 1, 2, 3, 4, 5, tzinfo=UTC)) == "2027-01-02 11:04"


def test_a_target_within_a_day_of_the_start_reads_as_its_clock(shanghai_time: None) -> None:
    """Started at 23:50, a target of 10 minutes reads 00:00, not 2026-11-30 00:00 (its column is
    narrow and cut the date's clock off); one a day or more on has its date."""
    started = datetime(2026, 11, 29, 15, 50, tzinfo=UTC)  # 23:50 in Shanghai
    assert target_clock(started + timedelta(minutes=10), started) == "00:00"
    assert target_clock(started + timedelta(hours=23, minutes=59), started) == "23:49"
    assert target_clock(started + timedelta(days=1), started) == "2026-11-30 23:50"
    assert target_clock(started, started) == "23:50"


def test_durations_count_hours_past_a_day() -> None:
    assert duration_clock(65) == "01:05"
    assert duration_clock(49 * 3600 + 190) == "49:03:10"
    assert duration_clock(-3) == "00:00"
