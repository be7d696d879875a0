"""The branch at a glance: every tile's figure and the twelve months of trends.

Each count is `count(*)` over the very statement the matching list reads (`hazards.store.filtered`,
`complaints.store.filtered`, `incidents.store.filtered`), so a tile and the page it opens cannot
disagree; the counts go to the database as one SELECT, with the oldest open hazard's opening (the
checkpoints overdue read the open incidents' three columns the check needs). The trends and a
periodic report share `periods`: one read per table of the instants (and keys) within the periods,
counted into them by the periods' bounds (local midnights turned to UTC), so a month of the trend
and the report of that month are the same numbers. No row is loaded as an ORM object but the
compliance rules (a handful) and the plans that decide them, whose states come from the drills
service.
"""

from __future__ import annotations

import builtins
import itertools
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, ScalarSelect, Select, SQLColumnExpression, and_, case, func, select
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.complaints import store as complaint_store
from branchguard.core.complaints.types import ComplaintFilter, ComplaintKind, Satisfaction
from branchguard.core.dashboard import hazard_history, waivers
from branchguard.core.dashboard.rules import Period
from branchguard.core.dashboard.types import (
    ComplianceFilter,
    Dashboard,
    Figure,
    FirstSteps,
    PeriodFigures,
    PeriodReport,
    RuleLine,
    Target,
    Tile,
)
from branchguard.core.drills.service import DrillService
from branchguard.core.drills.types import ComplianceStatus, DrillStatus
from branchguard.core.early_warnings import store as warning_store
from branchguard.core.early_warnings.types import WarningFilter
from branchguard.core.hazards import store as hazard_store
from branchguard.core.hazards.types import HazardFilter, HazardSeverity
from branchguard.core.incidents import store as incident_store
from branchguard.core.incidents.types import ActionFilter, IncidentFilter, IncidentStatus
from branchguard.core.kernel import working_days
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.roles import require
from branchguard.core.kernel.types import Actor, Text2
from branchguard.core.schedules import rules as schedule_rules
from branchguard.core.schedules.service import ScheduleService
from branchguard.core.schedules.types import DueFilter, DueWindow, OccurrenceStatus, ScheduleKind
from branchguard.db.base import utcnow
from branchguard.db.models.complaints import ComplaintRow
from branchguard.db.models.drills import DrillEvaluationRow, DrillPlanRow
from branchguard.db.models.foundation import PersonRow, UserRow
from branchguard.db.models.hazards import HazardRow
from branchguard.db.models.incidents import IncidentRow
from branchguard.db.models.inspections import InspectionRow
from branchguard.db.models.schedules import OccurrenceRow, ScheduleRow

TREND_MONTHS = 12

# the page ids of gui/shell/pages.py that figures lead to
INCIDENTS_PAGE = "incidents"
HAZARDS_PAGE = "hazards"
COMPLAINTS_PAGE = "complaints"
DRILLS_PAGE = "drills"
INSPECTIONS_PAGE = "inspections"
CALENDAR_PAGE = "calendar"
WARNINGS_PAGE = "warnings"


def tile_targets() -> dict[str, Target]:
    """Every count figure's name and where it leads (the age figure leads to the open hazards)."""
    open_ = IncidentStatus.OPEN
    targets = {
        "incidents_open": Target(INCIDENTS_PAGE, IncidentFilter(status=open_, drill=False)),
        "drills_running": Target(INCIDENTS_PAGE, IncidentFilter(status=open_, drill=True)),
        "checkpoints_overdue": Target(
            INCIDENTS_PAGE, IncidentFilter(status=open_, drill=False, checkpoint_overdue=True)
        ),
        "hazards_open": Target(HAZARDS_PAGE, HazardFilter(open_only=True)),
    }
    for sev in HazardSeverity:
        targets[f"hazards_open_{sev.value}"] = Target(
            HAZARDS_PAGE, HazardFilter(open_only=True, severity=sev)
        )
    targets["hazards_overdue"] = Target(HAZARDS_PAGE, HazardFilter(overdue_only=True))
    for sev in HazardSeverity:
        targets[f"hazards_overdue_{sev.value}"] = Target(
            HAZARDS_PAGE, HazardFilter(overdue_only=True, severity=sev)
        )
    targets["compliance_overdue"] = Target(DRILLS_PAGE, ComplianceFilter((ComplianceStatus.OVERDUE,)))
    targets["compliance_due_soon"] = Target(DRILLS_PAGE, ComplianceFilter((ComplianceStatus.DUE_SOON,)))
    inspection = (ScheduleKind.INSPECTION,)
    targets["inspections_overdue"] = Target(INSPECTIONS_PAGE, DueFilter(DueWindow.OVERDUE, inspection))
    targets["inspections_due_today"] = Target(INSPECTIONS_PAGE, DueFilter(DueWindow.TODAY, inspection))
    targets["actions_overdue"] = Target(DRILLS_PAGE, ActionFilter(overdue_only=True))  # its actions tab
    targets["reminders_next_7_days"] = Target(CALENDAR_PAGE, DueFilter(DueWindow.NEXT_7_DAYS))
    targets["complaints_open"] = Target(COMPLAINTS_PAGE, ComplaintFilter(open_only=True))
    targets["complaints_overdue"] = Target(COMPLAINTS_PAGE, ComplaintFilter(overdue_only=True))
    targets["warnings_severe"] = Target(WARNINGS_PAGE, WarningFilter(active_only=True, severe_only=True))
    return targets


