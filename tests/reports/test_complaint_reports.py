"""The complaint file and the complaint register (PDF and Excel): every step, evidence hashes,
signature lines, statistics; identifiers masked unless the lead asked; fonts embedded."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from openpyxl import load_workbook

from branchguard.core.complaints.types import (
    ComplaintCause,
    ComplaintChannel,
    ComplaintEvent,
    ComplaintEventKind,
    ComplaintFilter,
    ComplaintInput,
    Satisfaction,
    StepInput,
)
from branchguard.core.incidents.text import local_stamp
from branchguard.core.incidents.types import FollowUpInput
from branchguard.core.kernel.attachments import sha256_of
from branchguard.core.kernel.i18n import set_language, t
from branchguard.db.base import utcnow
from branchguard.reports.complaint_common import extension_decided_text
from branchguard.reports.complaint_excel import build_complaint_workbook
from branchguard.reports.complaint_file import build_complaint_file
from branchguard.reports.complaint_register import build_complaint_register

PHONE, ID_NUMBER = "13800138000", "110101199003071234"


def _handled(demo, tmp_path: Path) -> tuple[int, str]:
    svc, lead = demo.ctx.services.complaints, demo.actor
    c = svc.register(
        lead,
        ComplaintInput(
            channel="counter",
            received_at=utcnow() - timedelta(days=5),
            customer_name="张三丰",
            customer_phone=PHONE,
            customer_id_number=ID_NUMBER,
            category="attitude",
            request="柜员态度生硬，要求道歉",
            subject_person="王柜员",
        ),
    ).info
    still = tmp_path / "cctv-still.jpg"
    still.write_bytes(b"\xff\xd8 a CCTV still")
    svc.assign(lead, c.id, "李主管")
    svc.step(lead, c.id, StepInput("investigate", "调阅录像属实"), [still])
    svc.extend(lead, c.id, "需调取三个月流水")
    svc.step(lead, c.id, StepInput("decide", "批评教育并致歉", basis="《网点服务规范》礼仪条款"))
    svc.step(lead, c.id, StepInput("reply", "电话答复", satisfaction=Satisfaction.SATISFIED))
    svc.step(
        lead,
        c.id,
        StepInput(
            "archive",
            "归档",
            cause=ComplaintCause.EXPERIENCE,
            follow_up="礼仪培训",
            actions=(FollowUpInput("全员礼仪培训", "张行长", date(2099, 1, 31)),),
            hazards=("叫号机经常卡纸",),
        ),
    )
    late = svc.register(
        lead,
        ComplaintInput(
            channel="regulator",
            received_at=utcnow() - timedelta(days=20),
            customer_name="赵敏",
            customer_phone="13700001111",
            category="wealth",
            request="理财产品风险未充分揭示",
        ),
    ).info
    assert late.overdue
    return c.id, sha256_of(still.read_bytes())


def test_the_complaint_file_has_every_step_the_evidence_hash_and_signature_lines(demo, pdf, tmp_path) -> None:
    complaint_id, sha = _handled(demo, tmp_path)
    out = tmp_path / "file.pdf"
    build_complaint_file(demo.ctx.services, demo.actor, complaint_id, out)
    text = pdf.squashed(pdf.text(out))
    expected = [
        "投诉受理",
        "调查核实",
        "依据处理",
        "答复反馈",
        "分类归档",
        "《网点服务规范》礼仪条款",
        "申请仲裁",
    ]
    expected += ["服务体验预期相差甚远", "需调取三个月流水", sha, "网点负责人（签字）", "处理人（签字）"]
    expected += ["整改措施与隐患", "全员礼仪培训", "张行长", "2099-01-31", "未完成"]
    expected += ["叫号机经常卡纸", "已登记隐患", "延期决定于"]
    for words in expected:
        assert words in text, words
    # registered by the lead with no first-responsible person named: the lead, by display name
    assert "首问负责人王建国" in text and "首问负责人lead" not in text
    assert "补录" not in text  # the extension was entered as it was decided
    assert PHONE not in text and ID_NUMBER not in text and "张三丰" not in text
    assert "138****8000" in text and "110***********1234" in text
    assert all(f.embedded for f in pdf.fonts(out))

    full = tmp_path / "full.pdf"
    build_complaint_file(demo.ctx.services, demo.actor, complaint_id, full, unmask=True)
    full_text = pdf.squashed(pdf.text(full))
    assert PHONE in full_text and ID_NUMBER in full_text and "张三丰" in full_text


def test_the_register_pdf_states_the_filter_counts_and_masks(demo, pdf, tmp_path) -> None:
    _handled(demo, tmp_path)
    out = tmp_path / "register.pdf"
    build_complaint_register(demo.ctx.services, demo.actor, ComplaintFilter(overdue_only=True), out)
    text = pdf.squashed(pdf.text(out))
    assert "客户投诉登记簿" in text and "仅逾期" in text and "赵*" in text and "137****1111" in text
    assert "TS-" in text and "张**" not in text  # the archived one is not overdue
    assert "13700001111" not in text and "赵敏" not in text
    assert all(f.embedded for f in pdf.fonts(out))

    everything = tmp_path / "all.pdf"
    build_complaint_register(demo.ctx.services, demo.actor, ComplaintFilter(), everything)
    text = pdf.squashed(pdf.text(everything))
    assert "所列投诉按时答复率100%(1/1)" in text and "所列投诉客户满意率" in text
    set_language("en")
    english = tmp_path / "en.pdf"
    build_complaint_register(demo.ctx.services, demo.actor, ComplaintFilter(), english, unmask=True)
    text = pdf.text(english)
    assert "Complaint register" in text and "13700001111" in text and "Shown in full" in text
    assert pdf.squashed(t("report.signature", role=t("report.signer.handler"))) in pdf.squashed(text)


def test_the_register_states_the_search_and_lists_only_what_it_found(demo, pdf, tmp_path) -> None:
    _handled(demo, tmp_path)
    out = tmp_path / "found.pdf"
    build_complaint_register(demo.ctx.services, demo.actor, ComplaintFilter(text="理财"), out)
    text = pdf.squashed(pdf.text(out))
    assert "包含文字" in text and "赵*" in text and "张**" not in text
    # a masked register does not print what was searched: it may be the customer's full name
    assert "“理财”" not in text and pdf.squashed(t("report.complaints.search_withheld")) in text
    unmasked = tmp_path / "found-unmasked.pdf"
    build_complaint_register(demo.ctx.services, demo.actor, ComplaintFilter(text="赵"), unmasked, unmask=True)
    assert "“赵”" in pdf.squashed(pdf.text(unmasked))


def test_the_register_workbook_masks_unless_asked(demo, tmp_path) -> None:
    _handled(demo, tmp_path)
    out = tmp_path / "register.xlsx"
    build_complaint_workbook(demo.ctx.services, demo.actor, ComplaintFilter(), out)
    book = load_workbook(out)
    values = {str(c.value) for row in book.worksheets[0].iter_rows() for c in row if c.value is not None}
    assert {"138****8000", "110***********1234", "张**", "137****1111"} <= values
    assert not {PHONE, ID_NUMBER, "张三丰", "赵敏"} & values
    header = [c.value for c in book.worksheets[0][1]]
    overdue_row = next(r for r in book.worksheets[0].iter_rows(min_row=2) if r[4].value)
    assert overdue_row[0].fill.fgColor.rgb.endswith("FDE2E1") and header[0] == "编号"
    assert len(book.worksheets) == 4  # the register, statistics, filters, integrity (the anchor)
    # people by name, as the complaint file prints them (the workbook gave "staff", "lead")
    names = {a.username: a.display_name for a in demo.ctx.services.auth.list_users(demo.actor)}
    listed = list(book.worksheets[0].iter_rows(min_row=2, values_only=True))
    columns = (header.index(t("field.first_responsible")), header.index(t("field.handler")))
    people = {str(row[n] or "") for row in listed for n in columns}
    assert people & set(names.values()) and not people & set(names)
    # a rate is a number Excel sorts, its counts beside it (it was the text "100% (1/1)")
    stats = {r[0].value: r[1:] for r in book.worksheets[1].iter_rows()}
    rate, counts = stats[t("report.complaints.listed_on_time_rate")][:2]
    assert (rate.value, rate.number_format, counts.value) == (1, "0%", "1/1")

    full = tmp_path / "full.xlsx"
    build_complaint_workbook(demo.ctx.services, demo.actor, ComplaintFilter(), full, unmask=True)
    values = {str(c.value) for row in load_workbook(full).worksheets[0].iter_rows() for c in row if c.value}
    assert {PHONE, ID_NUMBER, "张三丰"} <= values


def _at(day: str, hour: int = 4) -> datetime:
    return datetime.fromisoformat(f"{day}T{hour:02d}:00:00").replace(tzinfo=UTC)  # noon in Shanghai


def test_an_extension_entered_later_says_when_it_was_decided_and_counts_as_on_time(
    demo, pdf, tmp_path
) -> None:
    """Decided on paper on its day 13 and entered on day 20: the file says both, the answer on
    day 21 is on time in the period's figures (the extension was refused, and the answer late)."""
    svc, lead = demo.ctx.services.complaints, demo.actor
    data = ComplaintInput(
        channel="counter", received_at=_at("2026-05-01"), customer_name="客户", category="fees",
        request="手续费收取有误", subject_person="王柜员",
    )  # fmt: skip
    cid = svc.register(lead, data, now=_at("2026-05-01")).info.id
    decided, entered = _at("2026-05-14", 7), _at("2026-05-21")
    svc.extend(lead, cid, "需调取三个月流水", decided_at=decided, now=entered)
    for step in (StepInput("investigate", "核实"), StepInput("decide", "退还", basis="收费标准")):
        svc.step(lead, cid, step, now=_at("2026-05-22"))
    replied = StepInput("reply", "电话答复", satisfaction=Satisfaction.SATISFIED)
    info = svc.step(lead, cid, replied, now=_at("2026-05-22")).info
    assert info.due_date == date(2026, 5, 31) and info.on_time is True
    figures = demo.ctx.services.dashboard.figures_for_period(lead, date(2026, 5, 1), date(2026, 6, 1))
    assert (figures.complaints_on_time, figures.complaints_answered) == (1, 1)

    stamps = {"at": local_stamp(decided, "%Y-%m-%d %H:%M"), "entered": local_stamp(entered, "%Y-%m-%d %H:%M")}
    for language in ("zh_CN", "en"):
        set_language(language)
        out = tmp_path / f"file-{language}.pdf"
        build_complaint_file(demo.ctx.services, lead, cid, out)
        text = pdf.squashed(pdf.text(out))
        assert pdf.squashed(t("report.complaint_file.extension_entered", **stamps)) in text, language
        moved = t("report.complaint_file.extension", before="2026-05-16", after="2026-05-31")
        assert pdf.squashed(moved) in text, language


