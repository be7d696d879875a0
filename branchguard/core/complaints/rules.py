"""The complaint clocks, which step each status opens and who may take it, masking of the
complainant's identifiers, and the checks a complaint's input must pass. Pure: no session, no I/O,
no clock of its own (every "now" is passed in).

Clocks (《银行业保险业消费投诉处理管理办法》, CBIRC Order 2020 No. 3): a decision and reply are due
15 days after receipt; a complex case may be extended to 30 days (a reason, the lead's approval and
a notice to the customer); an especially complex one to 60 days with the superior's approver named;
no further extension, and none decided once the deadline it would extend has passed (one decided
in time may be entered later, with when it was decided). The due instant is the end of that local
day in the branch's zone. Only a complaint (投诉) runs the clock; the reply stops it, and so does a
withdrawal, on the day the withdrawal is received.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo

from branchguard.core.complaints.types import (
    ComplaintKind,
    ComplaintStatus,
    ComplaintStep,
)
from branchguard.core.incidents.types import FollowUpInput
from branchguard.core.kernel import validation
from branchguard.core.kernel.china_time import china_year, china_year_span
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.roles import may
from branchguard.core.kernel.types import Actor

BASE_DAYS = 15
# Days from receipt after 0, 1 and 2 extensions; a third is refused.
DUE_DAYS = (BASE_DAYS, 30, 60)
MAX_EXTENSIONS = len(DUE_DAYS) - 1
MAX_REPRESENTATIVES = 5
END_OF_DAY = time(23, 59, 59)
TEXT_LIMIT = 4000
# A receipt time a few minutes ahead of this PC's clock is another PC's clock, not the future.
CLOCK_SKEW = timedelta(minutes=5)
STAMP = "%Y-%m-%d %H:%M"
EXTENSION_DECIDED = "field.extension_decided"

_OPEN = frozenset(s for s in ComplaintStatus if s.is_open)

# Per step: the role-table action that allows it, the statuses it is open in, the status after it.
STEPS: MappingProxyType[ComplaintStep, tuple[str, frozenset[ComplaintStatus], ComplaintStatus]] = (
    MappingProxyType(
        {
            ComplaintStep.INVESTIGATE: (
                "complaint.investigate",
                frozenset({ComplaintStatus.ACCEPTED, ComplaintStatus.INVESTIGATING}),
                ComplaintStatus.INVESTIGATING,
            ),
            ComplaintStep.DECIDE: (
                "complaint.decide",
                frozenset({ComplaintStatus.INVESTIGATING}),
                ComplaintStatus.DECIDED,
            ),
            ComplaintStep.REPLY: (
                "complaint.reply",
                frozenset({ComplaintStatus.DECIDED}),
                ComplaintStatus.REPLIED,
            ),
            ComplaintStep.ARCHIVE: (
                "complaint.archive",
                frozenset({ComplaintStatus.REPLIED}),
                ComplaintStatus.ARCHIVED,
            ),
        }
    )
)
# Statuses the other changes are open in.
ASSIGN_IN = _OPEN
WITHDRAW_IN = _OPEN
EXTEND_IN = frozenset(s for s in ComplaintStatus if s.clock_running)


def number(year: int, complaint_id: int) -> str:
    """The register's reference: TS (投诉), the year received, the id."""
    return f"TS-{year}-{complaint_id:04d}"


def number_received(received_at: datetime, complaint_id: int) -> str:
    """The reference of a complaint received at `received_at`, its year taken in China: the same on
    every PC (core/kernel/china_time.py)."""
    return number(china_year(received_at), complaint_id)


# -- clocks ------------------------------------------------------------------------------------------
def end_of_day(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, END_OF_DAY, tzinfo=zone)


def due_at(
    kind: ComplaintKind | str, received_at: datetime, extensions: int, zone: ZoneInfo
) -> datetime | None:
    """When the decision and reply are due: the end of the local day 15, 30 or 60 days after the
    day of receipt; None for a grumble or an objection (no clock)."""
    if ComplaintKind(kind) != ComplaintKind.COMPLAINT:
        return None
    received_day = received_at.astimezone(zone).date()
    return end_of_day(received_day + timedelta(days=DUE_DAYS[extensions]), zone)


