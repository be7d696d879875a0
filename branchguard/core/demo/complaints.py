"""Demo content for customer complaints (投诉处理), written through the complaint service as the
demo accounts would, each change at its own time (the service's `now`), so every step, event and
reminder schedule is the one the window would have written:

- `fill`: the demo branch's complaints of the last weeks, one in each state (used by
  `DemoService.fill`);
- `history`: a busy branch's complaints over the years of `branchguard demo --years N`, about three
  a month, written after the bulk history (`DemoService.fill_history`). The same seed and end date
  give the same complaints.

A complaint follows a script: accepted by the staff member at the counter, assigned, investigated,
decided by the lead, answered within its 15 days (some late, some after an extension to 30), then
archived with its cause; a few are withdrawn on the way. A step that would fall after the last
day is not written: the complaints of the last weeks stay open where their script had got to.
What the services stamp with this PC's clock rather than their `now` (the audit trail, the reminder
schedules) is dated to the change's own time while a history is written (`Stamp`).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.complaints.service import ComplaintService
from branchguard.core.complaints.types import (
    ComplaintCause,
    ComplaintChannel,
    ComplaintInput,
    ComplaintKind,
    ComplaintStep,
    Satisfaction,
    StepInput,
)
from branchguard.core.kernel.types import Actor
from branchguard.db.models.foundation import AuditEventRow
from branchguard.db.models.schedules import OccurrenceRow, ScheduleRow

OPENS, CLOSES = 9, 17  # the branch's hours, local
PER_MONTH = 3  # a busy branch: about 36 complaints a year, most at the counter or on the phone
CUSTOMERS = ("张立新", "王秀英", "李建华", "刘芳", "陈志强", "杨丽", "赵国庆", "黄敏", "周杰", "吴晓燕",
             "徐海涛", "孙玉梅", "马俊", "朱红", "胡斌", "郭静")  # fmt: skip
HANDLERS = ("李晓梅", "周强", "赵敏")  # demo staff who take complaints on
SUBJECTS = ("王柜员", "大堂经理", "")  # the person complained about, when there is one
# category: (the customer's request, what the investigation found, the decision, its basis, cause)
CASES: dict[str, tuple[str, str, str, str, ComplaintCause]] = {
    "attitude": ("柜员态度生硬，要求道歉", "调阅录像，柜员语气生硬属实", "对柜员批评教育，向客户致歉",
                 "《网点服务规范》礼仪条款", ComplaintCause.EXPERIENCE),
    "waiting": ("排队等候超过一小时，要求改进", "叫号记录显示当日午间仅开两个窗口", "午间增开弹性窗口",
                "《网点服务规范》弹性排班", ComplaintCause.EXPERIENCE),
    "fees": ("对账户管理费有异议，要求退还", "该账户符合免收条件却被扣费", "退还已扣费用",
             "收费目录及减免规定", ComplaintCause.LOSS),
    "self_service": ("ATM 吞卡两天未处理", "设备故障日志与客户陈述一致", "当日退卡并致歉",
                     "自助设备管理办法", ComplaintCause.REQUIREMENT),
    "wealth": ("理财产品风险未讲清，要求说明", "双录资料显示风险揭示不完整", "重新揭示风险并允许赎回",
               "理财销售管理办法", ComplaintCause.REQUIREMENT),
    "cards": ("借记卡挂失后补卡时间过长", "制卡流程卡在上级审核环节", "加急补卡",
              "银行卡业务操作规程", ComplaintCause.REQUIREMENT),
    "environment": ("营业厅空调不制冷，老人等候不适", "空调主机故障已报修未修复", "临时增设风扇并督促维修",
                    "营业环境管理要求", ComplaintCause.EXPERIENCE),
    "privacy": ("短信通知泄露了余额信息", "通知模板显示完整余额", "修改通知模板并致歉",
                "个人信息保护管理办法", ComplaintCause.LOSS),
}  # fmt: skip
CHANNELS = (ComplaintChannel.COUNTER, ComplaintChannel.COUNTER, ComplaintChannel.PHONE,
            ComplaintChannel.PHONE, ComplaintChannel.ONLINE, ComplaintChannel.LETTER,
            ComplaintChannel.REGULATOR)  # fmt: skip
SATISFACTION = (Satisfaction.SATISFIED,) * 5 + (Satisfaction.NEUTRAL,) * 2 + (
    Satisfaction.DISSATISFIED, Satisfaction.UNKNOWN)  # fmt: skip


@dataclass(frozen=True)
class Script:
    """When each change happens, in days after receipt (None: never); a grumble runs no clock."""

    kind: ComplaintKind
    investigate: float
    decide: float
    reply: float | None
    archive: float | None
    extend: float | None = None  # days after receipt, before the 15th
    withdraw: float | None = None  # the customer withdrew then; the steps after it never happen

    def changes(self) -> Iterator[tuple[float, str]]:
        """The script's changes in time order, up to a withdrawal."""
        optional = ((self.extend, "extend"), (self.reply, "reply"), (self.archive, "archive"))
        timed = [(0.05, "assign"), (self.investigate, "investigate"), (self.decide, "decide")]
        timed += [(day, name) for day, name in optional if day is not None]
        for day, name in sorted(timed):
            if self.withdraw is not None and day >= self.withdraw:
                yield self.withdraw, "withdraw"
                return
            yield day, name


