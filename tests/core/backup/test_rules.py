"""Which automatic backups are kept: the newest of each of the last N days and of the last M months."""

from __future__ import annotations

from datetime import datetime, timedelta

from branchguard.core.backup.rules import archive_name, taken_at, to_keep


def test_the_name_says_when_and_reads_back() -> None:
    at = datetime(2026, 12, 4, 10, 31, 5)
    assert archive_name(at) == "branchguard-20261204-103105.zip"
    assert taken_at(archive_name(at)) == at
    assert taken_at("branchguard-20261399-000000.zip") is None
    assert taken_at("my-copy.zip") is None


def test_newest_of_each_day_and_month_are_kept_and_other_files_are_left_alone() -> None:
    start = datetime(2026, 1, 1, 9, 0)
    # Two backups a day for 400 days.
    names = [archive_name(start + timedelta(days=d, hours=h)) for d in range(400) for h in (0, 8)]
    names.append("before-upgrade-copy.zip")
    keep = to_keep(names, keep_daily=14, keep_monthly=12)
    assert "before-upgrade-copy.zip" in keep
    last = start + timedelta(days=399)
    daily = {archive_name(last.replace(hour=17) - timedelta(days=d)) for d in range(14)}
    assert daily <= keep
    assert archive_name(last.replace(hour=9)) not in keep  # the earlier one of the newest day
    months = {taken_at(n).strftime("%Y-%m") for n in keep if taken_at(n)}  # type: ignore[union-attr]
    assert len(months) == 12
    # The newest day is 2027-02-04: the 14 days reach back into January, whose newest (the 31st) is
    # one of them, so the months add 10 (2026-03 … 2026-12) to the 14 days, plus the other file.
    assert len(keep) == 14 + 10 + 1


def test_nothing_to_keep_when_limits_are_zero() -> None:
    names = [archive_name(datetime(2026, 5, d, 12)) for d in range(1, 10)]
    assert to_keep(names, 0, 0) == set()
