"""How incident times, durations, amounts and log entries read, the same on paper and in the CLI."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from branchguard.core.early_warnings.types import WarningLevel
from branchguard.core.incidents.types import (
    REPORT_FIELDS,
    SAID,
    EntryKind,
    IncidentDetail,
    IncidentStep,
    LogEntry,
    StepState,
)
from branchguard.core.kernel.attachments import format_size
from branchguard.core.kernel.clock_check import went_back
from branchguard.core.kernel.durations import duration_said
from branchguard.core.kernel.i18n import t, worded
from branchguard.core.kernel.types import Level
from branchguard.core.playbooks.text import deadline_text, target_text
from branchguard.core.team.rules import role_text

STAMP = "%Y-%m-%d %H:%M:%S"


def local_stamp(at: datetime | None, fmt: str = STAMP) -> str:
    """A stored (UTC) time in local time with its full date: incidents can run over midnight."""
    return at.astimezone().strftime(fmt) if at else ""


def elapsed_text(delta: timedelta) -> str:
    """A duration as people say it: "45 秒", "3 分 20 秒", "2 小时 5 分", "1 天 3 小时". A negative
    one (an end written before its start: the PC's clock was set back between them) is said as
    such, with its size, never as "0 秒": the times are evidence, and so is their disorder."""
    if delta < timedelta(0):
        return t("incident.elapsed.backwards", duration=elapsed_text(-delta))
    key, params = duration_said(delta)
    return t(key, None, **params)


def running_for_text(delta: timedelta) -> str:
    """How long an open incident has run, as a list read by the next shift words it: "just now"
    in its first minute (not "0 s"), else as elapsed_text (which says a start later than now)."""
    return (
        t("incident.elapsed.just_now")
        if timedelta(0) <= delta < timedelta(minutes=1)
        else elapsed_text(delta)
    )


def yuan_text(cents: int | None) -> str:
    """An amount in yuan with thousands separators, or "" when none was given."""
    if cents is None:
        return ""
    return t("incident.yuan", amount=f"{cents // 100:,}.{cents % 100:02d}")


def level_label(value: object) -> str:
    """A level's label ("II级（重大）"); a value from a newer version is shown as written."""
    try:
        return Level(str(value)).label
    except ValueError:
        return str(value)


def warning_label(value: object) -> str:
    """A four-colour warning's label ("红色预警"); none is a dash, an unknown value shown as written."""
    if not value:
        return "-"
    try:
        return WarningLevel(str(value)).label
    except ValueError:
        return str(value)


def goal_text(step: IncidentStep) -> str:
    """A step's goal: "≤ 3 min", or for a report to head office (上报) "Report within 15 min"."""
    if step.checkpoint:
        return deadline_text(step.deadline_minutes or step.target_minutes)
    return target_text(step.target_minutes)


def said_text(entry: LogEntry) -> str:
    """The entry's own text: what the program wrote, in the reader's language when the entry kept
    it as a key and values (`SAID`); else the text as stored (typed, or written before)."""
    return worded(entry.data.get(SAID)) or entry.text


def entry_text(entry: LogEntry) -> str:
    """What an entry says, completed from its data where the program wrote it (steps, level,
    attachments), so a reader of the timeline needs nothing else."""
    kind, body = entry.kind, said_text(entry)
    if kind == EntryKind.CORRECTION:
        return t("incident.text.correction", seq=entry.corrects, text=body)
    if kind == EntryKind.STEP_DONE:
        return t("incident.text.step_done", n=entry.step, text=body)
    if kind == EntryKind.STEP_SKIPPED:
        return t("incident.text.step_skipped", n=entry.step, text=body)
    if kind == EntryKind.LEVEL_CHANGE:
        change = t(
            "incident.text.level",
            before=level_label(entry.data.get("from", "")),
            after=level_label(entry.data.get("to", "")),
        )
        return t("incident.text.with_reason", first=change, reason=body) if body else change
    if kind == EntryKind.WARNING_CHANGE:
        change = t(
            "incident.text.warning",
            before=warning_label(entry.data.get("from")),
            after=warning_label(entry.data.get("to")),
        )
        return t("incident.text.with_reason", first=change, reason=body) if body else change
    if kind == EntryKind.ATTACHMENT:
        name, size = str(entry.data.get("name", "")), entry.data.get("size")
        described = t("incident.text.attachment", name=name, size=format_size(int(size or 0)))
        if body in ("", name):
            return described
        return t("incident.text.with_reason", first=described, reason=body)
    if kind == EntryKind.TEAM:
        from branchguard.core.incidents.team_check import check_text  # the roster's words on first use

        return check_text(entry.data)
    if kind == EntryKind.REPORT_FIELDS:
        names = t("incident.list_sep").join(t(f"report_field.{k}") for k in REPORT_FIELDS if k in entry.data)
        return t("incident.text.with_reason", first=body, reason=names) if names else body
    return body


def clock_back_text(seq: int, at: datetime) -> str:
    """The warning an entry carries whose time is earlier than entry `seq`'s (at `at`), written
    before it: the times stay as the PC gave them, the reader is told they run backwards."""
    return t("incident.clock_back", seq=seq, at=local_stamp(at))


def clock_marks(entries: Iterable[LogEntry]) -> dict[int, str]:
    """The entries (by number) whose time is earlier than an entry written before them, each with
    its warning (`clock_back_text`); `entries` in log order. The start is the first entry and the
    close the last, so a close "before" the start is among them. A log read a page at a time
    uses kernel/clock_check.ClockWatch across its pages and `clock_back_text`."""
    at = {e.seq: e.at for e in entries}
    return {seq: clock_back_text(later, at[later]) for seq, later in went_back(at.items()).items()}


def step_role_text(step: IncidentStep) -> str:
    """A step's role with who held it as the incident started: "灭火行动组 — 王建国（B角 李明）"."""
    return role_text(step.role_name.text or step.role, step.holder, step.backup)


@dataclass(frozen=True)
class StepTiming:
    """A step against its target: time from the start, a verdict word and the text to show."""

    took: str
    verdict: str  # pending, skipped, done (no target), on_time, late
    result: str


def step_timing(step: IncidentStep, started_at: datetime) -> StepTiming:
    """How long the step took from the start and its result: on time, late by …, skipped with
    the reason, done (no target) or still pending."""
    if step.state == StepState.PENDING or step.at is None:
        return StepTiming("", "pending", StepState.PENDING.label)
    if step.at < started_at:  # the PC clock was set back: no duration, neither on time nor late
        return StepTiming("", "done", t("incident.timing.before_start", state=step.state.label))
    took = elapsed_text(step.at - started_at)
    if step.state == StepState.SKIPPED:
        return StepTiming(took, "skipped", t("incident.timing.skipped", reason=step.reason))
    target = step.target_at(started_at)
    if target is None:
        return StepTiming(took, "done", StepState.DONE.label)
    if step.at <= target:
        return StepTiming(took, "on_time", t("incident.timing.on_time"))
    return StepTiming(took, "late", t("incident.timing.late", by=elapsed_text(step.at - target)))


def report_defaults(detail: IncidentDetail, branch_place: str = "") -> dict[str, str]:
    """What the initial report (初报) says for a field not filled in, on screen (prefilled) and on
    paper alike: the place is the incident's, else the branch's name and address; the nature is
    the incident's category."""
    return {"place": detail.location or branch_place, "nature": detail.summary.category.label}
