"""Recurrence: presets, month-end clamping, holiday shifts, DST, ends; and the working-day calendar."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr

from branchguard.core.kernel import working_days
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import set_language
from branchguard.core.schedules.rules import (
    RuleSpec,
    check_skip,
    describe,
    next_slot,
    normalise,
    slots,
    slots_between,
)
from branchguard.core.schedules.types import WorkingDayPolicy

SHANGHAI = "Asia/Shanghai"
BERLIN = "Europe/Berlin"


@pytest.fixture(autouse=True)
def chinese_after() -> Iterator[None]:
    yield
    set_language("zh_CN")


def spec(
    rule: str, start: datetime, tz: str = SHANGHAI, policy: WorkingDayPolicy = WorkingDayPolicy.NONE
) -> RuleSpec:
    body = normalise(rule, start, tz)
    return RuleSpec(body, start.replace(tzinfo=ZoneInfo(tz)).astimezone(UTC), tz, policy)


def local_dues(s: RuleSpec, until: datetime, n: int = 50) -> list[datetime]:
    zone = ZoneInfo(s.timezone)
    return [x.due_at.astimezone(zone).replace(tzinfo=None) for x in list(slots(s, until_due=until))[:n]]


def test_every_six_months_from_31_august_clamps_to_the_end_of_february() -> None:
    s = spec("semiannual", datetime(2026, 8, 31, 9, 0))
    assert s.rule == "FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=28,29,30,31;BYSETPOS=-1"
    assert local_dues(s, datetime(2029, 1, 1, tzinfo=UTC)) == [
        datetime(2026, 8, 31, 9, 0),
        datetime(2027, 2, 28, 9, 0),
        datetime(2027, 8, 31, 9, 0),
        datetime(2028, 2, 29, 9, 0),  # leap year
        datetime(2028, 8, 31, 9, 0),
    ]


def test_plain_rfc5545_would_skip_february_which_is_why_we_clamp() -> None:
    start = datetime(2026, 8, 31, 9, 0)
    plain = list(rrulestr("FREQ=MONTHLY;INTERVAL=6", dtstart=start)[:3])  # type: ignore[index]
    assert [d.date() for d in plain] == [date(2026, 8, 31), date(2027, 8, 31), date(2028, 8, 31)]


def test_monthly_from_the_31st_falls_on_each_months_last_day() -> None:
    s = spec("monthly", datetime(2027, 1, 31, 8, 30))
    assert [d.date() for d in local_dues(s, datetime(2027, 6, 1, tzinfo=UTC))] == [
        date(2027, 1, 31),
        date(2027, 2, 28),
        date(2027, 3, 31),
        date(2027, 4, 30),
        date(2027, 5, 31),
    ]


def test_monthly_from_the_30th_never_moves_to_the_31st() -> None:
    s = spec("monthly", datetime(2027, 1, 30, 8, 30))
    assert [d.day for d in local_dues(s, datetime(2027, 4, 1, tzinfo=UTC))] == [30, 28, 30]


def test_yearly_from_29_february_is_due_on_28_february_in_common_years() -> None:
    s = spec("yearly", datetime(2028, 2, 29, 10, 0))
    assert [d.date() for d in local_dues(s, datetime(2033, 1, 1, tzinfo=UTC))] == [
        date(2028, 2, 29),
        date(2029, 2, 28),
        date(2030, 2, 28),
        date(2031, 2, 28),
        date(2032, 2, 29),
    ]


def test_quarterly_and_weekly_presets() -> None:
    q = spec("quarterly", datetime(2026, 1, 15, 9, 0))
    assert [d.month for d in local_dues(q, datetime(2027, 1, 1, tzinfo=UTC))] == [1, 4, 7, 10]
    w = spec("weekly", datetime(2026, 6, 1, 9, 0))  # a Monday
    dues = local_dues(w, datetime(2026, 6, 30, tzinfo=UTC))
    assert [d.day for d in dues] == [1, 8, 15, 22, 29]
    assert {d.weekday() for d in dues} == {0}


def test_national_day_moves_to_the_first_working_day_after_the_holiday_week() -> None:
    s = spec("", datetime(2026, 10, 1, 9, 0), policy=WorkingDayPolicy.NEXT)
    [only] = slots(s, until_due=datetime(2027, 1, 1, tzinfo=UTC))
    assert only.due_at.astimezone(ZoneInfo(SHANGHAI)).replace(tzinfo=None) == datetime(2026, 10, 8, 9, 0)
    assert only.rule_at.astimezone(ZoneInfo(SHANGHAI)).date() == date(2026, 10, 1)  # its identity stays


def test_previous_policy_moves_before_the_holiday() -> None:
    # Mid-Autumn (25-27 Sep 2026) then National Day: 30 September is the last working day before.
    s = spec("", datetime(2026, 10, 1, 9, 0), policy=WorkingDayPolicy.PREVIOUS)
    [only] = slots(s, until_due=datetime(2027, 1, 1, tzinfo=UTC))
    assert only.due_at.astimezone(ZoneInfo(SHANGHAI)).date() == date(2026, 9, 30)


def test_a_daily_rule_skipping_days_off_keeps_the_make_up_saturday() -> None:
    s = spec("daily", datetime(2026, 9, 28, 9, 0), policy=WorkingDayPolicy.SKIP)
    days = [d.date() for d in local_dues(s, datetime(2026, 10, 12, tzinfo=UTC))]
    assert days == [
        date(2026, 9, 28),
        date(2026, 9, 29),
        date(2026, 9, 30),
        date(2026, 10, 8),
        date(2026, 10, 9),
        date(2026, 10, 10),  # Saturday, a make-up workday (调休)
    ]


def test_a_daily_rule_moved_off_a_holiday_week_collapses_into_one_occurrence() -> None:
    s = spec("daily", datetime(2026, 9, 30, 9, 0), policy=WorkingDayPolicy.NEXT)
    found = list(slots(s, until_due=datetime(2026, 10, 9, 12, tzinfo=UTC)))
    zone = ZoneInfo(SHANGHAI)
    assert [(x.rule_at.astimezone(zone).day, x.due_at.astimezone(zone).day) for x in found] == [
        (30, 30),
        (1, 8),  # 1-8 October all land on the 8th: one occurrence, not eight
        (9, 9),
    ]


def test_weekly_at_nine_stays_at_nine_local_across_both_dst_changes() -> None:
    s = spec("weekly", datetime(2026, 3, 23, 9, 0), tz=BERLIN)  # Monday before the spring change
    found = list(slots(s, until_due=datetime(2026, 11, 3, tzinfo=UTC)))
    utc_times = {x.due_at.date(): x.due_at.time() for x in found}
    assert utc_times[date(2026, 3, 23)].hour == 8  # CET, UTC+1
    assert utc_times[date(2026, 3, 30)].hour == 7  # CEST, UTC+2
    assert utc_times[date(2026, 10, 19)].hour == 7
    assert utc_times[date(2026, 10, 26)].hour == 8  # back to CET
    assert {x.due_at.astimezone(ZoneInfo(BERLIN)).hour for x in found} == {9}
    assert all(x.due_at.tzinfo is UTC for x in found)


def test_count_and_until_end_the_rule() -> None:
    start = datetime(2026, 11, 2, 9, 0)
    counted = RuleSpec(normalise("weekly", start, SHANGHAI, count=3), start.replace(tzinfo=UTC), SHANGHAI)
    assert len(list(slots(counted, until_due=datetime(2030, 1, 1, tzinfo=UTC)))) == 3
    body = normalise("daily", start, SHANGHAI, until=date(2026, 11, 5))
    assert "UNTIL=20261105T155959Z" in body  # the whole last day, in UTC as RFC 5545 asks
    until = RuleSpec(body, start.replace(tzinfo=ZoneInfo(SHANGHAI)).astimezone(UTC), SHANGHAI)
    assert len(list(slots(until, until_due=datetime(2030, 1, 1, tzinfo=UTC)))) == 4


@pytest.mark.parametrize(
    ("rule", "kwargs"),
    [
        ("FREQ=HOURLY", {}),
        ("FREQ=MINUTELY;INTERVAL=5", {}),
        ("every now and then", {}),
        ("FREQ=DAILY;DTSTART=20260101T000000Z", {}),
        ("FREQ=DAILY;COUNT=2", {"until": date(2027, 1, 1)}),
        ("weekly", {"count": 0}),
        ("", {"count": 3}),
        ("FREQ=DAILY;UNTIL=20200101", {}),
        ("FREQ=DAILY;INTERVAL=0", {}),  # never advances: the next date was looked for forever
        ("FREQ=MONTHLY;INTERVAL=-1", {}),
        ("FREQ=WEEKLY;INTERVAL=two", {}),
        ("FREQ=YEARLY;INTERVAL=1000", {}),
    ],
)
def test_bad_rules_are_refused_with_a_field_error(rule: str, kwargs: dict[str, object]) -> None:
    set_language("en")
    with pytest.raises(ValidationError) as err:
        normalise(rule, datetime(2026, 11, 2, 9, 0), SHANGHAI, **kwargs)  # type: ignore[arg-type]
    assert err.value.field == "field.rule" and err.value.field_label() == "Recurrence"


def test_unknown_time_zone_is_refused() -> None:
    with pytest.raises(ValidationError):
        normalise("daily", datetime(2026, 11, 2, 9, 0), "Mars/Olympus_Mons")


def test_slots_between_and_next_slot() -> None:
    s = spec("monthly", datetime(2026, 1, 31, 9, 0))
    between = slots_between(s, datetime(2026, 4, 1, tzinfo=UTC), datetime(2026, 7, 1, tzinfo=UTC))
    assert [x.due_at.astimezone(ZoneInfo(SHANGHAI)).date() for x in between] == [
        date(2026, 4, 30),
        date(2026, 5, 31),
        date(2026, 6, 30),
    ]
    nxt = next_slot(s, datetime(2026, 5, 31, 1, 0, 1, tzinfo=UTC))  # a second after May's
    assert nxt is not None and nxt.due_at.astimezone(ZoneInfo(SHANGHAI)).date() == date(2026, 6, 30)
    once = spec("", datetime(2026, 1, 5, 9, 0))
    assert next_slot(once, datetime(2026, 2, 1, tzinfo=UTC)) is None


def test_describe_names_presets_and_ends() -> None:
    set_language("en")
    start = datetime(2026, 8, 31, 9, 0)
    assert describe("") == "Once"
    assert describe(normalise("semiannual", start, SHANGHAI)) == "Every 6 months"
    assert describe(normalise("weekly", start, SHANGHAI, count=4)) == "Weekly, 4 times"
    assert describe("FREQ=WEEKLY;BYDAY=MO,TH") == "FREQ=WEEKLY;BYDAY=MO,TH"
    assert describe("FREQ=MONTHLY;INTERVAL=2;COUNT=3") == "Every 2 months, 3 times"  # no preset: in words
    set_language("zh_CN")
    assert describe(normalise("quarterly", start, SHANGHAI)) == "每季度"
    assert describe("FREQ=YEARLY;INTERVAL=2") == "每 2 年"


# -- working days --------------------------------------------------------------------------------
def test_the_holiday_data_covers_2026_with_its_make_up_workdays() -> None:
    assert working_days.covers(2026)
    assert not working_days.is_working_day(date(2026, 10, 1))  # National Day
    assert not working_days.is_working_day(date(2026, 2, 17))  # Spring Festival
    assert working_days.is_working_day(date(2026, 9, 20))  # Sunday, make-up workday
    assert working_days.is_working_day(date(2026, 10, 10))  # Saturday, make-up workday
    assert not working_days.is_working_day(date(2026, 11, 28))  # an ordinary Saturday
    assert working_days.holiday_name(date(2026, 10, 2)) == "National Day"
    assert working_days.coverage_note({2025, 2026}) is None


def test_a_year_without_holiday_data_falls_back_to_weekends_and_fixed_holidays_and_says_so() -> None:
    first, last = working_days.covered_years()
    year = last + 1
    friday = next(
        date(year, 10, 4) + timedelta(days=i)
        for i in range(7)
        if (date(year, 10, 4) + timedelta(days=i)).weekday() == 4
    )
    assert not working_days.covers(year)
    assert working_days.is_working_day(friday)  # after 1-3 October: no data, weekdays work
    assert not working_days.is_working_day(friday + timedelta(days=1))
    # the fixed-date public holidays are days off every year, a notice or none
    for month, day in ((1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3)):
        assert not working_days.is_working_day(date(year, month, day))
    assert working_days.shift(date(year, 1, 1), WorkingDayPolicy.NEXT) != date(year, 1, 1)
    assert working_days.holiday_name(date(year, 10, 1)) is None
    set_language("en")
    note = working_days.coverage_note({year})
    assert note is not None and str(year) in note and f"{first}–{last}" in note


def test_the_pc_zone_is_the_schedules_zone_even_when_it_is_utc(monkeypatch) -> None:
    """The window shows times in the PC's zone, so schedules use that very zone (UTC included);
    only a PC with no zone at all falls back to China's."""
    import tzlocal

    from branchguard.core.schedules import rules as schedules_rules

    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: "Etc/UTC")
    assert schedules_rules.local_zone_name() == "Etc/UTC"
    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: "Asia/Urumqi")
    assert schedules_rules.local_zone_name() == "Asia/Urumqi"
    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: None)
    assert schedules_rules.local_zone_name() == schedules_rules.FALLBACK_ZONE == "Asia/Shanghai"


