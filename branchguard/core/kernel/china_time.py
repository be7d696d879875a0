"""China Standard Time (UTC+8, the country's one zone, no daylight saving): the days the branches
keep, for what must not depend on the zone of the PC that works it out. A record's reference (the
TS-… a customer is given, the YH-… of the register) took the year in the viewing PC's zone: the same
complaint read TS-2027-0010 in Shanghai and TS-2026-0010 on a PC set to UTC, where its reminder
still said TS-2027-0010. Head office counts its branches' days in it (core/headoffice/rules.py)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

CHINA = ZoneInfo("Asia/Shanghai")


def china_year(at: datetime) -> int:
    """The year an instant falls in, in China."""
    return at.astimezone(CHINA).year


def china_year_span(year: int) -> tuple[datetime, datetime]:
    """The instants [start, end) of `year` in China: the records a reference's year names."""
    return datetime(year, 1, 1, tzinfo=CHINA), datetime(year + 1, 1, 1, tzinfo=CHINA)
