"""The working-day table as a document: the file head office keeps from the State Council's yearly
notice (YAML), and the library's `working_days.json` member (the same document as JSON).

    format: branchguard.working_days
    format_version: 1
    years:
      - year: 2027
        source: 国务院办公厅关于2027年部分节假日安排的通知
        holidays:                       # every day off, weekends inside a holiday period included
          - {name: New Year's Day, from: 2027-01-01, to: 2027-01-03}
          - {name: Tomb-sweeping Day, date: 2027-04-05}
        workdays: [2027-02-20]          # make-up workdays (weekend days that are worked)

A date outside its year, a day both off and worked, a make-up workday that is not a Saturday or
Sunday, or a year without days off is refused with the year and the date named. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any

from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.working_days import YearTable

FORMAT = "branchguard.working_days"
FORMAT_VERSION = 1
FIELD = "field.working_day_table"
FIRST_YEAR, LAST_YEAR = 2000, 2100
MAX_RUN = 31  # no holiday period is longer than a month
MAX_NAME = 60
MAX_SOURCE = 200


def _refuse(path: tuple[str | int, ...], key: str, **params: Any) -> ValidationError:
    return ValidationError(FIELD, Message(key, **params), path)


def _day(value: Any, path: tuple[str | int, ...]) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _refuse(path, "library.days.bad_date", value=str(value)[:40])


def _text(value: Any, path: tuple[str | int, ...], limit: int, *, required: bool) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str) or len(value.strip()) > limit or (required and not value.strip()):
        raise _refuse(path, "library.days.bad_text", limit=limit)
    return value.strip()


def parse_year(raw: Any, path: tuple[str | int, ...]) -> YearTable:
    if not isinstance(raw, dict):
        raise _refuse(path, "library.days.not_a_year")
    unknown = set(raw) - {"year", "source", "holidays", "workdays"}
    if unknown:
        raise _refuse((*path, sorted(map(str, unknown))[0]), "library.days.unknown_field")
    year = raw.get("year")
    if isinstance(year, bool) or not isinstance(year, int) or not FIRST_YEAR <= year <= LAST_YEAR:
        raise _refuse((*path, "year"), "library.days.bad_year", low=FIRST_YEAR, high=LAST_YEAR)
    source = _text(raw.get("source"), (*path, "source"), MAX_SOURCE, required=False)
    periods = raw.get("holidays")
    if not isinstance(periods, list) or not periods:
        raise _refuse((*path, "holidays"), "library.days.no_holidays", year=year)
    holidays: dict[date, str] = {}
    for i, period in enumerate(periods):
        here = (*path, "holidays", i)
        if not isinstance(period, dict) or set(period) - {"name", "date", "from", "to"}:
            raise _refuse(here, "library.days.bad_period")
        name = _text(period.get("name"), (*here, "name"), MAX_NAME, required=True)
        if "date" in period:
            if "from" in period or "to" in period:
                raise _refuse(here, "library.days.bad_period")
            first = last = _day(period["date"], (*here, "date"))
        else:
            first, last = _day(period.get("from"), (*here, "from")), _day(period.get("to"), (*here, "to"))
        if last < first or (last - first).days >= MAX_RUN:
            raise _refuse(here, "library.days.bad_run", first=first.isoformat(), last=last.isoformat())
        day = first
        while day <= last:
            if day.year != year:
                raise _refuse(here, "library.days.other_year", date=day.isoformat(), year=year)
            if day in holidays:
                raise _refuse(here, "library.days.twice", date=day.isoformat())
            holidays[day] = name
            day += timedelta(days=1)
    raw_workdays = raw.get("workdays") or []
    if not isinstance(raw_workdays, list):
        raise _refuse((*path, "workdays"), "library.days.bad_date", value=str(raw_workdays)[:40])
    workdays: set[date] = set()
    for i, value in enumerate(raw_workdays):
        here = (*path, "workdays", i)
        day = _day(value, here)
        if day.year != year:
            raise _refuse(here, "library.days.other_year", date=day.isoformat(), year=year)
        if day in holidays:
            raise _refuse(here, "library.days.off_and_worked", date=day.isoformat())
        if day.weekday() < 5:
            raise _refuse(here, "library.days.workday_weekday", date=day.isoformat())
        if day in workdays:
            raise _refuse(here, "library.days.twice", date=day.isoformat())
        workdays.add(day)
    return YearTable(year, MappingProxyType(dict(sorted(holidays.items()))), frozenset(workdays), source)


def parse(doc: Any) -> tuple[YearTable, ...]:
    """The years of a working-day table document (already loaded through the intake guard)."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise _refuse(("format",), "library.days.wrong_format", expected=FORMAT)
    if doc.get("format_version") != FORMAT_VERSION:
        raise _refuse(
            ("format_version",),
            "library.days.wrong_version",
            version=str(doc.get("format_version")),
            supported=FORMAT_VERSION,
        )
    unknown = set(doc) - {"format", "format_version", "years"}
    if unknown:
        raise _refuse((sorted(map(str, unknown))[0],), "library.days.unknown_field")
    raw_years = doc.get("years")
    if not isinstance(raw_years, list) or not raw_years:
        raise _refuse(("years",), "library.days.no_years")
    tables: dict[int, YearTable] = {}
    for i, raw in enumerate(raw_years):
        table = parse_year(raw, ("years", i))
        if table.year in tables:
            raise _refuse(("years", i, "year"), "library.days.year_twice", year=table.year)
        tables[table.year] = table
    return tuple(tables[y] for y in sorted(tables))


def _runs(holidays: Mapping[date, str]) -> list[dict[str, str]]:
    """Consecutive days off of one festival as one period."""
    periods: list[dict[str, str]] = []
    last: date | None = None
    for day, name in sorted(holidays.items()):
        if periods and last is not None and day == last + timedelta(days=1) and periods[-1]["name"] == name:
            periods[-1]["to"] = day.isoformat()
        else:
            periods.append({"name": name, "from": day.isoformat(), "to": day.isoformat()})
        last = day
    return [{"name": p["name"], "date": p["from"]} if p["from"] == p["to"] else p for p in periods]


def year_document(table: YearTable) -> dict[str, Any]:
    doc: dict[str, Any] = {"year": table.year}
    if table.source:
        doc["source"] = table.source[:MAX_SOURCE]
    doc["holidays"] = _runs(table.holidays)
    doc["workdays"] = sorted(d.isoformat() for d in table.workdays)
    return doc


def document(tables: Iterable[YearTable]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "years": [year_document(t) for t in sorted(tables, key=lambda t: t.year)],
    }