class Stamp:
    """The time of the scripted change being written, given to the rows the services date by the
    clock instead: a new audit event, and a schedule's or occurrence's creation, change or
    completion later than the change itself (the wall clock, for years-old history)."""

    CLOCKED: ClassVar[dict[type, tuple[str, ...]]] = {
        AuditEventRow: ("at",),
        ScheduleRow: ("created_at", "updated_at", "catch_up_from"),
        OccurrenceRow: ("created_at", "done_at"),
    }

    def __init__(self) -> None:
        self.at: datetime | None = None

    def __call__(self, session: Session, _context: Any, _instances: Any) -> None:
        """Session `before_flush`."""
        if self.at is None:
            return
        for row in (*session.new, *session.dirty):
            for column in self.CLOCKED.get(type(row), ()):
                value = getattr(row, column)
                due = isinstance(row, AuditEventRow) if value is None else value > self.at
                if due:  # an audit event's time comes at insert; the others were stamped late
                    setattr(row, column, self.at)


@contextmanager
def stamped(sessions: sessionmaker[Session]) -> Iterator[Stamp]:
    """A `Stamp` on every flush of `sessions`' sessions while the block runs."""
    stamp = Stamp()
    event.listen(sessions, "before_flush", stamp)
    try:
        yield stamp
    finally:
        event.remove(sessions, "before_flush", stamp)


def _script(rng: random.Random) -> Script:
    roll = rng.random()
    investigate = rng.uniform(0.5, 3)
    decide = investigate + rng.uniform(1, 5)
    if roll < 0.08:  # a grumble or an objection: answered, no clock
        kind = rng.choice((ComplaintKind.GRUMBLE, ComplaintKind.OBJECTION))
        return Script(kind, investigate, decide, decide + 1, decide + 3)
    if roll < 0.14:  # withdrawn once the customer had heard the investigation
        return Script(
            ComplaintKind.COMPLAINT, investigate, decide, decide + 2, decide + 5, withdraw=investigate + 1
        )
    if roll < 0.22:  # extended to 30 days, answered within them
        reply = rng.uniform(16, 28)
        return Script(
            ComplaintKind.COMPLAINT, investigate, decide + 6, reply, reply + 3, extend=rng.uniform(10, 14)
        )
    if roll < 0.30:  # answered late, after its 15 days
        reply = rng.uniform(16, 21)
        return Script(ComplaintKind.COMPLAINT, investigate, decide, reply, reply + 2)
    reply = min(decide + rng.uniform(1, 4), 14.5)
    return Script(
        ComplaintKind.COMPLAINT, investigate, min(decide, reply - 0.5), reply, reply + rng.uniform(1, 6)
    )


def _in_hours(at: datetime, zone: ZoneInfo) -> datetime:
    """`at` within the branch's hours (OPENS to CLOSES, local): a change that falls overnight is made
    the next morning, its place in the night kept as minutes after opening (the order stays)."""
    local = at.astimezone(zone)
    opens = local.replace(hour=OPENS, minute=0, second=0, microsecond=0)
    if local.hour >= CLOSES:
        night = local - local.replace(hour=CLOSES, minute=0, second=0, microsecond=0)
        return opens + timedelta(days=1) + night / 16
    if local.hour < OPENS:
        return opens + (local - (opens - timedelta(hours=24 - CLOSES + OPENS))) / 16
    return local


