"""A period's hazard figures come from the hazard's history: reopening a hazard (which clears its
verification and close) leaves the figures of the months already reported as they were, and a
second verification counts in its own month; on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime, time
from unittest import mock

from branchguard.core.dashboard.rules import Period, PeriodKind
from branchguard.core.hazards.rules import as_edited
from branchguard.core.hazards.types import HazardInput, HazardSeverity, HazardStatus, RemediationKind
from branchguard.db.models.hazards import HazardEventRow, HazardRow

MONTHS = (date(2026, 9, 1), date(2026, 10, 1), date(2026, 11, 1), date(2026, 12, 1), date(2027, 1, 1))


@contextmanager
def _clock(ctx, day: date) -> Iterator[None]:
    """The hazard service's clock at noon of `day` (its writes date themselves by it)."""
    at = datetime.combine(day, time(12), tzinfo=ctx.services.dashboard.zone)
    with (
        mock.patch("branchguard.core.hazards.service.utcnow", return_value=at),
        mock.patch("branchguard.core.hazards.store.utcnow", return_value=at),
    ):
        yield


def _fixed(ctx, lead, staff, opened: date, verified: date) -> int:
    hazards = ctx.services.hazards
    with _clock(ctx, opened):
        data = HazardInput(
            description=f"隐患 {opened}", severity=HazardSeverity.GENERAL, location="营业厅",
            owner="李安全", due=date(2026, 10, 31),
        )  # fmt: skip
        hid = hazards.create(staff, data).info.id
        hazards.add_step(staff, hid, RemediationKind.ACTION, "更换")
        hazards.remediate(staff, hid, "已整改")
    with _clock(ctx, verified):  # its plan and head-office report outstanding: said why
        hazards.verify(lead, hid, "复查合格", waiver="方案与上报另行补办")
    return hid


def _figures(ctx, lead) -> list[tuple[int, int]]:
    """(resolved, open at the end) of September to December 2026."""
    periods = ctx.services.dashboard.periods(lead, MONTHS)
    return [(p.hazards_resolved, p.hazards_open_at_end) for p in periods]


def test_reopening_leaves_the_months_already_reported_as_they_were(ctx, lead, staff) -> None:
    reopened = _fixed(ctx, lead, staff, date(2026, 8, 20), date(2026, 9, 10))
    closed = _fixed(ctx, lead, staff, date(2026, 8, 21), date(2026, 9, 12))
    with _clock(ctx, date(2026, 9, 15)):
        ctx.services.hazards.close(lead, closed, "销号")  # after its verification: resolved once
    _fixed(ctx, lead, staff, date(2026, 10, 5), date(2026, 11, 20))  # open at the end of October
    before = _figures(ctx, lead)
    assert before == [(2, 0), (0, 1), (1, 0), (0, 0)]
    september = ctx.services.dashboard.period_report(lead, Period(PeriodKind.MONTH, 2026, 9))

    with _clock(ctx, date(2026, 12, 2)):
        ctx.services.hazards.reopen(lead, reopened, "整改未落实")
    after = _figures(ctx, lead)
    assert after[:3] == before[:3]  # September to November as reported
    assert after[3] == (0, 1)  # open again at the end of December
    again = ctx.services.dashboard.period_report(lead, Period(PeriodKind.MONTH, 2026, 9))
    assert again.figures == september.figures and again.ageing == september.ageing

    ctx.services.hazards.add_step(staff, reopened, RemediationKind.ACTION, "再次整改")
    with _clock(ctx, date(2026, 12, 3)):
        ctx.services.hazards.remediate(staff, reopened, "已整改")
        ctx.services.hazards.verify(lead, reopened, "复查合格")
    assert _figures(ctx, lead) == [*before[:3], (1, 0)]  # resolved again, in December


def _major(ctx, lead, staff, opened: date, verified: date) -> int:
    """A major hazard opened on `opened`, its interim control taken, remediated and verified on
    `verified` (the other milestones waived)."""
    hazards = ctx.services.hazards
    with _clock(ctx, opened):
        data = HazardInput(description=f"重大隐患 {opened}", severity=HazardSeverity.MAJOR, owner="李安全")
        hid = hazards.create(staff, data).info.id
        hazards.add_step(staff, hid, RemediationKind.INTERIM_CONTROL, "专人值守")
        hazards.add_step(staff, hid, RemediationKind.ACTION, "更换门禁")
        hazards.remediate(staff, hid, "已整改")
    with _clock(ctx, verified):  # its plan and head-office report outstanding: said why
        hazards.verify(lead, hid, "复查合格", waiver="方案与上报另行补办")
    return hid


