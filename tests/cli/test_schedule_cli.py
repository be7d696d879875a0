"""`branchguard schedule …` and `branchguard calendar export`, in-process, each call a fresh start."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from branchguard.core.kernel import working_days
from tests.cli.cli_support import Run


def listed(run: Run) -> list[dict[str, object]]:
    code, out, err = run("schedule", "list", "--json")
    assert code == 0, err
    result: list[dict[str, object]] = json.loads(out)
    return result


def test_add_then_list_shows_wall_clock_times_and_the_rule(run: Run, pc_zone) -> None:
    pc_zone("Asia/Shanghai")  # the branch's PC: its times read in its zone
    code, out, err = run(
        "schedule", "add", "消防演练", "--start", "2031-08-31 09:30", "--rrule", "semiannual",
        "--owner", "王安全", "--kind", "drill", "--lead-minutes", "2880", "--tz", "Asia/Shanghai",
    )  # fmt: skip
    assert code == 0, err
    assert out.strip() == "Schedule #1 added; next due 2031-08-31 09:30"
    [item] = listed(run)
    assert item["title"] == "消防演练" and item["kind"] == "drill" and item["owner"] == "王安全"
    assert item["rrule"] == "FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=28,29,30,31;BYSETPOS=-1"
    assert item["recurrence"] == "Every 6 months"
    assert item["start_at"] == "2031-08-31T01:30:00+00:00"  # stored in UTC
    assert item["next_due_local"] == "2031-08-31 09:30"  # shown on the branch's clock
    assert item["lead_minutes"] == 2880 and item["open_items"] == []
    code, out, _ = run("schedule", "list", lang="zh_CN")
    assert "消防演练" in out and "每半年" in out and "2031-08-31 09:30" in out


def test_an_item_due_while_nothing_ran_is_listed_overdue_exactly_once(run: Run) -> None:
    due = (datetime.now(UTC) - timedelta(hours=5)).astimezone(ZoneInfo("Asia/Shanghai"))
    assert (
        run(
            "schedule", "add", "交接检查", "--start", due.strftime("%Y-%m-%d %H:%M"), "--tz", "Asia/Shanghai"
        )[0]
        == 0
    )
    for _start in range(3):  # every command is a start of its own
        [item] = listed(run)
        items = item["open_items"]
        assert isinstance(items, list) and len(items) == 1
        assert items[0]["overdue"] is True
        assert item["overdue_count"] == 1
    code, out, _ = run("schedule", "list")
    assert "Open items" in out and "Overdue" in out
    code, out, err = run("schedule", "done", str(items[0]["id"]))
    assert code == 0 and out.strip() == f"Item #{items[0]['id']}: Done", err
    assert listed(run)[0]["open_items"] == []
    code, _, err = run("schedule", "done", str(items[0]["id"]))
    assert code == 1 and err.count("\n") == 1 and "already Done" in err


def test_pause_and_resume(run: Run) -> None:
    run("schedule", "add", "Weekly patrol", "--start", "2031-01-06 08:00", "--rrule", "weekly")
    assert run("schedule", "pause", "1")[1].strip() == "Schedule #1: paused"
    assert listed(run)[0]["active"] is False
    assert run("schedule", "list", "--json", "--active-only")[1].strip() == "[]"
    assert run("schedule", "resume", "1")[1].strip() == "Schedule #1: active"


def test_calendar_export_parses_back_with_the_right_times(run: Run, tmp_path: Path) -> None:
    run(
        "schedule", "add", "Monthly check", "--start", "2031-01-31 09:00", "--rrule", "monthly",
        "--tz", "Asia/Shanghai", "--lead-minutes", "60",
    )  # fmt: skip
    target = tmp_path / "out.ics"
    code, out, err = run(
        "calendar", "export", "--from", "2031-01-01", "--to", "2031-04-30", "-o", str(target)
    )
    assert code == 0, err
    assert out.strip() == f"4 event(s) written to {target}"
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    starts = [e.decoded("dtstart").astimezone(ZoneInfo("Asia/Shanghai")) for e in events]
    assert [s.strftime("%Y-%m-%d %H:%M") for s in starts] == [
        "2031-01-31 09:00",
        "2031-02-28 09:00",
        "2031-03-31 09:00",
        "2031-04-30 09:00",
    ]
    uids = [str(e["uid"]) for e in events]
    assert len(set(uids)) == 4
    run("calendar", "export", "--from", "2031-01-01", "--to", "2031-04-30", "-o", str(target))
    assert [str(e["uid"]) for e in Calendar.from_ical(target.read_bytes()).walk("VEVENT")] == uids


def in_the_last_december(monkeypatch: pytest.MonkeyPatch) -> int:
    """The schedules' clock at 1 December of the last year the holiday data covers (that year), as
    the tests of the year beyond it assume: run later, their rules had started or reached the year
    after next."""
    last = working_days.covered_years()[1]
    december = datetime(last, 12, 1, tzinfo=UTC)
    monkeypatch.setattr("branchguard.core.schedules.service.utcnow", lambda: december)
    return last


def test_a_calendar_export_reaching_a_year_beyond_the_holiday_data_says_so(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Exported in December for Outlook, the dates of January (and of Spring Festival) in a year no
    table covers avoid weekends and the fixed-date holidays only: said as `schedule add` says it.
    On the real clock, from that December's last Tuesday (29 December 2026) the weekly check was
    added with its start passed and nothing fell due in that December."""
    last = in_the_last_december(monkeypatch)
    run("schedule", "add", "Weekly check", "--start", f"{last}-12-01 09:00", "--rrule", "weekly",
        "--working-days", "next")  # fmt: skip
    target = tmp_path / "out.ics"
    code, _out, err = run(
        "calendar", "export", "--from", f"{last}-12-20", "--to", f"{last + 1}-01-10", "-o", str(target)
    )
    assert code == 0 and target.exists()
    assert f"dates in {last + 1} avoid only weekends and the fixed-date holidays" in err
    code, _out, err = run(
        "calendar", "export", "--from", f"{last}-12-01", "--to", f"{last}-12-31", "-o", str(target)
    )
    assert code == 0 and err == ""


