"""`branchguard schedule list|add|done|pause|resume` and `branchguard calendar export`."""

from __future__ import annotations

import argparse
import re
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from branchguard.cli.choices import codes
from branchguard.cli.common import (
    JSON_TABLE_HELP,
    JSON_TEXT_HELP,
    cli_actor,
    fail,
    print_json,
    print_table,
    record_id,
    warn,
    whole,
)
from branchguard.core.kernel import validation, working_days
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message, t
from branchguard.core.kernel.output import check_target, write_file
from branchguard.core.schedules.types import (
    DueFilter,
    DueWindow,
    OccurrenceInfo,
    ScheduleInfo,
    ScheduleInput,
    ScheduleKind,
    WorkingDayPolicy,
)

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from branchguard.context import AppContext

# A date without a time means the branch's opening hour.
DEFAULT_TIME = time(9, 0)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("schedule", help="schedules and reminders (计划与提醒)").add_subparsers(
        dest="schedule_command", metavar="ACTION", required=True
    )
    lst = group.add_parser("list", help="catch up, then list schedules with their open and overdue items")
    lst.add_argument("--json", action="store_true", help=JSON_TABLE_HELP)
    lst.add_argument("--active-only", action="store_true", help="leave paused schedules out")
    lst.set_defaults(handler=run_list, role_action="schedule.read")

    due = group.add_parser(
        "due", help="catch up, then list the open items overdue, due later today or in the next 7 days"
    )
    due.add_argument(
        "--window", required=True, **codes(DueWindow), help="overdue, today or next_7_days"
    )
    due.add_argument(
        "--kind", action="append", **codes(ScheduleKind), help="only this kind; repeatable"
    )
    due.add_argument("--json", action="store_true", help=JSON_TABLE_HELP)
    due.set_defaults(handler=run_due, role_action="schedule.read")

    add = group.add_parser("add", help="add a one-off or recurring schedule; prints its id")
    add.add_argument("title", help="what is to be done")
    add.add_argument(
        "--start", required=True, help="first date: 'YYYY-MM-DD HH:MM' local time (a date alone: 09:00)"
    )
    add.add_argument(
        "--rrule",
        default="",
        help="daily, weekly, monthly, quarterly, semiannual, yearly, or an RFC 5545 rule "
        "such as 'FREQ=WEEKLY;BYDAY=MO'; leave out for a one-off",
    )
    end = add.add_mutually_exclusive_group()
    end.add_argument("--until", help="last date YYYY-MM-DD (inclusive)")
    end.add_argument("--count", type=whole(1, 10_000), help="number of occurrences")
    add.add_argument(
        "--lead-minutes",
        type=whole(0, 525_600),
        default=24 * 60,
        help="remind this long before (default 1440)",
    )
    add.add_argument("--owner", default="", help="the person responsible")
    add.add_argument(
        "--kind",
        **codes(ScheduleKind),
        default=ScheduleKind.CUSTOM.value,
        help="what kind of work it is (default: custom)",
    )
    add.add_argument(
        "--working-days",
        **codes(WorkingDayPolicy),
        default=WorkingDayPolicy.NONE.value,
        help="on a public holiday or weekend: keep, next or previous working day, or skip",
    )
    add.add_argument("--tz", default="", help="IANA time zone of the wall clock (default: this PC's)")
    add.add_argument("--notes", default="", help="notes shown with each reminder")
    add.add_argument("--json", action="store_true", help=JSON_TEXT_HELP)
    add.set_defaults(handler=run_add, role_action="schedule.manage")

    done = group.add_parser("done", help="mark an open item done (or --skip it with a reason)")
    done.add_argument(
        "occurrence", type=record_id, metavar="ITEM_ID", help="the open item's id (from `schedule due`)"
    )
    done.add_argument("--skip", metavar="REASON", help="skipped, not done, because REASON")
    done.set_defaults(handler=run_done, role_action="schedule.complete")

    for name, active in (("pause", False), ("resume", True)):
        p = group.add_parser(name, help=f"{name} a schedule")
        p.add_argument("id", type=record_id, help="the schedule's id")
        p.set_defaults(handler=run_set_active, role_action="schedule.manage", active=active)

    cal = sub.add_parser("calendar", help="the schedule calendar (日程)").add_subparsers(
        dest="calendar_command", metavar="ACTION", required=True
    )
    exp = cal.add_parser("export", help="write the occurrences between two dates as iCalendar (.ics)")
    exp.add_argument("--from", dest="start", required=True, help="first date YYYY-MM-DD")
    exp.add_argument("--to", dest="end", required=True, help="last date YYYY-MM-DD (inclusive)")
    exp.add_argument("-o", "--output", required=True, type=Path, help=".ics file to write (at most 5 years)")
    exp.set_defaults(handler=run_export, role_action="schedule.read")