def walk(
    svc: ComplaintService,
    lead: Actor,
    staff: Actor,
    rng: random.Random,
    received: datetime,
    until: datetime,
    script: Script | None = None,
    stamp: Stamp | None = None,
) -> int:
    """One complaint received at `received`, its script's changes written up to `until`; its id.
    With `stamp`, each change's rows are dated to its time (see `Stamp`)."""
    stamp = stamp or Stamp()
    script = script or _script(rng)
    category = rng.choice(sorted(CASES))
    request, found, decision, basis, cause = CASES[category]
    subject = rng.choice(SUBJECTS) if category == "attitude" else ""
    handler = rng.choice([h for h in HANDLERS if h != subject])
    channel = rng.choice(CHANNELS)
    data = ComplaintInput(
        channel=channel,
        received_at=received,
        customer_name=rng.choice(CUSTOMERS),
        customer_phone=f"13{rng.randrange(10**9):09d}",
        category=category,
        request=request,
        kind=script.kind,
        subject_person=subject,
        business_line="个人业务",
        acknowledgement="已受理，将在十五日内答复" if script.kind == ComplaintKind.COMPLAINT else "已记录",
    )
    stamp.at = last = received + timedelta(minutes=10)
    cid = svc.register(staff, data, now=last).info.id
    for day, change in script.changes():
        last = at = max(_in_hours(received + timedelta(days=day), svc.zone), last + timedelta(minutes=5))
        if at > until:
            break
        stamp.at = at
        if change == "assign":
            svc.assign(lead, cid, handler, now=at)
        elif change == "investigate":
            svc.step(staff, cid, StepInput(ComplaintStep.INVESTIGATE, found), now=at)
        elif change == "decide":
            svc.step(lead, cid, StepInput(ComplaintStep.DECIDE, decision, basis=basis), now=at)
        elif change == "extend":
            svc.extend(lead, cid, "需上级部门协查", notice_channel=ComplaintChannel.PHONE, now=at)
        elif change == "reply":
            reply = StepInput(
                ComplaintStep.REPLY,
                f"向客户说明：{decision}",
                reply_channel=ComplaintChannel.PHONE,
                customer_response="客户表示知悉",
                satisfaction=rng.choice(SATISFACTION),
            )
            svc.step(staff, cid, reply, now=at)
        elif change == "archive":
            archive = StepInput(ComplaintStep.ARCHIVE, "资料齐全，归档", cause=cause, root_cause=found)
            svc.step(lead, cid, archive, now=at)
        else:
            svc.withdraw(lead, cid, received_at=at, note="客户来电撤回投诉", now=at)
    return cid


def fill(svc: ComplaintService, lead: Actor, staff: Actor) -> None:
    """The demo branch's complaints of the last five weeks, one in each state: just accepted,
    under investigation, decided, replied, archived, withdrawn, past its 15 days without an
    answer, extended to 30 days, and a grumble answered."""
    now = datetime.now(UTC)
    zone = svc.zone
    rng = random.Random(7)

    def received(days_ago: int, hour: int) -> datetime:
        return datetime.combine(now.astimezone(zone).date() - timedelta(days=days_ago), time(hour), zone)

    on_time = Script(ComplaintKind.COMPLAINT, 1, 3, 6, 8)
    scripts = (
        (now - timedelta(minutes=40), on_time),  # accepted, not yet assigned
        (received(2, 9), on_time),  # under investigation
        (received(5, 15), on_time),  # decided
        (received(7, 11), on_time),  # replied, not yet archived
        (received(34, 10), on_time),  # archived
        (received(12, 16), Script(ComplaintKind.COMPLAINT, 1, 3, 8, 10, withdraw=2)),  # withdrawn
        (received(20, 14), Script(ComplaintKind.COMPLAINT, 2, 30, None, None)),  # overdue, unanswered
        (received(17, 10), Script(ComplaintKind.COMPLAINT, 2, 10, 25, 27, extend=13)),  # extended to 30 days
        (received(3, 13), Script(ComplaintKind.GRUMBLE, 0.5, 1, 1.5, None)),  # a grumble, answered
    )
    for at, script in scripts:
        walk(svc, lead, staff, rng, at, now, script)


def history(
    svc: ComplaintService,
    lead: Actor,
    staff: Actor,
    seed: int,
    first: date,
    until: date,
    zone: ZoneInfo,
    sessions: sessionmaker[Session],
) -> int:
    """About PER_MONTH complaints a month from `first` to `until` (the history's span), written
    through `svc` over `sessions`, each change's rows dated to its time; how many."""
    rng = random.Random(seed * 1_000_003 + 16)  # the complaints' own stream of the seed
    # as the bulk history, whose day ends at 18:00 (history.py), and never ahead of this PC's clock
    end = min(datetime.combine(until, time(18), zone), datetime.now(UTC))
    count, day = 0, first
    with stamped(sessions) as stamp:
        while day <= until:
            for _ in range(rng.choice((PER_MONTH - 1, PER_MONTH, PER_MONTH + 1))):
                received = datetime.combine(
                    day + timedelta(days=rng.randrange(28)), time(rng.randrange(9, 17)), zone
                )
                if received <= end:
                    walk(svc, lead, staff, rng, received, end, stamp=stamp)
                    count += 1
            day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return count
