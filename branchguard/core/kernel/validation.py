"""Input rules shared by every service: required text, lengths, phone numbers, choices."""

from __future__ import annotations

import enum
import math
import re
from datetime import date, datetime, timedelta
from typing import TypeVar

from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message

E = TypeVar("E", bound=enum.Enum)

# Mobile 1[3-9]xxxxxxxxx (11 digits); landline with its area code and optional extension (a bare
# 7-8 digit local number is refused: dialled from elsewhere it reaches someone else, and a mobile
# missing digits looks just like one); public short numbers (110, 119, 120, 122, 12345, 96110,
# 95xxx bank lines); 400/800 service numbers.
_MOBILE_PATTERNS = (re.compile(r"^(?:\+?86)?1[3-9]\d{9}$"),)
_PHONE_PATTERNS = (
    *_MOBILE_PATTERNS,
    re.compile(r"^0\d{2,3}\d{7,8}(?:#\d{1,6}|x\d{1,6})?$"),
    re.compile(r"^1\d{2,4}$"),
    re.compile(r"^9\d{4}$"),
    re.compile(r"^[48]00\d{7}$"),
)
_PHONE_CHARS = re.compile(r"[\s\-()（）]")
_USERNAME = re.compile(r"^[A-Za-z0-9._-]{2,32}$")
# Control characters (C0 but tab and line breaks, DEL, C1): a pasted or imported text may carry
# them (an escape sequence, a form feed, a NUL), and no field means them. Line breaks become "\n".
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAK = re.compile("\r\n?")


def plain(value: str | None) -> str:
    """`value` trimmed, its line breaks "\n" and its other control characters dropped."""
    return _CONTROLS.sub("", _LINE_BREAK.sub("\n", value or "")).strip()


def text(value: str | None, field: str | Message, *, required: bool = True, limit: int = 200) -> str:
    """Trimmed text without control characters (`plain`); a clear error naming the field when it is
    empty or too long."""
    cleaned = plain(value)
    if required and not cleaned:
        raise ValidationError(field, Message("validation.required"))
    if len(cleaned) > limit:
        raise ValidationError(field, Message("validation.too_long", limit=limit))
    return cleaned


# What a search box takes: a person searches a few words, not a document. Longer text would only
# make a LIKE pattern SQLite refuses ("too complex", past about 50,000 bytes) or a slow scan; the
# window's search boxes take no more (gui/kit/search_box.py).
SEARCH_LIMIT = 200


def search(value: str | None, field: str = "field.search") -> str:
    """Search text as typed, trimmed (empty: no search); longer than `SEARCH_LIMIT` it is refused,
    naming the field. The one check of every list's search, whatever it searches."""
    cleaned = (value or "").strip()
    if len(cleaned) > SEARCH_LIMIT:
        raise ValidationError(field, Message("validation.too_long", limit=SEARCH_LIMIT))
    return cleaned


LIKE_ESCAPE = "\\"


def containing(text: str) -> str:
    """A LIKE pattern for `text` anywhere in a value, its `%`, `_` and `\\` matched as typed (with
    `escape=LIKE_ESCAPE`). For ILIKE, which a PostgreSQL trigram index serves; SQLAlchemy's
    `icontains(..., autoescape=True)` lowers both sides instead, which such an index does not."""
    escaped = text.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def phone(value: str | None, field: str, *, required: bool = False) -> str:
    """A phone number in a canonical spelling; separators are kept where people expect them."""
    return _number(value, field, required, _PHONE_PATTERNS, "validation.phone")


def mobile(value: str | None, field: str, *, required: bool = False) -> str:
    """A mainland mobile number: 11 digits starting 1[3-9] (+86 allowed), stored without spaces."""
    return _number(value, field, required, _MOBILE_PATTERNS, "validation.mobile")


def _number(
    value: str | None, field: str, required: bool, patterns: tuple[re.Pattern[str], ...], refusal: str
) -> str:
    raw = (value or "").strip()
    if not raw:
        if required:
            raise ValidationError(field, Message("validation.required"))
        return ""
    compact = _PHONE_CHARS.sub("", raw).replace("＋", "+")
    if len(compact) > 20 or not any(p.match(compact) for p in patterns):
        raise ValidationError(field, Message(refusal, value=raw))
    return _format_phone(compact)


def _format_phone(compact: str) -> str:
    if re.fullmatch(r"0(10|2\d)\d{8}", compact):  # two-digit-area cities: 010, 02x
        return f"{compact[:3]}-{compact[3:]}"
    if re.fullmatch(r"0\d{3}\d{7,8}", compact):
        return f"{compact[:4]}-{compact[4:]}"
    if re.fullmatch(r"[48]00\d{7}", compact):
        return f"{compact[:3]}-{compact[3:6]}-{compact[6:]}"
    return compact


def choice(value: str | E, enum_type: type[E], field: str) -> E:
    """An enum member from its value; the error lists what is allowed."""
    if isinstance(value, enum_type):
        return value
    try:
        return enum_type(value)
    except ValueError:
        allowed = ", ".join(str(m.value) for m in enum_type)
        raise ValidationError(field, Message("validation.choice", value=value, choices=allowed)) from None


def int_range(value: int, field: str, low: int, high: int) -> int:
    if not low <= value <= high:
        raise ValidationError(field, Message("validation.range", low=low, high=high))
    return value


def username(value: str | None) -> str:
    cleaned = (value or "").strip()
    if not cleaned:
        raise ValidationError("field.username", Message("validation.required"))
    if not _USERNAME.match(cleaned):
        raise ValidationError("field.username", Message("validation.username", value=cleaned))
    return cleaned.lower()


# -- numbers and dates from outside -----------------------------------------------------------------
MAX_ID = 2**63 - 1  # the largest id a database column holds
EARLIEST = date(1900, 1, 1)
LATEST = date(2200, 12, 31)
MAX_SPAN_DAYS = 5 * 366  # a calendar or list asked for at most five years at once
MAX_CENTS = 10**15  # ten trillion yuan: far above any loss, far below what a column holds


def day(value: date, field: str) -> date:
    """A date between 1900 and 2200; outside, the field is named (year 1 or 9999 is a typo)."""
    if not EARLIEST <= value <= LATEST:
        raise ValidationError(
            field, Message("validation.date_range", value=value.isoformat(), low=EARLIEST, high=LATEST)
        )
    return value


def moment(value: datetime, field: str) -> datetime:
    """A time whose date is between 1900 and 2200."""
    day(value.date(), field)
    return value


def span(start: date | datetime, end: date | datetime, field: str, limit: int = MAX_SPAN_DAYS) -> None:
    """A range of at most `limit` days, both ends within 1900–2200."""
    for end_point in (start, end):
        if isinstance(end_point, datetime):
            moment(end_point, field)
        else:
            day(end_point, field)
    if (end - start) > timedelta(days=limit):  # type: ignore[operator]
        raise ValidationError(field, Message("validation.span", limit=limit))


def amount_cents(value: int | None, field: str) -> int | None:
    """An amount in fen: none, or from 0 to ten trillion yuan."""
    if value is not None and not 0 <= value <= MAX_CENTS:
        raise ValidationError(field, Message("validation.amount", high=f"{MAX_CENTS // 100:,}"))
    return value


def finite(value: float, field: str) -> float:
    """A number that is one: NaN and infinities (1e400) are refused."""
    if not math.isfinite(value):
        raise ValidationError(field, Message("validation.not_a_number", value=value))
    return value
