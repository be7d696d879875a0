"""The periodic safety report read back as a user would, for a month, a quarter and a year in both
languages: every font embedded, the three charts drawn, the headline figures those of the
dashboard's `figures_for_period` for that period, the landscape annex, the sign-off and the
anchor; and the workbook holding the same figures."""

from __future__ import annotations

import subprocess
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from openpyxl import load_workbook
from PIL import Image

from branchguard.context import open_context
from branchguard.core.anchors import store as anchor_store
from branchguard.core.complaints.types import (
    ComplaintChannel,
    ComplaintFilter,
    ComplaintInput,
    ComplaintKind,
    Satisfaction,
    StepInput,
)
from branchguard.core.dashboard.rules import Period, PeriodKind
from branchguard.core.hazards.types import HazardInput, HazardSeverity, RemediationKind
from branchguard.core.kernel.i18n import set_language, t
from branchguard.core.kernel.types import Level
from branchguard.reports.summary import build_summary_report
from branchguard.reports.summary_charts import DARK
from branchguard.reports.summary_excel import build_summary_workbook, headline_values
from branchguard.reports.summary_tables import day
from tests.reports.conftest import Demo

if TYPE_CHECKING:
    from tests.reports.conftest import Pdf


@pytest.fixture
def branch(records_data_dir: Path) -> Iterator[Demo]:
    """The demo branch with its records (an inspection with failed items, hazards, an evaluated
    drill with a corrective action) and one real incident."""
    ctx = open_context(records_data_dir)
    actor = ctx.services.auth.login("lead", "lead-demo-2026")
    ctx.services.incidents.start(actor, None, Level.III, title="营业厅漏水")
    yield Demo(ctx, actor)
    ctx.close()


