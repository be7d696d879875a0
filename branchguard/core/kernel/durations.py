"""A duration as people say it, kept as a message key and its numbers: "45 秒", "3 分 20 秒",
"2 小时 5 分", "1 天 3 小时" (the keys are the incident console's, where durations were first said)."""

from __future__ import annotations

from datetime import timedelta


def duration_said(delta: timedelta) -> tuple[str, dict[str, int]]:
    """The key and parameters that say `delta` (not negative) in its two largest units."""
    seconds = int(delta.total_seconds())
    minutes, s = divmod(seconds, 60)
    hours, m = divmod(minutes, 60)
    days, h = divmod(hours, 24)
    if days:
        return "incident.elapsed.days", {"d": days, "h": h}
    if hours:
        return "incident.elapsed.hours", {"h": hours, "m": m}
    if minutes:
        return "incident.elapsed.minutes", {"m": minutes, "s": s}
    return "incident.elapsed.seconds", {"s": s}
