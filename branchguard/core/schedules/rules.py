"""Recurrence: RFC 5545 rules (python-dateutil), presets, month-end clamping, working-day shifts;
and when a reminder is overdue, and what is still owed from before a day.

Rules recur in wall-clock time of the schedule's zone ("every Monday 09:00" stays 09:00 across a
DST change) and every instant leaves here in UTC. Pure functions: no database, no clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import DAILY, rrule, rrulebase, rrulestr

from branchguard.core.kernel import working_days
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message, t
from branchguard.core.schedules.types import (
    DueFilter,
    DueWindow,
    OccurrenceInfo,
    OccurrenceStatus,
    ReminderInfo,
    ReminderKind,
    WorkingDayPolicy,
)

PRESETS: dict[str, str] = {
    "daily": "FREQ=DAILY",
    "weekly": "FREQ=WEEKLY",
    "monthly": "FREQ=MONTHLY",
    "quarterly": "FREQ=MONTHLY;INTERVAL=3",
    "semiannual": "FREQ=MONTHLY;INTERVAL=6",
    "yearly": "FREQ=YEARLY",
    # The fire patrol of a public venue while open: every 2 hours (MPS Order 61 art. 25). The rounds
    # are a default for a 9:00-17:00 day (the closing round is the closing checklist's); a branch
    # with other hours edits the RRULE's BYHOUR.
    "two_hourly": "FREQ=DAILY;BYHOUR=9,11,13,15;BYMINUTE=0",
    # Every day as a rule, kept only on the last working day before a public holiday by the
    # BEFORE_HOLIDAY working-day policy, which this preset always carries (see policy_for).
    "before_holidays": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU",
}
# Finer rules would flood the register with occurrences; nothing in a branch recurs hourly.
FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
_BY_PARTS = ("BYMONTH", "BYWEEKNO", "BYYEARDAY", "BYMONTHDAY", "BYDAY", "BYSETPOS")
MAX_INTERVAL = 999  # every 999 days, weeks, months or years at most
_ALLOWED_PARTS = frozenset({"FREQ", "INTERVAL", "UNTIL", "COUNT", "WKST", "BYHOUR", "BYMINUTE", *_BY_PARTS})
MAX_RULE = 300
FALLBACK_ZONE = "Asia/Shanghai"


@dataclass(frozen=True)
class RuleSpec:
    """What recurrence needs of a schedule row, as plain data."""

    rule: str  # normalised RRULE body; "" for a one-off
    start_at: datetime  # UTC
    timezone: str
    working_days: WorkingDayPolicy = WorkingDayPolicy.NONE


@dataclass(frozen=True)
class Slot:
    """One occurrence computed from a rule: the rule's instant (its identity) and when it is due."""

    rule_at: datetime
    due_at: datetime


def local_zone_name() -> str:
    """This PC's IANA zone (the branch's wall clock), or China's when it has none configured.

    A PC set to UTC keeps UTC: the window shows times in the PC's zone, so schedules must use the
    same clock, or every planned time would show shifted by the difference."""
    try:
        import tzlocal

        name = tzlocal.get_localzone_name()
    except Exception:  # no zone configured on the machine
        name = None
    return name or FALLBACK_ZONE


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError("field.timezone", Message("schedule.bad_timezone", name=name)) from None


def _parts(body: str) -> list[tuple[str, str]]:
    parts = []
    for chunk in body.split(";"):
        if not chunk.strip():
            continue
        key, sep, value = chunk.partition("=")
        if not sep or not value.strip():
            raise ValidationError("field.rule", Message("schedule.bad_rule", rule=body, reason=chunk))
        parts.append((key.strip().upper(), value.strip().upper()))
    return parts


