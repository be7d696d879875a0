"""The details of a periodic safety report, beside the period's figures (service._periods): the
incidents with their outcomes, the drills run with their scores and corrective actions, each
checklist's inspections, the hazards overdue and ageing at the period's end, the major hazards'
milestones and the actions overdue. Each reads one statement over the period's UTC bounds; every
list is limited to the period, so a year on a busy branch stays a few hundred rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from branchguard.core.complaints import rules as complaint_rules
from branchguard.core.dashboard import hazard_history, rules, waivers
from branchguard.core.dashboard.types import (
    ActionLine,
    ChecklistLine,
    DrillLine,
    IncidentLine,
    MajorHazardLine,
)
from branchguard.core.drills.types import DrillPlan
from branchguard.core.hazards import store as hazard_store
from branchguard.core.hazards.types import HazardSeverity, RemediationKind
from branchguard.core.incidents.types import IncidentStatus
from branchguard.core.inspections.types import ItemResult
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Level, Text2
from branchguard.core.playbooks.types import IncidentCategory
from branchguard.core.schedules.types import OccurrenceStatus, ScheduleKind
from branchguard.db.models.complaints import ComplaintRow
from branchguard.db.models.drills import DrillEvaluationRow
from branchguard.db.models.hazards import HazardRow, HazardStepRow
from branchguard.db.models.incidents import IncidentActionRow, IncidentRow
from branchguard.db.models.inspections import (
    AmendmentRow,
    AnswerRow,
    InspectionRow,
    TemplateRow,
    TemplateVersionRow,
)
from branchguard.db.models.schedules import OccurrenceRow, ScheduleRow


def incidents(s: Session, start: datetime, end: datetime) -> list[IncidentLine]:
    """Real incidents started in [start, end), oldest first (the figures' incidents_by_*)."""
    stmt = (
        select(IncidentRow)
        .where(IncidentRow.drill.is_(False), IncidentRow.started_at >= start, IncidentRow.started_at < end)
        .order_by(IncidentRow.started_at, IncidentRow.id)
    )
    return [
        IncidentLine(
            id=r.id,
            title=r.title,
            category=IncidentCategory(r.category),
            level=Level(r.level),
            status=IncidentStatus(r.status),
            started_at=r.started_at,
            closed_at=r.closed_at,
            outcome=r.outcome,
            injuries=r.injuries,
            losses_cents=r.losses_cents,
        )
        for r in s.scalars(stmt)
    ]


def _action(row: IncidentActionRow, incident_id: int, drill: bool) -> ActionLine:
    return ActionLine(row.id, incident_id, drill, row.text, row.owner, row.due, row.done_at)


def drills(s: Session, plans: Sequence[DrillPlan], zone: ZoneInfo) -> list[DrillLine]:
    """The planned drills run in the period (given), each with its score and corrective actions.
    A drill recorded afterwards says on which local day it was entered: a past period's report
    printed again after it differs from the one sent, and the reader sees why."""
    runs = [p for p in plans if p.run_at is not None]
    ids = [p.incident_id for p in runs if p.incident_id is not None]
    actions: dict[int, list[ActionLine]] = defaultdict(list)
    if ids:
        rows = select(IncidentActionRow).where(IncidentActionRow.incident_id.in_(ids))
        for row in s.scalars(rows.order_by(IncidentActionRow.id)):
            if row.incident_id is not None:  # always: selected by incident
                actions[row.incident_id].append(_action(row, row.incident_id, True))
    evaluated = select(DrillEvaluationRow.plan_id, DrillEvaluationRow.score).where(
        DrillEvaluationRow.plan_id.in_([p.id for p in runs])
    )
    scores = {plan_id: score for plan_id, score in s.execute(evaluated).tuples()}
    return [
        DrillLine(
            plan_id=p.id,
            title=_drill_title(p, zone),
            category=p.category,
            run_at=p.run_at,
            score=scores.get(p.id),
            actions=tuple(actions.get(p.incident_id, ()) if p.incident_id is not None else ()),
        )
        for p in sorted(runs, key=lambda p: (p.run_at, p.id))
        if p.run_at is not None
    ]


def _drill_title(plan: DrillPlan, zone: ZoneInfo) -> str:
    if not plan.recorded_afterwards:
        return plan.title
    return t("summary.drill_recorded", title=plan.title, day=plan.created_at.astimezone(zone).date())


def checklists(s: Session, start: datetime, end: datetime, as_of: datetime) -> list[ChecklistLine]:
    """Per checklist: scheduled inspections falling due in the period (by `as_of`) and done,
    inspections submitted in it, and their answered and failed items (an amendment's result
    replaces the answer's). The due and done sums equal the figures' inspections_due and
    inspections_done."""
    due: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    occurrences = (
        select(ScheduleRow.subject_id, OccurrenceRow.status)
        .join(ScheduleRow, ScheduleRow.id == OccurrenceRow.schedule_id)
        .where(
            ScheduleRow.kind == ScheduleKind.INSPECTION.value,
            OccurrenceRow.due_at >= start,
            OccurrenceRow.due_at < end,
            OccurrenceRow.due_at <= as_of,
        )
    )
    for template_id, status in s.execute(occurrences).tuples():
        key = template_id or 0
        due[key][0] += 1
        due[key][1] += status == OccurrenceStatus.DONE.value
    per_template = (
        select(InspectionRow.template_id, func.count())
        .where(InspectionRow.submitted_at >= start, InspectionRow.submitted_at < end)
        .group_by(InspectionRow.template_id)
    )
    submitted = {template_id: n for template_id, n in s.execute(per_template).tuples()}
    in_period = select(InspectionRow.id).where(
        InspectionRow.submitted_at >= start, InspectionRow.submitted_at < end
    )
    results: dict[tuple[int, int], tuple[int, str | None]] = {}
    answers = (
        select(InspectionRow.template_id, AnswerRow.inspection_id, AnswerRow.number, AnswerRow.result)
        .join(InspectionRow, InspectionRow.id == AnswerRow.inspection_id)
        .where(AnswerRow.inspection_id.in_(in_period))
    )
    for template_id, inspection_id, number, result in s.execute(answers).tuples():
        results[(inspection_id, number)] = (template_id, result)
    amendments = (
        select(AmendmentRow.inspection_id, AmendmentRow.number, AmendmentRow.new_result)
        .where(AmendmentRow.inspection_id.in_(in_period))
        .order_by(AmendmentRow.amended_at, AmendmentRow.id)
    )
    for inspection_id, number, result in s.execute(amendments).tuples():
        if (inspection_id, number) in results:
            results[(inspection_id, number)] = (results[(inspection_id, number)][0], result)
    items: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for template_id, result in results.values():
        if result is None or result == ItemResult.NA.value:
            continue
        items[template_id][0] += 1
        items[template_id][1] += result == ItemResult.FAIL.value
    ids = set(due) | set(submitted) | set(items)
    names = _template_names(s, ids)
    lines = [
        ChecklistLine(
            code=names.get(i, ("", Text2()))[0],
            name=names.get(i, ("", Text2()))[1],
            due=due[i][0] if i in due else 0,
            done=due[i][1] if i in due else 0,
            submitted=int(submitted.get(i, 0)),
            items=items[i][0] if i in items else 0,
            failed=items[i][1] if i in items else 0,
        )
        for i in ids
    ]
    return sorted(lines, key=lambda x: (x.code == "", x.code))


def _template_names(s: Session, ids: set[int]) -> dict[int, tuple[str, Text2]]:
    """Each template's code and the name of its newest version."""
    known = [i for i in ids if i]
    if not known:
        return {}
    newest = (
        select(TemplateVersionRow.template_id, func.max(TemplateVersionRow.number).label("n"))
        .where(TemplateVersionRow.template_id.in_(known))
        .group_by(TemplateVersionRow.template_id)
        .subquery()
    )
    stmt = (
        select(TemplateRow.id, TemplateRow.code, TemplateVersionRow.name_zh, TemplateVersionRow.name_en)
        .join(TemplateVersionRow, TemplateVersionRow.template_id == TemplateRow.id)
        .join(
            newest,
            and_(newest.c.template_id == TemplateRow.id, newest.c.n == TemplateVersionRow.number),
        )
    )
    return {i: (code, Text2(zh, en)) for i, code, zh, en in s.execute(stmt).tuples()}


def hazards_at(s: Session, at: datetime, zone: ZoneInfo) -> tuple[int, tuple[int, ...]]:
    """Hazards open at `at` (as the figures' hazards_open_at_end: from the history) and past due
    then, and their count per ageing band. Overdue at `at`: open then, and its due date, as it
    stood then, ended before the day of `at` in the branch's zone (hazards.store.is_overdue). A due
    date moved after `at`, later or earlier, is read back from its edit (`fields_at`), so the
    figure of a report already sent stays what it said; the others keep their column."""
    ids = hazard_history.open_at(s, [at])[0]
    columns = select(HazardRow.id, HazardRow.opened_at, HazardRow.due_date).where(HazardRow.id.in_(ids))
    rows = list(s.execute(columns).tuples())
    edited = select(HazardRow).where(HazardRow.id.in_(ids), HazardRow.id.in_(hazard_history.edited_since(at)))
    then = hazard_history.fields_at(s, list(s.scalars(edited)), at)
    overdue = 0
    bands = [0] * len(rules.AGEING_BANDS)
    day = hazard_store.local_date(at, zone)  # a due date is past once its day has ended
    for hazard_id, opened, due in rows:
        overdue += (then[hazard_id].due_date if hazard_id in then else due) < day
        bands[rules.ageing_band(max(0, (at - opened).days))] += 1
    return overdue, tuple(bands)


def major_hazards(s: Session, start: datetime, end: datetime, zone: ZoneInfo) -> list[MajorHazardLine]:
    """Major hazards open at some time in [start, end): opened before its end and not fixed before
    its start; each milestone's first step (interim control, plan, report to head office) taken
    before the end. Which were open, each one's status and verification, and its severity, title,
    due date and deadlines come from the history as of the end (hazard_history), like the period's
    figures: a hazard reopened, raised, lowered or given another due date after the period neither
    joins, leaves nor changes the list of a report already sent.

    Major means major at the period's end: what the list said when it was sent, and each line
    shows its hazard at that one instant (a hazard lowered within the period, by the lead with a
    reason, has a general hazard's deadlines by the end, and no major milestones to show)."""
    ids = hazard_history.open_during(s, start, end)
    major = HazardSeverity.MAJOR.value
    stmt = (  # major now, or edited since the end (major then, perhaps): the others were not
        select(HazardRow)
        .where(
            HazardRow.id.in_(ids),
            or_(HazardRow.severity == major, HazardRow.id.in_(hazard_history.edited_since(end))),
        )
        .order_by(HazardRow.opened_at, HazardRow.id)
    )
    loaded = list(s.scalars(stmt))
    fields = hazard_history.fields_at(s, loaded, end)
    rows = [r for r in loaded if fields[r.id].severity == major]
    states = hazard_history.states_at(s, [r.id for r in rows], end)
    firsts: dict[tuple[int, str], datetime] = {}
    if rows:
        steps = (
            select(HazardStepRow.hazard_id, HazardStepRow.kind, func.min(HazardStepRow.added_at))
            .where(HazardStepRow.hazard_id.in_([r.id for r in rows]), HazardStepRow.added_at < end)
            .group_by(HazardStepRow.hazard_id, HazardStepRow.kind)
        )
        firsts = {(h, k): at for h, k, at in s.execute(steps).tuples()}
    waived = waivers.waivers_at(s, [r.id for r in rows], end)
    return [
        MajorHazardLine(
            id=r.id,
            number=hazard_store.number_of(r),
            title=fields[r.id].title,
            status=states[r.id].status,
            opened_at=r.opened_at,
            interim_due_at=fields[r.id].interim_due_at,
            interim_done_at=firsts.get((r.id, RemediationKind.INTERIM_CONTROL.value)),
            plan_due_at=fields[r.id].plan_due_at,
            plan_done_at=firsts.get((r.id, RemediationKind.PLAN.value)),
            report_head_office=fields[r.id].report_head_office,
            reported_at=firsts.get((r.id, RemediationKind.HEAD_OFFICE_REPORT.value)),
            due_at=hazard_store.due_instant(fields[r.id].due_date, zone),
            fixed_at=states[r.id].fixed_at,
            remediated_at=states[r.id].remediated_at,
            waiver=waived.get(r.id),
        )
        for r in rows
    ]


def actions_overdue(s: Session, at: datetime, today: date) -> list[ActionLine]:
    """Actions of incidents started (or complaints registered) before `at`, not done by then, whose
    due day is before `today` (the local day of `at`): what the action list's --overdue shows when
    `at` is now."""
    stmt = (
        select(IncidentActionRow, IncidentRow.drill, ComplaintRow.received_at)
        .outerjoin(IncidentRow, IncidentRow.id == IncidentActionRow.incident_id)
        .outerjoin(ComplaintRow, ComplaintRow.id == IncidentActionRow.complaint_id)
        .where(
            or_(IncidentRow.started_at < at, ComplaintRow.registered_at < at),
            IncidentActionRow.due.is_not(None),
            IncidentActionRow.due < today,
            or_(IncidentActionRow.done_at.is_(None), IncidentActionRow.done_at >= at),
        )
        .order_by(IncidentActionRow.due, IncidentActionRow.id)
    )
    return [
        ActionLine(
            row.id, row.incident_id, bool(drill), row.text, row.owner, row.due, row.done_at,
            complaint_rules.number_received(received, row.complaint_id)
            if received is not None and row.complaint_id is not None else "",
        )
        for row, drill, received in s.execute(stmt).tuples()
    ]  # fmt: skip
