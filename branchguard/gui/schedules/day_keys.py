"""The calendar's days by keyboard: a grid is one Tab stop, a key moves its day (as a date picker's
grid does: ←/→ a day, ↑/↓ a week, Home/End the week's first/last day, PageUp/PageDown a month)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from PySide6.QtCore import Qt

_K = Qt.Key
_STEPS: dict[int, int] = {  # days a key moves by
    _K.Key_Left.value: -1,
    _K.Key_Right.value: 1,
    _K.Key_Up.value: -7,
    _K.Key_Down.value: 7,
}
OPEN_KEYS = (_K.Key_Return, _K.Key_Enter, _K.Key_Space)


def months_later(day: date, months: int) -> date:
    """The same day `months` later (or earlier), the month's last where it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def day_for_key(day: date, key: int) -> date | None:
    """The day `key` moves to from `day`; None for a key that moves nothing."""
    if key in _STEPS:
        return day + timedelta(days=_STEPS[key])
    if key == _K.Key_Home:
        return day - timedelta(days=day.weekday())
    if key == _K.Key_End:
        return day + timedelta(days=6 - day.weekday())
    if key in (_K.Key_PageUp, _K.Key_PageDown):
        return months_later(day, -1 if key == _K.Key_PageUp else 1)
    return None
