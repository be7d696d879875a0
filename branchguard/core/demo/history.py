"""Years of a busy branch's history, generated after the demo branch exists (`branchguard demo
--years N [--seed S]`): per year about 140 incidents with ~50 log entries each, 60 drills, 730
submitted inspections, 520 hazards, 29 people joining, 25 playbook revisions and 20,000 audit
events, with the seasons of a Chinese branch (Spring Festival crowds, summer storms and power
cuts, the June safety month and the November fire month full of drills) and every state a record
can be in. The same seed and end date give the same rows.

The history ends at its `now`, 18:00 on the last day: a follow-up that would come later (a
remediation, a verification, the rest of an open incident's log) has not happened yet, and the
record stays where it had got to; what lies ahead is only ever planned (a drill's date, a due date).

Rows are made here as plain dicts and written by `core.demo.bulk`, one transaction per year. The
years' customer complaints, about 36 a year, follow through the complaint service (core/demo/
complaints.py, `DemoService.fill_history`).
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, select

from branchguard.core.demo import bulk, history_drills, wording
from branchguard.core.demo.history_inspections import InspectionYear
from branchguard.core.incidents.types import EntryKind
from branchguard.core.ledger import service as ledger
from branchguard.core.people.types import BranchRole
from branchguard.core.schedules import rules as schedule_rules
from branchguard.core.schedules.types import OccurrenceStatus, ScheduleKind
from branchguard.db.engine import refresh_statistics
from branchguard.db.models.drills import DrillCriteriaSetRow
from branchguard.db.models.foundation import PersonRow
from branchguard.db.models.playbooks import PlaybookRow, PlaybookVersionRow, StepRow

AUDIT_PER_YEAR = 20_000
INCIDENTS_PER_YEAR = 140
PEOPLE_PER_YEAR = 29
# The posts people join in, as a branch staffs them: mostly its counters and its floor. The demo
# roster holds the head and the safety officer (core/demo/service.py); one who joins in a leading
# post has moved on by the history's end, so the branch never has two heads on duty (uniform posts
# gave ten years 35 heads, most on duty, and the contact card five pages).
JOINING_POSTS = {
    BranchRole.TELLER: 30, BranchRole.CUSTOMER_MANAGER: 22, BranchRole.SECURITY_GUARD: 12,
    BranchRole.LOBBY_MANAGER: 8, BranchRole.OTHER: 8, BranchRole.CLEANER: 6, BranchRole.IT_LIAISON: 3,
    BranchRole.DEPUTY_HEAD: 3, BranchRole.SAFETY_OFFICER: 3, BranchRole.BRANCH_HEAD: 2,
}  # fmt: skip
LEADING_POSTS = {BranchRole.BRANCH_HEAD, BranchRole.DEPUTY_HEAD, BranchRole.SAFETY_OFFICER}
# The share of those who joined this many years before the history's end (at least) who have left:
# 29 join a year, and a branch keeps a staff of a few dozen.
LEFT_BY_TENURE = ((2, 0.97), (1, 0.7), (0, 0.15))
REVISIONS_PER_YEAR = 25
ACTORS = ("lead", "staff", "staff", "staff", "lead", "auditor")

# Relative weight of each month (January first).
INCIDENT_SEASON = (13, 15, 10, 10, 11, 13, 15, 15, 12, 11, 10, 11)
# Categories likelier in some months: natural disasters and power cuts in summer, crowds at the
# Spring Festival, fires in winter.
SEASONAL_CATEGORIES: dict[str, tuple[int, ...]] = {
    "natural_disaster": (6, 7, 8),
    "power_it_outage": (6, 7, 8),
    "customer_surge": (1, 2),
    "large_cash_withdrawal": (1, 2, 12),
    "fire_evacuation": (11, 12, 1, 2),
}


# What a revision copies from the version before it.
REVISED_AS_IS = ("title_zh", "title_en", "tier", "levels", "triggers_zh", "triggers_en", "cautions_zh",
                 "cautions_en", "roles", "contacts", "attachments")  # fmt: skip

@dataclass(frozen=True)
class Version:
    id: int
    number: int
    category: str
    approved_at: datetime


@dataclass
class Playbook:
    id: int
    code: str
    versions: list[Version]
    steps: list[dict[str, Any]]  # the first version's steps, copied into each revision
    content: dict[str, Any]  # the first version's title, tier, levels, triggers, roles…, likewise

    @property
    def startable(self) -> bool:
        """A plan an incident starts from (a service guide is read, never started)."""
        return self.content.get("tier") != "service"

    def at(self, moment: datetime) -> Version:
        """The version approved at `moment` (the first when none was yet)."""
        i = bisect.bisect_right([v.approved_at for v in self.versions], moment)
        return self.versions[max(i - 1, 0)]


@dataclass
class Year:
    """The rows of one year, by the bulk function that writes them."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    retired: dict[int, datetime] = field(default_factory=dict)

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.rows.setdefault(table, []).append(row)


