"""A year of drills for the generated history (`core.demo.history`): one-off plans crowded into the
June safety month and the November fire month, each run as a drill incident with its log, scored on
its criteria set, with corrective actions and their schedules; some cancelled, the next ones
planned (those more than a month ahead drawn up in the history's last weeks, never after its
end), the history's last ones under way."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from branchguard.core.demo import wording
from branchguard.core.schedules.types import ScheduleKind

if TYPE_CHECKING:
    from branchguard.core.demo.history import History, Playbook, Year

DRILLS_PER_YEAR = 60
DRILL_SEASON = (2, 2, 4, 4, 5, 14, 4, 3, 4, 4, 11, 3)
# From a drill's start to its evaluation at the latest (its run, closing its incident, scoring): a
# drill started closer than this to the history's end is still under way at its end.
RUN_TO_EVALUATION = timedelta(hours=5)
DRILLED = (
    "fire_evacuation",
    "robbery",
    "sudden_illness",
    "power_it_outage",
    "system_failure",
    "suspicious_object",
)


def fill(h: History, year: Year, first: date, last: date) -> None:
    books = [b for b in h.startable if b.versions[0].category in DRILLED]
    horizon = h.until + timedelta(days=60)  # the last year's plans reach two months ahead
    last = min(last + (horizon - h.until if last >= h.until else timedelta(0)), horizon)
    for day in h.seasonal_days(first, last, DRILL_SEASON, DRILLS_PER_YEAR - 1):
        book = h.rng.choice(books)
        drill(h, year, book, h.local(day, h.rng.choice((9, 10, 15, 16)), 30))
    if last >= h.until:  # the history ends with a drill under way
        drill(h, year, h.rng.choice(books), h.local(h.until, 9), status="running")
    else:
        day = h.seasonal_days(first, last, DRILL_SEASON, 1)[0]
        drill(h, year, h.rng.choice(books), h.local(day, 10, 30))


def drill(h: History, year: Year, book: Playbook, planned: datetime, status: str = "") -> None:
    category = book.at(planned).category
    crit_code = next((c for c, (cats, _) in h.criteria.items() if category in cats), "GENERAL")
    pid, sid = h.new_id("drill_plans"), h.new_id("schedules")
    title = f"{wording.incident_title(h.rng, category)}演练"
    past = planned < h.now
    if not status:
        # Runs left open more than a week ago were closed and evaluated since; one started today
        # is not evaluated yet.
        status = h.rng.choices(("evaluated", "cancelled"), (9, 1))[0] if past else "planned"
        if status == "evaluated" and planned + RUN_TO_EVALUATION > h.now:
            status = "running"
    created = planned - timedelta(days=30)
    if created > h.now:  # planned more than a month ahead: drawn up in the history's last weeks
        created = h.local(h.until - timedelta(days=h.rng.randint(0, 13)), 10)
    plan: dict[str, Any] = {
        "id": pid,
        "title": title,
        "playbook_code": book.code,
        "category": category,
        "scope": h.rng.choice(("comprehensive", "single_topic")),
        "mode": h.rng.choice(("live", "live", "tabletop")),
        "announced": h.rng.random() < 0.8,
        "planned_at": planned,
        "schedule_id": sid,
        "series_id": None,
        "participants": {"branch_head": ["王建国"], "safety_officer": ["赵敏"]},
        "observers": [],
        "goals": ["3 分钟内完成处置"],
        "expected_headcount": 9,
        "criteria_set": crit_code,
        "status": status,
        "incident_id": None,
        "run_at": None,
        "notes": "",
        "created_by": "lead",
        "created_at": created,
    }
    h.one_off(
        year,
        ScheduleKind.DRILL,
        pid,
        title,
        "lead",
        planned,
        created,
        done=status in ("evaluated", "running"),
        skipped=status == "cancelled",
        schedule_id=sid,
    )
    h.audit(year, created, "lead", "drill.plan", "drill_plan", pid, f"title={title}")
    iid = None
    if status in ("evaluated", "running"):
        iid = h.incident(
            year,
            book,
            planned,
            title,
            "III",
            h.rng.randint(8, 20),
            drill=True,
            is_open=status == "running",
            present=9,
        )
        plan |= {"incident_id": iid, "run_at": planned}
        h.audit(year, planned, "staff", "drill.run", "drill_plan", pid, f"incident={iid}")
    year.add("drill_plans", plan)
    if status == "evaluated" and iid is not None:
        evaluation(h, year, pid, iid, crit_code, planned + timedelta(hours=3))
    elif status == "cancelled":
        h.audit(year, planned - timedelta(days=2), "lead", "drill.cancel", "drill_plan", pid, "天气原因")


def evaluation(h: History, year: Year, pid: int, iid: int, crit_code: str, at: datetime) -> None:
    criteria = [{**c, "score": h.rng.choice((50, 80, 100, 100))} for c in h.criteria[crit_code][1]]
    score = round(sum(c["weight"] * c["score"] for c in criteria) / 100, 1)
    year.add(
        "drill_evaluations",
        {
            "id": h.new_id("drill_evaluations"),
            "plan_id": pid,
            "criteria_set": crit_code,
            "criteria": criteria,
            "score": score,
            "problems": h.rng.choice(wording.PROBLEMS),
            "lessons": h.rng.choice(wording.LESSONS),
            "evaluator": "lead",
            "evaluated_at": at,
        },
    )
    h.audit(year, at, "lead", "drill.evaluate", "drill_plan", pid, f"score={score}")
    for _ in range(h.rng.choice((0, 0, 1, 1, 2))):
        due = (at + timedelta(days=h.rng.randint(7, 30))).date()
        finished = h.local(due, 11)
        done = finished < h.now and h.rng.random() < 0.9
        text, owner = h.rng.choice(wording.ACTIONS), h.rng.choice(h.names)
        aid = h.new_id("incident_actions")
        year.add(
            "incident_actions",
            {
                "id": aid,
                "incident_id": iid,
                "text": text,
                "owner": owner,
                "due": due,
                "done_at": finished if done else None,
                "done_by": "staff" if done else None,
            },
        )
        title = f"整改：{text}"
        ended = finished if done else None
        h.one_off(year, ScheduleKind.ACTION, aid, title, owner, h.local(due, 17), at, done=done, ended=ended)
