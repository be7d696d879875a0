"""What the complaint reports (the complaint file, the register as PDF and Excel) say alike: the
filter as text, the statistics, a step's own fields as lines. Identifiers arrive already masked
(or not) from the service: the reports print what the list or the record holds."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from branchguard.core.complaints import rules
from branchguard.core.complaints.types import (
    ComplaintCause,
    ComplaintChannel,
    ComplaintDetail,
    ComplaintEvent,
    ComplaintEventKind,
    ComplaintFilter,
    ComplaintInfo,
    ComplaintKind,
    Remedy,
    Satisfaction,
    StepRecord,
)
from branchguard.core.incidents.text import local_stamp
from branchguard.core.kernel.i18n import t

DATE = "%Y-%m-%d"
STAMP = "%Y-%m-%d %H:%M"


def describe_filter(flt: ComplaintFilter, unmasked: bool = False) -> list[tuple[str, str]]:
    """Each filter that narrows the register as (what, value); none at all says so."""
    parts: list[tuple[str, str]] = []
    if flt.open_only:
        parts.append((t("field.complaint_status"), t("report.complaints.open_only")))
    if flt.status is not None:
        parts.append((t("field.complaint_status"), flt.status.label))
    if flt.overdue_only:
        parts.append((t("report.complaints.overdue_only"), t("report.hazards.yes")))
    if flt.kind is not None:
        parts.append((t("field.complaint_kind"), flt.kind.label))
    if flt.channel is not None:
        parts.append((t("field.complaint_channel"), flt.channel.label))
    if flt.category:
        parts.append((t("field.complaint_category"), flt.category))
    if flt.received_from is not None or flt.received_to is not None:
        start = flt.received_from.isoformat() if flt.received_from else "…"
        end = flt.received_to.isoformat() if flt.received_to else "…"
        parts.append((t("field.received_at"), t("report.hazards.filter.between", start=start, end=end)))
    if flt.text:  # as typed only where names are shown whole: it may be the customer's full name
        searched = f"“{flt.text}”" if unmasked else t("report.complaints.search_withheld")
        parts.append((t("report.hazards.filter.text"), searched))
    if not parts:
        parts.append((t("report.hazards.filters"), t("report.complaints.no_filter")))
    if unmasked:
        parts.append((t("report.complaints.identifiers"), t("report.complaints.unmasked")))
    return parts


@dataclass(frozen=True)
class Statistics:
    """The listed complaints counted by what they are (type, channel, category, cause) and how
    they were answered. The rates are of the listed complaints, those the filters selected (by
    the day received), so their labels say so: the periodic report's rates under its own labels
    are of the complaints answered in its period, received then or before."""

    total: int
    by_kind: Counter[ComplaintKind]
    by_channel: Counter[ComplaintChannel]
    by_category: Counter[str]  # category name
    by_cause: Counter[ComplaintCause]
    overdue: int
    answered: int  # complaints with a clock whose reply is recorded (a withdrawal is no answer)
    on_time: int  # of those, replied by the due time
    replies: int  # complaints with a stated satisfaction
    satisfied: int

    @property
    def on_time_rate(self) -> str:
        return f"{100 * self.on_time / self.answered:.0f}%" if self.answered else "—"

    @property
    def satisfaction_rate(self) -> str:
        return f"{100 * self.satisfied / self.replies:.0f}%" if self.replies else "—"


def answered(c: ComplaintInfo) -> bool:
    """A reply stopped the complaint's clock, not a withdrawal: only the reply records the
    customer's satisfaction (`unknown` when none was given). A withdrawal answers nothing, so it
    is neither on time nor late (three withdrawals made one reply's month 100% on time); the
    periodic figures leave it out alike (dashboard.service._replied)."""
    return c.on_time is not None and c.satisfaction is not None


def statistics(items: Sequence[ComplaintInfo]) -> Statistics:
    timed = [c for c in items if answered(c)]
    stated = [c for c in items if c.satisfaction not in (None, Satisfaction.UNKNOWN)]
    return Statistics(
        total=len(items),
        by_kind=Counter(c.kind for c in items),
        by_channel=Counter(c.channel for c in items),
        by_category=Counter(c.category_name for c in items),
        by_cause=Counter(c.cause for c in items if c.cause is not None),
        overdue=sum(c.overdue for c in items),
        answered=len(timed),
        on_time=sum(bool(c.on_time) for c in timed),
        replies=len(stated),
        satisfied=sum(c.satisfaction == Satisfaction.SATISFIED for c in stated),
    )


def counted(counter: Counter[Any]) -> str:
    """ "柜面 3、电话热线 1" (most first); "—" when empty."""
    sep = t("incident.list_sep")
    return sep.join(f"{getattr(k, 'label', k)} {n}" for k, n in counter.most_common()) or "—"


def clock_text(c: ComplaintInfo) -> str:
    """The due date with its state: overdue, days left, met or missed; "—" without a clock."""
    if c.due_date is None:
        return t("report.complaints.no_clock")
    due = c.due_date.isoformat()
    if c.extensions:
        due = f"{due} ({t('report.complaints.extended', n=c.extensions)})"
    if c.overdue:
        return f"{due}\n{t('report.complaints.overdue_mark')}"
    if c.on_time is not None:
        return f"{due}\n{t('report.complaints.on_time') if c.on_time else t('report.complaints.late')}"
    if c.days_left is not None:
        return f"{due}\n{t('cli.complaint.days_left', days=c.days_left)}"
    return due


def customer_text(c: ComplaintInfo) -> str:
    lines = [c.customer_name, c.customer_phone, c.customer_id_number]
    if c.representatives:
        lines.append(t("report.complaints.representatives", names="、".join(c.representatives)))
    return "\n".join(x for x in lines if x)


def step_detail_lines(step: StepRecord) -> list[str]:
    """A step's own fields in words: the decision's basis, the reply's channel, remedies and
    response, the archive's cause, root cause and follow-up."""
    d = step.details
    lines: list[str] = []
    if d.get("basis"):
        lines.append(f"{t('field.decision_basis')}: {d['basis']}")
    if d.get("reply_channel"):
        lines.append(f"{t('report.complaints.reply_channel')}: {ComplaintChannel(d['reply_channel']).label}")
    if d.get("remedies"):
        remedies = t("incident.list_sep").join(Remedy(r).label for r in d["remedies"].split(","))
        lines.append(f"{t('field.remedies')}: {remedies}")
    if d.get("customer_response"):
        lines.append(f"{t('field.customer_response')}: {d['customer_response']}")
    if d.get("satisfaction"):
        lines.append(f"{t('field.satisfaction')}: {Satisfaction(d['satisfaction']).label}")
    if d.get("cause"):
        lines.append(f"{t('field.complaint_cause')}: {ComplaintCause(d['cause']).label}")
    if d.get("classification"):  # by its name: its code ("attitude") said nothing to a reader
        name = step.classification_name or d["classification"]
        lines.append(f"{t('report.complaints.classification')}: {name}")
    if d.get("root_cause"):
        lines.append(f"{t('field.root_cause')}: {d['root_cause']}")
    if d.get("follow_up"):
        lines.append(f"{t('field.complaint_follow_up')}: {d['follow_up']}")
    if d.get("hazard_id"):
        lines.append(t("report.complaints.hazard_opened", id=d["hazard_id"]))
    if d.get("hazard_ids"):
        ids = t("incident.list_sep").join(f"#{x}" for x in d["hazard_ids"].split(","))
        lines.append(t("report.complaints.hazards_opened", ids=ids))
    return lines


def history(detail: ComplaintDetail) -> list[ComplaintEvent]:
    """The events its steps do not say (the window and `complaint show` list them after the steps):
    the handler named, each extension, the withdrawal."""
    kinds = (ComplaintEventKind.ASSIGNED, ComplaintEventKind.EXTENDED, ComplaintEventKind.WITHDRAWN)
    return [e for e in detail.events if e.kind in kinds]


def event_note_lines(event: ComplaintEvent) -> list[str]:
    """What the history says of an event beside its kind: the step taken, the handler named, an
    extension's decision, dates, reason, approver and notice, a withdrawal's time and note."""
    d = event.details
    if event.kind == ComplaintEventKind.STEP and event.note:
        return [t(f"complaint_step.{event.note}")]
    if event.kind == ComplaintEventKind.EXTENDED:
        dates = {"before": d.get("due_before", ""), "after": d.get("due_after", "")}
        lines = [
            extension_decided_text(event),
            t("report.complaint_file.extension", **dates),
            f"{t('field.reason')}: {event.note}",
            f"{t('field.approver')}: {d['approver']}" if d.get("approver") else "",
            d.get("notice", ""),
        ]
        return [x for x in lines if x]
    if event.kind == ComplaintEventKind.WITHDRAWN:
        when = datetime.fromisoformat(d["received_at"]) if d.get("received_at") else None
        received = t("report.complaint_file.withdrawn_at", at=local_stamp(when, STAMP))
        return [x for x in (received, event.note) if x]
    return [event.note] if event.note else []


def extension_decided_text(event: ComplaintEvent) -> str:
    """When an extension was decided, and when it was entered if that was another day or more than
    a few minutes later (decided and told to the customer on paper, entered afterwards)."""
    decided = rules.decided_at(event.details, event.at)
    at = local_stamp(decided, STAMP)
    apart = abs(event.at - decided) > rules.CLOCK_SKEW
    if apart or decided.astimezone().date() != event.at.astimezone().date():
        return t("report.complaint_file.extension_entered", at=at, entered=local_stamp(event.at, STAMP))
    return t("report.complaint_file.extension_decided", at=at)