class History:
    def __init__(self, conn: Connection, seed: int, until: date, years: int) -> None:
        self.rng = random.Random(seed)
        self.zone_name = schedule_rules.local_zone_name()
        self.zone = schedule_rules.zone(self.zone_name)
        self.until = until
        self.start = until - timedelta(days=365 * years)
        self.now = self.local(until, 18)
        self.ids = bulk.next_ids(conn)
        self.playbooks = self._playbooks(conn)
        self.startable = [b for b in self.playbooks if b.startable]
        self.drafted: set[int] = set()
        self.criteria = {
            code: (cats, crit)
            for code, cats, crit in conn.execute(
                select(DrillCriteriaSetRow.code, DrillCriteriaSetRow.categories, DrillCriteriaSetRow.criteria)
            ).tuples()
        }
        self.names = list(conn.execute(select(PersonRow.name)).scalars())
        self.inspections = InspectionYear(self, conn)

    # -- helpers ---------------------------------------------------------------------------------
    def local(self, day: date, hour: int, minute: int = 0) -> datetime:
        """A wall-clock time of the branch, as UTC."""
        return datetime.combine(day, time(hour, minute), tzinfo=self.zone).astimezone(UTC)

    def new_id(self, table: str) -> int:
        value = self.ids[table]
        self.ids[table] = value + 1
        return value

    def actor(self) -> str:
        return self.rng.choice(ACTORS)

    def audit(
        self,
        year: Year,
        at: datetime,
        actor: str,
        action: str,
        entity: str,
        entity_id: object,
        summary: str,
        after: dict[str, Any] | None = None,
    ) -> None:
        year.add(
            "audit_events",
            {
                "id": self.new_id("audit_events"),
                "at": at,
                "actor": actor,
                "action": action,
                "entity": entity,
                "entity_id": str(entity_id),
                "summary": summary,
                "before": None,
                "after": after,
            },
        )

    def days(self, first: date, last: date) -> Iterator[date]:
        day = first
        while day <= last:
            yield day
            day += timedelta(days=1)

    def seasonal_days(self, first: date, last: date, weights: tuple[int, ...], count: int) -> list[date]:
        days = list(self.days(first, last))
        picked = self.rng.choices(days, [weights[d.month - 1] for d in days], k=count)
        return sorted(picked)

    def _playbooks(self, conn: Connection) -> list[Playbook]:
        """The seeded playbooks, their first versions dated back to the history's start."""
        books = []
        first = self.local(self.start, 9)
        for pid, code in conn.execute(
            select(PlaybookRow.id, PlaybookRow.code).order_by(PlaybookRow.id)
        ).tuples():
            version = conn.execute(
                select(PlaybookVersionRow.__table__).where(
                    PlaybookVersionRow.playbook_id == pid, PlaybookVersionRow.status == "approved"
                )
            ).one()
            vid, number, category = version.id, version.number, version.category
            content = {c: getattr(version, c) for c in REVISED_AS_IS}
            steps = [
                {
                    c: getattr(s, c)
                    for c in (
                        "position",
                        "key",
                        "text_zh",
                        "text_en",
                        "role",
                        "target_minutes",
                        "checkpoint",
                        "deadline_minutes",
                        "condition_zh",
                        "condition_en",
                        "goto_key",
                    )
                }
                for s in conn.execute(
                    select(StepRow).where(StepRow.version_id == vid).order_by(StepRow.position)
                )
            ]
            conn.execute(
                PlaybookVersionRow.__table__.update()  # type: ignore[attr-defined]
                .where(PlaybookVersionRow.id == vid)
                .values(created_at=first, approved_at=first)
            )
            books.append(Playbook(pid, code, [Version(vid, number, category, first)], steps, content))
        return books

    # -- one year --------------------------------------------------------------------------------
    def year(self, first: date, last: date) -> Year:
        year = Year()
        self.people(year, first, last)
        self.revisions(year, first, last)
        self.incidents(year, first, last)
        history_drills.fill(self, year, first, last)
        self.inspections.fill(year, first, last)
        self.logins(year, first, last)
        return year

    def people(self, year: Year, first: date, last: date) -> None:
        posts, weights = list(JOINING_POSTS), list(JOINING_POSTS.values())
        for day in self.seasonal_days(first, last, (3, 1, 2, 1, 1, 1, 4, 2, 1, 1, 1, 1), PEOPLE_PER_YEAR):
            pid, at = self.new_id("people"), self.local(day, 10)
            name = wording.person_name(self.rng)
            years = (self.until - day).days / 365
            post = self.rng.choices(posts, weights)[0]
            if post in LEADING_POSTS and years < 1:  # a leader who came and went within the year: no
                post = BranchRole.TELLER
            share = next(left for least, left in LEFT_BY_TENURE if years >= least)
            left = post in LEADING_POSTS or self.rng.random() < share
            year.add(
                "people",
                {
                    "id": pid,
                    "name": name,
                    "branch_role": post.value,
                    "mobile": f"139{pid:08d}",
                    "phone": "",
                    "on_duty": not left,
                    "notes": "已调离" if left else "",
                    "created_at": at,
                    "updated_at": at,
                },
            )
            self.names.append(name)
            self.audit(year, at, "lead", "person.create", "person", pid, f"name={name}")

    def revisions(self, year: Year, first: date, last: date) -> None:
        days = self.seasonal_days(first, last, (1,) * 12, REVISIONS_PER_YEAR)
        for n, day in enumerate(days):
            book = self.rng.choice(self.playbooks)
            if book.id in self.drafted:
                continue
            current, at = book.versions[-1], self.local(day, 15)
            # The latest revisions are still drafts (the history's last one at least).
            draft = day > self.until - timedelta(days=30) or (last >= self.until and n == len(days) - 1)
            vid = self.new_id("playbook_versions")
            year.add(
                "playbook_versions",
                {
                    "id": vid,
                    "playbook_id": book.id,
                    "number": current.number + 1,
                    "status": "draft" if draft else "approved",
                    **book.content,  # a yearly review keeps the plan's text and changes its note
                    "category": current.category,
                    "note": f"{day.year} 年度修订：更新联系人与分工",
                    "created_by": "lead",
                    "created_at": at,
                    "approved_by": None if draft else "lead",
                    "approved_at": None if draft else at,
                },
            )
            for step in book.steps:
                year.add("playbook_steps", {**step, "id": self.new_id("playbook_steps"), "version_id": vid})
            self.audit(
                year, at, "lead", "playbook.update", "playbook", book.code, f"version={current.number + 1}"
            )
            if draft:
                self.drafted.add(book.id)  # one open draft a playbook
                continue
            year.retired[current.id] = at
            book.versions.append(Version(vid, current.number + 1, current.category, at))
            self.audit(
                year, at, "lead", "playbook.approve", "playbook", book.code, f"version={current.number + 1}"
            )

    def _category(self, month: int) -> Playbook:
        weights = [
            4 if month in SEASONAL_CATEGORIES.get(b.versions[0].category, ()) else 1 for b in self.startable
        ]
        return self.rng.choices(self.startable, weights)[0]

    def incidents(self, year: Year, first: date, last: date) -> None:
        for day in self.seasonal_days(first, last, INCIDENT_SEASON, INCIDENTS_PER_YEAR):
            book = self._category(day.month)
            started = self.local(day, self.rng.randint(8, 17), self.rng.randint(0, 59))
            entries = max(8, int(self.rng.gauss(50, 15)))
            is_open = (self.now - started) < timedelta(days=3)
            level = self.rng.choices(("III", "II", "I"), (80, 17, 3))[0]
            title = wording.incident_title(self.rng, book.versions[0].category)
            self.incident(year, book, started, title, level, entries, drill=False, is_open=is_open)

    def incident(
        self,
        year: Year,
        book: Playbook,
        started: datetime,
        title: str,
        level: str,
        entries: int,
        *,
        drill: bool,
        is_open: bool = False,
        present: int | None = None,
    ) -> int:
        version, actor = book.at(started), self.actor()
        iid = self.new_id("incidents")
        at = started
        log: list[dict[str, Any]] = []

        def entry(kind: EntryKind, body: str, **extra: Any) -> None:
            log.append(
                {
                    "id": self.new_id("incident_log"),
                    "incident_id": iid,
                    "at": at,
                    "actor": actor,
                    "kind": kind.value,
                    "text": body,
                    "step": extra.get("step"),
                    "corrects": extra.get("corrects"),
                    "data": extra.get("data", {}),
                }
            )

        entry(
            EntryKind.START,
            title,
            data={
                "level": level,
                "drill": drill,
                "title": title,
                "playbook": book.code,
                "version": version.number,
            },
        )
        steps = iter(book.steps)
        kinds = (
            EntryKind.NOTE,
            EntryKind.ACTION,
            EntryKind.COMMUNICATION,
            EntryKind.OBSERVATION,
            EntryKind.DECISION,
            EntryKind.REPORT,
        )
        for n in range(2, entries):
            at += timedelta(seconds=self.rng.randint(20, 600))
            if is_open and at > self.now:  # its log so far: the history ends here
                at = log[-1]["at"]
                break
            roll = self.rng.random()
            step = next(steps, None) if roll < 0.15 else None
            if step is not None:
                done = self.rng.random() < 0.9
                entry(
                    EntryKind.STEP_DONE if done else EntryKind.STEP_SKIPPED,
                    step["text_zh"],
                    step=step["position"],
                    data={"key": step["key"]},
                )
            elif roll > 0.985 and n > 3:
                entry(
                    EntryKind.CORRECTION,
                    "更正：" + wording.log_line(self.rng),
                    corrects=self.rng.randint(2, n - 1),
                )
            else:
                entry(self.rng.choice(kinds), wording.log_line(self.rng))
        if present is not None:
            entry(
                EntryKind.HEADCOUNT,
                f"集合点清点人数：{present}",
                data={"present": present, "expected": present},
            )
        row = {
            "id": iid,
            "title": title,
            "playbook_code": book.code,
            "playbook_version_id": version.id,
            "playbook_version": version.number,
            "category": version.category,
            "level": level,
            "drill": drill,
            "status": "open",
            "location": self.rng.choice(wording.LOCATIONS),
            "started_by": actor,
            "started_at": started,
            "report_fields": {},
            "closed_by": None,
            "closed_at": None,
            "outcome": "",
            "injuries": "",
            "losses_cents": None,
            "root_cause": "",
        }
        self.audit(year, started, actor, "incident.start", "incident", iid, f"title={title}, level={level}")
        if not is_open:
            at += timedelta(minutes=self.rng.randint(5, 90))
            outcome, cause = self.rng.choice(wording.OUTCOMES), self.rng.choice(wording.CAUSES)
            losses = self.rng.choice((None, None, None, self.rng.randint(100, 5_000_000)))
            entry(
                EntryKind.CLOSE,
                outcome,
                data={
                    "outcome": outcome,
                    "injuries": "",
                    "losses_cents": losses,
                    "root_cause": cause,
                    "actions": [],
                },
            )
            row |= {
                "status": "closed",
                "closed_by": "lead",
                "closed_at": at,
                "outcome": outcome,
                "losses_cents": losses,
                "root_cause": cause,
            }
            self.audit(year, at, "lead", "incident.close", "incident", iid, f"outcome={outcome}")
        year.add("incidents", row)
        year.rows.setdefault("incident_log", []).extend(log)
        return iid

    def one_off(
        self,
        year: Year,
        kind: ScheduleKind,
        subject: int,
        title: str,
        owner: str,
        due: datetime,
        created: datetime,
        *,
        done: bool = False,
        skipped: bool = False,
        schedule_id: int | None = None,
        ended: datetime | None = None,
    ) -> int:
        """A one-off schedule; ended (inactive) once its only occurrence is done or skipped, which
        happened at `ended` (by default at its due time), never after the history's now."""
        sid = schedule_id or self.new_id("schedules")
        ended = (ended or due) if done or skipped else None
        year.add(
            "schedules",
            {
                "id": sid,
                "kind": kind.value,
                "subject_id": subject,
                "title": title[:200],
                "owner": owner,
                "rrule": "",
                "start_at": due,
                "timezone": self.zone_name,
                "lead_minutes": 1440,
                "working_days": "none",
                "active": not (done or skipped),
                "notes": "",
                "catch_up_from": created,
                "created_by": "lead",
                "created_at": created,
                "updated_at": ended or created,
            },
        )
        if done or skipped:
            status = OccurrenceStatus.DONE if done else OccurrenceStatus.SKIPPED
            self.occurrence(year, sid, due, status, ended)
        self.audit(
            year, created, "lead", "schedule.add", "schedule", sid, f"kind={kind.value}, title={title}"
        )
        return sid

    def occurrence(
        self, year: Year, sid: int, due: datetime, status: OccurrenceStatus, at: datetime | None = None
    ) -> int:
        """An occurrence due at `due`, done or skipped at `at` (by default then), written the day
        before it was due or when it was done, whichever came first."""
        oid = self.new_id("schedule_occurrences")
        done, at = status == OccurrenceStatus.DONE, at or due
        year.add(
            "schedule_occurrences",
            {
                "id": oid,
                "schedule_id": sid,
                "rule_at": due,
                "due_at": due,
                "status": status.value,
                "done_at": at if done else None,
                "done_by": "staff" if done else None,
                "note": "",
                "created_at": min(due - timedelta(days=1), at),
            },
        )
        return oid

    def logins(self, year: Year, first: date, last: date) -> None:
        """The year's audit trail topped up to its size with sign-ins (and mistyped passwords)."""
        missing = AUDIT_PER_YEAR - sum(1 for _ in year.rows.get("audit_events", ()))
        days = [d for d in self.days(first, min(last, self.until)) if d.weekday() < 6]
        for day in self.rng.choices(days, k=max(missing, 0)):
            who = self.actor()
            at = self.local(day, self.rng.randint(8, 18), self.rng.randint(0, 59))
            if self.rng.random() < 0.9:
                self.audit(year, at, who, "user.login", "user", who, "")
            else:
                self.audit(year, at, who, "user.login_failed", "user", who, "wrong password")


