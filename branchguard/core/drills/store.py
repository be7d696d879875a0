"""Drill rows to plain records, and a run's step timings and headcount read from its incident log."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session

from branchguard.core.drills.library import check_scores, criteria_sets, set_for_category
from branchguard.core.drills.types import (
    CriteriaSet,
    DrillMode,
    DrillPlan,
    DrillPlanInput,
    DrillScope,
    DrillStatus,
    Evaluation,
    ScoredCriterion,
    StepResult,
)
from branchguard.core.incidents.types import EntryKind, IncidentDetail, IncidentStatus, StepState
from branchguard.core.kernel import paging, validation
from branchguard.core.kernel.errors import NotFound, ValidationError
from branchguard.core.kernel.i18n import Message, t
from branchguard.core.kernel.types import PlaybookStatus, Text2
from branchguard.core.playbooks.types import IncidentCategory, PlanTier
from branchguard.core.schedules import store as schedules_store
from branchguard.core.schedules.titles import Names, made_title, title_names
from branchguard.db.base import utcnow
from branchguard.db.models.drills import DrillEvaluationRow, DrillPlanRow
from branchguard.db.models.foundation import BranchRow, UserRow
from branchguard.db.models.incidents import IncidentRow
from branchguard.db.models.playbooks import PlaybookRow, PlaybookVersionRow
from branchguard.db.models.schedules import ScheduleRow

MAX_HEADCOUNT = 10_000
MAX_NAMES = 200


# A plan as read: its ORM row, or its table's columns read as one row (a list's window of 200 at
# ten years: 4.7 ms as ORM rows, 1.9 ms as columns).
PlanRow = DrillPlanRow | Row[Any]


def plan_infos(
    s: Session, rows: Iterable[PlanRow], now: datetime, next_runs: dict[int, datetime] | None = None
) -> list[DrillPlan]:
    """The plans of `rows` as at `now`. `next_runs`: the series' next dates by schedule, already
    worked out at `now` for every planned series (the list's order is made from them,
    drills/listing.py); None, worked out here for the series among the rows."""
    rows = list(rows)
    ids = [r.id for r in rows]
    scores = dict(
        s.execute(
            select(DrillEvaluationRow.plan_id, DrillEvaluationRow.score).where(
                paging.among(s, DrillEvaluationRow.plan_id, ids)
            )
        )
        .tuples()
        .all()
    )
    # Each plan's rule by its schedule; whole schedule rows only for the series, whose next date is
    # worked out (a one-off plan has a schedule too: 200 whole rows for a window of one-off plans).
    # With the columns above, the window's read at ten years went from 12-16 ms to 9 ms.
    schedule_ids = [r.schedule_id for r in rows if r.schedule_id is not None]
    by_id = select(ScheduleRow.id, ScheduleRow.rrule).where(paging.among(s, ScheduleRow.id, schedule_ids))
    rules: dict[int, str] = dict(s.execute(by_id).tuples().all()) if schedule_ids else {}
    if next_runs is None:
        series_ids = [schedule_id for schedule_id, rule in rules.items() if rule]
        by_ids = select(ScheduleRow).where(ScheduleRow.id.in_(series_ids))
        series = list(s.scalars(by_ids)) if series_ids else []
        next_runs = schedules_store.next_dates(s, series, now) if series else {}
    names = title_names(s)
    runs = [r.incident_id for r in rows if r.incident_id is not None]
    ended = (
        set(
            s.scalars(
                select(IncidentRow.id).where(
                    paging.among(s, IncidentRow.id, runs), IncidentRow.status == IncidentStatus.CLOSED.value
                )
            )
        )
        if runs
        else set()
    )
    return [
        _plan_info(r, scores.get(r.id), rules.get(r.schedule_id or 0, ""), next_runs, names,
                   ended=r.incident_id in ended)
        for r in rows
    ]  # fmt: skip


def in_use_since(s: Session) -> datetime | None:
    """When the branch began with BranchGuard: the earliest of its record, its first account and its
    first drill plan written (a plan's `created_at`: a drill recorded afterwards counts from the
    day it was entered, not held); None in a database with none of them."""
    rows = (BranchRow, UserRow, DrillPlanRow)
    earliest = (select(func.min(row.created_at)).scalar_subquery() for row in rows)
    firsts = s.execute(select(*earliest)).one()  # one statement to prepare, not three
    return min((f for f in firsts if f is not None), default=None)


def compliance_plans(s: Session, now: datetime) -> list[DrillPlan]:
    """The plans whose facts decide every compliance rule at `now`, in id order: per category,
    scope and playbook, the completed drill run last (the first by id of runs at the same
    moment), and every planned drill that may lie ahead (one planned from now on; a series,
    which is planned for its next date). A rule's last run is the latest of its groups' and its
    next planned drill the earliest ahead, so the rules come out as over every plan (600 at ten
    years, each loaded with its schedule and title before)."""
    rows = s.execute(
        select(DrillPlanRow.id, DrillPlanRow.category, DrillPlanRow.scope, DrillPlanRow.playbook_code,
               DrillPlanRow.status, DrillPlanRow.run_at, DrillPlanRow.planned_at, IncidentRow.status,
               ScheduleRow.rrule)
        .outerjoin(IncidentRow, IncidentRow.id == DrillPlanRow.incident_id)
        .outerjoin(ScheduleRow, ScheduleRow.id == DrillPlanRow.schedule_id)
        .order_by(DrillPlanRow.id)
    ).tuples()  # fmt: skip
    last: dict[tuple[str, str, str], tuple[datetime, int]] = {}
    wanted: list[int] = []
    for plan_id, category, scope, code, status, run_at, planned_at, incident_status, rule in rows:
        finished = incident_status == IncidentStatus.CLOSED.value
        if run_at is not None and (
            status == DrillStatus.EVALUATED.value or (status == DrillStatus.RUNNING.value and finished)
        ):
            held = last.get((category, scope, code))
            if held is None or run_at > held[0]:
                last[(category, scope, code)] = (run_at, plan_id)
        if status == DrillStatus.PLANNED.value and (rule or (planned_at is not None and planned_at >= now)):
            wanted.append(plan_id)
    ids = sorted({*wanted, *(plan_id for _at, plan_id in last.values())})
    if not ids:
        return []
    return plan_infos(
        s, s.scalars(select(DrillPlanRow).where(DrillPlanRow.id.in_(ids)).order_by(DrillPlanRow.id)), now
    )


def _plan_info(
    row: PlanRow,
    score: float | None,
    rule: str,
    next_runs: dict[int, datetime],
    names: Names,
    ended: bool,
) -> DrillPlan:
    planned_at = row.planned_at
    if rule and row.status == DrillStatus.PLANNED.value:
        # A series is "planned" for its next occurrence, whatever its first date was: the one the
        # calendar shows (moved there, if one of its dates was moved), else None (paused, ended).
        planned_at = next_runs.get(row.schedule_id or 0)
    return DrillPlan(
        id=row.id,
        title=made_title(row.title, names),
        playbook_code=row.playbook_code,
        category=IncidentCategory(row.category),
        scope=DrillScope(row.scope),
        mode=DrillMode(row.mode),
        announced=row.announced,
        planned_at=planned_at,
        schedule_id=row.schedule_id,
        rule=rule,
        series_id=row.series_id,
        participants={k: tuple(v) for k, v in (row.participants or {}).items()},
        observers=tuple(row.observers or ()),
        goals=tuple(row.goals or ()),
        expected_headcount=row.expected_headcount,
        criteria_set=row.criteria_set,
        status=DrillStatus(row.status),
        incident_id=row.incident_id,
        run_at=row.run_at,
        score=score,
        notes=row.notes,
        created_by=row.created_by,
        created_at=row.created_at,
        ended=ended,
    )


def run_of(s: Session, series_id: int, planned_at: datetime | None) -> DrillPlanRow | None:
    """The run of the series' occurrence planned for `planned_at`, if it has one (None: a series
    with no date to run, paused or ended, has no occurrence to have run)."""
    if planned_at is None:
        return None
    stmt = select(DrillPlanRow).where(
        DrillPlanRow.series_id == series_id, DrillPlanRow.planned_at == planned_at
    )
    return s.scalars(stmt.order_by(DrillPlanRow.id).limit(1)).first()


def evaluation_of(row: DrillEvaluationRow) -> Evaluation:
    return Evaluation(
        plan_id=row.plan_id,
        criteria_set=row.criteria_set,
        criteria=tuple(
            ScoredCriterion(
                c["code"], Text2(c.get("zh", ""), c.get("en", "")), int(c["weight"]), int(c["score"])
            )
            for c in row.criteria
        ),
        score=row.score,
        problems=row.problems,
        lessons=row.lessons,
        evaluator=row.evaluator,
        evaluated_at=row.evaluated_at,
    )


def step_results(detail: IncidentDetail) -> tuple[StepResult, ...]:
    """Each step's target and the minutes from the start to its mark (None while pending or skipped)."""
    from branchguard.core.incidents.text import step_timing  # a run's alone, not the plans'

    started = detail.summary.started_at
    results = []
    for step in detail.steps:
        actual = None
        if step.state == StepState.DONE and step.at is not None:
            actual = round((step.at - started).total_seconds() / 60, 1)
        results.append(
            StepResult(
                step.number, step.text, step.target_minutes, actual, step_timing(step, started).verdict
            )
        )
    return tuple(results)


