"""The working-day years stored in the database, installed into core/kernel/working_days.py: read
when the schedule engine is first built (core/services.py) and after each change, so every
working-day computation of this process uses them. Light on purpose: the model and the kernel only."""

from __future__ import annotations

from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Integer, Row, String, column, select, table
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.kernel import working_days
from branchguard.core.kernel.working_days import YearTable

if TYPE_CHECKING:
    from branchguard.db.models.library_sync import WorkingDayYearRow

# The stored years as a bare table with the model's column types (db/models/library_sync.py,
# WorkingDayYearRow): every command reads it at start, and declaring the library's three models
# for that cost each one ~8 ms (tests/core/library_sync/test_library.py holds the two equal).
YEARS = table(
    "working_day_years",
    column("year", Integer),
    column("holidays", JSON),
    column("workdays", JSON),
    column("source", String),
)


def row_table(row: WorkingDayYearRow | Row[Any]) -> YearTable:
    return YearTable(
        year=row.year,
        holidays=MappingProxyType({date.fromisoformat(d): str(name) for d, name in row.holidays}),
        workdays=frozenset(date.fromisoformat(d) for d in row.workdays),
        source=row.source,
    )


def stored(s: Session) -> list[YearTable]:
    return [row_table(r) for r in s.execute(select(YEARS).order_by(YEARS.c.year))]


def install_from(sessions: sessionmaker[Session]) -> tuple[int, ...]:
    """Install the stored years (replacing those installed before); the years installed."""
    with sessions() as s:
        tables = stored(s)
    working_days.install(tables)
    return working_days.installed_years()