def _until_utc(value: str, tz: ZoneInfo) -> str:
    """UNTIL as UTC (RFC 5545 requires it with a zoned start): local date or time is converted."""
    if value.endswith("Z"):
        return value
    try:
        if "T" in value:
            local = datetime.strptime(value, "%Y%m%dT%H%M%S").replace(tzinfo=tz)
        else:  # a date: the whole of that day still counts
            local = datetime.combine(datetime.strptime(value, "%Y%m%d").date(), time(23, 59, 59), tz)
    except ValueError:
        raise ValidationError("field.rule", Message("schedule.bad_until", value=value)) from None
    return local.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def normalise(
    rule: str, start: datetime, timezone: str, *, until: date | None = None, count: int | None = None
) -> str:
    """The RRULE body to store for `rule` (a preset name or an RRULE), or "" for a one-off.

    A monthly rule starting on the 29th-31st, and a yearly one starting on 29 February, get
    BYMONTHDAY/BYSETPOS parts that clamp to the month's last day: "every 6 months from 31 August"
    is then due on 28/29 February, where plain RFC 5545 would skip February altogether.
    """
    text = (rule or "").strip()
    if not text:
        if until is not None or count is not None:
            raise ValidationError("field.rule", Message("schedule.end_without_rule"))
        return ""
    if len(text) > MAX_RULE:
        raise ValidationError("field.rule", Message("validation.too_long", limit=MAX_RULE))
    tz = zone(timezone)
    body = PRESETS.get(text.lower(), text)
    body = body.removeprefix("RRULE:").removeprefix("rrule:")
    parts = _parts(body)
    keys = [k for k, _ in parts]
    unknown = sorted(set(keys) - _ALLOWED_PARTS)
    if unknown:
        raise ValidationError(
            "field.rule", Message("schedule.bad_rule", rule=text, reason=", ".join(unknown))
        )
    values = dict(parts)
    if values.get("FREQ") not in FREQUENCIES:
        raise ValidationError(
            "field.rule",
            Message("schedule.bad_frequency", freq=values.get("FREQ", "-"), allowed=", ".join(FREQUENCIES)),
        )
    interval = values.get("INTERVAL", "1")
    if not interval.isdigit() or not 1 <= int(interval) <= MAX_INTERVAL:
        # INTERVAL=0 never advances: the rule library looped forever looking for the next date
        reason = Message("schedule.bad_interval", high=MAX_INTERVAL)
        raise ValidationError("field.rule", Message("schedule.bad_rule", rule=text, reason=reason))
    if until is not None:
        parts.append(("UNTIL", until.strftime("%Y%m%d")))
    if count is not None:
        if count < 1:
            raise ValidationError("field.rule", Message("validation.range", low=1, high=9999))
        parts.append(("COUNT", str(count)))
    keys = [k for k, _ in parts]
    if "UNTIL" in keys and "COUNT" in keys:
        raise ValidationError("field.rule", Message("schedule.until_and_count"))
    if len(keys) != len(set(keys)):
        raise ValidationError(
            "field.rule", Message("schedule.bad_rule", rule=text, reason=Message("schedule.repeated_part"))
        )
    parts = [(k, _until_utc(v, tz) if k == "UNTIL" else v) for k, v in parts]
    local = _local_start(start, tz)
    if not any(k in _BY_PARTS for k in keys):
        parts += _clamp(values["FREQ"], local.date())
    body = ";".join(f"{k}={v}" for k, v in parts)
    try:
        built = rrulestr(body, dtstart=local)
    except (ValueError, TypeError) as exc:
        raise ValidationError("field.rule", Message("schedule.bad_rule", rule=text, reason=exc)) from None
    if built.after(local, inc=True) is None:
        raise ValidationError("field.rule", Message("schedule.rule_empty"))
    return body


def policy_for(rule: str, policy: WorkingDayPolicy) -> WorkingDayPolicy:
    """The working-day policy a stored rule runs with: the before-holidays preset means its policy."""
    return WorkingDayPolicy.BEFORE_HOLIDAY if rule == PRESETS["before_holidays"] else policy


def _clamp(freq: str, start: date) -> list[tuple[str, str]]:
    if freq == "MONTHLY" and start.day > 28:
        return [("BYMONTHDAY", ",".join(str(d) for d in range(28, start.day + 1))), ("BYSETPOS", "-1")]
    if freq == "YEARLY" and (start.month, start.day) == (2, 29):
        return [("BYMONTH", "2"), ("BYMONTHDAY", "28,29"), ("BYSETPOS", "-1")]
    return []


def _local_start(start: datetime, tz: ZoneInfo) -> datetime:
    return start.replace(tzinfo=tz) if start.tzinfo is None else start.astimezone(tz)


def start_utc(start: datetime, timezone: str) -> datetime:
    """A form's start (naive = wall clock in the schedule's zone) as UTC."""
    return _local_start(start, zone(timezone)).astimezone(UTC).replace(microsecond=0)


def _build(spec: RuleSpec, near: datetime | None = None) -> tuple[rrulebase, ZoneInfo]:
    """The rule in the schedule's zone; with `near`, started at a whole number of the rule's
    periods after its start, shortly before `near` (see `_closer_start`)."""
    tz = zone(spec.timezone)
    local = spec.start_at.astimezone(tz)
    if not spec.rule:
        return rrule(DAILY, count=1, dtstart=local), tz  # the start, once
    if near is not None:
        local = _closer_start(spec.rule, local, near.astimezone(tz))
    return rrulestr(spec.rule, dtstart=local), tz


