"""The complaint register's statistics (PDF and Excel): a withdrawal is no answer, so it is neither
on time nor late; the register's rates are of the complaints it lists and say so, under labels of
their own, since the periodic report's rates count those answered in its period."""

from __future__ import annotations

from datetime import UTC, date, datetime

from openpyxl import load_workbook

from branchguard.core.complaints.types import ComplaintFilter, ComplaintInput, Satisfaction, StepInput
from branchguard.core.kernel.i18n import set_language, t
from branchguard.reports.complaint_common import statistics
from branchguard.reports.complaint_excel import build_complaint_workbook
from branchguard.reports.complaint_register import build_complaint_register

SUMMARY_LABELS = ("summary.fig.complaint_on_time_rate", "summary.fig.complaint_satisfaction_rate")
REGISTER_LABELS = ("report.complaints.listed_on_time_rate", "report.complaints.listed_satisfaction_rate")


def _at(day: str) -> datetime:
    return datetime.fromisoformat(f"{day}T04:00:00").replace(tzinfo=UTC)  # noon in Shanghai


def _complaint(demo, received: str) -> int:
    data = ComplaintInput(
        channel="counter", received_at=_at(received), customer_name="客户", category="fees",
        request="诉求", subject_person="王柜员",
    )  # fmt: skip
    return demo.ctx.services.complaints.register(demo.actor, data, now=_at(received)).info.id


def _reply(demo, cid: int, day: str) -> None:
    svc = demo.ctx.services.complaints
    svc.step(demo.actor, cid, StepInput("investigate", "核实"), now=_at(day))
    svc.step(demo.actor, cid, StepInput("decide", "处理", basis="规范"), now=_at(day))
    svc.step(demo.actor, cid, StepInput("reply", "答复", satisfaction=Satisfaction.SATISFIED), now=_at(day))


def _withdraw(demo, cid: int, day: str) -> None:
    demo.ctx.services.complaints.withdraw(demo.actor, cid, received_at=_at(day), now=_at(day))


APRIL = ComplaintFilter(received_from=date(2026, 4, 1), received_to=date(2026, 4, 30))


def test_withdrawals_are_not_counted_as_replied_on_time(demo, pdf, tmp_path) -> None:
    _reply(demo, _complaint(demo, "2026-04-02"), "2026-04-09")
    for day in ("2026-04-03", "2026-04-06", "2026-04-08"):
        _withdraw(demo, _complaint(demo, day), "2026-04-10")
    late = _complaint(demo, "2026-04-10")
    _reply(demo, late, "2026-04-28")  # due 04-25
    _withdraw(demo, late, "2026-04-29")  # replied before: answered all the same

    stats = statistics(demo.ctx.services.complaints.list(demo.actor, APRIL))
    assert stats.total == 5
    assert (stats.on_time, stats.answered, stats.on_time_rate) == (1, 2, "50%")
    assert (stats.satisfied, stats.replies) == (2, 2)

    out = tmp_path / "register.pdf"
    build_complaint_register(demo.ctx.services, demo.actor, APRIL, out)
    text = pdf.squashed(pdf.text(out))
    assert f"{t('report.complaints.listed_on_time_rate')}50%(1/2)" in text
    book = tmp_path / "register.xlsx"
    build_complaint_workbook(demo.ctx.services, demo.actor, APRIL, book)
    sheet = load_workbook(book)[t("report.complaints.statistics")]
    rows = {r[0].value: (r[1].value, r[2].value) for r in sheet.iter_rows()}
    assert rows[t("report.complaints.listed_on_time_rate")] == (0.5, "1/2")  # a share, its counts


def test_the_register_never_shows_a_rate_under_the_periodic_reports_label(demo, pdf, tmp_path) -> None:
    """June's complaint replied in July late, July's on time: the register of July's complaints
    has 1 of 1 on time, the periodic report of July 1 of 2; the same words may not name both."""
    june = _complaint(demo, "2026-06-20")
    _reply(demo, june, "2026-07-10")  # due 07-05
    _reply(demo, _complaint(demo, "2026-07-02"), "2026-07-09")
    july = ComplaintFilter(received_from=date(2026, 7, 1), received_to=date(2026, 7, 31))
    figures = demo.ctx.services.dashboard.figures_for_period(demo.actor, date(2026, 7, 1), date(2026, 8, 1))
    assert (figures.complaints_on_time, figures.complaints_answered) == (1, 2)
    for language in ("zh_CN", "en"):
        set_language(language)
        out = tmp_path / f"register-{language}.pdf"
        build_complaint_register(demo.ctx.services, demo.actor, july, out)
        text = pdf.squashed(pdf.text(out))
        assert pdf.squashed(f"{t('report.complaints.listed_on_time_rate')}100%(1/1)") in text, language
        for mine, theirs in zip(REGISTER_LABELS, SUMMARY_LABELS, strict=True):
            assert t(mine) != t(theirs), (language, mine)