def generate(
    engine: Engine,
    *,
    years: int,
    seed: int,
    until: date,
    progress: Callable[[int, dict[str, int]], None] | None = None,
) -> dict[str, int]:
    """Write `years` years of history ending at `until`, one transaction a year; rows per table."""
    totals: dict[str, int] = {}
    with engine.begin() as conn:
        history = History(conn, seed, until, years)
    for n in range(years):
        first = history.start + timedelta(days=365 * n + 1)
        last = history.start + timedelta(days=365 * (n + 1))
        year = history.year(first, last)
        counts = write(engine, year)
        for table, count in counts.items():
            totals[table] = totals.get(table, 0) + count
        if progress is not None:
            progress(n + 1, counts)
    with engine.begin() as conn:
        bulk.finish(conn)
        ledger.record_bulk_writes(conn)  # bulk writes pass by the session hook that ledgers the rest
    refresh_statistics(engine, full=True)
    return totals


def write(engine: Engine, year: Year) -> dict[str, int]:
    rows = year.rows
    with engine.begin() as conn:
        counts = {
            "people": bulk.people(conn, rows.get("people", [])),
            "playbook_versions": bulk.playbook_versions(
                conn, rows.get("playbook_versions", []), year.retired
            ),
            "playbook_steps": bulk.playbook_steps(conn, rows.get("playbook_steps", [])),
            "schedules": bulk.schedules(conn, rows.get("schedules", [])),
            "schedule_occurrences": bulk.schedule_occurrences(conn, rows.get("schedule_occurrences", [])),
            "incidents": bulk.incidents(conn, rows.get("incidents", [])),
            "incident_log": bulk.incident_log(conn, rows.get("incident_log", [])),
            "incident_actions": bulk.incident_actions(conn, rows.get("incident_actions", [])),
            "drill_plans": bulk.drill_plans(conn, rows.get("drill_plans", [])),
            "drill_evaluations": bulk.drill_evaluations(conn, rows.get("drill_evaluations", [])),
            "inspections": bulk.inspections(conn, rows.get("inspections", [])),
            "inspection_answers": bulk.inspection_answers(conn, rows.get("inspection_answers", [])),
            "hazards": bulk.hazards(conn, rows.get("hazards", [])),
            "inspection_amendments": bulk.inspection_amendments(conn, rows.get("inspection_amendments", [])),
            "hazard_steps": bulk.hazard_steps(conn, rows.get("hazard_steps", [])),
            "hazard_events": bulk.hazard_events(conn, rows.get("hazard_events", [])),
            "audit_events": bulk.audit_events(conn, rows.get("audit_events", [])),
        }
    return counts
