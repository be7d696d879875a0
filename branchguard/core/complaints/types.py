"""Customer-complaint types: kinds, channels, the five steps as statuses, causes, remedies, the
records the service hands out and the register's filter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from branchguard.core.incidents.types import FollowUpAction, FollowUpInput
from branchguard.core.kernel.attachments import AttachmentRef
from branchguard.core.kernel.types import LabelledEnum


class ComplaintKind(LabelledEnum):
    """As the deck defines them: only a complaint (投诉) runs the statutory clock."""

    COMPLAINT = "complaint"  # 投诉: dissatisfaction stated to the bank, right or wrong
    GRUMBLE = "grumble"  # 抱怨: dissatisfaction told to others
    OBJECTION = "objection"  # 异议: a different view or an objection during service

    @classmethod
    def _prefix(cls) -> str:
        return "complaint_kind"


class ComplaintChannel(LabelledEnum):
    COUNTER = "counter"
    PHONE = "phone"  # the bank's hotline
    LETTER = "letter"
    ONLINE = "online"  # online banking or the app
    REGULATOR = "regulator"  # referred from a regulator's hotline (12378, 12363)
    MEDIA = "media"

    @classmethod
    def _prefix(cls) -> str:
        return "complaint_channel"


class ComplaintStatus(LabelledEnum):
    """The five steps as states: 受理 accepted -> 调查核实 investigating -> 依据处理 decided ->
    答复反馈 replied -> 分类归档 archived; withdrawn from any step before the archive."""

    ACCEPTED = "accepted"
    INVESTIGATING = "investigating"
    DECIDED = "decided"
    REPLIED = "replied"
    ARCHIVED = "archived"
    WITHDRAWN = "withdrawn"

    @classmethod
    def _prefix(cls) -> str:
        return "complaint_status"

    @property
    def is_open(self) -> bool:
        return self not in (ComplaintStatus.ARCHIVED, ComplaintStatus.WITHDRAWN)

    @property
    def clock_running(self) -> bool:
        """The decision and reply are owed: the clock stops at the reply or a withdrawal."""
        return self in (ComplaintStatus.ACCEPTED, ComplaintStatus.INVESTIGATING, ComplaintStatus.DECIDED)


class ComplaintStep(LabelledEnum):
    """A step recorded on a complaint; accepting is its registration."""

    ACCEPT = "accept"  # 受理
    INVESTIGATE = "investigate"  # 调查核实
    DECIDE = "decide"  # 依据处理
    REPLY = "reply"  # 答复反馈
    ARCHIVE = "archive"  # 分类归档

    @classmethod
    def _prefix(cls) -> str:
        return "complaint_step"


class ComplaintCause(LabelledEnum):
    """The deck's three causes of a complaint."""

    REQUIREMENT = "requirement"  # 业务要求未能得到满足
    EXPERIENCE = "experience"  # 服务体验预期相差甚远
    LOSS = "loss"  # 客户利益受到实际损失

    @classmethod
    def _prefix(cls) -> str:
        return "complaint_cause"


class Remedy(LabelledEnum):
    """What the reply must tell the customer is still open to them."""

    REVIEW = "review"  # 向上级机构申请核查
    MEDIATION = "mediation"  # 调解
    ARBITRATION = "arbitration"  # 仲裁
    LITIGATION = "litigation"  # 诉讼

    @classmethod
    def _prefix(cls) -> str:
        return "complaint_remedy"


class Satisfaction(LabelledEnum):
    SATISFIED = "satisfied"
    NEUTRAL = "neutral"
    DISSATISFIED = "dissatisfied"
    UNKNOWN = "unknown"  # no answer given

    @classmethod
    def _prefix(cls) -> str:
        return "complaint_satisfaction"


class ComplaintEventKind(LabelledEnum):
    REGISTERED = "registered"
    ASSIGNED = "assigned"
    STEP = "step"
    EXTENDED = "extended"
    WITHDRAWN = "withdrawn"

    @classmethod
    def _prefix(cls) -> str:
        return "complaint_event"


@dataclass(frozen=True)
class Category:
    code: str
    name_zh: str
    name_en: str
    active: bool = True


@dataclass(frozen=True)
class ComplaintInput:
    """A complaint as registered (受理). `received_at` is aware or wall-clock time in the branch's
    zone; `representatives` only for a group complaint (at most five)."""

    channel: ComplaintChannel | str
    received_at: datetime
    customer_name: str
    category: str
    request: str
    kind: ComplaintKind | str = ComplaintKind.COMPLAINT
    customer_phone: str = ""
    customer_id_number: str = ""
    representatives: tuple[str, ...] = ()
    incident_id: int | None = None
    subject_person: str = ""
    subject_post: str = ""
    business_line: str = ""
    facts: str = ""
    first_responsible: str = ""  # 首问负责人; empty: whoever registers it
    acknowledgement: str = ""  # what the customer was told on acceptance


