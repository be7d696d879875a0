"""How incident times read on screen: local clock times (with dates once an incident spans days),
the elapsed clock and checkpoint countdowns."""

from __future__ import annotations

from datetime import UTC, datetime


def now_utc() -> datetime:
    return datetime.now(UTC)


def spans_days(started: datetime, now: datetime | None = None) -> bool:
    """True once the incident's local start date is not today's: its times then need dates."""
    return started.astimezone().date() != (now or now_utc()).astimezone().date()


def date_time(at: datetime, seconds: bool = False) -> str:
    """`at` in local time with its date, for lists that span many days."""
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def local_clock(at: datetime, started: datetime, now: datetime | None = None, seconds: bool = False) -> str:
    """`at` in local time: HH:MM while the incident is on its first day, yyyy-MM-dd HH:MM after."""
    local = at.astimezone()
    if spans_days(started, now) or local.date() != started.astimezone().date():
        return date_time(at, seconds)
    return local.strftime("%H:%M:%S" if seconds else "%H:%M")


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