def period_targets(period: PeriodFigures, zone: ZoneInfo) -> dict[str, Target]:
    """Where a trend's bars lead: the real incidents and the drills started in the period."""
    since = datetime.combine(period.start, time(0), tzinfo=zone)
    until = datetime.combine(period.end, time(0), tzinfo=zone)
    return {
        "incidents": Target(INCIDENTS_PAGE, IncidentFilter(drill=False, since=since, until=until)),
        "drills": Target(INCIDENTS_PAGE, IncidentFilter(drill=True, since=since, until=until)),
    }


# tile name -> its figures, the big number first
TILES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("incidents", ("incidents_open", "drills_running")),
    ("checkpoints", ("checkpoints_overdue",)),
    ("hazards_open", ("hazards_open", *(f"hazards_open_{s.value}" for s in HazardSeverity),
                      "hazards_oldest_age_days")),
    ("hazards_overdue", ("hazards_overdue", *(f"hazards_overdue_{s.value}" for s in HazardSeverity))),
    ("inspections", ("inspections_overdue", "inspections_due_today")),
    ("compliance", ("compliance_overdue", "compliance_due_soon")),
    ("actions", ("actions_overdue",)),
    ("reminders", ("reminders_next_7_days",)),
    ("complaints", ("complaints_overdue", "complaints_open")),
    ("warnings", ("warnings_severe",)),
)  # fmt: skip