@dataclass(frozen=True)
class StepInput:
    """One of investigate, decide, reply, archive. Fields that do not belong to the step are ignored."""

    step: ComplaintStep | str
    text: str
    basis: str = ""  # decide: the rule or contract clause
    reply_channel: ComplaintChannel | str | None = None  # reply
    remedies: tuple[Remedy, ...] = tuple(Remedy)  # reply: the remedies stated
    customer_response: str = ""  # reply
    satisfaction: Satisfaction | str = Satisfaction.UNKNOWN  # reply
    cause: ComplaintCause | str | None = None  # archive
    classification: str = ""  # archive: the final category code (empty: keep)
    root_cause: str = ""  # archive
    follow_up: str = ""  # archive: the follow-up in words
    open_hazard: bool = False  # archive: the follow-up also opens a hazard (隐患) owned by the handler
    # archive: actions for the corrective-action list (`action list`), each linked to the complaint
    actions: tuple[FollowUpInput, ...] = ()
    hazards: tuple[str, ...] = ()  # archive: each text opens a hazard owned by the handler


@dataclass(frozen=True)
class StepRecord:
    id: int
    step: ComplaintStep
    text: str
    details: dict[str, str]
    evidence: tuple[AttachmentRef, ...]
    by: str
    at: datetime
    classification_name: str = ""  # the archive's final category by its name, in the language read in


@dataclass(frozen=True)
class ComplaintEvent:
    id: int
    kind: ComplaintEventKind
    actor: str
    at: datetime
    note: str
    details: dict[str, str]


@dataclass(frozen=True)
class ComplaintInfo:
    """A row of the register. Identifiers are masked unless the reader asked (and may); `overdue`
    and `days_left` are computed at read time."""

    id: int
    number: str  # TS-2026-0007
    kind: ComplaintKind
    channel: ComplaintChannel
    status: ComplaintStatus
    received_at: datetime
    due_at: datetime | None  # None: not a complaint (no clock)
    due_date: date | None
    extensions: int
    overdue: bool
    days_left: int | None  # whole days to the due date (negative: late); None without a running clock
    clock_stopped_at: datetime | None  # reply or withdrawal
    customer_name: str
    customer_phone: str
    customer_id_number: str
    masked: bool
    representatives: tuple[str, ...]
    incident_id: int | None
    subject_person: str
    subject_post: str
    business_line: str
    category: str
    category_name: str
    request: str
    facts: str
    first_responsible: str
    handler: str
    registered_by: str
    cause: ComplaintCause | None
    satisfaction: Satisfaction | None
    on_time: bool | None  # replied (or withdrawn) by the due date; None while running or no clock
    schedule_id: int | None


@dataclass(frozen=True)
class ComplaintDetail:
    info: ComplaintInfo
    steps: tuple[StepRecord, ...]
    events: tuple[ComplaintEvent, ...]
    actions: tuple[FollowUpAction, ...] = ()  # the archive's, as they stand on the action list

    @property
    def hazards(self) -> tuple[tuple[int, str], ...]:
        """The hazards the archive opened: (id, what it was opened for)."""
        found: list[tuple[int, str]] = []
        for step in self.steps:
            d = step.details
            if d.get("hazard_id", "").isdigit():
                found.append((int(d["hazard_id"]), d.get("follow_up", "")))
            texts = d.get("hazard_texts", "").split("\n")
            for i, x in enumerate(d.get("hazard_ids", "").split(",")):
                if x.isdigit():
                    found.append((int(x), texts[i] if i < len(texts) else ""))
        return tuple(found)

    @property
    def evidence(self) -> tuple[AttachmentRef, ...]:
        return tuple(ref for step in self.steps for ref in step.evidence)


@dataclass(frozen=True)
class ComplaintFilter:
    open_only: bool = False
    overdue_only: bool = False
    kind: ComplaintKind | None = None
    channel: ComplaintChannel | None = None
    category: str = ""
    status: ComplaintStatus | None = None
    received_from: date | None = None  # local dates, inclusive
    received_to: date | None = None
    # in the number (TS-2026-0007, 0007, 7), the customer's name, the request, the facts or the
    # person complained about
    text: str = ""