def test_a_date_range_ending_before_it_starts_is_refused(run: Run, tmp_path: Path) -> None:
    code, _, err = run(
        "calendar", "export", "--from", "2031-05-01", "--to", "2031-04-01", "-o", str(tmp_path / "x.ics")
    )
    assert code == 1 and "end must be after the start" in err
    assert not (tmp_path / "x.ics").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--start", "next tuesday"], "is not a date and time"),
        (["--start", "2027-02-29 10:00"], "'2027-02-29': there is no such day"),
        (
            ["--start", "2031-01-01", "--rrule", "daily", "--until", "2031-04-31"],
            "Repeat until: '2031-04-31': there is no such",  # it named "Recurrence", the --rrule
        ),
        (["--start", "2031-01-01", "--rrule", "FREQ=HOURLY"], "repeats HOURLY"),
        (["--start", "2031-01-01", "--tz", "Nowhere/City"], "unknown time zone"),
        (["--start", "2031-01-01", "--rrule", "daily", "--until", "31/12/2031"], "is not a date"),
    ],
)
def test_bad_input_is_one_line_on_stderr(run: Run, args: list[str], message: str) -> None:
    code, out, err = run("schedule", "add", "X", *args)
    assert code == 1 and out == ""
    assert err.startswith("branchguard: error: ") and message in err and err.count("\n") == 1


def test_dates_beyond_the_holiday_data_are_warned_about(run: Run) -> None:
    year = working_days.covered_years()[1] + 1
    code, _, err = run(
        "schedule", "add", "X", "--start", f"{year}-03-02", "--rrule", "monthly", "--working-days", "next"
    )
    assert code == 0
    # its coming year: to next March
    assert f"dates in {year}, {year + 1} avoid only weekends and the fixed-date holidays" in err
    code, _, err = run("schedule", "add", "Y", "--start", f"{year}-03-02", "--rrule", "monthly")
    assert err == ""  # no policy, nothing to warn about