# Rule parts whose meaning does not depend on where the periods are counted from.
_MOVABLE_PARTS = frozenset(
    {"FREQ", "INTERVAL", "UNTIL", "WKST", "BYHOUR", "BYMINUTE", "BYMONTH", "BYMONTHDAY", "BYDAY", "BYSETPOS"}
)


def _closer_start(rule: str, start: datetime, near: datetime) -> datetime:
    """The rule's start moved forward by whole periods (INTERVAL days, weeks, months or years) to
    at least two periods and twice the longest working-day shift before `near`: the rule then gives the
    same instants from there on, and dateutil, which walks every instant from the start to find
    the ones after a moment, walks from there. A daily rule ten years old walked 3,650 instants
    for each next due date (schedules.list took 1.1 s at ten years). Rules with COUNT (counted
    from their start), or whose periods cannot be moved without clamping a day (a monthly rule
    from the 29th-31st, a yearly one from 29 February), are left as they are."""
    parts = dict(_parts(rule))
    if not set(parts) <= _MOVABLE_PARTS:
        return start
    interval = int(parts.get("INTERVAL", "1"))
    target = near - timedelta(days=2 * (working_days.MAX_SHIFT_DAYS + 1))
    if target <= start:
        return start
    freq = parts.get("FREQ")
    if freq in ("DAILY", "WEEKLY"):
        days = interval * (7 if freq == "WEEKLY" else 1)
        periods = (target.date() - start.date()).days // days - 1
        return start + timedelta(days=days * periods) if periods > 0 else start
    if freq == "MONTHLY" and start.day <= 28:
        periods = ((target.year - start.year) * 12 + target.month - start.month) // interval - 1
        if periods <= 0:
            return start
        months = start.month - 1 + periods * interval
        return start.replace(year=start.year + months // 12, month=months % 12 + 1)
    if freq == "YEARLY" and (start.month, start.day) != (2, 29):
        periods = (target.year - start.year) // interval - 1
        return start.replace(year=start.year + periods * interval) if periods > 0 else start
    return start


# How far ahead a rule is tried for a working day before "skip days off" refuses it.
SKIP_PROBE_DAYS = 2 * 366


def check_skip(rule: str, start: datetime, timezone: str) -> None:
    """Refuse a rule whose days, for the next two years, all fall on weekends or public holidays:
    with "skip days off" it would take place only on the odd make-up workday (and, past the years
    the holiday table covers, never: the search for its next date would run on to year 9999)."""
    tz = zone(timezone)
    local = _local_start(start, tz)
    end = local + timedelta(days=SKIP_PROBE_DAYS)
    for instant in rrulestr(rule, dtstart=local):
        if instant > end:
            break
        day = instant.date()
        if day.weekday() < 5 and working_days.is_working_day(day):
            return
    raise ValidationError("field.working_days", Message("schedule.skip_only_days_off"))


def _due(instant: datetime, tz: ZoneInfo, policy: WorkingDayPolicy) -> datetime | None:
    local = instant.astimezone(tz)
    day = working_days.shift(local.date(), policy)
    if day is None:
        return None
    if day != local.date():
        local = datetime.combine(day, local.time(), tz)
    return local.astimezone(UTC)


def slots(spec: RuleSpec, *, until_due: datetime, after: datetime | None = None) -> Iterator[Slot]:
    """Occurrences due no later than `until_due` whose rule instant is after `after`, in order.

    Shifting is monotonic, so when holidays push several instants onto the same day (a daily rule
    over National Day week) they collapse into one occurrence, the earliest instant's.
    """
    rule, tz = _build(spec, after)
    policy = spec.working_days
    # No shift moves a day further than this: an instant past it cannot be due by `until_due`,
    # so a rule whose every day is skipped ends here rather than at year 9999.
    last_instant = until_due + timedelta(days=working_days.MAX_SHIFT_DAYS + 1)
    prev_due: datetime | None = None
    if after is None:
        instants: Iterator[datetime] = iter(rule)
    else:
        local_after = after.astimezone(tz)
        prev = rule.before(local_after, inc=True)
        prev_due = _due(prev, tz, policy) if prev is not None else None
        instants = rule.xafter(local_after, inc=False)
    for instant in instants:
        if instant > last_instant:
            return
        due = _due(instant, tz, policy)
        if due is None or (prev_due is not None and due <= prev_due):
            continue
        if due > until_due:
            return
        prev_due = due
        yield Slot(instant.astimezone(UTC), due)


def slots_between(spec: RuleSpec, start: datetime, end: datetime) -> list[Slot]:
    """Occurrences due in [start, end)."""
    return list(_slots_between(spec, start, end, working_days.generation()))


@lru_cache(maxsize=4096)
def _slots_between(spec: RuleSpec, start: datetime, end: datetime, _tables: int) -> tuple[Slot, ...]:
    """Kept by rule, range and holiday tables (their install count): the calendar asks the same
    six weeks of every active rule at each refresh and revisit (ten years: 60 rules, ~430 slots,
    about half of the month view's read)."""
    lookback = start - timedelta(days=working_days.MAX_SHIFT_DAYS)
    after = lookback if lookback >= spec.start_at else None
    return tuple(s for s in slots(spec, until_due=end, after=after) if start <= s.due_at < end)


def next_slot(spec: RuleSpec, now: datetime) -> Slot | None:
    """The first occurrence due after `now`."""
    if not spec.rule:  # one instant: its one slot, if still ahead (not twelve empty windows searched)
        latest = spec.start_at + timedelta(days=working_days.MAX_SHIFT_DAYS + 1)
        if latest <= now:  # due by `latest` at the latest: long past (most one-offs), no rule built
            return None
        once = next(slots(spec, until_due=latest), None)
        return once if once is not None and once.due_at > now else None
    step = timedelta(days=400)
    end = now + step
    lookback = now - timedelta(days=working_days.MAX_SHIFT_DAYS)
    after = lookback if lookback >= spec.start_at else None
    horizon = _horizon(spec)
    for _ in range(12):  # a yearly rule with a holiday shift is found within the first window
        # The first slot due after `now`, not every slot of the window: slots come in due order,
        # and a daily rule has 400 in a window (schedules.list computed them all for each rule).
        until = end if horizon is None else min(end, horizon)
        found = next((s for s in slots(spec, until_due=until, after=after) if s.due_at > now), None)
        if found is not None and found.due_at < end:
            return found
        if horizon is not None and until == horizon:
            return None
        end += step
    return None


def _horizon(spec: RuleSpec) -> datetime | None:
    """The last moment an occurrence can fall due, where the policy sets one: "the working day
    before a holiday" has none past the years the holiday tables cover (no holiday is known there).
    Without it the search for a next date walked twelve windows of 400 days, day by day, to find
    nothing: 31,000 days for one pre-holiday checklist at each schedules.list (220 ms, demo data)."""
    if spec.working_days is not WorkingDayPolicy.BEFORE_HOLIDAY:
        return None
    return datetime(working_days.covered_years()[1] + 1, 1, 1, tzinfo=UTC)


# How far ahead of a new rule's first date `beyond_tables` looks: the coming year.
COVERAGE_AHEAD = timedelta(days=366)


def beyond_tables(spec: RuleSpec, now: datetime) -> list[int]:
    """The years no holiday table covers that a rule moving its dates off days off (any policy
    but NONE) reaches within the coming year, from `now` or from its start when that is later,
    or up to its end when that comes first: there its days off are weekends and the fixed-date
    holidays only (no Spring Festival), which `working_days_note` says."""
    if spec.working_days is WorkingDayPolicy.NONE:
        return []
    first = max(now, spec.start_at)
    rule, tz = _build(spec, first)
    local_first, last = first.astimezone(tz), (first + COVERAGE_AHEAD).astimezone(tz)
    years: set[int] = set()
    for instant in rule.xafter(local_first, inc=True):
        if instant > last:
            break
        due = _due(instant, tz, spec.working_days)  # the day it moves to may be in the next year
        years |= {instant.year} if due is None else {instant.year, due.astimezone(tz).year}
    return sorted(y for y in years if not working_days.covers(y))


def working_days_note(spec: RuleSpec, now: datetime) -> str | None:
    """The warning for a rule whose coming dates reach years without a holiday table (see
    `beyond_tables`), naming those years; None when there are none."""
    return working_days.coverage_note(set(beyond_tables(spec, now)))


def overdue_since(spec: RuleSpec, now: datetime) -> datetime | None:
    """A one-off's due time when it has passed by `now`: the one-off is owed from then, overdue
    (catch-up writes it; a recurring rule owes nothing from before it was added)."""
    if spec.rule or spec.start_at > now:
        return None
    once = next(slots(spec, until_due=spec.start_at + timedelta(days=working_days.MAX_SHIFT_DAYS + 1)), None)
    return once.due_at if once is not None and once.due_at <= now else None


def passed_over(spec: RuleSpec, now: datetime) -> bool:
    """Whether a recurring rule added at `now` had dates before it: those are not owed (its
    schedule catches up from when it was added, `catch_up_from`)."""
    return bool(spec.rule) and next(slots(spec, until_due=now), None) is not None


def describe(rule: str) -> str:
    """A short human name for a stored rule: the preset's label, else the RRULE itself."""
    if not rule:
        return t("rule.once")
    parts = [p for p in rule.split(";") if not p.startswith(("BYMONTHDAY=28", "BYSETPOS=-1", "BYMONTH=2"))]
    ending = [p for p in parts if p.startswith(("UNTIL=", "COUNT="))]
    core = ";".join(p for p in parts if p not in ending)
    names = {v: k for k, v in PRESETS.items()}
    label = t(f"rule.{names[core]}") if core in names else _every(core) or rule
    for p in ending:
        key, _, value = p.partition("=")
        if key == "COUNT":
            label += t("rule.count", n=value)
        else:
            until = datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC).astimezone()
            label += t("rule.until", date=until.date().isoformat())
    return label