def test_before_holidays_keeps_only_the_last_working_day_before_each_holiday() -> None:
    s = spec("before_holidays", datetime(2026, 1, 1, 9, 0), policy=WorkingDayPolicy.BEFORE_HOLIDAY)
    dues = [d.date().isoformat() for d in local_dues(s, datetime(2026, 12, 31, tzinfo=UTC))]
    # Spring Festival 2026 starts on Sunday 15 Feb after the make-up Saturday 14 Feb; Labour Day
    # on Friday 1 May; National Day on Thursday 1 Oct.
    assert "2026-02-14" in dues and "2026-04-30" in dues and "2026-09-30" in dues
    assert all(working_days.is_working_day(date.fromisoformat(d)) for d in dues)
    assert len(dues) == len(set(dues)) <= 8  # one per holiday, never a plain weekend
    assert describe(s.rule) == "每个法定节假日前"


def test_a_rule_that_drops_every_instant_ends_instead_of_running_on() -> None:
    # after the holiday data ends there is no holiday to be before: nothing is due, and the search
    # for the next one stops at its window instead of walking the rule to the end of time
    last = working_days.covered_years()[1]
    s = spec("before_holidays", datetime(last + 1, 1, 5, 9), policy=WorkingDayPolicy.BEFORE_HOLIDAY)
    assert next_slot(s, datetime(last + 1, 1, 5, tzinfo=UTC)) is None