def last_headcount(detail: IncidentDetail) -> tuple[int, int | None] | None:
    counts = [e for e in detail.entries if e.kind == EntryKind.HEADCOUNT and not e.corrected]
    if not counts:
        return None
    data = counts[-1].data
    expected = data.get("expected")
    return int(data.get("present", 0)), int(expected) if expected is not None else None


def evaluation_row(
    cs: CriteriaSet, scores: dict[str, Any], problems: str, lessons: str, plan_id: int, evaluator: str
) -> DrillEvaluationRow:
    """A drill's evaluation against `cs` (every criterion scored 0–100, nothing unknown, or the
    error naming the criterion), its weighted total to one decimal; problems and lessons checked."""
    checked = check_scores(cs, scores)
    return DrillEvaluationRow(
        plan_id=plan_id,
        criteria_set=cs.code,
        criteria=criteria_snapshot(cs, checked),
        score=round(sum(c.weight * checked[c.code] for c in cs.criteria) / 100, 1),
        problems=problems,
        lessons=lessons,
        evaluator=evaluator,
        evaluated_at=utcnow(),
    )


def scores_of(ev: DrillEvaluationRow) -> dict[str, int]:
    return {c["code"]: int(c["score"]) for c in ev.criteria}


def criteria_snapshot(cs: CriteriaSet, scores: dict[str, int]) -> list[dict[str, object]]:
    return [
        {"code": c.code, "zh": c.text.zh, "en": c.text.en, "weight": c.weight, "score": scores[c.code]}
        for c in cs.criteria
    ]