def _every(core: str) -> str | None:
    """ "FREQ=MONTHLY;INTERVAL=2" in words (every 2 months), or None for a rule with more to it."""
    parts = dict(p.partition("=")[::2] for p in core.split(";") if p)
    if set(parts) - {"FREQ", "INTERVAL"} or parts.get("FREQ") not in FREQUENCIES:
        return None
    n = parts.get("INTERVAL", "1")
    return t(f"rule.every_{parts['FREQ'].lower()}", n=n) if n.isdigit() else None


def reminder_overdue(reminder: ReminderInfo, now: datetime) -> bool:
    """An overdue reminder (raised at the due time), or one whose occurrence is due by `now`."""
    return reminder.kind is ReminderKind.OVERDUE or reminder.due_at <= now


def fold_missed(reminders: Iterable[ReminderInfo], now: datetime) -> list[ReminderInfo]:
    """The bell's rows: one per schedule for its missed occurrences, its overdue reminders folded
    into the latest one (`earlier` holds the rest, latest first); a reminder coming up is a row of
    its own. Rows in the order of the due time they show. A fortnight closed had flooded the bell
    with 173 rows, 57 of them the same two-hourly fire patrol. Rows folded already fold again the
    same (the bell re-reads its own rows)."""
    rows: list[ReminderInfo] = []
    missed: dict[int, list[ReminderInfo]] = {}
    for reminder in (replace(r, earlier=()) for row in reminders for r in row.folded):
        if reminder_overdue(reminder, now):
            missed.setdefault(reminder.schedule_id, []).append(reminder)
        else:
            rows.append(reminder)
    for group in missed.values():
        group.sort(key=lambda r: (r.due_at, r.id), reverse=True)
        rows.append(replace(group[0], earlier=tuple(group[1:])))
    return sorted(rows, key=lambda r: (r.due_at, r.id))


