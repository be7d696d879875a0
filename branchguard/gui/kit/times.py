"""How incident times read on screen: local clock times (with dates once an incident spans days),
the elapsed clock and checkpoint countdowns."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def now_utc() -> datetime:
    return datetime.now(UTC)


def spans_days(started: datetime, now: datetime | None = None) -> bool:
    """True once the incident's local start date is not today's: its times then need dates."""
    return started.astimezone().date() != (now or now_utc()).astimezone().date()


# A speed trick (docs/architecture.md, "Speed tricks"): formatted by hand, not with strftime.
# datetime.strftime imports the time module at every call, through PySide's import hook: 4 µs a
# time against 0.7 µs. With strftime the first paint of the 1M-entry log in `make bench` measured
# 1.31-2.01x QSqlQueryModel (median 1.46x, 3 of 10 runs over the 1.5x target) against 1.34-1.57x
# (median 1.40x, 1 of 8 over). Kept for the target; 0.2 ms a page is not felt.
def _clock(local: datetime, seconds: bool) -> str:
    if seconds:
        return f"{local.hour:02d}:{local.minute:02d}:{local.second:02d}"
    return f"{local.hour:02d}:{local.minute:02d}"


def date_time(at: datetime, seconds: bool = False) -> str:
    """`at` in local time with its date, for lists that span many days."""
    local = at.astimezone()
    return f"{local.year:04d}-{local.month:02d}-{local.day:02d} {_clock(local, seconds)}"


def local_clock(at: datetime, started: datetime, now: datetime | None = None, seconds: bool = False) -> str:
    """`at` in local time: HH:MM while the incident is on its first day, yyyy-MM-dd HH:MM after."""
    local = at.astimezone()
    if spans_days(started, now) or local.date() != started.astimezone().date():
        return date_time(at, seconds)
    return _clock(local, seconds)


def target_clock(due: datetime, started: datetime) -> str:
    """A step's target as its narrow column reads it: the clock alone when it falls within a day of
    the start, at any hour and however long the incident runs (with the goal beside it, "≤ 10 min
    (00:05)" cannot be read as another day's), yyyy-MM-dd HH:MM further off. `local_clock` gives
    its date once it is another day's, for its tooltip."""
    if due - started < timedelta(days=1):
        return _clock(due.astimezone(), False)
    return date_time(due)


def duration_clock(seconds: float) -> str:
    """MM:SS under an hour, H:MM:SS after (hours keep counting past a day: 49:03:10)."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def elapsed_clock(started: datetime, now: datetime | None = None) -> str:
    """The incident's elapsed clock, always with hours: 0:12:05."""
    whole = max(0, int(((now or now_utc()) - started).total_seconds()))
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
