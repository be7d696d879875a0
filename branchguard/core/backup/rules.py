"""Which automatic backups to keep: the newest of each of the last N days and of the last M months."""

from __future__ import annotations

import re
from datetime import date, datetime

# branchguard-20261204-103100.zip: the name says when, so keeping needs no archive opened.
NAME = re.compile(r"^branchguard-(\d{8})-(\d{6})\.zip$")
DEFAULT_KEEP_DAILY = 14
DEFAULT_KEEP_MONTHLY = 12


def archive_name(at: datetime) -> str:
    return f"branchguard-{at.strftime('%Y%m%d-%H%M%S')}.zip"


def taken_at(name: str) -> datetime | None:
    match = NAME.match(name)
    if not match:
        return None
    try:
        return datetime.strptime(match[1] + match[2], "%Y%m%d%H%M%S")
    except ValueError:
        return None


def made_on(names: list[str], day: date) -> bool:
    """Whether an automatic backup of `day` is among `names` (the window makes one a day)."""
    return any(at is not None and at.date() == day for at in map(taken_at, names))


def to_keep(names: list[str], keep_daily: int, keep_monthly: int) -> set[str]:
    """The names to keep among automatic backups: for each of the newest `keep_daily` days that have
    a backup, that day's newest; likewise per month. Names that are not automatic backups are kept."""
    dated = sorted(((taken_at(n), n) for n in names if taken_at(n) is not None), reverse=True)
    keep = {n for n in names if taken_at(n) is None}
    for key_of, limit in ((lambda d: d.date(), keep_daily), (lambda d: (d.year, d.month), keep_monthly)):
        seen: set[object] = set()
        for at, name in dated:
            assert at is not None
            key = key_of(at)
            if key in seen:
                continue
            if len(seen) >= limit:
                break
            seen.add(key)
            keep.add(name)
    return keep
