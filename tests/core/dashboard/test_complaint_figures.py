"""Complaint statistics in the dashboard's period figures (the source the periodic report and the
head-office package read): received by channel, category and cause; answered, on time and the
customers' satisfaction by the month the clock stopped; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime

from branchguard.core.complaints.types import ComplaintCause, ComplaintInput, Satisfaction, StepInput
from branchguard.core.dashboard.rules import Period, PeriodKind


def _at(day: str) -> datetime:
    # noon in Shanghai, morning in Europe: the same day wherever the tests run
    return datetime.fromisoformat(f"{day}T04:00:00").replace(tzinfo=UTC)


def _complaint(ctx, lead, received: str, channel: str, category: str, kind: str = "complaint") -> int:
    data = ComplaintInput(
        channel=channel, received_at=_at(received), customer_name="客户", category=category,
        request="诉求", kind=kind, subject_person="王柜员",
    )  # fmt: skip
    return ctx.services.complaints.register(lead, data, now=_at(received)).info.id


def _handle(ctx, lead, cid: int, replied: str, satisfaction: Satisfaction, cause: ComplaintCause | None):
    svc = ctx.services.complaints
    svc.step(lead, cid, StepInput("investigate", "核实"), now=_at(replied))
    svc.step(lead, cid, StepInput("decide", "处理", basis="规范"), now=_at(replied))
    svc.step(lead, cid, StepInput("reply", "答复", satisfaction=satisfaction), now=_at(replied))
    if cause is not None:
        svc.step(lead, cid, StepInput("archive", "归档", cause=cause), now=_at(replied))


def test_complaint_statistics_by_month_channel_category_and_cause(ctx, lead) -> None:
    on_time = _complaint(ctx, lead, "2026-10-03", "counter", "attitude")
    _handle(ctx, lead, on_time, "2026-10-10", Satisfaction.SATISFIED, ComplaintCause.EXPERIENCE)
    late = _complaint(ctx, lead, "2026-10-05", "phone", "fees")
    _handle(ctx, lead, late, "2026-10-25", Satisfaction.DISSATISFIED, ComplaintCause.LOSS)  # due 10-20
    _complaint(ctx, lead, "2026-10-07", "online", "attitude", kind="grumble")  # no clock
    september = _complaint(ctx, lead, "2026-09-28", "counter", "attitude")
    _handle(ctx, lead, september, "2026-10-02", Satisfaction.UNKNOWN, None)  # answered in October
    withdrawn = _complaint(ctx, lead, "2026-09-01", "letter", "wealth")
    ctx.services.complaints.withdraw(lead, withdrawn, received_at=_at("2026-10-08"), now=_at("2026-10-08"))

    board = ctx.services.dashboard
    october = board.figures_for_period(lead, date(2026, 10, 1), date(2026, 11, 1))
    # the grumble is no complaint (受理投诉 counted it): on its own line, in no breakdown
    assert october.complaints_received == 2
    assert (october.grumbles_received, october.objections_received) == (1, 0)
    assert october.complaints_by_channel == {"counter": 1, "phone": 1}
    assert october.complaints_by_category == {"attitude": 1, "fees": 1}
    assert october.complaints_by_cause == {"experience": 1, "loss": 1}
    # replied in October: the two in time, the September one, the late one; the withdrawal (its
    # clock stopped in October too) answered nothing
    assert (october.complaints_answered, october.complaints_on_time) == (3, 2)
    assert october.complaint_on_time_rate == 2 / 3
    assert (october.complaints_rated, october.complaints_satisfied) == (2, 1)
    assert october.complaint_satisfaction_rate == 0.5

    september_figures = board.figures_for_period(lead, date(2026, 9, 1), date(2026, 10, 1))
    assert september_figures.complaints_received == 2
    assert september_figures.complaints_by_channel == {"counter": 1, "letter": 1}
    assert september_figures.complaints_answered == 0 and september_figures.complaint_on_time_rate is None

    # the periodic report's figures and months are these very numbers
    quarter = board.period_report(lead, Period(PeriodKind.QUARTER, 2026, 4), now=_at("2026-12-05"))
    months = [m.start for m in quarter.complaint_months()]
    assert months == [date(2026, 10, 1), date(2026, 11, 1), date(2026, 12, 1)]
    assert quarter.complaint_months()[0] == october
    assert quarter.figures.complaints_answered == 3 and quarter.previous.complaints_received == 2
    assert quarter.complaint_categories["fees"].zh == "收费定价"
    month = board.period_report(lead, Period(PeriodKind.MONTH, 2026, 10), now=_at("2026-12-05"))
    assert month.figures == october and month.complaint_months() == (october,)


def test_a_withdrawal_is_not_an_answer_on_time(ctx, lead) -> None:
    """Three complaints withdrawn within their 15 days and one replied in time: one answered, on
    time, 100% of one (counted as answered, the withdrawals made it 4 of 4)."""
    replied = _complaint(ctx, lead, "2026-04-02", "counter", "attitude")
    _handle(ctx, lead, replied, "2026-04-09", Satisfaction.DISSATISFIED, None)
    for day in ("2026-04-03", "2026-04-06", "2026-04-08"):
        cid = _complaint(ctx, lead, day, "phone", "fees")
        ctx.services.complaints.withdraw(lead, cid, received_at=_at("2026-04-10"), now=_at("2026-04-10"))
    # replied, then withdrawn: answered all the same, at its reply
    late = _complaint(ctx, lead, "2026-03-20", "letter", "fees")
    _handle(ctx, lead, late, "2026-04-12", Satisfaction.SATISFIED, None)  # due 04-04
    ctx.services.complaints.withdraw(lead, late, received_at=_at("2026-04-13"), now=_at("2026-04-13"))

    april = ctx.services.dashboard.figures_for_period(lead, date(2026, 4, 1), date(2026, 5, 1))
    assert april.complaints_received == 4
    assert (april.complaints_answered, april.complaints_on_time) == (2, 1)
    assert april.complaint_on_time_rate == 0.5
    assert (april.complaints_rated, april.complaints_satisfied) == (2, 1)