def test_reopening_leaves_the_major_hazards_of_a_month_already_reported(ctx, lead, staff) -> None:
    """Verified in September and reopened in November (a plan made then), or verified in August
    and reopened in November: September's list of major hazards, with each one's state at the end
    of September, is what it was when it was sent."""
    in_september = _major(ctx, lead, staff, date(2026, 8, 20), date(2026, 9, 10))
    before_september = _major(ctx, lead, staff, date(2026, 8, 3), date(2026, 8, 25))
    board, september = ctx.services.dashboard, Period(PeriodKind.MONTH, 2026, 9)
    sent = board.period_report(lead, september).major_hazards
    assert [line.id for line in sent] == [in_september]
    verified = datetime.combine(date(2026, 9, 10), time(12), tzinfo=board.zone)
    assert (sent[0].status, sent[0].fixed_at, sent[0].plan_done_at) == (HazardStatus.VERIFIED, verified, None)

    with _clock(ctx, date(2026, 11, 5)):
        for hid in (in_september, before_september):
            ctx.services.hazards.reopen(lead, hid, "整改未落实")
        ctx.services.hazards.add_step(staff, in_september, RemediationKind.PLAN, "整改方案")
    assert board.period_report(lead, september).major_hazards == sent
    november = board.period_report(lead, Period(PeriodKind.MONTH, 2026, 11)).major_hazards
    assert {line.id: line.status for line in november} == {
        in_september: HazardStatus.OPEN,
        before_september: HazardStatus.OPEN,
    }
    assert all(line.fixed_at is None and line.remediated_at is None for line in november)


def _edit(ctx, lead, hid: int, **fields) -> None:
    """The lead's edit of the hazard (as the form saves it), with a reason: lowering needs one."""
    hazards = ctx.services.hazards
    opened = as_edited(hazards.get(lead, hid).info)
    hazards.update(lead, hid, replace(opened, **fields), reason="复核", opened=opened)


def test_a_change_of_severity_after_the_month_leaves_its_major_hazards_as_reported(ctx, lead, staff) -> None:
    """Hazard 1 major all September, hazard 2 general: in November 1 is lowered and 2 raised.
    September's list still names 1 alone, with its deadlines of then; November's names 2."""
    hazards = ctx.services.hazards
    with _clock(ctx, date(2026, 8, 20)):
        first = hazards.create(
            staff, HazardInput(description="消防通道堵塞", severity=HazardSeverity.MAJOR, owner="李安全")
        )
        second = hazards.create(staff, HazardInput(description="灯箱松动", owner="李安全"))
    board, september = ctx.services.dashboard, Period(PeriodKind.MONTH, 2026, 9)
    sent = board.period_report(lead, september).major_hazards
    assert [line.id for line in sent] == [first.info.id]
    assert sent[0].interim_due_at is not None and sent[0].report_head_office == first.info.report_head_office

    with _clock(ctx, date(2026, 11, 5)):
        _edit(ctx, lead, first.info.id, severity=HazardSeverity.GENERAL, due=None)
        _edit(ctx, lead, second.info.id, severity=HazardSeverity.MAJOR, due=None)
    assert board.period_report(lead, september).major_hazards == sent
    november = board.period_report(lead, Period(PeriodKind.MONTH, 2026, 11)).major_hazards
    assert [line.id for line in november] == [second.info.id]


def _major_due_in_september(ctx, lead, staff) -> tuple[int, list]:
    """A major hazard opened 2026-09-01, due 2026-09-19: its id and September's major-hazard lines."""
    data = HazardInput(
        description="监控盲区", severity=HazardSeverity.MAJOR, owner="李安全", due=date(2026, 9, 19)
    )
    with _clock(ctx, date(2026, 9, 1)):
        hid = ctx.services.hazards.create(staff, data).info.id
    sent = ctx.services.dashboard.period_report(lead, Period(PeriodKind.MONTH, 2026, 9)).major_hazards
    return hid, sent