def test_an_extension_says_when_it_was_entered_only_when_that_was_later() -> None:
    """Entered within a few minutes of its decision on the same day, when it was decided says it
    all; later, or after midnight, both are said."""

    def said(decided: datetime | None, entered: datetime) -> str:
        details = {"decided_at": decided.isoformat()} if decided else {}
        event = ComplaintEvent(1, ComplaintEventKind.EXTENDED, "lead", entered, "", details)
        return extension_decided_text(event)

    def decided_only(at: datetime) -> str:
        return t("report.complaint_file.extension_decided", at=local_stamp(at, "%Y-%m-%d %H:%M"))

    def both(at: datetime, entered: datetime) -> str:
        stamps = [local_stamp(x, "%Y-%m-%d %H:%M") for x in (at, entered)]
        return t("report.complaint_file.extension_entered", at=stamps[0], entered=stamps[1])

    noon = datetime(2026, 11, 30, 12, 0).astimezone()  # this PC's wall clock, as the file prints it
    assert said(noon, noon + timedelta(minutes=4)) == decided_only(noon)
    assert said(noon, noon + timedelta(minutes=6)) == both(noon, noon + timedelta(minutes=6))
    late = noon.replace(hour=23, minute=58)
    assert said(late, late + timedelta(minutes=3)) == both(late, late + timedelta(minutes=3))  # next day
    assert said(None, noon) == decided_only(noon)  # recorded before the time was asked: when recorded