COPIED = (
    "title",
    "playbook_code",
    "category",
    "scope",
    "mode",
    "announced",
    "participants",
    "observers",
    "goals",
    "expected_headcount",
    "criteria_set",
    "notes",
)


def clean_kind(title: str, scope: DrillScope, mode: DrillMode) -> dict[str, Any]:
    """A drill's title (empty: the plan's), scope and mode, checked."""
    return {
        "title": validation.text(title, "field.title", required=False, limit=200),
        "scope": validation.choice(scope, DrillScope, "field.drill_scope").value,
        "mode": validation.choice(mode, DrillMode, "field.drill_mode").value,
    }


def clean_plan(data: DrillPlanInput) -> dict[str, Any]:
    participants: dict[str, list[str]] = {}
    for role, names in data.participants.items():
        cleaned = [n.strip() for n in names if n.strip()]
        if role.strip() and cleaned:
            participants[role.strip()] = cleaned[:MAX_NAMES]
    headcount = data.expected_headcount
    if headcount is not None:
        validation.int_range(headcount, "field.expected_headcount", 0, MAX_HEADCOUNT)
    return clean_kind(data.title, data.scope, data.mode) | {
        "announced": bool(data.announced),
        "participants": participants,
        "observers": [o.strip() for o in data.observers if o.strip()][:MAX_NAMES],
        "goals": [g.strip() for g in data.goals if g.strip()][:MAX_NAMES],
        "expected_headcount": headcount,
        "notes": validation.text(data.notes, "field.notes", required=False, limit=2000),
    }