def check_extension(extensions: int, reason: str, approver: str) -> int:
    """The number of extensions after this one, or a ValidationError: the first needs a reason, the
    second also the superior's approver named, a third is refused."""
    if extensions >= MAX_EXTENSIONS:
        raise ValidationError("field.extension", Message("complaint.no_more_extensions", days=DUE_DAYS[-1]))
    if not reason.strip():
        raise ValidationError("field.reason", Message("validation.required"))
    if extensions >= 1 and not approver.strip():
        raise ValidationError(
            "field.approver", Message("complaint.approver_needed", days=DUE_DAYS[extensions + 1])
        )
    return extensions + 1


def check_extension_in_time(due: datetime | None, decided: datetime, zone: ZoneInfo) -> None:
    """An extension is decided while the clock it extends still runs: one decided after the due
    instant would turn a late answer into one on time. One decided in time may be entered later
    (decided and told to the customer on paper): `decided` is when it was decided, not entered."""
    if due is not None and decided > due:
        day = due.astimezone(zone).date().isoformat()
        raise ValidationError(EXTENSION_DECIDED, Message("complaint.extension_too_late", due=day))


def check_extension_decided(
    decided: datetime, now: datetime, received: datetime, previous: datetime | None, zone: ZoneInfo
) -> datetime:
    """When an extension was decided, entered perhaps days later: not ahead of this PC's clock
    (beyond another PC's skew), not before the complaint was received, nor before the extension
    before it was decided."""
    if decided.tzinfo is None:
        raise ValueError("decided must be aware (the service localises wall-clock input)")
    if decided > now + CLOCK_SKEW:
        raise ValidationError(EXTENSION_DECIDED, Message("complaint.decided_in_future"))
    if decided < received:
        at = received.astimezone(zone).strftime(STAMP)
        raise ValidationError(EXTENSION_DECIDED, Message("complaint.decided_before_received", at=at))
    if previous is not None and decided < previous:
        at = previous.astimezone(zone).strftime(STAMP)
        raise ValidationError(EXTENSION_DECIDED, Message("complaint.decided_before_previous", at=at))
    return decided


def decided_at(details: Mapping[str, Any], at: datetime) -> datetime:
    """When an extension (its event's `details`, recorded `at`) was decided: as entered, else (one
    recorded before the time was asked) when it was recorded."""
    value = details.get("decided_at")
    return datetime.fromisoformat(value) if isinstance(value, str) and value else at


def is_overdue(status: ComplaintStatus | str, due: datetime | None, now: datetime) -> bool:
    """The clock still runs (no reply, no withdrawal) and its due instant has passed."""
    return due is not None and ComplaintStatus(status).clock_running and now > due


def days_left(
    status: ComplaintStatus | str, due: datetime | None, now: datetime, zone: ZoneInfo
) -> int | None:
    """Whole local days from today to the due date (0: due today; negative: days late)."""
    if due is None or not ComplaintStatus(status).clock_running:
        return None
    return (due.astimezone(zone).date() - now.astimezone(zone).date()).days


def on_time(due: datetime | None, stopped_at: datetime | None) -> bool | None:
    """Whether the clock stopped (reply or withdrawal) by the due instant; None while it runs."""
    if due is None or stopped_at is None:
        return None
    return stopped_at <= due


def check_received(received_at: datetime, now: datetime) -> datetime:
    if received_at.tzinfo is None:
        raise ValueError("received_at must be aware (the service localises wall-clock input)")
    if received_at > now + CLOCK_SKEW:
        raise ValidationError("field.received_at", Message("complaint.received_in_future"))
    return received_at


def earliest_receipt(now: datetime) -> datetime:
    """The earliest receipt a complaint may be registered with: 1 January of last year in China.
    A complaint kept on paper (an outage, a busy day, last year's paper register brought in for the
    annual report) is entered late; one older than that is a mistyped year (1990: TS-1990-…, overdue
    by decades), its clock and the year's figures meaningless."""
    return china_year_span(china_year(now) - 1)[0]


def check_receipt_date(received_at: datetime, now: datetime) -> datetime:
    """A new complaint's receipt: not ahead of this PC's clock (beyond another PC's skew), nor
    before `earliest_receipt` (said as China's date, the year its reference TS-… takes)."""
    check_received(received_at, now)
    earliest = earliest_receipt(now)
    if received_at < earliest:
        day = earliest.date().isoformat()
        raise ValidationError("field.received_at", Message("complaint.received_too_early", earliest=day))
    return received_at


# -- steps ---------------------------------------------------------------------------------------------
def open_steps(status: ComplaintStatus | str) -> frozenset[ComplaintStep]:
    return frozenset(
        step for step, (_a, statuses, _n) in STEPS.items() if ComplaintStatus(status) in statuses
    )