def occurrence_overdue(item: OccurrenceInfo, now: datetime) -> bool:
    """An open occurrence due by `now`: the agenda asks at each paint, as the bell does for its
    reminders (`reminder_overdue`), so the two never disagree about the same item."""
    return item.status is OccurrenceStatus.OPEN and (item.overdue or item.due_at <= now)


def owed_before(items: Iterable[OccurrenceInfo], start: datetime) -> list[OccurrenceInfo]:
    """Overdue occurrences due before `start`: still owed, they head that day's agenda."""
    return [o for o in items if o.overdue and o.due_at < start]


def due_bounds(window: DueWindow, now: datetime, tz: ZoneInfo) -> tuple[datetime | None, datetime]:
    """The due times a window holds, (after, up to and including): overdue is anything due by now
    (after None); today is after now up to the local midnight ending today; the next seven days
    after now up to the local midnight ending the sixth day after today."""
    if window == DueWindow.OVERDUE:
        return None, now
    today = now.astimezone(tz).date()
    days = 1 if window == DueWindow.TODAY else 7
    return now, datetime.combine(today + timedelta(days=days), time(0), tzinfo=tz)


def due_in_windows(
    filters: Iterable[DueFilter],
    bounds: Iterable[tuple[datetime | None, datetime]],
    open_now: list[OccurrenceInfo],
    coming: list[OccurrenceInfo],
) -> list[list[OccurrenceInfo]]:
    """Each filter's items, its window's `bounds` (due_bounds): the open items due by its end when
    it is the overdue window, else the open items of the calendar `coming` (read over a window
    holding them all) due in it; narrowed to its kinds."""
    lists = []
    for flt, (after, until) in zip(filters, bounds, strict=True):
        if after is None:
            items = [o for o in open_now if o.due_at <= until]
        else:
            items = [o for o in coming if o.status == OccurrenceStatus.OPEN and after < o.due_at <= until]
        lists.append([o for o in items if not flt.kinds or o.kind in flt.kinds])
    return lists