def drilled_version(s: Session, code: str) -> PlaybookVersionRow:
    """The approved version of the plan a drill is of (planned, or recorded afterwards), or the
    error that says why there is none."""
    playbook = s.scalar(select(PlaybookRow).where(PlaybookRow.code == code.strip().upper()))
    if playbook is None:
        raise NotFound(Message("playbook.not_found", code=code))
    from branchguard.core.playbooks.store import approved  # the drill's writes alone: not every read's

    version = approved(playbook)
    if version is None:
        raise ValidationError("field.playbook", Message("incident.no_approved", code=playbook.code))
    return version


def plan_row(
    s: Session, code: str, values: dict[str, Any], **columns: Any
) -> tuple[DrillPlanRow, CriteriaSet]:
    """A new drill of the approved version of plan `code` (not yet added): its category, the criteria
    set made for that category, its title (`values`' own, else "Drill: <the plan's>"); and that set."""
    version = drilled_version(s, code)
    category = IncidentCategory(version.category)
    chosen = set_for_category(criteria_sets(s, ""), category)
    given = dict(values)
    plan_title = Text2(version.title_zh, version.title_en).text
    title = given.pop("title") or t("drill.default_title", plan=plan_title)
    row = DrillPlanRow(
        **given,
        **columns,
        title=title,
        playbook_code=version.playbook.code,
        category=category.value,
        criteria_set=chosen.code,
    )
    return row, chosen


def audit_view(row: DrillPlanRow, rule: str) -> dict[str, Any]:
    return {
        "title": row.title,
        "playbook": row.playbook_code,
        "scope": row.scope,
        "mode": row.mode,
        "announced": row.announced,
        "planned_at": row.planned_at,
        "rule": rule,
        "expected_headcount": row.expected_headcount,
        "criteria_set": row.criteria_set,
    }


def playbook_tiers(s: Session) -> dict[str, PlanTier]:
    """Each playbook's tier, by code: its approved version's, else its newest version's (a
    retired or draft-only plan keeps the tier it was drilled under)."""
    rows = s.execute(
        select(PlaybookRow.code, PlaybookVersionRow.tier, PlaybookVersionRow.status)
        .join(PlaybookVersionRow, PlaybookVersionRow.playbook_id == PlaybookRow.id)
        .order_by(PlaybookVersionRow.number)
    ).tuples()
    tiers: dict[str, PlanTier] = {}
    approved_codes: set[str] = set()
    for code, tier, status in rows:
        if code in approved_codes:
            continue
        tiers[code] = PlanTier(tier)
        if status == PlaybookStatus.APPROVED.value:
            approved_codes.add(code)
    return tiers


def closed_incidents(s: Session, plans: Iterable[DrillPlan]) -> set[int | None]:
    """The run incidents of `plans` that are closed: those drills are finished."""
    ids = [p.incident_id for p in plans if p.incident_id is not None]
    if not ids:
        return set()
    query = select(IncidentRow.id).where(
        IncidentRow.id.in_(ids), IncidentRow.status == IncidentStatus.CLOSED.value
    )
    return set(s.scalars(query))