def test_a_due_date_moved_after_the_month_leaves_its_major_hazard_as_reported(ctx, lead, staff) -> None:
    """A major hazard due 2026-09-19, overdue at the end of September: its due date moved to
    2027-03-31 (and its title changed) in November leaves September's line as it was sent."""
    hid, sent = _major_due_in_september(ctx, lead, staff)
    board, september = ctx.services.dashboard, Period(PeriodKind.MONTH, 2026, 9)
    assert [line.due_at.astimezone(board.zone).date() for line in sent] == [date(2026, 9, 19)]

    with _clock(ctx, date(2026, 11, 5)):
        _edit(ctx, lead, hid, due=date(2027, 3, 31), title="监控盲区（东侧）")
    assert board.period_report(lead, september).major_hazards == sent
    november = board.period_report(lead, Period(PeriodKind.MONTH, 2026, 11)).major_hazards
    assert [(line.title, line.due_at.astimezone(board.zone).date()) for line in november] == [
        ("监控盲区（东侧）", date(2027, 3, 31))
    ]


def test_an_edit_written_before_the_due_date_was_a_date_is_undone_too(ctx, lead, staff) -> None:
    """Before migration 0019 an edit wrote the due date as the instant ending it ("due_at", with
    the branch's offset): undone, it gives back that day, whatever the zone of the PC reading it."""
    hid, sent = _major_due_in_september(ctx, lead, staff)
    board, september = ctx.services.dashboard, Period(PeriodKind.MONTH, 2026, 9)
    with ctx.sessions.begin() as s:
        row = s.get(HazardRow, hid)
        row.due_date = date(2027, 3, 31)
        moved = ["2026-09-19T23:59:59+08:00", "2027-03-31T23:59:59+08:00"]
        at = datetime(2026, 11, 5, tzinfo=UTC)
        row.events.append(HazardEventRow(kind="edited", actor="lead", at=at, changes={"due_at": moved}))
    assert board.period_report(lead, september).major_hazards == sent


def _due(ctx, staff, due: date) -> int:
    """A general hazard found on 2026-10-10, due `due`, still open."""
    data = HazardInput(description=f"隐患 {due}", owner="李安全", due=due)
    with _clock(ctx, date(2026, 10, 10)):
        return int(ctx.services.hazards.create(staff, data).info.id)


def _overdue_in_november(ctx, lead) -> int:
    """The November report's 逾期隐患, read in January (after December's edits)."""
    now = datetime(2027, 1, 10, tzinfo=UTC)
    return ctx.services.dashboard.period_report(lead, Period(PeriodKind.MONTH, 2026, 11), now).hazards_overdue


def test_due_dates_moved_later_after_the_month_leave_its_overdue_figure_as_reported(ctx, lead, staff) -> None:
    """Two hazards due in November and one due in December: November's report counts two overdue
    at its end. Moving both to 2027-01-31 in December leaves them overdue at the end of November."""
    late = [_due(ctx, staff, date(2026, 11, 10)), _due(ctx, staff, date(2026, 11, 30))]
    _due(ctx, staff, date(2026, 12, 20))
    assert _overdue_in_november(ctx, lead) == 2
    with _clock(ctx, date(2026, 12, 5)):
        for hid in late:
            _edit(ctx, lead, hid, due=date(2027, 1, 31))
    assert _overdue_in_november(ctx, lead) == 2


def test_a_due_date_moved_earlier_after_the_month_does_not_make_it_overdue_then(ctx, lead, staff) -> None:
    """A hazard due 2026-12-20 was not overdue at the end of November: brought forward to
    2026-11-15 in December, November's report still counts none (and its own column says overdue)."""
    hid = _due(ctx, staff, date(2026, 12, 20))
    assert _overdue_in_november(ctx, lead) == 0
    with _clock(ctx, date(2026, 12, 5)):
        _edit(ctx, lead, hid, due=date(2026, 11, 15))
    assert _overdue_in_november(ctx, lead) == 0
    december = ctx.services.dashboard.period_report(
        lead, Period(PeriodKind.MONTH, 2026, 12), datetime(2027, 1, 10, tzinfo=UTC)
    )
    assert december.hazards_overdue == 1