def _periods() -> list[Period]:
    today = date.today()
    return [
        Period(PeriodKind.MONTH, today.year, today.month),
        Period(PeriodKind.QUARTER, today.year, (today.month - 1) // 3 + 1),
        Period(PeriodKind.YEAR, today.year),
    ]


def _dark_pixels(path: Path, tmp_path: Path, page: int) -> int:
    """Pixels in the charts' dark grey on `page` (the bars; text is black or navy)."""
    prefix = tmp_path / f"p{page}"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), str(path), str(prefix)], check=True
    )
    image = Image.open(next(tmp_path.glob(f"p{page}*.png"))).convert("RGB")
    want = tuple(int(c * 255) for c in DARK.rgb())
    colours = image.getcolors(maxcolors=1 << 24) or []
    return sum(n for n, px in colours if all(abs(a - b) <= 2 for a, b in zip(px, want, strict=True)))


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_month_quarter_and_year_in_both_languages(
    branch: Demo, pdf: type[Pdf], tmp_path: Path, lang: str
) -> None:
    set_language(lang)
    services, actor = branch.ctx.services, branch.actor
    for period in _periods():
        out = tmp_path / f"summary-{period.code}-{lang}.pdf"
        font = build_summary_report(services, actor, period, out)
        assert font.embedded
        fonts = pdf.fonts(out)
        assert fonts and all(f.embedded for f in fonts), fonts
        text = pdf.squashed(pdf.text(out))
        for key in ("summary.title", "summary.chart.activity", "summary.chart.hazards",
                    "summary.chart.ageing", "summary.section.headline", "summary.section.drills",
                    "summary.section.signoff", "summary.section.annex", "summary.sub.majors"):  # fmt: skip
            assert pdf.squashed(t(key)) in text, (period.code, key)
        assert pdf.squashed(period.message().text()) in text
        # the headline rows: the dashboard's figures for the period and the one before, in order
        figures = services.dashboard.figures_for_period(actor, period.start, period.end)
        before = period.previous()
        previous = services.dashboard.figures_for_period(actor, before.start, before.end)
        for key, now, prev in (
            ("summary.fig.incidents", figures.incidents, previous.incidents),
            ("summary.fig.hazards_opened", figures.hazards_opened, previous.hazards_opened),
            ("summary.fig.hazards_open_at_end", figures.hazards_open_at_end, previous.hazards_open_at_end),
            (
                "summary.fig.inspections_submitted",
                figures.inspections_submitted,
                previous.inspections_submitted,
            ),
        ):
            assert pdf.squashed(f"{t(key)}{now}{prev}") in text, (period.code, key)
        assert figures.incidents >= 1 and figures.hazards_opened >= 1
        # the charts are drawn: the hazards opened this month make a dark bar on the charts' page
        chart_page = next(
            p
            for p in range(1, pdf.pages(out) + 1)
            if pdf.squashed(t("summary.chart.hazards")) in pdf.squashed(pdf.text(out, p))
        )
        assert _dark_pixels(out, tmp_path, chart_page) > 30
        # the landscape annex, and the anchor in the PDF's keywords
        sizes = subprocess.run(
            ["pdfinfo", "-l", "99", str(out)], capture_output=True, text=True, check=True
        ).stdout
        assert "595.276 x 841.89" in sizes and "841.89 x 595.276" in sizes
        # signed at the end of the body, before the annex's landscape tables
        wide = min(int(line.split()[1]) for line in sizes.splitlines() if "841.89 x 595.276" in line)
        heading = pdf.squashed(t("summary.section.signoff"))
        signed = next(p for p in range(1, wide) if heading in pdf.squashed(pdf.text(out, p)))
        assert signed < wide, (period.code, signed, wide)
        kind, anchors = anchor_store.read(out)
        assert len(anchors) == 1 and anchors[0].anchor is not None, (kind, anchors)
        for chart in tmp_path.glob("p*.png"):
            chart.unlink()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_period_still_running_says_so_under_the_title(
    branch: Demo, pdf: type[Pdf], tmp_path: Path, lang: str
) -> None:
    """This month, read at 10:00 today: not "the 1st to the 31st" as if it were over, but still
    running, its figures as of then; last month, over, as before."""
    set_language(lang)
    services, actor = branch.ctx.services, branch.actor
    today = date.today()
    month = Period(PeriodKind.MONTH, today.year, today.month)
    last_day = (month.end - timedelta(days=1)).isoformat()
    words, first = month.message().text(), month.start.isoformat()
    out = tmp_path / "running.pdf"
    build_summary_report(services, actor, month, out, now=datetime.combine(today, time(10)).astimezone())
    heading = pdf.squashed(pdf.text(out, 1))
    running = t("summary.subtitle_running", period=words, first=first, last=last_day, as_of=f"{today} 10:00")
    assert pdf.squashed(running) in heading
    said = t("summary.subtitle_running", period=words, first=first, last=last_day, as_of="").removeprefix(
        t("summary.subtitle", period=words, first=first, last=last_day)
    )  # ", still running: figures as of"
    assert said.strip() and pdf.squashed(said) in heading
    # the headline's change column sets part of this period against the whole last one: said so
    note = pdf.squashed(t("summary.running_note"))
    assert note in pdf.squashed(pdf.text(out))
    over = month.previous()
    build_summary_report(services, actor, over, out)
    ended = t("summary.subtitle", period=over.message().text(), first=over.start.isoformat(),
              last=(over.end - timedelta(days=1)).isoformat())  # fmt: skip
    heading = pdf.squashed(pdf.text(out, 1))
    assert pdf.squashed(ended) in heading and pdf.squashed(said) not in heading
    assert note not in pdf.squashed(pdf.text(out))


