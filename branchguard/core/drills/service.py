"""Drill service: plan (one-off or recurring through the schedules), run as a drill incident,
record headcount, evaluate against a criteria set, the drill record, criteria sets and compliance.

The safety lead plans, evaluates and edits the data; lead and staff run drills; everyone reads.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.accounts.names import person_of
from branchguard.core.audit.service import record
from branchguard.core.drills import actions as drills_actions
from branchguard.core.drills import compliance, held, listing
from branchguard.core.drills import library as drills_data
from branchguard.core.drills import rules as drill_rules
from branchguard.core.drills import store as drills_store
from branchguard.core.drills.types import (
    ComplianceItem,
    ComplianceRule,
    CriteriaSet,
    DrillAction,
    DrillPlan,
    DrillPlanInput,
    DrillRecord,
    DrillStatus,
    Evaluation,
    EvaluationInput,
    HeldDrillInput,
)
from branchguard.core.incidents import rules as incident_rules
from branchguard.core.incidents.types import FollowUpAction, LogEntry
from branchguard.core.kernel import paging, validation
from branchguard.core.kernel.errors import NotFound, ValidationError, refuse_if_changed
from branchguard.core.kernel.i18n import Message, t
from branchguard.core.kernel.paging import Slice, Window
from branchguard.core.kernel.roles import require
from branchguard.core.kernel.types import Actor
from branchguard.core.ledger import recording as ledger_recording
from branchguard.core.schedules import rules
from branchguard.core.schedules.links import retime_one_off
from branchguard.core.schedules.service import ScheduleService
from branchguard.core.schedules.types import ScheduleInput, ScheduleKind
from branchguard.db.base import utcnow
from branchguard.db.locks import locked
from branchguard.db.models.drills import (
    ComplianceRuleRow,
    DrillCriteriaSetRow,
    DrillEvaluationRow,
    DrillPlanRow,
)
from branchguard.db.models.incidents import IncidentActionRow
from branchguard.db.models.schedules import ScheduleRow

if TYPE_CHECKING:  # imported by whoever runs a drill: the dashboard and compliance need none of it
    from branchguard.core.incidents.service import IncidentService

T = TypeVar("T", CriteriaSet, ComplianceRule)  # what `_save_regional` saves


class DrillService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        incidents: Callable[[], IncidentService],
        schedules: ScheduleService,
    ) -> None:
        """`incidents` gives the incident service when a drill is run or shown: reading plans and
        compliance (the dashboard) does not load the incident service and what it imports."""
        self._sessions = sessions
        self._incidents_of = incidents
        self._schedules = schedules
        self._seeded = False

    @property
    def _incidents(self) -> IncidentService:
        return self._incidents_of()

    def _data(self) -> None:
        """The built-in criteria sets and rules are written on first use, not at every start."""
        if not self._seeded:
            drills_data.seed_defaults(self._sessions)
            self._seeded = True

    # -- planning ------------------------------------------------------------------------------
    def plan(self, actor: Actor, data: DrillPlanInput) -> DrillPlan:
        """Plan a drill; it owns a drill schedule (one-off or recurring) for reminders and the calendar."""
        require(actor, "drill.plan")
        self._data()
        zone = rules.local_zone_name()
        rule = rules.normalise(data.rrule, data.date, zone)  # a bad rule fails before anything is written
        values = drills_store.clean_plan(data)
        with self._sessions.begin() as s:
            row, _chosen = drills_store.plan_row(
                s,
                data.playbook_code,
                values,
                planned_at=rules.start_utc(data.date, zone),
                status=DrillStatus.PLANNED.value,
                created_by=actor.username,
                created_at=utcnow(),
            )
            title = row.title
            s.add(row)
            s.flush()
            record(s, actor, "drill.plan", "drill_plan", row.id, after=drills_store.audit_view(row, rule))
            sched = self._schedules.add_in(  # the plan and its schedule commit together
                s,
                actor,
                ScheduleInput(
                    title=title,
                    start=data.date,
                    kind=ScheduleKind.DRILL,
                    rule=rule,
                    timezone=zone,
                    subject_id=row.id,
                    owner=person_of(s, actor.username),
                ),
            )
            row.schedule_id = sched.id
            s.flush()
            info = drills_store.plan_infos(s, [row], utcnow())[0]
        self._schedules.notify()
        return info

    def record_held(self, actor: Actor, data: HeldDrillInput) -> DrillPlan:
        """A drill held without BranchGuard, recorded afterwards with its evaluation
        (core/drills/held.py): it counts towards the compliance rules from the day it was held."""
        require(actor, "drill.record_held")
        self._data()
        with self._sessions.begin() as s:
            return held.record_held(s, actor, data, utcnow())

    def void_held(self, actor: Actor, plan_id: int, reason: str) -> DrillPlan:
        """A drill recorded afterwards by mistake stops counting (core/drills/held.py)."""
        require(actor, "drill.void")
        with self._sessions.begin() as s:
            return held.void_held(s, actor, plan_id, reason)

    def move(self, actor: Actor, plan_id: int, when: datetime) -> DrillPlan:
        """Move a planned one-off drill to `when`: its date (the plan's `planned_at`, which the
        Drills page, `drill list`, compliance and the report read) and its calendar entry, in one
        transaction. Refused once the drill was run or cancelled, and for a series (its dates are
        its schedule's rule)."""
        require(actor, "drill.plan")
        now = utcnow()
        with self._sessions.begin() as s:
            row = self._locked(s, plan_id)  # not once another PC has run or cancelled it
            drill_rules.expect(row.id, row.status, DrillAction.MOVE)
            sched = s.get(ScheduleRow, row.schedule_id) if row.schedule_id is not None else None
            if sched is not None and sched.rrule:
                raise ValidationError("field.date", Message("drill.series_move", id=row.id))
            # naive: wall clock in the drill's zone
            when = rules.start_utc(when, sched.timezone if sched is not None else rules.local_zone_name())
            if when <= now:
                raise ValidationError("field.date", Message("drill.move_past"))
            before, row.planned_at = row.planned_at, when
            was, now_at = {"planned_at": before}, {"planned_at": when}
            record(s, actor, "drill.move", "drill_plan", row.id, before=was, after=now_at)
            if sched is not None:
                retime_one_off(s, actor, sched, when, now)
            s.flush()
            info = drills_store.plan_infos(s, [row], now)[0]
        self._schedules.notify()
        return info

    def cancel(self, actor: Actor, plan_id: int) -> DrillPlan:
        require(actor, "drill.plan")
        with self._sessions.begin() as s:
            row = self._locked(s, plan_id)  # not over another PC's run, nor cancelled twice
            drill_rules.expect(row.id, row.status, DrillAction.CANCEL)
            row.status = DrillStatus.CANCELLED.value
            record(s, actor, "drill.cancel", "drill_plan", plan_id, after={"status": row.status})
            if row.schedule_id is not None:
                self._schedules.set_active_in(s, actor, row.schedule_id, False)
            info = drills_store.plan_infos(s, [row], utcnow())[0]
        self._schedules.notify()
        return info

    # -- reading -------------------------------------------------------------------------------
    def get(self, actor: Actor, plan_id: int) -> DrillPlan:
        require(actor, "drill.read")
        with self._sessions() as s:
            return drills_store.plan_infos(s, [self._row(s, plan_id)], utcnow())[0]

    def list(self, actor: Actor, status: DrillStatus | None = None) -> builtins.list[DrillPlan]:
        """Every plan and run, in the window's own order: by the date shown, the newest first
        (drills/listing.py), the later-made first on the same date."""
        require(actor, "drill.read")
        now = utcnow()
        with self._sessions() as s:
            series = listing.series_dates(s, now)
            stmt = select(DrillPlanRow).order_by(series.shown_date().desc(), DrillPlanRow.id.desc())
            if status is not None:
                stmt = stmt.where(DrillPlanRow.status == status.value)
            return drills_store.plan_infos(s, s.scalars(stmt), now, series.next_runs)

    def window(self, actor: Actor, status: DrillStatus | None, window: Window) -> Slice[DrillPlan]:
        """One window of the plans and runs (by the date shown, the newest first, unless
        `window.sort` names another of `listing.COLUMN_SORTS`) and the count of all that `status`
        selects."""
        require(actor, "drill.read")
        stmt = select(DrillPlanRow.__table__)  # the columns, not ORM rows (drills/store.PlanRow)
        if status is not None:
            stmt = stmt.where(DrillPlanRow.status == status.value)
        now = utcnow()
        with self._sessions() as s:
            total = s.scalar(paging.count(stmt)) or 0
            series = listing.series_dates(s, now)  # the dates shown are the dates sorted by
            page = paging.ordered(stmt, window, series.sorts(), (series.shown_date(),), DrillPlanRow.id)
            return Slice(drills_store.plan_infos(s, s.execute(page), now, series.next_runs), total)

    def evaluation(self, actor: Actor, plan_id: int) -> Evaluation | None:
        """The drill's evaluation (its scores, the problems it found), None before it is evaluated."""
        require(actor, "drill.read")
        with self._sessions() as s:
            ev = s.scalar(select(DrillEvaluationRow).where(DrillEvaluationRow.plan_id == plan_id))
            return drills_store.evaluation_of(ev) if ev else None

    def record_of(self, actor: Actor, plan_id: int) -> DrillRecord:
        """The plan, its run's incident with step timings and headcount, its evaluation and actions."""
        plan = self.get(actor, plan_id)
        detail = self._incidents.get(actor, plan.incident_id) if plan.incident_id else None
        evaluation = self.evaluation(actor, plan_id)
        voided = None
        if plan.recorded_afterwards and plan.status == DrillStatus.CANCELLED:
            with self._sessions() as s:
                voided = held.voided_of(s, plan_id)
        return DrillRecord(
            plan=plan,
            incident=detail,
            steps=drills_store.step_results(detail) if detail else (),
            headcount=drills_store.last_headcount(detail) if detail else None,
            evaluation=evaluation,
            actions=detail.actions if detail else (),
            voided=voided,
        )

    # -- running -------------------------------------------------------------------------------
    def run(self, actor: Actor, plan_id: int) -> DrillPlan:
        """Start the drill's incident (flagged as a drill). A recurring plan stays planned and its
        run becomes a plan of its own (`series_id`); the schedule's open occurrence is completed."""
        require(actor, "drill.run")
        plan = self.get(actor, plan_id)
        drill_rules.expect(plan.id, plan.status, DrillAction.RUN)
        if plan.recurring:
            run_id = self._claim_occurrence(actor, plan)
        else:
            self._claim(plan_id, DrillStatus.PLANNED, DrillStatus.RUNNING, refuse_as=DrillAction.RUN)
            run_id = plan_id
        try:
            incident = self._incidents.start(actor, plan.playbook_code, title=plan.title, drill=True)
        except BaseException:
            self._release(plan, run_id)
            raise
        with self._sessions.begin() as s:
            target = self._row(s, run_id)
            target.status = DrillStatus.RUNNING.value
            target.incident_id = incident.id
            target.run_at = incident.started_at
            s.flush()
            record(s, actor, "drill.run", "drill_plan", target.id, after={"incident": incident.id})
            info = drills_store.plan_infos(s, [target], utcnow())[0]
        self._complete_occurrence(actor, plan, info.id)
        return info

    def _claim(
        self, plan_id: int, old: DrillStatus, new: DrillStatus, refuse_as: DrillAction | None = None
    ) -> None:
        """Move a one-off plan from `old` to `new` in one statement: of two people pressing Run at
        once, only one starts an incident; the other is refused as `refuse_as` (None: a rollback,
        whose failure must not hide the error that caused it)."""
        with self._sessions.begin() as s:
            done = s.execute(
                update(DrillPlanRow)
                .where(DrillPlanRow.id == plan_id, DrillPlanRow.status == old.value)
                .values(status=new.value)
            )
            ledger_recording.touch(s, "drill_plan", [plan_id])  # a Core UPDATE: the session did not see it
            if getattr(done, "rowcount", 0) != 1 and refuse_as is not None:
                row = self._row(s, plan_id)
                drill_rules.expect(row.id, row.status, refuse_as)

    def _claim_occurrence(self, actor: Actor, plan: DrillPlan) -> int:
        """A series' run of the occurrence `plan` shows (its next date as this call read it),
        claimed on the series locked (db/locks.py): of PCs pressing Run at once one makes the run;
        the others find it and are refused as a one-off plan's second Run is, rather than run and
        complete the occurrences after it. The run's id (running, its incident not yet started)."""
        with self._sessions.begin() as s:
            row = self._locked(s, plan.id)
            drill_rules.expect(row.id, row.status, DrillAction.RUN)
            ran = drills_store.run_of(s, plan.id, plan.planned_at)
            if ran is not None:
                drill_rules.expect(ran.id, ran.status, DrillAction.RUN)
            run = DrillPlanRow(
                **{k: getattr(row, k) for k in drills_store.COPIED},
                series_id=row.id,
                planned_at=plan.planned_at,
                status=DrillStatus.RUNNING.value,
                created_by=actor.username,
                created_at=utcnow(),
            )
            s.add(run)
            s.flush()
            return run.id

    def _release(self, plan: DrillPlan, run_id: int) -> None:
        """The claim of a run whose incident did not start is given back: the plan (or the
        series' occurrence) can be run again."""
        if not plan.recurring:
            self._claim(plan.id, DrillStatus.RUNNING, DrillStatus.PLANNED)
            return
        with self._sessions.begin() as s:
            s.delete(self._row(s, run_id))

    def _complete_occurrence(self, actor: Actor, plan: DrillPlan, run_id: int) -> None:
        """The schedule's open occurrence is done, written or not yet: a drill run before its
        reminder window opened must not fall due (and remind as overdue) afterwards."""
        if plan.schedule_id is not None:
            self._schedules.complete_next(actor, plan.schedule_id, note=t("drill.occurrence_note", id=run_id))

    def record_headcount(self, actor: Actor, plan_id: int, present: int) -> LogEntry:
        """The count at the assembly point, against the plan's expected headcount."""
        require(actor, "drill.run")  # before the drill's state: a reader is refused, whatever the drill
        plan = self.get(actor, plan_id)
        if plan.incident_id is None:
            raise ValidationError("field.drill", Message("drill.not_run", id=plan_id))
        drill_rules.expect(plan.id, plan.status, DrillAction.HEADCOUNT)
        return self._incidents.record_headcount(actor, plan.incident_id, present, plan.expected_headcount)

    # -- evaluating ----------------------------------------------------------------------------
    def evaluate(self, actor: Actor, plan_id: int, data: EvaluationInput) -> Evaluation:
        """Score a run against its criteria set (every criterion 0–100, nothing unknown), with
        problems, lessons and corrective actions (the run incident's follow-up actions)."""
        require(actor, "drill.evaluate")
        self._data()
        problems = validation.text(data.problems, "field.problems", required=False, limit=5000)
        lessons = validation.text(data.lessons, "field.lessons", required=False, limit=5000)
        actions = incident_rules.clean_follow_ups(data.actions)
        with self._sessions.begin() as s:
            row = self._locked(s, plan_id)  # evaluated once, however many PCs press it
            drill_rules.expect(row.id, row.status, DrillAction.EVALUATE)
            drill_rules.expect_ended(row.id, drills_store.plan_infos(s, [row], utcnow())[0].ended)
            if row.run_at is not None:  # always: a drill evaluated was run
                incident_rules.due_from(actions, row.run_at.astimezone().date(), drill=True)
            ev = drills_store.evaluation_row(
                self._set(s, row.criteria_set), data.scores, problems, lessons, plan_id, actor.username
            )
            s.add(ev)
            for a in actions:
                action = IncidentActionRow(incident_id=row.incident_id, text=a.text, owner=a.owner, due=a.due)
                s.add(action)
                if a.due is not None:
                    s.flush()
                    drills_actions.remind(self._schedules, s, actor, action)
            row.status = DrillStatus.EVALUATED.value
            s.flush()
            record(
                s,
                actor,
                "drill.evaluate",
                "drill_plan",
                plan_id,
                after={"score": ev.score, "scores": drills_store.scores_of(ev), "actions": len(actions)},
            )
            result = drills_store.evaluation_of(ev)
        if any(a.due is not None for a in actions):
            self._schedules.notify()
        return result

    def complete_action(self, actor: Actor, plan_id: int, action_id: int) -> FollowUpAction:
        """A corrective action of the drill is done: the action and its reminder's item are marked
        together, so its owner is not reminded of it any more."""
        require(actor, "drill.evaluate")
        with self._sessions.begin() as s:
            done = drills_actions.complete(
                self._schedules, s, actor, self._row(s, plan_id), action_id, utcnow()
            )
        self._schedules.notify()
        return done

    # -- criteria sets and compliance rules ------------------------------------------------------
    def criteria_sets(self, actor: Actor, region: str = "") -> builtins.list[CriteriaSet]:
        require(actor, "drill.read")
        self._data()
        with self._sessions() as s:
            return drills_data.criteria_sets(s, region)

    def save_criteria_set(
        self, actor: Actor, cs: CriteriaSet, region: str = "", opened: CriteriaSet | None = None
    ) -> CriteriaSet:
        """Add or replace a set for `region` ("" changes the defaults every region inherits).
        `opened`: the set as the form showed it (None when adding, or from the command line); see
        `_save_regional`."""
        require(actor, "drill.configure")  # before the set is checked: a reader is refused, whatever it holds
        values = drills_data.set_values(drills_data.check_set(cs))
        return self._save_regional(
            actor,
            region,
            DrillCriteriaSetRow,
            values,
            drills_data.set_of,
            drills_data.set_values,
            ("drill.criteria", "drill_criteria_set", "drill.set_record"),
            opened,
        )

    def compliance_rules(self, actor: Actor, region: str = "") -> builtins.list[ComplianceRule]:
        require(actor, "drill.read")
        self._data()
        with self._sessions() as s:
            return drills_data.compliance_rules(s, region)

    def save_rule(
        self, actor: Actor, rule: ComplianceRule, region: str = "", opened: ComplianceRule | None = None
    ) -> ComplianceRule:
        """Add or replace a rule for `region`; `opened` as in `save_criteria_set`."""
        require(actor, "drill.configure")  # before the rule is checked
        values = drills_data.rule_values(drills_data.check_rule(rule))
        return self._save_regional(
            actor,
            region,
            ComplianceRuleRow,
            values,
            drills_data.rule_of,
            drills_data.rule_values,
            ("drill.rule", "drill_compliance_rule", "drill.rule_record"),
            opened,
        )

    def _save_regional(
        self,
        actor: Actor,
        region: str,
        row_type: Any,
        values: dict[str, Any],
        info_of: Callable[[Any], T],
        values_of: Callable[[T], dict[str, Any]],
        audit: tuple[str, str, str],
        opened: T | None = None,
    ) -> T:
        """Add or replace one criteria set or rule of `region`, audited in the same transaction
        (the caller has required "drill.configure" before checking what it saves).

        `opened` is the record as the form showed it: the region's own or the default it inherits.
        A form saves every field, so if another PC changed the one the region sees since, saving
        would silently put the old fields back: StaleRecord (named by `audit`'s third key),
        nothing written, checked under the lock of the rows compared."""
        self._data()
        with self._sessions.begin() as s:
            seen = drills_data.locked_of(s, row_type, values["code"], region)
            row, now = seen.get(region), seen.get(region) or seen.get("")
            if opened is not None:
                named = Message(audit[2], name=opened.name)
                refuse_if_changed(opened, info_of(now) if now is not None else None, named)
            before = values_of(info_of(row)) if row else None
            row = drills_data.upsert(s, row, row_type, values, region, actor)
            record(
                s,
                actor,
                audit[0],
                audit[1],
                row.id,
                before=drills_data.without_time(before),
                after=drills_data.without_time(values),
            )
            return info_of(row)

    def compliance(
        self,
        actor: Actor,
        region: str = "",
        due_soon_days: int = compliance.DEFAULT_DUE_SOON_DAYS,
        now: datetime | None = None,
    ) -> builtins.list[ComplianceItem]:
        """Per rule: the last matching run, the next due date and on time / due soon / overdue."""
        require(actor, "drill.read")
        validation.int_range(due_soon_days, "field.due_soon_days", 0, 366)
        self._data()
        now = now or utcnow()
        with self._sessions() as s:
            rule_list = drills_data.compliance_rules(s, region)
            plans = drills_store.compliance_plans(s, now)
            facts = compliance.facts_of(
                plans, drills_store.playbook_tiers(s), drills_store.closed_incidents(s, plans)
            )
            since = drills_store.in_use_since(s)
        return compliance.evaluate_rules(rule_list, facts, now, due_soon_days, since)

    def compliance_over(
        self, actor: Actor, start: datetime, end: datetime, as_of: datetime
    ) -> tuple[builtins.list[tuple[ComplianceItem, tuple[int, ...]]], builtins.list[DrillPlan]]:
        """A periodic report's view of the drills: per active interval rule, its state as of
        `as_of` (counting only drills run before then) and the ids of the completed matching drills
        run in [start, end); and every plan run in [start, end), in run order."""
        require(actor, "drill.read")
        self._data()
        with self._sessions() as s:
            rule_list = [r for r in drills_data.compliance_rules(s, "") if not r.notice]
            plans = drills_store.plan_infos(s, s.scalars(select(DrillPlanRow)), as_of)
            facts = compliance.facts_of(
                plans, drills_store.playbook_tiers(s), drills_store.closed_incidents(s, plans)
            )
            since = drills_store.in_use_since(s)
        before = [f for f in facts if f.plan.run_at is None or f.plan.run_at < as_of]
        ran = sorted(  # a drill recorded afterwards and voided was never held
            (
                f
                for f in facts
                if f.plan.run_at is not None and start <= f.plan.run_at < end
                and f.plan.status != DrillStatus.CANCELLED
            ),
            key=lambda f: (f.plan.run_at, f.plan.id),
        )
        rule_lines = [
            (
                item,
                tuple(f.plan.id for f in ran if compliance.matches(item.rule, f) and compliance.completed(f)),
            )
            for item in compliance.evaluate_rules(rule_list, before, as_of, since=since)
        ]
        return rule_lines, [f.plan for f in ran]

    # -- helpers -------------------------------------------------------------------------------
    @staticmethod
    def _row(s: Session, plan_id: int) -> DrillPlanRow:
        return _found(s.get(DrillPlanRow, plan_id), plan_id)

    @staticmethod
    def _locked(s: Session, plan_id: int) -> DrillPlanRow:
        """The plan's row, locked and read fresh (db/locks.py), for a change decided on its state."""
        return _found(locked(s, DrillPlanRow, plan_id), plan_id)

    @staticmethod
    def _set(s: Session, code: str) -> CriteriaSet:
        found = next((cs for cs in drills_data.criteria_sets(s, "") if cs.code == code), None)
        if found is None:
            raise NotFound(Message("drill.no_such_set", code=code))
        return found


def _found(row: DrillPlanRow | None, plan_id: int) -> DrillPlanRow:
    if row is None:
        raise NotFound(Message("drill.not_found", id=plan_id))
    return row


def _counts(rule: ComplianceRule, facts: compliance.DrillFacts) -> bool:
    """A completed drill matching `rule`: it counts towards it."""
    return compliance.matches(rule, facts) and compliance.completed(facts)