def test_a_rule_reaching_a_year_beyond_the_holiday_data_is_warned_about(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its first date is covered, a week later (New Year's Day) is not: said, the year named. On the
    real clock, from January 2027 its coming year reached 2028 too ("dates in 2027, 2028")."""
    last = in_the_last_december(monkeypatch)
    code, _out, err = run(
        "schedule", "add", "Weekly", "--start", f"{last}-12-25", "--rrule", "weekly", "--working-days", "skip"
    )
    assert code == 0, err
    assert f"dates in {last + 1} avoid only weekends and the fixed-date holidays" in err
    code, _, err = run(
        "schedule", "add", "Until the year ends", "--start", f"{last}-12-25", "--rrule", "weekly",
        "--working-days", "next", "--until", f"{last}-12-31",
    )  # fmt: skip
    assert code == 0 and (err == "" or str(last + 1) not in err)


def test_a_one_off_added_after_its_date_is_said_to_be_overdue(run: Run, pc_zone) -> None:
    pc_zone("Asia/Shanghai")  # the branch's PC: its times read in its zone
    due = (datetime.now(UTC) - timedelta(days=5)).astimezone(ZoneInfo("Asia/Shanghai"))
    when = due.strftime("%Y-%m-%d %H:%M")
    code, out, err = run("schedule", "add", "交接检查", "--start", when, "--tz", "Asia/Shanghai")
    assert code == 0, err
    assert out.strip() == f"Schedule #1 added; due since {when}: overdue"
    code, out, _ = run("schedule", "due", "--window", "overdue")
    assert "交接检查" in out and when in out
    code, out, _ = run("schedule", "add", "又一项", "--start", when, "--tz", "Asia/Shanghai", lang="zh_CN")
    assert out.strip() == f"已添加计划 #2；自 {when} 起到期：已逾期"


def test_a_rule_added_after_its_start_says_its_earlier_dates_are_not_owed(run: Run, pc_zone) -> None:
    pc_zone("Asia/Shanghai")  # the branch's PC: its times read in its zone
    zone = ZoneInfo("Asia/Shanghai")
    start = (datetime.now(UTC) - timedelta(days=30)).astimezone(zone).strftime("%Y-%m-%d %H:%M")
    code, out, err = run(
        "schedule", "add", "Weekly", "--start", start, "--rrule", "weekly", "--tz", "Asia/Shanghai"
    )
    assert code == 0, err
    nxt = listed(run)[0]["next_due_local"]
    assert out.strip() == (
        f"Schedule #1 added; next due {nxt} (repeating from {start}; dates before now are not counted)"
    )
    code, out, _ = run("schedule", "due", "--window", "overdue")
    assert "Weekly" not in out  # as said: nothing owed from before


def test_times_read_in_this_pcs_zone_as_the_window_shows_them(run: Run, pc_zone) -> None:
    """A schedule made on a PC set to UTC repeats at 08:30 UTC: 16:30 in Shanghai, when it falls
    due and when the window's calendar shows it. The command line read 08:30 (the schedule's zone)."""
    pc_zone("Asia/Shanghai")
    code, _, err = run("schedule", "add", "Opening check", "--start", "2031-01-06 08:30", "--rrule", "daily",
                       "--tz", "Etc/UTC")  # fmt: skip
    assert code == 0, err
    code, out, err = run("schedule", "list", "--json")
    [made] = [s for s in json.loads(out) if s["title"] == "Opening check"]
    assert made["next_due_local"].endswith("16:30") and made["timezone"] == "Etc/UTC"
    code, out, _ = run("schedule", "list")
    assert "2031-01-06 16:30" in out and "08:30" not in out
