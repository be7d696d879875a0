"""The working-day years stored in the database, installed into core/kernel/working_days.py: read
when the schedule engine is first built (core/services.py) and after each change, so every
working-day computation of this process uses them. Light on purpose: the model and the kernel only."""

from __future__ import annotations

from datetime import date
from types import MappingProxyType

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.kernel import working_days
from branchguard.core.kernel.working_days import YearTable
from branchguard.db.models.library_sync import WorkingDayYearRow


def row_table(row: WorkingDayYearRow) -> YearTable:
    return YearTable(
        year=row.year,
        holidays=MappingProxyType({date.fromisoformat(d): str(name) for d, name in row.holidays}),
        workdays=frozenset(date.fromisoformat(d) for d in row.workdays),
        source=row.source,
    )


def stored(s: Session) -> list[YearTable]:
    return [row_table(r) for r in s.scalars(select(WorkingDayYearRow).order_by(WorkingDayYearRow.year))]


def install_from(sessions: sessionmaker[Session]) -> tuple[int, ...]:
    """Install the stored years (replacing those installed before); the years installed."""
    with sessions() as s:
        tables = stored(s)
    working_days.install(tables)
    return working_days.installed_years()
