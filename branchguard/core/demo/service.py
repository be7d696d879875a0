"""Demo data: a branch, its staff and partner contacts, and one account per role; on request also
records the capabilities add through their services (inspections and hazards), so `make run` shows
a populated app."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import Engine, func, select, table
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.accounts.service import AuthService
from branchguard.core.audit.service import record
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.types import Actor, Role
from branchguard.core.people.service import clean_contact, clean_person
from branchguard.core.people.types import BranchRole, ContactInput, ContactKind, PersonInput
from branchguard.db.models.complaints import ComplaintEventRow, ComplaintRow, ComplaintStepRow
from branchguard.db.models.foundation import AuditEventRow, BranchRow, ContactRow, PersonRow, UserRow
from branchguard.db.models.schedules import OccurrenceRow, ScheduleRow

# The tables the complaint service writes as the history's complaints go through it.
COMPLAINT_TABLES: tuple[str, ...] = tuple(
    row.__tablename__
    for row in (ComplaintRow, ComplaintStepRow, ComplaintEventRow, ScheduleRow, OccurrenceRow, AuditEventRow)
)

if TYPE_CHECKING:
    from branchguard.core.complaints.service import ComplaintService

DEMO_BRANCH = {"name": "示范银行城东支行营业部", "code": "DEMO-0101", "address": "示范市城东区建设路 88 号"}

# Fixed, documented passwords (README): demo data is for trying the app, never for production.
DEMO_ACCOUNTS: tuple[tuple[str, Role, str, str], ...] = (
    ("lead", Role.LEAD, "lead-demo-2026", "王建国"),
    ("staff", Role.STAFF, "staff-demo-2026", "李晓梅"),
    ("auditor", Role.AUDITOR, "auditor-demo-2026", "陈审计"),
)

DEMO_PEOPLE: tuple[PersonInput, ...] = (
    PersonInput("王建国", BranchRole.BRANCH_HEAD, "13901010001", "010-63210001"),
    PersonInput("赵敏", BranchRole.SAFETY_OFFICER, "13901010002"),
    PersonInput("李晓梅", BranchRole.LOBBY_MANAGER, "13901010003"),
    PersonInput("张伟", BranchRole.TELLER, "13901010004"),
    PersonInput("刘洋", BranchRole.TELLER, "13901010005"),
    PersonInput("孙丽", BranchRole.TELLER, "13901010006", on_duty=False, notes="休假至下周一"),
    PersonInput("周强", BranchRole.SECURITY_GUARD, "13901010007"),
    PersonInput("吴刚", BranchRole.SECURITY_GUARD, "13901010008", on_duty=False),
    PersonInput("郑浩", BranchRole.IT_LIAISON, "13901010009"),
)

DEMO_CONTACTS: tuple[ContactInput, ...] = (
    ContactInput("分行安全保卫部值班室", ContactKind.SUPERIOR_SECURITY, "010-66880110", "13800100110"),
    ContactInput("分行安全保卫部", ContactKind.SUPERIOR_SECURITY, "010-66880120"),
    ContactInput("城东物业服务中心", ContactKind.PROPERTY_MANAGEMENT, "010-63218888"),
    ContactInput("安达报警服务公司", ContactKind.ALARM_COMPANY, "400-820-8820", "13800138000"),
    ContactInput("总行科技服务台", ContactKind.IT_HELPDESK, "010-66880999"),
    ContactInput("城东供电所", ContactKind.POWER_COMPANY, "95598"),
)


MAX_YEARS = 30

# Adds one capability's demo records as the demo lead and staff (after the accounts exist).
DemoRecords = Callable[[Actor, Actor], None]


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: Role
    password: str


def demo_accounts() -> list[DemoAccount]:
    """The accounts `fill` makes, with their passwords."""
    return [DemoAccount(u, r, p) for u, r, p, _ in DEMO_ACCOUNTS]


def holds_branch_data(session: Session) -> bool:
    """Branch data: the branch row, accounts, staff or the branch's own contacts.

    Built-in content (the public emergency numbers, later the starter playbooks) does not count.
    """
    counts = (
        session.scalar(select(func.count()).select_from(BranchRow)),
        session.scalar(select(func.count()).select_from(UserRow)),
        session.scalar(select(func.count()).select_from(PersonRow)),
        session.scalar(select(func.count()).select_from(ContactRow).where(ContactRow.builtin.is_(False))),
    )
    return any(counts)


# The auth service and the capabilities' demo records, built over the session factory given (the
# one transaction of a fill), by the service container.
DemoParts = Callable[[sessionmaker[Session]], tuple[AuthService, Sequence[DemoRecords]]]


class DemoService:
    def __init__(
        self,
        engine: Engine,
        sessions: sessionmaker[Session],
        parts: DemoParts,
        complaints: Callable[[], ComplaintService],
    ) -> None:
        self._engine = engine
        self._sessions = sessions
        self._parts = parts
        self._complaints = complaints  # the history's complaints go through the service

    def is_empty(self) -> bool:
        with self._sessions() as s:
            return not holds_branch_data(s)

    def fill(self, *, records: bool = False) -> list[DemoAccount]:
        """Fill an empty database; refuse one that holds branch data. With `records`, the
        capabilities then add their demo records through their own services.

        All or nothing: every service works inside one transaction on one connection (their
        sessions join it and never commit it), so a fault half-way (a full disk) leaves the
        database as it was and a later `demo --if-empty` finds it empty."""
        with self._engine.connect() as conn, conn.begin():
            sessions = sessionmaker(bind=conn, expire_on_commit=False, join_transaction_mode="rollback_only")
            auth, adders = self._parts(sessions)
            actor = Actor.system()
            with sessions.begin() as s:
                if holds_branch_data(s):
                    raise ValidationError("", Message("validation.branch_exists"))
                branch = BranchRow(**DEMO_BRANCH, lockout_threshold=5, lockout_minutes=15)
                s.add(branch)
                for person in DEMO_PEOPLE:
                    s.add(PersonRow(**clean_person(person)))
                for contact in DEMO_CONTACTS:
                    s.add(ContactRow(**clean_contact(contact), builtin=False, sort_order=100))
                for username, role, password, display in DEMO_ACCOUNTS:
                    auth.insert_user(s, actor, username, role, password, display)
                record(s, actor, "demo.fill", "branch", "", summary=DEMO_BRANCH["name"])
            if records:
                lead, staff = (self._actor(auth, name) for name in ("lead", "staff"))
                for add in adders:
                    add(lead, staff)
        return demo_accounts()

    def _rows(self, names: Sequence[str]) -> dict[str, int]:
        with self._sessions() as s:
            return {name: s.scalar(select(func.count()).select_from(table(name))) or 0 for name in names}

    @staticmethod
    def _actor(auth: AuthService, username: str) -> Actor:
        """A demo account as the actor its records are written by."""
        user = auth.user_by_name(username)
        assert user is not None, username
        return Actor(user.id, user.username, user.role)

    def fill_history(
        self,
        years: int,
        seed: int,
        until: date,
        progress: Callable[[int, dict[str, int]], None] | None = None,
    ) -> dict[str, int]:
        """After `fill(records=True)`: `years` years of a busy branch's history ending at `until`,
        written in bulk one transaction a year (core/demo/history.py); rows written per table."""
        from branchguard.core.demo import complaints as complaint_demo
        from branchguard.core.demo import history

        if not 1 <= years <= MAX_YEARS:
            raise ValidationError("field.years", Message("validation.range", low=1, high=MAX_YEARS))
        if until >= date.today():  # a day not yet over: its records would be dated after now
            raise ValidationError("field.until", Message("demo.until_not_past", day=until.isoformat()))
        totals = history.generate(self._engine, years=years, seed=seed, until=until, progress=progress)
        # Through the complaint service, after the bulk years (whose ids were given out at their
        # start): each complaint's steps, events, clock and reminders as the window writes them.
        auth, _records = self._parts(self._sessions)
        lead, staff = (self._actor(auth, name) for name in ("lead", "staff"))
        svc = self._complaints()
        first = until - timedelta(days=365 * years - 1)
        before = self._rows(COMPLAINT_TABLES)
        complaint_demo.history(svc, lead, staff, seed, first, until, svc.zone, self._sessions)
        for name, count in self._rows(COMPLAINT_TABLES).items():
            if count > before[name]:
                totals[name] = totals.get(name, 0) + count - before[name]
        with self._sessions.begin() as s:
            record(
                s, Actor.system(), "demo.history", "branch", "",
                summary=f"years={years}, seed={seed}, until={until.isoformat()}",
            )  # fmt: skip
        return totals