def test_the_register_never_splits_the_regulators_hotline_number(demo, pdf, tmp_path) -> None:
    """Its channel column printed 监管转办（123 / 78、12363）: the number on two lines."""
    set_language("zh_CN")
    svc, lead = demo.ctx.services.complaints, demo.actor
    data = ComplaintInput(channel="regulator", received_at=utcnow() - timedelta(days=1), customer_name="钱七",
                          category="fees", request="对收费不满")  # fmt: skip
    svc.register(lead, data)
    out = tmp_path / "register.pdf"
    regulator = ComplaintFilter(channel=ComplaintChannel.REGULATOR)
    build_complaint_register(demo.ctx.services, lead, regulator, out)
    text = pdf.text(out)
    assert text.count("12378") == 3 and text.count("12363") == 3, text  # the filter, statistics and row


def test_the_final_category_is_named_not_coded(demo, pdf, tmp_path) -> None:
    """The archive's final category showed as its code ("最终分类: attitude") in the file, the
    window's detail and `complaint show`, which all say a step's fields in words."""
    svc, lead = demo.ctx.services.complaints, demo.actor
    c = svc.register(
        lead,
        ComplaintInput(
            channel="counter", received_at=utcnow(), customer_name="张三丰", category="wealth",
            request="排队久",
        ),
    ).info
    svc.step(lead, c.id, StepInput("investigate", "已核实"))
    svc.step(lead, c.id, StepInput("decide", "致歉", basis="《网点服务规范》"))
    svc.step(lead, c.id, StepInput("reply", "电话答复", satisfaction=Satisfaction.SATISFIED))
    archive = StepInput("archive", "归档", cause=ComplaintCause.EXPERIENCE, classification="attitude")
    svc.step(lead, c.id, archive)
    name = next(cat.name_zh for cat in svc.categories(lead, active_only=False) if cat.code == "attitude")
    out = tmp_path / "file.pdf"
    build_complaint_file(demo.ctx.services, demo.actor, c.id, out)
    text = pdf.squashed(pdf.text(out))
    assert f"最终分类:{name}" in text and "最终分类:attitude" not in text