def month_starts(today: date, months: int = TREND_MONTHS) -> list[date]:
    """The first days of the `months` months ending with today's, and of the month after: the
    bounds of the trend's periods."""
    first = date(today.year, today.month, 1)
    index = first.year * 12 + first.month - 1 - (months - 1)
    return [date((index + i) // 12, (index + i) % 12 + 1, 1) for i in range(months + 1)]


def _count_of(stmt: Select[Any]) -> ScalarSelect[int]:
    """count(*) over the rows of the very statement the list reads: its FROM and WHERE with count(*)
    for its columns (`SELECT count(*) FROM hazards WHERE ...`), the same rows when it neither groups,
    dedupes nor limits them (the lists' statements do none of it; one that did is counted over it as
    a subquery). No subquery of the list's columns to build and compile: the tiles' SELECT, a
    subquery in a subquery per count, took a third longer to compile and twice as long to build."""
    stmt = stmt.order_by(None)
    if _flat_countable(stmt):
        return stmt.with_only_columns(func.count(), maintain_column_froms=True).scalar_subquery()
    narrowed = stmt.with_only_columns(stmt.selected_columns[0], maintain_column_froms=True)
    return select(func.count()).select_from(narrowed.subquery()).scalar_subquery()


def _flat_countable(stmt: Select[Any]) -> bool:
    """Whether count(*) in place of the columns counts the statement's rows (SQLAlchemy keeps these
    parts on the Select; none is public)."""
    return not (
        stmt._distinct
        or stmt._group_by_clauses
        or stmt._having_criteria
        or stmt._limit_clause is not None
        or stmt._offset_clause is not None
        or stmt._fetch_clause is not None
    )


def _counts(
    s: Session, statements: dict[str, Select[Any]], *more: ScalarSelect[Any]
) -> tuple[dict[str, int], tuple[Any, ...]]:
    """Each statement's `_count_of`, all in one SELECT (one round trip, one statement to prepare),
    and the values of `more` scalar subqueries read with them."""
    row = s.execute(select(*(_count_of(stmt) for stmt in statements.values()), *more)).one()
    counts = {name: int(n or 0) for name, n in zip(statements, row, strict=False)}
    return counts, tuple(row[len(statements) :])


def _bucket(column: SQLColumnExpression[Any], bounds: Sequence[datetime]) -> ColumnElement[int]:
    """The index of the period [bounds[i], bounds[i+1]) holding `column` (rows are already limited
    to [bounds[0], bounds[-1]))."""
    return case(*[(column < bounds[i + 1], i) for i in range(len(bounds) - 1)], else_=-1)


def _in_span(column: SQLColumnExpression[Any], bounds: Sequence[datetime]) -> ColumnElement[bool]:
    return and_(column >= bounds[0], column < bounds[-1])


def _per_bucket(
    s: Session,
    column: SQLColumnExpression[Any],
    bounds: Sequence[datetime],
    *where: ColumnElement[bool],
    by: SQLColumnExpression[Any] | None = None,
) -> dict[tuple[int, str], int]:
    """(period index, `by` value or "") -> rows whose `column` falls in that period."""
    counts = _per_bucket_by(s, column, bounds, *where, by=() if by is None else (by,))
    return _fold(counts, None if by is None else 0)


def _per_bucket_by(
    s: Session,
    column: SQLColumnExpression[Any],
    bounds: Sequence[datetime],
    *where: ColumnElement[bool],
    by: Sequence[SQLColumnExpression[Any]],
) -> dict[tuple[Any, ...], int]:
    """(period index, each `by` value as stored) -> rows whose `column` falls in that period: one
    query for the figures of one table that differ only in how they are keyed (`_fold` picks one).

    The rows within the periods are read (their instant and keys) and counted into their period
    here, by the same comparisons with the same bounds: a CASE over every bound, in each of the
    statements, compiled afresh by every process, cost more than reading a year's rows."""
    rows = s.execute(select(column, *by).where(_in_span(column, bounds), *where))
    return _counted(rows, bounds)


def _counted(rows: Iterable[Any], bounds: Sequence[datetime]) -> dict[tuple[Any, ...], int]:
    """(period index, the rest of the row) -> how many of `rows` (an instant within the periods,
    then keys): the period [bounds[i], bounds[i+1]) is the first whose end is after the instant."""
    ends = list(bounds[1:])
    counts: dict[tuple[Any, ...], int] = {}
    for at, *keys in rows:
        k = (bisect_right(ends, at), *keys)
        counts[k] = counts.get(k, 0) + 1
    return counts


def _fold(
    counts: dict[tuple[Any, ...], int],
    key: int | None,
    where: Callable[[tuple[Any, ...]], bool] | None = None,
) -> dict[tuple[int, str], int]:
    """(period index, the `key`-th value or "", or "" for all) -> the rows of `_per_bucket_by`
    counted under it (those `where` accepts, given their values)."""
    out: dict[tuple[int, str], int] = {}
    for (b, *values), n in counts.items():
        if where is None or where(tuple(values)):
            k = (b, "" if key is None else str(values[key] or ""))
            out[k] = out.get(k, 0) + n
    return out


NOTICE_MONTH = 11  # the State Council publishes the next year's holidays in November or December


class DashboardService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        drills: DrillService,
        schedules: ScheduleService,
        zone: str = "",
    ) -> None:
        self._sessions = sessions
        self._drills = drills
        self._schedules = schedules
        self._zone_name = zone

    @property
    def zone(self) -> ZoneInfo:
        """The branch's wall clock: the zone given, else this PC's (as the schedules engine)."""
        return schedule_rules.zone(self._zone_name or schedule_rules.local_zone_name())

    def _utc(self, day: date) -> datetime:
        return datetime.combine(day, time(0), tzinfo=self.zone)

    def first_steps(self, actor: Actor) -> FirstSteps:
        """A new branch's first steps, each asked whether it was taken (one EXISTS or count each):
        said to whoever sets the branch up (accounts and drills)."""
        require(actor, "user.list")
        require(actor, "drill.plan")

        def any_of(stmt: Select[Any]) -> ScalarSelect[bool]:
            return select(stmt.exists()).scalar_subquery()

        with self._sessions() as s:
            staff, accounts, schedules, drills = s.execute(
                select(
                    any_of(select(PersonRow.id)),
                    select(func.count(UserRow.id)).scalar_subquery() > 1,  # the lead's own from the start
                    any_of(select(ScheduleRow.id).where(ScheduleRow.kind == ScheduleKind.INSPECTION.value)),
                    any_of(select(DrillPlanRow.id).where(DrillPlanRow.status != DrillStatus.CANCELLED.value)),
                )
            ).one()
        return FirstSteps(bool(staff), bool(accounts), bool(schedules), bool(drills))

    # -- the tiles -------------------------------------------------------------------------------
    def dashboard(self, actor: Actor, now: datetime | None = None) -> Dashboard:
        """The tiles as of `now` and the trends of the twelve months ending with this one."""
        require(actor, "dashboard.view")
        now = now or utcnow()
        zone = self.zone
        today = now.astimezone(zone).date()
        targets = tile_targets()
        values: dict[str, int] = {}
        counted: dict[str, Select[Any]] = {}
        with self._sessions() as s:
            for name, target in targets.items():
                flt = target.filter
                if isinstance(flt, IncidentFilter) and flt.checkpoint_overdue:
                    values[name] = incident_store.count_selected(s, flt, now)
                elif isinstance(flt, IncidentFilter):
                    counted[name] = incident_store.filtered(flt)
                elif isinstance(flt, HazardFilter):
                    counted[name] = hazard_store.filtered(flt, now, zone)
                elif isinstance(flt, ComplaintFilter):
                    counted[name] = complaint_store.filtered(flt, now, zone)
                elif isinstance(flt, ActionFilter):
                    counted[name] = incident_store.actions_filtered(flt, today)
                elif isinstance(flt, WarningFilter):
                    counted[name] = warning_store.filtered(flt)
            oldest_open = (
                select(func.min(HazardRow.opened_at))
                .where(HazardRow.status.in_(hazard_store.OPEN_STATES))
                .scalar_subquery()
            )
            counts, (oldest,) = _counts(s, counted, oldest_open)
            values.update(counts)
        values["hazards_oldest_age_days"] = max(0, (now - oldest).days) if oldest is not None else 0
        scheduled = {n: x.filter for n, x in targets.items() if isinstance(x.filter, DueFilter)}
        due = self._schedules.due_lists(actor, list(scheduled.values()), now, zone, named=False)  # counted
        for name, items in zip(scheduled, due, strict=True):
            values[name] = len(items)
        states = [item.status for item in self._drills.compliance(actor, now=now)]
        for name, target in targets.items():
            if isinstance(target.filter, ComplianceFilter):
                values[name] = sum(1 for st in states if st in target.filter.statuses)
        figures = {name: Figure(name, values[name], targets[name]) for name in targets}
        figures["hazards_oldest_age_days"] = Figure(
            "hazards_oldest_age_days", values["hazards_oldest_age_days"], targets["hazards_open"], unit="days"
        )
        tiles = tuple(Tile(name, tuple(figures[f] for f in names)) for name, names in TILES)
        starts = month_starts(today)
        months = tuple(self._periods(starts, now))
        return Dashboard(today=today, tiles=tiles, months=months, holiday_note=holiday_note(today))

    # -- periods ---------------------------------------------------------------------------------
    def figures_for_period(self, actor: Actor, start: date, end: date) -> PeriodFigures:
        """What happened from local day `start` up to (not including) local day `end`: the
        figures a periodic report shows, equal to the trend's month when the period is one."""
        require(actor, "dashboard.view")
        return self._periods([start, end])[0]

    def period_report(self, actor: Actor, period: Period, now: datetime | None = None) -> PeriodReport:
        """The periodic safety report's content: the period's figures (the very `_periods` the
        dashboard's trends and `figures_for_period` read) against the period before, and the
        details behind them; overdue states and ageing as of the period's end, or now."""
        from branchguard.core.dashboard import period as period_details  # the report's alone: not the tiles'

        require(actor, "dashboard.view")
        now = now or utcnow()
        if period.start > now.astimezone(self.zone).date():  # its figures would be the state of today
            raise ValidationError("field.period", Message("dashboard.period.future", period=period.code))
        previous, figures = self._periods([period.previous().start, period.start, period.end], now)
        start, end = self._utc(period.start), self._utc(period.end)
        months = self._periods(month_starts(period.end - timedelta(days=1)), now)
        as_of = min(end, now)
        today = as_of.astimezone(self.zone).date()
        rule_lines, runs = self._drills.compliance_over(actor, start, end, as_of)

        with self._sessions() as s:
            incidents = period_details.incidents(s, start, end)
            drills = period_details.drills(s, runs, self.zone)
            checklists = period_details.checklists(s, start, end, now)
            overdue, ageing = period_details.hazards_at(s, as_of, self.zone)
            majors = period_details.major_hazards(s, start, end, self.zone)
            actions = period_details.actions_overdue(s, as_of, today)
            categories = {c.code: Text2(c.name_zh, c.name_en) for c in complaint_store.categories(s)}
        return PeriodReport(
            start=period.start,
            end=period.end,
            as_of=as_of,
            figures=figures,
            previous=previous,
            months=tuple(months),
            incidents=tuple(incidents),
            drills=tuple(drills),
            rules=tuple(RuleLine(item, ids) for item, ids in rule_lines),
            checklists=tuple(checklists),
            hazards_overdue=overdue,
            ageing=ageing,
            major_hazards=tuple(majors),
            actions_overdue=tuple(actions),
            complaint_categories=categories,
        )

    def periods(self, actor: Actor, starts: Sequence[date]) -> builtins.list[PeriodFigures]:
        """The figures of each period [starts[i], starts[i+1]) (a report's period and the one before)."""
        require(actor, "dashboard.view")
        return self._periods(starts)

    def _periods(self, starts: Sequence[date], now: datetime | None = None) -> builtins.list[PeriodFigures]:
        """Each period's figures; its inspections due are those due by `now` (default: now): a
        check due tomorrow is not yet owed, and counting it made the month's rate depend on
        whether the schedules had been caught up to write it."""
        now = now or utcnow()
        days = list(starts)
        if len(days) < 2 or any(b <= a for a, b in itertools.pairwise(days)):
            raise ValueError(f"periods need increasing bounds, got {days!r}")
        bounds = [self._utc(d) for d in days]
        n = len(bounds) - 1
        with self._sessions() as s:
            # incidents and drills by category and level (drill, category, level)
            started = _per_bucket_by(
                s,
                IncidentRow.started_at,
                bounds,
                by=(IncidentRow.drill, IncidentRow.category, IncidentRow.level),
            )
            incidents = _fold(started, 1, lambda k: not k[0])
            levels = _fold(started, 2, lambda k: not k[0])
            drills = _fold(started, 1, lambda k: bool(k[0]))
            opened = _per_bucket(s, HazardRow.opened_at, bounds)
            resolved = _resolved(s, bounds)
            submitted = _per_bucket(s, InspectionRow.submitted_at, bounds)
            # received (channel, category, cause, kind): the complaint figures count complaints (投诉)
            # only, grumbles and objections on their own
            received = _per_bucket_by(
                s,
                ComplaintRow.received_at,
                bounds,
                by=(ComplaintRow.channel, ComplaintRow.category, ComplaintRow.cause, ComplaintRow.kind),
            )
            complaint = ComplaintKind.COMPLAINT.value
            complaints = _fold(received, None, lambda k: k[3] == complaint)
            channels = _fold(received, 0, lambda k: k[3] == complaint)
            categories = _fold(received, 1, lambda k: k[3] == complaint)
            causes = _fold(received, 2, lambda k: k[2] is not None and k[3] == complaint)
            kinds = _fold(received, 3, lambda k: k[3] != complaint)
            # complaints answered, on time or late (where a reply was due), and how satisfied
            on_time = case(
                (ComplaintRow.due_at.is_(None), "no_due"),
                (ComplaintRow.clock_stopped_at <= ComplaintRow.due_at, "on_time"),
                else_="late",
            )
            stopped = _per_bucket_by(
                s, ComplaintRow.clock_stopped_at, bounds, _replied(), by=(on_time, ComplaintRow.satisfaction)
            )
            answered = _fold(stopped, 0, lambda k: k[0] != "no_due")
            unknown = Satisfaction.UNKNOWN.value
            rated = _fold(stopped, 1, lambda k: k[1] is not None and k[1] != unknown)
            inspection = ScheduleRow.kind == ScheduleKind.INSPECTION.value
            due_rows = select(OccurrenceRow.due_at, OccurrenceRow.status).join(
                ScheduleRow, ScheduleRow.id == OccurrenceRow.schedule_id
            )
            due = _per_bucket_of(s, due_rows.where(inspection, OccurrenceRow.due_at <= now), bounds)
            open_at_end = [len(ids) for ids in hazard_history.open_at(s, bounds[1:])]
            scores = self._scores(s, bounds)
            waived = waivers.waived_per_period(s, bounds)
        result = []
        for i in range(n):
            inspections_due = sum(v for (b, _k), v in due.items() if b == i)
            inspections_done = due.get((i, OccurrenceStatus.DONE.value), 0)
            evaluated, average = scores.get(i, (0, None))
            result.append(
                PeriodFigures(
                    start=days[i],
                    end=days[i + 1],
                    incidents_by_category=_keyed(incidents, i),
                    incidents_by_level=_keyed(levels, i),
                    drills_by_category=_keyed(drills, i),
                    drills_evaluated=evaluated,
                    drill_score_average=average,
                    hazards_opened=opened.get((i, ""), 0),
                    hazards_resolved=resolved.get(i, 0),
                    hazards_open_at_end=open_at_end[i],
                    inspections_due=inspections_due,
                    inspections_done=inspections_done,
                    inspections_submitted=submitted.get((i, ""), 0),
                    complaints_received=complaints.get((i, ""), 0),
                    grumbles_received=kinds.get((i, ComplaintKind.GRUMBLE.value), 0),
                    objections_received=kinds.get((i, ComplaintKind.OBJECTION.value), 0),
                    complaints_by_channel=_keyed(channels, i),
                    complaints_by_category=_keyed(categories, i),
                    complaints_by_cause=_keyed(causes, i),
                    complaints_answered=sum(_keyed(answered, i).values()),
                    complaints_on_time=answered.get((i, "on_time"), 0),
                    complaints_rated=sum(_keyed(rated, i).values()),
                    complaints_satisfied=rated.get((i, Satisfaction.SATISFIED.value), 0),
                    majors_waived=waived.get(i, 0),
                )
            )
        return result

    @staticmethod
    def _scores(s: Session, bounds: Sequence[datetime]) -> dict[int, tuple[int, float | None]]:
        """Per period: drills run in it and scored, and their mean score (a drill recorded afterwards
        and voided was never held: core/drills/held.py)."""
        run_at = DrillPlanRow.run_at
        held = DrillPlanRow.status != DrillStatus.CANCELLED.value
        inner = (
            select(_bucket(run_at, bounds).label("b"), DrillEvaluationRow.score.label("score"))
            .join(DrillPlanRow, DrillPlanRow.id == DrillEvaluationRow.plan_id)
            .where(run_at.is_not(None), _in_span(run_at, bounds), held)
            .subquery()
        )
        rows = s.execute(select(inner.c.b, func.count(), func.avg(inner.c.score)).group_by(inner.c.b))
        return {int(b): (int(n), round(float(avg), 1) if avg is not None else None) for b, n, avg in rows}


def _resolved(s: Session, bounds: Sequence[datetime]) -> dict[int, int]:
    """Per period: hazards that stopped being open in it, at their verification or, closed without
    one, at their closing, as the history has them (a reopening since changes none of it)."""
    firsts = hazard_history.resolutions(s, bounds[0], bounds[-1])
    return {b: n for (b,), n in _counted(((at,) for at in firsts), bounds).items()}


def _replied() -> ColumnElement[bool]:
    """The complaint's clock was stopped by a reply, not by a withdrawal: only the reply records the
    customer's satisfaction (`unknown` when none was given), a withdrawal leaves it empty. A
    withdrawal answers nothing, so it is no "answered on time" (three withdrawals made a month with
    one reply 100%); one withdrawn after its reply was answered, at the reply."""
    return ComplaintRow.satisfaction.is_not(None)


def _per_bucket_of(
    s: Session, rows: Select[tuple[datetime, str]], bounds: Sequence[datetime]
) -> dict[tuple[int, str], int]:
    """As `_per_bucket`, over a select of (instant, key) with its own joins."""
    within = rows.where(_in_span(rows.selected_columns[0], bounds))
    return _fold(_counted(s.execute(within), bounds), 0)


def _keyed(counts: dict[tuple[int, str], int], index: int) -> dict[str, int]:
    return {k: v for (b, k), v in sorted(counts.items()) if b == index}


def holiday_note(today: date) -> str | None:
    """The warning the dashboard shows while this year, or from November the next, has no holiday
    table: schedules then move off weekends and the fixed-date holidays only, until head office's
    library brings the State Council's notice. It was said once, when a schedule was added on the
    command line; the window never said it (the tables shipped end with 2026)."""
    years = {today.year} | ({today.year + 1} if today.month >= NOTICE_MONTH else set())
    return working_days.coverage_note(years)