def wall_clock(at: datetime | None, timezone: str | None = None) -> str:
    """A time as the branch reads it, in this PC's zone as every other time the command line and
    the window show (`timezone` another), as YYYY-MM-DD HH:MM (the ISO text cut after the minutes:
    strftime took 5 µs a call, a tenth of `hazard list --json` at ten years). A schedule's own zone
    is the clock it repeats by, not the one to read it in: made on a PC set to UTC, the opening
    check read 08:30 here and 16:30 in the window's calendar, when it falls due."""
    if at is None:
        return ""
    return (at.astimezone(ZoneInfo(timezone)) if timezone else at.astimezone()).isoformat(" ", "minutes")[:16]


def parse_start(value: str, field: str = "field.start") -> datetime:
    """Local wall-clock time; an offset, when given, is kept. A bad one is refused naming `field`
    (a drill's --date is its planned time, not a schedule's start)."""
    text = value.strip()
    try:
        if len(text) == 10:
            parsed = datetime.combine(date.fromisoformat(text), DEFAULT_TIME)
        else:
            parsed = datetime.fromisoformat(text)
    except ValueError:
        raise ValidationError(field, _bad_date(value, "cli.schedule.bad_start")) from None
    return validation.moment(parsed, field)


def parse_day(value: str | None, field: str) -> date | None:
    if value is None:
        return None
    try:
        parsed = date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(Message(field), _bad_date(value, "cli.schedule.bad_date")) from None
    return validation.day(parsed, field)  # year 1 or 9999: refused, named


_DAY = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})\b")


def _bad_date(value: str, bad_form: str) -> Message:
    """Why `value` is no date: a day the calendar lacks (2027-02-29, 2026-04-31) written in the
    right form is said so, not blamed on the form."""
    found = _DAY.match(value)
    if found is not None:
        try:
            date(*map(int, found.groups()))
        except ValueError:
            return Message("cli.schedule.no_such_day", value=found.group(0).strip())
    return Message(bad_form, value=value)


def occurrence_json(o: OccurrenceInfo) -> dict[str, Any]:
    return {
        "id": o.id,
        "uid": o.uid,
        "rule_at": o.rule_at.isoformat(),
        "due_at": o.due_at.isoformat(),
        "due_local": wall_clock(o.due_at),
        "status": o.status.value,
        "overdue": o.overdue,
    }


def schedule_json(
    s: ScheduleInfo, items: list[OccurrenceInfo], no_next_date: str | None = None
) -> dict[str, Any]:
    """A schedule as JSON; `no_next_date` says why `next_due` is null when the reason is not the
    schedule's own (core/schedules/next_date.py), else null."""
    from branchguard.core.schedules.rules import describe

    return {
        "id": s.id,
        "kind": s.kind.value,
        "subject_id": s.subject_id,
        "title": s.title,
        "owner": s.owner,
        "rrule": s.rule,
        "recurrence": describe(s.rule),
        "start_at": s.start_at.isoformat(),
        "start_local": wall_clock(s.start_at),
        "timezone": s.timezone,
        "lead_minutes": s.lead_minutes,
        "working_days": s.working_days.value,
        "active": s.active,
        "notes": s.notes,
        "next_due": s.next_due.isoformat() if s.next_due else None,
        "next_due_local": wall_clock(s.next_due),
        "no_next_date": no_next_date,
        "open_count": s.open_count,
        "overdue_count": s.overdue_count,
        "open_items": [occurrence_json(o) for o in items if o.schedule_id == s.id],
    }


def run_due(ctx: AppContext, args: argparse.Namespace) -> int:
    svc, actor = ctx.services.schedules, cli_actor(args)
    if not ctx.read_only:  # as `dashboard` does: what fell due is written first
        svc.catch_up(actor)
    flt = DueFilter(DueWindow(args.window), tuple(ScheduleKind(k) for k in args.kind or ()))
    items = svc.due_items(actor, flt)
    if args.json:
        print_json(items)
        return 0
    headers = ["cli.schedule.id", "field.schedule_kind", "field.title", "field.owner", "cli.schedule.due"]
    print_table(
        headers,
        [("-" if o.id is None else o.id, o.kind.label, o.title, o.owner, wall_clock(o.due_at))
         for o in items],
    )  # fmt: skip
    return 0


def listed_at() -> datetime:
    """The one "now" of `schedule list`: its next dates and why one is missing agree."""
    return datetime.now(UTC)