def test_the_search_for_a_pre_holiday_date_stops_where_the_holiday_tables_end(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A daily pre-holiday checklist started near the end of the tables: its next date is looked
    for up to their last year, not day by day through twelve windows of 400 days (31,000 days at
    every schedules.list)."""
    last = working_days.covered_years()[1]
    s = spec("before_holidays", datetime(last, 12, 1, 9), policy=WorkingDayPolicy.BEFORE_HOLIDAY)
    from branchguard.core.schedules import rules as schedules_rules

    examined: list[datetime] = []
    real_due = schedules_rules._due
    monkeypatch.setattr(schedules_rules, "_due", lambda i, *rest: examined.append(i) or real_due(i, *rest))
    found = next_slot(s, datetime(last, 12, 20, tzinfo=UTC))
    assert found is None or found.due_at.year == last  # at most a day before a holiday that year
    assert 0 < len(examined) < 100
    within = spec("before_holidays", datetime(last, 1, 1, 9), policy=WorkingDayPolicy.BEFORE_HOLIDAY)
    assert next_slot(within, datetime(last, 1, 10, tzinfo=UTC)) is not None  # the tables' holidays


def test_the_check_before_new_years_day_after_the_tables_end_falls_on_their_last_working_day() -> None:
    """New Year's Day is a fixed date and the day before it is in the tables' last year: a daily
    pre-holiday checklist has its date on 31 December 2026 (a Thursday), though 2027 has no table
    (it had none: the check before New Year's Day 2027 never came). Nothing past it is guessed."""
    assert working_days.covered_years()[1] == 2026 and not working_days.covers(2027)
    s = spec("before_holidays", datetime(2026, 12, 1, 9), policy=WorkingDayPolicy.BEFORE_HOLIDAY)
    found = next_slot(s, datetime(2026, 12, 6, 2, tzinfo=UTC))
    assert found is not None
    assert found.due_at.astimezone(ZoneInfo(SHANGHAI)).replace(tzinfo=None) == datetime(2026, 12, 31, 9)
    dues = local_dues(s, datetime(2027, 12, 31, tzinfo=UTC))
    assert [d.date() for d in dues if d.year == 2026 and d.month == 12] == [date(2026, 12, 31)]
    assert all(d.year == 2026 for d in dues)  # 1 May or 1 October 2027: their eves are not known
    assert next_slot(s, datetime(2026, 12, 31, 12, tzinfo=UTC)) is None


def test_two_hourly_patrol_rounds_while_open() -> None:
    s = spec("two_hourly", datetime(2026, 3, 2, 8, 30))
    dues = local_dues(s, datetime(2026, 3, 3, 0, 0, tzinfo=UTC))
    assert [(d.day, d.hour, d.minute) for d in dues] == [(2, 9, 0), (2, 11, 0), (2, 13, 0), (2, 15, 0)]


def test_a_rule_whose_every_day_is_skipped_ends_the_search_instead_of_running_to_year_9999() -> None:
    # Weekly on Saturday, skipping days off: past the years the holiday table covers no Saturday
    # is a working day, so nothing is ever due; the search stops at the bound and finds nothing.
    last = working_days.covered_years()[1]
    s = spec("FREQ=WEEKLY;BYDAY=SA", datetime(last + 1, 1, 3, 9, 0), policy=WorkingDayPolicy.SKIP)
    now = datetime(last + 1, 1, 1, tzinfo=UTC)
    assert next_slot(s, now) is None
    assert list(slots(s, until_due=datetime(last + 3, 1, 1, tzinfo=UTC))) == []
    assert slots_between(s, now, datetime(last + 2, 1, 1, tzinfo=UTC)) == []


def test_the_bound_keeps_every_occurrence_a_shift_brings_back_in() -> None:
    # 1 October moved to the 8th by "next working day": due inside the window although its rule
    # instant is a week before the window's end; and an instant past the end is not due in it.
    s = spec("yearly", datetime(2026, 10, 1, 9, 0), policy=WorkingDayPolicy.NEXT)
    found = list(slots(s, until_due=datetime(2026, 10, 8, 12, tzinfo=UTC)))
    assert [x.due_at.astimezone(ZoneInfo(SHANGHAI)).date() for x in found] == [date(2026, 10, 8)]


@pytest.mark.parametrize(
    "rule",
    ["FREQ=WEEKLY;BYDAY=SA", "FREQ=WEEKLY;BYDAY=SA,SU", "FREQ=MONTHLY;BYDAY=1SU"],
)
def test_skipping_days_off_refuses_a_rule_that_falls_only_on_days_off(rule: str) -> None:
    start = datetime(2026, 1, 1, 9, 0)
    with pytest.raises(ValidationError) as caught:
        check_skip(normalise(rule, start, SHANGHAI), start, SHANGHAI)
    assert caught.value.field == "field.working_days"
    assert caught.value.reason_message.key == "schedule.skip_only_days_off"


def test_skipping_days_off_accepts_a_rule_with_working_days() -> None:
    start = datetime(2026, 1, 3, 9, 0)  # a Saturday: the daily rule still has weekdays
    for rule in ("daily", "FREQ=WEEKLY;BYDAY=SA,MO", "monthly"):
        check_skip(normalise(rule, start, SHANGHAI), start, SHANGHAI)


def test_slots_between_follows_the_holiday_tables_installed_after_it_was_asked() -> None:
    """The slots of a rule and range are kept, and worked out again once other tables are in."""
    daily = spec("FREQ=DAILY", datetime(2026, 3, 2, 9, 0), policy=WorkingDayPolicy.NEXT)
    start, end = datetime(2026, 3, 30, tzinfo=UTC), datetime(2026, 4, 6, tzinfo=UTC)

    def days() -> list[date]:
        return [
            slot.due_at.astimezone(ZoneInfo(SHANGHAI)).date() for slot in slots_between(daily, start, end)
        ]

    before = days()
    assert date(2026, 4, 1) in before
    try:
        working_days.install([working_days.YearTable(2026, {date(2026, 4, 1): "Test holiday"})])
        assert date(2026, 4, 1) not in days()
    finally:
        working_days.install([])
    assert days() == before