def step_allowed(actor: Actor, step: ComplaintStep) -> bool:
    """Whether `actor`'s role may take `step` on some complaint (the role table's answer; the
    actions are spelled out so the role table's test sees each one asked about)."""
    if step == ComplaintStep.INVESTIGATE:
        return may(actor, "complaint.investigate")
    if step == ComplaintStep.DECIDE:
        return may(actor, "complaint.decide")
    if step == ComplaintStep.REPLY:
        return may(actor, "complaint.reply")
    if step == ComplaintStep.ARCHIVE:
        return may(actor, "complaint.archive")
    return may(actor, "complaint.register")  # acceptance is the registration


def available_steps(status: ComplaintStatus | str, actor: Actor) -> frozenset[ComplaintStep]:
    """What the window offers `actor`: open in the status and allowed to the role."""
    return frozenset(step for step in open_steps(status) if step_allowed(actor, step))


def expect(status: ComplaintStatus | str, allowed: frozenset[ComplaintStatus]) -> None:
    if ComplaintStatus(status) not in allowed:
        raise ValidationError(
            "field.complaint_status",
            Message(
                "complaint.wrong_status",
                status=ComplaintStatus(status),
                allowed=" / ".join(s.label for s in ComplaintStatus if s in allowed),
            ),
        )


def same_person(a: str, b: str) -> bool:
    return bool(a.strip()) and a.strip().casefold() == b.strip().casefold()


def check_handler(handler: str, subject_person: str) -> None:
    """The person complained about never handles the complaint."""
    if same_person(handler, subject_person):
        raise ValidationError("field.handler", Message("complaint.handler_is_subject", name=handler.strip()))


def check_representatives(names: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    cleaned = tuple(dict.fromkeys(n.strip() for n in names if n.strip()))
    if len(cleaned) > MAX_REPRESENTATIVES:
        raise ValidationError(
            "field.representatives",
            Message("complaint.too_many_representatives", limit=MAX_REPRESENTATIVES, count=len(cleaned)),
        )
    for name in cleaned:
        if len(name) > 100:
            raise ValidationError("field.representatives", Message("validation.too_long", limit=100))
    return cleaned


def check_actions(items: Sequence[FollowUpInput]) -> list[FollowUpInput]:
    """The archive's corrective actions, each with what to do and an owner (as at an incident's
    close), named by their number when not."""
    cleaned = []
    for i, a in enumerate(items, start=1):
        field = Message("field.follow_up", n=i)
        if not a.text.strip() or not a.owner.strip():
            raise ValidationError(field, Message("incident.action_incomplete"))
        text = validation.text(a.text, field, limit=TEXT_LIMIT // 2)
        cleaned.append(FollowUpInput(text, validation.text(a.owner, field, limit=100), a.due))
    return cleaned


_ID_NUMBER = re.compile(r"^[0-9A-Za-z]{6,20}$")


def check_id_number(value: str) -> str:
    cleaned = value.strip().replace(" ", "").upper()
    if cleaned and not _ID_NUMBER.match(cleaned):
        raise ValidationError("field.id_number", Message("complaint.bad_id_number"))
    return cleaned


# -- masking --------------------------------------------------------------------------------------------
def mask_name(name: str) -> str:
    """张三丰 -> 张**; a name of one character is all hidden."""
    name = name.strip()
    if not name:
        return ""
    return name[0] + "*" * max(1, len(name) - 1) if len(name) > 1 else "*"


def looks_like_full_name(text: str) -> bool:
    """Whether a search for `text` could find a customer by the name in full and not as it shows
    masked (store.found_by_full_name): two characters or more, one after the first that the mask
    hides (not a star), no digit (a number, a date). A surname alone ("张", "张*") is what everyone
    sees; a word of the facts ("排队") looks like a name too, and is told apart by what it finds."""
    text = text.strip()
    return len(text) > 1 and bool(text[1:].strip("*")) and not any(c.isdigit() for c in text)


def mask_phone(phone: str) -> str:
    """13800138000 -> 138****8000; 010-12345678 -> 010****5678; short numbers keep their last two."""
    digits = phone.strip()
    if not digits:
        return ""
    if len(digits) >= 8:
        return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]
    return "*" * (len(digits) - 2) + digits[-2:]


def mask_id_number(value: str) -> str:
    """110101199003071234 -> 110***********1234."""
    value = value.strip()
    if not value:
        return ""
    if len(value) <= 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]