def run_list(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.core.schedules.next_date import no_next_date_note
    from branchguard.core.schedules.rules import describe

    svc, actor = ctx.services.schedules, cli_actor(args)
    svc.catch_up(actor)  # as the app does at start: what fell due meanwhile shows up
    now = listed_at()
    schedules = svc.list(actor, now, include_inactive=not args.active_only)
    items = svc.open_items(actor)
    undated = {s.id: note for s in schedules if (note := no_next_date_note(s, now)) is not None}
    if args.json:
        print_json([schedule_json(s, items, undated.get(s.id)) for s in schedules])
        return 0
    print_table(
        [
            "cli.schedule.id",
            "field.schedule_kind",
            "field.title",
            "field.owner",
            "field.rule",
            "cli.schedule.next_due",
            "cli.schedule.open",
        ],
        [
            (
                s.id,
                s.kind.label,
                s.title,
                s.owner,
                describe(s.rule),
                _next_due_cell(s, s.id in undated),
                f"{s.open_count} / {s.overdue_count}",
            )
            for s in schedules
        ],
    )
    for note in dict.fromkeys(undated.values()):  # one note for every schedule it explains
        ids = ", ".join(f"#{i}" for i, said in undated.items() if said == note)
        print(f"\n{ids}: {note}")
    if items:
        print()
        print(t("cli.schedule.items"))
        status = {False: t("occurrence_status.open"), True: t("reminder_kind.overdue")}
        print_table(
            ["cli.schedule.id", "field.title", "cli.schedule.due", "cli.schedule.status"],
            [(o.id, o.title, wall_clock(o.due_at), status[o.overdue]) for o in items],
        )
    return 0


def _next_due_cell(s: ScheduleInfo, undated: bool) -> str:
    """The next date; a paused schedule says so, and one without a date for a reason shown below
    the table points to it rather than leaving the cell blank."""
    if not s.active:
        return t("cli.schedule.paused")
    return t("cli.schedule.no_next_date") if undated else wall_clock(s.next_due)


def run_add(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.core.schedules import rules

    data = ScheduleInput(
        title=args.title,
        start=parse_start(args.start),
        kind=ScheduleKind(args.kind),
        owner=args.owner,
        rule=args.rrule,
        lead_minutes=args.lead_minutes,
        working_days=WorkingDayPolicy(args.working_days),
        timezone=args.tz,
        notes=args.notes,
        until=parse_day(args.until, "field.repeat_until"),
        count=args.count,
    )
    made = ctx.services.schedules.add(cli_actor(args), data)
    # as the schedule was added: what it owes from then on
    spec, now = rules.RuleSpec(made.rule, made.start_at, made.timezone, made.working_days), made.created_at
    if args.json:
        from branchguard.core.schedules.next_date import no_next_date_note

        print_json(schedule_json(made, [], no_next_date_note(made, now)))
    elif (since := rules.overdue_since(spec, now)) is not None:  # a one-off already due: owed, overdue
        print(t("cli.schedule.added_overdue", id=made.id, due=wall_clock(since)))
    else:
        due = wall_clock(made.next_due) or t("cli.schedule.none_due")
        if rules.passed_over(spec, now):
            start = wall_clock(made.start_at)
            print(t("cli.schedule.added_passed", id=made.id, due=due, start=start))
        else:
            print(t("cli.schedule.added", id=made.id, due=due))
    note = rules.working_days_note(spec, now)
    if note:
        warn(note)
    return 0


def run_done(ctx: AppContext, args: argparse.Namespace) -> int:
    skipped = args.skip is not None
    done = ctx.services.schedules.complete(
        cli_actor(args), args.occurrence, skipped=skipped, note=args.skip or ""
    )
    print(t("cli.schedule.marked", id=done.id, status=done.status.label))
    return 0


def run_set_active(ctx: AppContext, args: argparse.Namespace) -> int:
    info = ctx.services.schedules.set_active(cli_actor(args), args.id, args.active)
    state = t("cli.schedule.active") if info.active else t("cli.schedule.paused")
    print(t("cli.schedule.set_active", id=info.id, state=state))
    return 0


def run_export(ctx: AppContext, args: argparse.Namespace) -> int:
    check_target(args.output)  # a device or a folder is named as such, whatever its name ends in
    if args.output.suffix.lower() != ".ics":
        # A usage error, like argparse's own and `report hazards -o x.csv` (exit status 2): nothing written.
        return fail(t("cli.calendar.bad_suffix", path=args.output), 2)
    first = parse_day(args.start, "field.date_range")
    last = parse_day(args.end, "field.date_range")
    assert first is not None
    assert last is not None
    validation.span(first, last, "field.date_range")
    # Whole local days: from the first day's midnight to the midnight after the last.
    start = datetime.combine(first, time()).astimezone()
    end = datetime.combine(last + timedelta(days=1), time()).astimezone()
    data = ctx.services.schedules.export_ics(cli_actor(args), start, end)
    write_file(args.output, data)
    count, cancelled = data.count(b"\r\nBEGIN:VEVENT\r\n"), data.count(b"\r\nSTATUS:CANCELLED\r\n")
    key = "cli.calendar.exported_cancelled" if cancelled else "cli.calendar.exported"
    print(t(key, count=count, cancelled=cancelled, path=args.output))
    # days in a year no holiday table covers: their dates avoid weekends and fixed-date holidays only
    note = working_days.coverage_note(set(range(first.year, last.year + 1)))
    if note:
        warn(note)
    return 0
