"""The regional report's figures: each branch's period, side by side. One way of counting for a
month, a quarter and a year: records by their own dates within the period's bounds, and the
packages of the period and of the periods within it (periods.within). A year's figures are thus
its months' added up, as a quarter's are. Each period is set against the one before it (a month
against the month before, a quarter the quarter before, a year the year before), as the branch's
own periodic report is, where head office holds a package of it. Takes a connection; never commits."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Connection, select

from branchguard.core.dashboard.rules import Period
from branchguard.core.headoffice import periods, rules, store
from branchguard.core.headoffice.types import PeriodRow, RegionalPeriod
from branchguard.core.kernel.china_time import CHINA
from branchguard.db.models.exchange import HoBranchRow, HoPackageRow


def regional(conn: Connection, period: Period, now: datetime) -> RegionalPeriod:
    """The period's figures as of `now`, with the period before's."""
    out = _regional(conn, period, now)
    before = _regional(conn, period.previous(), now)
    return RegionalPeriod(out.period, out.as_of, out.months_over, out.rows, before)


def _regional(conn: Connection, period: Period, now: datetime) -> RegionalPeriod:
    today = now.astimezone(CHINA).date()
    as_of = min(period.end - timedelta(days=1), today)
    return RegionalPeriod(period, as_of, periods.months_over(period, today), rows(conn, period, now))


def rows(conn: Connection, period: Period, now: datetime) -> list[PeriodRow]:
    """Per branch in code order: its figures for the period. Its figures count records by their
    own dates; its packages are those of the period and of the periods within it."""
    start, end = rules.day_start(period.start), rules.day_start(period.end)  # the branches' days
    b, p = HoBranchRow.__table__.c, HoPackageRow.__table__.c
    branches = conn.execute(select(b.id, b.code, b.name).order_by(b.code)).all()
    figures = store.period_counts(conn, start, end, now, periods.ending(period))
    complaint_months = store.complaint_months(conn, start, end)
    sent: dict[int, list[str]] = {}  # the packages that send any of its months
    sending = select(p.branch_id, p.period).where(p.period.in_(periods.sending(period)))
    for branch_id, name in conn.execute(sending):
        sent.setdefault(branch_id, []).append(name)
    within = set(periods.within(period))
    today = now.astimezone(CHINA).date()
    out = []
    for branch_id, code, name in branches:
        f = figures.get(branch_id, {})
        stats = rules.complaint_totals(complaint_months.get(branch_id, []))
        out.append(
            PeriodRow(
                code=code,
                name=name,
                # a period sent again is one package of it: the later replaced the earlier's records
                packages=len({n for n in sent.get(branch_id, []) if n in within}),
                incidents=f.get("incidents", 0),
                incidents_by_level=dict(sorted(f.get("incidents_by_level", {}).items())),
                drills=f.get("drills", 0),
                drill_score_average=f.get("drill_score_average"),
                inspections=f.get("inspections", 0),
                hazards_opened=f.get("hazards_opened", 0),
                hazards_open_at_end=f.get("hazards_open_at_end", 0),
                complaints=f.get("complaints", 0),
                actions_overdue=f.get("actions_overdue", 0),
                compliance_overdue=f.get("compliance_overdue"),  # only from a package ending with it
                majors_waived=f.get("majors_waived", 0),
                complaint_months=len(complaint_months.get(branch_id, [])),
                complaints_answered=stats["answered"],
                complaints_on_time=stats["on_time"],
                complaints_rated=stats["rated"],
                complaints_satisfied=stats["satisfied"],
                months_missing=tuple(periods.missing_months(period, set(sent.get(branch_id, [])), today)),
            )
        )
    return out
