"""A year of inspections and hazards for the generated history (`core.demo.history`): two
submitted inspections a day (the daily fire patrol, linked to its recurring schedule's occurrence,
and one of the other checklists in turn), failed items opening hazards as submit does, hand-entered
hazards, and each hazard carried as far as its age makes likely: open, remediated, verified,
closed, some reopened on the way, as far as the history's end lets it get (a verification that
would come after it has not happened)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from branchguard.core.demo import wording
from branchguard.core.hazards.store import number_opened
from branchguard.core.inspections.types import fill_params
from branchguard.core.schedules.types import OccurrenceStatus, ScheduleKind
from branchguard.db.models.inspections import TemplateItemRow, TemplateRow, TemplateVersionRow

if TYPE_CHECKING:
    from branchguard.core.demo.history import History, Year

DAILY = "FIRE_DAILY"
ROTATION = ("SELF_SERVICE", "CCTV", "VAULT", "ALARM", "EXITS", "FIRE_MONTHLY", "FIRST_AID", "POWER")
MANUAL_PER_YEAR = 60
# Days to fix, by severity (the default policy); a major hazard also has an interim control
# within a day and a plan within three days, and is reported to head office.
FIX_DAYS = {"general": 7, "major": 30}
# The audit action each hazard event is recorded under.
HAZARD_ACTIONS = {
    "opened": "hazard.open",
    "step_added": "hazard.step",
    "remediated": "hazard.remediate",
    "verified": "hazard.verify",
    "closed": "hazard.close",
    "reopened": "hazard.reopen",
    "waived": "hazard.waiver",
}
WAIVED_SHARE = 0.1  # major hazards verified without their head-office report, with the reason
WAIVER_AUDIT = {"milestones": ["head_office_report"], "reason": wording.WAIVER_REASON}


@dataclass(frozen=True)
class Item:
    number: int
    text: str
    severity: str


@dataclass(frozen=True)
class Template:
    id: int
    version_id: int
    code: str
    name: str
    items: tuple[Item, ...]


class InspectionYear:
    def __init__(self, history: History, conn: Connection) -> None:
        self.h = history
        self.templates: dict[str, Template] = {}
        rows = conn.execute(
            select(
                TemplateRow.id,
                TemplateRow.code,
                TemplateVersionRow.id,
                TemplateVersionRow.name_zh,
                TemplateVersionRow.params,
            )
            .join(TemplateVersionRow, TemplateVersionRow.template_id == TemplateRow.id)
            .where(TemplateVersionRow.status == "approved")
        ).tuples()
        for tid, code, vid, name, params in list(rows):
            values = {p["key"]: p["value"] for p in params or []}
            items = conn.execute(
                select(TemplateItemRow.position, TemplateItemRow.text_zh, TemplateItemRow.severity_on_fail)
                .where(TemplateItemRow.version_id == vid)
                .order_by(TemplateItemRow.position)
            ).tuples()
            filled = tuple(Item(n, fill_params(text, values), severity) for n, text, severity in items)
            self.templates[code] = Template(tid, vid, code, name, filled)
        self.patrol: int | None = None  # the history's daily-patrol schedule, made with the first year

    def fill(self, year: Year, first: date, last: date) -> None:
        h = self.h
        if self.patrol is None:
            self.patrol = h.new_id("schedules")
            at = h.local(h.start, 9)
            until = h.local(h.until, 9).strftime("%Y%m%dT%H%M%SZ")
            # Replaced by the demo's own patrol schedule from tomorrow: ended, its rule closed.
            year.add(
                "schedules",
                {
                    "id": self.patrol,
                    "kind": ScheduleKind.INSPECTION.value,
                    "subject_id": self.templates[DAILY].id,
                    "title": f"检查：{self.templates[DAILY].name}（旧）",
                    "owner": "赵敏",
                    "rrule": f"FREQ=DAILY;UNTIL={until}",
                    "start_at": at,
                    "timezone": h.zone_name,
                    "lead_minutes": 1440,
                    "working_days": "none",
                    "active": False,
                    "notes": "",
                    "catch_up_from": at,
                    "created_by": "lead",
                    "created_at": at,
                    "updated_at": at,
                },
            )
        for turn, day in enumerate(h.days(first, min(last, h.until))):
            oid = h.occurrence(year, self.patrol, h.local(day, 9), OccurrenceStatus.DONE)
            self.inspection(year, self.templates[DAILY], day, oid, draft=False)
            code = ROTATION[turn % len(ROTATION)]
            self.inspection(year, self.templates[code], day, None, draft=day == h.until)
        for day in h.seasonal_days(first, min(last, h.until), (1,) * 12, MANUAL_PER_YEAR):
            self.hazard(
                year,
                None,
                None,
                h.local(day, 14),
                self.h.rng.choice(("general", "general", "major")),
                f"{h.rng.choice(wording.LOCATIONS)}：{h.rng.choice(wording.FAIL_NOTES) or '设施损坏'}",
                "巡查中发现，手工登记",
                "",
            )

    def inspection(
        self, year: Year, tpl: Template, day: date, occurrence: int | None, *, draft: bool
    ) -> None:
        h, rng = self.h, self.h.rng
        iid = h.new_id("inspections")
        started = h.local(day, rng.randint(8, 10), rng.randint(0, 59))
        submitted = started + timedelta(minutes=rng.randint(10, 40))
        # Summer storms and winter heating: more failures in those months.
        fail_rate = 0.12 if day.month in (6, 7, 8, 12, 1) else 0.09
        failed: list[tuple[Item, str]] = []
        for item in tpl.items:
            roll = rng.random()
            result: str | None = "fail" if roll < fail_rate else "na" if roll > 0.97 else "pass"
            note = rng.choice(wording.FAIL_NOTES) if result == "fail" else ""
            if draft and item.number > len(tpl.items) // 2:
                result, note = None, ""
            year.add(
                "inspection_answers",
                {
                    "id": h.new_id("inspection_answers"),
                    "inspection_id": iid,
                    "number": item.number,
                    "result": result,
                    "note": note,
                    "photos": [],
                    "answered_by": "staff" if result else None,
                    "answered_at": submitted if result else None,
                },
            )
            if result == "fail":
                failed.append((item, note))
        reviewed = not draft and (h.now - submitted > timedelta(days=2) or rng.random() < 0.5)
        year.add(
            "inspections",
            {
                "id": iid,
                "template_id": tpl.id,
                "version_id": tpl.version_id,
                "status": "draft" if draft else "submitted",
                "location": rng.choice(wording.LOCATIONS),
                "notes": "",
                "occurrence_id": occurrence,
                "started_by": "staff",
                "started_at": started,
                "submitted_by": None if draft else "staff",
                "submitted_at": None if draft else submitted,
                "inspector_name": None if draft else "李晓梅",
                "inspector_signed_by": None if draft else "staff",
                "inspector_signed_at": None if draft else submitted,
                "reviewer_name": "王建国" if reviewed else None,
                "reviewer_signed_by": "lead" if reviewed else None,
                "reviewer_signed_at": submitted + timedelta(hours=2) if reviewed else None,
            },
        )
        h.audit(year, started, "staff", "inspection.start", "inspection", iid, f"template={tpl.code}")
        if draft:
            return
        h.audit(year, submitted, "staff", "inspection.submit", "inspection", iid, f"failed={len(failed)}")
        for item, note in failed:
            title = note or item.text[:60]
            description = f"{tpl.name} 第 {item.number} 项不合格：{item.text}" + (
                f"\n检查人备注：{note}" if note else ""
            )
            self.hazard(year, iid, item.number, submitted, item.severity, title, description, tpl.code)
        amended = submitted + timedelta(days=1)
        if rng.random() < 0.01 and amended <= h.now:  # a correction: an item re-marked as not applicable
            number = rng.randint(1, len(tpl.items))
            year.add(
                "inspection_amendments",
                {
                    "id": h.new_id("inspection_amendments"),
                    "inspection_id": iid,
                    "number": number,
                    "old_result": "pass",
                    "new_result": "na",
                    "note": "",
                    "photos": [],
                    "reason": "该设备已停用",
                    "amended_by": "lead",
                    "amended_at": amended,
                    "hazard_id": None,
                },
            )

    def hazard(
        self,
        year: Year,
        inspection: int | None,
        number: int | None,
        opened: datetime,
        severity: str,
        title: str,
        description: str,
        template: str,
    ) -> None:
        h, rng = self.h, self.h.rng
        hid, major = h.new_id("hazards"), severity == "major"
        due = opened + timedelta(days=FIX_DAYS[severity])
        age = (h.now - opened).days
        weights = (1, 2, 7, 90) if age > 60 else (15, 15, 20, 50) if age > 14 else (50, 30, 15, 5)
        status = rng.choices(("open", "remediated", "verified", "closed"), weights)[0]
        owner = rng.choice(h.names)
        events: list[tuple[str, str, datetime, str]] = [("opened", "staff", opened, "")]
        steps: list[tuple[datetime, str, str]] = []
        at = opened + timedelta(hours=rng.randint(2, 72))
        waived = major and status in ("verified", "closed") and rng.random() < WAIVED_SHARE
        if major:  # its milestones, each in time, before the work (a waived one's report left out)
            when = opened + timedelta(hours=rng.randint(1, 12))
            for kind, label, text in wording.MILESTONE_STEPS[: 2 if waived else 3]:
                steps.append((when, kind, text))
                events.append(("step_added", "staff", when, f"{label}: {text}"))
                when += timedelta(hours=rng.randint(4, 24))
            at = max(at, when)
        for _ in range(rng.randint(1, 3) if status != "open" else rng.randint(0, 1)):
            text = rng.choice(wording.REMEDIES)
            steps.append((at, "action", text))
            events.append(("step_added", "staff", at, f"整改措施: {text}"))
            at += timedelta(hours=rng.randint(1, 48))
        if status != "open":
            if rng.random() < 0.03:  # verified once, found wanting, reopened and fixed again
                events += [
                    ("remediated", "staff", at, ""),
                    ("reopened", "lead", at + timedelta(hours=4), "复查未通过"),
                ]
                at += timedelta(days=1)
            events.append(("remediated", "staff", at, rng.choice(wording.REMEDIES)))
        if status in ("verified", "closed"):
            at += timedelta(hours=rng.randint(2, 48))
            events.append(("verified", "lead", at, "复查合格"))
            if waived:
                events.append(("waived", "lead", at, wording.MILESTONE_WAIVER))
        if status == "closed":
            at += timedelta(hours=rng.randint(1, 24))
            events.append(("closed", "lead", at, ""))
        # What lies after the history's end has not happened: the hazard stays where it had got to.
        events = [e for e in events if e[2] <= h.now]
        status, marks = reached(events)
        for added, kind, text in steps:
            if added <= h.now:
                year.add(
                    "hazard_steps",
                    {
                        "id": h.new_id("hazard_steps"),
                        "hazard_id": hid,
                        "kind": kind,
                        "text": text,
                        "evidence": [],
                        "added_by": "staff",
                        "added_at": added,
                    },
                )
        sid = h.one_off(
            year,
            ScheduleKind.HAZARD,
            hid,
            f"隐患 {number_opened(opened, hid)}：{title}",
            owner,
            due,
            opened,
            done="verified_at" in marks,
            ended=marks.get("verified_at"),  # verifying ends its schedule
        )
        year.add(
            "hazards",
            {
                "id": hid,
                "title": title[:200],
                "description": description,
                "severity": severity,
                "status": status,
                "source": "inspection" if inspection else "manual",
                "location": rng.choice(wording.LOCATIONS),
                "owner": owner,
                "due_date": due.astimezone(h.zone).date(),
                "interim_due_at": opened + timedelta(days=1) if major else None,
                "plan_due_at": opened + timedelta(days=3) if major else None,
                "report_head_office": major,
                "inspection_id": inspection,
                "item_number": number,
                "template_code": template,
                "photos": [],
                "opened_by": "staff",
                "opened_at": opened,
                "remediated_by": None,
                "remediated_at": None,
                "verified_by": None,
                "verified_at": None,
                "verification_note": "",
                "closed_by": None,
                "closed_at": None,
                "schedule_id": sid,
                **marks,
            },
        )
        for kind, actor, when, note in events:
            year.add(
                "hazard_events",
                {
                    "id": h.new_id("hazard_events"),
                    "hazard_id": hid,
                    "kind": kind,
                    "actor": actor,
                    "at": when,
                    "note": note,
                    "changes": {},
                },
            )
            action = HAZARD_ACTIONS[kind]
            # a waiver's audit event names the milestones and the reason, as the service's does
            after = WAIVER_AUDIT if kind == "waived" else None
            h.audit(year, when, actor, action, "hazard", hid, note or title, after)


def reached(events: list[tuple[str, str, datetime, str]]) -> tuple[str, dict[str, Any]]:
    """A hazard's status and its remediation, verification and closing marks after `events` (a
    reopen clears the marks, as the service does)."""
    status, marks = "open", {}
    for kind, actor, at, note in events:
        if kind == "remediated":
            status, marks = "remediated", {"remediated_by": actor, "remediated_at": at}
        elif kind == "reopened":
            status, marks = "open", {}
        elif kind == "verified":
            status = "verified"
            marks |= {"verified_by": actor, "verified_at": at, "verification_note": note}
        elif kind == "closed":
            status = "closed"
            marks |= {"closed_by": actor, "closed_at": at}
    return status, marks