def test_the_workbook_holds_the_same_figures(branch: Demo, tmp_path: Path) -> None:
    services, actor = branch.ctx.services, branch.actor
    period = _periods()[1]
    out = build_summary_workbook(services, actor, period, tmp_path / "summary.xlsx")
    book = load_workbook(out)
    assert book.sheetnames[0] == t("summary.sheet.summary")
    sheet = book[t("summary.sheet.summary")]
    rows = {row[0]: row[1:3] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    figures = services.dashboard.figures_for_period(actor, period.start, period.end)
    for key, value in headline_values(figures):
        assert rows[t(key)][0] == value, key
    incidents = book[t("summary.sheet.incidents")]
    assert incidents.max_row - 1 == figures.incidents
    assert "营业厅漏水" in [r[2] for r in incidents.iter_rows(min_row=2, values_only=True)]
    # the twelve months the PDF charts, as numbers, and the integrity sheet with its signed anchor
    # (the workbook had neither: head office could not check it against the ledger)
    report = services.dashboard.period_report(actor, period)
    trends = list(book[t("summary.sheet.trends")].iter_rows(min_row=2, values_only=True))
    expected = [
        (m.start.strftime("%Y-%m"), m.incidents, m.drills, m.hazards_opened, m.hazards_resolved,
         m.hazards_open_at_end) for m in report.months
    ]  # fmt: skip
    assert trends == expected and len(trends) == 12
    integrity = [r[0] for r in book[t("anchor.report.sheet")].iter_rows(values_only=True) if r[0]]
    assert book.properties.keywords and book.properties.keywords in integrity
    assert services.anchors.check(actor, out).ok  # verify --anchor reads it back
    # about a period, no single record: the PDF says no more, the sheet said "本记录尚无账本记录"
    assert t("anchor.report.no_record") not in integrity
    # a fix-by day is a date, as the hazard register prints it, not its last second (23:59)
    majors = book[t("summary.sheet.majors")]
    column = [c.value for c in majors[1]].index(t("summary.col.fix_due")) + 1
    due = [majors.cell(r, column) for r in range(2, majors.max_row + 1)]
    assert due and all(c.number_format == "yyyy-mm-dd" for c in due)
    assert [c.value.date() for c in due] == [x.due_at.astimezone().date() for x in report.major_hazards]


@pytest.mark.parametrize("index", [0, 2])
def test_the_workbook_heads_the_period_with_its_days_as_the_pdf_does(
    branch: Demo, pdf: type[Pdf], tmp_path: Path, index: int
) -> None:
    """A year's workbook said "2026 (2026)" where its PDF said "2026 (2026-01-01 – 2026-12-31)"."""
    services, actor, period = branch.ctx.services, branch.actor, _periods()[index]
    book = load_workbook(build_summary_workbook(services, actor, period, tmp_path / "summary.xlsx"))
    rows = {r[0]: r[1] for r in book[t("summary.sheet.summary")].iter_rows(values_only=True) if r and r[0]}
    last = period.end - timedelta(days=1)
    assert rows[t("summary.period")] == f"{period.message().text()} ({period.start} – {last})"
    build_summary_report(services, actor, period, tmp_path / "summary.pdf")
    assert pdf.squashed(rows[t("summary.period")]) in pdf.squashed(pdf.text(tmp_path / "summary.pdf"))


def test_the_complaint_section_reads_the_dashboards_figures(
    branch: Demo, pdf: type[Pdf], tmp_path: Path
) -> None:
    set_language("zh_CN")
    services, actor = branch.ctx.services, branch.actor
    period = _periods()[1]  # the quarter: one row a month and the total
    svc = services.complaints
    # two hours ago, or as the quarter began in its first two hours (then two hours ago was last
    # quarter's: 0 received of 3)
    began = datetime.combine(period.start, time()).astimezone()
    received = max(datetime.now().astimezone() - timedelta(hours=2), began)
    cases = (("counter", "attitude", True), ("phone", "fees", True), ("online", "cards", False))
    for channel, category, answer in cases:
        data = ComplaintInput(channel=channel, received_at=received,
                              customer_name="客户", category=category, request="诉求")  # fmt: skip
        cid = svc.register(actor, data).info.id
        if answer:
            svc.step(actor, cid, StepInput("investigate", "核实"))
            svc.step(actor, cid, StepInput("decide", "处理", basis="规范"))
            svc.step(actor, cid, StepInput("reply", "答复", satisfaction=Satisfaction.SATISFIED))
    for kind in ("grumble", "objection"):  # registered, but no complaint (受理投诉 counted them)
        svc.register(actor, ComplaintInput(channel="counter", received_at=datetime.now().astimezone(),
                                           customer_name="客户", category="fees", request="嫌手续费高",
                                           kind=kind))  # fmt: skip
    figures = services.dashboard.figures_for_period(actor, period.start, period.end)
    assert figures.complaints_received >= 3 and figures.complaints_answered >= 2
    within = ComplaintFilter(received_from=period.start, received_to=period.end - timedelta(days=1))
    listed = Counter(c.kind for c in svc.list(actor, within))
    assert figures.complaints_received == listed[ComplaintKind.COMPLAINT]
    assert (figures.grumbles_received, figures.objections_received) == (
        listed[ComplaintKind.GRUMBLE], listed[ComplaintKind.OBJECTION]
    )
    out = tmp_path / "summary.pdf"
    build_summary_report(services, actor, period, out)
    text = pdf.squashed(pdf.text(out))
    for key, n in (("summary.fig.complaints", figures.complaints_received),
                   ("summary.fig.grumbles", figures.grumbles_received),
                   ("summary.fig.objections", figures.objections_received)):  # fmt: skip
        assert pdf.squashed(f"{t(key)}{n}") in text, key
    for key in ("summary.section.complaints", "summary.sub.complaint_months",
                "summary.sub.complaint_breakdown"):  # fmt: skip
        assert pdf.squashed(t(key)) in text, key
    report = services.dashboard.period_report(actor, period)
    for m in report.complaint_months():
        month = services.dashboard.figures_for_period(actor, m.start, m.end)
        assert m == month
        counts = (month.complaints_received, month.complaints_answered, month.complaints_on_time)
        row = f"{m.start:%Y-%m}" + "".join(map(str, counts))
        assert row in text, row
    total = f"{t('summary.col.total')}{figures.complaints_received}{figures.complaints_answered}"
    assert pdf.squashed(total) in text
    for channel, n in figures.complaints_by_channel.items():
        label = ComplaintChannel(channel).label
        assert pdf.squashed(f"{t('summary.col.channel')}{label}{n}") in text, channel
    on_time = figures.complaint_on_time_rate
    shown = "—" if on_time is None else f"{100 * on_time:.0f}%"
    assert pdf.squashed(f"{t('summary.fig.complaint_on_time_rate')}{shown}") in text
    # the workbook's complaint sheet holds the same numbers
    book = load_workbook(build_summary_workbook(services, actor, period, tmp_path / "summary.xlsx"))
    sheet = book[t("summary.sheet.complaints")]
    rows = {r[0]: r[1:] for r in sheet.iter_rows(values_only=True) if r and r[0]}
    total = rows[t("summary.col.total")]
    assert total[:3] == (figures.complaints_received, figures.complaints_answered, figures.complaints_on_time)
    assert total[3] == round(figures.complaints_on_time / figures.complaints_answered, 3)


def test_a_major_hazard_remediated_and_not_yet_verified_says_so(
    branch: Demo, pdf: type[Pdf], tmp_path: Path
) -> None:
    """The annex's remediation deadline: a fix reported and not verified is neither "not yet" nor
    done; it reads "remediated <day>, not yet verified", and once verified, done that day."""
    set_language("en")
    services, lead = branch.ctx.services, branch.actor
    staff = services.auth.login("staff", "staff-demo-2026")
    major = services.hazards.create(
        staff, HazardInput(description="Vault door sensor broken", severity=HazardSeverity.MAJOR, owner="Li")
    ).info
    for kind in (RemediationKind.INTERIM_CONTROL, RemediationKind.PLAN, RemediationKind.HEAD_OFFICE_REPORT):
        services.hazards.add_step(staff, major.id, kind, "done")  # its milestones, as verifying needs
    services.hazards.add_step(staff, major.id, RemediationKind.ACTION, "sensor replaced")
    remediated = services.hazards.remediate(staff, major.id, "fixed").events[-1].at
    month = _periods()[0]
    for name, state in (
        ("remediated", t("summary.milestone_unverified", at=day(remediated))),
        ("verified", t("summary.milestone_done", at=day(remediated))),  # verified the same day
    ):
        if name == "verified":
            services.hazards.verify(lead, major.id, "sensor tested")
        out = tmp_path / f"{name}.pdf"
        build_summary_report(services, lead, month, out)
        assert pdf.squashed(state) in pdf.squashed(pdf.text(out)), name


def test_a_rates_change_reads_in_percentage_points() -> None:
    """"+30" beside 50 % and 20 % read as a 30 % rise; it is 30 points."""
    from branchguard.core.dashboard.types import PeriodFigures
    from branchguard.reports.summary_tables import headline_rows

    day = date(2026, 11, 1)
    this = PeriodFigures(day, day, inspections_due=10, inspections_done=5)
    before = PeriodFigures(day, day, inspections_due=10, inspections_done=2)
    set_language("en")
    rows = {row[0]: row[1:] for row in headline_rows(this, before, 0, 0)}
    assert rows[t("summary.fig.inspection_rate")] == ("50%", "20%", "+30 pp")
    assert rows[t("summary.fig.inspections_done")][2] == "+3"  # a count's change stays a count
    set_language("zh_CN")
    rows = {row[0]: row[1:] for row in headline_rows(this, before, 0, 0)}
    assert rows[t("summary.fig.inspection_rate")][2] == "+30 个百分点"


def test_an_average_score_always_has_its_decimal() -> None:
    """A whole average printed as "92" beside "82.7" (the dashboard shows 92.0)."""
    from branchguard.core.dashboard.types import PeriodFigures
    from branchguard.reports.summary_tables import headline_rows

    day = date(2026, 11, 1)
    set_language("en")
    this, before = (PeriodFigures(day, day, drill_score_average=score) for score in (92.0, 82.7))
    rows = {row[0]: row[1:] for row in headline_rows(this, before, 0, 0)}
    assert rows[t("summary.fig.drill_score")] == ("92.0", "82.7", "+9.3")
    # its change too: 88.0 against 81.0 (January 2027 against December) read "+7", as a count does
    this, before = (PeriodFigures(day, day, drill_score_average=score) for score in (88.0, 81.0))
    rows = {row[0]: row[1:] for row in headline_rows(this, before, 0, 0)}
    assert rows[t("summary.fig.drill_score")] == ("88.0", "81.0", "+7.0")
    same = headline_rows(before, before, 0, 0)
    assert {row[0]: row[1:] for row in same}[t("summary.fig.drill_score")][2] == "0.0"
    rows = {row[0]: row[1:] for row in headline_rows(PeriodFigures(day, day), PeriodFigures(day, day), 0, 0)}
    assert rows[t("summary.fig.drill_score")][:2] == ("—", "—")


def test_a_rule_names_at_most_eight_of_its_drills() -> None:
    """A year's 49 drill numbers in one cell made a row taller than half a page (ReportLab then
    repeated the table's header mid-page); the annex lists every drill."""
    from branchguard.reports.summary_tables import _drills_done

    set_language("en")
    try:
        assert _drills_done([]) == "0"
        assert _drills_done([548, 549]) == "2 (#548, #549)"
        many = _drills_done(list(range(548, 597)))
        assert many == "49 (#548, #549, #550, #551, #552, #553, #554, #555, … and 41 more)"
    finally:
        set_language("zh_CN")
    assert _drills_done(list(range(1, 11))).endswith("……等另 2 次)")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_activity_chart_names_its_drills_as_the_figures_do(lang: str) -> None:
    """Its bars count the drills the incident log holds, as the figure "演练（按事件记录）" does; a
    legend reading "演练" had a reader look for the drills recorded afterwards in it (a user trial)."""
    set_language(lang)
    assert t("summary.chart.drills").startswith(t("summary.fig.drills"))


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_rule_never_met_reads_due_from_the_branchs_first_day(
    branch: Demo, pdf: type[Pdf], tmp_path: Path, lang: str
) -> None:
    """A branch new to BranchGuard: a drill rule it has not met yet was "never" and overdue; it
    reads "none since" the branch's first day, due its interval on from it, on time."""
    set_language(lang)
    services, lead = branch.ctx.services, branch.actor
    month = _periods()[0]
    lines = services.dashboard.period_report(lead, month).rules
    never = [line.item for line in lines if line.item.last_done is None]
    assert never
    out = tmp_path / "summary.pdf"
    build_summary_report(services, lead, month, out)
    text = pdf.squashed(pdf.text(out))
    today = date.today()
    assert pdf.squashed(t("drill.compliance.none_since", day=today.isoformat())) in text
    for item in never:
        assert item.first_since == today and item.status.value == "on_time"
        assert item.next_due is not None and item.next_due.isoformat() in text
    assert t("summary.never") not in text


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_major_hazard_verified_with_milestones_outstanding_is_marked_in_the_annex(
    branch: Demo, pdf: type[Pdf], tmp_path: Path, lang: str
) -> None:
    """Verified with its plan and head-office report not recorded, under a reason: the annex showed
    it verified as any other. Its status is marked as the hazard register marks it, the milestones
    and the reason are under its title, the headline counts it, and so does the workbook."""
    from branchguard.core.hazards.rules import Milestones

    set_language(lang)
    services, lead = branch.ctx.services, branch.actor
    staff = services.auth.login("staff", "staff-demo-2026")
    major = services.hazards.create(
        staff, HazardInput(description="金库门传感器失灵", severity=HazardSeverity.MAJOR, owner="李安全")
    ).info
    services.hazards.add_step(staff, major.id, RemediationKind.INTERIM_CONTROL, "双人值守")
    services.hazards.add_step(staff, major.id, RemediationKind.ACTION, "更换传感器")
    services.hazards.remediate(staff, major.id, "已更换")
    verified = services.hazards.verify(lead, major.id, "复查合格", waiver="当日更换，无需整改方案")
    month = _periods()[0]
    out = tmp_path / "summary.pdf"
    build_summary_report(services, lead, month, out)
    text = pdf.squashed(pdf.text(out))
    named = str(Milestones((RemediationKind.PLAN, RemediationKind.HEAD_OFFICE_REPORT)))
    waived_at = day(verified.events[-1].at)
    words = t("summary.waived", day=waived_at, milestones=named, reason="当日更换，无需整改方案")
    assert pdf.squashed(words) in text
    assert pdf.squashed(t("report.hazards.short_mark")) in text
    assert pdf.squashed(t("summary.fig.majors_waived")) + "1" in text  # this period's figure
    book = load_workbook(build_summary_workbook(services, lead, month, tmp_path / "summary.xlsx"))
    cells = [c for sheet in book.worksheets for r in sheet.iter_rows(values_only=True) for c in r if c]
    assert words in cells
